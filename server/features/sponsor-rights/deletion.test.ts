import fs from 'node:fs';
import path from 'node:path';
import type { AccountDeleted } from '../../../domain/api/sponsor-data';
import type { QueuePage } from '../../../domain/api/care';
import type { StaffSponsorshipPage } from '../../../domain/api/sponsorship';
import type { PrincipalOf } from '../../access/principal';
import { bearerFor, insertWorld } from '../../test/fixtures';
import { createTestApp, type TestApp } from '../../test/test-app';
import { ledgerRow } from './test-fixtures';
import { accountForPlatformIdentity } from '../auth/repository';
import { deleteSponsorAccount, pseudonymFor } from './deletion';

let t: TestApp;
const as: Record<string, { authorization: string }> = {};
const NOW = new Date('2026-11-29T04:00:00.000Z');
const AT = NOW.toISOString();
const NAME = '北京的王老师';
const PSEUDONYM = pseudonymFor('sponsor-1');
const CLEAN = '阿依你好！天冷了，记得多穿衣服，期末加油。';
const HELD = '阿依，有事可以打我电话 13800001234。';
const PHOTO_KEY = 'photos/2026-11/unsent-photo.jpg';
const KEY = { 'idempotency-key': 'delete-account-1' };

const get = (url: string, who: string) => t.app.inject({ url, headers: as[who] });
const post = (url: string, who: string, payload: object = {}, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, payload, headers: { ...as[who], ...headers } });


const ledgerOf = (sponsorshipIds: string[]) =>
  t.app.db.selectFrom('ledger_entries').select(['id', 'kind', 'amount_fen', 'occurred_on', 'sponsorship_id']).where('sponsorship_id', 'in', sponsorshipIds).orderBy('id').execute();
const staffRows = async (who: string) => (await get('/api/staff/sponsorships?limit=100', who)).json<StaffSponsorshipPage>().items;

let deliveredId: string;
let heldId: string;
let ledgerBefore: Awaited<ReturnType<typeof ledgerOf>>;
let staffBefore: StaffSponsorshipPage['items'];
let deleted: { statusCode: number; body: AccountDeleted };

beforeAll(async () => {
  t = await createTestApp({}, NOW);
  const db = t.app.db;
  await insertWorld(db);
  for (const account of ['acc-sponsor-1', 'acc-sponsor-2', 'acc-student-a1', 'acc-student-b1', 'acc-cw-a', 'acc-cw-b', 'acc-admin-a']) as[account] = await bearerFor(db, account, NOW);
  as.otherDevice = await bearerFor(db, 'acc-sponsor-1', NOW);

  await db.insertInto('platform_identities').values({ id: 'pi-1', account_id: 'acc-sponsor-1', platform: 'wechat', subject: 'o-wang-openid', union_id: null, created_at: AT }).execute();
  await db
    .insertInto('message_subscriptions')
    .values({ account_id: 'acc-sponsor-1', channel: 'wechat_subscribe', template_id: 'tpl-letter', event: 'letter_delivered', remaining: 1, updated_at: AT })
    .execute();
  await db
    .insertInto('ledger_entries')
    .values([
      ledgerRow('l-1', 'sp-1', 'pledge', 900000, '承诺资助3年，每月250元，共9,000元'),
      ledgerRow('l-2', 'sp-1', 'payment', 350000, `${NAME} 银行转账`),
      ledgerRow('l-3', 'sp-1', 'disbursement', 200000, '秋季学费', '昭觉县民族中学'),
      ledgerRow('l-4', 'sp-2', 'payment', 100000, '收到资助款（银行转账）'),
    ])
    .execute();
  await t.app.files.put(PHOTO_KEY, Buffer.from('jpeg'));
  await db
    .insertInto('uploads')
    .values({ id: 'up-1', owner_account_id: 'acc-sponsor-1', storage_key: PHOTO_KEY, width: 10, height: 10, bytes: 4, created_at: AT, letter_id: null, attached_at: null })
    .execute();
  // Both students were out of the pool while sponsored; only student-a1's guardian consent is on record.
  await db.updateTable('students').set({ pool_since: null }).where('id', 'in', ['student-a1', 'student-b1']).execute();
  await db
    .insertInto('guardian_consents')
    .values({
      id: 'consent-a1',
      student_id: 'student-a1',
      guardian_name: '吉克木乃',
      relation: '父亲',
      consented_on: '2025-01-01',
      method: 'paper',
      scope: 'program,sponsor_profile,letters',
      retain_until: '2030-01-01',
      recorded_by: 'staff-cw-a',
      created_at: AT,
      withdrawn_at: null,
      withdrawn_reason: null,
    })
    .execute();

  deliveredId = (await post('/api/letters', 'acc-sponsor-1', { sponsorshipId: 'sp-1', body: CLEAN })).json().id;
  heldId = (await post('/api/letters', 'acc-sponsor-1', { sponsorshipId: 'sp-1', body: HELD })).json().id;

  await db
    .insertInto('self_reported_gifts')
    .values({ id: 'gift-1', sponsor_id: 'sponsor-1', given_on: '2026-05-01', amount_fen: 30000, recipient: '春蕾计划', note: null, created_at: AT })
    .execute();
  ledgerBefore = await ledgerOf(['sp-1', 'sp-2']);
  staffBefore = await staffRows('acc-admin-a');
  const response = await post('/api/sponsor/me/delete', 'acc-sponsor-1', {}, KEY);
  deleted = { statusCode: response.statusCode, body: response.json() };
}, 60_000);
afterAll(() => t.close());

