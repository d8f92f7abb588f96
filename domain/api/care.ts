import { Type, type Static } from '@sinclair/typebox';
import { ALERT_OUTCOMES, ALERT_STATUSES, CONTACT_METHODS, CONTACT_RESULTS, HANDOVER_STATUSES, SITUATION_CHANGES, SPONSOR_CARE_STATES } from '../care/alerts';
import { FLAG_ACTIONS, FLAG_OUTCOMES, FLAG_SOURCE_KINDS, FLAG_STATUSES } from '../care/flags';
import { EXAMS, LADDER_STEPS, POLICY_LIMITS } from '../care/policy';
import { LETTER_STATUSES } from '../letters';
import { CHECKIN_KINDS, SCHOOL_STAGES } from '../student';
import { WELLBEING_CATEGORIES } from '../wellbeing/types';
import { PUSH_EVENTS } from '../messaging';
import { Id, IsoDate, IsoDateTime, literals, Page, PageQuery } from './common';
import { StudentContactView, StudentIdParams } from './students';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });

// ---------------------------------------------------------------------------------------------
// Policy (GET by any staff of the NGO, PUT by its admin; versioned, every change audited)

export const LadderStepSchema = Type.Object({ step: literals(LADDER_STEPS), day: Type.Integer() }, { additionalProperties: false });
export const QuietPeriodSchema = Type.Object(
  { name: Text(30), from: IsoDate, to: IsoDate },
  { additionalProperties: false },
);
export const ExamEntrySchema = Type.Object(
  { exam: literals(EXAMS), name: Text(30), province: Text(30), year: Type.Integer({ minimum: 2000, maximum: 2100 }), from: IsoDate, to: IsoDate, resultsOn: IsoDate },
  { additionalProperties: false },
);

export const CarePolicyBody = Type.Object(
  {
    checkinCadenceDays: Type.Integer(),
    ladder: Type.Array(LadderStepSchema, { maxItems: 8 }),
    slaAckHours: Type.Integer(),
    slaFirstContactHours: Type.Integer(),
    quietPeriods: Type.Array(QuietPeriodSchema, { maxItems: POLICY_LIMITS.quietPeriods }),
    examCalendar: Type.Array(ExamEntrySchema, { maxItems: POLICY_LIMITS.examEntries }),
    examOutreachDays: Type.Integer(),
    urgentAckMinutes: Type.Integer(),
    concernDueHours: Type.Integer(),
  },
  { additionalProperties: false },
);
export type CarePolicyBody = Static<typeof CarePolicyBody>;

/** PUT body: the whole policy plus the version it was edited from (a stale version gets 409; 0 while the defaults apply). */
export const UpdateCarePolicyBody = Type.Composite(
  [
    CarePolicyBody,
    Type.Object({
      expectedVersion: Type.Integer({ minimum: 0 }),
      /** Months a student's personal data is kept after their time in the program ends; left out, the stored value stays. */
      studentRetentionMonths: Type.Optional(Type.Integer()),
    }),
  ],
  { additionalProperties: false },
);
export type UpdateCarePolicyBody = Static<typeof UpdateCarePolicyBody>;

export const CarePolicyView = Type.Composite([
  CarePolicyBody,
  Type.Object({
    studentRetentionMonths: Type.Integer(),
    ngoId: Id,
    version: Type.Integer(),
    updatedAt: IsoDateTime,
    updatedByName: Nullable(Type.String()),
    editable: Type.Boolean(),
  }),
]);
export type CarePolicyView = Static<typeof CarePolicyView>;

// ---------------------------------------------------------------------------------------------
// The caseworker's queue

/** urgent and concern: wellbeing flags (a student's words); the rest: the silence ladder's alerts and tasks. */
export const QUEUE_TABS = ['urgent', 'alerts', 'concern', 'watch', 'exam_season', 'talk_request'] as const;
export type QueueTab = (typeof QUEUE_TABS)[number];

