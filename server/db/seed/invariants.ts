/**
 * Properties the demo data must always have, checked by the tests on the rows in memory (for many
 * `now`s) and on what a real database returns. Each returns a list of problems; empty means fine.
 */
import type { Selectable } from 'kysely';
import { nextDueAfter } from '../../../domain/care/due';
import { nextStepAt } from '../../../domain/care/ladder';
import { validatePolicy, type CarePolicy, type ExamEntry, type LadderStep, type LadderStepName, type QuietPeriod } from '../../../domain/care/policy';
import { ageOn } from '../../../domain/dates';
import { screenText } from '../../../domain/screening';
import { assessWellbeing } from '../../../domain/wellbeing';
import type { Database } from '../schema';
import type { SeededTable } from './model';
import { surnameOf } from './names';

export type Snapshot = { [T in Exclude<SeededTable, 'audit_log'>]: Selectable<Database[T]>[] };

const PER_YEAR: Record<string, number> = { monthly: 12, quarterly: 4, yearly: 1 };
const HOLDING = ['reserved', 'active', 'paused'];
const SEEN_BY_READER = ['delivered', 'read', 'replied'];
const HEARD_OUTCOMES = ['reached', 'situation_changed'];
const DAY = 24 * 3600 * 1000;
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const DATE = /^\d{4}-\d\d-\d\d$/;
/** What screening would catch: digit runs like phone numbers (also spaced or full-width), handles, money, links. */
const LEAKS = /\d[\d\s-]{4,}\d|[０-９]|微信|QQ|支付宝|电话|手机|红包|转账|二维码|@|http|www\./i;

const ms = (iso: string) => new Date(iso).getTime();
const groupBy = <T>(items: readonly T[], key: (t: T) => string) => {
  const map = new Map<string, T[]>();
  for (const item of items) map.set(key(item), [...(map.get(key(item)) ?? []), item]);
  return map;
};

export function countProblems(d: Snapshot): string[] {
  const p: string[] = [];
  const expect = (ok: boolean, message: string) => ok || p.push(message);
  const holding = d.sponsorships.filter((s) => HOLDING.includes(s.status));
  const perSponsor = groupBy(holding, (s) => s.sponsor_id);
  const pool = d.students.filter((s) => s.pool_since && !holding.some((h) => h.student_id === s.id));
  expect(d.ngos.length === 2 && d.ngo_policies.length === 2, 'two NGOs with a policy each');
  for (const ngo of d.ngos) {
    const staff = d.staff.filter((s) => s.ngo_id === ngo.id);
    const caseworkers = staff.filter((s) => s.role === 'caseworker').length;
    expect(staff.filter((s) => s.role === 'ngo_admin').length === 1 && caseworkers >= 2 && caseworkers <= 3, `${ngo.id}: one admin, 2–3 caseworkers`);
  }
  expect(d.students.length >= 55 && d.students.length <= 65, `about 60 students (${d.students.length})`);
  expect(d.sponsors.length >= 35 && d.sponsors.length <= 45, `about 40 sponsors (${d.sponsors.length})`);
  expect(holding.length >= 40 && holding.length <= 50, `about 45 sponsored (${holding.length})`);
  expect(d.sponsorships.some((s) => s.status === 'completed'), 'a completed sponsorship');
  expect([...perSponsor.values()].some((list) => list.length === 2), 'a sponsor with two students');
  expect(pool.length >= 8, `students waiting in the pool (${pool.length})`);
  expect(d.students.filter((s) => s.program_status === 'paused').length === 2, 'two paused students');
  expect(d.checkins.length >= 500 && d.letters.length >= 150 && d.term_reports.length >= 30, 'enough activity');
  expect(d.checkins.filter((c) => c.kind === 'talk_to_caseworker').length >= 2, 'a few talk requests');
  expect(d.caseworker_tasks.some((t) => t.kind === 'talk_request' && t.status === 'open'), 'an open talk request');
  expect(d.letters.filter((l) => l.status === 'held').length >= 1, 'a held letter');
  expect(d.notifications.length >= 10, 'notifications for sponsors');
  return p;
}

