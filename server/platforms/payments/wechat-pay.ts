/**
 * WeChat Pay API v3 for one NGO merchant: as a direct merchant with its own keys, or as a sub-merchant
 * under the server's service provider (partner APIs, signed with the provider's keys). Requests are
 * signed and answers verified by `wechatpay-axios-plugin`.
 */
import { createHash, randomBytes } from 'node:crypto';
import { Rsa, Wechatpay } from 'wechatpay-axios-plugin';
import type { PaymentsConfig } from '../../payments-config';
import {
  NoticeRejected,
  PlatformPayError,
  type BillLine,
  type ClientPayParams,
  type CreateOrderInput,
  type PaymentGateway,
  type PlatformRefund,
  type PlatformTrade,
  type RefundInput,
  type WechatMerchant,
} from './gateway';
import { parseWechatTradeBill } from './wechat-pay-bill';
import { platformKeyMap, verifyWechatNotice } from './wechat-pay-notice';
import { chinaRfc3339, toPlatformRefund, toPlatformTrade, type WireRefund, type WireTransaction } from './wechat-pay-wire';

export interface WechatPayOptions {
  baseUrl: string;
  /** The mini-program's app id: `appid` (direct) or `sp_appid` (partner), and the app of `wx.requestPayment`. */
  appId: string;
  provider?: PaymentsConfig['wechatPayProvider'];
  timeoutMs: number;
}

type Signer = NonNullable<PaymentsConfig['wechatPayProvider']>;
type Http = Wechatpay['client']['v3'];
type RequestConfig = Parameters<Http['request']>[0];

/** What axios (under `wechatpay-axios-plugin`) throws for a failed call. */
interface HttpError {
  isAxiosError: true;
  code?: string;
  response?: { status: number; data?: unknown };
}

const isHttpError = (error: unknown): error is HttpError => (error as HttpError | undefined)?.isAxiosError === true;

function signerOf(merchant: WechatMerchant, provider: PaymentsConfig['wechatPayProvider']): Signer {
  if (merchant.mode === 'direct') return merchant;
  if (!provider) throw new PlatformPayError('WeChat Pay sub-merchant mode needs the service provider settings (WECHATPAY_SP_*)', 'NO_PROVIDER');
  return provider;
}

/** A platform error with the call named but nothing of the request's content or keys. */
function payError(call: string, error: unknown): PlatformPayError {
  if (error instanceof PlatformPayError) return error;
  if (isHttpError(error)) {
    const status = error.response?.status;
    const data = error.response?.data as { code?: unknown } | undefined;
    if (status !== undefined && status >= 200 && status < 300) {
      return new PlatformPayError(`WeChat Pay ${call}: the answer's signature did not verify`, 'ANSWER_NOT_VERIFIED', status);
    }
    if (status !== undefined) {
      const code = typeof data?.code === 'string' ? data.code : undefined;
      return new PlatformPayError(`WeChat Pay ${call} answered HTTP ${status}${code ? ` ${code}` : ''}`, code, status);
    }
    const timedOut = error.code === 'ECONNABORTED' || error.code === 'ETIMEDOUT';
    return new PlatformPayError(`WeChat Pay ${call}: ${timedOut ? 'no answer in time' : 'network error'}`, timedOut ? 'TIMEOUT' : 'NETWORK');
  }
  return new PlatformPayError(`WeChat Pay ${call}: unexpected answer`);
}

