import { chooseNeedBands } from './need-bands';

const band = (yuan: number, count: number) => ({ maxYearlyNeedFen: yuan * 100, count });

describe('chooseNeedBands', () => {
  it('offers only ceilings that show someone but not everyone, the lowest for each count', () => {
    const bands = chooseNeedBands(5, [band(1000, 0), band(2000, 0), band(2500, 2), band(3000, 2), band(4000, 3), band(5000, 5), band(8000, 5)]);
    expect(bands).toEqual([band(2500, 2), band(4000, 3)]);
  });

  it('offers nothing when every student needs the same (any ceiling shows all or none)', () => {
    expect(chooseNeedBands(3, [band(2000, 0), band(3000, 3), band(4000, 3)])).toEqual([]);
    expect(chooseNeedBands(0, [band(2000, 0)])).toEqual([]);
  });

  it('keeps the ceilings that split the students most evenly when more would qualify', () => {
    const shown = [band(500, 5), band(1000, 18), band(1500, 30), band(2000, 41), band(2500, 55), band(3000, 62), band(4000, 80), band(5000, 95)];
    // Targets at a fifth of 100 each: 20, 40, 60, 80.
    expect(chooseNeedBands(100, shown)).toEqual([band(1000, 18), band(2000, 41), band(3000, 62), band(4000, 80)]);
  });
});
