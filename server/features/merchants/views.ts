import type { FastifyInstance } from 'fastify';
import type { AlipayMerchantView, MerchantsView, PlatformKeyView, WechatMerchantView } from '../../../domain/api/merchants';
import type { PlatformKey } from '../../payments-config';
import { noticePath } from './gateways';
import { keyFingerprint, readPlatformKey, readPublicKey } from './keys';
import { findMerchant, type StoredMerchant } from './store';

/**
 * What an NGO admin sees of its merchants: ids, key ids with their expiry, fingerprints, and whether
 * each secret is stored. Built from the row's public part only; the sealed part is never opened here.
 * Which secrets are stored follows from the mode: a save is refused unless the mode's secrets are all there.
 */

function platformKeyView(key: PlatformKey): PlatformKeyView {
  const reading = readPlatformKey(key.pem);
  return reading?.kind === 'certificate'
    ? { id: key.id, kind: 'certificate', expiresAt: reading.validTo.toISOString() }
    : { id: key.id, kind: 'public_key', expiresAt: null };
}

function wechatView(merchant: StoredMerchant): WechatMerchantView {
  const direct = merchant.mode === 'direct';
  const pub = merchant.publicConfig as { serialNo?: string; platformKeys?: PlatformKey[] };
  return {
    mode: direct ? 'direct' : 'sub_merchant',
    merchantId: merchant.merchantId,
    serialNo: direct ? (pub.serialNo ?? null) : null,
    platformKeys: direct ? (pub.platformKeys ?? []).map(platformKeyView) : [],
    privateKeySet: direct,
    apiV3KeySet: direct,
    enabled: merchant.enabled,
    updatedAt: merchant.updatedAt,
  };
}

function alipayView(merchant: StoredMerchant): AlipayMerchantView {
  const direct = merchant.mode === 'direct';
  const publicKey = direct ? readPublicKey(String((merchant.publicConfig as { alipayPublicKey?: string }).alipayPublicKey ?? '')) : null;
  return {
    mode: direct ? 'direct' : 'authorized',
    merchantId: merchant.merchantId,
    alipayPublicKeyFingerprint: publicKey ? keyFingerprint(publicKey.key) : null,
    privateKeySet: direct,
    appAuthTokenSet: !direct,
    enabled: merchant.enabled,
    updatedAt: merchant.updatedAt,
  };
}

/** The NGO's merchant on a platform as its admin manages it: null when none, or when it was removed. */
export async function currentMerchant(app: FastifyInstance, ngoId: string, platform: 'wechat' | 'alipay'): Promise<StoredMerchant | null> {
  const merchant = await findMerchant(app.db, { ngoId, platform });
  return merchant && !merchant.removedAt ? merchant : null;
}

export async function merchantsView(app: FastifyInstance, ngoId: string): Promise<MerchantsView> {
  const [wechat, alipay] = await Promise.all([currentMerchant(app, ngoId, 'wechat'), currentMerchant(app, ngoId, 'alipay')]);
  const noticeUrl = (merchant: StoredMerchant | null) => (merchant ? `${app.config.payments.publicUrl}${noticePath(merchant.platform, merchant.id)}` : null);
  return {
    wechat: wechat && wechatView(wechat),
    alipay: alipay && alipayView(alipay),
    noticeUrls: { wechat: noticeUrl(wechat), alipay: noticeUrl(alipay) },
    providerAvailable: Boolean(app.config.payments.wechatPayProvider),
    alipayAuthorizedAvailable: Boolean(app.config.alipay?.publicKey),
  };
}
