import { Cron } from 'croner';
import { ANONYMISED } from '../../../domain/privacy/guardian-requests';
import type { Updateable } from 'kysely';
import type { StudentTable } from '../../db/schema';
import { ANONYMISATION_SCHEDULE } from '../../plugins/jobs';
import { insertWorld } from '../../test/fixtures';
import { createTestApp, type TestApp } from '../../test/test-app';
import { insertStudent } from '../care/care-fixtures';
import { anonymiseExpiredStudents } from './retention';

let t: TestApp;
const NOW = new Date('2026-11-29T04:00:00.000Z');
const run = (now = NOW) => anonymiseExpiredStudents({ db: t.app.db, dialect: t.app.dialect, files: t.app.files, log: t.app.log }, now);

async function student(id: string, ngoId: string, fields: Updateable<StudentTable>, sponsorships: { status: 'active' | 'ended' | 'completed'; endedAt?: string }[] = []) {
  await insertStudent(t.app.db, { id, caseworker: ngoId === 'ngo-a' ? 'staff-cw-a' : 'staff-cw-b', ngoId });
  await t.app.db.updateTable('students').set({ legal_name: `姓名${id}`, pool_since: null, ...fields }).where('id', '=', id).execute();
  for (const [i, s] of sponsorships.entries()) {
    const spId = `sp-${id}-${i}`;
    await t.app.db
      .insertInto('sponsorships')
      .values({
        id: spId,
        sponsor_id: 'sponsor-2',
        student_id: id,
        status: s.status,
        amount_fen: 20000,
        cadence: 'monthly',
        term_years: 1,
        start_date: '2022-09-01',
        end_date: '2023-09-01',
        reserved_until: null,
        confirmed_at: '2022-09-01T00:00:00.000Z',
        ended_at: s.endedAt ?? null,
        end_reason: s.endedAt ? 'term_completed' : null,
        created_at: '2022-09-01T00:00:00.000Z',
        updated_at: s.endedAt ?? '2022-09-01T00:00:00.000Z',
      })
      .execute();
    await t.app.db
      .insertInto('ledger_entries')
      .values([
        { id: `${spId}-pay`, sponsorship_id: spId, kind: 'payment', amount_fen: 240000, occurred_on: '2022-09-01', category: null, payee: null, description: `${id}的资助款`, receipt_key: null, recorded_by: null, created_at: '2022-09-01T00:00:00.000Z' },
        { id: `${spId}-out`, sponsorship_id: spId, kind: 'disbursement', amount_fen: 180000, occurred_on: '2022-09-10', category: 'tuition', payee: `${id}的学校`, description: '学费', receipt_key: null, recorded_by: null, created_at: '2022-09-10T00:00:00.000Z' },
      ])
      .execute();
  }
}

const left = (at: string) => ({ program_status: 'left' as const, left_at: at, last_heard_at: at });
const anonymisedIds = async () =>
  (await t.app.db.selectFrom('students').select('id').where('anonymised_at', 'is not', null).orderBy('id').execute()).map((r) => r.id);
const anonymisations = (id: string) => t.app.db.selectFrom('audit_log').select(['actor_account_id', 'detail']).where('action', '=', 'students.anonymise').where('entity_id', '=', id).execute();
const moneyOf = async (studentId: string) =>
  Number(
    (
      await t.app.db
        .selectFrom('ledger_entries')
        .innerJoin('sponsorships', 'sponsorships.id', 'ledger_entries.sponsorship_id')
        .select((eb) => eb.fn.sum<number>('ledger_entries.amount_fen').as('total'))
        .where('sponsorships.student_id', '=', studentId)
        .executeTakeFirstOrThrow()
    ).total,
  );

