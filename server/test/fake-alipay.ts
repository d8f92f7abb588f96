import { createSign, createVerify, generateKeyPairSync, randomBytes, randomInt } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AlipayMerchant } from '../platforms/payments/gateway';
import { chinaDateTime, fenFromYuan, yuanFromFen } from '../platforms/payments/alipay-pay-values';
import { tradeBillZip, type FakeBillRow } from './fake-alipay-bill';

/**
 * A local Alipay classic gateway (`/gateway.do`) over real HTTP: it checks each request's RSA2
 * signature with the calling app's public key and the app_auth_token of authorized calls, signs every
 * answer and notice with its own "Alipay" private key, and keeps trades, refunds and daily bills.
 * A code from `alipay.trade.precreate` has no trade until it is scanned (paid), as at Alipay.
 */

export interface FakeAlipayTrade {
  outTradeNo: string;
  tradeNo: string;
  /** The app that created it and the seller it pays. */
  appId: string;
  sellerId: string;
  amountFen: number;
  subject: string;
  productCode?: string;
  opAppId?: string;
  buyerId?: string;
  status: 'WAIT_BUYER_PAY' | 'TRADE_SUCCESS' | 'TRADE_CLOSED' | 'TRADE_FINISHED';
  /** Set for `alipay.trade.precreate`; `scanned` once paid. */
  qrCode?: string;
  scanned: boolean;
  notifyUrl?: string;
  /** China wall-clock `yyyy-MM-dd HH:mm:ss`, as sent. */
  timeExpire?: string;
  createdAt: Date;
  paidAt?: Date;
  /** What notices name instead of the real values, set by `pay()` to test mismatches. */
  reported: { amountFen?: number; sellerId?: string };
  refunds: { outRequestNo: string; amountFen: number; reason?: string; at: Date }[];
}

export interface FakeAlipayNotice {
  headers: Record<string, string>;
  body: Buffer;
}

export interface FakeAlipayApp {
  appId: string;
  privateKey: string;
  alipayPublicKey: string;
}

export interface FakeAlipay {
  /** The gateway URL (`…/gateway.do`), for ALIPAY_PAY_GATEWAY_URL. */
  url: string;
  /** An NGO's own app (PKCS#8 key), paying seller `directSellerId`. */
  direct: AlipayMerchant & { mode: 'direct' };
  directSellerId: string;
  /** The server's own app (PKCS#1 key), which acts for `authorized`. */
  serverApp: FakeAlipayApp;
  authorized: AlipayMerchant & { mode: 'authorized' };
  /** A public key that is not the fake's: answers checked with it fail. */
  otherPublicKey: string;
  orders(): FakeAlipayTrade[];
  /**
   * Pays an open trade (by out_trade_no, or by the code of a precreated one), then POSTs its signed
   * notice to its notify_url unless `notify` is false. `amountFen` / `sellerId` change what the
   * notice and the query say was paid. Throws when the trade is not payable (paid, closed, expired).
   */
  pay(outTradeNoOrQrCode: string, opts?: { buyerId?: string; amountFen?: number; sellerId?: string; notify?: boolean; at?: Date }): Promise<void>;
  /** A signed notice for a trade as it stands, or for one of its refunds (`refundOf` = out_request_no). */
  noticeFor(
    outTradeNo: string,
    opts?: { tamper?: 'signature' | 'amount-after-signing'; amountFen?: number; sellerId?: string; buyerId?: string; refundOf?: string },
  ): FakeAlipayNotice;
  sendNotice(url: string, notice: FakeAlipayNotice): Promise<{ status: number; body: string }>;
  /** Notices sent by `pay()` and their answers. */
  deliveries(): { url: string; status: number; body: string }[];
  /** The next call of `method` answers with this sub_code (`isp.*`: code 20000, otherwise 40004) and changes nothing. */
  failNext(method: string, subCode: string): void;
  /** The next call of `method` is carried out but its answer is lost (HTTP 502). */
  dropNextAnswer(method: string): void;
  /** Requests the gateway received, by method, in order. */
  calls(): { method: string; appId: string; appAuthToken?: string; bizContent: Record<string, unknown>; notifyUrl?: string }[];
  close(): Promise<void>;
}

