import { sql } from 'kysely';
import type { PoolFilters, PoolFiltersQuery, PoolQuery, PoolStudent } from '../../../domain/api/pool';
import { ageOn } from '../../../domain/dates';
import { yearsToGraduation } from '../../../domain/pledge';
import { SCHOOL_STAGES } from '../../../domain/student';
import type { PrincipalOf } from '../../access/principal';
import { poolStudents } from '../../access/scopes';
import type { Db } from '../../db/connect';
import { DEFAULT_DISBURSEMENT_POLICY } from '../../db/migrations/003-pool';
import { decodeCursor, toPage } from '../../lib/cursor';
import { shanghaiToday } from '../../lib/local-date';
import { chooseNeedBands, NEED_CEILINGS_YUAN } from './need-bands';

type Sponsor = PrincipalOf<'sponsor'>;

/** The sponsor-safe columns of a pool row, and nothing else: no legal name, school, village or contacts. */
const SAFE_COLUMNS = [
  'students.id',
  'students.display_name',
  'students.date_of_birth',
  'students.grade',
  'students.school_stage',
  'students.province',
  'students.city',
  'students.story',
  'students.photo_key',
  'students.yearly_need_fen',
  'students.expected_graduation',
  'students.pool_since',
  'ngos.id as ngo_id',
  'ngos.name as ngo_name',
] as const;

export interface PoolRow {
  id: string;
  display_name: string;
  date_of_birth: string;
  grade: number;
  school_stage: PoolStudent['schoolStage'];
  province: string;
  city: string;
  story: string | null;
  photo_key: string | null;
  yearly_need_fen: number;
  expected_graduation: string;
  pool_since: string | null;
  ngo_id: string;
  ngo_name: string;
}

/** A pool row as a card. The date of birth only becomes an age; the photo only a short-lived link. */
export function toPoolStudent(row: PoolRow, now: Date, signedUrl: (key: string) => string): PoolStudent {
  return {
    id: row.id,
    displayName: row.display_name,
    age: ageOn(row.date_of_birth, now),
    grade: row.grade,
    schoolStage: row.school_stage,
    province: row.province,
    city: row.city,
    story: row.story ?? '',
    photoUrl: row.photo_key ? signedUrl(row.photo_key) : null,
    yearlyNeedFen: row.yearly_need_fen,
    yearsToGraduation: yearsToGraduation(shanghaiToday(now), row.expected_graduation),
    ngo: { id: row.ngo_id, name: row.ngo_name },
    waitingSince: row.pool_since!,
  };
}

type PoolFilter = keyof PoolFiltersQuery;

/** The waiting students the chosen filters leave, ignoring those named in `except`. */
function filteredPool(db: Db, principal: Sponsor, now: Date, filters: PoolFiltersQuery, except: readonly PoolFilter[] = []) {
  const use = (name: PoolFilter) => filters[name] !== undefined && !except.includes(name);
  let q = poolStudents(db, principal, now);
  if (use('province')) q = q.where('students.province', '=', filters.province!);
  if (use('city')) q = q.where('students.city', '=', filters.city!);
  if (use('schoolStage')) q = q.where('students.school_stage', '=', filters.schoolStage!);
  if (use('maxYearlyNeedFen')) q = q.where('students.yearly_need_fen', '<=', filters.maxYearlyNeedFen!);
  return q;
}

/** Students still waiting, longest-waiting first, filtered; keyset pages on (pool_since, id). */
export async function listPool(db: Db, principal: Sponsor, query: PoolQuery & { limit: number }, now: Date) {
  const after = decodeCursor(query.cursor, ['text', 'text']);
  let q = filteredPool(db, principal, now, query)
    .select(SAFE_COLUMNS)
    .orderBy('students.pool_since')
    .orderBy('students.id')
    .limit(query.limit + 1);
  if (after) {
    const [since, id] = after;
    q = q.where((eb) => eb.or([eb('students.pool_since', '>', since), eb.and([eb('students.pool_since', '=', since), eb('students.id', '>', id)])]));
  }
  const rows = await q.execute();
  return toPage(rows, query.limit, (r) => [r.pool_since!, r.id]);
}

