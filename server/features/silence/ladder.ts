import type { LadderStepName } from '../../../domain/care/policy';
import { alertDeadlines, dueSteps, nextStepAt, stepDueAt } from '../../../domain/care/ladder';
import { setEachStudent } from '../../care-clock/set-each-student';
import { loadCarePolicies, type StoredCarePolicy } from '../../care-clock/policy';
import type { Db, Dialect } from '../../db/connect';
import { insertRows } from '../../db/insert-rows';
import { newId } from '../../lib/ids';
import { loadRecipients } from './batch-context';
import { deliverMany, type OutgoingMessage } from '../messaging/deliver';

export interface LadderBatchResult {
  claimed: number;
  episodesOpened: number;
  stepsPerformed: number;
  alertsOpened: number;
}

interface Candidate {
  id: string;
  ngo_id: string;
  account_id: string | null;
  caseworker_id: string | null;
  display_name: string;
  program_status: string;
  next_due_at: string | null;
}

/** A silence being climbed: the student, their open episode and the steps it already has. */
interface Climb {
  student: Candidate;
  policy: StoredCarePolicy;
  episodeId: string;
  dueAt: Date;
  performed: Set<LadderStepName>;
}

interface PerformedStep {
  climb: Climb;
  step: LadderStepName;
  stepId: string;
  /** A nudge recorded but not sent: a later one of the same silence fell due in the same sweep. */
  superseded: boolean;
}

const isNudge = (step: LadderStepName) => step === 'nudge_1' || step === 'nudge_2';

/** The students whose ladder has work due, oldest first; on PostgreSQL claimed so concurrent sweeps split them. */
async function claimCandidates(trx: Db, dialect: Dialect, now: Date, limit: number): Promise<Candidate[]> {
  const query = trx
    .selectFrom('students')
    .select(['id', 'ngo_id', 'account_id', 'caseworker_id', 'display_name', 'program_status', 'next_due_at'])
    .where('ladder_next_at', '<=', now.toISOString())
    .orderBy('ladder_next_at')
    .limit(limit);
  return dialect === 'postgres' ? query.forUpdate().skipLocked().execute() : query.execute();
}

interface OpenEpisode {
  id: string;
  due_at: string;
  performed: Set<LadderStepName>;
}

/** The open episodes of these students with the steps each has performed: one query for the batch. */
async function openEpisodes(trx: Db, studentIds: string[]): Promise<Map<string, OpenEpisode>> {
  const rows = studentIds.length
    ? await trx
        .selectFrom('silence_episodes as e')
        .leftJoin('silence_steps as s', 's.episode_id', 'e.id')
        .select(['e.id', 'e.student_id', 'e.due_at', 's.step'])
        .where('e.student_id', 'in', studentIds)
        .where('e.closed_at', 'is', null)
        .execute()
    : [];
  const byStudent = new Map<string, OpenEpisode>();
  for (const row of rows) {
    const episode = byStudent.get(row.student_id) ?? { id: row.id, due_at: row.due_at, performed: new Set() };
    if (row.step) episode.performed.add(row.step as LadderStepName);
    byStudent.set(row.student_id, episode);
  }
  return byStudent;
}

/** Open episodes of the batch with their steps; new episodes opened (exactly once) for the students newly past next-due. */
async function climbsFor(trx: Db, students: Candidate[], policies: Map<string, StoredCarePolicy>, now: Date) {
  const openByStudent = await openEpisodes(trx, students.map((s) => s.id));
  const toOpen = students.filter((s) => !openByStudent.has(s.id) && s.next_due_at !== null && new Date(s.next_due_at) <= now);
  const opened = toOpen.length
    ? await insertRows(
        trx,
        'silence_episodes',
        toOpen.map((s) => ({ id: newId(), student_id: s.id, due_at: s.next_due_at!, opened_at: now.toISOString(), closed_at: null, close_reason: null })),
      )
        .onConflict((oc) => oc.doNothing())
        .returning(['id', 'student_id', 'due_at'])
        .execute()
    : [];
  for (const e of opened) openByStudent.set(e.student_id, { id: e.id, due_at: e.due_at, performed: new Set() });

  const climbs: Climb[] = [];
  for (const student of students) {
    const episode = openByStudent.get(student.id);
    if (!episode) continue;
    climbs.push({ student, policy: policies.get(student.ngo_id)!, episodeId: episode.id, dueAt: new Date(episode.due_at), performed: episode.performed });
  }
  return { climbs, episodesOpened: opened.length };
}

