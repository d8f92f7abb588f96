import { insertWorld } from '../../test/fixtures';
import { emptyDatabase } from '../../test/empty-database';
import type { Db } from '../connect';
import { migrateToLatest } from '../migrate';

let db: Db;
let drop: () => Promise<void>;

beforeAll(async () => {
  ({ db, drop } = await emptyDatabase());
});
afterAll(() => drop());

const outcome = (statement: Promise<unknown>) => statement.then(() => 'accepted', () => 'refused');
const report = (id: string, studentId: string, term: string, createdAt: string) => ({
  id,
  student_id: studentId,
  term,
  grade: 9,
  overall_result: `报告 ${id}`,
  photo_key: null,
  authored_by: 'student' as const,
  author_account_id: studentId === 'student-a1' ? 'acc-student-a1' : 'acc-student-a2',
  created_at: createdAt,
});

it('stores every term as its school-year code, keeps a second report for a term readable, and lets no new one in', async () => {
  await migrateToLatest(db, '011-student-rights');
  await insertWorld(db);
  await db
    .insertInto('term_reports')
    .values([
      // The same term twice for student-a1, in the two forms: the older row stays the term's report.
      report('r-spring', 'student-a1', '2026-spring', '2026-07-10T02:00:00.000Z'),
      report('r-code', 'student-a1', '2025-2026-2', '2026-07-12T02:00:00.000Z'),
      report('r-autumn', 'student-a1', '2025-autumn', '2026-02-01T02:00:00.000Z'),
      // For student-a2 the code came first; recorded at the same moment, the smaller id would win.
      report('r-b-code', 'student-a2', '2025-2026-2', '2026-07-10T02:00:00.000Z'),
      report('r-a-late', 'student-a2', '2026-spring', '2026-07-11T02:00:00.000Z'),
      report('r-other', 'student-a2', '2026-autumn', '2027-02-01T02:00:00.000Z'),
    ] as never)
    .execute();

  expect(await migrateToLatest(db, '012-term-codes')).toEqual(['012-term-codes']);

  const rows = await db.selectFrom('term_reports').select(['id', 'student_id', 'term', 'duplicate_of', 'overall_result']).orderBy('id').execute();
  expect(rows).toEqual([
    { id: 'r-a-late', student_id: 'student-a2', term: '2025-2026-2', duplicate_of: 'r-b-code', overall_result: '报告 r-a-late' },
    { id: 'r-autumn', student_id: 'student-a1', term: '2025-2026-1', duplicate_of: null, overall_result: '报告 r-autumn' },
    { id: 'r-b-code', student_id: 'student-a2', term: '2025-2026-2', duplicate_of: null, overall_result: '报告 r-b-code' },
    { id: 'r-code', student_id: 'student-a1', term: '2025-2026-2', duplicate_of: 'r-spring', overall_result: '报告 r-code' },
    { id: 'r-other', student_id: 'student-a2', term: '2026-2027-1', duplicate_of: null, overall_result: '报告 r-other' },
    { id: 'r-spring', student_id: 'student-a1', term: '2025-2026-2', duplicate_of: null, overall_result: '报告 r-spring' },
  ]);

  // One report per student and term, now held by the database.
  expect(await outcome(db.insertInto('term_reports').values(report('r-new', 'student-a1', '2025-2026-2', '2026-08-01T00:00:00.000Z')).execute())).toBe('refused');
  expect(await outcome(db.insertInto('term_reports').values(report('r-next', 'student-a1', '2026-2027-1', '2027-02-01T00:00:00.000Z')).execute())).toBe('accepted');
  expect(await outcome(db.insertInto('term_reports').values(report('r-same', 'student-a2', '2026-2027-1', '2027-02-01T00:00:00.000Z')).execute())).toBe('refused');
  // The other indexes and references survived the rebuild.
  expect(await outcome(db.insertInto('term_reports').values(report('r-ghost', 'nobody', '2027-2028-1', '2027-09-01T00:00:00.000Z')).execute())).toBe('refused');
  expect(await outcome(db.updateTable('term_reports').set({ duplicate_of: 'missing' }).where('id', '=', 'r-other').execute())).toBe('refused');
});
