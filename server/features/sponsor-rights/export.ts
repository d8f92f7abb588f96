import type { FastifyInstance } from 'fastify';
import type { ExportLetter, ExportSection, ExportSponsorship, SponsorDataExport } from '../../../domain/api/sponsor-data';
import type { PrincipalOf } from '../../access/principal';
import type { Db } from '../../db/connect';
import type { Locale } from '../../lib/messages';
import { sponsorSafeText } from '../ledger/labels';
import { findLedgerSponsorship } from '../ledger/repository';
import { sponsorshipLedger } from '../ledger/service';
import { protectedValuesOf } from '../ledger/views';
import { listPartyLetters } from '../letters/repository';
import { applyRedactions, parseEventDetail, toSummary as toLetterSummary } from '../letters/views';
import { listNotifications } from '../notifications/repository';
import { sponsorshipSummaries, toSummary } from '../sponsor/repository';
import { listGifts, toGift } from '../statements/repository';

type Sponsor = PrincipalOf<'sponsor'>;

/** Far above what one person gathers in years of sponsorship; a section past it keeps its newest rows and says so. */
export const EXPORT_CAPS: Record<ExportSection, number> = { sponsorships: 200, letters: 2000, notifications: 1000, sessions: 500, uploads: 1000, giftsElsewhere: 2000 };
const PAGE = 100;

/** Reads page after page (newest first) until the cap: returns at most `cap` items and whether more were left. */
async function collect<T>(cap: number, page: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>) {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const next = await page(cursor);
    items.push(...next.items);
    cursor = next.nextCursor ?? undefined;
  } while (cursor && items.length < cap);
  return { items: items.slice(0, cap), truncated: items.length > cap || cursor !== undefined };
}

/** `rows` fetched with `limit(cap + 1)`: the first `cap`, and whether there were more. */
const capped = <T>(rows: T[], cap: number) => ({ items: rows.slice(0, cap), truncated: rows.length > cap });

async function exportSponsorships(app: FastifyInstance, principal: Sponsor, locale: Locale) {
  const now = app.clock.now();
  const rows = await sponsorshipSummaries(app.db, principal)
    .select(['sponsorships.end_date', 'sponsorships.confirmed_at', 'sponsorships.ended_at'])
    .where('sponsorships.status', '!=', 'reserved')
    .orderBy('sponsorships.start_date', 'desc')
    .orderBy('sponsorships.id', 'desc')
    .limit(EXPORT_CAPS.sponsorships + 1)
    .execute();
  const { items, truncated } = capped(rows, EXPORT_CAPS.sponsorships);
  const sponsorships: ExportSponsorship[] = [];
  for (const row of items) {
    // The ledger exactly as the sponsor's ledger page shows it, and the pledges in the same sponsor-safe words.
    const ledger = await sponsorshipLedger(app, principal, row.id, locale);
    const access = await findLedgerSponsorship(app.db, principal, row.id);
    const pledges = await app.db
      .selectFrom('ledger_entries')
      .select(['id', 'occurred_on', 'amount_fen', 'description'])
      .where('sponsorship_id', '=', row.id)
      .where('kind', '=', 'pledge')
      .orderBy('occurred_on')
      .orderBy('id')
      .execute();
    sponsorships.push({
      ...toSummary(row, now),
      endDate: row.end_date,
      confirmedAt: row.confirmed_at,
      endedAt: row.ended_at,
      pledges: pledges.map((p) => ({
        id: p.id,
        occurredOn: p.occurred_on,
        amountFen: p.amount_fen,
        description: sponsorSafeText(p.description, access ? protectedValuesOf(access) : []),
      })),
      ledger,
    });
  }
  return { items: sponsorships, truncated };
}

/** Every letter the sponsor wrote (their own words) or received once delivered (with the redactions the reader gets). */
async function exportLetters(db: Db, principal: Sponsor) {
  return collect<ExportLetter>(EXPORT_CAPS.letters, async (cursor) => {
    const page = await listPartyLetters(db, principal, { limit: PAGE, cursor });
    return {
      nextCursor: page.nextCursor,
      items: page.items.map((l) => {
        const role = l.author_account_id === principal.accountId ? 'writer' : 'reader';
        const redactions = role === 'reader' ? parseEventDetail(l.approved_detail).redactions : [];
        return {
          ...toLetterSummary(l, { role, callerRole: 'sponsor' }, redactions, Number(l.photo_count)),
          body: role === 'writer' ? l.body : applyRedactions(l.body, redactions),
        };
      }),
    };
  });
}

