import type { CaseEvent, CaseEventParams, CaseView, HandoverView } from '../../../domain/api/care';
import type { AlertOutcome, ContactMethod, ContactResult, SituationChange } from '../../../domain/care/alerts';
import type { CheckinKind } from '../../../domain/student';
import type { Selectable } from 'kysely';
import type { HandoverTable } from '../../db/schema';
import { alertFields } from './queue';
import { alertOf, type Executor, type Staff } from './scope';

const RECENT_LIMIT = 20;
const LIST_LIMIT = 100;

const STEP_EVENTS: Record<string, CaseEvent['kind']> = { nudge_1: 'step_nudge_1', nudge_2: 'step_nudge_2', watch: 'step_watch' };
const AUDIT_EVENTS: Record<string, CaseEvent['kind']> = { 'alerts.acknowledge': 'acknowledged', 'alerts.reassign': 'reassigned', 'alerts.resolve': 'resolved' };

type HandoverRow = Selectable<HandoverTable> & { from_name: string; to_name: string };

export function handoverView(h: HandoverRow): HandoverView {
  return {
    id: h.id,
    fromNgo: { id: h.from_ngo_id, name: h.from_name },
    toNgo: { id: h.to_ngo_id, name: h.to_name },
    status: h.status,
    consent: { guardianName: h.guardian_name, relation: h.relation, method: h.consent_method, consentedOn: h.consented_on },
    note: h.note,
    requestedAt: h.requested_at,
    decidedAt: h.decided_at,
    decisionNote: h.decision_note,
  };
}

export function handoversWithNames(db: Executor) {
  return db
    .selectFrom('handovers')
    .innerJoin('ngos as from_ngo', 'from_ngo.id', 'handovers.from_ngo_id')
    .innerJoin('ngos as to_ngo', 'to_ngo.id', 'handovers.to_ngo_id')
    .selectAll('handovers')
    .select(['from_ngo.name as from_name', 'to_ngo.name as to_name']);
}

async function studentOfCase(db: Executor, studentId: string) {
  const student = await db
    .selectFrom('students')
    .select(['id', 'legal_name', 'display_name', 'grade', 'school_stage', 'school_name', 'province', 'city', 'village', 'program_status', 'last_heard_at', 'next_due_at'])
    .where('id', '=', studentId)
    .executeTakeFirstOrThrow();
  const contacts = await db
    .selectFrom('student_contacts')
    .select(['id', 'kind', 'name', 'relation', 'phone', 'note'])
    .where('student_id', '=', studentId)
    .orderBy('kind')
    .orderBy('created_at')
    .orderBy('id')
    .limit(LIST_LIMIT)
    .execute();
  const sponsor = await db
    .selectFrom('sponsorships')
    .innerJoin('sponsors', 'sponsors.id', 'sponsorships.sponsor_id')
    .select('sponsors.display_name')
    .where('sponsorships.student_id', '=', studentId)
    .where('sponsorships.status', 'in', ['active', 'paused'])
    .executeTakeFirst();
  return {
    id: student.id,
    legalName: student.legal_name,
    displayName: student.display_name,
    grade: student.grade,
    schoolStage: student.school_stage,
    schoolName: student.school_name,
    province: student.province,
    city: student.city,
    village: student.village,
    programStatus: student.program_status,
    lastHeardAt: student.last_heard_at,
    nextDueAt: student.next_due_at,
    contacts,
    sponsorDisplayName: sponsor?.display_name ?? null,
  };
}

async function attemptsOf(db: Executor, alertId: string) {
  const rows = await db
    .selectFrom('contact_attempts')
    .innerJoin('staff', 'staff.id', 'contact_attempts.staff_id')
    .select(['contact_attempts.id', 'method', 'result', 'note', 'attempted_at', 'staff.full_name'])
    .where('contact_attempts.alert_id', '=', alertId)
    .orderBy('attempted_at', 'desc')
    .orderBy('contact_attempts.id', 'desc')
    .limit(LIST_LIMIT)
    .execute();
  return rows.map((r) => ({ id: r.id, method: r.method, result: r.result, note: r.note, attemptedAt: r.attempted_at, staffName: r.full_name }));
}

