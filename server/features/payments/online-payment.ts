import type { OnlinePayment } from '../../../domain/api/payments';
import { OPEN_STATUSES } from '../../../domain/payments/order-state';
import { payable } from '../../../domain/payments/periods';
import type { Db } from '../../db/connect';
import type { ScheduleRow } from '../ledger/schedule';

/**
 * What the ledger offers a sponsor for paying in the app: the platforms the NGO has a merchant on and
 * the periods still payable (the pledge less what is paid and what an open order would pay). Null when
 * the NGO takes no payments in the app (bank transfer, as the ledger's `payTo` says).
 */
export async function onlinePaymentFor(
  db: Db,
  s: { id: string; ngo_id: string; amount_fen: number },
  schedule: readonly ScheduleRow[],
  paidFen: number,
): Promise<OnlinePayment | null> {
  const merchants = await db.selectFrom('ngo_merchants').select('platform').where('ngo_id', '=', s.ngo_id).where('enabled', '=', 1).orderBy('platform', 'desc').execute();
  if (merchants.length === 0) return null;
  const open = await db
    .selectFrom('payment_orders')
    .select((eb) => eb.fn.sum<number | string>('amount_fen').as('total'))
    .where('sponsorship_id', '=', s.id)
    .where('status', 'in', [...OPEN_STATUSES])
    .executeTakeFirst();
  const left = payable(schedule, paidFen + Number(open?.total ?? 0), s.amount_fen);
  return { platforms: merchants.map((m) => m.platform), nextDueOn: left.nextDueOn, periodAmountFen: left.periodAmountFen, maxPeriods: left.maxPeriods };
}
