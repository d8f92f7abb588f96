import type { HeldLetter, LetterDetail, LetterSummary } from './api';

/** Letters for the tests of this feature. */
export function summary(id: string, overrides: Partial<LetterSummary> = {}): LetterSummary {
  return {
    id,
    sponsorshipId: 'sp-1',
    direction: 'to_student',
    status: 'delivered',
    mine: true,
    counterpartName: '小雨',
    preview: `预览 ${id}`,
    photoCount: 0,
    inReplyTo: null,
    createdAt: new Date(Date.now() - 2 * 60 * 60 * 1000).toISOString(),
    statusChangedAt: new Date(Date.now() - 60 * 60 * 1000).toISOString(),
    ...overrides,
  };
}

export function detail(id: string, overrides: Partial<LetterDetail> = {}): LetterDetail {
  return {
    ...summary(id),
    body: '你好，最近怎么样？',
    photos: [],
    events: [],
    findings: [],
    returnReason: null,
    redactions: [],
    canReply: false,
    canEdit: false,
    canWithdraw: false,
    careHold: false,
    ...overrides,
  };
}

export const PHONE_BODY = '你好！我的电话是 138 0013 8000，有空打给我。';
export const PHONE_START = PHONE_BODY.indexOf('138');
export const PHONE_END = PHONE_START + '138 0013 8000'.length;

export function held(id: string, overrides: Partial<HeldLetter> = {}): HeldLetter {
  return {
    id,
    direction: 'to_student',
    studentId: 'stu-1',
    studentName: '王小雨',
    writerName: '林晓',
    body: PHONE_BODY,
    findings: [
      { category: 'phone', start: PHONE_START, end: PHONE_END, excerpt: '138 0013 8000', message: '信里不能写电话号码。' },
    ],
    photos: [],
    submittedAt: '2026-11-27T02:00:00Z',
    heldAt: '2026-11-27T02:00:01Z',
    waitingHours: 26,
    ...overrides,
  };
}
