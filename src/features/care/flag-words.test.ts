import { translate, type MessageKey } from '@/lib/i18n';
import { categoryWords, describeFlagDue, flagDue } from './flag-words';

const now = new Date('2026-12-03T02:00:00Z');
const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000).toISOString();
const zh = (key: MessageKey, params?: Record<string, string | number>) => translate('zh-CN', key, params);
const en = (key: MessageKey, params?: Record<string, string | number>) => translate('en-US', key, params);
const urgent = { level: 'urgent' as const, status: 'open' as const, dueAt: at(9), escalatedAt: null };

describe('flagDue', () => {
  it('counts down to acknowledging an urgent flag, and says when the admin has been told', () => {
    expect(describeFlagDue(zh, flagDue(urgent, now)!)).toBe('确认期限还剩 9 分钟');
    expect(describeFlagDue(en, flagDue(urgent, now)!)).toBe('9 minutes left to acknowledge');
    expect(describeFlagDue(zh, flagDue({ ...urgent, dueAt: at(-3) }, now)!)).toBe('确认已超时 3 分钟');
    expect(describeFlagDue(zh, flagDue({ ...urgent, dueAt: at(-3), escalatedAt: at(-2) }, now)!)).toBe('确认已超时 3 分钟，已通知管理员');
    expect(describeFlagDue(en, flagDue({ ...urgent, dueAt: at(-1), escalatedAt: at(0) }, now)!)).toBe('Acknowledgement overdue by 1 minute; the NGO admin has been told');
  });

  it('stops once an urgent flag is taken on, but a concern runs until it is followed up', () => {
    expect(flagDue({ ...urgent, status: 'acknowledged' }, now)).toBeNull();
    const concern = { level: 'concern' as const, status: 'acknowledged' as const, dueAt: at(20 * 60 + 30), escalatedAt: null };
    expect(flagDue(concern, now)).toMatchObject({ kind: 'follow_up', urgency: 'calm' });
    expect(describeFlagDue(zh, flagDue(concern, now)!)).toBe('跟进期限还剩 20 小时');
    expect(describeFlagDue(zh, flagDue({ ...concern, dueAt: at(-120), escalatedAt: at(-60) }, now)!)).toBe('跟进已超时 2 小时，已通知管理员');
    expect(flagDue({ ...concern, status: 'resolved' }, now)).toBeNull();
  });
});

describe('categoryWords', () => {
  it('names every category in both languages', () => {
    expect(categoryWords(zh, ['suicidal', 'self_harm', 'forced_marriage'])).toBe('自杀念头、自伤、被迫早婚');
    expect(categoryWords(en, ['neglect', 'forced_dropout'])).toBe('Neglect, Forced to drop out');
  });
});