describe('deleting a sponsor account', () => {
  it('answers with the pseudonym and the sponsorships it ended', () => {
    expect(deleted).toEqual({ statusCode: 200, body: { deletedAt: AT, pseudonym: PSEUDONYM, endedSponsorships: 2 } });
    expect(PSEUDONYM).toMatch(/^已注销的资助人 #[0-9a-f]{4}$/);
  });

  it('ends every session at once and leaves no way to sign in to the account again', async () => {
    for (const who of ['acc-sponsor-1', 'otherDevice']) {
      const response = await get('/api/sponsor/sponsorships', who);
      expect(response.statusCode).toBe(401);
      expect(response.json().error.code).toBe('ACCOUNT_DELETED');
    }
    const sessions = await t.app.db.selectFrom('sessions').select('revoked_at').where('account_id', '=', 'acc-sponsor-1').execute();
    expect(sessions.map((s) => s.revoked_at)).toEqual([AT, AT]);
    expect(await t.app.db.selectFrom('platform_identities').select('id').where('account_id', '=', 'acc-sponsor-1').execute()).toEqual([]);
    // The same WeChat user signing in again gets a new, empty account, never this one.
    const again = await accountForPlatformIdentity(t.app.db, { platform: 'wechat', subject: 'o-wang-openid', unionId: null, now: NOW, defaultDisplayName: '微信用户' });
    expect(again.created).toBe(true);
    expect(again.accountId).not.toBe('acc-sponsor-1');
    const account = await t.app.db.selectFrom('accounts').select('disabled_at').where('id', '=', 'acc-sponsor-1').executeTakeFirstOrThrow();
    expect(account.disabled_at).toBe(AT);
  });

  it('erases the profile and what only the sponsor used: inbox, message grants, unsent photos, gifts made elsewhere', async () => {
    const sponsor = await t.app.db.selectFrom('sponsors').select(['display_name', 'deleted_at']).where('id', '=', 'sponsor-1').executeTakeFirstOrThrow();
    expect(sponsor).toEqual({ display_name: PSEUDONYM, deleted_at: AT });
    for (const table of ['notifications', 'message_subscriptions', 'outbox_messages'] as const) {
      expect(await t.app.db.selectFrom(table).select('account_id').where('account_id', '=', 'acc-sponsor-1').execute()).toEqual([]);
    }
    expect(await t.app.db.selectFrom('uploads').select('id').where('id', '=', 'up-1').execute()).toEqual([]);
    expect(fs.existsSync(path.join(t.dir, 'files', PHOTO_KEY))).toBe(false);
    expect(await t.app.db.selectFrom('self_reported_gifts').select('id').where('sponsor_id', '=', 'sponsor-1').execute()).toEqual([]);
  });

  it('keeps the ledger the NGO must keep, with the same totals, under the pseudonym', async () => {
    expect(await ledgerOf(['sp-1', 'sp-2'])).toEqual(ledgerBefore);
    const after = await staffRows('acc-admin-a');
    const before = staffBefore.find((r) => r.id === 'sp-1')!;
    const row = after.find((r) => r.id === 'sp-1')!;
    expect(row).toEqual({ ...before, status: 'ended', sponsorName: PSEUDONYM });
    expect(before.sponsorName).toBe(NAME);
    const payment = await t.app.db.selectFrom('ledger_entries').select('description').where('id', '=', 'l-2').executeTakeFirstOrThrow();
    expect(payment.description).toBe(`${PSEUDONYM} 银行转账`);
    const sponsorships = await t.app.db.selectFrom('sponsorships').select(['id', 'status', 'end_reason', 'ended_at']).where('sponsor_id', '=', 'sponsor-1').orderBy('id').execute();
    expect(sponsorships).toEqual([
      { id: 'sp-1', status: 'ended', end_reason: 'sponsor_account_deleted', ended_at: AT },
      { id: 'sp-2', status: 'ended', end_reason: 'sponsor_account_deleted', ended_at: AT },
    ]);
  });

  it('leaves the letters with the student, written by the pseudonym; a letter never delivered is withdrawn', async () => {
    const letters = (await get('/api/letters?limit=100', 'acc-student-a1')).json().items;
    expect(letters.find((l: { id: string }) => l.id === deliveredId)).toMatchObject({ counterpartName: PSEUDONYM, mine: false });
    expect((await get(`/api/letters/${deliveredId}`, 'acc-student-a1')).json()).toMatchObject({ body: CLEAN, counterpartName: PSEUDONYM });
    const notices = await t.app.db.selectFrom('notifications').select('payload').where('account_id', '=', 'acc-student-a1').execute();
    expect(notices.length).toBeGreaterThan(0);
    for (const n of notices) expect(JSON.parse(n.payload)).toMatchObject({ counterpartName: PSEUDONYM });
    const held = await t.app.db.selectFrom('letters').select('status').where('id', '=', heldId).executeTakeFirstOrThrow();
    expect(held.status).toBe('withdrawn');
    expect((await get('/api/staff/letters/held', 'acc-cw-a')).json().items.map((l: { id: string }) => l.id)).not.toContain(heldId);
  });

  it('gives each student back to their NGO: the caseworker is asked to tell them, and the student waits in the pool again if they may', async () => {
    const queue = (await get('/api/staff/care/queue?tab=watch', 'acc-cw-a')).json<QueuePage>();
    expect(queue.items).toEqual([expect.objectContaining({ kind: 'task', taskKind: 'sponsor_left', mine: true, student: expect.objectContaining({ id: 'student-a1' }) })]);
    expect(queue.counts.watch).toBe(1);
    const otherNgo = (await get('/api/staff/care/queue?tab=watch', 'acc-cw-b')).json<QueuePage>();
    expect(otherNgo.items.map((i) => i.kind === 'task' && [i.taskKind, i.student.id])).toEqual([['sponsor_left', 'student-b1']]);
    const told = await t.app.db.selectFrom('notifications').select(['kind', 'payload']).where('account_id', '=', 'acc-cw-a').execute();
    expect(told.map((n) => [n.kind, JSON.parse(n.payload).studentId])).toEqual([['sponsor_left', 'student-a1']]);

    // Back in the pool only on the NGO's own conditions for it: student-b1, a minor without consent on record, is not.
    const students = await t.app.db.selectFrom('students').select(['id', 'pool_since']).where('id', 'in', ['student-a1', 'student-b1']).orderBy('id').execute();
    expect(students).toEqual([
      { id: 'student-a1', pool_since: AT },
      { id: 'student-b1', pool_since: null },
    ]);
    expect((await get('/api/student/profile', 'acc-student-a1')).json()).toMatchObject({ sponsorDisplayName: null, sponsorshipId: null });
  });

  it('writes the audit log without the old name', async () => {
    const entries = await t.app.db.selectFrom('audit_log').select(['action', 'entity_id', 'reason', 'detail']).where('actor_account_id', '=', 'acc-sponsor-1').execute();
    expect(entries.map((e) => [e.action, e.entity_id])).toEqual(
      expect.arrayContaining([
        ['sponsors.delete_account', 'sponsor-1'],
        ['sponsorships.end', 'sp-1'],
        ['sponsorships.end', 'sp-2'],
      ]),
    );
    expect(JSON.stringify(entries)).not.toContain(NAME);
  });

  it('is safe to repeat: a retry with the same key, a second request, or the same call again', async () => {
    const retry = await post('/api/sponsor/me/delete', 'acc-sponsor-1', {}, KEY);
    expect(retry.statusCode).toBe(401);
    expect(retry.json().error.code).toBe('ACCOUNT_DELETED');
    expect((await post('/api/sponsor/me/delete', 'otherDevice')).json().error.code).toBe('ACCOUNT_DELETED');

    // A request that passed its session check just before the first one committed.
    const principal: PrincipalOf<'sponsor'> = { accountId: 'acc-sponsor-1', sessionId: 'any', role: 'sponsor', sponsorId: 'sponsor-1', displayName: NAME };
    expect(await deleteSponsorAccount(t.app, principal)).toEqual(deleted.body);
    const audits = await t.app.db.selectFrom('audit_log').select('id').where('action', '=', 'sponsors.delete_account').execute();
    expect(audits).toHaveLength(1);
  });

  it('is for sponsors only, and leaves other sponsors alone', async () => {
    expect((await post('/api/sponsor/me/delete', 'acc-student-a1')).statusCode).toBe(403);
    expect((await post('/api/sponsor/me/delete', 'acc-cw-a')).statusCode).toBe(403);
    expect((await get('/api/sponsor/sponsorships', 'acc-sponsor-2')).json().items.map((s: { id: string }) => s.id)).toEqual(['sp-3']);
    const other = await t.app.db.selectFrom('sponsors').select(['display_name', 'deleted_at']).where('id', '=', 'sponsor-2').executeTakeFirstOrThrow();
    expect(other).toEqual({ display_name: '陈先生', deleted_at: null });
  });

  it('two requests at once: one deletes, neither fails', async () => {
    as.second = await bearerFor(t.app.db, 'acc-sponsor-2', NOW);
    const [a, b] = await Promise.all([post('/api/sponsor/me/delete', 'acc-sponsor-2'), post('/api/sponsor/me/delete', 'second')]);
    const answers = [a, b].map((r) => (r.statusCode === 200 ? r.json<AccountDeleted>().pseudonym : r.json().error.code));
    expect(answers).toContain(pseudonymFor('sponsor-2'));
    expect(answers.every((x) => x === pseudonymFor('sponsor-2') || x === 'ACCOUNT_DELETED')).toBe(true);
    const ended = await t.app.db.selectFrom('audit_log').select('id').where('action', '=', 'sponsorships.end').where('entity_id', '=', 'sp-3').execute();
    expect(ended).toHaveLength(1);
  });
});
