import { sql, type Expression, type RawBuilder, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { AlertRow, FlagRow, QueueCounts, QueuePage, QueueTab, TaskRow } from '../../../domain/api/care';
import { nextSlaDeadline } from '../../../domain/care/ladder';
import type { SchoolStage } from '../../../domain/student';
import type { Db } from '../../db/connect';
import { decodeCursor, toPage } from '../../lib/cursor';
import { flagColumns, flagFields, flagSortKey, WORKING_FLAG_STATUSES, workingFlags } from '../wellbeing/queue';
import { staffFlags } from '../wellbeing/scope';
import { staffAlerts, WORKING_STATUSES, type Staff } from './scope';

export interface QueueRequest {
  tab: QueueTab;
  scope: 'mine' | 'all';
  escalated: boolean;
  limit: number;
  cursor?: string;
}

// Sorts after every real deadline: alerts whose SLAs are both met, tasks without a due time.
const LAST = '9999-12-31T00:00:00.000Z';
const SORT_SHAPE = ['integer', 'integer', 'text', 'text', 'text'] as const;

/** The sort key as selected columns, so the last row of a page gives the cursor. */
const sortColumns = (key: RawBuilder<string | number>[]) => [key[0].as('k0'), key[1].as('k1'), key[2].as('k2'), key[3].as('k3'), key[4].as('k4')] as const;

const afterCursor = (key: Expression<unknown>[], values: (string | number | null)[]) =>
  sql<SqlBool>`(${sql.join(key)}) > (${sql.join(values)})`;

type SortKeyRow = { k0: string | number; k1: string | number; k2: string | number; k3: string | number; k4: string | number };

const SORT_ALIASES = ['k0', 'k1', 'k2', 'k3', 'k4'] as const;

/**
 * One page of a queue tab in its sort-key order (by the selected `k0`…`k4`: a constant part of a key,
 * such as a task's 0, would read as a column position in ORDER BY), after the cursor's row; the cursor
 * is the last row's key.
 */
async function keysetPage<DB, TB extends keyof DB, O extends SortKeyRow>(query: SelectQueryBuilder<DB, TB, O>, key: RawBuilder<string | number>[], request: QueueRequest) {
  let ordered = SORT_ALIASES.reduce((q, alias) => q.orderBy(sql.ref(alias)), query).limit(request.limit + 1);
  const after = decodeCursor(request.cursor, SORT_SHAPE);
  if (after) ordered = ordered.where(afterCursor(key, after));
  return toPage(await ordered.execute(), request.limit, (r) => [Number(r.k0), Number(r.k1), r.k2, r.k3, r.k4]);
}

function alertSortKey(staffId: string): RawBuilder<string | number>[] {
  return [
    sql<number>`case when alerts.assigned_staff_id = ${staffId} then 0 else 1 end`,
    sql<number>`case when alerts.escalated_at is not null then 0 else 1 end`,
    sql<string>`case when alerts.acknowledged_at is null then alerts.ack_due_at when alerts.first_contact_at is null then alerts.first_contact_due_at else ${LAST} end`,
    sql<string>`alerts.opened_at`,
    sql<string>`alerts.id`,
  ];
}

function taskSortKey(staffId: string): RawBuilder<string | number>[] {
  return [
    sql<number>`case when students.caseworker_id = ${staffId} then 0 else 1 end`,
    sql<number>`0`,
    sql<string>`coalesce(caseworker_tasks.due_at, ${LAST})`,
    sql<string>`caseworker_tasks.created_at`,
    sql<string>`caseworker_tasks.id`,
  ];
}

function workingAlerts(db: Db, principal: Staff) {
  return staffAlerts(db, principal).where('alerts.status', 'in', [...WORKING_STATUSES]);
}

function openTasks(db: Db, principal: Staff) {
  return db
    .selectFrom('caseworker_tasks')
    .innerJoin('students', 'students.id', 'caseworker_tasks.student_id')
    .where('caseworker_tasks.ngo_id', '=', principal.ngoId)
    .where('students.ngo_id', '=', principal.ngoId)
    .where('caseworker_tasks.status', '=', 'open');
}

const studentColumns = ['students.id as student_id', 'students.display_name', 'students.legal_name', 'students.grade', 'students.school_stage', 'students.city', 'students.last_heard_at'] as const;

type StudentColumns = { student_id: string; display_name: string; legal_name: string; grade: number; school_stage: SchoolStage; city: string; last_heard_at: string | null };
const studentOf = (r: StudentColumns) => ({ id: r.student_id, displayName: r.display_name, legalName: r.legal_name, grade: r.grade, schoolStage: r.school_stage, city: r.city, lastHeardAt: r.last_heard_at });

async function alertPage(db: Db, principal: Staff, request: QueueRequest) {
  const key = alertSortKey(principal.staffId);
  let query = workingAlerts(db, principal)
    .leftJoin('staff', 'staff.id', 'alerts.assigned_staff_id')
    .select(studentColumns)
    .select((eb) => [
      'alerts.id',
      'alerts.status',
      'alerts.assigned_staff_id',
      'staff.full_name as assignee_name',
      'alerts.opened_at',
      'alerts.ack_due_at',
      'alerts.first_contact_due_at',
      'alerts.acknowledged_at',
      'alerts.first_contact_at',
      'alerts.escalated_at',
      eb.selectFrom('contact_attempts').select((c) => c.fn.countAll<number>().as('n')).whereRef('contact_attempts.alert_id', '=', 'alerts.id').as('attempt_count'),
      ...sortColumns(key),
    ]);
  if (request.scope === 'mine') query = query.where('alerts.assigned_staff_id', '=', principal.staffId);
  if (request.escalated) query = query.where('alerts.escalated_at', 'is not', null);
  const { items, nextCursor } = await keysetPage(query, key, request);
  return { items: items.map((r) => toAlertRow(r, principal.staffId)), nextCursor };
}

export interface AlertRowSource {
  id: string;
  status: string;
  assigned_staff_id: string | null;
  assignee_name: string | null;
  opened_at: string;
  ack_due_at: string;
  first_contact_due_at: string;
  acknowledged_at: string | null;
  first_contact_at: string | null;
  escalated_at: string | null;
  attempt_count: number | string | bigint | null;
  last_heard_at: string | null;
}

/** The parts of an alert every view shares (the queue row and the case). */
export function alertFields(r: AlertRowSource, staffId: string): Omit<AlertRow, 'kind' | 'student'> {
  const deadline = r.status === 'resolved' ? null : nextSlaDeadline({
    ackDueAt: new Date(r.ack_due_at),
    firstContactDueAt: new Date(r.first_contact_due_at),
    acknowledgedAt: r.acknowledged_at ? new Date(r.acknowledged_at) : null,
    firstContactAt: r.first_contact_at ? new Date(r.first_contact_at) : null,
  });
  return {
    id: r.id,
    status: r.status === 'escalated' ? 'open' : (r.status as AlertRow['status']),
    assignee: r.assigned_staff_id && r.assignee_name ? { id: r.assigned_staff_id, name: r.assignee_name } : null,
    mine: r.assigned_staff_id === staffId,
    openedAt: r.opened_at,
    ackDueAt: r.ack_due_at,
    firstContactDueAt: r.first_contact_due_at,
    acknowledgedAt: r.acknowledged_at,
    firstContactAt: r.first_contact_at,
    escalatedAt: r.escalated_at,
    nextDeadline: deadline ? { kind: deadline.kind, at: deadline.at.toISOString() } : null,
    attemptCount: Number(r.attempt_count ?? 0),
    heardSinceOpened: r.last_heard_at !== null && r.last_heard_at > r.opened_at,
  };
}

function toAlertRow(r: AlertRowSource & StudentColumns, staffId: string): AlertRow {
  return { kind: 'alert', ...alertFields(r, staffId), student: studentOf(r) };
}

async function flagPage(db: Db, principal: Staff, level: FlagRow['level'], request: QueueRequest) {
  const key = flagSortKey(principal.staffId);
  let query = workingFlags(db, principal, level)
    .leftJoin('staff', 'staff.id', 'wellbeing_flags.assigned_staff_id')
    .select(studentColumns)
    .select([...flagColumns, 'staff.full_name as assignee_name', ...sortColumns(key)]);
  if (request.scope === 'mine') query = query.where('wellbeing_flags.assigned_staff_id', '=', principal.staffId);
  const { items, nextCursor } = await keysetPage(query, key, request);
  const rows: FlagRow[] = items.map((r) => ({ kind: 'flag', ...flagFields(r, principal.staffId), student: studentOf(r) }));
  return { items: rows, nextCursor };
}

type TaskTab = Extract<QueueTab, 'watch' | 'exam_season' | 'talk_request'>;

/** The task kinds each tab lists: a student whose sponsor left is on the watch list. */
const TASK_KINDS_OF_TAB: Record<TaskTab, readonly TaskRow['taskKind'][]> = {
  watch: ['watch', 'sponsor_left'],
  exam_season: ['exam_season'],
  talk_request: ['talk_request'],
};

async function taskPage(db: Db, principal: Staff, tab: TaskTab, request: QueueRequest) {
  const key = taskSortKey(principal.staffId);
  let query = openTasks(db, principal)
    .leftJoin('staff', 'staff.id', 'students.caseworker_id')
    .select(studentColumns)
    .select([
      'caseworker_tasks.id',
      'caseworker_tasks.kind',
      'caseworker_tasks.created_at',
      'caseworker_tasks.due_at',
      'caseworker_tasks.detail',
      'students.caseworker_id',
      'staff.full_name as caseworker_name',
      ...sortColumns(key),
    ])
    .where('caseworker_tasks.kind', 'in', [...TASK_KINDS_OF_TAB[tab]]);
  if (request.scope === 'mine') query = query.where('students.caseworker_id', '=', principal.staffId);
  const { items, nextCursor } = await keysetPage(query, key, request);
  const rows: TaskRow[] = items.map((r) => ({
    kind: 'task',
    id: r.id,
    taskKind: r.kind,
    student: studentOf(r),
    assignee: r.caseworker_id && r.caseworker_name ? { id: r.caseworker_id, name: r.caseworker_name } : null,
    mine: r.caseworker_id === principal.staffId,
    createdAt: r.created_at,
    dueAt: r.due_at,
    exam: examOf(r.detail),
  }));
  return { items: rows, nextCursor };
}

/** exam_season tasks carry `{ exam, year }` in their detail (written by the sweep). */
function examOf(detail: string | null): TaskRow['exam'] {
  if (!detail) return null;
  const parsed = JSON.parse(detail) as { exam?: unknown; year?: unknown };
  return (parsed.exam === 'zhongkao' || parsed.exam === 'gaokao') && typeof parsed.year === 'number' ? { exam: parsed.exam, year: parsed.year } : null;
}

/** How many items each tab holds, in the scope asked for; `mine` counts the caller's own across tabs. */
async function queueCounts(db: Db, principal: Staff, scope: 'mine' | 'all'): Promise<QueueCounts> {
  const me = principal.staffId;
  let alerts = workingAlerts(db, principal).select((eb) => [
    eb.fn.countAll<number>().as('alerts'),
    eb.fn.sum<number>(eb.case().when('alerts.escalated_at', 'is not', null).then(1).else(0).end()).as('escalated'),
    eb.fn.sum<number>(eb.case().when('alerts.assigned_staff_id', '=', me).then(1).else(0).end()).as('mine'),
  ]);
  if (scope === 'mine') alerts = alerts.where('alerts.assigned_staff_id', '=', me);
  let tasks = openTasks(db, principal)
    .select((eb) => [
      'caseworker_tasks.kind',
      eb.fn.countAll<number>().as('n'),
      eb.fn.sum<number>(eb.case().when('students.caseworker_id', '=', me).then(1).else(0).end()).as('mine'),
    ])
    .groupBy('caseworker_tasks.kind');
  if (scope === 'mine') tasks = tasks.where('students.caseworker_id', '=', me);
  let flags = staffFlags(db, principal)
    .where('wellbeing_flags.status', 'in', [...WORKING_FLAG_STATUSES])
    .select((eb) => [
      'wellbeing_flags.level',
      eb.fn.countAll<number>().as('n'),
      eb.fn.sum<number>(eb.case().when('wellbeing_flags.assigned_staff_id', '=', me).then(1).else(0).end()).as('mine'),
    ])
    .groupBy('wellbeing_flags.level');
  if (scope === 'mine') flags = flags.where('wellbeing_flags.assigned_staff_id', '=', me);
  const [a, t, f] = await Promise.all([alerts.executeTakeFirstOrThrow(), tasks.execute(), flags.execute()]);
  const flagCount = (level: FlagRow['level']) => Number(f.find((r) => r.level === level)?.n ?? 0);
  const taskCount = (tab: TaskTab) => t.filter((r) => TASK_KINDS_OF_TAB[tab].includes(r.kind)).reduce((sum, r) => sum + Number(r.n), 0);
  return {
    urgent: flagCount('urgent'),
    concern: flagCount('concern'),
    alerts: Number(a.alerts),
    escalated: Number(a.escalated ?? 0),
    watch: taskCount('watch'),
    exam_season: taskCount('exam_season'),
    talk_request: taskCount('talk_request'),
    mine: Number(a.mine ?? 0) + [...t, ...f].reduce((sum, r) => sum + Number(r.mine ?? 0), 0),
  };
}

/**
 * The caseworker's queue of their NGO: one tab at a time, their own first, then by urgency (flags and
 * alerts: escalated, then the deadline that comes next, then the oldest; tasks: by due time, then the
 * oldest). Keyset pagination over that order.
 */
export async function listQueue(db: Db, principal: Staff, request: QueueRequest): Promise<QueuePage> {
  const tab = request.tab;
  const page =
    tab === 'alerts'
      ? await alertPage(db, principal, request)
      : tab === 'urgent' || tab === 'concern'
        ? await flagPage(db, principal, tab, request)
        : await taskPage(db, principal, tab, request);
  return { ...page, counts: await queueCounts(db, principal, request.scope) };
}
