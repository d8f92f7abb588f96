import { credibilityFixture } from '@/features/credibility/test-data';
import type { SponsorshipDetail, TimelineItem } from './api';

export function detailFixture(overrides: Partial<SponsorshipDetail> = {}): SponsorshipDetail {
  return {
    id: 'sp-1',
    status: 'active',
    amountFen: 30000,
    cadence: 'monthly',
    termYears: 3,
    startDate: '2024-09-01',
    endDate: '2027-08-31',
    student: { id: 'stu-1', displayName: '小雨', age: 16, grade: 11, schoolStage: 'high', province: '四川', city: '凉山', ngoName: '凉山助学会' },
    lastHeardAt: new Date(Date.now() - 3 * 24 * 60 * 60 * 1000).toISOString(),
    nextExpectedAt: '2026-12-01T18:30:00Z',
    letterCount: 4,
    credibility: credibilityFixture(),
    renewal: null,
    studentLeft: null,
    care: { state: 'in_touch', since: null, change: null },
    lettersDelayed: 0,
    ...overrides,
  };
}

/** One item of every kind, newest first. */
export const everyKind: TimelineItem[] = [
  { id: 'l1', at: '2026-11-20T02:00:00Z', kind: 'letter', letterId: 'letter-9', direction: 'to_sponsor', preview: '林阿姨好！期中考试结束了', photoCount: 2 },
  { id: 'c1', at: '2026-11-10T02:00:00Z', kind: 'checkin', mood: 'doing_well' },
  { id: 'c2', at: '2026-11-01T02:00:00Z', kind: 'checkin', mood: 'busy_exams' },
  { id: 't1', at: '2026-07-15T02:00:00Z', kind: 'term_report', term: '2025-2026-2', grade: 11, overallResult: '良好，数学进步明显', authoredBy: 'caseworker' },
  { id: 't0', at: '2026-01-20T02:00:00Z', kind: 'term_report', term: '2025-2026-1', grade: 11, overallResult: '中等', authoredBy: 'student' },
  { id: 'd1', at: '2026-09-02T02:00:00Z', kind: 'disbursement', paidOn: '2026-08-28', category: 'tuition', payeeLabel: '学校', amountFen: 150000 },
  { id: 'n1', at: '2026-06-01T02:00:00Z', kind: 'ngo_notice', text: '暑假期间书信送达会慢一些。' },
  { id: 'l2', at: '2026-05-01T02:00:00Z', kind: 'letter', letterId: 'letter-3', direction: 'to_student', preview: '小雨你好', photoCount: 0 },
];
