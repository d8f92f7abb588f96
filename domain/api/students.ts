import { Type, type Static } from '@sinclair/typebox';
import { CHECKIN_KINDS, POOL_BLOCKERS, PROGRAM_STATUSES, SCHOOL_STAGES } from '../student';
import { TERM_CODE_PATTERN } from '../terms';
import { Id, IsoDate, IsoDateTime, literals, Page, PageQuery } from './common';
import { SessionResponse } from './auth';

/* ------------------------------------------------------------------ */
/* NGO onboarding (caseworker and NGO admin of the student's NGO)      */
/* ------------------------------------------------------------------ */

export const GENDERS = ['female', 'male', 'unspecified'] as const;
export const CONSENT_METHODS = ['paper', 'in_person', 'video', 'phone'] as const;
export const INVITE_PLATFORMS = ['wechat', 'alipay', 'demo'] as const;
export const TERM_REPORT_AUTHORS = ['student', 'caseworker'] as const;

export const STORY_MAX = 600;
export const CHECKIN_NOTE_MAX = 200;
export const TERM_RESULT_MAX = 200;
/** A school term as stored and returned: `2025-2026-2` is the second (spring) term of the 2025–2026 school year. */
export const TERM_PATTERN = TERM_CODE_PATTERN;
export const INVITE_CODE_PATTERN = '^[A-Za-z0-9]{8}$';

/** A guardian or school contact: staff-only, never shown to a sponsor. */
export const StudentContactInput = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 60 }),
    relation: Type.Optional(Type.Union([Type.String({ maxLength: 30 }), Type.Null()])),
    phone: Type.Optional(Type.Union([Type.String({ maxLength: 30 }), Type.Null()])),
    note: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
  },
  { additionalProperties: false },
);
export type StudentContactInput = Static<typeof StudentContactInput>;

export const StudentContactView = Type.Object({
  id: Id,
  kind: literals(['guardian', 'school'] as const),
  name: Type.String(),
  relation: Type.Union([Type.String(), Type.Null()]),
  phone: Type.Union([Type.String(), Type.Null()]),
  note: Type.Union([Type.String(), Type.Null()]),
});
export type StudentContactView = Static<typeof StudentContactView>;

const studentFields = {
  /** Staff-only. */
  legalName: Type.String({ minLength: 1, maxLength: 60 }),
  /** Sponsor-facing (a given name or nickname; never the surname). */
  displayName: Type.String({ minLength: 1, maxLength: 30 }),
  gender: literals(GENDERS),
  dateOfBirth: IsoDate,
  /** Staff-only. */
  schoolName: Type.String({ minLength: 1, maxLength: 100 }),
  schoolStage: literals(SCHOOL_STAGES),
  grade: Type.Integer({ minimum: 1, maximum: 12 }),
  expectedGraduation: IsoDate,
  province: Type.String({ minLength: 1, maxLength: 20 }),
  city: Type.String({ minLength: 1, maxLength: 20 }),
  /** Staff-only. */
  village: Type.Union([Type.String({ maxLength: 60 }), Type.Null()]),
  /** Sponsor-facing once an NGO admin approves it; editing it withdraws the approval. */
  story: Type.Union([Type.String({ maxLength: STORY_MAX }), Type.Null()]),
  /** A caseworker (staff id) of the same NGO, or null. */
  caseworkerId: Type.Union([Id, Type.Null()]),
  guardianContacts: Type.Array(StudentContactInput, { maxItems: 5 }),
  schoolContacts: Type.Array(StudentContactInput, { maxItems: 5 }),
  yearlyNeedFen: Type.Integer({ minimum: 0, maximum: 100_000_000 }),
};

/** `POST /api/staff/students`: gender, village, story, caseworkerId and contacts are optional. */
export const CreateStudentBody = Type.Object(
  {
    legalName: studentFields.legalName,
    displayName: studentFields.displayName,
    gender: Type.Optional(studentFields.gender),
    dateOfBirth: studentFields.dateOfBirth,
    schoolName: studentFields.schoolName,
    schoolStage: studentFields.schoolStage,
    grade: studentFields.grade,
    expectedGraduation: studentFields.expectedGraduation,
    province: studentFields.province,
    city: studentFields.city,
    village: Type.Optional(studentFields.village),
    story: Type.Optional(studentFields.story),
    caseworkerId: Type.Optional(studentFields.caseworkerId),
    guardianContacts: Type.Optional(studentFields.guardianContacts),
    schoolContacts: Type.Optional(studentFields.schoolContacts),
    yearlyNeedFen: studentFields.yearlyNeedFen,
  },
  { additionalProperties: false },
);
export type CreateStudentBody = Static<typeof CreateStudentBody>;

