import { Type, type Static } from '@sinclair/typebox';
import { SCHOOL_STAGES } from '../student';
import { CADENCES } from '../sponsorship';
import { PLEDGE_ACKNOWLEDGEMENTS } from '../pledge';
import { Id, IsoDate, IsoDateTime, literals, Page, PageQuery } from './common';
import { NgoCredibility } from './credibility';

/** A student still waiting for a sponsor, as any sponsor may see them: sponsor-safe fields only. */
export const PoolStudent = Type.Object({
  id: Id,
  displayName: Type.String(),
  age: Type.Integer(),
  grade: Type.Integer(),
  schoolStage: literals(SCHOOL_STAGES),
  province: Type.String(),
  city: Type.String(),
  /** The short story the NGO approved. */
  story: Type.String(),
  /** Signed, short-lived photo link, or null when the NGO has no approved photo. */
  photoUrl: Type.Union([Type.String(), Type.Null()]),
  yearlyNeedFen: Type.Integer(),
  yearsToGraduation: Type.Integer(),
  ngo: Type.Object({ id: Id, name: Type.String() }),
  waitingSince: IsoDateTime,
});
export type PoolStudent = Static<typeof PoolStudent>;

const PoolFilterFields = Type.Object({
  province: Type.Optional(Type.String({ minLength: 1, maxLength: 20 })),
  city: Type.Optional(Type.String({ minLength: 1, maxLength: 20 })),
  schoolStage: Type.Optional(literals(SCHOOL_STAGES)),
  maxYearlyNeedFen: Type.Optional(Type.Integer({ minimum: 0 })),
});

export const PoolQuery = Type.Composite([PageQuery, PoolFilterFields], { additionalProperties: false });
export type PoolQuery = Static<typeof PoolQuery>;

/** The filters chosen so far: each list of choices is worked out with the others applied. */
export const PoolFiltersQuery = Type.Composite([PoolFilterFields], { additionalProperties: false });
export type PoolFiltersQuery = Static<typeof PoolFiltersQuery>;

export const PoolPage = Page(PoolStudent);
export type PoolPage = Static<typeof PoolPage>;

/** A yearly-need ceiling and how many waiting students it shows (at least one, never all of them). */
export const NeedBand = Type.Object({ maxYearlyNeedFen: Type.Integer({ minimum: 0 }), count: Type.Integer({ minimum: 1 }) });
export type NeedBand = Static<typeof NeedBand>;

/**
 * What the filters can offer: only values some waiting student has, given the other filters chosen,
 * so a filter never leads to an empty list. Need bands are round ceilings worked out from the needs
 * of the students waiting, lowest first.
 */
export const PoolFilters = Type.Object({
  regions: Type.Array(Type.Object({ province: Type.String(), cities: Type.Array(Type.String()) })),
  schoolStages: Type.Array(literals(SCHOOL_STAGES)),
  needBands: Type.Array(NeedBand),
});
export type PoolFilters = Static<typeof PoolFilters>;

/**
 * One student by id. A student who is no longer waiting (reserved or sponsored, e.g. from a stale
 * link) answers `taken` with three similar students still waiting instead.
 */
export const PoolStudentResponse = Type.Union([
  Type.Object({ availability: Type.Literal('waiting'), student: PoolStudent, credibility: NgoCredibility, disbursementPolicy: Type.String() }),
  Type.Object({ availability: Type.Literal('taken'), similar: Type.Array(PoolStudent) }),
]);
export type PoolStudentResponse = Static<typeof PoolStudentResponse>;

export const ReserveBody = Type.Object({ studentId: Id, cadence: literals(CADENCES) }, { additionalProperties: false });
export type ReserveBody = Static<typeof ReserveBody>;

export const CommitmentView = Type.Object({
  cadence: literals(CADENCES),
  amountFen: Type.Integer(),
  termYears: Type.Integer(),
  paymentsCount: Type.Integer(),
  totalFen: Type.Integer(),
  startDate: IsoDate,
  endDate: IsoDate,
});
export type CommitmentView = Static<typeof CommitmentView>;

/** The review step: everything the sponsor confirms, point by point, before the pledge is made. */
export const Reservation = Type.Object({
  sponsorshipId: Id,
  student: PoolStudent,
  reservedUntil: IsoDateTime,
  commitment: CommitmentView,
  acknowledgements: Type.Array(literals(PLEDGE_ACKNOWLEDGEMENTS)),
  disbursementPolicy: Type.String(),
  /** Sponsorships the sponsor already holds: the app shows a gentle note when this is above zero. */
  currentSponsorships: Type.Integer(),
});
export type Reservation = Static<typeof Reservation>;

export const ConfirmBody = Type.Object(
  { acknowledgements: Type.Array(literals(PLEDGE_ACKNOWLEDGEMENTS), { minItems: 1, uniqueItems: true }) },
  { additionalProperties: false },
);
export type ConfirmBody = Static<typeof ConfirmBody>;
