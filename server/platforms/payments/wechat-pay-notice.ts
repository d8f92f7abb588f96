import { createPublicKey, createVerify, type KeyObject } from 'node:crypto';
import { Aes } from 'wechatpay-axios-plugin';
import type { PlatformKey } from '../../payments-config';
import { NoticeRejected, type VerifiedNotice } from './gateway';
import { toPlatformRefund, toPlatformTrade, type WireRefund, type WireTransaction } from './wechat-pay-wire';

/** WeChat Pay refuses answers and notices whose timestamp is further than this from the receiver's clock. */
const MAX_CLOCK_SKEW_SECONDS = 300;
/** WeChat Pay sends probes signed with this prefix to check that merchants really verify signatures. */
const SIGNTEST_PREFIX = 'WECHATPAY/SIGNTEST/';

/** Platform keys by `Wechatpay-Serial`: certificate serials and `PUB_KEY_ID_…` alike (a certificate PEM yields its public key). */
export function platformKeyMap(keys: readonly PlatformKey[]): Map<string, KeyObject> {
  return new Map(keys.map((key) => [key.id, createPublicKey(key.pem)]));
}

function header(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const entry = Object.entries(headers).find(([key]) => key.toLowerCase() === name);
  const value = Array.isArray(entry?.[1]) ? entry[1][0] : entry?.[1];
  return value || undefined;
}

interface NoticeEnvelope {
  event_type?: string;
  resource?: { algorithm?: string; ciphertext?: string; nonce?: string; associated_data?: string };
}

/**
 * Checks a notice's signature, timestamp and key over its raw bytes (all before parsing them), then
 * decrypts its resource with the APIv3 key. `partner`: the notice is for a sub-merchant of a service provider.
 */
export function verifyWechatNotice(
  headers: Record<string, string | string[] | undefined>,
  rawBody: Buffer,
  now: Date,
  keys: { platformKeys: Map<string, KeyObject>; apiV3Key: string; partner: boolean },
): VerifiedNotice {
  const timestamp = header(headers, 'wechatpay-timestamp');
  const nonce = header(headers, 'wechatpay-nonce');
  const signature = header(headers, 'wechatpay-signature');
  const serial = header(headers, 'wechatpay-serial');
  if (!timestamp || !nonce || !signature || !serial) throw new NoticeRejected('malformed');
  if (signature.startsWith(SIGNTEST_PREFIX)) throw new NoticeRejected('signtest_probe');
  const seconds = Number(timestamp);
  if (!/^\d{1,12}$/.test(timestamp) || Math.abs(now.getTime() / 1000 - seconds) > MAX_CLOCK_SKEW_SECONDS) {
    throw new NoticeRejected('stale_timestamp');
  }
  const key = keys.platformKeys.get(serial);
  if (!key) throw new NoticeRejected('unknown_key');
  const signed = Buffer.concat([Buffer.from(`${timestamp}\n${nonce}\n`), rawBody, Buffer.from('\n')]);
  let valid = false;
  try {
    valid = createVerify('RSA-SHA256').update(signed).verify(key, signature, 'base64');
  } catch {
    valid = false;
  }
  if (!valid) throw new NoticeRejected('bad_signature');

  let envelope: NoticeEnvelope;
  try {
    envelope = JSON.parse(rawBody.toString('utf8')) as NoticeEnvelope;
  } catch {
    throw new NoticeRejected('malformed');
  }
  const resource = envelope.resource;
  if (resource?.algorithm !== 'AEAD_AES_256_GCM' || !resource.ciphertext || !resource.nonce) throw new NoticeRejected('undecryptable');
  let plaintext: string;
  try {
    plaintext = Aes.AesGcm.decrypt(resource.ciphertext, keys.apiV3Key, resource.nonce, resource.associated_data ?? '');
  } catch {
    throw new NoticeRejected('undecryptable');
  }
  try {
    const content = JSON.parse(plaintext) as WireTransaction & WireRefund;
    if (envelope.event_type?.startsWith('TRANSACTION.')) return { kind: 'trade', trade: toPlatformTrade(content, keys.partner) };
    if (envelope.event_type?.startsWith('REFUND.') && content.out_trade_no) {
      return { kind: 'refund', refund: toPlatformRefund(content), outTradeNo: content.out_trade_no };
    }
  } catch {
    // an unreadable or unknown resource is refused below
  }
  throw new NoticeRejected('malformed');
}
