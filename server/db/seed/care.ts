import { nextDueAfter } from '../../../domain/care/due';
import { alertDeadlines, orderedLadder, stepDueAt } from '../../../domain/care/ladder';
import type { Ctx, StudentModel } from './model';
import type { Rng } from './random';
import { addDays, addHours, addMinutes, iso, localYmd, maxDate, minDate, officeHours } from './time';

export interface AlertInfo {
  id: string;
  student: StudentModel;
  openedAt: Date;
  resolvedAt: Date | null;
}

function attempt(
  ctx: Ctx,
  s: StudentModel,
  v: { alertId: string | null; method: 'call' | 'message' | 'home_visit' | 'school' | 'guardian'; result: 'reached' | 'no_answer'; note: string; at: Date },
) {
  const id = ctx.ids.next('contact-attempt', 3);
  const recordedAt = minDate(addMinutes(v.at, 20), ctx.now);
  ctx.rows.contact_attempts.push({
    id,
    alert_id: v.alertId,
    student_id: s.id,
    staff_id: s.caseworker.id,
    method: v.method,
    result: v.result,
    note: v.note,
    attempted_at: iso(v.at),
    created_at: iso(recordedAt),
  });
  if (v.result === 'reached') s.heard.push(v.at);
  audit(ctx, s, recordedAt, 'contact_attempts.record', 'contact_attempt', id, null, { method: v.method, result: v.result });
}

function audit(ctx: Ctx, s: StudentModel, at: Date, action: string, entityType: string, entityId: string, reason: string | null, detail: object | null) {
  ctx.rows.audit_log.push({
    at: iso(at),
    actor_account_id: s.caseworker.accountId,
    actor_role: s.caseworker.role,
    action,
    entity_type: entityType,
    entity_id: entityId,
    student_id: s.id,
    reason,
    detail: detail ? JSON.stringify(detail) : null,
  });
}

/** Caseworkers' visits and calls that are not about a silence: the two paused students. */
export function buildPausedContacts(ctx: Ctx, students: readonly StudentModel[]): void {
  for (const s of students.filter((st) => st.pausedAt)) {
    const rng = ctx.rng.fork(`paused:${s.id}`);
    const sponsored = s.plan === 'paused_sponsored';
    audit(ctx, s, s.pausedAt!, 'students.pause', 'student', s.id, sponsored ? '学生因病休学' : '学生暂时休学，在家照顾生病的妈妈', {
      resumeOn: localYmd(addDays(s.pausedAt!, 120)),
    });
    attempt(ctx, s, {
      alertId: null,
      method: sponsored ? 'home_visit' : 'guardian',
      result: 'reached',
      note: sponsored
        ? `家访：${s.pronoun}在家休养，按时复查，精神不错，计划下学期复学。`
        : `和家长通了电话：${s.pronoun}暂时在家照顾妈妈，一切安好，计划下学期复学。`,
      at: officeHours(rng, localYmd(addDays(ctx.now, -rng.int(8, 20)))),
    });
  }
}

