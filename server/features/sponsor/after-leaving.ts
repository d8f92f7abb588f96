import type { FastifyInstance } from 'fastify';
import type { Reservation } from '../../../domain/api/pool';
import type { AfterLeavingBody, SponsorshipDetail } from '../../../domain/api/sponsorship';
import { recordAudit } from '../../audit/record';
import { AppError } from '../../lib/errors';
import { remainingPledgeFen } from '../pledges/repository';
import { reserveStudent } from '../pledges/workflow';
import { detailRow, isOpen, OPEN, sponsorshipDetail, type Sponsor } from './detail';

/**
 * The sponsor's choice after the NGO recorded that their student left: wait (the sponsorship pauses),
 * end it, or sponsor another student — a reservation of the new student that carries the remaining
 * pledge over, confirmed through the same review step (the old sponsorship ends when it is confirmed).
 */
export async function chooseAfterLeaving(
  app: FastifyInstance,
  principal: Sponsor,
  id: string,
  body: AfterLeavingBody,
): Promise<{ kind: 'detail'; detail: SponsorshipDetail } | { kind: 'reservation'; reservation: Reservation }> {
  const now = app.clock.now();
  const nowIso = now.toISOString();
  const row = await detailRow(app.db, principal, id);
  if (!row) throw new AppError('NOT_FOUND');
  if (row.program_status !== 'left' || !isOpen(row.status)) throw new AppError('STUDENT_NOT_LEFT');

  if (body.choice === 'sponsor_another') {
    if (!body.newStudentId) throw new AppError('VALIDATION_FAILED', { details: [{ field: 'body.newStudentId', message: 'required' }] });
    const remainingFen = await remainingPledgeFen(app.db, id);
    const reservation = await reserveStudent(app, principal, { studentId: body.newStudentId, cadence: row.cadence }, { fromSponsorshipId: id, remainingFen });
    return { kind: 'reservation', reservation };
  }

  const change =
    body.choice === 'wait'
      ? { status: 'paused' as const, end_reason: null, ended_at: null }
      : { status: 'ended' as const, end_reason: 'student_left', ended_at: nowIso };
  await app.db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('sponsorships')
      .set({ ...change, updated_at: nowIso })
      .where('id', '=', id)
      .where('status', 'in', [...OPEN])
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw new AppError('CONFLICT');
    await recordAudit(trx, principal, now, {
      action: body.choice === 'wait' ? 'sponsorships.pause' : 'sponsorships.end',
      entityType: 'sponsorship',
      entityId: id,
      studentId: row.student_id,
      reason: 'student_left',
      detail: { choice: body.choice },
    });
  });
  return { kind: 'detail', detail: await sponsorshipDetail(app, principal, id) };
}