interface Caller {
  appId: string;
  sellerId: string;
}

type Node = Record<string, unknown>;

class Refusal extends Error {
  constructor(
    readonly subCode: string,
    readonly subMsg: string,
    readonly code = subCode.startsWith('isp.') ? '20000' : subCode.startsWith('aop.') ? '20001' : subCode.startsWith('isv.') ? '40002' : '40004',
  ) {
    super(subMsg);
  }
}

const CODE_MESSAGES: Record<string, string> = {
  '20000': 'Service Currently Unavailable',
  '20001': 'Insufficient Token Permissions',
  '40002': 'Invalid Arguments',
  '40004': 'Business Failed',
};

function keyPair(privateType: 'pkcs8' | 'pkcs1') {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    privateKey: privateKey.export({ type: privateType, format: 'pem' }).toString(),
    publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

const sellerNumber = () => `2088${String(randomInt(1e6)).padStart(6, '0')}${String(randomInt(1e6)).padStart(6, '0')}`;
const digits = (n: number) => Array.from({ length: n }, () => randomInt(10)).join('');
const signContent = (params: Record<string, string>, leaveOut: string[]) =>
  Object.keys(params)
    .filter((key) => !leaveOut.includes(key) && params[key] !== '')
    .sort()
    .map((key) => `${key}=${params[key]}`)
    .join('&');

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startFakeAlipay(options: { now?: () => Date } = {}): Promise<FakeAlipay> {
  const now = options.now ?? (() => new Date());
  const alipayKeys = keyPair('pkcs8');
  const otherKeys = keyPair('pkcs8');
  const directKeys = keyPair('pkcs8');
  const serverKeys = keyPair('pkcs1');
  const direct = { mode: 'direct' as const, appId: `2021${digits(12)}`, privateKey: directKeys.privateKey, alipayPublicKey: alipayKeys.publicKey };
  const directSellerId = sellerNumber();
  const serverApp = { appId: `2021${digits(12)}`, privateKey: serverKeys.privateKey, alipayPublicKey: alipayKeys.publicKey };
  const authorized = { mode: 'authorized' as const, appAuthToken: `202612BB${randomBytes(16).toString('hex')}`, sellerId: sellerNumber() };
  // The NGO's own app that granted the authorization; notices name it as auth_app_id.
  const authorizingAppId = `2021${digits(12)}`;
  const appPublicKeys = new Map([
    [direct.appId, directKeys.publicKey],
    [serverApp.appId, serverKeys.publicKey],
  ]);

  const trades: FakeAlipayTrade[] = [];
  const failures = new Map<string, string>();
  const drops = new Set<string>();
  const bills = new Map<string, { sellerId: string; day: string }>();
  const received: ReturnType<FakeAlipay['calls']> = [];
  const delivered: ReturnType<FakeAlipay['deliveries']> = [];
  let base = '';

  const expired = (trade: FakeAlipayTrade) =>
    trade.timeExpire !== undefined && now().getTime() > new Date(`${trade.timeExpire.replace(' ', 'T')}+08:00`).getTime();
  const closeIfExpired = (trade: FakeAlipayTrade) => {
    if (trade.status === 'WAIT_BUYER_PAY' && expired(trade)) trade.status = 'TRADE_CLOSED';
  };
  const refundedFen = (trade: FakeAlipayTrade) => trade.refunds.reduce((sum, refund) => sum + refund.amountFen, 0);
  /** A trade as the caller can see it: its own, and not a code nobody has scanned yet. */
  const visibleTrade = (caller: Caller, outTradeNo: unknown) => {
    const trade = trades.find((t) => t.sellerId === caller.sellerId && t.outTradeNo === outTradeNo);
    if (!trade || (trade.qrCode && !trade.scanned)) throw new Refusal('ACQ.TRADE_NOT_EXIST', '交易不存在');
    closeIfExpired(trade);
    return trade;
  };

  function authenticate(params: Record<string, string>): Caller {
    const publicKey = appPublicKeys.get(params.app_id);
    if (!publicKey) throw new Refusal('isv.invalid-app-id', '无效的AppID参数');
    const verifies = createVerify('RSA-SHA256').update(signContent(params, ['sign']), 'utf8').verify(publicKey, params.sign ?? '', 'base64');
    if (!verifies || params.sign_type !== 'RSA2') throw new Refusal('isv.invalid-signature', '验签出错，建议检查签名字符串或签名私钥与应用公钥是否匹配');
    if (params.app_id === direct.appId) {
      if (params.app_auth_token) throw new Refusal('aop.invalid-app-auth-token', '无效的应用授权令牌');
      return { appId: direct.appId, sellerId: directSellerId };
    }
    if (params.app_auth_token !== authorized.appAuthToken) throw new Refusal('aop.invalid-app-auth-token', '无效的应用授权令牌');
    return { appId: serverApp.appId, sellerId: authorized.sellerId };
  }

  function openTrade(caller: Caller, biz: Node, notifyUrl: string | undefined, qr: boolean): FakeAlipayTrade {
    const amountFen = fenFromYuan(String(biz.total_amount ?? ''));
    if (!biz.out_trade_no || !biz.subject || amountFen === undefined || amountFen <= 0) throw new Refusal('ACQ.INVALID_PARAMETER', '参数无效');
    if (!qr && !biz.buyer_id && !biz.buyer_open_id) throw new Refusal('ACQ.INVALID_PARAMETER', '买家不能为空');
    const existing = trades.find((t) => t.sellerId === caller.sellerId && t.outTradeNo === biz.out_trade_no);
    if (existing) {
      closeIfExpired(existing);
      if (existing.status === 'TRADE_SUCCESS' || existing.status === 'TRADE_FINISHED') throw new Refusal('ACQ.TRADE_HAS_SUCCESS', '交易已被支付');
      if (existing.status === 'TRADE_CLOSED') throw new Refusal('ACQ.TRADE_HAS_CLOSE', '交易已经关闭');
      if (existing.amountFen !== amountFen) throw new Refusal('ACQ.CONTEXT_INCONSISTENT', '交易信息被篡改');
      return existing;
    }
    const trade: FakeAlipayTrade = {
      outTradeNo: String(biz.out_trade_no),
      tradeNo: `${chinaDateTime(now()).slice(0, 10).replace(/-/g, '')}22001${digits(15)}`,
      appId: caller.appId,
      sellerId: caller.sellerId,
      amountFen,
      subject: String(biz.subject),
      productCode: biz.product_code as string | undefined,
      opAppId: biz.op_app_id as string | undefined,
      buyerId: (biz.buyer_id ?? biz.buyer_open_id) as string | undefined,
      status: 'WAIT_BUYER_PAY',
      qrCode: qr ? `https://qr.alipay.com/bax0${randomBytes(10).toString('hex')}` : undefined,
      scanned: false,
      notifyUrl,
      timeExpire: biz.time_expire as string | undefined,
      createdAt: now(),
      reported: {},
      refunds: [],
    };
    trades.push(trade);
    return trade;
  }

  const refundNode = (trade: FakeAlipayTrade, fundChange: 'Y' | 'N'): Node => ({
    trade_no: trade.tradeNo,
    out_trade_no: trade.outTradeNo,
    buyer_logon_id: 'buy***@example.com',
    fund_change: fundChange,
    refund_fee: yuanFromFen(refundedFen(trade)),
    gmt_refund_pay: chinaDateTime(now()),
    buyer_user_id: trade.buyerId,
  });

  const methods: Record<string, (caller: Caller, biz: Node, params: Record<string, string>) => Node> = {
    'alipay.trade.create': (caller, biz, params) => {
      const trade = openTrade(caller, biz, params.notify_url, false);
      return { out_trade_no: trade.outTradeNo, trade_no: trade.tradeNo };
    },
    'alipay.trade.precreate': (caller, biz, params) => {
      const trade = openTrade(caller, biz, params.notify_url, true);
      return { out_trade_no: trade.outTradeNo, qr_code: trade.qrCode };
    },
    'alipay.trade.query': (caller, biz) => {
      const trade = visibleTrade(caller, biz.out_trade_no);
      const paid = trade.paidAt !== undefined;
      return {
        trade_no: trade.tradeNo,
        out_trade_no: trade.outTradeNo,
        buyer_logon_id: trade.buyerId ? 'buy***@example.com' : undefined,
        trade_status: trade.status,
        total_amount: yuanFromFen(trade.reported.amountFen ?? trade.amountFen),
        buyer_pay_amount: paid ? yuanFromFen(trade.amountFen) : '0.00',
        send_pay_date: paid ? chinaDateTime(trade.paidAt!) : undefined,
        buyer_user_id: trade.buyerId && /^2088/.test(trade.buyerId) ? trade.buyerId : undefined,
        buyer_open_id: trade.buyerId && !/^2088/.test(trade.buyerId) ? trade.buyerId : undefined,
      };
    },
    'alipay.trade.close': (caller, biz) => {
      const trade = trades.find((t) => t.sellerId === caller.sellerId && t.outTradeNo === biz.out_trade_no);
      if (trade?.qrCode && !trade.scanned && trade.status === 'WAIT_BUYER_PAY') trade.status = 'TRADE_CLOSED';
      const visible = visibleTrade(caller, biz.out_trade_no);
      if (visible.status === 'TRADE_SUCCESS' || visible.status === 'TRADE_FINISHED') throw new Refusal('ACQ.TRADE_STATUS_ERROR', '交易状态不合法');
      visible.status = 'TRADE_CLOSED';
      return { trade_no: visible.tradeNo, out_trade_no: visible.outTradeNo };
    },
    'alipay.trade.refund': (caller, biz) => {
      const trade = visibleTrade(caller, biz.out_trade_no);
      const amountFen = fenFromYuan(String(biz.refund_amount ?? ''));
      const outRequestNo = String(biz.out_request_no ?? '');
      if (amountFen === undefined || amountFen <= 0 || !outRequestNo) throw new Refusal('ACQ.INVALID_PARAMETER', '参数无效');
      const repeat = trade.refunds.find((refund) => refund.outRequestNo === outRequestNo);
      if (repeat) {
        if (repeat.amountFen !== amountFen) throw new Refusal('ACQ.CONTEXT_INCONSISTENT', '交易信息被篡改');
        return refundNode(trade, 'N');
      }
      if (trade.status !== 'TRADE_SUCCESS') throw new Refusal('ACQ.TRADE_STATUS_ERROR', '交易状态不合法');
      if (refundedFen(trade) + amountFen > trade.amountFen) throw new Refusal('ACQ.REFUND_AMT_NOT_EQUAL_TOTAL', '退款金额超限');
      trade.refunds.push({ outRequestNo, amountFen, reason: biz.refund_reason as string | undefined, at: now() });
      if (refundedFen(trade) === trade.amountFen) trade.status = 'TRADE_CLOSED';
      return refundNode(trade, 'Y');
    },
    'alipay.trade.fastpay.refund.query': (caller, biz) => {
      const trade = visibleTrade(caller, biz.out_trade_no);
      const refund = trade.refunds.find((r) => r.outRequestNo === biz.out_request_no);
      if (!refund) return { trade_no: trade.tradeNo, out_trade_no: trade.outTradeNo };
      const withPayDate = Array.isArray(biz.query_options) && biz.query_options.includes('gmt_refund_pay');
      return {
        trade_no: trade.tradeNo,
        out_trade_no: trade.outTradeNo,
        out_request_no: refund.outRequestNo,
        total_amount: yuanFromFen(trade.amountFen),
        refund_amount: yuanFromFen(refund.amountFen),
        refund_status: 'REFUND_SUCCESS',
        gmt_refund_pay: withPayDate ? chinaDateTime(refund.at) : undefined,
      };
    },
    'alipay.data.dataservice.bill.downloadurl.query': (caller, biz) => {
      if (biz.bill_type !== 'trade' || !/^\d{4}-\d{2}-\d{2}$/.test(String(biz.bill_date))) throw new Refusal('ACQ.INVALID_PARAMETER', '参数无效');
      const token = randomBytes(12).toString('hex');
      bills.set(token, { sellerId: caller.sellerId, day: String(biz.bill_date) });
      return { bill_download_url: `${base}/bills/${token}.csv.zip` };
    },
  };

  function billRows(sellerId: string, day: string): FakeBillRow[] {
    const onDay = (at: Date) => chinaDateTime(at).slice(0, 10) === day;
    const rows: FakeBillRow[] = [];
    for (const trade of trades.filter((t) => t.sellerId === sellerId && t.paidAt)) {
      const common = { tradeNo: trade.tradeNo, outTradeNo: trade.outTradeNo, subject: trade.subject, createdAt: chinaDateTime(trade.createdAt), buyer: 'buy***@example.com' };
      if (onDay(trade.paidAt!)) {
        rows.push({ ...common, kind: '交易', finishedAt: chinaDateTime(trade.paidAt!), amountYuan: yuanFromFen(trade.amountFen), outRequestNo: '' });
      }
      for (const refund of trade.refunds.filter((r) => onDay(r.at))) {
        rows.push({ ...common, kind: '退款', finishedAt: chinaDateTime(refund.at), amountYuan: yuanFromFen(-refund.amountFen), outRequestNo: refund.outRequestNo });
      }
    }
    return rows;
  }

  function answer(response: ServerResponse, method: string, node: Node) {
    const responseKey = `${method.replace(/\./g, '_')}_response`;
    const nodeText = JSON.stringify(node);
    // Alipay cannot sign for an app it does not know: it answers with a placeholder.
    const sign =
      node.sub_code === 'isv.invalid-app-id'
        ? 'ERITJKEIJKJHKKKKKKKHJEREEEEEEEEEEE'
        : createSign('RSA-SHA256').update(nodeText, 'utf8').sign(alipayKeys.privateKey, 'base64');
    response.writeHead(200, { 'content-type': 'text/html;charset=utf-8' });
    response.end(`{"${responseKey}":${nodeText},"sign":"${sign}"}`);
  }

  async function handleGateway(request: IncomingMessage, response: ServerResponse) {
    const query = new URL(request.url ?? '/', base).searchParams;
    const params: Record<string, string> = Object.fromEntries(query);
    Object.assign(params, Object.fromEntries(new URLSearchParams(await readBody(request))));
    const method = params.method ?? '';
    let biz: Node = {};
    try {
      biz = JSON.parse(params.biz_content ?? '{}') as Node;
    } catch {
      // answered below as invalid arguments
    }
    received.push({ method, appId: params.app_id, appAuthToken: params.app_auth_token, bizContent: biz, notifyUrl: params.notify_url });
    let node: Node;
    try {
      const caller = authenticate(params);
      const handler = methods[method];
      if (!handler) throw new Refusal('isv.invalid-method', '不存在的方法名');
      const scripted = failures.get(method);
      if (scripted) {
        failures.delete(method);
        throw new Refusal(scripted, 'scripted failure');
      }
      node = { code: '10000', msg: 'Success', ...handler(caller, biz, params) };
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      node = { code: error.code, msg: CODE_MESSAGES[error.code], sub_code: error.subCode, sub_msg: error.subMsg };
    }
    if (drops.delete(method)) {
      response.writeHead(502).end();
      return;
    }
    answer(response, method, node);
  }

  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://fake').pathname;
    const bill = /^\/bills\/([0-9a-f]+)\.csv\.zip$/.exec(path);
    if (request.method === 'POST' && path === '/gateway.do') {
      handleGateway(request, response).catch(() => response.writeHead(500).end());
    } else if (request.method === 'GET' && bill && bills.has(bill[1])) {
      const { sellerId, day } = bills.get(bill[1])!;
      response.writeHead(200, { 'content-type': 'application/zip' });
      response.end(tradeBillZip(sellerId, day, billRows(sellerId, day)));
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const findTrade = (ref: string) => {
    const trade = trades.find((t) => t.outTradeNo === ref || t.qrCode === ref);
    if (!trade) throw new Error(`fake Alipay: no trade ${ref}`);
    return trade;
  };

  function noticeFor(outTradeNo: string, opts: Parameters<FakeAlipay['noticeFor']>[1] = {}): FakeAlipayNotice {
    const trade = findTrade(outTradeNo);
    const buyer = opts.buyerId ?? trade.buyerId;
    const amountFen = opts.amountFen ?? trade.reported.amountFen ?? trade.amountFen;
    const params: Record<string, string | undefined> = {
      notify_time: chinaDateTime(now()),
      notify_type: 'trade_status_sync',
      notify_id: randomBytes(16).toString('hex'),
      charset: 'utf-8',
      version: '1.0',
      sign_type: 'RSA2',
      app_id: trade.appId,
      auth_app_id: trade.appId === serverApp.appId ? authorizingAppId : trade.appId,
      trade_no: trade.tradeNo,
      out_trade_no: trade.outTradeNo,
      seller_id: opts.sellerId ?? trade.reported.sellerId ?? trade.sellerId,
      buyer_id: buyer && /^2088/.test(buyer) ? buyer : undefined,
      buyer_open_id: buyer && !/^2088/.test(buyer) ? buyer : undefined,
      trade_status: trade.status,
      total_amount: yuanFromFen(amountFen),
      receipt_amount: yuanFromFen(amountFen),
      buyer_pay_amount: yuanFromFen(amountFen),
      subject: trade.subject,
      gmt_create: chinaDateTime(trade.createdAt),
      gmt_payment: trade.paidAt ? chinaDateTime(trade.paidAt) : undefined,
    };
    if (opts.refundOf) {
      const index = trade.refunds.findIndex((refund) => refund.outRequestNo === opts.refundOf);
      if (index < 0) throw new Error(`fake Alipay: no refund ${opts.refundOf}`);
      params.out_biz_no = opts.refundOf;
      params.refund_fee = yuanFromFen(trade.refunds.slice(0, index + 1).reduce((sum, refund) => sum + refund.amountFen, 0));
      params.gmt_refund = `${chinaDateTime(trade.refunds[index].at)}.000`;
    }
    const defined = Object.fromEntries(Object.entries(params).filter((entry): entry is [string, string] => entry[1] !== undefined));
    let sign = createSign('RSA-SHA256').update(signContent(defined, ['sign', 'sign_type']), 'utf8').sign(alipayKeys.privateKey, 'base64');
    if (opts.tamper === 'signature') sign = `${sign[0] === 'A' ? 'B' : 'A'}${sign.slice(1)}`;
    if (opts.tamper === 'amount-after-signing') defined.total_amount = yuanFromFen(amountFen + 100);
    const body = Object.entries({ ...defined, sign })
      .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
      .join('&');
    return { headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }, body: Buffer.from(body, 'utf8') };
  }

  async function sendNotice(url: string, notice: FakeAlipayNotice) {
    const response = await fetch(url, { method: 'POST', headers: notice.headers, body: new Uint8Array(notice.body) });
    return { status: response.status, body: await response.text() };
  }

  return {
    url: `${base}/gateway.do`,
    direct,
    directSellerId,
    serverApp,
    authorized,
    otherPublicKey: otherKeys.publicKey,
    orders: () => trades.map((trade) => ({ ...trade, reported: { ...trade.reported }, refunds: [...trade.refunds] })),
    async pay(ref, opts = {}) {
      const trade = findTrade(ref);
      closeIfExpired(trade);
      if (trade.status !== 'WAIT_BUYER_PAY') throw new Error(`fake Alipay: trade ${trade.outTradeNo} is ${trade.status}, not payable`);
      trade.status = 'TRADE_SUCCESS';
      trade.scanned = true;
      trade.paidAt = opts.at ?? now();
      trade.buyerId = opts.buyerId ?? trade.buyerId ?? sellerNumber();
      trade.reported = { amountFen: opts.amountFen, sellerId: opts.sellerId };
      if (opts.notify === false || !trade.notifyUrl) return;
      const outcome = await sendNotice(trade.notifyUrl, noticeFor(trade.outTradeNo));
      delivered.push({ url: trade.notifyUrl, ...outcome });
    },
    noticeFor,
    sendNotice,
    deliveries: () => [...delivered],
    failNext: (method, subCode) => void failures.set(method, subCode),
    dropNextAnswer: (method) => void drops.add(method),
    calls: () => [...received],
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