/** `POST /api/staff/students/:id`: every field optional; contacts, when given, replace that kind's list. */
export const UpdateStudentBody = Type.Partial(Type.Object(studentFields), { additionalProperties: false });
export type UpdateStudentBody = Static<typeof UpdateStudentBody>;

export const ConsentView = Type.Object({
  id: Id,
  guardianName: Type.String(),
  relation: Type.String(),
  consentedOn: IsoDate,
  method: literals(CONSENT_METHODS),
  scope: Type.String(),
  retainUntil: IsoDate,
  recordedBy: Type.String(),
  createdAt: IsoDateTime,
  withdrawnAt: Type.Union([IsoDateTime, Type.Null()]),
  withdrawnReason: Type.Union([Type.String(), Type.Null()]),
});
export type ConsentView = Static<typeof ConsentView>;

export const InviteStatus = Type.Object({
  /** `none` (never issued), `open` (an unused, unexpired code exists), `used` (the student has bound an account), `expired`. */
  state: literals(['none', 'open', 'used', 'expired'] as const),
  expiresAt: Type.Union([IsoDateTime, Type.Null()]),
  usedAt: Type.Union([IsoDateTime, Type.Null()]),
});
export type InviteStatus = Static<typeof InviteStatus>;

export { POOL_BLOCKERS, type PoolBlocker } from '../student';

export const StaffStudentDetail = Type.Object({
  id: Id,
  legalName: Type.String(),
  displayName: Type.String(),
  gender: literals(GENDERS),
  dateOfBirth: IsoDate,
  age: Type.Integer(),
  schoolName: Type.String(),
  schoolStage: literals(SCHOOL_STAGES),
  grade: Type.Integer(),
  expectedGraduation: IsoDate,
  province: Type.String(),
  city: Type.String(),
  village: Type.Union([Type.String(), Type.Null()]),
  story: Type.Union([Type.String(), Type.Null()]),
  storyApprovedAt: Type.Union([IsoDateTime, Type.Null()]),
  yearlyNeedFen: Type.Integer(),
  programStatus: literals(PROGRAM_STATUSES),
  caseworker: Type.Union([Type.Object({ id: Id, name: Type.String() }), Type.Null()]),
  contacts: Type.Array(StudentContactView),
  consents: Type.Array(ConsentView),
  /** True when the student's age makes a guardian consent necessary (NGO policy). */
  consentRequired: Type.Boolean(),
  /** True when an unwithdrawn consent is on file. */
  consentActive: Type.Boolean(),
  invite: InviteStatus,
  /** True when the student has bound a platform account. */
  accountBound: Type.Boolean(),
  poolSince: Type.Union([IsoDateTime, Type.Null()]),
  /** What stops `POST .../pool` now (empty when it would succeed or the student is already waiting). */
  poolBlockers: Type.Array(literals(POOL_BLOCKERS)),
  sponsorship: Type.Union([Type.Object({ id: Id, status: Type.String(), sponsorDisplayName: Type.String() }), Type.Null()]),
  lastHeardAt: Type.Union([IsoDateTime, Type.Null()]),
  nextDueAt: Type.Union([IsoDateTime, Type.Null()]),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type StaffStudentDetail = Static<typeof StaffStudentDetail>;

export const RecordConsentBody = Type.Object(
  {
    guardianName: Type.String({ minLength: 1, maxLength: 60 }),
    relation: Type.String({ minLength: 1, maxLength: 30 }),
    consentedOn: IsoDate,
    method: literals(CONSENT_METHODS),
    /** What the guardian agreed to, in the NGO's words. */
    scope: Type.String({ minLength: 1, maxLength: 1000 }),
    /** Until when the consent record is kept. */
    retainUntil: IsoDate,
  },
  { additionalProperties: false },
);
export type RecordConsentBody = Static<typeof RecordConsentBody>;

export const WithdrawConsentBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 500 }) },
  { additionalProperties: false },
);
export type WithdrawConsentBody = Static<typeof WithdrawConsentBody>;

export const WithdrawConsentResponse = Type.Object({
  consent: ConsentView,
  /** True when no unwithdrawn consent remains and the student's age requires one: hidden from sponsors now. */
  hiddenFromSponsors: Type.Boolean(),
  /** True when the student was taken out of the pool (or a live reservation ended). */
  removedFromPool: Type.Boolean(),
  /** What the NGO should do next, in the caller's language. */
  nextSteps: Type.Array(Type.String()),
});
export type WithdrawConsentResponse = Static<typeof WithdrawConsentResponse>;

