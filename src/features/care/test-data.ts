import type { AlertRow, CaseView, FlagCaseView, FlagRow, QueueCounts, QueuePage, TaskRow } from './api';

/** The tests' "now": 2026-12-03 10:00 in China. */
export const NOW = new Date('2026-12-03T02:00:00Z');
const hoursFromNow = (hours: number) => new Date(NOW.getTime() + hours * 3_600_000).toISOString();
const minutesFromNow = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000).toISOString();

const student = (id: string, displayName: string, legalName: string) => ({ id, displayName, legalName, grade: 12, schoolStage: 'high' as const, city: '西昌', lastHeardAt: '2026-10-01T02:00:00Z' });

export function alertRow(id: string, overrides: Partial<AlertRow> = {}): AlertRow {
  return {
    kind: 'alert',
    id,
    student: student(`stu-${id}`, '小雨', '王小雨'),
    status: 'open',
    assignee: { id: 'staff-cw-1', name: '周老师' },
    mine: true,
    openedAt: hoursFromNow(-43),
    ackDueAt: hoursFromNow(5),
    firstContactDueAt: hoursFromNow(125),
    acknowledgedAt: null,
    firstContactAt: null,
    escalatedAt: null,
    nextDeadline: { kind: 'ack', at: hoursFromNow(5) },
    attemptCount: 0,
    heardSinceOpened: false,
    ...overrides,
  };
}

export function taskRow(id: string, overrides: Partial<TaskRow> = {}): TaskRow {
  return {
    kind: 'task',
    id,
    taskKind: 'watch',
    student: student(`stu-${id}`, '阿木', '吉克阿木'),
    assignee: { id: 'staff-cw-1', name: '周老师' },
    mine: true,
    createdAt: hoursFromNow(-24),
    dueAt: null,
    exam: null,
    ...overrides,
  };
}

export const counts = (overrides: Partial<QueueCounts> = {}): QueueCounts => ({ urgent: 0, concern: 0, alerts: 2, escalated: 1, watch: 3, exam_season: 4, talk_request: 0, mine: 2, ...overrides });

export const page = (items: QueuePage['items'], nextCursor: string | null = null, c: QueueCounts = counts()): QueuePage => ({ items, nextCursor, counts: c });

type CaseOverrides = Partial<Omit<CaseView, 'alert'>> & { alert?: Partial<CaseView['alert']> };

export function caseView({ alert, ...rest }: CaseOverrides = {}): CaseView {
  const row = alertRow('al-1');
  return {
    alert: {
      id: row.id,
      status: row.status,
      assignee: row.assignee,
      mine: row.mine,
      openedAt: row.openedAt,
      ackDueAt: row.ackDueAt,
      firstContactDueAt: row.firstContactDueAt,
      acknowledgedAt: null,
      firstContactAt: null,
      escalatedAt: null,
      nextDeadline: row.nextDeadline,
      attemptCount: 0,
      heardSinceOpened: false,
      outcome: null,
      outcomeNote: null,
      resumeOn: null,
      resolvedAt: null,
      ...alert,
    },
    student: {
      id: 'stu-al-1',
      legalName: '王小雨',
      displayName: '小雨',
      grade: 12,
      schoolStage: 'high',
      schoolName: '西昌市第一中学',
      province: '四川',
      city: '西昌',
      village: null,
      programStatus: 'active',
      lastHeardAt: '2026-10-01T02:00:00Z',
      nextDueAt: '2026-10-31T16:00:00Z',
      contacts: [
        { id: 'c-1', kind: 'guardian', name: '王芳', relation: '母亲', phone: '13800138000', note: null },
        { id: 'c-2', kind: 'school', name: '李老师', relation: '班主任', phone: '0834-1234567', note: '上课时间不接电话' },
      ],
      sponsorDisplayName: '林晓',
    },
    attempts: [],
    history: [
      { at: '2026-10-31T16:00:00Z', kind: 'step_nudge_1', actorName: null, params: {} },
      { at: row.openedAt, kind: 'alert_opened', actorName: null, params: {} },
    ],
    recent: [{ kind: 'checkin', at: '2026-10-01T02:00:00Z', summary: 'doing_well' }],
    handover: null,
    caseworkers: [
      { id: 'staff-cw-1', name: '周老师' },
      { id: 'staff-cw-2', name: '吉克老师' },
    ],
    partnerNgos: [{ id: 'ngo-2', name: '成都青苗', province: '四川' }],
    ...rest,
  };
}

/** An urgent flag opened 6 minutes ago: 9 minutes left to acknowledge. */
export function flagRow(id: string, overrides: Partial<FlagRow> = {}): FlagRow {
  return {
    kind: 'flag',
    id,
    level: 'urgent',
    student: student(`stu-${id}`, '小梅', '李小梅'),
    status: 'open',
    assignee: { id: 'staff-cw-1', name: '周老师' },
    mine: true,
    sourceKind: 'letter',
    categories: ['suicidal'],
    openedAt: minutesFromNow(-6),
    dueAt: minutesFromNow(9),
    acknowledgedAt: null,
    escalatedAt: null,
    ...overrides,
  };
}

const FLAG_TEXT = '最近很累，不想活了，每天晚上都哭。';

type FlagOverrides = Partial<Omit<FlagCaseView, 'flag'>> & { flag?: Partial<FlagCaseView['flag']> };

export function flagView({ flag, ...rest }: FlagOverrides = {}): FlagCaseView {
  const row = flagRow('fl-1');
  return {
    flag: {
      id: row.id,
      level: row.level,
      status: row.status,
      assignee: row.assignee,
      mine: row.mine,
      sourceKind: row.sourceKind,
      categories: row.categories,
      openedAt: row.openedAt,
      dueAt: row.dueAt,
      acknowledgedAt: null,
      escalatedAt: null,
      acknowledgedByName: null,
      resolvedAt: null,
      resolvedByName: null,
      outcome: null,
      outcomeNote: null,
      ...flag,
    },
    text: FLAG_TEXT,
    findings: [{ category: 'suicidal', level: 'urgent', start: 5, end: 9, excerpt: '不想活了' }],
    letter: { id: 'let-1', status: 'held' },
    student: {
      id: 'stu-fl-1',
      legalName: '李小梅',
      displayName: '小梅',
      grade: 8,
      schoolStage: 'middle',
      province: '四川',
      city: '昭觉',
      contacts: [
        { id: 'c-1', kind: 'guardian', name: '李强', relation: '父亲', phone: '13900139000', note: null },
        { id: 'c-2', kind: 'school', name: '马老师', relation: '班主任', phone: '0834-7654321', note: null },
      ],
    },
    actions: [],
    ...rest,
  };
}
