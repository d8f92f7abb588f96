import { Type, type Static } from '@sinclair/typebox';
import { LETTER_STATUSES } from '../letters';
import {
  GUARDIAN_REQUEST_CHANNELS,
  GUARDIAN_REQUEST_KINDS,
  GUARDIAN_REQUEST_LIMITS,
  GUARDIAN_REQUEST_STATUSES,
} from '../privacy/guardian-requests';
import { CHECKIN_KINDS, PROGRAM_STATUSES, SCHOOL_STAGES } from '../student';
import { Id, IsoDate, IsoDateTime, literals, Page, PageQuery } from './common';
import { GENDERS } from './students';

/* ------------------------------------------------------------------ */
/* A guardian's requests about a student's data (staff of the student's NGO) */
/* ------------------------------------------------------------------ */

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const L = GUARDIAN_REQUEST_LIMITS;

export const RequestIdParams = Type.Object({ id: Id }, { additionalProperties: false });

/** `POST /api/staff/students/:id/guardian-requests`: a request as the NGO received it. */
export const NewGuardianRequestBody = Type.Object(
  {
    kind: literals(GUARDIAN_REQUEST_KINDS),
    guardianName: Type.String({ minLength: 1, maxLength: L.name }),
    /** Who the guardian is to the student (母亲, 祖父, legal guardian…), as on the consent or ID checked. */
    guardianRelation: Type.String({ minLength: 1, maxLength: L.relation }),
    receivedVia: literals(GUARDIAN_REQUEST_CHANNELS),
    receivedOn: IsoDate,
    /** What the guardian asked for, in the NGO's words (for a correction: which details are wrong). */
    details: Type.String({ maxLength: L.details }),
  },
  { additionalProperties: false },
);
export type NewGuardianRequestBody = Static<typeof NewGuardianRequestBody>;

export const GuardianRequestView = Type.Object({
  id: Id,
  studentId: Id,
  kind: literals(GUARDIAN_REQUEST_KINDS),
  status: literals(GUARDIAN_REQUEST_STATUSES),
  guardianName: Type.String(),
  guardianRelation: Type.String(),
  receivedVia: literals(GUARDIAN_REQUEST_CHANNELS),
  receivedOn: IsoDate,
  details: Type.String(),
  recordedAt: IsoDateTime,
  recordedByName: Type.String(),
  /** The last time it was acted on: package produced, record corrected, data erased. */
  actedAt: Nullable(IsoDateTime),
  closedAt: Nullable(IsoDateTime),
  closedByName: Nullable(Type.String()),
  /** Completed: an optional note; refused: the reason. */
  closingNote: Nullable(Type.String()),
});
export type GuardianRequestView = Static<typeof GuardianRequestView>;

export const RequestStudent = Type.Object({
  id: Id,
  legalName: Type.String(),
  displayName: Type.String(),
  programStatus: literals(PROGRAM_STATUSES),
  /** Set once the student's personal data was erased (by a deletion request or when its retention ended). */
  anonymisedAt: Nullable(IsoDateTime),
});
export type RequestStudent = Static<typeof RequestStudent>;

export const GuardianRequestQuery = PageQuery;
export type GuardianRequestQuery = Static<typeof GuardianRequestQuery>;

/** A student's requests, newest first, with the student they concern. */
export const GuardianRequestList = Type.Composite([Page(GuardianRequestView), Type.Object({ student: RequestStudent })]);
export type GuardianRequestList = Static<typeof GuardianRequestList>;

export const GuardianRequestDetail = Type.Object({ request: GuardianRequestView, student: RequestStudent });
export type GuardianRequestDetail = Static<typeof GuardianRequestDetail>;

export const CompleteRequestBody = Type.Object({ note: Type.Optional(Type.String({ maxLength: L.note })) }, { additionalProperties: false });
export type CompleteRequestBody = Static<typeof CompleteRequestBody>;

export const RefuseRequestBody = Type.Object({ reason: Type.String({ minLength: 1, maxLength: L.note }) }, { additionalProperties: false });
export type RefuseRequestBody = Static<typeof RefuseRequestBody>;

/** What an erasure removed or replaced (counts of rows and stored files). */
export const ErasureCounts = Type.Object({
  contacts: Type.Integer(),
  letters: Type.Integer(),
  photos: Type.Integer(),
  checkinNotes: Type.Integer(),
  termReports: Type.Integer(),
  careNotes: Type.Integer(),
  notifications: Type.Integer(),
  receipts: Type.Integer(),
  sponsorshipsEnded: Type.Integer(),
});
export type ErasureCounts = Static<typeof ErasureCounts>;

