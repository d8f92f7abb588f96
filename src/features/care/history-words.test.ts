import { translate } from '@/lib/i18n';
import '@/lib/i18n/staff/register';
import type { MessageKey } from '@/lib/i18n';
import { CASE_EVENT_KINDS } from '../../../domain/api/care';
import type { CaseView } from './api';
import { caseEventDetail, recentSummary } from './history-words';

type CaseEvent = CaseView['history'][number];

const zh = (key: MessageKey, params?: Record<string, string | number>) => translate('zh-CN', key, params);
const en = (key: MessageKey, params?: Record<string, string | number>) => translate('en-US', key, params);
const at = '2026-11-29T04:00:00.000Z';

describe('case history words', () => {
  const event = (kind: CaseEvent['kind'], params: CaseEvent['params'] = {}, actorName: string | null = null): CaseEvent => ({ at, kind, actorName, params });
  const both = (e: CaseEvent) => [caseEventDetail(e, zh, 'zh-CN'), caseEventDetail(e, en, 'en-US')];

  it('puts an attempt and each outcome in the reader language', () => {
    expect(both(event('attempt', { method: 'school', result: 'reached' }))).toEqual(['通过学校 · 联系上了', 'Through school · Reached']);
    expect(both(event('attempt', { method: 'call', result: 'no_answer' }))).toEqual(['电话 · 没人接', 'Call · No answer']);
    expect(both(event('resolved', { outcome: 'situation_changed', change: 'vocational_track' }))).toEqual(['情况有变化 · 读职业学校', expect.stringMatching(/^Situation changed · \w/)]);
    expect(both(event('resolved', { outcome: 'paused', resumeOn: '2027-03-01' }))).toEqual(['暂停 · 2027年3月1日恢复', 'Paused · resumes on Mar 1, 2027']);
  });

  it('says the caseworker reached the student, and how when it is known: never that the student checked in', () => {
    expect(both(event('resolved', { outcome: 'reached' }, '张社工'))).toEqual(['社工联系上了学生', 'The caseworker reached the student']);
    expect(both(event('resolved', { outcome: 'reached', method: 'home_visit' }))).toEqual(['社工联系上了学生 · 家访', 'The caseworker reached the student · Home visit']);
    expect(translate('zh-CN', 'care.event.student_checked_in')).toBe('学生报了平安');
    expect(translate('en-US', 'care.event.student_wrote')).toBe('The student wrote a letter');
  });

  it('names who and which NGO, and keeps what a person wrote as written', () => {
    expect(both(event('reassigned', { staffName: '刘社工', note: '张社工休假' }))).toEqual(['交给刘社工 · 张社工休假', 'to 刘社工 · 张社工休假']);
    expect(both(event('handover_rejected', { ngoName: '成都青苗', note: '我们这里名额满了' }))).toEqual(['转给成都青苗 · 我们这里名额满了', 'to 成都青苗 · 我们这里名额满了']);
    expect(both(event('student_checked_in', { checkin: 'talk_to_caseworker' }))).toEqual(['想和社工聊聊', "I'd like to talk to my caseworker"]);
    expect(both(event('acknowledged'))).toEqual([null, null]);
  });

  it('has words for every event code in both languages', () => {
    for (const kind of CASE_EVENT_KINDS) {
      const key = `care.event.${kind}` as MessageKey;
      expect([kind, translate('zh-CN', key)]).not.toEqual([kind, key]);
      expect([kind, translate('en-US', key)]).not.toEqual([kind, key]);
      expect(translate('en-US', key)).not.toBe(translate('zh-CN', key));
    }
  });

  it('says what each recent activity was in the reader language', () => {
    expect(recentSummary({ kind: 'checkin', at, summary: 'doing_well' }, zh)).toBe('我很好');
    expect(recentSummary({ kind: 'letter', at, summary: 'to_sponsor' }, zh)).toBe('学生写给资助人');
    expect(recentSummary({ kind: 'contact', at, summary: 'home_visit' }, en)).not.toMatch(/home_visit/);
    expect(recentSummary({ kind: 'letter', at, summary: 'to_student' }, en)).toBe('From the sponsor');
  });
});
