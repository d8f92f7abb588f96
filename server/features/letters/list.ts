import type { LetterPage } from '../../../domain/api/letters';
import type { Db } from '../../db/connect';
import { listPartyLetters, photoCounts, redactionsByLetter, type Party } from './repository';
import { toSummary } from './views';

/** The caller's correspondence, newest first, each letter as the caller may see it. */
export async function listLetters(db: Db, principal: Party, page: { limit: number; cursor?: string; sponsorshipId?: string }): Promise<LetterPage> {
  const { items, nextCursor } = await listPartyLetters(db, principal, page);
  const ids = items.map((l) => l.id);
  const incoming = items.filter((l) => l.author_account_id !== principal.accountId).map((l) => l.id);
  const [redactions, counts] = await Promise.all([redactionsByLetter(db, incoming), photoCounts(db, ids)]);
  return {
    items: items.map((l) => {
      const role = l.author_account_id === principal.accountId ? 'writer' : 'reader';
      return toSummary(l, { role, callerRole: principal.role }, redactions.get(l.id) ?? [], counts.get(l.id) ?? 0);
    }),
    nextCursor,
  };
}