export const QueueQuery = Type.Composite(
  [
    PageQuery,
    Type.Object({
      tab: Type.Optional(literals(QUEUE_TABS)),
      /** mine: only what is assigned to me; all (default): the NGO's, mine first. */
      scope: Type.Optional(literals(['mine', 'all'] as const)),
      /** alerts tab only: only escalated (an SLA missed). */
      escalated: Type.Optional(Type.Boolean()),
    }),
  ],
  { additionalProperties: false },
);
export type QueueQuery = Static<typeof QueueQuery>;

const QueueStudent = Type.Object({ id: Id, displayName: Type.String(), legalName: Type.String(), grade: Type.Integer(), schoolStage: literals(SCHOOL_STAGES), city: Type.String(), lastHeardAt: Nullable(IsoDateTime) });

export const AlertRow = Type.Object({
  kind: Type.Literal('alert'),
  id: Id,
  student: QueueStudent,
  status: literals(ALERT_STATUSES),
  assignee: Nullable(Type.Object({ id: Id, name: Type.String() })),
  mine: Type.Boolean(),
  openedAt: IsoDateTime,
  ackDueAt: IsoDateTime,
  firstContactDueAt: IsoDateTime,
  acknowledgedAt: Nullable(IsoDateTime),
  firstContactAt: Nullable(IsoDateTime),
  escalatedAt: Nullable(IsoDateTime),
  /** The deadline the queue counts down to (null once both SLAs are met). */
  nextDeadline: Nullable(Type.Object({ kind: literals(['ack', 'first_contact'] as const), at: IsoDateTime })),
  attemptCount: Type.Integer(),
  /** The student checked in after the alert opened (the caseworker still closes it with an outcome). */
  heardSinceOpened: Type.Boolean(),
});
export type AlertRow = Static<typeof AlertRow>;

export const TaskRow = Type.Object({
  kind: Type.Literal('task'),
  id: Id,
  /** sponsor_left: the student's sponsor left the program (listed under the watch tab); tell the student with care. */
  taskKind: literals(['watch', 'exam_season', 'talk_request', 'sponsor_left'] as const),
  student: QueueStudent,
  assignee: Nullable(Type.Object({ id: Id, name: Type.String() })),
  mine: Type.Boolean(),
  createdAt: IsoDateTime,
  dueAt: Nullable(IsoDateTime),
  /** exam_season: which exam and year. */
  exam: Nullable(Type.Object({ exam: literals(EXAMS), year: Type.Integer() })),
});
export type TaskRow = Static<typeof TaskRow>;

/** A wellbeing flag in the queue: what the student's words may show, and the deadline (acknowledge, or follow up). */
export const FlagRow = Type.Object({
  kind: Type.Literal('flag'),
  id: Id,
  level: literals(['urgent', 'concern'] as const),
  student: QueueStudent,
  status: literals(FLAG_STATUSES),
  assignee: Nullable(Type.Object({ id: Id, name: Type.String() })),
  mine: Type.Boolean(),
  sourceKind: literals(FLAG_SOURCE_KINDS),
  categories: Type.Array(literals(WELLBEING_CATEGORIES)),
  openedAt: IsoDateTime,
  dueAt: IsoDateTime,
  acknowledgedAt: Nullable(IsoDateTime),
  escalatedAt: Nullable(IsoDateTime),
});
export type FlagRow = Static<typeof FlagRow>;

export const QueueItem = Type.Union([AlertRow, TaskRow, FlagRow]);
export type QueueItem = Static<typeof QueueItem>;

export const QueueCounts = Type.Object({
  urgent: Type.Integer(),
  concern: Type.Integer(),
  alerts: Type.Integer(),
  escalated: Type.Integer(),
  watch: Type.Integer(),
  exam_season: Type.Integer(),
  talk_request: Type.Integer(),
  mine: Type.Integer(),
});
export type QueueCounts = Static<typeof QueueCounts>;

export const QueuePage = Type.Composite([Page(QueueItem), Type.Object({ counts: QueueCounts })]);
export type QueuePage = Static<typeof QueuePage>;

