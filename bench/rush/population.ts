import { randomBytes } from 'node:crypto';
import type { Db } from '../../server/db/connect';
import { hashToken } from '../../server/features/auth/sessions';

export const NGO_ID = 'rush-ngo';
const ADMIN_ACCOUNT = 'rush-acc-admin';
const DAY = 86_400_000;
const CHUNK = 500;

const pad = (n: number) => String(n).padStart(4, '0');

export interface Population {
  adminToken: string;
  studentIds: string[];
  /** One bearer token per sponsor, in arrival order. */
  sponsorTokens: string[];
  /** A sponsor who takes no part in the rush: reads the pool afterwards, as any newcomer would. */
  observerToken: string;
}

async function insertChunked<T>(rows: T[], insert: (part: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/**
 * One NGO with its policy and admin, `students` waiting in the pool (approved story, guardian
 * consent; photos come later, uploaded through the API), and `sponsors` accounts each signed in
 * with a session of its own: multi-row inserts, as the rows a sign-in would write.
 */
export async function populate(db: Db, options: { students: number; sponsors: number; now: Date }): Promise<Population> {
  const now = options.now.getTime();
  const created = new Date(now - 400 * DAY).toISOString();
  const at = options.now.toISOString();
  const expires = new Date(now + DAY).toISOString();
  await db
    .insertInto('ngos')
    .values({
      id: NGO_ID,
      name: '九九助学社',
      province: '贵州',
      city: '毕节',
      created_at: created,
      bank_account_name: null,
      bank_name: null,
      bank_account_number: null,
      payment_instructions: null,
      contact_name: null,
      contact_phone: null,
      contact_email: null,
      payment_details_updated_at: null,
    })
    .execute();
  await db
    .insertInto('ngo_policies')
    .values({
      ngo_id: NGO_ID,
      version: 1,
      checkin_cadence_days: 30,
      ladder: JSON.stringify([
        { step: 'nudge_1', day: 0 },
        { step: 'nudge_2', day: 7 },
        { step: 'watch', day: 14 },
        { step: 'alert', day: 30 },
      ]),
      sla_ack_hours: 48,
      sla_first_contact_hours: 168,
      quiet_periods: '[]',
      exam_calendar: '[]',
      consent_required_under_age: 18,
      updated_at: created,
      updated_by: ADMIN_ACCOUNT,
    })
    .execute();

  const staffAccounts = [
    { id: ADMIN_ACCOUNT, role: 'ngo_admin' as const },
    { id: 'rush-acc-cw', role: 'caseworker' as const },
  ];
  const studentIds = Array.from({ length: options.students }, (_, i) => `rush-student-${pad(i)}`);
  const sponsorIds = Array.from({ length: options.sponsors + 1 }, (_, i) => `rush-sponsor-${pad(i)}`);
  const accounts = [
    ...staffAccounts,
    ...studentIds.map((id) => ({ id: `acc-${id}`, role: 'student' as const })),
    ...sponsorIds.map((id) => ({ id: `acc-${id}`, role: 'sponsor' as const })),
  ];
  await insertChunked(accounts, (part) => db.insertInto('accounts').values(part.map((a) => ({ ...a, locale: 'zh-CN', created_at: created, disabled_at: null }))).execute());
  await db
    .insertInto('staff')
    .values([
      { id: 'rush-admin', account_id: ADMIN_ACCOUNT, ngo_id: NGO_ID, role: 'ngo_admin', full_name: '王主任', username: null, password_hash: null, created_at: created },
      { id: 'rush-cw', account_id: 'rush-acc-cw', ngo_id: NGO_ID, role: 'caseworker', full_name: '李社工', username: null, password_hash: null, created_at: created },
    ])
    .execute();

  const students = studentIds.map((id, i) => ({
    id,
    ngo_id: NGO_ID,
    account_id: `acc-${id}`,
    caseworker_id: 'rush-cw',
    legal_name: `学生${pad(i)}`,
    display_name: `小${'明红华丽强军芳敏'[i % 8]}${pad(i)}`,
    gender: 'unspecified' as const,
    date_of_birth: `${2010 + (i % 4)}-0${1 + (i % 9)}-15`,
    school_name: '毕节市第一中学',
    school_stage: 'middle' as const,
    grade: 7 + (i % 3),
    expected_graduation: '2029-07-01',
    province: '贵州',
    city: '毕节',
    village: null,
    story: '喜欢读书，想当一名老师。',
    story_approved_at: created,
    photo_key: null,
    yearly_need_fen: 240_000 + (i % 5) * 30_000,
    program_status: 'active' as const,
    // Distinct, so the pool's order (longest-waiting first) is the same on every instance.
    pool_since: new Date(now - 30 * DAY + i * 60_000).toISOString(),
    last_heard_at: at,
    next_due_at: new Date(now + 30 * DAY).toISOString(),
    ladder_next_at: new Date(now + 30 * DAY).toISOString(),
    created_at: created,
    updated_at: created,
  }));
  await insertChunked(students, (part) => db.insertInto('students').values(part).execute());
  await insertChunked(studentIds, (part) =>
    db
      .insertInto('guardian_consents')
      .values(
        part.map((id) => ({
          id: `consent-${id}`,
          student_id: id,
          guardian_name: '张奶奶',
          relation: '祖母',
          consented_on: created.slice(0, 10),
          method: 'in_person' as const,
          scope: 'program,sponsor_profile,letters,photos',
          retain_until: '2035-12-31',
          recorded_by: 'rush-cw',
          created_at: created,
          withdrawn_at: null,
          withdrawn_reason: null,
        })),
      )
      .execute(),
  );
  await insertChunked(sponsorIds, (part) =>
    db
      .insertInto('sponsors')
      .values(part.map((id, i) => ({ id, account_id: `acc-${id}`, display_name: `爱心人士${id.slice(-4)}${i % 10}`, created_at: created })))
      .execute(),
  );

  const sessionOf = new Map<string, string>();
  const sessions = [ADMIN_ACCOUNT, ...sponsorIds.map((id) => `acc-${id}`)].map((accountId) => {
    const token = randomBytes(32).toString('base64url');
    sessionOf.set(accountId, token);
    return { id: `session-${accountId}`, account_id: accountId, token_hash: hashToken(token), method: 'demo' as const, created_at: at, expires_at: expires, revoked_at: null };
  });
  await insertChunked(sessions, (part) => db.insertInto('sessions').values(part).execute());

  const tokens = sponsorIds.map((id) => sessionOf.get(`acc-${id}`)!);
  return { adminToken: sessionOf.get(ADMIN_ACCOUNT)!, studentIds, sponsorTokens: tokens.slice(1), observerToken: tokens[0] };
}