/** `POST /api/staff/students/:id/pool` 409 `POOL_REQUIREMENTS_MISSING`: `error.details[].field` is the blocker. */
export const EnterPoolResponse = Type.Object({ poolSince: IsoDateTime });
export type EnterPoolResponse = Static<typeof EnterPoolResponse>;

export const ApproveStoryResponse = Type.Object({ storyApprovedAt: IsoDateTime });
export type ApproveStoryResponse = Static<typeof ApproveStoryResponse>;

/* ------------------------------------------------------------------ */
/* Invites                                                            */
/* ------------------------------------------------------------------ */

export const IssuedInvite = Type.Object({
  /** 8 characters from an unambiguous alphabet; shown once, only its hash is stored. */
  code: Type.String(),
  expiresAt: IsoDateTime,
  /** What the QR code encodes: `banxue://invite/<code>`. */
  qrPayload: Type.String(),
  /** An `<svg>` document of the QR code. */
  qrSvg: Type.String(),
});
export type IssuedInvite = Static<typeof IssuedInvite>;

/** `POST /api/auth/invite`: `loginCode` is required for wechat (`Taro.login` code) and alipay (auth code). */
export const InviteLoginBody = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 32 }),
    platform: literals(INVITE_PLATFORMS),
    loginCode: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
  },
  { additionalProperties: false },
);
export type InviteLoginBody = Static<typeof InviteLoginBody>;

export const InviteLoginResponse = SessionResponse;
export type InviteLoginResponse = Static<typeof InviteLoginResponse>;

/* ------------------------------------------------------------------ */
/* Check-ins (student)                                                */
/* ------------------------------------------------------------------ */

export const CheckinBody = Type.Object(
  {
    kind: literals(CHECKIN_KINDS),
    mood: Type.Optional(Type.Integer({ minimum: 1, maximum: 5 })),
    note: Type.Optional(Type.String({ maxLength: CHECKIN_NOTE_MAX })),
  },
  { additionalProperties: false },
);
export type CheckinBody = Static<typeof CheckinBody>;

export const CheckinCreated = Type.Object({
  id: Id,
  createdAt: IsoDateTime,
  /** When another check-in would be welcome (never a deadline). */
  nextCheckinWelcomeAt: Type.Union([IsoDateTime, Type.Null()]),
});
export type CheckinCreated = Static<typeof CheckinCreated>;

export const CheckinView = Type.Object({
  id: Id,
  kind: literals(CHECKIN_KINDS),
  mood: Type.Union([Type.Integer(), Type.Null()]),
  note: Type.Union([Type.String(), Type.Null()]),
  createdAt: IsoDateTime,
});
export type CheckinView = Static<typeof CheckinView>;

export const CheckinQuery = PageQuery;
export type CheckinQuery = Static<typeof CheckinQuery>;

export const CheckinPage = Page(CheckinView);
export type CheckinPage = Static<typeof CheckinPage>;

/* ------------------------------------------------------------------ */
/* Term reports                                                       */
/* ------------------------------------------------------------------ */

export const TermReportBody = Type.Object(
  {
    /** `2025-2026-2`; the older `2026-spring` / `2025-autumn` form is accepted and stored as the code (anything else: 400). */
    term: Type.String({ minLength: 1, maxLength: 20, examples: ['2025-2026-2'] }),
    grade: Type.Integer({ minimum: 1, maximum: 12 }),
    overallResult: Type.String({ minLength: 1, maxLength: TERM_RESULT_MAX }),
    /** The author's own unattached upload (`POST /api/letter-photos`), a photo of the report card. */
    photoUploadId: Type.Optional(Id),
  },
  { additionalProperties: false },
);
export type TermReportBody = Static<typeof TermReportBody>;

export const TermReportView = Type.Object({
  id: Id,
  term: Type.String({ pattern: TERM_PATTERN }),
  grade: Type.Integer(),
  overallResult: Type.String(),
  authoredBy: literals(TERM_REPORT_AUTHORS),
  /** Short-lived signed link to the report card photo, or null. */
  photoUrl: Type.Union([Type.String(), Type.Null()]),
  createdAt: IsoDateTime,
});
export type TermReportView = Static<typeof TermReportView>;

export const StudentTermReports = Type.Object({
  items: Type.Array(TermReportView),
  /** The student's school stage now, so a grade is named in its stage (中职 for a vocational student). */
  schoolStage: literals(SCHOOL_STAGES),
  /** Terms that ended recently and have no report yet: a report would be welcome (never required). */
  dueTerms: Type.Array(Type.String({ pattern: TERM_PATTERN })),
});
export type StudentTermReports = Static<typeof StudentTermReports>;

export const StudentIdParams = Type.Object({ id: Id });
export const ConsentParams = Type.Object({ id: Id, consentId: Id });