export const TaskDoneBody = Type.Object({ note: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: false });
export type TaskDoneBody = Static<typeof TaskDoneBody>;

// ---------------------------------------------------------------------------------------------
// A case (staff only: contacts and notes never reach sponsors)

export const ContactAttemptView = Type.Object({
  id: Id,
  method: literals(CONTACT_METHODS),
  result: literals(CONTACT_RESULTS),
  note: Nullable(Type.String()),
  attemptedAt: IsoDateTime,
  staffName: Type.String(),
});
export type ContactAttemptView = Static<typeof ContactAttemptView>;

export const CASE_EVENT_KINDS = [
  'step_nudge_1', 'step_nudge_2', 'step_watch', 'alert_opened', 'acknowledged', 'attempt', 'escalated', 'reassigned', 'resolved',
  'handover_requested', 'handover_accepted', 'handover_rejected', 'student_checked_in', 'student_wrote',
] as const;

/**
 * What a history line says, as data the reader's app puts in words. Which kinds carry what:
 * attempt `method` + `result`; student_checked_in `checkin` (its kind); resolved `outcome` (+ `method` how a reached student was reached, `change`,
 * `resumeOn`); reassigned `staffName`; handovers `ngoName` (the receiving NGO). `note` is what a person
 * wrote (a reason, a decision), shown as written.
 */
