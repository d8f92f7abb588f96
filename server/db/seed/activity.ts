import { isStudentActive, type Ctx, type SponsorshipModel, type StudentModel } from './model';
import type { Rng } from './random';
import { checkinNote, termResult } from './texts';
import { addDays, addHours, daysBetween, evening, iso, localYmd, minDate, officeHours, parseYmd, termsBetween, ymdAddDays } from './time';

type Kind = 'doing_well' | 'busy_exams' | 'talk_to_caseworker';

export interface TermReportInfo {
  id: string;
  student: StudentModel;
  term: string;
  at: Date;
}

/** The grade a student was in during a school year. */
const gradeIn = (ctx: Ctx, s: StudentModel, schoolYear: number) => s.grade - (ctx.schoolYear - schoolYear);

function kindAt(ctx: Ctx, rng: Rng, s: StudentModel, at: Date): Kind {
  const { month, year } = parseYmd(localYmd(at));
  const grade = gradeIn(ctx, s, month >= 7 ? year : year - 1);
  const finalYear = (grade === 9 || grade === 12) && (month === 5 || month === 6);
  if (finalYear) return rng.chance(0.7) ? 'busy_exams' : 'doing_well';
  return [1, 6, 12].includes(month) && rng.chance(0.5) ? 'busy_exams' : 'doing_well';
}

function moodOf(rng: Rng, kind: Kind): number {
  if (kind === 'talk_to_caseworker') return rng.weighted([[2, 2], [3, 1], [1, 0.5]] as const);
  if (kind === 'busy_exams') return rng.weighted([[4, 2], [3, 3], [2, 1]] as const);
  return rng.weighted([[5, 3], [4, 4], [3, 2], [2, 0.3]] as const);
}

/** Check-in times, newest first, every two to five weeks back to the student's first days. */
function checkinTimes(rng: Rng, s: StudentModel): Date[] {
  if (!s.latestCheckin) return [];
  const times: Date[] = [];
  for (let t = s.latestCheckin; t >= s.activeFrom; t = evening(rng, localYmd(addDays(t, -rng.float(12, 33))))) {
    if (isStudentActive(s, t)) times.push(t);
  }
  if (s.pastSilence && !times.some((t) => t.getTime() === s.pastSilence!.lastHeard.getTime())) times.push(s.pastSilence.lastHeard);
  return times.sort((a, b) => a.getTime() - b.getTime());
}

/**
 * Check-ins for every student with activity. Three students asked to talk to their caseworker: the
 * latest of them still has an open task, the older two were followed up with a call.
 */
export function buildCheckins(ctx: Ctx, students: readonly StudentModel[]): void {
  const talkers = ctx.rng
    .fork('checkins:talk')
    .sample(students.filter((s) => s.plan === 'sponsored' && s.silentDays === null && s.pastSilence === null && s.activeFrom < addDays(ctx.now, -300)), 3);
  for (const s of students) {
    const rng = ctx.rng.fork(`checkins:${s.id}`);
    const talk = talkers.indexOf(s);
    // The open request came in a day or two ago, so it is still within its three days.
    if (talk === 0) s.latestCheckin = minDate(evening(rng, ymdAddDays(ctx.today, -rng.int(1, 2))), addHours(ctx.now, -1));
    const times = checkinTimes(rng, s);
    // Which check-in was the request to talk: the newest, or one about 100 / 250 days ago.
    const talkAt =
      talk < 0 || times.length === 0 ? null
      : talk === 0 ? times[times.length - 1]
      : times.reduce((best, t) => (Math.abs(daysBetween(t, ctx.now) - (talk === 1 ? 100 : 250)) < Math.abs(daysBetween(best, ctx.now) - (talk === 1 ? 100 : 250)) ? t : best));
    for (const at of times) {
      const kind: Kind = at === talkAt ? 'talk_to_caseworker' : kindAt(ctx, rng, s, at);
      const id = ctx.ids.next('checkin', 5);
      ctx.rows.checkins.push({
        id,
        student_id: s.id,
        kind,
        mood: moodOf(rng, kind),
        note: checkinNote(rng, kind, s.grade),
        recorded_by: s.accountId,
        created_at: iso(at),
      });
      s.heard.push(at);
      if (kind === 'talk_to_caseworker') talkRequest(ctx, rng, s, id, at, talk === 0);
    }
  }
}

