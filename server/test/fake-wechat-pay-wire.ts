/** How the local WeChat Pay stand-in writes what WeChat Pay writes: signed notices and trade bills. */
import { createSign, randomBytes, randomUUID, type KeyObject } from 'node:crypto';
import { Aes } from 'wechatpay-axios-plugin';
import { chinaRfc3339 } from '../platforms/payments/wechat-pay-wire';

export interface WechatNotice {
  headers: Record<string, string>;
  body: Buffer;
}

export type NoticeTamper = 'signature' | 'ciphertext' | 'timestamp' | 'signtest' | 'serial';

export const signWith = (key: KeyObject, message: string | Buffer) => createSign('RSA-SHA256').update(message).sign(key, 'base64');

/** Response and notice signature headers over `timestamp\nnonce\nbody\n`. */
export function signatureHeaders(key: { id: string; privateKey: KeyObject }, body: string | Buffer, at: Date): Record<string, string> {
  const timestamp = String(Math.floor(at.getTime() / 1000));
  const nonce = randomBytes(16).toString('hex');
  const message = Buffer.concat([Buffer.from(`${timestamp}\n${nonce}\n`), Buffer.from(body), Buffer.from('\n')]);
  return {
    'Wechatpay-Timestamp': timestamp,
    'Wechatpay-Nonce': nonce,
    'Wechatpay-Serial': key.id,
    'Wechatpay-Signature': signWith(key.privateKey, message),
  };
}

/** A notice as WeChat Pay posts it: the resource encrypted with the APIv3 key, the body signed with the platform key. */
export function buildNotice(input: {
  eventType: string;
  summary: string;
  originalType: 'transaction' | 'refund';
  resource: object;
  apiV3Key: string;
  platformKey: { id: string; privateKey: KeyObject };
  now: Date;
  tamper?: NoticeTamper;
}): WechatNotice {
  const nonce = randomBytes(6).toString('hex');
  let ciphertext = Aes.AesGcm.encrypt(JSON.stringify(input.resource), input.apiV3Key, nonce, input.originalType);
  if (input.tamper === 'ciphertext') {
    const bytes = Buffer.from(ciphertext, 'base64');
    bytes[0] ^= 0x01;
    ciphertext = bytes.toString('base64');
  }
  const body = Buffer.from(
    JSON.stringify({
      id: randomUUID(),
      create_time: chinaRfc3339(input.now),
      resource_type: 'encrypt-resource',
      event_type: input.eventType,
      summary: input.summary,
      resource: { original_type: input.originalType, algorithm: 'AEAD_AES_256_GCM', ciphertext, associated_data: input.originalType, nonce },
    }),
  );
  const signedAt = input.tamper === 'timestamp' ? new Date(input.now.getTime() - 600_000) : input.now;
  const headers = signatureHeaders(input.platformKey, body, signedAt);
  if (input.tamper === 'signature') headers['Wechatpay-Signature'] = signWith(input.platformKey.privateKey, 'something else');
  if (input.tamper === 'signtest') headers['Wechatpay-Signature'] = `WECHATPAY/SIGNTEST/${randomBytes(64).toString('base64')}`;
  if (input.tamper === 'serial') headers['Wechatpay-Serial'] = 'PUB_KEY_ID_0000000000000000000000000000UNKNOWN';
  return { headers: { ...headers, 'Content-Type': 'application/json' }, body };
}

export const fenToYuan = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

/** One row of a trade bill, before formatting. */
export interface FakeBillRow {
  kind: 'payment' | 'refund';
  at: Date;
  appId: string;
  mchId: string;
  subMchId?: string;
  transactionId: string;
  outTradeNo: string;
  payer: string;
  tradeType: 'JSAPI' | 'NATIVE';
  orderFen: number;
  refundId?: string;
  outRefundNo?: string;
  refundFen?: number;
  description: string;
}

const billHead =
  '交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,应结订单金额,代金券金额,' +
  '微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注';

const billTime = (at: Date) => chinaRfc3339(at).slice(0, 19).replace('T', ' ');

/** The bill file of `bill_type=ALL`: BOM, header, rows with backtick-prefixed fields, summary caption and row. */
export function formatTradeBill(rows: readonly FakeBillRow[]): Buffer {
  const lines = rows.map((row) => {
    const refund = row.kind === 'refund';
    const cells = [
      billTime(row.at), row.appId, row.mchId, row.subMchId ?? '0', '', row.transactionId, row.outTradeNo, row.payer, row.tradeType,
      refund ? 'REFUND' : 'SUCCESS', 'OTHERS', 'CNY', fenToYuan(row.orderFen), '0.00', refund ? row.refundId! : '0', refund ? row.outRefundNo! : '0',
      fenToYuan(refund ? row.refundFen! : 0), '0.00', refund ? 'ORIGINAL' : '', refund ? 'SUCCESS' : '', row.description, '', '0.00000', '0.60%',
      fenToYuan(row.orderFen), fenToYuan(refund ? row.refundFen! : 0), '',
    ];
    return cells.map((cell) => `\`${cell}`).join(',');
  });
  const paid = rows.filter((row) => row.kind === 'payment').reduce((sum, row) => sum + row.orderFen, 0);
  const refunded = rows.filter((row) => row.kind === 'refund').reduce((sum, row) => sum + (row.refundFen ?? 0), 0);
  const summary = [String(rows.length), fenToYuan(paid), fenToYuan(refunded), '0.00', '0.00000', fenToYuan(paid), fenToYuan(refunded)];
  return Buffer.from(
    `\uFEFF${billHead}\r\n${lines.map((line) => `${line}\r\n`).join('')}总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额\r\n` +
      `${summary.map((cell) => `\`${cell}`).join(',')}\r\n`,
  );
}
