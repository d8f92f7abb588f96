import Taro from '@tarojs/taro';
import type { ClientPayParams } from './api';

/** What the platform's sheet said. Never proof of payment: the server decides from the platform itself. */
export type SheetOutcome = 'done' | 'cancelled' | 'unknown';

type TradePay = (options: { tradeNO: string }) => Promise<{ resultCode?: string | number; response?: { resultCode?: string | number } }>;

const CANCELLED = /cancel/i;
/** Alipay's result codes: 9000 paid, 6001 cancelled by the payer; 8000 and 6004 unknown, 4000 and 6002 failed. */
const ALIPAY_CANCELLED = '6001';
const ALIPAY_DONE = '9000';

/**
 * Opens the platform's payment sheet for an order (`Taro.requestPayment` in WeChat, `my.tradePay` in
 * Alipay). A QR code has no sheet: the screen shows it.
 */
export async function openPaySheet(pay: ClientPayParams): Promise<SheetOutcome> {
  if (pay.kind === 'wechat_jsapi') {
    try {
      await Taro.requestPayment({ timeStamp: pay.timeStamp, nonceStr: pay.nonceStr, package: pay.package, signType: pay.signType, paySign: pay.paySign });
      return 'done';
    } catch (failure) {
      const message = (failure as { errMsg?: string } | null)?.errMsg ?? '';
      return CANCELLED.test(message) ? 'cancelled' : 'unknown';
    }
  }
  if (pay.kind === 'alipay_trade') {
    const tradePay = (Taro as unknown as { tradePay?: TradePay }).tradePay;
    if (typeof tradePay !== 'function') return 'unknown';
    try {
      const answer = await tradePay({ tradeNO: pay.tradeNo });
      const code = String(answer?.resultCode ?? answer?.response?.resultCode ?? '');
      if (code === ALIPAY_CANCELLED) return 'cancelled';
      return code === ALIPAY_DONE ? 'done' : 'unknown';
    } catch {
      return 'unknown';
    }
  }
  return 'unknown';
}