export function createWechatPayGateway(merchant: WechatMerchant, options: WechatPayOptions): PaymentGateway {
  const partner = merchant.mode === 'sub_merchant';
  const merchantId = merchant.mode === 'direct' ? merchant.mchId : merchant.subMchId;
  let client: { http: Http; signer: Signer; platformKeys: ReturnType<typeof platformKeyMap> } | undefined;

  // Built on first use, so a gateway for a sub-merchant without provider settings fails per call, not at creation.
  const connect = () => {
    if (client) return client;
    const signer = signerOf(merchant, options.provider);
    try {
      const wechatpay = new Wechatpay({
        mchid: signer.mchId,
        serial: signer.serialNo,
        privateKey: signer.privateKey,
        certs: Object.fromEntries(signer.platformKeys.map((key) => [key.id, key.pem])),
        baseURL: `${options.baseUrl.replace(/\/$/, '')}/`,
        timeout: options.timeoutMs,
      });
      client = { http: wechatpay.client.v3, signer, platformKeys: platformKeyMap(signer.platformKeys) };
    } catch {
      // The library's own message may quote the settings; this one names only what to check.
      throw new PlatformPayError('WeChat Pay merchant settings are unreadable: check the private key, serial number and platform keys', 'MERCHANT_SETTINGS');
    }
    return client;
  };

  async function call<T>(name: string, config: RequestConfig): Promise<T> {
    try {
      const response = await connect().http.request<T>(config);
      return response.data;
    } catch (error) {
      throw payError(name, error);
    }
  }

  /** The merchant fields of an order query or close: `mchid`, or `sp_mchid` + `sub_mchid`. */
  const merchantFields = (): Record<string, string> =>
    merchant.mode === 'direct' ? { mchid: merchant.mchId } : { sp_mchid: connect().signer.mchId, sub_mchid: merchant.subMchId };
  const transactionsPath = partner ? 'v3/pay/partner/transactions' : 'v3/pay/transactions';
  const orderPath = (outTradeNo: string) => `${transactionsPath}/out-trade-no/${encodeURIComponent(outTradeNo)}`;

  async function createOrder(input: CreateOrderInput): Promise<ClientPayParams> {
    if (!options.appId) throw new PlatformPayError('WeChat Pay orders name the mini-program: set WECHAT_APP_ID', 'NO_APP_ID');
    if (input.channel === 'jsapi' && !input.payerSubject) throw new PlatformPayError('WeChat Pay JSAPI needs the payer openid', 'PAYER_NEEDED');
    const appField = partner ? { sp_appid: options.appId } : { appid: options.appId };
    const payer = input.channel === 'jsapi' ? { payer: partner ? { sp_openid: input.payerSubject } : { openid: input.payerSubject } } : {};
    const body = {
      ...appField,
      ...merchantFields(),
      description: input.description,
      out_trade_no: input.outTradeNo,
      time_expire: chinaRfc3339(input.expiresAt),
      notify_url: input.notifyUrl,
      amount: { total: input.amountFen, currency: 'CNY' },
      ...payer,
    };
    if (input.channel === 'qr') {
      const answer = await call<{ code_url?: string }>('native order', { method: 'post', url: `${transactionsPath}/native`, data: body });
      if (!answer.code_url) throw new PlatformPayError('WeChat Pay native order: no code_url in the answer');
      return { kind: 'qr', codeUrl: answer.code_url };
    }
    const answer = await call<{ prepay_id?: string }>('JSAPI order', { method: 'post', url: `${transactionsPath}/jsapi`, data: body });
    if (!answer.prepay_id) throw new PlatformPayError('WeChat Pay JSAPI order: no prepay_id in the answer');
    const timeStamp = String(Math.floor(Date.now() / 1000));
    const nonceStr = randomBytes(16).toString('hex');
    const pkg = `prepay_id=${answer.prepay_id}`;
    const paySign = Rsa.sign(`${options.appId}\n${timeStamp}\n${nonceStr}\n${pkg}\n`, connect().signer.privateKey);
    return { kind: 'wechat_jsapi', appId: options.appId, timeStamp, nonceStr, package: pkg, signType: 'RSA', paySign };
  }

  async function queryOrder(outTradeNo: string): Promise<PlatformTrade> {
    try {
      const answer = await call<WireTransaction>('order query', { method: 'get', url: orderPath(outTradeNo), params: merchantFields() });
      return toPlatformTrade(answer, partner);
    } catch (error) {
      if (error instanceof PlatformPayError && error.code === 'ORDER_NOT_EXIST') return { outTradeNo, state: 'not_found' };
      throw payError('order query', error);
    }
  }

  async function closeOrder(outTradeNo: string): Promise<void> {
    try {
      await call('order close', { method: 'post', url: `${orderPath(outTradeNo)}/close`, data: merchantFields() });
    } catch (error) {
      // An order WeChat Pay never took has nothing to close.
      if (!(error instanceof PlatformPayError && error.code === 'ORDER_NOT_EXIST')) throw error;
    }
  }

  async function refund(input: RefundInput): Promise<PlatformRefund> {
    const answer = await call<WireRefund>('refund', {
      method: 'post',
      url: 'v3/refund/domestic/refunds',
      data: {
        ...(partner ? { sub_mchid: merchantId } : {}),
        out_trade_no: input.outTradeNo,
        out_refund_no: input.outRefundNo,
        reason: input.reason,
        notify_url: input.notifyUrl,
        amount: { refund: input.refundFen, total: input.totalFen, currency: 'CNY' },
      },
    });
    return toPlatformRefund(answer);
  }

  async function queryRefund(outRefundNo: string): Promise<PlatformRefund> {
    const answer = await call<WireRefund>('refund query', {
      method: 'get',
      url: `v3/refund/domestic/refunds/${encodeURIComponent(outRefundNo)}`,
      params: partner ? { sub_mchid: merchantId } : undefined,
    });
    return toPlatformRefund(answer);
  }

  async function tradeBill(day: string): Promise<BillLine[]> {
    let bill: { download_url?: string; hash_type?: string; hash_value?: string };
    try {
      bill = await call('trade bill', {
        method: 'get',
        url: 'v3/bill/tradebill',
        params: { bill_date: day, bill_type: 'ALL', ...(partner ? { sub_mchid: merchantId } : {}) },
      });
    } catch (error) {
      // WeChat Pay keeps no bill for a day without trades.
      if (error instanceof PlatformPayError && error.code === 'NO_STATEMENT_EXIST') return [];
      throw error;
    }
    const download = bill.download_url ? new URL(bill.download_url) : undefined;
    if (!download || download.origin !== new URL(options.baseUrl).origin || download.pathname !== '/v3/billdownload/file') {
      throw new PlatformPayError('WeChat Pay trade bill: unexpected download_url', 'BILL_DOWNLOAD_URL');
    }
    // The file itself is not signed; its SHA1 given in the signed answer vouches for it.
    const file = await call<Buffer>('bill download', {
      method: 'get',
      url: 'v3/billdownload/file',
      params: Object.fromEntries(download.searchParams),
      responseType: 'arraybuffer',
    });
    const bytes = Buffer.from(file);
    if (bill.hash_type !== 'SHA1' || createHash('sha1').update(bytes).digest('hex') !== bill.hash_value?.toLowerCase()) {
      throw new PlatformPayError('WeChat Pay trade bill: the file does not match its hash', 'BILL_HASH_MISMATCH');
    }
    try {
      return parseWechatTradeBill(bytes.toString('utf8'));
    } catch (error) {
      throw new PlatformPayError(`WeChat Pay trade bill: ${(error as Error).message}`, 'BILL_UNREADABLE');
    }
  }

  return {
    platform: 'wechat',
    merchantId,
    createOrder,
    queryOrder,
    closeOrder,
    refund,
    queryRefund,
    tradeBill,
    verifyNotice(headers, rawBody, now) {
      let keys: ReturnType<typeof connect>;
      try {
        keys = connect();
      } catch {
        throw new NoticeRejected('unknown_key');
      }
      return verifyWechatNotice(headers, rawBody, now, { platformKeys: keys.platformKeys, apiV3Key: keys.signer.apiV3Key, partner });
    },
    noticeAccepted: { status: 200, contentType: 'application/json', body: '' },
    noticeRefused: { status: 401, contentType: 'application/json', body: JSON.stringify({ code: 'FAIL', message: 'notice not accepted' }) },
  };
}
