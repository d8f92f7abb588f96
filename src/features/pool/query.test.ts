import { hasFilters, poolQuery } from './query';

describe('poolQuery', () => {
  it('sends only what is set', () => {
    expect(poolQuery({}, { limit: 10 })).toEqual({ limit: 10 });
    expect(poolQuery({ province: '四川', city: '凉山', schoolStage: 'high', maxYearlyNeedFen: 300000 }, { limit: 10, cursor: 'c2' })).toEqual({
      limit: 10,
      cursor: 'c2',
      province: '四川',
      city: '凉山',
      schoolStage: 'high',
      maxYearlyNeedFen: 300000,
    });
  });

  it('sends a city only with its province, and no zero ceiling', () => {
    expect(poolQuery({ city: '凉山', maxYearlyNeedFen: 0 }, { limit: 5 })).toEqual({ limit: 5 });
  });

  it('knows when any filter is on', () => {
    expect(hasFilters({})).toBe(false);
    expect(hasFilters({ schoolStage: 'primary' })).toBe(true);
  });
});
