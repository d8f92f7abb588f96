import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { AlipayRequestError, AlipaySdk, type AlipaySdkCommonResult } from 'alipay-sdk';
import { BillFormatError, parseTradeBill } from './alipay-pay-bill';
import { noticeMeaning, noticeParams } from './alipay-pay-notice';
import { chinaDateTime, fenFromYuan, instantFromChina, yuanFromFen } from './alipay-pay-values';
import {
  NoticeRejected,
  PlatformPayError,
  type AlipayMerchant,
  type PaymentGateway,
  type PlatformRefund,
  type PlatformTrade,
} from './gateway';

export interface AlipayGatewayOptions {
  /** The classic gateway (`…/gateway.do`) every call goes to. */
  gatewayUrl: string;
  /**
   * The server's own Alipay app (`ALIPAY_APP_ID`, the mini-program): it acts for NGOs in `authorized`
   * mode, and is named as `op_app_id` on mini-program payments of an NGO's own app, whose buyer ids
   * are the mini-program's.
   */
  serverApp?: { appId: string; privateKey: string; alipayPublicKey: string };
  timeoutMs: number;
}

/** Key text as PEM: accepts PEM or the bare base64 line Alipay's key tools and console show. */
function privateKeyPem(text: string): string {
  const trimmed = text.replace(/\\n/g, '\n').trim();
  let key: KeyObject;
  if (trimmed.startsWith('-----BEGIN')) key = createPrivateKey(trimmed);
  else {
    const der = Buffer.from(trimmed, 'base64');
    try {
      key = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
    } catch {
      key = createPrivateKey({ key: der, format: 'der', type: 'pkcs1' });
    }
  }
  return key.export({ type: 'pkcs8', format: 'pem' }).toString();
}

function publicKeyPem(text: string): string {
  const trimmed = text.replace(/\\n/g, '\n').trim();
  const key = trimmed.startsWith('-----BEGIN')
    ? createPublicKey(trimmed)
    : createPublicKey({ key: Buffer.from(trimmed, 'base64'), format: 'der', type: 'spki' });
  return key.export({ type: 'spki', format: 'pem' }).toString();
}

function sdkFor(app: { appId: string; privateKey: string; alipayPublicKey: string }, options: AlipayGatewayOptions): AlipaySdk {
  let privateKey: string;
  let alipayPublicKey: string;
  try {
    privateKey = privateKeyPem(app.privateKey);
    alipayPublicKey = publicKeyPem(app.alipayPublicKey);
  } catch {
    throw new PlatformPayError(`Alipay app ${app.appId}: the app private key or the Alipay public key is not a readable RSA key`);
  }
  return new AlipaySdk({
    appId: app.appId,
    privateKey,
    keyType: 'PKCS8',
    alipayPublicKey,
    gateway: options.gatewayUrl,
    timeout: options.timeoutMs,
    camelcase: false,
  });
}

// A 16-digit id starting 2088 is an Alipay user_id; anything else an open_id.
const ALIPAY_USER_ID = /^2088\d{12}$/;

const TRADE_STATES: Record<string, PlatformTrade['state']> = {
  WAIT_BUYER_PAY: 'paying',
  TRADE_SUCCESS: 'paid',
  TRADE_FINISHED: 'paid',
  TRADE_CLOSED: 'closed',
};

type Answer = AlipaySdkCommonResult & Record<string, string | undefined>;

/**
 * The code an unverifiable answer claims, as a hint only (never trusted as the platform's code): Alipay
 * cannot sign its answer to an app it does not know, e.g. `isv.invalid-app-id`.
 */
function unverifiedCode(raw: string | undefined, method: string): string {
  try {
    const answer = JSON.parse(raw ?? '') as Record<string, { code?: unknown; sub_code?: unknown } | undefined>;
    const node = answer[`${method.replace(/\./g, '_')}_response`] ?? answer.error_response;
    const code = String(node?.sub_code ?? node?.code ?? '');
    return /^[\w.-]{1,64}$/.test(code) ? ` (unverified answer: ${code})` : '';
  } catch {
    return '';
  }
}