function talkRequest(ctx: Ctx, rng: Rng, s: StudentModel, checkinId: string, at: Date, open: boolean) {
  // The caseworker calls back during office hours a day or two later.
  const doneAt = open ? null : minDate(officeHours(rng, localYmd(addDays(at, rng.int(1, 2)))), addHours(ctx.now, -1));
  ctx.rows.caseworker_tasks.push({
    id: ctx.ids.next('task', 3),
    ngo_id: s.ngo.id,
    student_id: s.id,
    kind: 'talk_request',
    status: open ? 'open' : 'done',
    dedupe_key: `talk_request:${checkinId}`,
    due_at: iso(addDays(at, 3)),
    created_at: iso(addHours(at, rng.float(0.01, 0.2))),
    done_at: doneAt ? iso(doneAt) : null,
  });
  if (!doneAt) return;
  const attemptId = ctx.ids.next('contact-attempt', 3);
  ctx.rows.contact_attempts.push({
    id: attemptId,
    alert_id: null,
    student_id: s.id,
    staff_id: s.caseworker.id,
    method: 'call',
    result: 'reached',
    note: rng.pick([
      `学生想聊聊学习压力，通话二十多分钟，${s.pronoun}说心里轻松多了。`,
      `${s.pronoun}和同学闹了点矛盾，聊过之后打算主动和好，已请班主任留意。`,
      `家里农忙，${s.pronoun}担心耽误功课。和家长商量好周末再帮忙，${s.pronoun}放心了。`,
    ]),
    attempted_at: iso(addHours(doneAt, -0.5)),
    created_at: iso(doneAt),
  });
  s.heard.push(addHours(doneAt, -0.5));
  ctx.rows.audit_log.push({
    at: iso(doneAt),
    actor_account_id: s.caseworker.accountId,
    actor_role: 'caseworker',
    action: 'contact_attempts.record',
    entity_type: 'contact_attempt',
    entity_id: attemptId,
    student_id: s.id,
    reason: null,
    detail: JSON.stringify({ method: 'call', result: 'reached' }),
  });
}

/** A report for every term a student finished while sponsored, mostly written by the student. */
export function buildTermReports(ctx: Ctx, students: readonly StudentModel[], sponsorships: readonly SponsorshipModel[]): TermReportInfo[] {
  const reports: TermReportInfo[] = [];
  for (const s of students) {
    const own = sponsorships.filter((sp) => sp.student === s);
    if (own.length === 0) continue;
    const rng = ctx.rng.fork(`term-reports:${s.id}`);
    const since = own.map((sp) => sp.startDate).sort()[0];
    for (const term of termsBetween(since, ctx.today)) {
      if (term.ends < ymdAddDays(since, 30)) continue;
      const at = evening(rng, ymdAddDays(term.ends, rng.int(5, 25)));
      const grade = gradeIn(ctx, s, term.schoolYear);
      if (at > ctx.now || !isStudentActive(s, at) || grade < 1) continue;
      const by = rng.chance(0.15) ? 'caseworker' : 'student';
      const id = ctx.ids.next('term-report', 4);
      ctx.rows.term_reports.push({
        id,
        student_id: s.id,
        term: term.code,
        grade,
        overall_result: termResult(rng, by, s.pronoun),
        photo_key: null,
        authored_by: by,
        author_account_id: by === 'student' ? s.accountId : s.caseworker.accountId,
        created_at: iso(by === 'student' ? at : addHours(at, -rng.float(4, 8))),
      });
      reports.push({ id, student: s, term: term.code, at });
    }
  }
  return reports;
}
