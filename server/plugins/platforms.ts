import fp from 'fastify-plugin';
import { AlipayClient } from '../platforms/alipay';
import { WechatClient } from '../platforms/wechat';

declare module 'fastify' {
  interface FastifyInstance {
    /** Platform API clients; absent when the platform's credentials are not configured. */
    platforms: { wechat?: WechatClient; alipay?: AlipayClient };
  }
}

export default fp(
  async (app) => {
    const { wechat, alipay, platformTimeoutMs } = app.config;
    app.decorate('platforms', {
      wechat: wechat ? new WechatClient(wechat, platformTimeoutMs) : undefined,
      alipay: alipay ? new AlipayClient(alipay, platformTimeoutMs) : undefined,
    });
  },
  { name: 'platforms' },
);
