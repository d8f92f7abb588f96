import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody } from '../../../domain/api/common';
import { MerchantPlatformParams, MerchantsView, SaveAlipayMerchantBody, SaveWechatMerchantBody } from '../../../domain/api/merchants';
import type { Principal } from '../../access/principal';
import { principalAs } from '../../access/rules';
import { removeMerchantSettings, saveMerchantSettings, type Admin } from './settings';
import { merchantsView } from './views';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['ngo'];
const ADMIN = { access: { roles: ['ngo_admin'] as const } };
const adminOf = (principal: Principal | null): Admin => principalAs(principal, 'ngo_admin');

/** The NGO's own WeChat Pay and Alipay merchants: its admin sets them up; secrets go in and never come out. */
const merchantRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/staff/ngo/merchants', { config: ADMIN, schema: { tags, response: { 200: MerchantsView, ...errors } } }, async (request) =>
    merchantsView(app, adminOf(request.principal).ngoId),
  );

  app.put(
    '/api/staff/ngo/merchants/wechat',
    { config: ADMIN, schema: { tags, body: SaveWechatMerchantBody, response: { 200: MerchantsView, ...errors } } },
    async (request) => {
      const admin = adminOf(request.principal);
      await saveMerchantSettings(app, admin, { platform: 'wechat', body: request.body }, app.clock.now());
      return merchantsView(app, admin.ngoId);
    },
  );

  app.put(
    '/api/staff/ngo/merchants/alipay',
    { config: ADMIN, schema: { tags, body: SaveAlipayMerchantBody, response: { 200: MerchantsView, ...errors } } },
    async (request) => {
      const admin = adminOf(request.principal);
      await saveMerchantSettings(app, admin, { platform: 'alipay', body: request.body }, app.clock.now());
      return merchantsView(app, admin.ngoId);
    },
  );

  app.delete(
    '/api/staff/ngo/merchants/:platform',
    { config: ADMIN, schema: { tags, params: MerchantPlatformParams, response: { 200: MerchantsView, ...errors } } },
    async (request) => {
      const admin = adminOf(request.principal);
      await removeMerchantSettings(app, admin, request.params.platform, app.clock.now());
      return merchantsView(app, admin.ngoId);
    },
  );
};

export default merchantRoutes;
