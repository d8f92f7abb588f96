import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { ErrorBody } from '../../../domain/api/common';
import { AppError } from '../../lib/errors';
import { NoticeRejected, type NoticeAnswer, type PlatformRefund, type VerifiedNotice } from '../../platforms/payments/gateway';
import { merchantGateway, type MerchantGateway } from '../merchants/gateways';
import { applyRefundOutcome } from '../payment-admin/refunds';
import { applyPlatformTrade, reportUnknownTrade } from './apply';
import { findOrder } from './repository';

const NoticeParams = Type.Object({ merchantRef: Type.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: false });

/** The platform's own answer (WeChat JSON, Alipay `success`), sent as bytes so nothing reserialises it. */
const answer = (reply: FastifyReply, a: NoticeAnswer) => reply.code(a.status).type(a.contentType).send(Buffer.from(a.body));

async function applyRefundNotice(app: FastifyInstance, merchant: MerchantGateway, refund: PlatformRefund, outTradeNo: string, now: Date) {
  const row = await app.db
    .selectFrom('payment_refunds')
    .innerJoin('payment_orders', 'payment_orders.id', 'payment_refunds.order_id')
    .select(['payment_refunds.id', 'payment_orders.ngo_id', 'payment_orders.out_trade_no'])
    .where('payment_refunds.out_refund_no', '=', refund.outRefundNo)
    .executeTakeFirst();
  // A refund made outside Banxue (or of another NGO) is the NGO's business and the daily reconciliation's.
  if (!row || row.ngo_id !== merchant.merchant.ngoId || row.out_trade_no !== outTradeNo) return;
  await applyRefundOutcome(app, { id: row.id }, refund, now);
}

async function applyNotice(app: FastifyInstance, merchant: MerchantGateway, notice: VerifiedNotice, now: Date) {
  if (notice.kind === 'refund') return applyRefundNotice(app, merchant, notice.refund, notice.outTradeNo, now);
  const order = await findOrder(app.db, { outTradeNo: notice.trade.outTradeNo });
  // A notice settles only the orders of the merchant whose keys verified it: another NGO's keys (which
  // that NGO's admin entered) can never vouch for this NGO's order.
  const ours = order && order.ngo_id === merchant.merchant.ngoId && order.platform === merchant.merchant.platform;
  if (!ours) return reportUnknownTrade(app, { ngoId: merchant.merchant.ngoId, platform: merchant.merchant.platform }, notice.trade, now);
  await applyPlatformTrade(app, order, notice.trade, now);
}

/**
 * WeChat Pay and Alipay tell us of payments and refunds here (public: the platforms sign). The raw
 * bytes are verified with the merchant's keys before anything is parsed; a notice that fails is refused
 * (never answered as a success, so the platform tries again and a forger learns nothing).
 */
const noticeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // Only in this plugin: the body stays the bytes the platform signed.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser(['application/json', 'application/x-www-form-urlencoded'], { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  for (const platform of ['wechat', 'alipay'] as const) {
    app.post(
      `/api/payments/notices/${platform}/:merchantRef`,
      {
        config: { access: 'public' },
        schema: {
          tags: ['payments'],
          summary: `${platform === 'wechat' ? 'WeChat Pay' : 'Alipay'} payment and refund notices of one NGO merchant`,
          params: NoticeParams,
          response: { 200: Type.String(), 404: ErrorBody },
        },
      },
      async (request, reply) => {
        const merchant = await merchantGateway(app, { id: request.params.merchantRef }, { includeDisabled: true });
        if (!merchant || merchant.merchant.platform !== platform) throw new AppError('NOT_FOUND');
        const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const now = app.clock.now();
        let notice: VerifiedNotice;
        try {
          notice = merchant.gateway.verifyNotice(request.headers, raw, now);
        } catch (error) {
          if (!(error instanceof NoticeRejected)) throw error;
          request.log.warn({ platform, merchantRef: merchant.merchant.id, reason: error.reason }, 'payment notice refused');
          return answer(reply, merchant.gateway.noticeRefused);
        }
        await applyNotice(app, merchant, notice, now);
        return answer(reply, merchant.gateway.noticeAccepted);
      },
    );
  }
};

export default noticeRoutes;