export const ErasureResult = Type.Object({
  request: GuardianRequestView,
  student: RequestStudent,
  /** False when the data had already been erased (the request is completed all the same). */
  erasedNow: Type.Boolean(),
  counts: ErasureCounts,
});
export type ErasureResult = Static<typeof ErasureResult>;

/* ------------------------------------------------------------------ */
/* The data package handed to a guardian (an access request)         */
/* ------------------------------------------------------------------ */

const Photo = Type.Object({ id: Id, url: Type.String() });

export const StudentDataPackage = Type.Object({
  generatedAt: IsoDateTime,
  requestId: Id,
  ngo: Type.Object({ name: Type.String() }),
  student: Type.Object({
    id: Id,
    legalName: Type.String(),
    displayName: Type.String(),
    gender: literals(GENDERS),
    dateOfBirth: IsoDate,
    schoolName: Type.String(),
    schoolStage: literals(SCHOOL_STAGES),
    grade: Type.Integer(),
    expectedGraduation: IsoDate,
    province: Type.String(),
    city: Type.String(),
    village: Nullable(Type.String()),
    story: Nullable(Type.String()),
    programStatus: literals(PROGRAM_STATUSES),
    leftAt: Nullable(IsoDateTime),
    createdAt: IsoDateTime,
    /** Signed links last 15 minutes: save the photos while the package is open. */
    photo: Nullable(Photo),
  }),
  contacts: Type.Array(
    Type.Object({ kind: literals(['guardian', 'school'] as const), name: Type.String(), relation: Nullable(Type.String()), phone: Nullable(Type.String()), note: Nullable(Type.String()) }),
  ),
  consents: Type.Array(
    Type.Object({
      guardianName: Type.String(),
      relation: Type.String(),
      consentedOn: IsoDate,
      method: Type.String(),
      scope: Type.String(),
      retainUntil: IsoDate,
      withdrawnAt: Nullable(IsoDateTime),
    }),
  ),
  sponsorships: Type.Array(
    Type.Object({
      id: Id,
      sponsorDisplayName: Type.String(),
      status: Type.String(),
      startDate: IsoDate,
      endDate: IsoDate,
      amountFen: Type.Integer(),
      cadence: Type.String(),
      endedAt: Nullable(IsoDateTime),
      ledger: Type.Array(
        Type.Object({ kind: Type.String(), amountFen: Type.Integer(), occurredOn: IsoDate, category: Nullable(Type.String()), payee: Nullable(Type.String()), description: Type.String() }),
      ),
    }),
  ),
  /** The student's own letters (any status) and those delivered to them; a text that raised a safety flag is withheld (null). */
  letters: Type.Array(
    Type.Object({
      id: Id,
      sponsorshipId: Id,
      direction: literals(['to_student', 'to_sponsor'] as const),
      status: literals(LETTER_STATUSES),
      createdAt: IsoDateTime,
      body: Nullable(Type.String()),
      photos: Type.Array(Photo),
    }),
  ),
  checkins: Type.Array(Type.Object({ kind: literals(CHECKIN_KINDS), mood: Nullable(Type.Integer()), note: Nullable(Type.String()), createdAt: IsoDateTime })),
  termReports: Type.Array(
    Type.Object({ term: Type.String(), grade: Type.Integer(), overallResult: Nullable(Type.String()), authoredBy: Type.String(), createdAt: IsoDateTime, photo: Nullable(Photo) }),
  ),
  notices: Type.Array(Type.Object({ text: Type.String(), createdAt: IsoDateTime })),
  /** Kept back, for the child's safety or because they are the NGO's internal care records (see the privacy notes). */
  withheld: Type.Object({
    /** Texts of the student that raised a wellbeing flag (left out above as null). */
    safetyFlaggedTexts: Type.Integer(),
    /** Lost-contact alerts, contact attempts, wellbeing flags and caseworker notes on file. */
    careRecords: Type.Integer(),
  }),
  /** True when a list reached its limit (the NGO prepares the rest by hand). */
  truncated: Type.Boolean(),
});
export type StudentDataPackage = Static<typeof StudentDataPackage>;

export const DataPackageResponse = Type.Object({ request: GuardianRequestView, dataPackage: StudentDataPackage });
export type DataPackageResponse = Static<typeof DataPackageResponse>;

export const CorrectionResponse = GuardianRequestDetail;
export type CorrectionResponse = Static<typeof CorrectionResponse>;
