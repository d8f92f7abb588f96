import type { TermReportInfo } from './activity';
import type { AlertInfo } from './care';
import type { Disbursement } from './ledger';
import type { LetterInfo } from './letters';
import type { Ctx, SponsorshipModel } from './model';
import { addDays, addHours, addMinutes, iso, maxDate } from './time';

interface Pending {
  accountId: string;
  kind: string;
  payload: Record<string, unknown>;
  entityId: string;
  at: Date;
  readAt: Date | null;
}

/** The sponsorship that held a student at a moment (the one whose sponsor should hear about it). */
function holderAt(sponsorships: readonly SponsorshipModel[], studentId: string, at: Date) {
  return sponsorships.find((sp) => sp.student.id === studentId && sp.confirmedAt <= at && at <= addDays(sp.until, 30));
}

/** A sponsor's inbox: money passed on, term reports, new letters, and the gentle word when a student has gone quiet. */
export function buildNotifications(
  ctx: Ctx,
  v: { sponsorships: readonly SponsorshipModel[]; disbursements: readonly Disbursement[]; reports: readonly TermReportInfo[]; letters: readonly LetterInfo[]; alerts: readonly AlertInfo[] },
): void {
  const rng = ctx.rng.fork('notifications');
  const pending: Pending[] = [];
  const readLater = (at: Date) => {
    const readAt = addHours(at, rng.float(2, 96));
    return readAt < addDays(ctx.now, -1) && rng.chance(0.8) ? readAt : null;
  };
  const about = (sp: SponsorshipModel) => ({ sponsorshipId: sp.id, studentId: sp.student.id, studentDisplayName: sp.student.displayName });

  for (const d of v.disbursements.filter((x) => x.at > addDays(ctx.now, -75))) {
    pending.push({
      accountId: d.sponsorship.sponsor.accountId,
      kind: 'disbursement_recorded',
      payload: { ...about(d.sponsorship), ledgerEntryId: d.entryId, amountFen: d.amountFen, category: d.category, occurredOn: d.occurredOn },
      entityId: d.entryId,
      at: addMinutes(d.at, 1),
      readAt: readLater(d.at),
    });
  }
  for (const r of v.reports.filter((x) => x.at > addDays(ctx.now, -150))) {
    const sp = holderAt(v.sponsorships, r.student.id, r.at);
    if (!sp) continue;
    pending.push({
      accountId: sp.sponsor.accountId,
      kind: 'term_report_posted',
      payload: { ...about(sp), termReportId: r.id, term: r.term },
      entityId: r.id,
      at: addMinutes(r.at, 1),
      readAt: readLater(r.at),
    });
  }
  for (const l of v.letters.filter((x) => x.direction === 'to_sponsor' && x.deliveredAt && x.deliveredAt > addDays(ctx.now, -45))) {
    pending.push({
      accountId: l.sponsorship.sponsor.accountId,
      kind: 'letter_delivered',
      payload: { ...about(l.sponsorship), letterId: l.id },
      entityId: l.id,
      at: l.deliveredAt!,
      readAt: l.readAt,
    });
  }
  for (const a of v.alerts) {
    const sp = holderAt(v.sponsorships, a.student.id, a.openedAt);
    if (!sp) continue;
    const payload = { ...about(sp), alertId: a.id, ngoName: a.student.ngo.name };
    const opened = addMinutes(a.openedAt, 2);
    pending.push({ accountId: sp.sponsor.accountId, kind: 'student_checking_in', payload, entityId: a.id, at: opened, readAt: a.resolvedAt ? readLater(opened) : null });
    if (a.resolvedAt) {
      const resolved = addMinutes(a.resolvedAt, 2);
      pending.push({ accountId: sp.sponsor.accountId, kind: 'student_reached', payload, entityId: a.id, at: resolved, readAt: maxDate(readLater(resolved) ?? resolved, addHours(resolved, 3)) });
    }
  }

  pending.sort((a, b) => a.at.getTime() - b.at.getTime() || a.kind.localeCompare(b.kind));
  for (const n of pending) {
    ctx.rows.notifications.push({
      id: ctx.ids.next('notification', 4),
      account_id: n.accountId,
      kind: n.kind,
      payload: JSON.stringify(n.payload),
      dedupe_key: `${n.kind}:${n.entityId}`,
      created_at: iso(n.at < ctx.now ? n.at : ctx.now),
      read_at: n.readAt ? iso(n.readAt) : null,
    });
  }
}
