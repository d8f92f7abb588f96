import type { Ledger } from '../../../domain/api/sponsorship';
import type { SponsorDataExport } from './api';

const ledger: Ledger = {
  sponsorshipId: 'sp-1',
  schedule: [{ dueOn: '2026-09-01', amountFen: 25000, paid: true }],
  payments: [{ id: 'pay-1', occurredOn: '2026-09-01', amountFen: 350000, description: '收到资助款（银行转账）', category: null, payeeLabel: null, receiptUrl: null, receiptNumber: null }],
  disbursements: [{ id: 'dis-1', occurredOn: '2026-09-10', amountFen: 200000, description: '秋季学费', category: 'tuition', payeeLabel: '学校', receiptUrl: null, receiptNumber: null }],
  totals: { pledgedFen: 900000, paidFen: 350000, disbursedFen: 200000 },
  fundedThrough: '2027-10-31',
  paymentInstructions: '请按机构提供的方式付款。',
  payTo: { ngoName: '凉山助学会', reference: 'BX-0K3F9QZ', bankTransfer: null, instructions: null, contact: null },
};

/** A sponsor's export as the server sends it: one sponsorship, a letter each way, a notice, a grant. */
export function sampleExport(overrides: Partial<SponsorDataExport> = {}): SponsorDataExport {
  return {
    format: 'banxue.sponsor-data.v1',
    exportedAt: '2026-11-29T04:00:00.000Z',
    account: { id: 'acc-sponsor-1', role: 'sponsor', locale: 'zh-CN', createdAt: '2025-08-01T02:00:00.000Z' },
    profile: { displayName: '林晓', createdAt: '2025-08-01T02:00:00.000Z' },
    loginIdentities: [{ platform: 'wechat', subject: 'o-linxiao', createdAt: '2025-08-01T02:00:00.000Z' }],
    sessions: [
      { method: 'wechat', createdAt: '2026-11-28T01:00:00.000Z', expiresAt: '2026-12-28T01:00:00.000Z', revokedAt: null, current: true },
      { method: 'wechat', createdAt: '2026-10-01T01:00:00.000Z', expiresAt: '2026-10-31T01:00:00.000Z', revokedAt: '2026-10-02T01:00:00.000Z', current: false },
    ],
    sponsorships: [
      {
        id: 'sp-1',
        status: 'active',
        amountFen: 25000,
        cadence: 'monthly',
        termYears: 3,
        startDate: '2025-09-01',
        endDate: '2028-08-31',
        confirmedAt: '2025-08-20T02:00:00.000Z',
        endedAt: null,
        student: { id: 'stu-1', displayName: '小雨', age: 15, grade: 9, schoolStage: 'middle', province: '四川', city: '凉山', ngoName: '凉山助学会' },
        lastHeardAt: '2026-11-20T02:00:00.000Z',
        nextExpectedAt: '2026-12-20T02:00:00.000Z',
        letterCount: 1,
        pledges: [{ id: 'pl-1', occurredOn: '2025-08-20', amountFen: 900000, description: '承诺资助3年，每月250元，共9,000元' }],
        ledger,
      },
    ],
    letters: [
      {
        id: 'letter-2',
        sponsorshipId: 'sp-1',
        direction: 'to_sponsor',
        status: 'delivered',
        mine: false,
        counterpartName: '小雨',
        preview: '谢谢您！我的电话是 ■■■',
        photoCount: 0,
        inReplyTo: 'letter-1',
        createdAt: '2026-11-10T02:00:00.000Z',
        statusChangedAt: '2026-11-11T02:00:00.000Z',
        body: '谢谢您！我的电话是 ■■■',
      },
      {
        id: 'letter-1',
        sponsorshipId: 'sp-1',
        direction: 'to_student',
        status: 'replied',
        mine: true,
        counterpartName: '小雨',
        preview: '小雨你好，期末加油！',
        photoCount: 0,
        inReplyTo: null,
        createdAt: '2026-11-01T02:00:00.000Z',
        statusChangedAt: '2026-11-10T02:00:00.000Z',
        body: '小雨你好，期末加油！',
      },
    ],
    notifications: [{ id: 'n-1', kind: 'letter_replied', payload: { letterId: 'letter-2', sponsorshipId: 'sp-1', counterpartName: '小雨' }, createdAt: '2026-11-11T02:00:00.000Z', readAt: null }],
    messageSubscriptions: [{ channel: 'wechat_subscribe', event: 'letter_delivered', remaining: 2, updatedAt: '2026-11-01T02:00:00.000Z' }],
    pledgeAcknowledgements: [{ sponsorshipId: 'sp-1', acknowledgements: ['commitment', 'expectations', 'safeguarding', 'disbursement'], at: '2025-08-20T02:00:00.000Z' }],
    uploads: [
      { id: 'up-1', createdAt: '2026-11-01T02:00:00.000Z', letterId: 'letter-1' },
      { id: 'up-2', createdAt: '2026-11-02T02:00:00.000Z', letterId: null },
    ],
    giftsElsewhere: [],
    truncated: [],
    ...overrides,
  };
}