/**
 * At most one sponsorship holds a student; only a ready student waits in the pool; and a student under
 * the NGO's consent age is neither in the pool nor reserved without a guardian's consent in force.
 */
export function poolProblems(d: Snapshot, now: Date): string[] {
  const p: string[] = [];
  const holding = d.sponsorships.filter((s) => HOLDING.includes(s.status));
  const consentAge = new Map(d.ngo_policies.map((x) => [x.ngo_id, x.consent_required_under_age]));
  for (const s of d.students) {
    const held = holding.filter((h) => h.student_id === s.id);
    const consent = d.guardian_consents.find((c) => c.student_id === s.id && c.withdrawn_at === null);
    const needsConsent = !consent && ageOn(s.date_of_birth, now) < (consentAge.get(s.ngo_id) ?? 18);
    if (held.length > 1) p.push(`${s.id}: held by ${held.length} sponsorships`);
    if (needsConsent && ((s.pool_since && held.length === 0) || held.some((h) => h.status === 'reserved'))) p.push(`${s.id}: in the pool or reserved without the consent required`);
    if (s.pool_since && held.length === 0 && (s.program_status !== 'active' || !s.story_approved_at)) p.push(`${s.id}: in the pool but not ready`);
  }
  return p;
}

export function peopleProblems(d: Snapshot, now: Date): string[] {
  const p: string[] = poolProblems(d, now);
  const holding = d.sponsorships.filter((s) => HOLDING.includes(s.status));
  const policy = new Map(d.ngo_policies.map((x) => [x.ngo_id, x]));
  const local = new Date(now.getTime() + 8 * 3600_000);
  const schoolYear = local.getUTCMonth() + 1 >= 7 ? local.getUTCFullYear() : local.getUTCFullYear() - 1;
  for (const s of d.students) {
    const held = holding.filter((h) => h.student_id === s.id);
    const consent = d.guardian_consents.find((c) => c.student_id === s.id && c.withdrawn_at === null);
    const surname = surnameOf(s.legal_name);
    if ((held.length > 0 || s.pool_since) && !consent) p.push(`${s.id}: sponsored or in the pool without consent`);
    if (!consent && ageOn(s.date_of_birth, now) >= policy.get(s.ngo_id)!.consent_required_under_age) p.push(`${s.id}: no consent yet should mean under age`);
    if (s.display_name.includes(surname)) p.push(`${s.id}: display name ${s.display_name} contains the surname ${surname}`);
    for (const secret of [s.legal_name, s.school_name, s.village ?? '(none)']) {
      if (s.story?.includes(secret)) p.push(`${s.id}: story mentions ${secret}`);
    }
    // Age when the school year began (1 September; July and August already count as the coming year).
    const age = ageOn(s.date_of_birth, new Date(Date.UTC(schoolYear, 8, 1)));
    if (age - s.grade < 5 || age - s.grade > 7) p.push(`${s.id}: age ${age} does not fit grade ${s.grade}`);
    if ((s.grade <= 9 ? 'middle' : 'high') !== s.school_stage) p.push(`${s.id}: stage does not fit grade`);
    for (const h of held) if (h.end_date !== s.expected_graduation) p.push(`${h.id}: does not run to graduation`);
  }
  for (const c of d.guardian_consents) {
    const recorder = d.staff.find((st) => st.id === c.recorded_by);
    if (!recorder || recorder.created_at > c.created_at) p.push(`${c.id}: recorded by someone not on the staff yet`);
  }
  for (const sp of d.sponsorships) {
    const sponsor = d.sponsors.find((x) => x.id === sp.sponsor_id)!;
    const student = d.students.find((x) => x.id === sp.student_id)!;
    if (sponsor.created_at > sp.created_at || student.story_approved_at === null || student.story_approved_at > sp.created_at) p.push(`${sp.id}: made before its sponsor or student was ready`);
  }
  for (const c of d.student_contacts) if (!/^13[89]00000\d{3}$/.test(c.phone ?? '')) p.push(`${c.id}: phone ${c.phone} is not an obviously fake one`);
  return p;
}