/**
 * The steps of a climb due now, in ladder order. When a late sweep finds several of one silence's
 * nudges due at once, the student hears only the latest (each platform message uses up a one-time
 * grant): the earlier are recorded superseded.
 */
function stepsDue(climb: Climb, now: Date): { climb: Climb; step: LadderStepName; superseded: boolean }[] {
  const steps = dueSteps(climb.dueAt, climb.policy.ladder, climb.performed, now).map((s) => s.step);
  const latestNudge = steps.filter(isNudge).pop();
  return steps.map((step) => ({ climb, step, superseded: isNudge(step) && step !== latestNudge }));
}

/** Records every due step of every climb; returns only the steps this sweep inserted (the others were done already). */
async function insertDueSteps(trx: Db, climbs: Climb[], now: Date): Promise<PerformedStep[]> {
  const wanted = climbs.flatMap((climb) => stepsDue(climb, now));
  if (wanted.length === 0) return [];
  const at = now.toISOString();
  const inserted = await insertRows(
    trx,
    'silence_steps',
    wanted.map((w) => ({ id: newId(), episode_id: w.climb.episodeId, step: w.step, performed_at: at, skipped_reason: w.superseded ? 'superseded' : null })),
  )
    .onConflict((oc) => oc.columns(['episode_id', 'step']).doNothing())
    .returning(['id', 'episode_id', 'step'])
    .execute();
  const stepId = new Map(inserted.map((r) => [`${r.episode_id}:${r.step}`, r.id]));
  const done: PerformedStep[] = [];
  for (const w of wanted) {
    const id = stepId.get(`${w.climb.episodeId}:${w.step}`);
    if (id) done.push({ ...w, stepId: id });
    w.climb.performed.add(w.step);
  }
  return done;
}

/** The effects of the steps just recorded: nudges, watch-list tasks, alerts and who hears about them. */
async function performSteps(trx: Db, performed: PerformedStep[], now: Date): Promise<number> {
  if (performed.length === 0) return 0;
  const at = now.toISOString();
  const messages: OutgoingMessage[] = [];

  for (const p of performed) {
    if (!isNudge(p.step) || p.superseded || !p.climb.student.account_id) continue;
    messages.push({
      accountId: p.climb.student.account_id,
      kind: 'checkin_reminder',
      payload: { studentId: p.climb.student.id, studentDisplayName: p.climb.student.display_name, step: p.step },
      dedupeKey: `checkin_reminder:${p.stepId}`,
      push: 'checkin_reminder',
    });
  }

  const alerted = performed.filter((x) => x.step === 'alert');
  const alertedNow = new Set(alerted.map((p) => p.climb.episodeId));
  const watched = performed.filter((x) => x.step === 'watch');
  if (watched.length) {
    await insertRows(
      trx,
      'caseworker_tasks',
      watched.map(({ climb }) => {
        const alertStep = climb.policy.ladder.find((s) => s.step === 'alert');
        // The alert opening in this same sweep takes over at once.
        const done = alertedNow.has(climb.episodeId);
        return {
          id: newId(),
          ngo_id: climb.student.ngo_id,
          student_id: climb.student.id,
          kind: 'watch' as const,
          status: done ? ('done' as const) : ('open' as const),
          dedupe_key: `watch:${climb.episodeId}`,
          // Watched until the alert would open.
          due_at: alertStep ? stepDueAt(climb.dueAt, alertStep).toISOString() : null,
          created_at: at,
          done_at: done ? at : null,
        };
      }),
    )
      .onConflict((oc) => oc.columns(['ngo_id', 'dedupe_key']).doNothing())
      .execute();
  }

  const watchedNow = new Set(watched.map((p) => p.climb.episodeId));
  await closeWatchTasks(trx, alerted.filter((p) => !watchedNow.has(p.climb.episodeId)), now);
  const alertsOpened = await openAlerts(trx, alerted, now, messages);
  await deliverMany(trx, messages, now);
  return alertsOpened;
}

