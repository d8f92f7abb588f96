import type { CarePolicyBody } from '../../../domain/api/care';
import { LADDER_STEPS, validatePolicy, type Exam, type LadderStepName, type PolicyProblemCode } from '../../../domain/care/policy';
import { retentionProblems, type RetentionProblem } from '../../../domain/privacy/retention';

/**
 * The editor's checks before saving: the domain's own `validatePolicy` (the server runs the same),
 * plus what only a form can get wrong (a number that is not one) and the schema's name length.
 */
export { EXAMS, LADDER_STEPS, POLICY_LIMITS } from '../../../domain/care/policy';
export { STUDENT_RETENTION_MONTHS } from '../../../domain/privacy/retention';
export const NAME_MAX = 30;

/** What the editor holds: numbers as typed, so a half-typed value is not lost. */
export interface PolicyForm {
  checkinCadenceDays: string;
  ladder: Array<{ step: LadderStepName; day: string }>;
  slaAckHours: string;
  slaFirstContactHours: string;
  examOutreachDays: string;
  urgentAckMinutes: string;
  concernDueHours: string;
  studentRetentionMonths: string;
  quietPeriods: Array<{ name: string; from: string; to: string }>;
  examCalendar: Array<{ exam: Exam; name: string; province: string; year: string; from: string; to: string; resultsOn: string }>;
}

/** The policy as saved: the care policy and how long students' personal data is kept. */
export type PolicyBody = CarePolicyBody & { studentRetentionMonths: number };

export type ProblemCode = PolicyProblemCode | RetentionProblem['code'] | 'not_a_number';
export interface Problem {
  field: string;
  code: ProblemCode;
}

export function formFromPolicy(policy: PolicyBody): PolicyForm {
  return {
    checkinCadenceDays: String(policy.checkinCadenceDays),
    // Always the four steps in order: the editor changes days, not which steps exist.
    ladder: LADDER_STEPS.map((step) => ({ step, day: String(policy.ladder.find((s) => s.step === step)?.day ?? '') })),
    slaAckHours: String(policy.slaAckHours),
    slaFirstContactHours: String(policy.slaFirstContactHours),
    examOutreachDays: String(policy.examOutreachDays),
    urgentAckMinutes: String(policy.urgentAckMinutes),
    concernDueHours: String(policy.concernDueHours),
    studentRetentionMonths: String(policy.studentRetentionMonths),
    quietPeriods: policy.quietPeriods.map((q) => ({ ...q })),
    examCalendar: policy.examCalendar.map((e) => ({ ...e, year: String(e.year) })),
  };
}

const toInt = (text: string): number => (/^\s*-?\d+\s*$/.test(text) ? Number(text.trim()) : Number.NaN);

export function policyFromForm(form: PolicyForm): PolicyBody {
  return {
    checkinCadenceDays: toInt(form.checkinCadenceDays),
    ladder: form.ladder.map((s) => ({ step: s.step, day: toInt(s.day) })),
    slaAckHours: toInt(form.slaAckHours),
    slaFirstContactHours: toInt(form.slaFirstContactHours),
    examOutreachDays: toInt(form.examOutreachDays),
    urgentAckMinutes: toInt(form.urgentAckMinutes),
    concernDueHours: toInt(form.concernDueHours),
    studentRetentionMonths: toInt(form.studentRetentionMonths),
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

const NUMBER_FIELDS = [
  ['checkinCadenceDays', 'cadence_out_of_range'],
  ['slaAckHours', 'sla_out_of_range'],
  ['slaFirstContactHours', 'sla_out_of_range'],
  ['examOutreachDays', 'outreach_out_of_range'],
  ['urgentAckMinutes', 'urgent_ack_out_of_range'],
  ['concernDueHours', 'concern_due_out_of_range'],
] as const;

/** Every problem with the policy, at field paths such as `ladder[2].day` (the server's paths). */
export function checkPolicy(p: CarePolicyBody & { studentRetentionMonths?: number }): Problem[] {
  const notNumbers = new Set<string>();
  for (const [field] of NUMBER_FIELDS) if (Number.isNaN(p[field])) notNumbers.add(field);
  if (Number.isNaN(p.studentRetentionMonths)) notNumbers.add('studentRetentionMonths');
  p.ladder.forEach((s, i) => {
    if (Number.isNaN(s.day)) notNumbers.add(`ladder[${i}].day`);
  });
  const tooLong = (text: string) => text.length > NAME_MAX;
  const problems: Problem[] = [...notNumbers].map((field) => ({ field, code: 'not_a_number' }));
  for (const problem of validatePolicy(p)) {
    // A value that is not a number is reported once, as such, not also as out of range or order.
    if (!notNumbers.has(problem.field) && !(problem.field === 'slaFirstContactHours' && notNumbers.has('slaAckHours'))) problems.push(problem);
  }
  if (p.studentRetentionMonths !== undefined && !notNumbers.has('studentRetentionMonths')) problems.push(...retentionProblems(p.studentRetentionMonths));
  p.quietPeriods.forEach((q, i) => {
    const field = `quietPeriods[${i}]`;
    if (tooLong(q.name) && !problems.some((x) => x.field === field)) problems.push({ field, code: 'quiet_period_invalid' });
  });
  p.examCalendar.forEach((e, i) => {
    const field = `examCalendar[${i}]`;
    if ((tooLong(e.name) || tooLong(e.province)) && !problems.some((x) => x.field === field)) problems.push({ field, code: 'exam_entry_invalid' });
  });
  return problems;
}

/** The first message for `path` or anything inside it (`quietPeriods[1]` also takes `quietPeriods[1].from`). */
export function errorAt(errors: Record<string, string>, path: string): string | null {
  if (errors[path]) return errors[path];
  const inside = Object.keys(errors).find((key) => key.startsWith(`${path}.`));
  return inside ? errors[inside] : null;
}

/**
 * The entries (quiet periods, exam dates) of the saved policy that ended before `today` (YYYY-MM-DD),
 * as keys for `isSavedPast`. `endOf` gives an entry's last date.
 */
export function savedPastEntries<T extends object>(saved: ReadonlyArray<T>, endOf: (entry: T) => string, today: string): Set<string> {
  return new Set(saved.filter((entry) => /^\d{4}-\d{2}-\d{2}$/.test(endOf(entry)) && endOf(entry) < today).map(entryKey));
}

/** Whether an entry of the form is one of those past entries, unchanged (one being edited stays in view). */
export function isSavedPast(past: Set<string>, entry: object): boolean {
  return past.has(entryKey(entry));
}

function entryKey(entry: object): string {
  return JSON.stringify(Object.entries(entry).sort(([a], [b]) => a.localeCompare(b)));
}
