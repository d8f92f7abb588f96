import { Type, type Static } from '@sinclair/typebox';
import { Id, IsoDate } from './common';

/** A metric computed from the NGO's own records; `value` is null below the minimum sample ("not enough data yet"). */
export const CredibilityMetric = Type.Object({
  value: Type.Union([Type.Number(), Type.Null()]),
  sample: Type.Integer(),
});
export type CredibilityMetric = Static<typeof CredibilityMetric>;

export const NgoCredibility = Type.Object({
  ngo: Type.Object({ id: Id, name: Type.String() }),
  period: Type.Object({ from: IsoDate, to: IsoDate }),
  minimumSample: Type.Integer(),
  /** Median hours from a lost-contact alert opening to its acknowledgement. */
  alertAckMedianHours: CredibilityMetric,
  /** Share (0–1) of resolved alerts resolved within their SLA. */
  alertsResolvedWithinSla: CredibilityMetric,
  /** Median days from a letter's submission to its delivery. */
  letterDeliveryMedianDays: CredibilityMetric,
  /** Share (0–1) of payments followed by a disbursement report within 30 days. */
  disbursementsReportedOnTime: CredibilityMetric,
});
export type NgoCredibility = Static<typeof NgoCredibility>;
