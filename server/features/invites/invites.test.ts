import type { SessionResponse } from '../../../domain/api/auth';
import type { IssuedInvite } from '../../../domain/api/students';
import { startFakePlatforms } from '../../test/fake-platforms';
import { bearerFor, insertWorld } from '../../test/fixtures';
import { createTestApp, type TestApp } from '../../test/test-app';
import { INVITE_ALPHABET } from './repository';

let t: TestApp;
let fake: Awaited<ReturnType<typeof startFakePlatforms>>;
const NOW = new Date('2026-11-29T04:00:00.000Z');
let cw: Record<string, string>;

beforeAll(async () => {
  fake = await startFakePlatforms();
  t = await createTestApp({ ...fake.env, BANXUE_DEMO_LOGIN: 'true' }, NOW);
  await insertWorld(t.app.db);
  cw = await bearerFor(t.app.db, 'acc-cw-a', NOW);
});
afterAll(async () => {
  await t.close();
  await fake.close();
});

const issue = async (studentId = 'student-a3') => {
  const res = await t.app.inject({ method: 'POST', url: `/api/staff/students/${studentId}/invites`, headers: cw });
  expect(res.statusCode).toBe(201);
  return res.json<IssuedInvite>();
};
const redeem = (payload: object) => t.app.inject({ method: 'POST', url: '/api/auth/invite', payload, headers: { 'accept-language': 'en-US' } });

test('an invite: 8 unambiguous characters, 7 days, a QR code, only the hash stored', async () => {
  const invite = await issue();
  expect(invite.code).toMatch(new RegExp(`^[${INVITE_ALPHABET}]{8}$`));
  expect(invite.expiresAt).toBe('2026-12-06T04:00:00.000Z');
  expect(invite.qrPayload).toBe(`banxue://invite/${invite.code}`);
  expect(invite.qrSvg).toMatch(/^<svg/);
  const rows = await t.app.db.selectFrom('student_invites').selectAll().where('student_id', '=', 'student-a3').execute();
  expect(JSON.stringify(rows)).not.toContain(invite.code);
});

test('binding with WeChat: single use; the bound identity then signs in as the student', async () => {
  const invite = await issue();
  const res = await redeem({ code: invite.code.toLowerCase(), platform: 'wechat', loginCode: fake.issueCode('wechat', 'openid-muxia') });
  expect(res.statusCode).toBe(200);
  const session = res.json<SessionResponse>();
  expect(session.me).toMatchObject({ role: 'student', displayName: '木呷' });
  const student = await t.app.db.selectFrom('students').select('account_id').where('id', '=', 'student-a3').executeTakeFirstOrThrow();
  expect(student.account_id).toBe(session.me.accountId);

  const again = await redeem({ code: invite.code, platform: 'wechat', loginCode: fake.issueCode('wechat', 'openid-other') });
  expect(again.statusCode).toBe(409);
  expect(again.json().error.code).toBe('INVITE_USED');

  const login = await t.app.inject({ method: 'POST', url: '/api/auth/wechat', payload: { code: fake.issueCode('wechat', 'openid-muxia') } });
  expect(login.statusCode).toBe(200);
  expect(login.json<SessionResponse>().me).toMatchObject({ role: 'student', accountId: session.me.accountId });
  const profile = await t.app.inject({ url: '/api/student/profile', headers: { authorization: `Bearer ${login.json<SessionResponse>().token}` } });
  expect(profile.json().displayName).toBe('木呷');
});

test('re-issuing revokes the earlier unused code', async () => {
  const first = await issue('student-a2');
  const second = await issue('student-a2');
  const old = await redeem({ code: first.code, platform: 'demo' });
  expect(old.statusCode).toBe(410);
  expect(old.json().error.code).toBe('INVITE_EXPIRED');
  const ok = await redeem({ code: second.code, platform: 'demo' });
  expect(ok.statusCode).toBe(200);
  expect(ok.json<SessionResponse>().me.accountId).toBe('acc-student-a2');
});

test('expired after 7 days (fixed clock); unknown codes are invalid', async () => {
  const invite = await issue('student-a1');
  t.clock.set(new Date('2026-12-06T04:00:01.000Z'));
  try {
    const res = await redeem({ code: invite.code, platform: 'demo' });
    expect(res.statusCode).toBe(410);
    expect(res.json().error.code).toBe('INVITE_EXPIRED');
  } finally {
    t.clock.set(NOW);
  }
  const unknown = await redeem({ code: 'ZZZZZZZZ', platform: 'demo' });
  expect(unknown.statusCode).toBe(404);
  expect(unknown.json().error.code).toBe('INVITE_INVALID');
});

test('an identity already bound to another account is refused with a clear message', async () => {
  await t.app.inject({ method: 'POST', url: '/api/auth/wechat', payload: { code: fake.issueCode('wechat', 'openid-sponsor') } });
  const invite = await issue('student-a1');
  const res = await redeem({ code: invite.code, platform: 'wechat', loginCode: fake.issueCode('wechat', 'openid-sponsor') });
  expect(res.statusCode).toBe(409);
  expect(res.json().error).toMatchObject({ code: 'IDENTITY_ALREADY_BOUND', message: expect.stringMatching(/already linked/) });
  // The invite is still usable.
  expect((await redeem({ code: invite.code, platform: 'demo' })).statusCode).toBe(200);
});

test('wechat without a login code is a validation error; staff of another NGO cannot issue', async () => {
  const invite = await issue('student-a1');
  expect((await redeem({ code: invite.code, platform: 'wechat' })).statusCode).toBe(400);
  const cwB = await bearerFor(t.app.db, 'acc-cw-b', NOW);
  expect((await t.app.inject({ method: 'POST', url: '/api/staff/students/student-a1/invites', headers: cwB })).statusCode).toBe(404);
});

test('demo binding is refused when the demo login is off', async () => {
  const off = await createTestApp({ BANXUE_DEMO_LOGIN: 'false' }, NOW);
  try {
    const res = await off.app.inject({ method: 'POST', url: '/api/auth/invite', payload: { code: 'ABCDEFGH', platform: 'demo' } });
    expect(res.json().error.code).toBe('LOGIN_METHOD_UNAVAILABLE');
  } finally {
    await off.close();
  }
});