/** The stored policy as the domain reads it, with every problem `validatePolicy` finds in it. */
function policiesOf(d: Snapshot): Map<string, { policy: CarePolicy; problems: string[] }> {
  return new Map(
    d.ngo_policies.map((row) => {
      const policy: CarePolicy = {
        checkinCadenceDays: row.checkin_cadence_days,
        ladder: JSON.parse(row.ladder) as LadderStep[],
        slaAckHours: row.sla_ack_hours,
        slaFirstContactHours: row.sla_first_contact_hours,
        quietPeriods: JSON.parse(row.quiet_periods) as QuietPeriod[],
        examCalendar: JSON.parse(row.exam_calendar) as ExamEntry[],
        examOutreachDays: row.exam_outreach_days,
        urgentAckMinutes: row.urgent_ack_minutes,
        concernDueHours: row.concern_due_hours,
      };
      return [row.ngo_id, { policy, problems: validatePolicy(policy).map((x) => `${x.field}: ${x.code}`) }];
    }),
  );
}

export function policyProblems(d: Snapshot): string[] {
  const p: string[] = [];
  for (const [ngoId, { policy, problems }] of policiesOf(d)) {
    for (const problem of problems) p.push(`${ngoId}: policy ${problem}`);
    if (policy.examCalendar.length === 0 || policy.quietPeriods.length === 0) p.push(`${ngoId}: policy without exam calendar or quiet periods`);
    const ngo = d.ngos.find((n) => n.id === ngoId)!;
    if (policy.examCalendar.some((e) => e.province !== ngo.province)) p.push(`${ngoId}: exam calendar for another province`);
  }
  return p;
}

/**
 * When the sweep next looks at each student: an active student's next step of their open silence,
 * or their next due; nobody else. So the first sweep after seeding does only the work really due.
 */
export function ladderProblems(d: Snapshot): string[] {
  const p: string[] = [];
  const policies = policiesOf(d);
  for (const s of d.students) {
    const episode = d.silence_episodes.find((e) => e.student_id === s.id && e.closed_at === null);
    let expected: string | null = null;
    if (s.program_status === 'active' && s.next_due_at) {
      const performed = new Set(d.silence_steps.filter((st) => st.episode_id === episode?.id).map((st) => st.step as LadderStepName));
      expected = episode ? (nextStepAt(new Date(episode.due_at), policies.get(s.ngo_id)!.policy.ladder, performed)?.toISOString() ?? null) : s.next_due_at;
    }
    if (s.ladder_next_at !== expected) p.push(`${s.id}: ladder_next_at ${s.ladder_next_at}, expected ${expected}`);
  }
  return p;
}

export function heardProblems(d: Snapshot): string[] {
  const p: string[] = [];
  const policies = policiesOf(d);
  for (const s of d.students) {
    const times = [
      ...d.checkins.filter((c) => c.student_id === s.id).map((c) => c.created_at),
      ...d.letters.filter((l) => l.author_account_id === s.account_id).map((l) => l.created_at),
      ...d.contact_attempts.filter((a) => a.student_id === s.id && a.result === 'reached').map((a) => a.attempted_at),
      // Closing an alert as reached, or as a changed situation, is hearing from the student too.
      ...d.alerts.filter((a) => a.student_id === s.id && a.resolved_at && HEARD_OUTCOMES.includes(a.outcome ?? '')).map((a) => a.resolved_at!),
    ].sort();
    const last = times.length ? times[times.length - 1] : null;
    if (s.last_heard_at !== last) p.push(`${s.id}: last_heard_at ${s.last_heard_at}, activity says ${last}`);
    // Nothing is due from a student who has left the program.
    const due = last ? nextDueAfter(new Date(last), policies.get(s.ngo_id)!.policy).toISOString() : null;
    if (s.program_status !== 'left' && s.next_due_at !== due) p.push(`${s.id}: next_due_at ${s.next_due_at}, expected ${due}`);
  }
  for (const c of d.checkins) {
    if (c.recorded_by !== d.students.find((s) => s.id === c.student_id)?.account_id) p.push(`${c.id}: not recorded by the student`);
  }
  return p;
}

