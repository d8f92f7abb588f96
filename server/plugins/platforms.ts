import fp from 'fastify-plugin';
import { AlipayClient } from '../platforms/alipay';
import { WechatClient } from '../platforms/wechat';
import { WechatContentSecurity } from '../platforms/wechat-security';

declare module 'fastify' {
  interface FastifyInstance {
    /** Platform API clients; absent when the platform's credentials are not configured. */
    platforms: { wechat?: WechatClient; alipay?: AlipayClient; wechatSecurity?: WechatContentSecurity };
  }
}

export default fp(
  async (app) => {
    const { wechat, alipay, platformTimeoutMs } = app.config;
    app.decorate('platforms', {
      wechat: wechat ? new WechatClient(wechat, platformTimeoutMs) : undefined,
      alipay: alipay ? new AlipayClient(alipay, platformTimeoutMs, app.log) : undefined,
      // Letter text check, only when switched on (config refuses it without WeChat credentials).
      wechatSecurity: wechat && app.config.msgSecCheck ? new WechatContentSecurity(wechat, platformTimeoutMs, app.clock) : undefined,
    });
  },
  { name: 'platforms' },
);