/**
 * Alipay payments of one NGO merchant through the classic gateway (OpenAPI 2.0, RSA2, public-key mode).
 * `merchantId` is the NGO's app id in `direct` mode and its seller id (2088…) in `authorized` mode; a
 * notice names the merchant the same way (`app_id` / `seller_id`). `alipay.trade.query` does not name
 * the merchant: it only ever finds the calling merchant's trades, so its answer carries `merchantId`.
 */
export function createAlipayGateway(merchant: AlipayMerchant, options: AlipayGatewayOptions): PaymentGateway {
  if (merchant.mode === 'authorized' && !options.serverApp) {
    throw new PlatformPayError('Alipay authorized mode needs the server’s own Alipay app (ALIPAY_APP_ID, ALIPAY_PRIVATE_KEY, ALIPAY_PUBLIC_KEY)');
  }
  const app = merchant.mode === 'direct' ? merchant : options.serverApp!;
  const sdk = sdkFor(app, options);
  const merchantId = merchant.mode === 'direct' ? merchant.appId : merchant.sellerId;
  const commonParams = merchant.mode === 'authorized' ? { app_auth_token: merchant.appAuthToken } : {};
  const miniProgramAppId = options.serverApp && options.serverApp.appId !== app.appId ? options.serverApp.appId : undefined;

  async function call(method: string, bizContent: Record<string, unknown>, extra: Record<string, string> = {}): Promise<Answer> {
    let answer: AlipaySdkCommonResult;
    try {
      answer = await sdk.exec(
        method,
        { ...commonParams, ...extra, timestamp: chinaDateTime(new Date()), bizContent },
        { validateSign: true },
      );
    } catch (error) {
      const reason = error instanceof AlipayRequestError && error.message.includes('验签失败')
        ? `the answer’s signature does not match the Alipay public key${unverifiedCode(error.responseDataRaw, method)}`
        : `no usable answer (${(error as Error & { cause?: Error }).cause?.name ?? (error as Error).name})`;
      throw new PlatformPayError(`Alipay ${method}: ${reason}`);
    }
    if (answer.code !== '10000') {
      const code = answer.sub_code ?? answer.code;
      // Alipay answers over HTTP 200 whatever happened; its code 20000 (its own failure, to retry) is given as 503, like WeChat's 5xx.
      const httpStatus = answer.code === '20000' ? 503 : 200;
      throw new PlatformPayError(`Alipay ${method}: ${code} ${answer.sub_msg ?? answer.msg ?? ''}`.trim(), code, httpStatus);
    }
    return answer as Answer;
  }

  const isCode = (error: unknown, code: string) => error instanceof PlatformPayError && error.code === code;

  async function queryRefund(outRefundNo: string, outTradeNo: string): Promise<PlatformRefund> {
    const answer = await call('alipay.trade.fastpay.refund.query', {
      out_trade_no: outTradeNo,
      out_request_no: outRefundNo,
      query_options: ['gmt_refund_pay'],
    });
    // No refund data means the refund has not happened; asking again with the same out_request_no is Alipay's remedy.
    const succeeded = answer.refund_amount !== undefined && (answer.refund_status ?? 'REFUND_SUCCESS') === 'REFUND_SUCCESS';
    if (!succeeded) return { outRefundNo, state: 'processing' };
    return { outRefundNo, state: 'succeeded', amountFen: fenFromYuan(answer.refund_amount), platformRefundId: answer.trade_no };
  }

  return {
    platform: 'alipay',
    merchantId,

    async createOrder(input) {
      const biz: Record<string, unknown> = {
        out_trade_no: input.outTradeNo,
        total_amount: yuanFromFen(input.amountFen),
        // Alipay's bill is a CSV whose fields are not quoted.
        subject: input.description.replace(/,/g, '，'),
        time_expire: chinaDateTime(new Date(input.expiresAt)),
      };
      if (input.channel === 'qr') {
        const answer = await call('alipay.trade.precreate', biz, { notify_url: input.notifyUrl });
        if (!answer.qr_code) throw new PlatformPayError('Alipay alipay.trade.precreate: the answer has no qr_code');
        return { kind: 'qr', codeUrl: answer.qr_code };
      }
      if (!input.payerSubject) throw new PlatformPayError('Alipay alipay.trade.create: a mini-program payment needs the payer’s Alipay id');
      biz.product_code = 'JSAPI_PAY';
      if (ALIPAY_USER_ID.test(input.payerSubject)) biz.buyer_id = input.payerSubject;
      else biz.buyer_open_id = input.payerSubject;
      if (miniProgramAppId) biz.op_app_id = miniProgramAppId;
      const answer = await call('alipay.trade.create', biz, { notify_url: input.notifyUrl });
      if (!answer.trade_no) throw new PlatformPayError('Alipay alipay.trade.create: the answer has no trade_no');
      return { kind: 'alipay_trade', tradeNo: answer.trade_no };
    },

    async queryOrder(outTradeNo) {
      let answer: Answer;
      try {
        answer = await call('alipay.trade.query', { out_trade_no: outTradeNo });
      } catch (error) {
        if (isCode(error, 'ACQ.TRADE_NOT_EXIST')) return { outTradeNo, state: 'not_found' };
        throw error;
      }
      const status = answer.trade_status ?? '';
      let state = TRADE_STATES[status];
      if (!state) throw new PlatformPayError(`Alipay alipay.trade.query: unknown trade_status ${status}`);
      const paidAt = instantFromChina(answer.send_pay_date);
      // A paid trade closes once fully refunded; an unpaid one closes without a payment date.
      if (state === 'closed' && paidAt) state = 'refunded';
      const trade: PlatformTrade = { outTradeNo, state, merchantId, amountFen: fenFromYuan(answer.total_amount) };
      if (answer.trade_no) trade.platformTradeId = answer.trade_no;
      const payer = answer.buyer_user_id || answer.buyer_open_id;
      if (payer) trade.payerSubject = payer;
      if (paidAt && state !== 'paying') trade.paidAt = paidAt;
      return trade;
    },

    async closeOrder(outTradeNo) {
      try {
        await call('alipay.trade.close', { out_trade_no: outTradeNo });
      } catch (error) {
        // A code never scanned has no trade at Alipay yet: nothing to close.
        if (!isCode(error, 'ACQ.TRADE_NOT_EXIST')) throw error;
      }
    },

    async refund(input) {
      const answer = await call('alipay.trade.refund', {
        out_trade_no: input.outTradeNo,
        out_request_no: input.outRefundNo,
        refund_amount: yuanFromFen(input.refundFen),
        refund_reason: input.reason,
      });
      // fund_change N: this request changed no money now (e.g. a repeat); only the refund query tells.
      if (answer.fund_change === 'Y') {
        return { outRefundNo: input.outRefundNo, state: 'succeeded', amountFen: input.refundFen, platformRefundId: answer.trade_no };
      }
      return queryRefund(input.outRefundNo, input.outTradeNo);
    },

    queryRefund,

    async tradeBill(day) {
      const answer = await call('alipay.data.dataservice.bill.downloadurl.query', { bill_type: 'trade', bill_date: day });
      if (!answer.bill_download_url) throw new PlatformPayError('Alipay bill: the answer has no bill_download_url');
      let download: Buffer;
      try {
        const response = await fetch(answer.bill_download_url, { signal: AbortSignal.timeout(options.timeoutMs) });
        if (!response.ok) throw new PlatformPayError(`Alipay bill download: HTTP ${response.status}`, undefined, response.status);
        download = Buffer.from(await response.arrayBuffer());
      } catch (error) {
        if (error instanceof PlatformPayError) throw error;
        throw new PlatformPayError(`Alipay bill download: no usable answer (${(error as Error).name})`);
      }
      try {
        return parseTradeBill(download);
      } catch (error) {
        if (error instanceof BillFormatError) throw new PlatformPayError(error.message);
        throw new PlatformPayError(`Alipay bill: unreadable download (${(error as Error).name})`);
      }
    },

    verifyNotice(_headers, rawBody) {
      const params = noticeParams(rawBody);
      let verified = false;
      try {
        verified = Boolean(params.sign) && sdk.checkNotifySignV2(params);
      } catch {
        verified = false;
      }
      if (!verified) throw new NoticeRejected('bad_signature');
      return noticeMeaning(params, merchant.mode === 'direct' ? 'app_id' : 'seller_id');
    },

    noticeAccepted: { status: 200, contentType: 'text/plain', body: 'success' },
    noticeRefused: { status: 400, contentType: 'text/plain', body: 'failure' },
  };
}