/** Episode, ladder steps, and (when the ladder got there) a lost-contact alert for one silence. */
function silence(ctx: Ctx, rng: Rng, s: StudentModel, lastHeard: Date, alerts: AlertInfo[]) {
  const due = nextDueAfter(lastHeard, s.ngo.policy);
  const episodeId = ctx.ids.next('silence', 3);
  const ladder = orderedLadder(s.ngo.policy.ladder);
  const steps = ladder.map((l) => ({ step: l.step, at: addMinutes(stepDueAt(due, l), rng.int(1, 14)) })).filter((st) => st.at <= ctx.now);
  // Quiet periods can push next due past now: then the silence has not begun yet.
  if (steps.length === 0) return;
  const reachedAt = s.pastSilence?.reachedAt ?? null;
  ctx.rows.silence_episodes.push({
    id: episodeId,
    student_id: s.id,
    due_at: iso(due),
    opened_at: iso(steps[0].at),
    closed_at: reachedAt ? iso(reachedAt) : null,
    close_reason: reachedAt ? 'alert_resolved' : null,
  });
  for (const st of steps) {
    ctx.rows.silence_steps.push({ id: ctx.ids.next('silence-step', 3), episode_id: episodeId, step: st.step, performed_at: iso(st.at) });
  }
  const alertStep = steps.find((st) => st.step === 'alert');
  const watchStep = steps.find((st) => st.step === 'watch');
  if (watchStep) {
    ctx.rows.caseworker_tasks.push({
      id: ctx.ids.next('task', 3),
      ngo_id: s.ngo.id,
      student_id: s.id,
      kind: 'watch',
      status: alertStep ? 'done' : 'open',
      dedupe_key: `watch:${episodeId}`,
      // Watched until the alert would open.
      due_at: iso(stepDueAt(due, ladder.find((l) => l.step === 'alert')!)),
      created_at: iso(watchStep.at),
      done_at: alertStep ? iso(alertStep.at) : null,
    });
  }
  if (!alertStep) return;

  const openedAt = alertStep.at;
  const deadlines = alertDeadlines(openedAt, s.ngo.policy);
  const alertId = ctx.ids.next('alert', 3);
  // The caseworker acknowledges in office hours the next day, and calls a few hours later (when those have come).
  const ackCandidate = maxDate(addHours(openedAt, 2), officeHours(rng, localYmd(addDays(openedAt, 1))));
  const attemptCandidate = addHours(ackCandidate, rng.float(2, 6));
  const ackAt = ackCandidate < ctx.now ? ackCandidate : null;
  const acknowledged = ackAt !== null;
  const firstAttemptAt = addMinutes(attemptCandidate, 20) <= ctx.now ? attemptCandidate : null;
  const resolvedAt = reachedAt ? addHours(reachedAt, rng.float(1, 3)) : null;
  ctx.rows.alerts.push({
    id: alertId,
    student_id: s.id,
    ngo_id: s.ngo.id,
    episode_id: episodeId,
    assigned_staff_id: s.caseworker.id,
    status: resolvedAt ? 'resolved' : acknowledged ? 'acknowledged' : 'open',
    opened_at: iso(openedAt),
    ack_due_at: iso(deadlines.ackDueAt),
    first_contact_due_at: iso(deadlines.firstContactDueAt),
    acknowledged_at: ackAt ? iso(ackAt) : null,
    first_contact_at: firstAttemptAt ? iso(firstAttemptAt) : null,
    escalated_at: null,
    resolved_at: resolvedAt ? iso(resolvedAt) : null,
    outcome: resolvedAt ? 'reached' : null,
    outcome_note: resolvedAt ? `已联系上：${s.pronoun}期末考试没考好，不好意思回信。家访聊过之后情绪好多了，愿意继续打卡，已请班主任多留意。` : null,
    resume_on: null,
  });
  alerts.push({ id: alertId, student: s, openedAt, resolvedAt });
  if (ackAt) audit(ctx, s, ackAt, 'alerts.acknowledge', 'alert', alertId, null, null);
  if (firstAttemptAt) {
    attempt(ctx, s, {
      alertId,
      method: 'call',
      result: 'no_answer',
      note: '打了两次电话都没人接，已给班主任留言，请他帮忙了解近况。',
      at: firstAttemptAt,
    });
  }
  if (reachedAt && resolvedAt) {
    attempt(ctx, s, { alertId, method: 'home_visit', result: 'reached', note: `家访见到了${s.pronoun}本人和家长，聊了一个多小时。`, at: reachedAt });
    audit(ctx, s, resolvedAt, 'alerts.resolve', 'alert', alertId, null, { outcome: 'reached' });
  }
}

/** The past silence (resolved) and the current ones; call after all the students' own activity is known. */
export function buildSilences(ctx: Ctx, students: readonly StudentModel[]): AlertInfo[] {
  const alerts: AlertInfo[] = [];
  for (const s of students) {
    const rng = ctx.rng.fork(`silence:${s.id}`);
    if (s.pastSilence) silence(ctx, rng, s, s.pastSilence.lastHeard, alerts);
    if (s.silentDays !== null) {
      const lastHeard = new Date(Math.max(...s.heard.map((d) => d.getTime())));
      silence(ctx, rng, s, lastHeard, alerts);
    }
  }
  return alerts;
}
