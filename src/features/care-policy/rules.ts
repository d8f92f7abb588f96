import type { CarePolicyBody } from '../../../domain/api/care';
import type { Exam, LadderStepName, PolicyProblemCode } from '../../../domain/care/policy';

/**
 * The care policy rules the editor checks before saving, repeated from domain/care/policy (the app
 * imports only types from domain; a test keeps these equal to the domain's and checks that both
 * judge the same policies alike). The server checks again and is the authority.
 */
export const LADDER_STEPS = ['nudge_1', 'nudge_2', 'watch', 'alert'] as const satisfies readonly LadderStepName[];
export const EXAMS = ['zhongkao', 'gaokao'] as const satisfies readonly Exam[];
export const POLICY_LIMITS = {
  cadenceDays: { min: 7, max: 120 },
  ladderDay: { min: 0, max: 180 },
  slaHours: { min: 1, max: 24 * 30 },
  examOutreachDays: { min: 1, max: 60 },
  quietPeriodDays: { max: 62 },
  quietPeriods: 40,
  examEntries: 40,
} as const;
export const NAME_MAX = 30;

/** What the editor holds: numbers as typed, so a half-typed value is not lost. */
export interface PolicyForm {
  checkinCadenceDays: string;
  ladder: Array<{ step: LadderStepName; day: string }>;
  slaAckHours: string;
  slaFirstContactHours: string;
  examOutreachDays: string;
  quietPeriods: Array<{ name: string; from: string; to: string }>;
  examCalendar: Array<{ exam: Exam; name: string; province: string; year: string; from: string; to: string; resultsOn: string }>;
}

export type ProblemCode = PolicyProblemCode | 'not_a_number';
export interface Problem {
  field: string;
  code: ProblemCode;
}

export function formFromPolicy(policy: CarePolicyBody): PolicyForm {
  return {
    checkinCadenceDays: String(policy.checkinCadenceDays),
    // Always the four steps in order: the editor changes days, not which steps exist.
    ladder: LADDER_STEPS.map((step) => ({ step, day: String(policy.ladder.find((s) => s.step === step)?.day ?? '') })),
    slaAckHours: String(policy.slaAckHours),
    slaFirstContactHours: String(policy.slaFirstContactHours),
    examOutreachDays: String(policy.examOutreachDays),
    quietPeriods: policy.quietPeriods.map((q) => ({ ...q })),
    examCalendar: policy.examCalendar.map((e) => ({ ...e, year: String(e.year) })),
  };
}

const toInt = (text: string): number => (/^\s*-?\d+\s*$/.test(text) ? Number(text.trim()) : Number.NaN);

export function policyFromForm(form: PolicyForm): CarePolicyBody {
  return {
    checkinCadenceDays: toInt(form.checkinCadenceDays),
    ladder: form.ladder.map((s) => ({ step: s.step, day: toInt(s.day) })),
    slaAckHours: toInt(form.slaAckHours),
    slaFirstContactHours: toInt(form.slaFirstContactHours),
    examOutreachDays: toInt(form.examOutreachDays),
    quietPeriods: form.quietPeriods.map((q) => ({ name: q.name.trim(), from: q.from.trim(), to: q.to.trim() })),
    examCalendar: form.examCalendar.map((e) => ({
      exam: e.exam,
      name: e.name.trim(),
      province: e.province.trim(),
      year: toInt(e.year),
      from: e.from.trim(),
      to: e.to.trim(),
      resultsOn: e.resultsOn.trim(),
    })),
  };
}

const YMD = /^\d{4}-\d{2}-\d{2}$/;
export function isYmd(value: string): boolean {
  if (!YMD.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

function daysInclusive(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

const within = (n: number, r: { min: number; max: number }) => Number.isInteger(n) && n >= r.min && n <= r.max;

/** Every problem with the policy, at field paths such as `ladder[2].day` (the server's paths). */
export function checkPolicy(p: CarePolicyBody): Problem[] {
  const problems: Problem[] = [];
  const number = (field: string, value: number, code: ProblemCode, range: { min: number; max: number }) => {
    if (Number.isNaN(value)) problems.push({ field, code: 'not_a_number' });
    else if (!within(value, range)) problems.push({ field, code });
  };
  number('checkinCadenceDays', p.checkinCadenceDays, 'cadence_out_of_range', POLICY_LIMITS.cadenceDays);
  number('slaAckHours', p.slaAckHours, 'sla_out_of_range', POLICY_LIMITS.slaHours);
  const contactBefore = problems.length;
  number('slaFirstContactHours', p.slaFirstContactHours, 'sla_out_of_range', POLICY_LIMITS.slaHours);
  if (problems.length === contactBefore && p.slaFirstContactHours < p.slaAckHours) problems.push({ field: 'slaFirstContactHours', code: 'sla_contact_before_ack' });
  number('examOutreachDays', p.examOutreachDays, 'outreach_out_of_range', POLICY_LIMITS.examOutreachDays);

  const seen = new Set<string>();
  p.ladder.forEach((s, i) => {
    if (seen.has(s.step)) problems.push({ field: `ladder[${i}].step`, code: 'ladder_duplicate_step' });
    seen.add(s.step);
    number(`ladder[${i}].day`, s.day, 'ladder_day_out_of_range', POLICY_LIMITS.ladderDay);
  });
  for (const step of LADDER_STEPS) {
    if (!seen.has(step)) problems.push({ field: 'ladder', code: 'ladder_missing_step' });
  }
  const days = LADDER_STEPS.map((step) => p.ladder.find((s) => s.step === step)?.day);
  for (let i = 1; i < days.length; i++) {
    const prev = days[i - 1];
    const cur = days[i];
    if (prev !== undefined && cur !== undefined && cur <= prev) {
      problems.push({ field: `ladder[${p.ladder.findIndex((s) => s.step === LADDER_STEPS[i])}].day`, code: 'ladder_out_of_order' });
    }
  }

  if (p.quietPeriods.length > POLICY_LIMITS.quietPeriods) problems.push({ field: 'quietPeriods', code: 'too_many_entries' });
  p.quietPeriods.forEach((q, i) => {
    if (!q.name.trim() || q.name.length > NAME_MAX || !isYmd(q.from) || !isYmd(q.to) || q.to < q.from) problems.push({ field: `quietPeriods[${i}]`, code: 'quiet_period_invalid' });
    else if (daysInclusive(q.from, q.to) > POLICY_LIMITS.quietPeriodDays.max) problems.push({ field: `quietPeriods[${i}]`, code: 'quiet_period_too_long' });
  });

  if (p.examCalendar.length > POLICY_LIMITS.examEntries) problems.push({ field: 'examCalendar', code: 'too_many_entries' });
  p.examCalendar.forEach((e, i) => {
    const datesOk = isYmd(e.from) && isYmd(e.to) && isYmd(e.resultsOn) && e.from <= e.to && e.to <= e.resultsOn;
    const yearOk = datesOk && Number(e.from.slice(0, 4)) === e.year;
    const textOk = Boolean(e.name.trim()) && e.name.length <= NAME_MAX && Boolean(e.province.trim()) && e.province.length <= NAME_MAX;
    if (!textOk || !datesOk || !yearOk) problems.push({ field: `examCalendar[${i}]`, code: 'exam_entry_invalid' });
  });
  return problems;
}

/** The first message for `path` or anything inside it (`quietPeriods[1]` also takes `quietPeriods[1].from`). */
export function errorAt(errors: Record<string, string>, path: string): string | null {
  if (errors[path]) return errors[path];
  const inside = Object.keys(errors).find((key) => key.startsWith(`${path}.`));
  return inside ? errors[inside] : null;
}