/** The demo's letters, and what the app's own writes must keep true of every letter. */
export function letterProblems(d: Snapshot): string[] {
  return [...d.letters.filter((l) => LEAKS.test(l.body)).map((l) => `${l.id}: body looks like it leaks contact details or money`), ...letterRecordProblems(d)];
}

/** Every letter: screening agrees with its hold, the right author, a complete status history, a proper reply. */
export function letterRecordProblems(d: Snapshot): string[] {
  const p: string[] = [];
  const events = groupBy(d.letter_events, (e) => e.letter_id);
  const letters = new Map(d.letters.map((l) => [l.id, l]));
  for (const l of d.letters) {
    // The demo's letters are ordinary letters: screening lets every delivered one through (a false hold here
    // is one a real sponsor would meet), and holds the one written to be held.
    const screened = screenText(l.body);
    const heldStep = (events.get(l.id) ?? []).find((e) => e.to_status === 'held');
    const heldByRule = heldStep?.detail ? (JSON.parse(heldStep.detail) as { findings?: unknown[] }).findings?.length : 0;
    if (l.status !== 'held' && !heldStep && screened.verdict === 'hold') p.push(`${l.id}: screening would hold it (${screened.findings.map((f) => `${f.category} «${f.excerpt}»`).join(', ')})`);
    if (heldByRule && screened.verdict !== 'hold') p.push(`${l.id}: held by a screening rule, but screening lets it through`);
    const sp = d.sponsorships.find((s) => s.id === l.sponsorship_id)!;
    const sponsorAccount = d.sponsors.find((s) => s.id === sp.sponsor_id)!.account_id;
    const studentAccount = d.students.find((s) => s.id === sp.student_id)!.account_id;
    if (l.author_account_id !== (l.direction === 'to_student' ? sponsorAccount : studentAccount)) p.push(`${l.id}: wrong author`);
    // Steps that share an instant are ordered by seq, as the app reads them.
    const chain = (events.get(l.id) ?? []).sort((a, b) => a.created_at.localeCompare(b.created_at) || (a.seq ?? 0) - (b.seq ?? 0) || a.id.localeCompare(b.id));
    if (chain[0]?.to_status !== 'submitted' || chain[0]?.from_status !== null || chain[0]?.created_at !== l.created_at) p.push(`${l.id}: does not start with submitted`);
    chain.forEach((e, i) => i > 0 && e.from_status !== chain[i - 1].to_status && p.push(`${l.id}: broken event chain at ${e.id}`));
    const last = chain[chain.length - 1];
    if (last?.to_status !== l.status || last?.created_at !== l.status_changed_at) p.push(`${l.id}: status does not match its last event`);
    if (l.in_reply_to) {
      const parent = letters.get(l.in_reply_to);
      if (!parent || parent.sponsorship_id !== l.sponsorship_id || parent.direction === l.direction || parent.status !== 'replied' || parent.created_at >= l.created_at) {
        p.push(`${l.id}: not a proper reply to ${l.in_reply_to}`);
      }
    }
  }
  return p;
}

/**
 * The demo's two wellbeing cases are what the rules make of their words, and no other word a demo
 * student wrote (letters, check-in notes, term-report comments) would raise a flag: the demo shows
 * one urgent and one concern case, not false alarms.
 */
export function wellbeingProblems(d: Snapshot): string[] {
  const open = (level: string) => d.wellbeing_flags.filter((f) => f.level === level && f.status === 'open').length;
  return [...(open('urgent') !== 1 || open('concern') !== 1 ? ['one open urgent and one open concern flag'] : []), ...wellbeingFlagProblems(d)];
}