/** The student's own recent activity: check-ins, letters either way, and contacts that reached them. */
async function recentActivity(db: Executor, studentId: string): Promise<CaseView['recent']> {
  const [checkins, letters, contacts] = await Promise.all([
    db.selectFrom('checkins').select(['kind', 'created_at']).where('student_id', '=', studentId).orderBy('created_at', 'desc').limit(RECENT_LIMIT).execute(),
    db
      .selectFrom('letters')
      .innerJoin('sponsorships', 'sponsorships.id', 'letters.sponsorship_id')
      .select(['letters.direction', 'letters.created_at'])
      .where('sponsorships.student_id', '=', studentId)
      .where('letters.status', '!=', 'draft')
      .orderBy('letters.created_at', 'desc')
      .limit(RECENT_LIMIT)
      .execute(),
    db
      .selectFrom('contact_attempts')
      .select(['method', 'attempted_at'])
      .where('student_id', '=', studentId)
      .where('result', '=', 'reached')
      .orderBy('attempted_at', 'desc')
      .limit(RECENT_LIMIT)
      .execute(),
  ]);
  return [
    ...checkins.map((c) => ({ kind: 'checkin' as const, at: c.created_at, summary: c.kind })),
    ...letters.map((l) => ({ kind: 'letter' as const, at: l.created_at, summary: l.direction })),
    ...contacts.map((c) => ({ kind: 'contact' as const, at: c.attempted_at, summary: c.method })),
  ]
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
    .slice(0, RECENT_LIMIT);
}

type AlertRecord = Awaited<ReturnType<typeof alertOf>>;

/** What the student sent after the alert opened: their own check-ins and letters, never a caseworker's contact. */
async function studentNewsSince(db: Executor, studentId: string, since: string): Promise<CaseEvent[]> {
  const [checkins, letters] = await Promise.all([
    db.selectFrom('checkins').select(['kind', 'created_at']).where('student_id', '=', studentId).where('created_at', '>', since).orderBy('created_at').limit(LIST_LIMIT).execute(),
    db
      .selectFrom('letters')
      .innerJoin('sponsorships', 'sponsorships.id', 'letters.sponsorship_id')
      .select('letters.created_at')
      .where('sponsorships.student_id', '=', studentId)
      .where('letters.direction', '=', 'to_sponsor')
      .where('letters.status', 'not in', ['draft', 'withdrawn'])
      .where('letters.created_at', '>', since)
      .orderBy('letters.created_at')
      .limit(LIST_LIMIT)
      .execute(),
  ]);
  return [
    ...checkins.map((c) => ({ at: c.created_at, kind: 'student_checked_in' as const, actorName: null, params: { checkin: c.kind as CheckinKind } })),
    ...letters.map((l) => ({ at: l.created_at, kind: 'student_wrote' as const, actorName: null, params: {} })),
  ];
}

/**
 * The alert's history, oldest first: the ladder steps of its silence, its opening and escalation,
 * every contact attempt, what staff did to it (from the audit log), its handover, and what the
 * student sent after it opened. Each line is a code with parameters; the app puts it in words.
 */
