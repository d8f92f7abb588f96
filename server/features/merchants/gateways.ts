import type { FastifyInstance } from 'fastify';
import type { PayPlatform } from '../../db/schema';
import { createAlipayGateway } from '../../platforms/payments/alipay-pay';
import type { PaymentGateway } from '../../platforms/payments/gateway';
import { createWechatPayGateway } from '../../platforms/payments/wechat-pay';
import { loadMerchant, type MerchantSettings, type StoredMerchant } from './store';

export interface MerchantGateway {
  merchant: StoredMerchant;
  gateway: PaymentGateway;
  /** Where the platform sends this merchant's notices. */
  notifyUrl: string;
}

export const noticePath = (platform: PayPlatform, merchantRowId: string) => `/api/payments/notices/${platform}/${merchantRowId}`;

function build(app: FastifyInstance, settings: MerchantSettings): PaymentGateway {
  const { payments, wechat, alipay, platformTimeoutMs } = app.config;
  if (settings.platform === 'wechat') {
    return createWechatPayGateway(settings, {
      baseUrl: payments.wechatPayBaseUrl,
      appId: wechat?.appId ?? '',
      provider: payments.wechatPayProvider,
      timeoutMs: platformTimeoutMs,
    });
  }
  return createAlipayGateway(settings, {
    gatewayUrl: payments.alipayGatewayUrl,
    serverApp: alipay?.publicKey ? { appId: alipay.appId, privateKey: alipay.privateKey, alipayPublicKey: alipay.publicKey } : undefined,
    timeoutMs: platformTimeoutMs,
  });
}

/**
 * The gateway of an NGO's merchant on a platform (by NGO) or of one merchant row (by the id in a
 * notice's URL). Null when none is stored, or when it is switched off and `includeDisabled` is not set
 * (a switched-off merchant still answers notices, queries and refunds of its existing orders).
 */
export async function merchantGateway(
  app: FastifyInstance,
  where: { ngoId: string; platform: PayPlatform } | { id: string },
  options: { includeDisabled?: boolean } = {},
): Promise<MerchantGateway | null> {
  const loaded = await loadMerchant(app.db, app.config.payments.secretsKey, where);
  if (!loaded || (!loaded.merchant.enabled && !options.includeDisabled)) return null;
  return {
    merchant: loaded.merchant,
    gateway: build(app, loaded.settings),
    notifyUrl: `${app.config.payments.publicUrl}${noticePath(loaded.merchant.platform, loaded.merchant.id)}`,
  };
}
