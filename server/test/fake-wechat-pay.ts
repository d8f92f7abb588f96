import { createHash, createPrivateKey, createPublicKey, createVerify, randomBytes, X509Certificate, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import type { WechatMerchant } from '../platforms/payments/gateway';
import type { PaymentsConfig, PlatformKey } from '../payments-config';
import {
  buildNotice,
  formatTradeBill,
  signatureHeaders,
  type FakeBillRow,
  type NoticeTamper,
  type WechatNotice,
} from './fake-wechat-pay-wire';
import { chinaRfc3339 } from '../platforms/payments/wechat-pay-wire';

export type { WechatNotice } from './fake-wechat-pay-wire';
export type WechatKeyMode = 'certificate' | 'public_key';
type DirectMerchant = Extract<WechatMerchant, { mode: 'direct' }>;

export interface FakeWechatRefund {
  outRefundNo: string;
  refundId: string;
  outTradeNo: string;
  amountFen: number;
  reason: string;
  notifyUrl: string;
  status: 'PROCESSING' | 'SUCCESS' | 'CLOSED' | 'ABNORMAL';
  createdAt: Date;
  succeededAt?: Date;
}

export interface FakeWechatOrder {
  outTradeNo: string;
  /** The paying merchant: `mchid` (direct) or `sub_mchid` (partner). */
  merchantId: string;
  partner: boolean;
  appId: string;
  description: string;
  amountFen: number;
  payer?: string;
  notifyUrl: string;
  timeExpire: string;
  channel: 'jsapi' | 'qr';
  codeUrl?: string;
  prepayId?: string;
  state: 'NOTPAY' | 'SUCCESS' | 'CLOSED' | 'REFUND';
  transactionId?: string;
  paidAt?: Date;
  /** What WeChat Pay reports instead of the truth, to exercise mismatch handling. */
  reported: { amountFen?: number; merchantId?: string };
  refunds: FakeWechatRefund[];
}

export interface NoticeDelivery {
  url: string;
  eventType: string;
  status: number;
  body: string;
}

type NoticeOptions = { tamper?: NoticeTamper; now?: Date };

/** A bill line given by a test: a payment (`orderFen`) or a successful refund (`refundFen` of an `orderFen` order). */
export interface ExtraBillLine {
  kind: 'payment' | 'refund';
  outTradeNo: string;
  orderFen: number;
  refundFen?: number;
  outRefundNo?: string;
  transactionId?: string;
  /** Default: noon of the bill's day. */
  at?: Date;
}

const keysDir = path.join(__dirname, 'payment-keys');
const readKey = (name: string) => fs.readFileSync(path.join(keysDir, name), 'utf8');
const digits = (count: number) => Array.from(randomBytes(count), (byte) => String(byte % 10)).join('');
const apiV3Key = () => randomBytes(24).toString('base64').replace(/[^0-9A-Za-z]/g, '').padEnd(32, 'K').slice(0, 32);

/** The platform key pair of a key mode and what a merchant is given to verify it. */
function platformKeyOf(keyMode: WechatKeyMode): { id: string; privateKey: KeyObject; given: PlatformKey } {
  if (keyMode === 'certificate') {
    const certificate = readKey('wechatpay-platform-cert.pem');
    const id = new X509Certificate(certificate).serialNumber.toUpperCase();
    return { id, privateKey: createPrivateKey(readKey('wechatpay-platform-key.pem')), given: { id, pem: certificate } };
  }
  const privateKey = createPrivateKey(readKey('wechatpay-public-key-mode-key.pem'));
  const id = 'PUB_KEY_ID_0114232134912410000000000000TEST';
  return { id, privateKey, given: { id, pem: createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString() } };
}

const parseAuthorization = (value: string | undefined) => {
  const match = /^WECHATPAY2-SHA256-RSA2048 (.+)$/.exec(value ?? '');
  return match ? Object.fromEntries(Array.from(match[1].matchAll(/(\w+)="([^"]*)"/g), (m) => [m[1], m[2]])) : undefined;
};

/**
 * A local WeChat Pay API v3 over real HTTP: it checks each request's merchant signature, signs each answer
 * with its platform key (certificate or public-key mode), and posts signed, encrypted notices. It serves
 * a direct merchant and a service provider with its sub-merchants. `now` is the clock of notices and
 * payments (answers are signed with the real time, which the client checks).
 */
export async function startFakeWechatPay(options: { keyMode?: WechatKeyMode; now?: () => Date } = {}) {
  const clock = options.now ?? (() => new Date());
  const platformKey = platformKeyOf(options.keyMode ?? 'certificate');
  const merchantKey = readKey('wechatpay-merchant-key.pem');
  const providerKey = readKey('wechatpay-provider-key.pem');

  const directMerchants = new Map<string, DirectMerchant>();
  const addDirectMerchant = (): DirectMerchant => {
    const merchant: DirectMerchant = {
      mode: 'direct',
      mchId: `123${digits(7)}`,
      serialNo: randomBytes(20).toString('hex').toUpperCase(),
      privateKey: merchantKey,
      apiV3Key: apiV3Key(),
      platformKeys: [platformKey.given],
    };
    directMerchants.set(merchant.mchId, merchant);
    return merchant;
  };
  const direct = addDirectMerchant();
  const provider: NonNullable<PaymentsConfig['wechatPayProvider']> = {
    mchId: '1900000100',
    serialNo: randomBytes(20).toString('hex').toUpperCase(),
    privateKey: providerKey,
    apiV3Key: apiV3Key(),
    platformKeys: [platformKey.given],
  };
  const subMerchants = new Set<string>();
  const addSubMerchant = () => {
    const id = `19${digits(8)}`;
    subMerchants.add(id);
    return id;
  };
  const subMchId = '1900000109';
  subMerchants.add(subMchId);

  const orders: FakeWechatOrder[] = [];
  const scripted: { path: RegExp; status: number; code: string; delayMs: number }[] = [];
  const bills = new Map<string, { lines: ExtraBillLine[]; only: boolean }>();
  const billFiles = new Map<string, Buffer>();
  let corruptNextBill = false;
  let holdRefunds = false;
  const deliveries: NoticeDelivery[] = [];
  const pending = new Set<Promise<unknown>>();
  let sendNotice = async (url: string, notice: WechatNotice) => {
    try {
      const response = await fetch(url, { method: 'POST', headers: notice.headers, body: new Uint8Array(notice.body) });
      return { status: response.status, body: await response.text() };
    } catch (error) {
      return { status: 0, body: (error as Error).message };
    }
  };

  const app = Fastify({ logger: false, forceCloseConnections: true });
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => done(null, body));

  const answer = (reply: FastifyReply, status: number, body?: object) => {
    reply.code(status).type('application/json; charset=utf-8');
    return reply.send(body === undefined ? '' : JSON.stringify(body));
  };
  const fail = (reply: FastifyReply, status: number, code: string, message: string) => answer(reply, status, { code, message });

  // Every answer is signed, as WeChat Pay does, with the real time (the client rejects answers skewed more than 5 minutes).
  app.addHook('onSend', async (_request, reply, payload) => {
    if (typeof payload === 'string') reply.headers(signatureHeaders(platformKey, payload, new Date()));
    return payload;
  });

  /** The caller that signed the request: a direct merchant or the provider (null: refused with 401). */
  type Caller = { kind: 'direct'; mchId: string } | { kind: 'provider' };
  const callers = new WeakMap<FastifyRequest, Caller>();
  app.addHook('preHandler', async (request, reply) => {
    const auth = parseAuthorization(request.headers.authorization);
    const signer = auth && (auth.mchid === provider.mchId ? provider : directMerchants.get(auth.mchid));
    const body = typeof request.body === 'string' ? request.body : '';
    const message = `${request.method}\n${request.raw.url}\n${auth?.timestamp}\n${auth?.nonce_str}\n${body}\n`;
    const valid =
      signer &&
      auth.serial_no === signer.serialNo &&
      (() => {
        try {
          return createVerify('RSA-SHA256').update(message).verify(createPublicKey(signer.privateKey), auth.signature, 'base64');
        } catch {
          return false;
        }
      })();
    if (!valid) return fail(reply, 401, 'SIGN_ERROR', '签名错误');
    callers.set(request, signer === provider ? { kind: 'provider' } : { kind: 'direct', mchId: auth.mchid });
    const script = scripted.findIndex((entry) => entry.path.test(request.raw.url ?? ''));
    if (script >= 0) {
      const [entry] = scripted.splice(script, 1);
      if (entry.delayMs) await new Promise((resolve) => setTimeout(resolve, entry.delayMs));
      if (entry.status) return fail(reply, entry.status, entry.code, 'scripted failure');
    }
  });

  const json = (request: FastifyRequest) => JSON.parse(String(request.body ?? '{}')) as Record<string, unknown>;
  /** The merchant a request acts for, from its fields, if the signer may act for it. */
  const actingMerchant = (request: FastifyRequest, fields: Record<string, unknown>, partner: boolean): string | undefined => {
    const caller = callers.get(request);
    if (partner) return caller?.kind === 'provider' && fields.sp_mchid === provider.mchId && subMerchants.has(String(fields.sub_mchid)) ? String(fields.sub_mchid) : undefined;
    return caller?.kind === 'direct' && fields.mchid === caller.mchId ? caller.mchId : undefined;
  };
  const findOrder = (merchantId: string, outTradeNo: string) => orders.find((o) => o.merchantId === merchantId && o.outTradeNo === outTradeNo);

  const transactionOf = (order: FakeWechatOrder, overrides: { amountFen?: number; merchantId?: string; payer?: string } = {}) => {
    const merchantId = overrides.merchantId ?? order.reported.merchantId ?? order.merchantId;
    const payer = overrides.payer ?? order.payer;
    const paid = order.state === 'SUCCESS' || order.state === 'REFUND';
    return {
      ...(order.partner ? { sp_appid: order.appId, sp_mchid: provider.mchId, sub_mchid: merchantId } : { appid: order.appId, mchid: merchantId }),
      out_trade_no: order.outTradeNo,
      trade_type: order.channel === 'jsapi' ? 'JSAPI' : 'NATIVE',
      trade_state: order.state,
      trade_state_desc: { NOTPAY: '未支付', SUCCESS: '支付成功', CLOSED: '已关闭', REFUND: '转入退款' }[order.state],
      ...(paid
        ? {
            transaction_id: order.transactionId,
            bank_type: 'OTHERS',
            success_time: chinaRfc3339(order.paidAt!),
            payer: order.partner ? { sp_openid: payer } : { openid: payer },
            amount: { total: overrides.amountFen ?? order.reported.amountFen ?? order.amountFen, payer_total: order.amountFen, currency: 'CNY', payer_currency: 'CNY' },
          }
        : { amount: { total: order.amountFen, currency: 'CNY' } }),
    };
  };
  const refundOf = (order: FakeWechatOrder, refund: FakeWechatRefund) => ({
    ...(order.partner ? { sp_mchid: provider.mchId, sub_mchid: order.merchantId } : { mchid: order.merchantId }),
    refund_id: refund.refundId,
    out_refund_no: refund.outRefundNo,
    transaction_id: order.transactionId,
    out_trade_no: order.outTradeNo,
    channel: 'ORIGINAL',
    user_received_account: '支付用户零钱',
    create_time: chinaRfc3339(refund.createdAt),
    ...(refund.succeededAt ? { success_time: chinaRfc3339(refund.succeededAt) } : {}),
    status: refund.status,
    amount: { total: order.amountFen, refund: refund.amountFen, payer_total: order.amountFen, payer_refund: refund.amountFen, currency: 'CNY' },
  });

  const apiV3KeyOf = (order: FakeWechatOrder) => (order.partner ? provider.apiV3Key : directMerchants.get(order.merchantId)!.apiV3Key);
  const orderNamed = (outTradeNo: string) => {
    const order = orders.find((o) => o.outTradeNo === outTradeNo || o.codeUrl === outTradeNo);
    if (!order) throw new Error(`the fake WeChat Pay has no order ${outTradeNo}`);
    return order;
  };
  const refundNamed = (outRefundNo: string) => {
    for (const order of orders) {
      const refund = order.refunds.find((r) => r.outRefundNo === outRefundNo);
      if (refund) return { order, refund };
    }
    throw new Error(`the fake WeChat Pay has no refund ${outRefundNo}`);
  };

  function noticeFor(outTradeNo: string, opts: NoticeOptions & { amountFen?: number; mchid?: string; payer?: string } = {}): WechatNotice {
    const order = orderNamed(outTradeNo);
    if (!order.paidAt) throw new Error(`order ${outTradeNo} is not paid: WeChat Pay sends no success notice for it`);
    const transaction = { ...transactionOf(order, { amountFen: opts.amountFen, merchantId: opts.mchid, payer: opts.payer }), trade_state: 'SUCCESS', trade_state_desc: '支付成功' };
    return buildNotice({
      eventType: 'TRANSACTION.SUCCESS',
      summary: '支付成功',
      originalType: 'transaction',
      resource: transaction,
      apiV3Key: apiV3KeyOf(order),
      platformKey,
      now: opts.now ?? clock(),
      tamper: opts.tamper,
    });
  }

  function refundNoticeFor(outRefundNo: string, opts: NoticeOptions = {}): WechatNotice {
    const { order, refund } = refundNamed(outRefundNo);
    if (refund.status === 'PROCESSING') throw new Error(`refund ${outRefundNo} is still processing: WeChat Pay sends no notice yet`);
    const { status, ...rest } = refundOf(order, refund);
    return buildNotice({
      eventType: `REFUND.${status}`,
      summary: status === 'SUCCESS' ? '退款成功' : '退款异常',
      originalType: 'refund',
      resource: { ...rest, refund_status: status },
      apiV3Key: apiV3KeyOf(order),
      platformKey,
      now: opts.now ?? clock(),
      tamper: opts.tamper,
    });
  }

  async function deliver(url: string, notice: WechatNotice): Promise<NoticeDelivery> {
    const eventType = (JSON.parse(notice.body.toString()) as { event_type: string }).event_type;
    const result = await sendNotice(url, notice);
    const delivery = { url, eventType, ...result };
    deliveries.push(delivery);
    return delivery;
  }
  const deliverLater = (url: string, notice: () => WechatNotice) => {
    const delivery = new Promise((resolve) => setImmediate(resolve)).then(() => deliver(url, notice()));
    pending.add(delivery);
    void delivery.finally(() => pending.delete(delivery));
  };

  async function createOrder(request: FastifyRequest, reply: FastifyReply, partner: boolean, channel: 'jsapi' | 'qr') {
    const body = json(request);
    const merchantId = actingMerchant(request, body, partner);
    if (!merchantId) return fail(reply, 403, 'NO_AUTH', '商户号与签名不一致或未授权');
    const amount = body.amount as { total?: unknown; currency?: unknown } | undefined;
    const payer = (body.payer as { openid?: string; sp_openid?: string } | undefined)?.[partner ? 'sp_openid' : 'openid'];
    const appId = String(body[partner ? 'sp_appid' : 'appid'] ?? '');
    const valid =
      appId &&
      typeof body.out_trade_no === 'string' && /^[0-9A-Za-z_\-|*]{6,32}$/.test(body.out_trade_no) &&
      typeof body.description === 'string' && Buffer.byteLength(body.description) <= 127 &&
      typeof body.notify_url === 'string' && /^https?:\/\//.test(body.notify_url) &&
      Number.isInteger(amount?.total) && Number(amount?.total) > 0 && amount?.currency === 'CNY' &&
      typeof body.time_expire === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/.test(body.time_expire) &&
      (channel === 'qr' || Boolean(payer));
    if (!valid) return fail(reply, 400, 'PARAM_ERROR', '参数错误');
    const existing = findOrder(merchantId, body.out_trade_no as string);
    if (existing) {
      if (existing.state === 'SUCCESS' || existing.state === 'REFUND') return fail(reply, 400, 'ORDERPAID', '该订单已支付');
      if (existing.state === 'CLOSED') return fail(reply, 400, 'ORDER_CLOSED', '订单已关闭');
      if (existing.amountFen !== amount?.total || existing.channel !== channel) return fail(reply, 400, 'INVALID_REQUEST', '商户订单号重复');
      return answer(reply, 200, channel === 'qr' ? { code_url: existing.codeUrl } : { prepay_id: existing.prepayId });
    }
    const order: FakeWechatOrder = {
      outTradeNo: body.out_trade_no as string,
      merchantId,
      partner,
      appId,
      description: body.description as string,
      amountFen: Number(amount?.total),
      payer,
      notifyUrl: body.notify_url as string,
      timeExpire: body.time_expire as string,
      channel,
      codeUrl: channel === 'qr' ? `weixin://wxpay/bizpayurl?pr=${randomBytes(6).toString('hex')}` : undefined,
      prepayId: channel === 'jsapi' ? `wx${digits(12)}${randomBytes(8).toString('hex')}` : undefined,
      state: 'NOTPAY',
      reported: {},
      refunds: [],
    };
    orders.push(order);
    return answer(reply, 200, channel === 'qr' ? { code_url: order.codeUrl } : { prepay_id: order.prepayId });
  }

  for (const partner of [false, true]) {
    const base = partner ? '/v3/pay/partner/transactions' : '/v3/pay/transactions';
    app.post(`${base}/jsapi`, (request, reply) => createOrder(request, reply, partner, 'jsapi'));
    app.post(`${base}/native`, (request, reply) => createOrder(request, reply, partner, 'qr'));
    app.get<{ Params: { no: string } }>(`${base}/out-trade-no/:no`, async (request, reply) => {
      const merchantId = actingMerchant(request, request.query as Record<string, unknown>, partner);
      if (!merchantId) return fail(reply, 403, 'NO_AUTH', '商户号与签名不一致或未授权');
      const order = findOrder(merchantId, request.params.no);
      return order ? answer(reply, 200, transactionOf(order)) : fail(reply, 404, 'ORDER_NOT_EXIST', '订单不存在');
    });
    app.post<{ Params: { no: string } }>(`${base}/out-trade-no/:no/close`, async (request, reply) => {
      const merchantId = actingMerchant(request, json(request), partner);
      if (!merchantId) return fail(reply, 403, 'NO_AUTH', '商户号与签名不一致或未授权');
      const order = findOrder(merchantId, request.params.no);
      if (!order) return fail(reply, 404, 'ORDER_NOT_EXIST', '订单不存在');
      if (order.state === 'SUCCESS' || order.state === 'REFUND') return fail(reply, 400, 'ORDERPAID', '该订单已支付');
      order.state = 'CLOSED';
      return answer(reply, 204);
    });
  }

  /** The order a refund request names, if the signer may act for its merchant. */
  const refundTarget = (request: FastifyRequest, subMchIdField: unknown, outTradeNo: unknown) => {
    const caller = callers.get(request);
    const merchantId = caller?.kind === 'direct' ? caller.mchId : subMerchants.has(String(subMchIdField)) ? String(subMchIdField) : undefined;
    return merchantId ? findOrder(merchantId, String(outTradeNo)) : undefined;
  };

  app.post('/v3/refund/domestic/refunds', async (request, reply) => {
    const body = json(request);
    const amount = body.amount as { refund?: number; total?: number; currency?: string } | undefined;
    const order = refundTarget(request, body.sub_mchid, body.out_trade_no);
    if (!order) return fail(reply, 404, 'RESOURCE_NOT_EXISTS', '订单不存在');
    const outRefundNo = String(body.out_refund_no ?? '');
    if (!/^[0-9A-Za-z_\-|*@]{1,64}$/.test(outRefundNo)) return fail(reply, 400, 'PARAM_ERROR', '参数错误');
    const same = order.refunds.find((r) => r.outRefundNo === outRefundNo);
    if (same) return answer(reply, 200, refundOf(order, same));
    if (order.state !== 'SUCCESS' && order.state !== 'REFUND') return fail(reply, 400, 'INVALID_REQUEST', '订单未支付，不能退款');
    if (!Number.isInteger(amount?.refund) || amount!.refund! <= 0 || amount?.total !== order.amountFen || amount?.currency !== 'CNY') {
      return fail(reply, 400, 'PARAM_ERROR', '参数错误');
    }
    const refunded = order.refunds.filter((r) => r.status !== 'CLOSED' && r.status !== 'ABNORMAL').reduce((sum, r) => sum + r.amountFen, 0);
    if (refunded + amount!.refund! > order.amountFen) return fail(reply, 400, 'INVALID_REQUEST', '申请退款金额超过订单可退金额');
    const now = clock();
    const refund: FakeWechatRefund = {
      outRefundNo,
      refundId: `50${digits(26)}`,
      outTradeNo: order.outTradeNo,
      amountFen: amount!.refund!,
      reason: String(body.reason ?? ''),
      notifyUrl: String(body.notify_url ?? ''),
      status: holdRefunds ? 'PROCESSING' : 'SUCCESS',
      createdAt: now,
      succeededAt: holdRefunds ? undefined : now,
    };
    order.refunds.push(refund);
    order.state = 'REFUND';
    if (refund.status === 'SUCCESS' && refund.notifyUrl) deliverLater(refund.notifyUrl, () => refundNoticeFor(outRefundNo));
    return answer(reply, 200, refundOf(order, refund));
  });

  app.get<{ Params: { no: string } }>('/v3/refund/domestic/refunds/:no', async (request, reply) => {
    const caller = callers.get(request);
    const subMchIdField = (request.query as Record<string, unknown>).sub_mchid;
    const found = orders.flatMap((order) => order.refunds.filter((r) => r.outRefundNo === request.params.no).map((refund) => ({ order, refund })))[0];
    const allowed = found && (caller?.kind === 'direct' ? found.order.merchantId === caller.mchId : found.order.merchantId === subMchIdField);
    return allowed ? answer(reply, 200, refundOf(found.order, found.refund)) : fail(reply, 404, 'RESOURCE_NOT_EXISTS', '退款单不存在');
  });

  const billRowsOf = (merchantId: string, day: string): FakeBillRow[] => {
    const onDay = (at: Date | undefined) => at !== undefined && chinaRfc3339(at).slice(0, 10) === day;
    const rows: FakeBillRow[] = [];
    for (const order of orders.filter((o) => o.merchantId === merchantId)) {
      const ids = order.partner ? { mchId: provider.mchId, subMchId: order.merchantId } : { mchId: order.merchantId };
      const base = {
        ...ids,
        appId: order.appId,
        transactionId: order.transactionId ?? '',
        outTradeNo: order.outTradeNo,
        payer: order.payer ?? '',
        tradeType: order.channel === 'jsapi' ? ('JSAPI' as const) : ('NATIVE' as const),
        orderFen: order.amountFen,
        description: order.description,
      };
      if (onDay(order.paidAt)) rows.push({ ...base, kind: 'payment', at: order.paidAt! });
      for (const refund of order.refunds.filter((r) => r.status === 'SUCCESS' && onDay(r.succeededAt))) {
        rows.push({ ...base, kind: 'refund', at: refund.succeededAt!, refundId: refund.refundId, outRefundNo: refund.outRefundNo, refundFen: refund.amountFen });
      }
    }
    const scriptedBill = bills.get(`${merchantId}:${day}`);
    const mchIds = subMerchants.has(merchantId) ? { mchId: provider.mchId, subMchId: merchantId } : { mchId: merchantId };
    const extra = (scriptedBill?.lines ?? []).map(
      (line): FakeBillRow => ({
        ...mchIds,
        kind: line.kind,
        at: line.at ?? new Date(`${day}T12:00:00+08:00`),
        appId: 'wx-fake-app',
        transactionId: line.transactionId ?? `42000${digits(23)}`,
        outTradeNo: line.outTradeNo,
        payer: 'oFakeBillPayer',
        tradeType: 'JSAPI',
        orderFen: line.orderFen,
        refundId: line.kind === 'refund' ? `50${digits(26)}` : undefined,
        outRefundNo: line.outRefundNo,
        refundFen: line.refundFen,
        description: '伴学资助',
      }),
    );
    return [...(scriptedBill?.only ? [] : rows), ...extra];
  };

  app.get('/v3/bill/tradebill', async (request, reply) => {
    const query = request.query as Record<string, string | undefined>;
    const caller = callers.get(request);
    const merchantId = caller?.kind === 'direct' ? caller.mchId : query.sub_mchid && subMerchants.has(query.sub_mchid) ? query.sub_mchid : undefined;
    if (!merchantId) return fail(reply, 403, 'NO_AUTH', '未授权');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(query.bill_date ?? '') || query.bill_type !== 'ALL') return fail(reply, 400, 'PARAM_ERROR', '参数错误');
    const rows = billRowsOf(merchantId, query.bill_date!);
    if (rows.length === 0) return fail(reply, 400, 'NO_STATEMENT_EXIST', '当前商户号在指定日期内没有成功的交易');
    const file = formatTradeBill(rows);
    const token = randomBytes(12).toString('hex');
    const hash = createHash('sha1').update(file).digest('hex');
    billFiles.set(token, corruptNextBill ? Buffer.concat([file, Buffer.from('`1,`0.01\r\n')]) : file);
    corruptNextBill = false;
    return answer(reply, 200, { hash_type: 'SHA1', hash_value: hash, download_url: `${url}/v3/billdownload/file?token=${token}` });
  });

  app.get('/v3/billdownload/file', async (request, reply) => {
    const file = billFiles.get((request.query as Record<string, string>).token);
    if (!file) return fail(reply, 404, 'RESOURCE_NOT_EXISTS', '账单不存在');
    return reply.type('application/octet-stream').send(file);
  });

  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  const url = address.replace('localhost', '127.0.0.1');

  return {
    /** Give as WECHATPAY_BASE_URL (or `baseUrl`). */
    url,
    direct,
    provider,
    /** A sub-merchant under `provider`. */
    subMchId,
    keyMode: options.keyMode ?? 'certificate',
    addDirectMerchant,
    addSubMerchant,
    orders: () => orders,
    deliveries: () => deliveries,
    /**
     * The payer pays (order named by out_trade_no or code_url): SUCCESS, then, unless `notify` is false, a
     * TRANSACTION.SUCCESS notice to the order's notify_url. `amountFen` / `mchid` change what WeChat Pay reports.
     */
    async pay(outTradeNoOrCodeUrl: string, opts: { payer?: string; amountFen?: number; mchid?: string; notify?: boolean; now?: Date } = {}) {
      const order = orderNamed(outTradeNoOrCodeUrl);
      const now = opts.now ?? clock();
      if (order.state !== 'NOTPAY') throw new Error(`order ${order.outTradeNo} is ${order.state}, it cannot be paid`);
      if (now.getTime() > Date.parse(order.timeExpire)) throw new Error(`order ${order.outTradeNo} expired at ${order.timeExpire}`);
      order.state = 'SUCCESS';
      order.paidAt = now;
      order.transactionId = `42000${digits(23)}`;
      order.payer = opts.payer ?? order.payer ?? `oFakeQrPayer${randomBytes(8).toString('hex')}`;
      order.reported = { amountFen: opts.amountFen, merchantId: opts.mchid };
      return opts.notify === false ? null : deliver(order.notifyUrl, noticeFor(order.outTradeNo, { now }));
    },
    noticeFor,
    refundNoticeFor,
    /** Posts a notice (by default with fetch; see `routeNotices`). */
    sendNotice: (target: string, notice: WechatNotice) => sendNotice(target, notice),
    /** Sends notices through `send` instead of HTTP (e.g. to `app.inject`). */
    routeNotices(send: (target: string, notice: WechatNotice) => Promise<{ status: number; body: string }>) {
      sendNotice = send;
    },
    /** The next request whose path matches fails with this status and code (status 0: only delayed by `delayMs`). */
    failNext(pathPattern: RegExp, status: number, code: string, delayMs = 0) {
      scripted.push({ path: pathPattern, status, code, delayMs });
    },
    /** While held, refunds answer PROCESSING and wait for `finishRefund`. */
    holdRefunds(hold: boolean) {
      holdRefunds = hold;
    },
    async finishRefund(outRefundNo: string, status: 'SUCCESS' | 'CLOSED' | 'ABNORMAL' = 'SUCCESS', notify = true) {
      const { refund } = refundNamed(outRefundNo);
      refund.status = status;
      if (status === 'SUCCESS') refund.succeededAt = clock();
      return notify ? deliver(refund.notifyUrl, refundNoticeFor(outRefundNo)) : null;
    },
    /**
     * Lines added to a merchant's bill of one China day (`YYYY-MM-DD`), beyond the fake's own trades of that day;
     * `only`: the bill holds just these lines. The merchant is the direct one unless named (`mchid` or `sub_mchid`).
     */
    setBill(day: string, lines: ExtraBillLine[], options: { merchantId?: string; only?: boolean } = {}) {
      bills.set(`${options.merchantId ?? direct.mchId}:${day}`, { lines, only: options.only ?? false });
    },
    /** The next bill file served does not match the hash given for it. */
    corruptNextBill() {
      corruptNextBill = true;
    },
    /** Waits for notices sent in the background (refunds) to be delivered. */
    async idle() {
      while (pending.size > 0) await Promise.all(pending);
    },
    close: () => app.close(),
  };
}

export type FakeWechatPay = Awaited<ReturnType<typeof startFakeWechatPay>>;