/** Opens the alerts (once per episode), tells the caseworker and, gently, the sponsor. */
async function openAlerts(trx: Db, alerted: PerformedStep[], now: Date, messages: OutgoingMessage[]): Promise<number> {
  if (alerted.length === 0) return 0;
  const at = now.toISOString();
  const students = alerted.map((p) => p.climb.student);
  const recipients = await loadRecipients(
    trx,
    students.map((s) => s.id),
    students.flatMap((s) => (s.caseworker_id ? [s.caseworker_id] : [])),
    students.map((s) => s.ngo_id),
  );
  const opened = await insertRows(
    trx,
    'alerts',
    alerted.map(({ climb }) => {
      const deadlines = alertDeadlines(now, climb.policy);
      return {
        id: newId(),
        student_id: climb.student.id,
        ngo_id: climb.student.ngo_id,
        episode_id: climb.episodeId,
        assigned_staff_id: climb.student.caseworker_id,
        status: 'open' as const,
        opened_at: at,
        ack_due_at: deadlines.ackDueAt.toISOString(),
        first_contact_due_at: deadlines.firstContactDueAt.toISOString(),
        acknowledged_at: null,
        first_contact_at: null,
        escalated_at: null,
        resolved_at: null,
        outcome: null,
        outcome_note: null,
        resume_on: null,
      };
    }),
  )
    .onConflict((oc) => oc.doNothing())
    .returning(['id', 'episode_id'])
    .execute();
  const alertOf = new Map(opened.map((a) => [a.episode_id, a.id]));
  for (const { climb } of alerted) {
    const alertId = alertOf.get(climb.episodeId);
    if (!alertId) continue;
    const about = { studentId: climb.student.id, studentDisplayName: climb.student.display_name };
    const caseworkerAccount = climb.student.caseworker_id ? recipients.caseworkerAccount.get(climb.student.caseworker_id) : undefined;
    if (caseworkerAccount) {
      messages.push({ accountId: caseworkerAccount, kind: 'alert_assigned', payload: { ...about, alertId }, dedupeKey: `alert_assigned:${alertId}` });
    }
    const sponsor = recipients.sponsorOf.get(climb.student.id);
    if (sponsor) {
      messages.push({
        accountId: sponsor.sponsorAccountId,
        kind: 'student_checking_in',
        payload: { sponsorshipId: sponsor.sponsorshipId, ...about, ngoName: recipients.ngoName.get(climb.student.ngo_id) ?? '', alertId },
        dedupeKey: `student_checking_in:${alertId}`,
        push: 'student_checking_in',
      });
    }
  }
  return opened.length;
}

/** The alert takes over from the watch list: closes the watch tasks earlier sweeps opened for these silences. */
async function closeWatchTasks(trx: Db, alerted: PerformedStep[], now: Date): Promise<void> {
  if (alerted.length === 0) return;
  await trx
    .updateTable('caseworker_tasks')
    .set({ status: 'done', done_at: now.toISOString() })
    .where('ngo_id', 'in', [...new Set(alerted.map((p) => p.climb.student.ngo_id))])
    .where('dedupe_key', 'in', alerted.map((p) => `watch:${p.climb.episodeId}`))
    .where('kind', '=', 'watch')
    .where('status', '=', 'open')
    .execute();
}

/**
 * One batch of the ladder, in the caller's transaction: claims up to `limit` students whose
 * ladder_next_at has come, performs every step now due (each exactly once: an episode per
 * (student, next-due), a step per (episode, step)), and sets when each student needs looking at next.
 */
export async function sweepLadderBatch(trx: Db, dialect: Dialect, now: Date, limit: number): Promise<LadderBatchResult> {
  const candidates = await claimCandidates(trx, dialect, now, limit);
  if (candidates.length === 0) return { claimed: 0, episodesOpened: 0, stepsPerformed: 0, alertsOpened: 0 };
  const next = new Map<string, string | null>();
  const active: Candidate[] = [];
  for (const s of candidates) {
    if (s.program_status !== 'active' || s.next_due_at === null) next.set(s.id, null);
    else active.push(s);
  }
  const policies = await loadCarePolicies(trx, active.map((s) => s.ngo_id));
  const { climbs, episodesOpened } = await climbsFor(trx, active, policies, now);
  const climbing = new Set(climbs.map((c) => c.student.id));
  for (const s of active) {
    if (climbing.has(s.id)) continue;
    // Heard from since: nothing to do until the next due date. Past it with no open episode, the
    // silence of that due date was already closed (its episode exists): nothing more until they are heard from.
    next.set(s.id, new Date(s.next_due_at!) > now ? s.next_due_at : null);
  }

  const performed = await insertDueSteps(trx, climbs, now);
  const alertsOpened = await performSteps(trx, performed, now);
  for (const c of climbs) next.set(c.student.id, nextStepAt(c.dueAt, c.policy.ladder, c.performed)?.toISOString() ?? null);
  await setEachStudent(trx, ['ladder_next_at'], [...next]);
  return { claimed: candidates.length, episodesOpened, stepsPerformed: performed.length, alertsOpened };
}