async function historyOf(db: Executor, alert: AlertRecord, handover: HandoverRow | undefined): Promise<CaseEvent[]> {
  const steps = alert.episode_id
    ? await db.selectFrom('silence_steps').select(['step', 'performed_at']).where('episode_id', '=', alert.episode_id).limit(LIST_LIMIT).execute()
    : [];
  const attempts = await db
    .selectFrom('contact_attempts')
    .innerJoin('staff', 'staff.id', 'contact_attempts.staff_id')
    .select(['method', 'result', 'attempted_at', 'staff.full_name'])
    .where('alert_id', '=', alert.id)
    .limit(LIST_LIMIT)
    .execute();
  const audits = await db
    .selectFrom('audit_log')
    .leftJoin('staff', 'staff.account_id', 'audit_log.actor_account_id')
    .select(['audit_log.action', 'audit_log.at', 'audit_log.reason', 'audit_log.detail', 'staff.full_name'])
    .where('audit_log.entity_type', '=', 'alert')
    .where('audit_log.entity_id', '=', alert.id)
    .where('audit_log.action', 'in', Object.keys(AUDIT_EVENTS))
    .orderBy('audit_log.id')
    .limit(LIST_LIMIT)
    .execute();

  const events: CaseEvent[] = [];
  for (const s of steps) {
    const kind = STEP_EVENTS[s.step];
    if (kind) events.push({ at: s.performed_at, kind, actorName: null, params: {} });
  }
  events.push({ at: alert.opened_at, kind: 'alert_opened', actorName: null, params: {} });
  if (alert.escalated_at) events.push({ at: alert.escalated_at, kind: 'escalated', actorName: null, params: {} });
  for (const a of attempts) {
    events.push({ at: a.attempted_at, kind: 'attempt', actorName: a.full_name, params: { method: a.method as ContactMethod, result: a.result as ContactResult } });
  }
  for (const a of audits) events.push({ at: a.at, kind: AUDIT_EVENTS[a.action], actorName: a.full_name, params: auditParams(a.action, a.reason, a.detail) });
  if (handover) {
    events.push({ at: handover.requested_at, kind: 'handover_requested', actorName: null, params: { ngoName: handover.to_name } });
    if (handover.decided_at) {
      events.push({
        at: handover.decided_at,
        kind: handover.status === 'accepted' ? 'handover_accepted' : 'handover_rejected',
        actorName: null,
        params: withNote({ ngoName: handover.to_name }, handover.decision_note),
      });
    }
  }
  events.push(...(await studentNewsSince(db, alert.student_id, alert.opened_at)));
  return events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

const withNote = (params: CaseEventParams, note: string | null): CaseEventParams => (note ? { ...params, note } : params);

/** The parameters stored with a staff action: codes stay codes, and what the person wrote is the note. */
function auditParams(action: string, reason: string | null, detail: string | null): CaseEventParams {
  const stored = detail ? (JSON.parse(detail) as StoredAuditDetail) : {};
  if (action === 'alerts.reassign') return withNote(stored.toName ? { staffName: stored.toName } : {}, reason);
  if (action === 'alerts.resolve') {
    return {
      ...(stored.outcome ? { outcome: stored.outcome } : {}),
      ...(stored.contactMethod ? { method: stored.contactMethod } : {}),
      ...(stored.change ? { change: stored.change } : {}),
      ...(stored.resumeOn ? { resumeOn: stored.resumeOn } : {}),
    };
  }
  return withNote({}, reason);
}

/** The detail `actions.ts` and `resolve.ts` write to the audit log for an alert. */
interface StoredAuditDetail {
  toName?: string;
  outcome?: AlertOutcome;
  contactMethod?: ContactMethod | null;
  change?: SituationChange | null;
  resumeOn?: string | null;
}

/** One alert as its caseworker works it. Staff only: contacts, attempts and notes never reach a sponsor. */
export async function loadCaseView(db: Executor, principal: Staff, alertId: string): Promise<CaseView> {
  const alert = await alertOf(db, principal, alertId);
  const student = await studentOfCase(db, alert.student_id);
  const assignee = alert.assigned_staff_id
    ? await db.selectFrom('staff').select('full_name').where('id', '=', alert.assigned_staff_id).executeTakeFirst()
    : undefined;
  const attempts = await attemptsOf(db, alert.id);
  const attemptCount = await db.selectFrom('contact_attempts').select((eb) => eb.fn.countAll<number>().as('n')).where('alert_id', '=', alert.id).executeTakeFirstOrThrow();
  const handover = await handoversWithNames(db).where('handovers.alert_id', '=', alert.id).orderBy('handovers.requested_at', 'desc').orderBy('handovers.id', 'desc').executeTakeFirst();
  const caseworkers = await db
    .selectFrom('staff')
    .select(['id', 'full_name'])
    .where('ngo_id', '=', principal.ngoId)
    .where('role', '=', 'caseworker')
    .orderBy('full_name')
    .orderBy('id')
    .limit(LIST_LIMIT)
    .execute();
  const partners = await db
    .selectFrom('ngos')
    .select(['id', 'name', 'province'])
    .where('id', '!=', principal.ngoId)
    .orderBy('name')
    .orderBy('id')
    .limit(LIST_LIMIT)
    .execute();
  return {
    alert: {
      ...alertFields({ ...alert, assignee_name: assignee?.full_name ?? null, attempt_count: attemptCount.n, last_heard_at: student.lastHeardAt }, principal.staffId),
      outcome: alert.outcome as CaseView['alert']['outcome'],
      outcomeNote: alert.outcome_note,
      resumeOn: alert.resume_on,
      resolvedAt: alert.resolved_at,
    },
    student,
    attempts,
    history: await historyOf(db, alert, handover),
    recent: await recentActivity(db, alert.student_id),
    handover: handover ? handoverView(handover) : null,
    caseworkers: caseworkers.map((c) => ({ id: c.id, name: c.full_name })),
    partnerNgos: partners,
  };
}
