import type { NeedBand } from '../../../domain/api/pool';

/** Round yearly-need ceilings (yuan) a band may end at; needs above the last are only under "any". */
export const NEED_CEILINGS_YUAN = [500, 1000, 1500, 2000, 2500, 3000, 4000, 5000, 6000, 8000, 10000, 12000, 15000, 20000, 30000, 50000] as const;

/** Bands offered at most: enough to choose by, few enough to read at a glance. */
export const MAX_NEED_BANDS = 4;

/**
 * The ceilings worth offering, from how many waiting students each round ceiling shows: only those
 * showing someone but not everyone (that is "any"), one per distinct count (the lowest ceiling), and
 * when more remain than fit, the ones that split the waiting students most evenly.
 */
export function chooseNeedBands(total: number, shownByCeiling: readonly NeedBand[], maxBands = MAX_NEED_BANDS): NeedBand[] {
  const useful: NeedBand[] = [];
  for (const band of [...shownByCeiling].sort((a, b) => a.maxYearlyNeedFen - b.maxYearlyNeedFen)) {
    if (band.count < 1 || band.count >= total) continue;
    if (useful.length > 0 && useful[useful.length - 1].count === band.count) continue;
    useful.push(band);
  }
  if (useful.length <= maxBands) return useful;
  const chosen = new Set<NeedBand>();
  for (let k = 1; k <= maxBands; k += 1) {
    const target = (total * k) / (maxBands + 1);
    const nearest = useful
      .filter((band) => !chosen.has(band))
      .reduce((best, band) => (Math.abs(band.count - target) < Math.abs(best.count - target) ? band : best));
    chosen.add(nearest);
  }
  return useful.filter((band) => chosen.has(band));
}
