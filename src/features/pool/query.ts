import type { PoolFiltersQuery, PoolQuery } from '../../../domain/api/pool';
import type { SchoolStage } from '../../../domain/student';

/** What the filter bar holds; empty means "any". */
export interface PoolFilterValues {
  province?: string;
  city?: string;
  schoolStage?: SchoolStage;
  /** Yearly need ceiling in fen. */
  maxYearlyNeedFen?: number;
}

export const NO_FILTERS: PoolFilterValues = {};

/** The filters as a query (GET /api/pool, /api/pool/filters): only what is set, a city only with its province. */
export function filtersQuery(filters: PoolFilterValues): PoolFiltersQuery {
  const query: PoolFiltersQuery = {};
  if (filters.province) {
    query.province = filters.province;
    if (filters.city) query.city = filters.city;
  }
  if (filters.schoolStage) query.schoolStage = filters.schoolStage;
  if (filters.maxYearlyNeedFen !== undefined && filters.maxYearlyNeedFen > 0) query.maxYearlyNeedFen = filters.maxYearlyNeedFen;
  return query;
}

/** The GET /api/pool query: one page of the filtered list. */
export function poolQuery(filters: PoolFilterValues, page: { limit: number; cursor?: string }): PoolQuery {
  return { limit: page.limit, ...(page.cursor ? { cursor: page.cursor } : {}), ...filtersQuery(filters) };
}

export function hasFilters(filters: PoolFilterValues): boolean {
  return Boolean(filters.province || filters.schoolStage || filters.maxYearlyNeedFen);
}
