/**
 * An NGO's care policy: how often it expects to hear from a student, the silence ladder, SLA times,
 * the quiet periods that push due dates past them, and the exam calendar that drives exam-season
 * outreach. Stored per NGO (versioned); edited by its admin.
 */
export const LADDER_STEPS = ['nudge_1', 'nudge_2', 'watch', 'alert'] as const;
export type LadderStepName = (typeof LADDER_STEPS)[number];

/** A ladder step, performed `day` days after next-due. */
export interface LadderStep {
  step: LadderStepName;
  day: number;
}

/** Local (Asia/Shanghai) calendar dates, both days included. */
export interface QuietPeriod {
  name: string;
  from: string;
  to: string;
}

export const EXAMS = ['zhongkao', 'gaokao'] as const;
export type Exam = (typeof EXAMS)[number];

export interface ExamEntry {
  exam: Exam;
  /** As the NGO calls it (高考, 中考, 会考…). */
  name: string;
  province: string;
  year: number;
  /** Local dates of the exam days and of results day. */
  from: string;
  to: string;
  resultsOn: string;
}

export interface CarePolicy {
  checkinCadenceDays: number;
  ladder: LadderStep[];
  slaAckHours: number;
  slaFirstContactHours: number;
  quietPeriods: QuietPeriod[];
  examCalendar: ExamEntry[];
  /** Within how many days after results day a graduating student gets a caseworker check-in task. */
  examOutreachDays: number;
  /** Minutes for a caseworker to acknowledge an urgent wellbeing flag before the NGO admin is told. */
  urgentAckMinutes: number;
  /** Hours for a caseworker to follow up a wellbeing concern before the NGO admin is told. */
  concernDueHours: number;
}

export const DEFAULT_LADDER: readonly LadderStep[] = [
  { step: 'nudge_1', day: 0 },
  { step: 'nudge_2', day: 7 },
  { step: 'watch', day: 14 },
  { step: 'alert', day: 30 },
];

export const DEFAULT_CARE_POLICY: CarePolicy = {
  checkinCadenceDays: 30,
  ladder: DEFAULT_LADDER.map((s) => ({ ...s })),
  slaAckHours: 48,
  slaFirstContactHours: 168,
  quietPeriods: [],
  examCalendar: [],
  examOutreachDays: 7,
  urgentAckMinutes: 15,
  concernDueHours: 24,
};

export const POLICY_LIMITS = {
  cadenceDays: { min: 7, max: 120 },
  ladderDay: { min: 0, max: 180 },
  slaHours: { min: 1, max: 24 * 30 },
  examOutreachDays: { min: 1, max: 60 },
  urgentAckMinutes: { min: 5, max: 240 },
  concernDueHours: { min: 1, max: 168 },
  quietPeriodDays: { max: 62 },
  quietPeriods: 40,
  examEntries: 40,
} as const;

export type PolicyProblemCode =
  | 'ladder_missing_step'
  | 'ladder_duplicate_step'
  | 'ladder_out_of_order'
  | 'ladder_day_out_of_range'
  | 'cadence_out_of_range'
  | 'sla_out_of_range'
  | 'sla_contact_before_ack'
  | 'outreach_out_of_range'
  | 'urgent_ack_out_of_range'
  | 'concern_due_out_of_range'
  | 'quiet_period_invalid'
  | 'quiet_period_too_long'
  | 'exam_entry_invalid'
  | 'too_many_entries';

/** One thing wrong with a policy, at a field path such as `ladder[2].day`, so the editor can point at it. */
export interface PolicyProblem {
  field: string;
  code: PolicyProblemCode;
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

/**
 * Every problem with a policy, or none. The ladder must hold each step exactly once, in order
 * (nudge_1 < nudge_2 < watch < alert by day); dates must be real and ranges forwards.
 */
export function validatePolicy(p: CarePolicy): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  if (!within(p.checkinCadenceDays, POLICY_LIMITS.cadenceDays)) problems.push({ field: 'checkinCadenceDays', code: 'cadence_out_of_range' });
  if (!within(p.slaAckHours, POLICY_LIMITS.slaHours)) problems.push({ field: 'slaAckHours', code: 'sla_out_of_range' });
  if (!within(p.slaFirstContactHours, POLICY_LIMITS.slaHours)) problems.push({ field: 'slaFirstContactHours', code: 'sla_out_of_range' });
  else if (p.slaFirstContactHours < p.slaAckHours) problems.push({ field: 'slaFirstContactHours', code: 'sla_contact_before_ack' });
  if (!within(p.examOutreachDays, POLICY_LIMITS.examOutreachDays)) problems.push({ field: 'examOutreachDays', code: 'outreach_out_of_range' });
  if (!within(p.urgentAckMinutes, POLICY_LIMITS.urgentAckMinutes)) problems.push({ field: 'urgentAckMinutes', code: 'urgent_ack_out_of_range' });
  if (!within(p.concernDueHours, POLICY_LIMITS.concernDueHours)) problems.push({ field: 'concernDueHours', code: 'concern_due_out_of_range' });

  const seen = new Set<string>();
  p.ladder.forEach((s, i) => {
    if (seen.has(s.step)) problems.push({ field: `ladder[${i}].step`, code: 'ladder_duplicate_step' });
    seen.add(s.step);
    if (!within(s.day, POLICY_LIMITS.ladderDay)) problems.push({ field: `ladder[${i}].day`, code: 'ladder_day_out_of_range' });
  });
  for (const step of LADDER_STEPS) {
    if (!seen.has(step)) problems.push({ field: 'ladder', code: 'ladder_missing_step' });
  }
  const order = LADDER_STEPS.map((step) => p.ladder.find((s) => s.step === step)?.day);
  for (let i = 1; i < order.length; i++) {
    const prev = order[i - 1];
    const cur = order[i];
    if (prev !== undefined && cur !== undefined && cur <= prev) {
      problems.push({ field: `ladder[${p.ladder.findIndex((s) => s.step === LADDER_STEPS[i])}].day`, code: 'ladder_out_of_order' });
    }
  }

  if (p.quietPeriods.length > POLICY_LIMITS.quietPeriods) problems.push({ field: 'quietPeriods', code: 'too_many_entries' });
  p.quietPeriods.forEach((q, i) => {
    if (!q.name.trim() || !isYmd(q.from) || !isYmd(q.to) || q.to < q.from) problems.push({ field: `quietPeriods[${i}]`, code: 'quiet_period_invalid' });
    else if (daysInclusive(q.from, q.to) > POLICY_LIMITS.quietPeriodDays.max) problems.push({ field: `quietPeriods[${i}]`, code: 'quiet_period_too_long' });
  });

  if (p.examCalendar.length > POLICY_LIMITS.examEntries) problems.push({ field: 'examCalendar', code: 'too_many_entries' });
  p.examCalendar.forEach((e, i) => {
    const datesOk = isYmd(e.from) && isYmd(e.to) && isYmd(e.resultsOn) && e.from <= e.to && e.to <= e.resultsOn;
    const yearOk = datesOk && Number(e.from.slice(0, 4)) === e.year;
    if (!e.name.trim() || !e.province.trim() || !datesOk || !yearOk) problems.push({ field: `examCalendar[${i}]`, code: 'exam_entry_invalid' });
  });
  return problems;
}
