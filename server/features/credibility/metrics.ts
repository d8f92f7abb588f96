import type { CredibilityMetric } from '../../../domain/api/credibility';

/** Below this many records a metric says "not enough data yet" (value null) instead of a number. */
export const MINIMUM_SAMPLE = 5;

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/** The median of the values, rounded to a tenth; null below the minimum sample. */
export function medianMetric(values: readonly number[]): CredibilityMetric {
  const mid = median(values);
  return { value: values.length < MINIMUM_SAMPLE || mid === null ? null : round(mid, 1), sample: values.length };
}

/** The share (0–1, three decimals) of the cases that count; null below the minimum sample. */
export function shareMetric(hits: number, sample: number): CredibilityMetric {
  return { value: sample < MINIMUM_SAMPLE || sample === 0 ? null : round(hits / sample, 3), sample };
}
