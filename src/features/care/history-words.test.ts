import { translate } from '@/lib/i18n';
import '@/lib/i18n/staff/register';
import type { MessageKey } from '@/lib/i18n';
import { caseEventDetail, recentSummary } from './history-words';

const zh = (key: MessageKey, params?: Record<string, string | number>) => translate('zh-CN', key, params);
const en = (key: MessageKey, params?: Record<string, string | number>) => translate('en-US', key, params);
const at = '2026-11-29T04:00:00.000Z';

describe('case history words', () => {
  it('turns an attempt and an outcome code into words, and keeps what a person wrote', () => {
    expect(caseEventDetail({ at, kind: 'attempt', actorName: null, detail: 'school:reached' }, zh)).toBe('通过学校 · 联系上了');
    expect(caseEventDetail({ at, kind: 'resolved', actorName: null, detail: 'situation_changed' }, zh)).toBe('情况有变化');
    expect(caseEventDetail({ at, kind: 'handover_rejected', actorName: null, detail: '我们这里名额满了' }, zh)).toBe('我们这里名额满了');
    expect(caseEventDetail({ at, kind: 'acknowledged', actorName: null, detail: null }, zh)).toBeNull();
  });

  it('says what each recent activity was in the reader language', () => {
    expect(recentSummary({ kind: 'checkin', at, summary: 'doing_well' }, zh)).toBe('我很好');
    expect(recentSummary({ kind: 'letter', at, summary: 'to_sponsor' }, zh)).toBe('学生写给资助人');
    expect(recentSummary({ kind: 'contact', at, summary: 'home_visit' }, en)).not.toMatch(/home_visit/);
    expect(recentSummary({ kind: 'letter', at, summary: 'to_student' }, en)).toBe('From the sponsor');
  });
});
