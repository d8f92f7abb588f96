import type { LetterPage } from '../../../domain/api/letters';
import type { Db } from '../../db/connect';
import { listPartyLetters, type Party } from './repository';
import { parseEventDetail, toSummary } from './views';

/** The caller's correspondence, newest first, each letter as the caller may see it. One query a page. */
export async function listLetters(db: Db, principal: Party, page: { limit: number; cursor?: string; sponsorshipId?: string }): Promise<LetterPage> {
  const { items, nextCursor } = await listPartyLetters(db, principal, page);
  return {
    items: items.map((l) => {
      const role = l.author_account_id === principal.accountId ? 'writer' : 'reader';
      const redactions = role === 'reader' ? parseEventDetail(l.approved_detail).redactions : [];
      return toSummary(l, { role, callerRole: principal.role }, redactions, Number(l.photo_count));
    }),
    nextCursor,
  };
}
