import type { ClientPlatform } from '@/lib/platform';
import type { CreatePaymentOrderBody, PayPlatform } from './api';

export type PayChoice = Pick<CreatePaymentOrderBody, 'platform' | 'channel'>;

/**
 * How this build can pay the NGO: inside WeChat its payment sheet, inside Alipay its own; in a browser
 * a QR code to scan with either app the NGO takes. Empty when the NGO takes neither here.
 */
export function payChoices(platforms: readonly PayPlatform[], client: ClientPlatform): PayChoice[] {
  if (client === 'weapp') return platforms.includes('wechat') ? [{ platform: 'wechat', channel: 'jsapi' }] : [];
  if (client === 'alipay') return platforms.includes('alipay') ? [{ platform: 'alipay', channel: 'jsapi' }] : [];
  return platforms.map((platform) => ({ platform, channel: 'qr' }));
}

/** One to `maxPeriods`, whatever is asked. */
export function clampPeriods(periods: number, maxPeriods: number): number {
  return Math.min(Math.max(1, Math.round(periods)), Math.max(1, maxPeriods));
}