// A bound on the filter lists; two NGOs have a handful of cities between them.
const FILTER_ROWS = 500;

/** How many students each round ceiling shows, in one pass over the waiting students. */
async function needBands(db: Db, principal: Sponsor, now: Date, filters: PoolFiltersQuery) {
  const row = await filteredPool(db, principal, now, filters, ['maxYearlyNeedFen'])
    .select((eb) => [
      eb.fn.countAll<number | string>().as('total'),
      ...NEED_CEILINGS_YUAN.map((yuan, i) =>
        eb.fn
          .sum<number | string | null>(eb.case().when('students.yearly_need_fen', '<=', yuan * 100).then(1).else(0).end())
          .as(`n${i}`),
      ),
    ])
    .executeTakeFirstOrThrow();
  const counts = row as unknown as Record<string, number | string | null>;
  const shown = NEED_CEILINGS_YUAN.map((yuan, i) => ({ maxYearlyNeedFen: yuan * 100, count: Number(counts[`n${i}`] ?? 0) }));
  return chooseNeedBands(Number(row.total), shown);
}

/**
 * The regions, school stages and need bands some waiting student has. Each is worked out with the
 * other filters chosen applied, so any one choice offered, with the rest, still shows someone.
 */
export async function poolFilters(db: Db, principal: Sponsor, now: Date, filters: PoolFiltersQuery = {}): Promise<PoolFilters> {
  const [regionRows, stageRows, bands] = await Promise.all([
    filteredPool(db, principal, now, filters, ['province', 'city'])
      .select(['students.province', 'students.city'])
      .distinct()
      .limit(FILTER_ROWS)
      .execute(),
    filteredPool(db, principal, now, filters, ['schoolStage']).select('students.school_stage').distinct().limit(FILTER_ROWS).execute(),
    needBands(db, principal, now, filters),
  ]);
  const regions = new Map<string, Set<string>>();
  for (const r of regionRows) {
    if (!regions.has(r.province)) regions.set(r.province, new Set());
    regions.get(r.province)!.add(r.city);
  }
  const stages = new Set<string>(stageRows.map((r) => r.school_stage));
  // Sorted here, not by the database, so both databases answer in the same (code point) order.
  const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return {
    regions: [...regions]
      .sort(([a], [b]) => byCodePoint(a, b))
      .map(([province, cities]) => ({ province, cities: [...cities].sort(byCodePoint) })),
    schoolStages: SCHOOL_STAGES.filter((s) => stages.has(s)),
    needBands: bands,
  };
}

/** One student, if they are still waiting (or reserved by the caller). */
export async function findPoolStudent(db: Db, principal: Sponsor, id: string, now: Date) {
  return poolStudents(db, principal, now)
    .select([...SAFE_COLUMNS, 'ngo_policies.disbursement_policy'])
    .where('students.id', '=', id)
    .executeTakeFirst();
}

export function disbursementPolicyText(stored: string | null | undefined): string {
  return stored ?? DEFAULT_DISBURSEMENT_POLICY;
}

/**
 * Three students still waiting who resemble the one asked for: same province first, then the same
 * school stage, then the closest yearly need; longest-waiting breaks ties. An unknown id gets the
 * three longest-waiting.
 */
export async function similarStudents(db: Db, principal: Sponsor, id: string, now: Date, count = 3) {
  // Only the three attributes compared are read from the student asked for; nothing of them is returned.
  const like = await db.selectFrom('students').select(['province', 'school_stage', 'yearly_need_fen']).where('id', '=', id).executeTakeFirst();
  let q = poolStudents(db, principal, now).select(SAFE_COLUMNS).where('students.id', '!=', id);
  if (like) {
    q = q
      .orderBy(sql`case when students.province = ${like.province} then 0 else 1 end`)
      .orderBy(sql`case when students.school_stage = ${like.school_stage} then 0 else 1 end`)
      .orderBy(sql`abs(students.yearly_need_fen - ${like.yearly_need_fen})`);
  }
  return q.orderBy('students.pool_since').orderBy('students.id').limit(count).execute();
}
