import { flagDueAt } from '../../../domain/care/flags';
import { assessWellbeing } from '../../../domain/wellbeing';
import type { FlagLevel } from '../../../domain/wellbeing/types';
import type { Ctx, SponsorshipModel, StudentModel } from './model';
import { addMinutes, iso } from './time';

/** A student's letter telling of a father who hits him and a wish not to live: urgent. */
export const URGENT_LETTER = (salutation: string) =>
  `${salutation}好。好久没给您写信了。这学期我过得不太好，成绩一直往下掉。爸爸喝了酒就打我，说我白吃饭。有时候我真的不想活了，觉得自己是家里的负担。这些话我不敢跟别人说，只想跟您说说。`;
/** A check-in note about being bullied at school: a concern. */
export const CONCERN_NOTE = '最近班上几个人老是骂我，还抢我的饭卡，我不太想去学校了。';

export interface WellbeingHighlights {
  studentWithUrgentFlag: string;
  studentWithConcernFlag: string;
}

function flag(ctx: Ctx, s: StudentModel, level: FlagLevel, source: { kind: 'letter' | 'checkin'; id: string }, text: string, openedAt: Date) {
  const id = ctx.ids.next('wellbeing-flag', 3);
  const assessment = assessWellbeing(text);
  ctx.rows.wellbeing_flags.push({
    id,
    student_id: s.id,
    ngo_id: s.ngo.id,
    level,
    source_kind: source.kind,
    source_id: source.id,
    source_revision: 1,
    text,
    findings: JSON.stringify(assessment.findings),
    status: 'open',
    assigned_staff_id: s.caseworker.id,
    opened_at: iso(openedAt),
    due_at: iso(flagDueAt(level, openedAt, s.ngo.policy)),
  });
  ctx.rows.notifications.push({
    id: ctx.ids.next('notification', 5),
    account_id: s.caseworker.accountId,
    kind: level === 'urgent' ? 'wellbeing_urgent' : 'wellbeing_concern',
    payload: JSON.stringify({ flagId: id, studentId: s.id, studentDisplayName: s.displayName, level, categories: [...new Set(assessment.findings.map((f) => f.category))] }),
    dedupe_key: `wellbeing_flag:${id}:${s.caseworker.accountId}`,
    created_at: iso(openedAt),
    read_at: null,
  });
  ctx.rows.audit_log.push({
    at: iso(openedAt),
    actor_account_id: null,
    actor_role: null,
    action: 'wellbeing.flag',
    entity_type: 'wellbeing_flag',
    entity_id: id,
    student_id: s.id,
    reason: null,
    detail: JSON.stringify({ level, source: source.kind, sourceId: source.id, revision: 1 }),
  });
  s.heard.push(openedAt);
}

/**
 * Two students whose words reached their caseworker just now: one letter that is held because it
 * tells of being hit at home and not wanting to live (an urgent flag, minutes left to acknowledge it),
 * and one check-in note about being bullied (a concern, due within the day).
 */
export function buildWellbeing(ctx: Ctx, sponsorships: readonly SponsorshipModel[]): WellbeingHighlights {
  const rng = ctx.rng.fork('wellbeing');
  const candidates = sponsorships.filter((sp) => sp.status === 'active' && sp.student.silentDays === null && sp.student.pastSilence === null && sp.student.programStatus === 'active');
  const [urgent, concern] = rng.sample(candidates, 2);

  const s = urgent.student;
  const letterId = ctx.ids.next('letter', 4);
  const sentAt = addMinutes(ctx.now, -rng.int(4, 7));
  const body = URGENT_LETTER(urgent.sponsor.salutation);
  ctx.rows.letters.push({
    id: letterId,
    sponsorship_id: urgent.id,
    direction: 'to_sponsor',
    author_account_id: s.accountId,
    in_reply_to: null,
    body,
    status: 'held',
    status_changed_at: iso(sentAt),
    created_at: iso(sentAt),
  });
  const steps = [
    [null, 'submitted', s.accountId, null],
    ['submitted', 'screened', null, null],
    ['screened', 'held', null, { findings: [], care: true }],
  ] as const;
  steps.forEach(([from, to, actor, detail], seq) => {
    ctx.rows.letter_events.push({
      id: ctx.ids.next('letter-event', 5),
      letter_id: letterId,
      from_status: from,
      to_status: to,
      actor_account_id: actor,
      reason: null,
      detail: detail ? JSON.stringify(detail) : null,
      created_at: iso(sentAt),
      seq: seq + 1,
    });
  });
  flag(ctx, s, 'urgent', { kind: 'letter', id: letterId }, body, sentAt);

  const c = concern.student;
  const checkinId = ctx.ids.next('checkin', 5);
  const checkedInAt = addMinutes(ctx.now, -rng.int(150, 200));
  ctx.rows.checkins.push({ id: checkinId, student_id: c.id, kind: 'doing_well', mood: 2, note: CONCERN_NOTE, recorded_by: c.accountId, created_at: iso(checkedInAt) });
  c.latestCheckin = checkedInAt;
  flag(ctx, c, 'concern', { kind: 'checkin', id: checkinId }, CONCERN_NOTE, checkedInAt);

  return { studentWithUrgentFlag: s.id, studentWithConcernFlag: c.id };
}
