import type { Insertable } from 'kysely';
import type { Db } from '../../db/connect';
import type { StudentTable } from '../../db/schema';

const AT = '2026-01-01T00:00:00.000Z';

/** A student waiting in the pool (with guardian consent) on top of insertWorld's; override anything. */
export async function addWaitingStudent(db: Db, id: string, overrides: Partial<Insertable<StudentTable>> & { consent?: boolean } = {}) {
  const { consent = true, ...fields } = overrides;
  await db
    .insertInto('students')
    .values({
      id,
      ngo_id: 'ngo-a',
      account_id: null,
      caseworker_id: 'staff-cw-a',
      legal_name: `吉克${id}`,
      display_name: `小${id.slice(-2)}`,
      gender: 'female',
      date_of_birth: '2011-03-01',
      school_name: '昭觉县第二中学',
      school_stage: 'middle',
      grade: 8,
      expected_graduation: '2028-07-01',
      province: '四川',
      city: '凉山',
      village: '三河村',
      story: '喜欢读书，想当老师。',
      story_approved_at: AT,
      photo_key: null,
      yearly_need_fen: 240000,
      program_status: 'active',
      pool_since: AT,
      last_heard_at: null,
      next_due_at: null,
      created_at: AT,
      updated_at: AT,
      ...fields,
    })
    .execute();
  if (consent) {
    await db
      .insertInto('guardian_consents')
      .values({
        id: `consent-${id}`,
        student_id: id,
        guardian_name: '吉克木乃',
        relation: '父亲',
        consented_on: '2025-12-01',
        method: 'paper',
        scope: 'program,sponsor_profile,letters,photos',
        retain_until: '2032-12-01',
        recorded_by: 'staff-cw-a',
        created_at: AT,
        withdrawn_at: null,
        withdrawn_reason: null,
      })
      .execute();
  }
}
