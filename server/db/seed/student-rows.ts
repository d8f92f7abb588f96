import { nextDueAfter } from '../../../domain/care/due';
import { nextStepAt } from '../../../domain/care/ladder';
import type { LadderStep, LadderStepName } from '../../../domain/care/policy';
import type { Ctx, StudentModel } from './model';
import type { Rng } from './random';
import { TEACHER_NAMES } from './names';
import { story } from './texts';
import { iso, localYmd, ymd } from './time';

/** The student's account, guardian and school contacts, and guardian consent (with its audit entry). */
export function addRecords(ctx: Ctx, rng: Rng, s: StudentModel, phoneIndex: number) {
  const recorder = rng.chance(0.5) ? s.ngo.admin : s.caseworker;
  const at = iso(s.createdAt);
  ctx.rows.accounts.push({ id: s.accountId, role: 'student', locale: 'zh-CN', created_at: at, disabled_at: null });
  ctx.rows.student_contacts.push(
    {
      id: ctx.ids.next('contact', 3),
      student_id: s.id,
      kind: 'guardian',
      name: s.guardian.name,
      relation: s.guardian.relation,
      phone: `13800000${String(phoneIndex + 1).padStart(3, '0')}`,
      note: rng.chance(0.3) ? '白天在地里干活，晚上八点后方便接听' : null,
      created_at: at,
    },
    {
      id: ctx.ids.next('contact', 3),
      student_id: s.id,
      kind: 'school',
      name: rng.pick(TEACHER_NAMES),
      relation: '班主任',
      phone: `13900000${String(phoneIndex + 2).padStart(3, '0')}`,
      note: s.schoolName,
      created_at: at,
    },
  );
  if (!s.consentAt) return;
  const consentId = ctx.ids.next('consent', 3);
  const method = rng.weighted([['paper', 5], ['in_person', 3], ['video', 1], ['phone', 1]] as const);
  ctx.rows.guardian_consents.push({
    id: consentId,
    student_id: s.id,
    guardian_name: s.guardian.name,
    relation: s.guardian.relation,
    consented_on: localYmd(s.consentAt),
    method,
    scope: 'program,sponsor_profile,letters,photos',
    retain_until: ymd(Number(s.expectedGraduation.slice(0, 4)) + 3, 12, 31),
    recorded_by: recorder.id,
    created_at: iso(s.consentAt),
    withdrawn_at: null,
    withdrawn_reason: null,
  });
  ctx.rows.audit_log.push({
    at: iso(s.consentAt),
    actor_account_id: recorder.accountId,
    actor_role: recorder.role,
    action: 'guardian_consents.record',
    entity_type: 'guardian_consent',
    entity_id: consentId,
    student_id: s.id,
    reason: null,
    detail: JSON.stringify({ method, relation: s.guardian.relation }),
  });
}

/**
 * When the sweep next has work for an active student: the next step of their open silence, or
 * their next due when they are not silent. The seed's steps are the ones a sweep would have done,
 * so the first real sweep does only what is due since.
 */
function ladderNextAt(ctx: Ctx, studentId: string, nextDue: Date, ladder: readonly LadderStep[]): Date | null {
  const episode = ctx.rows.silence_episodes.find((e) => e.student_id === studentId && !e.closed_at);
  if (!episode) return nextDue;
  const performed = new Set(ctx.rows.silence_steps.filter((st) => st.episode_id === episode.id).map((st) => st.step as LadderStepName));
  return nextStepAt(new Date(episode.due_at), ladder, performed);
}

/** The student rows, once activity is known: last heard and next due come from it. */
export function studentRows(ctx: Ctx, students: readonly StudentModel[]) {
  const rng = ctx.rng.fork('student-rows');
  for (const s of students) {
    const lastHeard = s.heard.length ? new Date(Math.max(...s.heard.map((d) => d.getTime()))) : null;
    const nextDue = lastHeard ? nextDueAfter(lastHeard, s.ngo.policy) : null;
    const ladderNext = s.programStatus === 'active' && nextDue ? ladderNextAt(ctx, s.id, nextDue, s.ngo.policy.ladder) : null;
    const updated = [s.createdAt, s.storyApprovedAt, s.poolSince, s.pausedAt, lastHeard].filter((d): d is Date => d !== null);
    ctx.rows.students.push({
      id: s.id,
      ngo_id: s.ngo.id,
      account_id: s.accountId,
      caseworker_id: s.caseworker.id,
      legal_name: s.legalName,
      display_name: s.displayName,
      gender: s.gender,
      date_of_birth: s.dateOfBirth,
      school_name: s.schoolName,
      school_stage: s.stage,
      grade: s.grade,
      expected_graduation: s.expectedGraduation,
      province: s.ngo.province,
      city: s.ngo.city,
      village: s.village,
      story: story(rng, { name: s.displayName, pronoun: s.pronoun, grade: s.grade, region: s.ngo.region, dream: s.dream }),
      story_approved_at: s.storyApprovedAt ? iso(s.storyApprovedAt) : null,
      photo_key: null,
      yearly_need_fen: s.yearlyNeedFen,
      program_status: s.programStatus,
      pool_since: s.poolSince ? iso(s.poolSince) : null,
      last_heard_at: lastHeard ? iso(lastHeard) : null,
      next_due_at: nextDue ? iso(nextDue) : null,
      ladder_next_at: ladderNext ? iso(ladderNext) : null,
      created_at: iso(s.createdAt),
      updated_at: iso(new Date(Math.max(...updated.map((d) => d.getTime())))),
    });
  }
}
