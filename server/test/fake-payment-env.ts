import type { FakeAlipay } from './fake-alipay';
import type { FakeWechatPay } from './fake-wechat-pay';

/** The mini-program's WeChat app id in these settings (every WeChat Pay order names it). */
export const FAKE_MINI_PROGRAM_APP_ID = 'wxbanxuedemo00000';

/** The settings that point a server at the fakes (the demo, the browser test, the payment tests) and let it act for their merchants. */
export function fakePlatformEnv(wechat: FakeWechatPay, alipay: FakeAlipay, publicUrl: string): Record<string, string> {
  return {
    BANXUE_PUBLIC_URL: publicUrl,
    WECHATPAY_BASE_URL: wechat.url,
    WECHATPAY_SP_MCHID: wechat.provider.mchId,
    WECHATPAY_SP_SERIAL_NO: wechat.provider.serialNo,
    WECHATPAY_SP_PRIVATE_KEY: wechat.provider.privateKey,
    WECHATPAY_SP_APIV3_KEY: wechat.provider.apiV3Key,
    WECHATPAY_SP_PLATFORM_KEYS: JSON.stringify(wechat.provider.platformKeys),
    ALIPAY_PAY_GATEWAY_URL: alipay.url,
    ALIPAY_GATEWAY_URL: alipay.url,
    ALIPAY_APP_ID: alipay.serverApp.appId,
    ALIPAY_PRIVATE_KEY: alipay.serverApp.privateKey,
    ALIPAY_PUBLIC_KEY: alipay.serverApp.alipayPublicKey,
    // Every WeChat order names the mini-program; its other WeChat calls go nowhere in the demo.
    WECHAT_APP_ID: FAKE_MINI_PROGRAM_APP_ID,
    WECHAT_APP_SECRET: 'demo-only-not-a-secret',
    WECHAT_API_BASE_URL: 'http://127.0.0.1:9',
  };
}
