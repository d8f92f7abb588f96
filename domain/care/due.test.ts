import fc from 'fast-check';
import { nextDueAfter, pushPastQuietPeriods, shanghaiDate, startOfShanghaiDate } from './due';
import type { QuietPeriod } from './policy';

const DAY = 86_400_000;
const d = (iso: string) => new Date(iso);
const push = (iso: string, periods: QuietPeriod[]) => pushPastQuietPeriods(d(iso), periods).toISOString();
const exams: QuietPeriod = { name: '期末考试周', from: '2027-01-12', to: '2027-01-18' };

describe('Shanghai dates', () => {
  it('changes date at midnight in Shanghai, 16:00 UTC the day before', () => {
    expect(shanghaiDate(d('2026-12-31T15:59:59.999Z'))).toBe('2026-12-31');
    expect(shanghaiDate(d('2026-12-31T16:00:00.000Z'))).toBe('2027-01-01');
    expect(startOfShanghaiDate('2027-01-01').toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(startOfShanghaiDate('2028-02-29').toISOString()).toBe('2028-02-28T16:00:00.000Z');
  });
});

describe('pushPastQuietPeriods', () => {
  it('leaves a due time outside every period where it is', () => {
    expect(push('2027-01-10T04:00:00.000Z', [exams])).toBe('2027-01-10T04:00:00.000Z');
    expect(push('2027-01-10T04:00:00.000Z', [])).toBe('2027-01-10T04:00:00.000Z');
  });

  it('moves a due time inside a period to the same time of day on the first day after it', () => {
    expect(push('2027-01-14T04:00:00.000Z', [exams])).toBe('2027-01-19T04:00:00.000Z');
  });

  it('counts the boundary days in Shanghai: both the first and the last day are quiet', () => {
    // 2027-01-12 00:00 in Shanghai is 2027-01-11T16:00Z.
    expect(push('2027-01-11T15:59:59.999Z', [exams])).toBe('2027-01-11T15:59:59.999Z');
    expect(push('2027-01-11T16:00:00.000Z', [exams])).toBe('2027-01-18T16:00:00.000Z');
    // The last day ends at 2027-01-18T16:00Z.
    expect(push('2027-01-18T15:59:59.999Z', [exams])).toBe('2027-01-19T15:59:59.999Z');
    expect(push('2027-01-18T16:00:00.000Z', [exams])).toBe('2027-01-18T16:00:00.000Z');
  });

  it('passes back-to-back and overlapping periods in one move, whatever their order', () => {
    const festival: QuietPeriod = { name: '春节', from: '2027-01-19', to: '2027-02-10' };
    expect(push('2027-01-14T04:00:00.000Z', [festival, exams])).toBe('2027-02-11T04:00:00.000Z');
    const overlapping: QuietPeriod[] = [
      { name: 'B', from: '2027-03-05', to: '2027-03-15' },
      { name: 'A', from: '2027-03-01', to: '2027-03-10' },
      { name: 'C', from: '2027-03-16', to: '2027-03-16' },
    ];
    expect(push('2027-03-02T04:00:00.000Z', overlapping)).toBe('2027-03-17T04:00:00.000Z');
    expect(push('2027-03-12T04:00:00.000Z', overlapping)).toBe('2027-03-17T04:00:00.000Z');
  });

  it('crosses month ends, the year end, a leap day, and a Spring Festival spanning January and February', () => {
    expect(push('2027-04-29T04:00:00.000Z', [{ name: '劳动节', from: '2027-04-29', to: '2027-05-03' }])).toBe('2027-05-04T04:00:00.000Z');
    expect(push('2026-12-31T04:00:00.000Z', [{ name: '元旦', from: '2026-12-30', to: '2027-01-03' }])).toBe('2027-01-04T04:00:00.000Z');
    expect(push('2028-02-28T04:00:00.000Z', [{ name: '补课', from: '2028-02-27', to: '2028-02-29' }])).toBe('2028-03-01T04:00:00.000Z');
    // 春节 2028 is 26 January: a week before to two weeks after.
    expect(push('2028-01-25T12:00:00.000Z', [{ name: '春节', from: '2028-01-19', to: '2028-02-10' }])).toBe('2028-02-11T12:00:00.000Z');
  });

  const ymd = fc.integer({ min: 0, max: 400 }).map((n) => new Date(Date.UTC(2027, 0, 1) + n * DAY).toISOString().slice(0, 10));
  const period = fc.tuple(ymd, fc.integer({ min: 0, max: 30 })).map(([from, len]) => ({
    name: 'q',
    from,
    to: new Date(Date.parse(`${from}T00:00:00Z`) + len * DAY).toISOString().slice(0, 10),
  }));
  const instant = fc.integer({ min: Date.UTC(2026, 11, 1), max: Date.UTC(2028, 2, 1) }).map((ms) => new Date(ms));

  it('always lands on the first quiet-free day at the same time of day, never earlier (property)', () => {
    fc.assert(
      fc.property(instant, fc.array(period, { maxLength: 8 }), (due, periods) => {
        const result = pushPastQuietPeriods(due, periods);
        const quiet = (at: Date) => periods.some((q) => q.from <= shanghaiDate(at) && shanghaiDate(at) <= q.to);
        const days = (result.getTime() - due.getTime()) / DAY;
        expect(Number.isInteger(days) && days >= 0).toBe(true);
        expect(quiet(result)).toBe(false);
        for (let k = 0; k < days; k++) expect(quiet(new Date(due.getTime() + k * DAY))).toBe(true);
        expect(pushPastQuietPeriods(result, periods)).toEqual(result);
      }),
      { numRuns: 300 },
    );
  });
});

describe('nextDueAfter', () => {
  it('is last heard plus the cadence, pushed past quiet periods', () => {
    expect(nextDueAfter(d('2026-12-01T12:00:00.000Z'), { checkinCadenceDays: 30, quietPeriods: [] }).toISOString()).toBe('2026-12-31T12:00:00.000Z');
    // 30 days on is 20:00 on 31 December in Shanghai, inside the New Year holiday.
    const holiday = [{ name: '元旦', from: '2026-12-30', to: '2027-01-03' }];
    expect(nextDueAfter(d('2026-12-01T12:00:00.000Z'), { checkinCadenceDays: 30, quietPeriods: holiday }).toISOString()).toBe('2027-01-04T12:00:00.000Z');
    expect(nextDueAfter(d('2026-12-01T12:00:00.000Z'), { checkinCadenceDays: 14, quietPeriods: holiday }).toISOString()).toBe('2026-12-15T12:00:00.000Z');
  });
});
