import type { CarePolicyView } from '../../../domain/api/care';
import { bearerFor, insertWorld } from '../../test/fixtures';
import { createTestApp, type TestApp } from '../../test/test-app';

let t: TestApp;
const NOW = new Date('2026-11-29T04:00:00.000Z');
let adminA: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp({}, NOW);
  await insertWorld(t.app.db);
  adminA = await bearerFor(t.app.db, 'acc-admin-a', NOW);
});
afterAll(() => t.close());

const read = async () => (await t.app.inject({ url: '/api/staff/care/policy', headers: adminA })).json<CarePolicyView>();
/** The editable part of the stored policy, as the editor sends it back. */
const policyOf = (v: CarePolicyView) => ({
  checkinCadenceDays: v.checkinCadenceDays,
  ladder: v.ladder,
  slaAckHours: v.slaAckHours,
  slaFirstContactHours: v.slaFirstContactHours,
  quietPeriods: v.quietPeriods,
  examCalendar: v.examCalendar,
  examOutreachDays: v.examOutreachDays,
  urgentAckMinutes: v.urgentAckMinutes,
  concernDueHours: v.concernDueHours,
});
const put = (payload: object, lang = 'zh-CN') => t.app.inject({ method: 'PUT', url: '/api/staff/care/policy', headers: { ...adminA, 'accept-language': lang }, payload });
const save = async (changes: object, lang = 'zh-CN') => {
  const view = await read();
  return put({ ...policyOf(view), studentRetentionMonths: view.studentRetentionMonths, ...changes, expectedVersion: view.version }, lang);
};

test('the retention period of students’ data is part of the policy: 36 months until the NGO changes it', async () => {
  expect((await read()).studentRetentionMonths).toBe(36);
});

test('an out-of-range retention period is refused at its field, in the caller’s language, alongside any other problem', async () => {
  const en = await save({ studentRetentionMonths: 6, checkinCadenceDays: 3 }, 'en-US');
  expect(en.statusCode).toBe(400);
  expect(en.json().error.details).toEqual([
    { field: 'checkinCadenceDays', message: 'the check-in cadence must be between 7 and 120 days' },
    { field: 'studentRetentionMonths', message: 'the retention period must be between 12 and 120 months' },
  ]);
  const zh = await save({ studentRetentionMonths: 121 });
  expect(zh.json().error.details).toEqual([{ field: 'studentRetentionMonths', message: '学生资料保留期需在 12 到 120 个月之间' }]);
  expect((await save({ studentRetentionMonths: 24.5 })).statusCode).toBe(400);
  expect((await read()).studentRetentionMonths).toBe(36);
});

test('a saved retention period is stored with the policy’s next version and audited; a save without it keeps it', async () => {
  const saved = await save({ studentRetentionMonths: 24 });
  expect(saved.statusCode).toBe(200);
  expect(saved.json<CarePolicyView>()).toMatchObject({ studentRetentionMonths: 24, version: 2 });
  const audit = await t.app.db.selectFrom('audit_log').select('detail').where('action', '=', 'ngo_policies.update').executeTakeFirstOrThrow();
  expect(JSON.parse(audit.detail!)).toMatchObject({ previous: { studentRetentionMonths: 36 }, next: { studentRetentionMonths: 24 } });
  const view = await read();
  const kept = await put({ ...policyOf(view), checkinCadenceDays: 21, expectedVersion: view.version });
  expect(kept.json<CarePolicyView>()).toMatchObject({ studentRetentionMonths: 24, checkinCadenceDays: 21, version: 3 });
});
