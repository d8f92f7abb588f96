import type { PoolQuery } from '../../../domain/api/pool';
import type { SchoolStage } from '../../../domain/student';

/** What the filter bar holds; empty means "any". */
export interface PoolFilterValues {
  province?: string;
  city?: string;
  schoolStage?: SchoolStage;
  /** Yearly need ceiling in fen. */
  maxYearlyNeedFen?: number;
}

/** Yearly need ceilings the filter bar offers, in yuan (any, or at most this much). */
export const NEED_CEILINGS_YUAN: readonly number[] = [2000, 3000, 5000, 8000];

export const NO_FILTERS: PoolFilterValues = {};

/** The GET /api/pool query for these filters: only what is set, a city only with its province. */
export function poolQuery(filters: PoolFilterValues, page: { limit: number; cursor?: string }): PoolQuery {
  const query: PoolQuery = { limit: page.limit };
  if (page.cursor) query.cursor = page.cursor;
  if (filters.province) {
    query.province = filters.province;
    if (filters.city) query.city = filters.city;
  }
  if (filters.schoolStage) query.schoolStage = filters.schoolStage;
  if (filters.maxYearlyNeedFen !== undefined && filters.maxYearlyNeedFen > 0) query.maxYearlyNeedFen = filters.maxYearlyNeedFen;
  return query;
}

export function hasFilters(filters: PoolFilterValues): boolean {
  return Boolean(filters.province || filters.schoolStage || filters.maxYearlyNeedFen);
}