/** What the sponsor said they understood when confirming each pledge (from the audit log), for the sponsorships exported. */
async function pledgeAcknowledgements(db: Db, principal: Sponsor, sponsorshipIds: readonly string[]) {
  if (sponsorshipIds.length === 0) return [];
  const rows = await db
    .selectFrom('audit_log')
    .select(['entity_id', 'at', 'detail'])
    .where('actor_account_id', '=', principal.accountId)
    .where('action', '=', 'sponsorships.confirm')
    .where('entity_id', 'in', [...sponsorshipIds])
    .orderBy('at')
    .execute();
  return rows.map((r) => {
    const detail = JSON.parse(r.detail ?? '{}') as { acknowledgements?: unknown };
    const acknowledgements = Array.isArray(detail.acknowledgements) ? detail.acknowledgements.filter((a): a is string => typeof a === 'string') : [];
    return { sponsorshipId: r.entity_id, acknowledgements, at: r.at };
  });
}

/**
 * Everything held about the signed-in sponsor, each part read through the same rules as the screen
 * that shows it: sponsorships, ledgers and letters only where the app lets them see them.
 */
export async function exportSponsorData(app: FastifyInstance, principal: Sponsor, locale: Locale): Promise<SponsorDataExport> {
  const db = app.db;
  const account = await db
    .selectFrom('accounts')
    .innerJoin('sponsors', 'sponsors.account_id', 'accounts.id')
    .select(['accounts.id', 'accounts.locale', 'accounts.created_at', 'sponsors.display_name', 'sponsors.created_at as sponsor_created_at'])
    .where('sponsors.id', '=', principal.sponsorId)
    .executeTakeFirstOrThrow();
  const identities = await db
    .selectFrom('platform_identities')
    .select(['platform', 'subject', 'created_at'])
    .where('account_id', '=', principal.accountId)
    .orderBy('created_at')
    .execute();
  const sessions = capped(
    await db
      .selectFrom('sessions')
      .select(['id', 'method', 'created_at', 'expires_at', 'revoked_at'])
      .where('account_id', '=', principal.accountId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(EXPORT_CAPS.sessions + 1)
      .execute(),
    EXPORT_CAPS.sessions,
  );
  const sponsorships = await exportSponsorships(app, principal, locale);
  const letters = await exportLetters(db, principal);
  const notifications = await collect(EXPORT_CAPS.notifications, (cursor) => listNotifications(db, principal.accountId, { limit: PAGE, cursor }));
  const subscriptions = await db
    .selectFrom('message_subscriptions')
    .select(['channel', 'event', 'remaining', 'updated_at'])
    .where('account_id', '=', principal.accountId)
    .orderBy('event')
    .execute();
  const uploads = capped(
    await db
      .selectFrom('uploads')
      .select(['id', 'created_at', 'letter_id'])
      .where('owner_account_id', '=', principal.accountId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(EXPORT_CAPS.uploads + 1)
      .execute(),
    EXPORT_CAPS.uploads,
  );
  const gifts = capped(await listGifts(db, principal.sponsorId, EXPORT_CAPS.giftsElsewhere), EXPORT_CAPS.giftsElsewhere);
  const cut: Record<ExportSection, boolean> = {
    sponsorships: sponsorships.truncated,
    letters: letters.truncated,
    notifications: notifications.truncated,
    sessions: sessions.truncated,
    uploads: uploads.truncated,
    giftsElsewhere: gifts.truncated,
  };

  return {
    format: 'banxue.sponsor-data.v1',
    exportedAt: app.clock.now().toISOString(),
    account: { id: account.id, role: 'sponsor', locale: account.locale, createdAt: account.created_at },
    profile: { displayName: account.display_name, createdAt: account.sponsor_created_at },
    loginIdentities: identities.map((i) => ({ platform: i.platform, subject: i.subject, createdAt: i.created_at })),
    sessions: sessions.items.map((s) => ({
      method: s.method,
      createdAt: s.created_at,
      expiresAt: s.expires_at,
      revokedAt: s.revoked_at,
      current: s.id === principal.sessionId,
    })),
    sponsorships: sponsorships.items,
    letters: letters.items,
    notifications: notifications.items,
    messageSubscriptions: subscriptions.map((s) => ({ channel: s.channel, event: s.event, remaining: s.remaining, updatedAt: s.updated_at })),
    pledgeAcknowledgements: await pledgeAcknowledgements(
      db,
      principal,
      sponsorships.items.map((s) => s.id),
    ),
    uploads: uploads.items.map((u) => ({ id: u.id, createdAt: u.created_at, letterId: u.letter_id })),
    giftsElsewhere: gifts.items.map(toGift),
    truncated: (Object.keys(cut) as ExportSection[]).filter((section) => cut[section]),
  };
}
