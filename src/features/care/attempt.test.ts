import { checkAttemptForm, chinaTimeToIso, EMPTY_ATTEMPT_FORM } from './attempt';

const openedAt = '2026-12-01T00:00:00Z';
const now = new Date('2026-12-03T02:00:00Z');

describe('attempt form', () => {
  it('reads China time as an instant and refuses times that do not exist', () => {
    expect(chinaTimeToIso('2026-12-03 09:30')).toBe('2026-12-03T01:30:00.000Z');
    expect(chinaTimeToIso('2026/12/3 7:05')).toBe('2026-12-02T23:05:00.000Z');
    expect(chinaTimeToIso('2026-02-30 10:00')).toBeNull();
    expect(chinaTimeToIso('2026-12-03 24:10')).toBeNull();
    expect(chinaTimeToIso('yesterday')).toBeNull();
  });

  it('needs a method and a result, and sends only what was given', () => {
    expect(checkAttemptForm(EMPTY_ATTEMPT_FORM, openedAt, now)).toEqual({ errors: { method: 'care.error.choose', result: 'care.error.choose' } });
    expect(checkAttemptForm({ method: 'call', result: 'no_answer', note: '  ', when: '' }, openedAt, now)).toEqual({ body: { method: 'call', result: 'no_answer' } });
    expect(checkAttemptForm({ method: 'school', result: 'reached', note: ' 班主任转告 ', when: '2026-12-02 16:00' }, openedAt, now)).toEqual({
      body: { method: 'school', result: 'reached', note: '班主任转告', attemptedAt: '2026-12-02T08:00:00.000Z' },
    });
  });

  it('refuses a time in the future or before the alert opened', () => {
    const form = { method: 'call' as const, result: 'reached' as const, note: '' };
    expect(checkAttemptForm({ ...form, when: '2026-12-03 10:01' }, openedAt, now)).toEqual({ errors: { when: 'care.error.timeFuture' } });
    expect(checkAttemptForm({ ...form, when: '2026-12-01 07:59' }, openedAt, now)).toEqual({ errors: { when: 'care.error.timeBeforeAlert' } });
    expect(checkAttemptForm({ ...form, when: '12/02 4pm' }, openedAt, now)).toEqual({ errors: { when: 'care.error.time' } });
  });
});
