import type { NotificationItem } from '../../../domain/api/letters';
import { CARE_NOTICE_KINDS } from '../../../domain/care/notices';
import { translate } from '@/lib/i18n';
import { describeNotification, notificationTarget } from './describe';

const zh = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('zh-CN', key, params);
const en = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('en-US', key, params);
const about = { sponsorshipId: 'sp-1', studentId: 'stu-1', studentDisplayName: '小雨', ngoName: '凉山助学会' };
const notice = (kind: string, payload: Record<string, unknown> = about): NotificationItem => ({ id: 'n1', kind, payload, createdAt: '2026-12-03T02:00:00Z', readAt: null });

describe('term reports in the inbox', () => {
  it('names the term in words, whichever form the notice was stored with', () => {
    for (const term of ['2025-2026-2', '2026-spring']) {
      expect(describeNotification(zh, 'zh-CN', notice('term_report_posted', { ...about, term }))).toBe('小雨的2025–2026 学年第二学期成绩报告已发布');
      expect(describeNotification(en, 'en-US', notice('term_report_posted', { ...about, term }))).toBe("小雨's term report for Spring term 2026 (2025–2026, term 2) is posted");
    }
  });
});

describe('care notices in the inbox', () => {
  it('writes every care notice kind in words of its own, never the generic line', () => {
    const generic = zh('inbox.kind.generic');
    for (const kind of Object.keys(CARE_NOTICE_KINDS)) {
      expect(describeNotification(zh, 'zh-CN', notice(kind, { ...about, count: 3, decision: 'accepted', resumeOn: '2027-03-01' }))).not.toBe(generic);
    }
  });

  it('says what changed when the student is back in touch, and only kinds it knows', () => {
    expect(describeNotification(zh, 'zh-CN', notice('student_reached', { ...about, change: 'vocational_track' }))).toBe('凉山助学会联系上了小雨：现在在职业学校就读');
    expect(describeNotification(en, 'en-US', notice('student_reached', { ...about, change: 'new_school' }))).toBe('凉山助学会 has reached 小雨: now at a new school');
    expect(describeNotification(zh, 'zh-CN', notice('student_reached', { ...about, change: 'expelled' }))).toBe('凉山助学会已经联系上小雨');
  });

  it('offers the exam encouragement and opens the compose screen with the suggestion', () => {
    expect(describeNotification(zh, 'zh-CN', notice('exam_encouragement'))).toContain('不管成绩如何，支持都在');
    expect(notificationTarget(notice('exam_encouragement'))).toBe(
      `/packages/sponsor/pages/compose/index?sponsorshipId=sp-1&name=${encodeURIComponent('小雨')}&suggest=exam_encouragement`,
    );
    expect(notificationTarget(notice('student_checking_in'))).toBe('/packages/sponsor/pages/sponsorship/index?id=sp-1');
  });

  it('tells of a pause with its date and a handover as continuing support', () => {
    expect(describeNotification(zh, 'zh-CN', notice('student_paused', { ...about, resumeOn: '2027-03-01' }))).toBe('小雨暂时休息，预计 2027年3月1日 回来；资助只是暂停，并没有结束。');
    expect(describeNotification(en, 'en-US', notice('student_handed_over', { ...about, ngoName: '成都青苗' }))).toBe('成都青苗 now accompanies 小雨; your sponsorship continues.');
  });
});

describe('a sponsorship the NGO closed after the student left', () => {
  it('thanks the sponsor, says the money stays accounted for, gives no reason, and opens the sponsorship', () => {
    const closed = notice('sponsorship_closed', { sponsorshipId: 'sp-1' });
    expect(describeNotification(zh, 'zh-CN', closed)).toContain('谢谢你一路的陪伴');
    expect(describeNotification(en, 'en-US', closed)).toContain('every payment stays in the ledger');
    expect(notificationTarget(closed)).toBe('/packages/sponsor/pages/sponsorship/index?id=sp-1');
  });
});

describe('payment notices in the inbox', () => {
  const due = { ...about, dueOn: '2026-12-01', amountFen: 25000 };

  it('tells when the next period falls due and for how much, and opens the ledger', () => {
    expect(describeNotification(zh, 'zh-CN', notice('payment_due', due))).toBe('小雨的下一期资助 ¥250 将于 2026年12月1日 到期');
    expect(describeNotification(en, 'en-US', notice('payment_due', due))).toBe('The next period for 小雨, ¥250, is due on Dec 1, 2026');
    expect(notificationTarget(notice('payment_due', due))).toBe('/packages/sponsor/pages/ledger/index?id=sp-1');
  });

  it('says a payment arrived and a refund was made, each opening the ledger', () => {
    const paid = notice('payment_confirmed', { ...about, orderId: 'o-1', amountFen: 75000, periods: 3 });
    const refunded = notice('payment_refunded', { ...about, orderId: 'o-1', refundId: 'r-1', amountFen: 25000 });
    expect(describeNotification(zh, 'zh-CN', paid)).toBe('你为小雨支付的 ¥750 已到账，谢谢你');
    expect(describeNotification(en, 'en-US', refunded)).toBe('The partner refunded ¥250 of your payment for 小雨');
    expect([paid, refunded].map(notificationTarget)).toEqual(['/packages/sponsor/pages/ledger/index?id=sp-1', '/packages/sponsor/pages/ledger/index?id=sp-1']);
  });
});