beforeAll(async () => {
  t = await createTestApp({}, NOW);
  await insertWorld(t.app.db);
  // ngo-a keeps a student's data 24 months; ngo-b has no policy yet, so the default 36 applies.
  await t.app.db.updateTable('ngo_policies').set({ student_retention_months: 24 }).where('ngo_id', '=', 'ngo-a').execute();
  await student('r-left-old', 'ngo-a', left('2024-06-01T00:00:00.000Z'), [{ status: 'ended', endedAt: '2024-06-01T00:00:00.000Z' }]);
  await student('r-ended-silent', 'ngo-a', { last_heard_at: '2024-02-01T00:00:00.000Z' }, [{ status: 'completed', endedAt: '2024-03-01T00:00:00.000Z' }]);
  await student('r-b-left', 'ngo-b', left('2024-06-01T00:00:00.000Z'));
  await student('r-left-recent', 'ngo-a', left('2025-06-01T00:00:00.000Z'));
  await student('r-heard', 'ngo-a', { last_heard_at: '2025-10-01T00:00:00.000Z' }, [{ status: 'ended', endedAt: '2024-01-01T00:00:00.000Z' }]);
  await student('r-new-sponsor', 'ngo-a', { last_heard_at: '2024-01-01T00:00:00.000Z' }, [{ status: 'ended', endedAt: '2023-01-01T00:00:00.000Z' }, { status: 'active' }]);
  await student('r-never', 'ngo-a', { last_heard_at: null });
  await student('r-flag', 'ngo-a', left('2024-01-01T00:00:00.000Z'));
  await t.app.db
    .insertInto('wellbeing_flags')
    .values({ id: 'flag-r', student_id: 'r-flag', ngo_id: 'ngo-a', level: 'concern', source_kind: 'checkin', source_id: 'k-r', source_revision: 1, text: '不开心', findings: '[]', status: 'acknowledged', assigned_staff_id: 'staff-cw-a', opened_at: '2024-01-01T00:00:00.000Z', due_at: '2024-01-02T00:00:00.000Z' })
    .execute();
});
afterAll(() => t.close());

test('the daily run anonymises exactly the students past their NGO’s retention period, and keeps their money', async () => {
  const moneyBefore = await moneyOf('r-left-old');
  const report = await run();
  expect(report).toMatchObject({ studentsAnonymised: 2, ngosChecked: 2, filesNotRemoved: 0 });
  // Left 30 months ago: past ngo-a's 24 months, not yet past ngo-b's 36. Heard from, sponsored again,
  // never finished, or still cared for: kept.
  expect(await anonymisedIds()).toEqual(['r-ended-silent', 'r-left-old']);
  for (const id of ['r-left-old', 'r-ended-silent']) {
    const row = await t.app.db.selectFrom('students').select(['legal_name', 'program_status']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toEqual({ legal_name: ANONYMISED.legalName, program_status: 'left' });
    const [entry] = await anonymisations(id);
    expect(entry.actor_account_id).toBeNull();
    expect(JSON.parse(entry.detail!)).toMatchObject({ kind: 'retention', retentionMonths: 24, cutoff: '2024-11-29T04:00:00.000Z' });
  }
  expect(await moneyOf('r-left-old')).toBe(moneyBefore);
  const ledger = await t.app.db.selectFrom('ledger_entries').select(['payee', 'description']).where('sponsorship_id', '=', 'sp-r-left-old-0').orderBy('id').execute();
  expect(ledger).toEqual([
    { payee: null, description: '' },
    { payee: null, description: '' },
  ]);
  const kept = await t.app.db.selectFrom('students').select(['id', 'legal_name']).where('id', 'in', ['r-b-left', 'r-left-recent', 'r-heard', 'r-new-sponsor', 'r-never', 'r-flag', 'student-a1']).orderBy('id').execute();
  expect(kept.every((s) => s.legal_name !== ANONYMISED.legalName)).toBe(true);
});

test('running again changes nothing, and several instances at once anonymise each student once', async () => {
  expect((await run()).studentsAnonymised).toBe(0);
  expect(await anonymisations('r-left-old')).toHaveLength(1);

  await student('r-c1', 'ngo-a', left('2023-01-01T00:00:00.000Z'));
  await student('r-c2', 'ngo-b', left('2023-01-01T00:00:00.000Z'));
  const [first, second] = await Promise.all([run(), run()]);
  expect(first.studentsAnonymised + second.studentsAnonymised).toBe(2);
  expect(await anonymisations('r-c1')).toHaveLength(1);
  expect(await anonymisations('r-c2')).toHaveLength(1);
});

test('with the clock moved on, a student becomes due once their own period has run out', async () => {
  expect((await run(new Date('2027-05-31T04:00:00.000Z'))).studentsAnonymised).toBe(0);
  const later = await run(new Date('2027-06-02T04:00:00.000Z'));
  expect(later.studentsAnonymised).toBe(2); // r-left-recent (24 months at ngo-a) and r-b-left (36 months at ngo-b)
  expect(await anonymisedIds()).toEqual(['r-b-left', 'r-c1', 'r-c2', 'r-ended-silent', 'r-left-old', 'r-left-recent']);
});

test('the job runs daily at 03:15 in China', () => {
  const next = new Cron(ANONYMISATION_SCHEDULE, { timezone: 'Asia/Shanghai', paused: true }).nextRun(NOW);
  expect(next?.toISOString()).toBe('2026-11-29T19:15:00.000Z');
});
