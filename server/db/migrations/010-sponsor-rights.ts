import type { Kysely } from 'kysely';
import { widenCheck } from './check-lists';

type AnyDb = Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const OLD_TASK_KINDS = ['talk_request', 'exam_season', 'watch'];
const TASK_KINDS = [...OLD_TASK_KINDS, 'sponsor_left'];

/**
 * A sponsor's rights over their data:
 *  - sponsors.deleted_at: when the sponsor deleted their account (their name is then a pseudonym and
 *    the account can no longer sign in);
 *  - a `sponsor_left` caseworker task: the student's caseworker tells the student, with care, that
 *    their sponsor has left the program.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('sponsors').addColumn('deleted_at', 'text').execute();
  await widenCheck(db, 'caseworker_tasks', 'kind', OLD_TASK_KINDS, TASK_KINDS);
}
