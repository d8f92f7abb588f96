import type { CheckinBody, CheckinCreated, CheckinPage } from '../../../domain/api/students';
import type { PrincipalOf } from '../../access/principal';
import { recordHeardFrom } from '../../care-clock/heard-from';
import type { Db } from '../../db/connect';
import { decodeCursor, toPage } from '../../lib/cursor';
import { newId } from '../../lib/ids';
import { notify } from '../notifications/repository';
import { assessStudentWords } from '../wellbeing/record';

type Student = PrincipalOf<'student'>;

/** How soon a caseworker is asked to answer a request to talk. */
export const TALK_REQUEST_DUE_HOURS = 48;

/**
 * A one-tap check-in. It counts as hearing from the student (last heard, next due). "I'd like to talk
 * to my caseworker" also opens a caseworker task and tells the caseworker; it is never shown to a
 * sponsor (the timeline shows only doing_well and busy_exams).
 */
export async function recordCheckin(db: Db, principal: Student, body: CheckinBody, now: Date): Promise<CheckinCreated> {
  const at = now.toISOString();
  const id = newId();
  return db.transaction().execute(async (trx) => {
    await trx
      .insertInto('checkins')
      .values({ id, student_id: principal.studentId, kind: body.kind, mood: body.mood ?? null, note: body.note?.trim() || null, recorded_by: principal.accountId, created_at: at })
      .execute();
    await recordHeardFrom(trx, principal.studentId, now);
    // The note is the student's own words: it may tell of danger (it never reaches the sponsor either way).
    const note = body.note?.trim();
    if (note) await assessStudentWords(trx, principal.studentId, { kind: 'checkin', id, revision: 1 }, note, now);
    const student = await trx
      .selectFrom('students')
      .leftJoin('staff', 'staff.id', 'students.caseworker_id')
      .select(['students.ngo_id', 'students.display_name', 'students.next_due_at', 'staff.account_id as caseworker_account_id'])
      .where('students.id', '=', principal.studentId)
      .executeTakeFirstOrThrow();
    if (body.kind === 'talk_to_caseworker') {
      const dedupeKey = `talk_request:${id}`;
      await trx
        .insertInto('caseworker_tasks')
        .values({
          id: newId(),
          ngo_id: student.ngo_id,
          student_id: principal.studentId,
          kind: 'talk_request',
          status: 'open',
          dedupe_key: dedupeKey,
          due_at: new Date(now.getTime() + TALK_REQUEST_DUE_HOURS * 3600_000).toISOString(),
          created_at: at,
          done_at: null,
        })
        .onConflict((oc) => oc.columns(['ngo_id', 'dedupe_key']).doNothing())
        .execute();
      if (student.caseworker_account_id) {
        await notify(
          trx,
          {
            accountId: student.caseworker_account_id,
            kind: 'talk_request',
            payload: { studentId: principal.studentId, studentDisplayName: student.display_name, checkinId: id },
            dedupeKey,
          },
          now,
        );
      }
    }
    return { id, createdAt: at, nextCheckinWelcomeAt: student.next_due_at };
  });
}

export async function listCheckins(db: Db, principal: Student, page: { limit: number; cursor?: string }): Promise<CheckinPage> {
  const after = decodeCursor(page.cursor, ['text', 'text']);
  let query = db
    .selectFrom('checkins')
    .select(['id', 'kind', 'mood', 'note', 'created_at'])
    .where('student_id', '=', principal.studentId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit + 1);
  if (after) {
    const [createdAt, id] = after;
    query = query.where((eb) => eb.or([eb('created_at', '<', createdAt), eb.and([eb('created_at', '=', createdAt), eb('id', '<', id)])]));
  }
  const { items, nextCursor } = toPage(await query.execute(), page.limit, (r) => [r.created_at, r.id]);
  return { items: items.map((r) => ({ id: r.id, kind: r.kind, mood: r.mood, note: r.note, createdAt: r.created_at })), nextCursor };
}
