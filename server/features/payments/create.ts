import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import QRCode from 'qrcode';
import type { ClientPayParams, CreatePaymentOrderBody, CreatedPaymentOrder } from '../../../domain/api/payments';
import { amountForPeriods } from '../../../domain/payments/periods';
import type { PrincipalOf } from '../../access/principal';
import { visibleSponsorships } from '../../access/scopes';
import { recordAudit } from '../../audit/record';
import { AppError } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { PlatformPayError, type ClientPayParams as GatewayPayParams } from '../../platforms/payments/gateway';
import { ledgerTotals } from '../ledger/repository';
import { ledgerFigures } from '../ledger/schedule';
import { merchantGateway } from '../merchants/gateways';
import { writeTransaction } from '../silence/write-transaction';
import { openOrders, orderView } from './repository';
import { closeOpenOrder, orderGateway } from './settle';

/** The platform refuses payment after this long; the query job then closes the order. */
export const ORDER_LIFETIME_MS = 30 * 60_000;
/** The first query of an order whose notice has not come. */
const FIRST_QUERY_AFTER_MS = 60_000;

/** What the payer's bill says: the program and the NGO, never anything about the student. */
export const orderDescription = (ngoName: string) => `伴学助学 · ${ngoName.slice(0, 30)}`;

/** `out_trade_no`: 32 characters of [0-9a-f], unique. */
const newOutTradeNo = () => randomBytes(16).toString('hex');

/** The sponsor's own sponsorship with what paying needs; 404 when it is not theirs. */
async function payableSponsorship(app: FastifyInstance, principal: PrincipalOf<'sponsor'>, id: string) {
  const s = await visibleSponsorships(app.db, principal)
    .innerJoin('students', 'students.id', 'sponsorships.student_id')
    .innerJoin('ngos', 'ngos.id', 'students.ngo_id')
    .select([
      'sponsorships.id',
      'sponsorships.status',
      'sponsorships.amount_fen',
      'sponsorships.cadence',
      'sponsorships.start_date',
      'sponsorships.end_date',
      'students.id as student_id',
      'students.ngo_id',
      'ngos.name as ngo_name',
    ])
    .where('sponsorships.id', '=', id)
    .executeTakeFirst();
  if (!s) throw new AppError('NOT_FOUND');
  // A reservation is still in its review period (paying never skips it); a finished sponsorship takes nothing more.
  if (s.status !== 'active') throw new AppError('SPONSORSHIP_NOT_PAYABLE');
  return s;
}

async function withQrImage(pay: GatewayPayParams): Promise<ClientPayParams> {
  if (pay.kind !== 'qr') return pay;
  return { ...pay, qrImage: await QRCode.toDataURL(pay.codeUrl, { errorCorrectionLevel: 'M', margin: 2, width: 320 }) };
}

const platformUnavailable = (error: unknown) => (error instanceof PlatformPayError ? new AppError('PLATFORM_UNAVAILABLE', { cause: error }) : error);

/**
 * A sponsor pays the next `periods` unpaid periods of their sponsorship to the NGO's own merchant. The
 * sponsorship's previous open order is closed first (a payment made on it meanwhile is recorded and
 * counted). The order is written once the platform has accepted it, so a refused or failed platform
 * call leaves nothing behind and a retry runs again.
 */
export async function createPaymentOrder(
  app: FastifyInstance,
  principal: PrincipalOf<'sponsor'>,
  sponsorshipId: string,
  body: CreatePaymentOrderBody,
): Promise<CreatedPaymentOrder> {
  const now = app.clock.now();
  const s = await payableSponsorship(app, principal, sponsorshipId);
  const merchant = await merchantGateway(app, { ngoId: s.ngo_id, platform: body.platform });
  if (!merchant) throw new AppError('PAYMENT_NOT_AVAILABLE');
  let payerSubject: string | null = null;
  if (body.channel === 'jsapi') {
    const identity = await app.db
      .selectFrom('platform_identities')
      .select('subject')
      .where('account_id', '=', principal.accountId)
      .where('platform', '=', body.platform)
      .executeTakeFirst();
    if (!identity) throw new AppError('PAYER_ACCOUNT_NEEDED');
    payerSubject = identity.subject;
  }

  try {
    for (const previous of await openOrders(app.db, s.id)) {
      const gateway = await orderGateway(app, previous);
      if (gateway) await closeOpenOrder(app, gateway, previous, now);
    }
  } catch (error) {
    throw platformUnavailable(error);
  }

  const paidFen = (await ledgerTotals(app.db, [s.id])).get(s.id)!.paidFen;
  const { schedule } = ledgerFigures({ startDate: s.start_date, endDate: s.end_date, cadence: s.cadence, amountFen: s.amount_fen }, paidFen);
  const amount = amountForPeriods(schedule, paidFen, body.periods);
  if (!amount.ok) throw new AppError('TOO_MANY_PERIODS', { details: [{ field: 'periods', message: `periods:max:${amount.maxPeriods}` }] });

  const id = newId();
  const outTradeNo = newOutTradeNo();
  const expiresAt = new Date(now.getTime() + ORDER_LIFETIME_MS).toISOString();
  let pay: GatewayPayParams;
  try {
    pay = await merchant.gateway.createOrder({
      outTradeNo,
      amountFen: amount.amountFen,
      description: orderDescription(s.ngo_name),
      channel: body.channel,
      payerSubject: payerSubject ?? undefined,
      expiresAt,
      notifyUrl: merchant.notifyUrl,
    });
  } catch (error) {
    throw platformUnavailable(error);
  }

  const at = now.toISOString();
  const written = await writeTransaction(app.db, app.dialect, async (trx) => {
    // Another request made an order for this sponsorship meanwhile: at most one stays open.
    if ((await openOrders(trx, s.id)).length > 0) return false;
    await trx
      .insertInto('payment_orders')
      .values({
        id,
        out_trade_no: outTradeNo,
        sponsorship_id: s.id,
        sponsor_id: principal.sponsorId,
        ngo_id: s.ngo_id,
        platform: body.platform,
        channel: body.channel,
        merchant_id: merchant.gateway.merchantId,
        amount_fen: amount.amountFen,
        periods: body.periods,
        first_due_on: amount.firstDueOn,
        payer_subject: payerSubject,
        status: 'paying',
        platform_trade_id: null,
        failure_reason: null,
        created_at: at,
        updated_at: at,
        expires_at: expiresAt,
        paid_at: null,
        closed_at: null,
        next_query_at: new Date(now.getTime() + FIRST_QUERY_AFTER_MS).toISOString(),
        query_attempts: 0,
      })
      .execute();
    await recordAudit(trx, principal, now, {
      action: 'payment.order_created',
      entityType: 'payment_order',
      entityId: id,
      studentId: s.student_id,
      detail: { platform: body.platform, channel: body.channel, amountFen: amount.amountFen, periods: body.periods },
    });
    return true;
  });
  if (!written) {
    await merchant.gateway.closeOrder(outTradeNo).catch(() => undefined);
    throw new AppError('CONFLICT');
  }
  const order = (await app.db.selectFrom('payment_orders').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
  return { order: await orderView(app.db, order), pay: await withQrImage(pay) };
}
