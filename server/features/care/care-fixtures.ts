import type { Db } from '../../db/connect';
import type { AlertTable } from '../../db/schema';

/**
 * Test records of the silence ladder written directly (the sweep that creates them in the running app
 * is tested on its own): an episode with its steps, an alert on it, caseworker tasks.
 */
export async function insertEpisodeWithSteps(db: Db, o: { id: string; studentId: string; dueAt: string; steps: [step: string, at: string][] }) {
  await db.insertInto('silence_episodes').values({ id: o.id, student_id: o.studentId, due_at: o.dueAt, opened_at: o.dueAt, closed_at: null, close_reason: null }).execute();
  for (const [step, at] of o.steps) {
    await db.insertInto('silence_steps').values({ id: `${o.id}:${step}`, episode_id: o.id, step, performed_at: at }).execute();
  }
}

const HOUR = 3_600_000;

export async function insertAlert(
  db: Db,
  o: { id: string; studentId: string; ngoId: string; assignee: string | null; openedAt: string; episodeId?: string } & Partial<Pick<AlertTable, 'status' | 'acknowledged_at' | 'first_contact_at' | 'escalated_at'>>,
) {
  const opened = Date.parse(o.openedAt);
  await db
    .insertInto('alerts')
    .values({
      id: o.id,
      student_id: o.studentId,
      ngo_id: o.ngoId,
      episode_id: o.episodeId ?? null,
      assigned_staff_id: o.assignee,
      status: o.status ?? 'open',
      opened_at: o.openedAt,
      ack_due_at: new Date(opened + 48 * HOUR).toISOString(),
      first_contact_due_at: new Date(opened + 168 * HOUR).toISOString(),
      acknowledged_at: o.acknowledged_at ?? null,
      first_contact_at: o.first_contact_at ?? null,
      escalated_at: o.escalated_at ?? null,
      resolved_at: null,
      outcome: null,
      outcome_note: null,
      resume_on: null,
    })
    .execute();
}

export async function insertTask(db: Db, o: { id: string; studentId: string; ngoId: string; kind: 'watch' | 'exam_season' | 'talk_request'; createdAt: string; dueAt?: string | null; detail?: object }) {
  await db
    .insertInto('caseworker_tasks')
    .values({
      id: o.id,
      ngo_id: o.ngoId,
      student_id: o.studentId,
      kind: o.kind,
      status: 'open',
      dedupe_key: `${o.kind}:${o.id}`,
      due_at: o.dueAt ?? null,
      created_at: o.createdAt,
      done_at: null,
      detail: o.detail ? JSON.stringify(o.detail) : null,
    })
    .execute();
}

export async function insertContact(db: Db, o: { studentId: string; kind: 'guardian' | 'school'; name: string; phone: string }) {
  await db
    .insertInto('student_contacts')
    .values({ id: `contact-${o.studentId}-${o.kind}`, student_id: o.studentId, kind: o.kind, name: o.name, relation: o.kind === 'guardian' ? '母亲' : null, phone: o.phone, note: null, created_at: '2026-01-01T00:00:00.000Z' })
    .execute();
}

const AT = '2026-01-01T00:00:00.000Z';

/** A staff member with their account (the shared world has no admin at ngo-b). */
export async function insertStaff(db: Db, o: { id: string; accountId: string; ngoId: string; role: 'caseworker' | 'ngo_admin'; name: string }) {
  await db.insertInto('accounts').values({ id: o.accountId, role: o.role, locale: 'zh-CN', created_at: AT, disabled_at: null }).execute();
  await db.insertInto('staff').values({ id: o.id, account_id: o.accountId, ngo_id: o.ngoId, role: o.role, full_name: o.name, username: null, password_hash: null, created_at: AT }).execute();
}

/** Another student of ngo-a like the shared world's, with an active sponsorship of `sponsorId` when given. */
export async function insertStudent(db: Db, o: { id: string; caseworker: string; sponsorId?: string; ngoId?: string }) {
  const base = await db.selectFrom('students').selectAll().where('id', '=', 'student-a1').executeTakeFirstOrThrow();
  await db
    .insertInto('students')
    .values({ ...base, id: o.id, account_id: null, ngo_id: o.ngoId ?? 'ngo-a', caseworker_id: o.caseworker, display_name: `同学${o.id.slice(-2)}`, pool_since: null })
    .execute();
  if (o.sponsorId) {
    await db
      .insertInto('sponsorships')
      .values({
        id: `sp-${o.id}`,
        sponsor_id: o.sponsorId,
        student_id: o.id,
        status: 'active',
        amount_fen: 25000,
        cadence: 'monthly',
        term_years: 3,
        start_date: '2025-09-01',
        end_date: '2028-07-01',
        reserved_until: null,
        confirmed_at: AT,
        ended_at: null,
        end_reason: null,
        created_at: AT,
        updated_at: AT,
      })
      .execute();
  }
}
