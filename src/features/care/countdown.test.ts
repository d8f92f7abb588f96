import { translate } from '@/lib/i18n';
import { describeCountdown, slaCountdown } from './countdown';

const now = new Date('2026-12-03T02:00:00Z');
const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000).toISOString();
const zh = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('zh-CN', key, params);
const en = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('en-US', key, params);

describe('slaCountdown', () => {
  it('counts whole hours left, never rounding up', () => {
    expect(slaCountdown({ kind: 'ack', at: at(5 * 60 + 59) }, now)).toEqual({ kind: 'ack', overdue: false, amount: 5, unit: 'hours', urgency: 'soon' });
  });

  it('is calm from six hours left, and counts in days from 48 hours', () => {
    expect(slaCountdown({ kind: 'ack', at: at(6 * 60) }, now).urgency).toBe('calm');
    expect(slaCountdown({ kind: 'first_contact', at: at(47 * 60) }, now)).toMatchObject({ amount: 47, unit: 'hours' });
    expect(slaCountdown({ kind: 'first_contact', at: at(48 * 60) }, now)).toMatchObject({ amount: 2, unit: 'days' });
  });

  it('counts minutes under an hour and says at least one', () => {
    expect(slaCountdown({ kind: 'ack', at: at(42) }, now)).toMatchObject({ amount: 42, unit: 'minutes', urgency: 'soon' });
    expect(slaCountdown({ kind: 'ack', at: new Date(now.getTime() + 10_000).toISOString() }, now)).toMatchObject({ amount: 1, unit: 'minutes' });
  });

  it('is overdue at the deadline itself and after it', () => {
    expect(slaCountdown({ kind: 'ack', at: at(0) }, now)).toMatchObject({ overdue: true, urgency: 'overdue' });
    expect(slaCountdown({ kind: 'first_contact', at: at(-3 * 60 - 20) }, now)).toMatchObject({ overdue: true, amount: 3, unit: 'hours', urgency: 'overdue' });
  });
});

describe('describeCountdown', () => {
  it('says how long is left or how late it is, in both languages', () => {
    expect(describeCountdown(zh, slaCountdown({ kind: 'ack', at: at(5 * 60 + 10) }, now))).toBe('确认期限还剩 5 小时');
    expect(describeCountdown(zh, slaCountdown({ kind: 'first_contact', at: at(-3 * 60) }, now))).toBe('首次联系已逾期 3 小时');
    expect(describeCountdown(en, slaCountdown({ kind: 'ack', at: at(-60) }, now))).toBe('Acknowledgement overdue by 1 hour');
    expect(describeCountdown(en, slaCountdown({ kind: 'first_contact', at: at(3 * 24 * 60) }, now))).toBe('3 days left for first contact');
  });
});