export const CaseEventParams = Type.Object(
  {
    method: Type.Optional(literals(CONTACT_METHODS)),
    result: Type.Optional(literals(CONTACT_RESULTS)),
    checkin: Type.Optional(literals(CHECKIN_KINDS)),
    outcome: Type.Optional(literals(ALERT_OUTCOMES)),
    change: Type.Optional(literals(SITUATION_CHANGES)),
    resumeOn: Type.Optional(IsoDate),
    staffName: Type.Optional(Type.String()),
    ngoName: Type.Optional(Type.String()),
    note: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
export type CaseEventParams = Static<typeof CaseEventParams>;

/** One line of the alert's history: a code (`kind`), who did it, and its parameters. */
export const CaseEvent = Type.Object({
  at: IsoDateTime,
  kind: literals(CASE_EVENT_KINDS),
  actorName: Nullable(Type.String()),
  params: CaseEventParams,
});
export type CaseEvent = Static<typeof CaseEvent>;

export const HandoverView = Type.Object({
  id: Id,
  fromNgo: Type.Object({ id: Id, name: Type.String() }),
  toNgo: Type.Object({ id: Id, name: Type.String() }),
  status: literals(HANDOVER_STATUSES),
  consent: Type.Object({ guardianName: Type.String(), relation: Type.String(), method: Type.String(), consentedOn: IsoDate }),
  note: Nullable(Type.String()),
  requestedAt: IsoDateTime,
  decidedAt: Nullable(IsoDateTime),
  decisionNote: Nullable(Type.String()),
});
export type HandoverView = Static<typeof HandoverView>;

export const CaseView = Type.Object({
  alert: Type.Composite([
    Type.Omit(AlertRow, ['kind', 'student']),
    Type.Object({ outcome: Nullable(literals(ALERT_OUTCOMES)), outcomeNote: Nullable(Type.String()), resumeOn: Nullable(IsoDate), resolvedAt: Nullable(IsoDateTime) }),
  ]),
  student: Type.Object({
    id: Id,
    legalName: Type.String(),
    displayName: Type.String(),
    grade: Type.Integer(),
    schoolStage: literals(SCHOOL_STAGES),
    schoolName: Type.String(),
    province: Type.String(),
    city: Type.String(),
    village: Nullable(Type.String()),
    programStatus: Type.String(),
    lastHeardAt: Nullable(IsoDateTime),
    nextDueAt: Nullable(IsoDateTime),
    contacts: Type.Array(StudentContactView),
    sponsorDisplayName: Nullable(Type.String()),
  }),
  attempts: Type.Array(ContactAttemptView),
  history: Type.Array(CaseEvent),
  /** The student's own recent activity (check-ins, letters), newest first, at most 20. */
  recent: Type.Array(Type.Object({ kind: literals(['checkin', 'letter', 'contact'] as const), at: IsoDateTime, summary: Type.String() })),
  handover: Nullable(HandoverView),
  /** Staff of the NGO the alert can be reassigned to. */
  caseworkers: Type.Array(Type.Object({ id: Id, name: Type.String() })),
  /** Other NGOs a student can be handed to. */
  partnerNgos: Type.Array(Type.Object({ id: Id, name: Type.String(), province: Type.String() })),
});
export type CaseView = Static<typeof CaseView>;

export const AlertParams = Type.Object({ id: Id }, { additionalProperties: false });

export const LogAttemptBody = Type.Object(
  {
    method: literals(CONTACT_METHODS),
    result: literals(CONTACT_RESULTS),
    note: Type.Optional(Type.String({ maxLength: 1000 })),
    /** When it happened, if not now (not in the future, not before the alert opened). */
    attemptedAt: Type.Optional(IsoDateTime),
  },
  { additionalProperties: false },
);
export type LogAttemptBody = Static<typeof LogAttemptBody>;

export const ReassignBody = Type.Object({ staffId: Id, reason: Type.Optional(Type.String({ maxLength: 300 })) }, { additionalProperties: false });
export type ReassignBody = Static<typeof ReassignBody>;

/**
 * Closing an alert. Each outcome carries what it needs:
 *  - situation_changed: `change` (sponsor-safe kind) and the record's new school fields;
 *  - paused: `resumeOn` (a future local date);
 *  - handed_over: `handover` (receiving NGO and the guardian's consent);
 *  - left_program: `returnExpected` (the sponsor is then asked to choose).
 */
export const ResolveAlertBody = Type.Object(
  {
    outcome: literals(ALERT_OUTCOMES),
    note: Text(1000),
    change: Type.Optional(
      Type.Object(
        {
          kind: literals(SITUATION_CHANGES),
          schoolName: Type.Optional(Text(80)),
          schoolStage: Type.Optional(literals(['primary', 'middle', 'high', 'vocational'] as const)),
          grade: Type.Optional(Type.Integer({ minimum: 1, maximum: 12 })),
        },
        { additionalProperties: false },
      ),
    ),
    resumeOn: Type.Optional(IsoDate),
    handover: Type.Optional(
      Type.Object(
        {
          toNgoId: Id,
          consent: Type.Object(
            { guardianName: Text(60), relation: Text(30), method: literals(['paper', 'in_person', 'video', 'phone'] as const), consentedOn: IsoDate },
            { additionalProperties: false },
          ),
        },
        { additionalProperties: false },
      ),
    ),
    returnExpected: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type ResolveAlertBody = Static<typeof ResolveAlertBody>;

// Handovers, seen by the receiving NGO's admin
export const HandoverParams = AlertParams;
export const HandoverPage = Page(Type.Composite([HandoverView, Type.Object({ student: Type.Object({ displayName: Type.String(), grade: Type.Integer(), schoolStage: literals(SCHOOL_STAGES), city: Type.String() }) })]));
export type HandoverPage = Static<typeof HandoverPage>;
export const HandoverQuery = Type.Composite([PageQuery, Type.Object({ status: Type.Optional(literals(HANDOVER_STATUSES)) })], { additionalProperties: false });
export const AcceptHandoverBody = Type.Object({ caseworkerId: Id, note: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: false });
export type AcceptHandoverBody = Static<typeof AcceptHandoverBody>;
export const RejectHandoverBody = Type.Object({ reason: Text(500) }, { additionalProperties: false });
export type RejectHandoverBody = Static<typeof RejectHandoverBody>;

export { StudentIdParams };

// ---------------------------------------------------------------------------------------------
// A wellbeing flag (staff only: its words and everything done about it never reach a sponsor)

export const FlagParams = AlertParams;

export const FlagFinding = Type.Object({
  category: literals(WELLBEING_CATEGORIES),
  level: literals(['urgent', 'concern'] as const),
  start: Type.Integer(),
  end: Type.Integer(),
  excerpt: Type.String(),
});
export type FlagFinding = Static<typeof FlagFinding>;

export const FlagCaseView = Type.Object({
  flag: Type.Composite([
    Type.Omit(FlagRow, ['kind', 'student']),
    Type.Object({
      acknowledgedByName: Nullable(Type.String()),
      resolvedAt: Nullable(IsoDateTime),
      resolvedByName: Nullable(Type.String()),
      outcome: Nullable(literals(FLAG_OUTCOMES)),
      outcomeNote: Nullable(Type.String()),
    }),
  ]),
  /** The words as they were assessed, and what in them raised the flag (offsets into `text`). */
  text: Type.String(),
  findings: Type.Array(FlagFinding),
  /** A letter's state now: held from the sponsor while the flag is urgent and unresolved. */
  letter: Nullable(Type.Object({ id: Id, status: literals(LETTER_STATUSES) })),
  student: Type.Object({
    id: Id,
    legalName: Type.String(),
    displayName: Type.String(),
    grade: Type.Integer(),
    schoolStage: literals(SCHOOL_STAGES),
    province: Type.String(),
    city: Type.String(),
    contacts: Type.Array(StudentContactView),
  }),
  actions: Type.Array(Type.Object({ kind: literals(FLAG_ACTIONS), note: Nullable(Type.String()), staffName: Type.String(), at: IsoDateTime })),
});
export type FlagCaseView = Static<typeof FlagCaseView>;

export const FlagActionBody = Type.Object(
  { kind: literals(FLAG_ACTIONS), note: Type.Optional(Type.String({ maxLength: 1000 })) },
  { additionalProperties: false },
);
export type FlagActionBody = Static<typeof FlagActionBody>;

/** Closing a flag: handled (after an action) or a false alarm (the reason is required; a held letter is then delivered). */
export const CloseFlagBody = Type.Object(
  { outcome: literals(FLAG_OUTCOMES), note: Type.Optional(Type.String({ maxLength: 1000 })) },
  { additionalProperties: false },
);
export type CloseFlagBody = Static<typeof CloseFlagBody>;

// ---------------------------------------------------------------------------------------------
// What a sponsor sees (added to SponsorshipDetail as `care`)

export const SponsorCareView = Type.Object({
  state: literals(SPONSOR_CARE_STATES),
  since: Nullable(IsoDateTime),
  change: Nullable(literals(SITUATION_CHANGES)),
});
export type SponsorCareView = Static<typeof SponsorCareView>;

// ---------------------------------------------------------------------------------------------
// Platform message subscriptions (WeChat subscribe messages, Alipay template messages)

export const SubscriptionOptions = Type.Object({
  /** The channel of the caller's platform, or null when they signed in without one (demo, password). */
  channel: Nullable(literals(['wechat_subscribe', 'alipay_template'] as const)),
  /** Templates the caller's role can subscribe to, with the platform's template id (only configured ones). */
  templates: Type.Array(Type.Object({ event: literals(PUSH_EVENTS), templateId: Type.String(), remaining: Type.Integer() })),
});
export type SubscriptionOptions = Static<typeof SubscriptionOptions>;

/** What `requestSubscribeMessage` answered, per template id: accept / reject / ban / filter. */
export const RecordSubscriptionsBody = Type.Object(
  {
    results: Type.Array(Type.Object({ templateId: Type.String({ minLength: 1, maxLength: 64 }), result: literals(['accept', 'reject', 'ban', 'filter'] as const) }, { additionalProperties: false }), {
      minItems: 1,
      maxItems: 3,
    }),
  },
  { additionalProperties: false },
);
export type RecordSubscriptionsBody = Static<typeof RecordSubscriptionsBody>;
