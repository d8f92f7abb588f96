import { DEFAULT_LADDER } from '../../domain/care/policy';
import type { Db } from '../db/connect';
import { hashPassword } from '../features/auth/password';
import { createSession } from '../features/auth/sessions';

const AT = '2026-01-01T00:00:00.000Z';

/** A small, explicit world for server tests: two NGOs, their staff, students and sponsors. */
export async function insertWorld(db: Db, options: { password?: string } = {}) {
  const passwordHash = options.password ? await hashPassword(options.password) : null;
  for (const ngo of [
    { id: 'ngo-a', name: '凉山助学会', province: '四川', city: '凉山' },
    { id: 'ngo-b', name: '定西春苗', province: '甘肃', city: '定西' },
  ]) {
    await db.insertInto('ngos').values({ ...ngo, created_at: AT }).execute();
  }
  // ngo-a checks in every 14 days; ngo-b has no policy yet (the default cadence applies).
  await db
    .insertInto('ngo_policies')
    .values({
      ngo_id: 'ngo-a',
      version: 1,
      checkin_cadence_days: 14,
      ladder: JSON.stringify(DEFAULT_LADDER),
      sla_ack_hours: 48,
      sla_first_contact_hours: 168,
      quiet_periods: '[]',
      exam_calendar: '[]',
      consent_required_under_age: 18,
      updated_at: AT,
      updated_by: null,
    })
    .execute();
  const accounts = [
    ['acc-admin-a', 'ngo_admin'],
    ['acc-cw-a', 'caseworker'],
    ['acc-cw-a2', 'caseworker'],
    ['acc-cw-b', 'caseworker'],
    ['acc-sponsor-1', 'sponsor'],
    ['acc-sponsor-2', 'sponsor'],
    ['acc-student-a1', 'student'],
    ['acc-student-a2', 'student'],
    ['acc-student-b1', 'student'],
  ] as const;
  for (const [id, role] of accounts) {
    await db.insertInto('accounts').values({ id, role, locale: 'zh-CN', created_at: AT, disabled_at: null }).execute();
  }
  const staff = [
    ['staff-admin-a', 'acc-admin-a', 'ngo-a', 'ngo_admin', '李主任', 'admin-a'],
    ['staff-cw-a', 'acc-cw-a', 'ngo-a', 'caseworker', '张社工', 'cw-a'],
    ['staff-cw-a2', 'acc-cw-a2', 'ngo-a', 'caseworker', '刘社工', 'cw-a2'],
    ['staff-cw-b', 'acc-cw-b', 'ngo-b', 'caseworker', '马社工', 'cw-b'],
  ] as const;
  for (const [id, account_id, ngo_id, role, full_name, username] of staff) {
    await db
      .insertInto('staff')
      .values({ id, account_id, ngo_id, role, full_name, username, password_hash: passwordHash, created_at: AT })
      .execute();
  }
  for (const [id, account_id, display_name] of [
    ['sponsor-1', 'acc-sponsor-1', '北京的王老师'],
    ['sponsor-2', 'acc-sponsor-2', '陈先生'],
  ] as const) {
    await db.insertInto('sponsors').values({ id, account_id, display_name, created_at: AT }).execute();
  }
  const student = (id: string, account_id: string | null, ngo_id: string, caseworker_id: string, legal_name: string, display_name: string, next_due_at: string | null) => ({
    id,
    ngo_id,
    account_id,
    caseworker_id,
    legal_name,
    display_name,
    gender: 'female' as const,
    date_of_birth: '2010-05-01',
    school_name: '昭觉县民族中学',
    school_stage: 'middle' as const,
    grade: 9,
    expected_graduation: '2027-07-01',
    province: '四川',
    city: '凉山',
    village: '解放沟村',
    story: '喜欢画画',
    story_approved_at: AT,
    photo_key: null,
    yearly_need_fen: 300000,
    program_status: 'active' as const,
    pool_since: AT,
    last_heard_at: next_due_at ? AT : null,
    next_due_at,
    created_at: AT,
    updated_at: AT,
  });
  await db
    .insertInto('students')
    .values([
      student('student-a1', 'acc-student-a1', 'ngo-a', 'staff-cw-a', '吉克阿依', '阿依', '2026-12-20T00:00:00.000Z'),
      student('student-a2', 'acc-student-a2', 'ngo-a', 'staff-cw-a2', '沙马拉则', '拉则', '2026-10-01T00:00:00.000Z'),
      student('student-a3', null, 'ngo-a', 'staff-cw-a', '阿苏木呷', '木呷', null),
      student('student-b1', 'acc-student-b1', 'ngo-b', 'staff-cw-b', '马小梅', '小梅', '2026-12-10T00:00:00.000Z'),
    ])
    .execute();
  const sponsorship = (id: string, sponsor_id: string, student_id: string, start_date: string) => ({
    id,
    sponsor_id,
    student_id,
    status: 'active' as const,
    amount_fen: 25000,
    cadence: 'monthly' as const,
    term_years: 3,
    start_date,
    end_date: '2028-07-01',
    reserved_until: null,
    confirmed_at: AT,
    ended_at: null,
    end_reason: null,
    created_at: AT,
    updated_at: AT,
  });
  await db
    .insertInto('sponsorships')
    .values([
      sponsorship('sp-1', 'sponsor-1', 'student-a1', '2025-09-01'),
      sponsorship('sp-2', 'sponsor-1', 'student-b1', '2026-03-01'),
      sponsorship('sp-3', 'sponsor-2', 'student-a2', '2025-03-01'),
    ])
    .execute();
}

/** Signs an account in directly and returns the Authorization header for it. */
export async function bearerFor(db: Db, accountId: string, now = new Date('2026-11-29T04:00:00.000Z')) {
  const { token } = await createSession(db, { accountId, method: 'demo', now, ttlHours: 24 });
  return { authorization: `Bearer ${token}` };
}