/** Every student text is flagged at the level the rules give it, and a letter flagged urgent reaches the sponsor only after a false alarm. */
export function wellbeingFlagProblems(d: Snapshot): string[] {
  const p: string[] = [];
  const flagged = new Map(d.wellbeing_flags.map((f) => [f.source_id, f]));
  const texts = [
    ...d.letters.filter((l) => l.direction === 'to_sponsor').map((l) => ({ id: l.id, text: l.body })),
    ...d.checkins.filter((c) => c.note).map((c) => ({ id: c.id, text: c.note! })),
    ...d.term_reports.filter((r) => r.authored_by === 'student').map((r) => ({ id: r.id, text: r.overall_result })),
  ];
  for (const { id, text } of texts) {
    const level = assessWellbeing(text).level;
    const flag = flagged.get(id);
    if ((flag?.level ?? 'none') !== level) p.push(`${id}: assessed ${level} but flagged ${flag?.level ?? 'none'}: ${text}`);
  }
  for (const f of d.wellbeing_flags.filter((x) => x.source_kind === 'letter' && x.level === 'urgent')) {
    const letter = d.letters.find((l) => l.id === f.source_id);
    if (!letter || (SEEN_BY_READER.includes(letter.status) && f.outcome !== 'false_alarm')) p.push(`${f.id}: its urgent letter reached the sponsor`);
  }
  return p;
}

/** Every confirmed sponsorship has exactly one pledge, for the whole commitment. */
export function pledgeProblems(d: Snapshot): string[] {
  const pledges = groupBy(d.ledger_entries.filter((e) => e.kind === 'pledge'), (e) => e.sponsorship_id);
  return d.sponsorships
    .filter((sp) => sp.confirmed_at !== null)
    .filter((sp) => {
      const list = pledges.get(sp.id) ?? [];
      return list.length !== 1 || list[0].amount_fen !== sp.amount_fen * PER_YEAR[sp.cadence] * sp.term_years;
    })
    .map((sp) => `${sp.id}: pledge does not match the commitment`);
}

export function moneyProblems(d: Snapshot): string[] {
  const p: string[] = pledgeProblems(d);
  const entries = groupBy(d.ledger_entries, (e) => e.sponsorship_id);
  for (const sp of d.sponsorships) {
    if (sp.confirmed_at === null) p.push(`${sp.id}: a demo sponsorship is always confirmed`);
    const list = (entries.get(sp.id) ?? []).sort((a, b) => a.occurred_on.localeCompare(b.occurred_on));
    const pledges = list.filter((e) => e.kind === 'pledge');
    const paid = list.filter((e) => e.kind === 'payment');
    if (paid.length === 0 || paid.some((e) => e.amount_fen !== sp.amount_fen)) p.push(`${sp.id}: payments do not follow the cadence amount`);
    if (paid.reduce((sum, e) => sum + e.amount_fen, 0) > (pledges[0]?.amount_fen ?? 0)) p.push(`${sp.id}: paid more than pledged`);
    for (const out of list.filter((e) => e.kind === 'disbursement')) {
      const inBy = paid.filter((e) => e.occurred_on <= out.occurred_on).reduce((sum, e) => sum + e.amount_fen, 0);
      const outBy = list.filter((e) => e.kind === 'disbursement' && e.occurred_on <= out.occurred_on).reduce((sum, e) => sum + e.amount_fen, 0);
      if (outBy > inBy) p.push(`${sp.id}: disbursed more than paid by ${out.occurred_on}`);
      if (!out.payee || !out.category) p.push(`${out.id}: disbursement without payee or category`);
    }
  }
  return p;
}

