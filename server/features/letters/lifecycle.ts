import { assertTransition, IllegalLetterTransition, type LetterActor, type LetterStatus } from '../../../domain/letters';
import type { Db } from '../../db/connect';
import { AppError } from '../../lib/errors';
import { newId } from '../../lib/ids';

export interface LetterState {
  id: string;
  status: LetterStatus;
}

export interface MoveOptions {
  /** The account that made the move; null for the system (screening, delivery). */
  actorAccountId: string | null;
  reason?: string | null;
  detail?: Record<string, unknown> | null;
  now: Date;
}

/** Appends one step to a letter's history, numbered so steps at the same instant keep their order. */
export async function recordLetterEvent(
  db: Db,
  letterId: string,
  from: LetterStatus | null,
  to: LetterStatus,
  options: MoveOptions,
): Promise<void> {
  const { n } = await db
    .selectFrom('letter_events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('letter_id', '=', letterId)
    .executeTakeFirstOrThrow();
  await db
    .insertInto('letter_events')
    .values({
      id: newId(),
      letter_id: letterId,
      from_status: from,
      to_status: to,
      actor_account_id: options.actorAccountId,
      reason: options.reason ?? null,
      detail: options.detail ? JSON.stringify(options.detail) : null,
      created_at: options.now.toISOString(),
      seq: Number(n) + 1,
    })
    .execute();
}

/**
 * The only way a letter's status changes: the domain state machine must allow the move for this
 * actor, the row must still be in the status we read (a concurrent change answers 409), and the step
 * is written to the letter's history. `letter.status` is updated in place for chained moves.
 */
export async function moveLetter(db: Db, letter: LetterState, to: LetterStatus, actor: LetterActor, options: MoveOptions): Promise<void> {
  try {
    assertTransition(letter.status, to, actor);
  } catch (error) {
    if (error instanceof IllegalLetterTransition) throw new AppError('CONFLICT', { cause: error });
    throw error;
  }
  const at = options.now.toISOString();
  const updated = await db
    .updateTable('letters')
    .set({ status: to, status_changed_at: at })
    .where('id', '=', letter.id)
    .where('status', '=', letter.status)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) throw new AppError('CONFLICT');
  await recordLetterEvent(db, letter.id, letter.status, to, options);
  letter.status = to;
}
