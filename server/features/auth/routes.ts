import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  AlipayLoginBody,
  AuthOptionsResponse,
  DemoLoginBody,
  DemoUsersResponse,
  Me,
  PasswordLoginBody,
  SessionResponse,
  WechatLoginBody,
} from '../../../domain/api/auth';
import { ErrorBody } from '../../../domain/api/common';
import { InviteLoginBody } from '../../../domain/api/students';
import { redeemInvite, type InviteBinding } from '../invites/repository';
import type { Platform } from '../../../domain/roles';
import type { Principal } from '../../access/principal';
import type { SessionTable } from '../../db/schema';
import { AppError } from '../../lib/errors';
import { localeFrom } from '../../lib/messages';
import { PlatformError } from '../../platforms/http';
import { listDemoUsers } from './demo';
import { verifyPassword } from './password';
import { recordPasswordFailure, refuseWhileThrottled } from './password-throttle';
import { accountExists, accountForPlatformIdentity, ngoOf, staffCredentials } from './repository';
import { createSession, principalForAccount, revokeSession } from './sessions';

const errors = { 400: ErrorBody, 401: ErrorBody, 404: ErrorBody, 429: ErrorBody, 502: ErrorBody };
const inviteErrors = { ...errors, 409: ErrorBody, 410: ErrorBody };
// Compared against when the username is unknown, so a wrong username costs as long as a wrong password.
const DECOY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

const authRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { config } = app;

  async function describe(principal: Principal) {
    const ngo = 'ngoId' in principal ? await ngoOf(app.db, principal.ngoId) : null;
    return { accountId: principal.accountId, role: principal.role, displayName: principal.displayName, ngo };
  }

  async function startSession(accountId: string, method: SessionTable['method'], isNewAccount: boolean) {
    const now = app.clock.now();
    const session = await createSession(app.db, { accountId, method, now, ttlHours: config.sessionTtlHours });
    const principal = await principalForAccount(app.db, accountId, '');
    if (!principal) throw new AppError('FORBIDDEN');
    return { ...session, isNewAccount, me: await describe(principal) };
  }

  async function platformLogin(platform: Platform, resolve: () => Promise<{ subject: string; unionId: string | null }>, locale: string) {
    let identity;
    try {
      identity = await resolve();
    } catch (error) {
      if (error instanceof PlatformError) {
        app.log.warn({ platform, kind: error.kind, platformCode: error.platformCode }, 'platform login refused');
        throw new AppError(error.kind === 'invalid_code' ? 'LOGIN_CODE_INVALID' : 'PLATFORM_UNAVAILABLE');
      }
      throw error;
    }
    const defaultDisplayName = locale === 'en-US' ? 'Sponsor' : platform === 'wechat' ? '微信用户' : '支付宝用户';
    const { accountId, created } = await accountForPlatformIdentity(app.db, {
      platform,
      ...identity,
      now: app.clock.now(),
      defaultDisplayName,
    });
    return startSession(accountId, platform, created);
  }

  const loginLimit = { max: 20, timeWindow: '1 minute' };

  app.get(
    '/api/auth/options',
    { config: { access: 'public' }, schema: { tags: ['auth'], response: { 200: AuthOptionsResponse } } },
    async () => ({ demo: config.demoLogin, wechat: Boolean(config.wechat), alipay: Boolean(config.alipay), password: true }),
  );

  app.get(
    '/api/auth/demo-users',
    { config: { access: 'public' }, schema: { tags: ['auth'], response: { 200: DemoUsersResponse, ...errors } } },
    async (request) => {
      if (!config.demoLogin) throw new AppError('LOGIN_METHOD_UNAVAILABLE');
      return { users: await listDemoUsers(app.db, localeFrom(request.headers['accept-language']), app.clock.now()) };
    },
  );

  app.post(
    '/api/auth/demo',
    {
      config: { access: 'public', rateLimit: loginLimit },
      schema: { tags: ['auth'], body: DemoLoginBody, response: { 200: SessionResponse, ...errors } },
    },
    async (request) => {
      if (!config.demoLogin) throw new AppError('LOGIN_METHOD_UNAVAILABLE');
      if (!(await accountExists(app.db, request.body.accountId))) throw new AppError('NOT_FOUND');
      return startSession(request.body.accountId, 'demo', false);
    },
  );

  app.post(
    '/api/auth/wechat',
    {
      config: { access: 'public', rateLimit: loginLimit },
      schema: { tags: ['auth'], body: WechatLoginBody, response: { 200: SessionResponse, ...errors } },
    },
    async (request) => {
      const wechat = app.platforms.wechat;
      if (!wechat) throw new AppError('LOGIN_METHOD_UNAVAILABLE');
      return platformLogin(
        'wechat',
        async () => {
          const identity = await wechat.codeToSession(request.body.code);
          return { subject: identity.openId, unionId: identity.unionId };
        },
        localeFrom(request.headers['accept-language']),
      );
    },
  );

  app.post(
    '/api/auth/alipay',
    {
      config: { access: 'public', rateLimit: loginLimit },
      schema: { tags: ['auth'], body: AlipayLoginBody, response: { 200: SessionResponse, ...errors } },
    },
    async (request) => {
      const alipay = app.platforms.alipay;
      if (!alipay) throw new AppError('LOGIN_METHOD_UNAVAILABLE');
      return platformLogin(
        'alipay',
        async () => ({ ...(await alipay.authCodeToIdentity(request.body.authCode, app.clock.now())), unionId: null }),
        localeFrom(request.headers['accept-language']),
      );
    },
  );

  async function platformIdentity(platform: Platform, resolve: () => Promise<{ subject: string; unionId: string | null }>) {
    try {
      return await resolve();
    } catch (error) {
      if (error instanceof PlatformError) {
        app.log.warn({ platform, kind: error.kind, platformCode: error.platformCode }, 'platform login refused');
        throw new AppError(error.kind === 'invalid_code' ? 'LOGIN_CODE_INVALID' : 'PLATFORM_UNAVAILABLE');
      }
      throw error;
    }
  }

  // A student binds their WeChat or Alipay identity to their record with an NGO invite (single use).
  app.post(
    '/api/auth/invite',
    {
      config: { access: 'public', rateLimit: loginLimit },
      schema: { tags: ['auth'], body: InviteLoginBody, response: { 200: SessionResponse, ...inviteErrors } },
    },
    async (request) => {
      const { code, platform, loginCode } = request.body;
      const missingCode = () => new AppError('VALIDATION_FAILED', { details: [{ field: 'body.loginCode', message: 'required' }] });
      let binding: InviteBinding = null;
      if (platform === 'demo') {
        if (!config.demoLogin) throw new AppError('LOGIN_METHOD_UNAVAILABLE');
      } else if (platform === 'wechat') {
        const wechat = app.platforms.wechat;
        if (!wechat) throw new AppError('LOGIN_METHOD_UNAVAILABLE');
        if (!loginCode) throw missingCode();
        binding = {
          platform,
          ...(await platformIdentity(platform, async () => {
            const identity = await wechat.codeToSession(loginCode);
            return { subject: identity.openId, unionId: identity.unionId };
          })),
        };
      } else {
        const alipay = app.platforms.alipay;
        if (!alipay) throw new AppError('LOGIN_METHOD_UNAVAILABLE');
        if (!loginCode) throw missingCode();
        binding = {
          platform,
          ...(await platformIdentity(platform, async () => ({ ...(await alipay.authCodeToIdentity(loginCode, app.clock.now())), unionId: null }))),
        };
      }
      const { accountId } = await redeemInvite(app.db, code, binding, app.clock.now());
      return startSession(accountId, binding ? binding.platform : 'demo', false);
    },
  );

  app.post(
    '/api/auth/password',
    {
      config: { access: 'public' },
      schema: { tags: ['auth'], body: PasswordLoginBody, response: { 200: SessionResponse, ...errors } },
    },
    async (request) => {
      const { username, password } = request.body;
      await refuseWhileThrottled(app.db, request.ip, username, app.clock.now());
      const staff = await staffCredentials(app.db, username);
      const valid = await verifyPassword(password, staff?.passwordHash ?? DECOY_HASH);
      if (!staff || !staff.passwordHash || !valid || staff.disabledAt) {
        await recordPasswordFailure(app.db, request.ip, username, app.clock.now());
        throw new AppError('INVALID_CREDENTIALS');
      }
      return startSession(staff.accountId, 'password', false);
    },
  );

  app.post(
    '/api/auth/logout',
    { config: { access: 'signed-in' }, schema: { tags: ['auth'], response: { 204: Type.Null(), 401: ErrorBody } } },
    async (request, reply) => {
      await revokeSession(app.db, request.principal!.sessionId, app.clock.now());
      app.sessionCache.forgetSession(request.principal!.sessionId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/me',
    { config: { access: 'signed-in' }, schema: { tags: ['auth'], response: { 200: Me, 401: ErrorBody } } },
    async (request) => describe(request.principal!),
  );
};

export default authRoutes;
