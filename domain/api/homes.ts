import { Type, type Static } from '@sinclair/typebox';
import { CADENCES, SPONSORSHIP_STATUSES } from '../sponsorship';
import { SCHOOL_STAGES, PROGRAM_STATUSES } from '../student';
import { Id, literals, IsoDate, IsoDateTime, Page, PageQuery } from './common';

const SilenceStateSchema = Type.Union([
  Type.Literal('in_touch'),
  Type.Literal('overdue'),
  Type.Literal('lost_contact'),
]);

/** What a sponsor may see of a student: never surname, school, village, ID, phone or exact location. */
export const SponsorStudentView = Type.Object({
  id: Id,
  displayName: Type.String(),
  age: Type.Integer(),
  grade: Type.Integer(),
  schoolStage: literals(SCHOOL_STAGES),
  province: Type.String(),
  city: Type.String(),
  ngoName: Type.String(),
});
export type SponsorStudentView = Static<typeof SponsorStudentView>;

export const SponsorshipSummary = Type.Object({
  id: Id,
  status: literals(SPONSORSHIP_STATUSES),
  amountFen: Type.Integer(),
  cadence: literals(CADENCES),
  termYears: Type.Integer(),
  startDate: IsoDate,
  student: SponsorStudentView,
  /** The latest news the student sent this sponsor (a check-in or a delivered letter); never a caseworker's contact. */
  lastHeardAt: Type.Union([IsoDateTime, Type.Null()]),
  nextExpectedAt: Type.Union([IsoDateTime, Type.Null()]),
  letterCount: Type.Integer(),
});
export type SponsorshipSummary = Static<typeof SponsorshipSummary>;

export const SponsorshipPage = Page(SponsorshipSummary);
export type SponsorshipPage = Static<typeof SponsorshipPage>;

export const StudentProfile = Type.Object({
  displayName: Type.String(),
  grade: Type.Integer(),
  schoolStage: literals(SCHOOL_STAGES),
  province: Type.String(),
  city: Type.String(),
  ngoName: Type.String(),
  caseworkerName: Type.Union([Type.String(), Type.Null()]),
  sponsorDisplayName: Type.Union([Type.String(), Type.Null()]),
  /** The sponsorship the student writes letters on; null while waiting for a sponsor. */
  sponsorshipId: Type.Union([Id, Type.Null()]),
  lastCheckinAt: Type.Union([IsoDateTime, Type.Null()]),
  nextCheckinWelcomeAt: Type.Union([IsoDateTime, Type.Null()]),
});
export type StudentProfile = Static<typeof StudentProfile>;

export const StaffStudentQuery = Type.Composite(
  [
    PageQuery,
    Type.Object({
      scope: Type.Optional(Type.Union([Type.Literal('mine'), Type.Literal('all')])),
    }),
  ],
  { additionalProperties: false },
);
export type StaffStudentQuery = Static<typeof StaffStudentQuery>;

export const StaffStudentRow = Type.Object({
  id: Id,
  legalName: Type.String(),
  displayName: Type.String(),
  grade: Type.Integer(),
  schoolStage: literals(SCHOOL_STAGES),
  city: Type.String(),
  programStatus: literals(PROGRAM_STATUSES),
  caseworkerName: Type.Union([Type.String(), Type.Null()]),
  sponsored: Type.Boolean(),
  lastHeardAt: Type.Union([IsoDateTime, Type.Null()]),
  nextDueAt: Type.Union([IsoDateTime, Type.Null()]),
  silence: SilenceStateSchema,
});
export type StaffStudentRow = Static<typeof StaffStudentRow>;

export const StaffStudentPage = Page(StaffStudentRow);
export type StaffStudentPage = Static<typeof StaffStudentPage>;

export const NgoOverview = Type.Object({
  ngo: Type.Object({ id: Id, name: Type.String(), province: Type.String(), city: Type.String() }),
  counts: Type.Object({
    students: Type.Integer(),
    sponsored: Type.Integer(),
    waiting: Type.Integer(),
    overdue: Type.Integer(),
    openAlerts: Type.Integer(),
  }),
  caseworkers: Type.Array(Type.Object({ id: Id, name: Type.String(), studentCount: Type.Integer() })),
});
export type NgoOverview = Static<typeof NgoOverview>;