export function silenceProblems(d: Snapshot, now: Date): string[] {
  const p: string[] = [];
  const policy = new Map(d.ngo_policies.map((x) => [x.ngo_id, x]));
  const active = d.alerts.filter((a) => a.status === 'open' || a.status === 'acknowledged');
  if (active.length < 2) p.push('two students with an open or acknowledged alert');
  // Quiet periods can push a silence back by up to a month.
  const quiet = d.students.filter((s) => s.last_heard_at && now.getTime() - ms(s.last_heard_at) >= 40 * DAY);
  if (quiet.length < 3 || quiet.some((s) => now.getTime() - ms(s.last_heard_at!) > 100 * DAY)) p.push('a few students quiet for 40–100 days');
  for (const e of d.silence_episodes.filter((x) => x.closed_at === null)) {
    const s = d.students.find((x) => x.id === e.student_id)!;
    if (e.due_at !== s.next_due_at) p.push(`${e.id}: due_at is not the student's next due`);
    const ladder = JSON.parse(policy.get(s.ngo_id)!.ladder) as { step: string; day: number }[];
    for (const st of d.silence_steps.filter((x) => x.episode_id === e.id)) {
      const offset = (ms(st.performed_at) - ms(e.due_at)) / DAY - ladder.find((l) => l.step === st.step)!.day;
      if (offset < 0 || offset > 0.02) p.push(`${st.id}: not on the ladder's day`);
    }
  }
  for (const a of active) {
    const s = d.students.find((x) => x.id === a.student_id)!;
    const pol = policy.get(a.ngo_id)!;
    const steps = d.silence_steps.filter((x) => x.episode_id === a.episode_id).map((x) => x.step).sort();
    if (a.assigned_staff_id !== s.caseworker_id) p.push(`${a.id}: not assigned to the student's caseworker`);
    if (ms(a.ack_due_at) - ms(a.opened_at) !== pol.sla_ack_hours * 3600_000) p.push(`${a.id}: ack deadline off the SLA`);
    if (ms(a.first_contact_due_at) - ms(a.opened_at) !== pol.sla_first_contact_hours * 3600_000) p.push(`${a.id}: first-contact deadline off the SLA`);
    if (steps.join() !== 'alert,nudge_1,nudge_2,watch') p.push(`${a.id}: episode lacks ladder steps (${steps.join()})`);
    if (ms(a.ack_due_at) < now.getTime() && !a.acknowledged_at) p.push(`${a.id}: would already be escalated`);
  }
  if (!d.contact_attempts.some((c) => active.some((a) => a.id === c.alert_id))) p.push('a contact attempt on an open alert');
  return p;
}

const HAPPENED: Partial<Record<keyof Snapshot, readonly string[]>> = {
  accounts: ['created_at'],
  students: ['created_at', 'updated_at', 'pool_since', 'last_heard_at', 'story_approved_at'],
  sponsorships: ['created_at', 'updated_at', 'confirmed_at', 'ended_at'],
  checkins: ['created_at'],
  letters: ['created_at', 'status_changed_at'],
  letter_events: ['created_at'],
  ledger_entries: ['created_at'],
  ngo_notices: ['created_at'],
  guardian_consents: ['created_at'],
  term_reports: ['created_at'],
  silence_steps: ['performed_at'],
  alerts: ['opened_at', 'acknowledged_at', 'first_contact_at', 'resolved_at'],
  contact_attempts: ['attempted_at', 'created_at'],
  caseworker_tasks: ['created_at', 'done_at'],
  notifications: ['created_at', 'read_at'],
};

export function timeProblems(d: Snapshot, now: Date): string[] {
  const p: string[] = [];
  for (const [table, columns] of Object.entries(HAPPENED)) {
    for (const row of d[table as keyof Snapshot] as unknown as Record<string, string | null>[]) {
      for (const column of columns) {
        const value = row[column];
        if (value === null) continue;
        if (!ISO.test(value)) p.push(`${table}.${column} = ${value} is not ISO-8601 UTC`);
        else if (ms(value) > now.getTime()) p.push(`${table}.${column} = ${value} is in the future`);
      }
    }
  }
  for (const s of d.students) if (!DATE.test(s.date_of_birth) || !DATE.test(s.expected_graduation)) p.push(`${s.id}: bad date`);
  for (const e of d.ledger_entries) if (!DATE.test(e.occurred_on)) p.push(`${e.id}: bad date`);
  return p;
}

export function allProblems(d: Snapshot, now: Date): string[] {
  return [
    ...countProblems(d),
    ...peopleProblems(d, now),
    ...heardProblems(d),
    ...policyProblems(d),
    ...ladderProblems(d),
    ...letterProblems(d),
    ...moneyProblems(d),
    ...wellbeingProblems(d),
    ...silenceProblems(d, now),
    ...timeProblems(d, now),
  ];
}
