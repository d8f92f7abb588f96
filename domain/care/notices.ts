/**
 * In-app notice kinds of the care features and who receives them. Payloads always carry
 * `studentId` and `studentDisplayName`; sponsor notices also `sponsorshipId` and `ngoName`; staff
 * notices `alertId` or `taskId` where there is one. Dedupe keys are `<kind>:<record id>`.
 */
export const CARE_NOTICE_KINDS = {
  /** student: a gentle "we'd love to hear from you" (ladder nudges; payload.step is nudge_1 | nudge_2). */
  checkin_reminder: 'student',
  /** caseworker: a lost-contact alert was opened and assigned to them. */
  alert_assigned: 'caseworker',
  /** ngo_admin: an alert missed its SLA (payload.breach is ack | first_contact). */
  alert_escalated: 'ngo_admin',
  /** caseworker: exam-season check-in tasks were created for their students (payload.count, exam). */
  exam_outreach: 'caseworker',
  /** sponsor: the partner NGO is checking in (an alert opened). */
  student_checking_in: 'sponsor',
  /** sponsor: the student is back in touch (payload.change when their situation changed). */
  student_reached: 'sponsor',
  /** sponsor: results day passed; a suggested encouraging letter (payload.exam). */
  exam_encouragement: 'sponsor',
  /** receiving NGO's admin: another NGO asks to hand a student over. */
  handover_requested: 'ngo_admin',
  /** sending caseworker: the receiving NGO accepted or rejected (payload.decision). */
  handover_decided: 'caseworker',
  /** sponsor: the student is taking a break from the program until payload.resumeOn (support is paused, not ended). */
  student_paused: 'sponsor',
  /** sponsor: another partner NGO (payload.ngoName) now accompanies the student; the sponsorship continues. */
  student_handed_over: 'sponsor',
} as const;
export type CareNoticeKind = keyof typeof CARE_NOTICE_KINDS;
