import type { SponsorDataExport } from '../../../domain/api/sponsor-data';
import { PLEDGE_ACKNOWLEDGEMENTS } from '../../../domain/pledge';
import { bearerFor, insertWorld } from '../../test/fixtures';
import { createTestApp, type TestApp } from '../../test/test-app';
import { ledgerRow } from './test-fixtures';
import { addWaitingStudent } from '../pool/test-fixtures';

let t: TestApp;
const as: Record<string, { authorization: string }> = {};
const NOW = new Date('2026-11-29T04:00:00.000Z');
const AT = NOW.toISOString();

const TO_STUDENT = '阿依你好！天冷了，记得多穿衣服，期末加油。';
const SPONSOR_PHONE = '13800001234';
const SPONSOR_HELD = `阿依，有事可以打我电话 ${SPONSOR_PHONE}。`;
const STUDENT_PHONE = '13911112222';
const STUDENT_REDACTED = `谢谢王老师的来信！我家里的电话是 ${STUDENT_PHONE}，我这学期考了第三名。`;
const STUDENT_HELD = '王老师，我的微信号是 ayi2010，加我吧。';
const OTHER_SPONSOR_LETTER = '拉则你好，我是陈先生，祝你新年快乐。';

const get = (url: string, who: string, headers: Record<string, string> = {}) => t.app.inject({ url, headers: { ...as[who], ...headers } });
const post = (url: string, who: string, payload?: object) => t.app.inject({ method: 'POST', url, payload, headers: as[who] });

async function write(who: string, sponsorshipId: string, body: string): Promise<{ id: string; status: string }> {
  const response = await post('/api/letters', who, { sponsorshipId, body });
  expect(response.statusCode).toBe(201);
  return response.json();
}


let redactedId: string;
let heldByStudentId: string;
let heldBySponsorId: string;
let newSponsorshipId: string;

beforeAll(async () => {
  t = await createTestApp({}, NOW);
  const db = t.app.db;
  await insertWorld(db);
  await addWaitingStudent(db, 'next-1');
  for (const account of ['acc-sponsor-1', 'acc-sponsor-2', 'acc-student-a1', 'acc-student-a2', 'acc-cw-a']) as[account] = await bearerFor(db, account, NOW);

  await db.insertInto('platform_identities').values({ id: 'pi-1', account_id: 'acc-sponsor-1', platform: 'wechat', subject: 'o-wang-openid', union_id: null, created_at: AT }).execute();
  await db.insertInto('platform_identities').values({ id: 'pi-2', account_id: 'acc-sponsor-2', platform: 'alipay', subject: '2088-chen', union_id: null, created_at: AT }).execute();
  await db
    .insertInto('message_subscriptions')
    .values({ account_id: 'acc-sponsor-1', channel: 'wechat_subscribe', template_id: 'tpl-letter', event: 'letter_delivered', remaining: 2, updated_at: AT })
    .execute();
  await db
    .insertInto('ledger_entries')
    .values([
      ledgerRow('l-1', 'sp-1', 'pledge', 900000, '承诺资助3年，每月250元，共9,000元'),
      ledgerRow('l-2', 'sp-1', 'payment', 350000, '收到资助款（银行转账）'),
      ledgerRow('l-3', 'sp-1', 'disbursement', 200000, '昭觉县民族中学 秋季学费', '昭觉县民族中学'),
      ledgerRow('l-4', 'sp-3', 'payment', 120000, '陈先生 转账'),
    ])
    .execute();

  await write('acc-sponsor-1', 'sp-1', TO_STUDENT);
  heldBySponsorId = (await write('acc-sponsor-1', 'sp-1', SPONSOR_HELD)).id;
  redactedId = (await write('acc-student-a1', 'sp-1', STUDENT_REDACTED)).id;
  const start = STUDENT_REDACTED.indexOf(STUDENT_PHONE);
  expect((await post(`/api/staff/letters/${redactedId}/approve-redacted`, 'acc-cw-a', { redactions: [{ start, end: start + STUDENT_PHONE.length }] })).statusCode).toBe(200);
  heldByStudentId = (await write('acc-student-a1', 'sp-1', STUDENT_HELD)).id;
  await write('acc-sponsor-2', 'sp-3', OTHER_SPONSOR_LETTER);

  // A pledge made through the app: its acknowledgements are part of what the sponsor agreed to.
  const reservation = await post('/api/pledges/reserve', 'acc-sponsor-1', { studentId: 'next-1', cadence: 'monthly' });
  newSponsorshipId = reservation.json().sponsorshipId;
  expect((await post(`/api/pledges/${newSponsorshipId}/confirm`, 'acc-sponsor-1', { acknowledgements: [...PLEDGE_ACKNOWLEDGEMENTS] })).statusCode).toBe(200);
}, 60_000);
afterAll(() => t.close());

const exportOf = async (who: string, headers: Record<string, string> = {}) => {
  const response = await get('/api/sponsor/me/data', who, headers);
  expect(response.statusCode).toBe(200);
  return { data: response.json<SponsorDataExport>(), text: response.body };
};

describe('GET /api/sponsor/me/data', () => {
  it('holds the account, profile, sign-ins, grants and pledges of the caller', async () => {
    const { data } = await exportOf('acc-sponsor-1');
    expect(data).toMatchObject({
      format: 'banxue.sponsor-data.v1',
      exportedAt: AT,
      account: { id: 'acc-sponsor-1', role: 'sponsor', locale: 'zh-CN' },
      profile: { displayName: '北京的王老师' },
      loginIdentities: [{ platform: 'wechat', subject: 'o-wang-openid' }],
      // Two sends granted; the student's letter delivered since used one.
      messageSubscriptions: [{ channel: 'wechat_subscribe', event: 'letter_delivered', remaining: 1 }],
      truncated: [],
    });
    expect(data.sessions).toHaveLength(1);
    expect(data.sessions[0]).toMatchObject({ method: 'demo', current: true, revokedAt: null });
    expect(data.sponsorships.map((s) => s.id).sort()).toEqual(['sp-1', 'sp-2', newSponsorshipId].sort());
    const sp1 = data.sponsorships.find((s) => s.id === 'sp-1')!;
    expect(sp1.ledger.totals).toMatchObject({ paidFen: 350000, disbursedFen: 200000 });
    expect(sp1.pledges).toEqual([{ id: 'l-1', occurredOn: '2026-09-01', amountFen: 900000, description: '承诺资助3年，每月250元，共9,000元' }]);
    expect(data.pledgeAcknowledgements).toEqual([{ sponsorshipId: newSponsorshipId, acknowledgements: [...PLEDGE_ACKNOWLEDGEMENTS], at: AT }]);
    expect(data.notifications.map((n) => n.kind)).toEqual(expect.arrayContaining(['letter_delivered_to_reader', 'letter_delivered']));
  });

  it('shows letters as the sponsor sees them: their own in full, received ones redacted, held ones not at all', async () => {
    const { data } = await exportOf('acc-sponsor-1');
    const bodies = new Map(data.letters.map((l) => [l.id, l]));
    expect(data.letters.map((l) => l.body)).toContain(TO_STUDENT);
    expect(bodies.get(heldBySponsorId)).toMatchObject({ mine: true, status: 'held', body: SPONSOR_HELD });
    expect(bodies.get(redactedId)).toMatchObject({ mine: false, counterpartName: '阿依', body: STUDENT_REDACTED.replace(STUDENT_PHONE, '■■■') });
    expect(bodies.has(heldByStudentId)).toBe(false);
  });

  it('holds nothing of another sponsor, no student detail a sponsor may not see, and no token', async () => {
    const { text } = await exportOf('acc-sponsor-1');
    for (const other of ['陈先生', 'sp-3', 'acc-sponsor-2', '2088-chen', OTHER_SPONSOR_LETTER, '拉则']) expect(text).not.toContain(other);
    for (const secret of ['吉克阿依', '昭觉县民族中学', '解放沟村', STUDENT_PHONE, 'ayi2010']) expect(text).not.toContain(secret);
    const tokenHashes = await t.app.db.selectFrom('sessions').select('token_hash').where('account_id', '=', 'acc-sponsor-1').execute();
    for (const { token_hash } of tokenHashes) expect(text).not.toContain(token_hash);
    expect(text).not.toContain(as['acc-sponsor-1'].authorization.slice('Bearer '.length));

    const { data: other } = await exportOf('acc-sponsor-2');
    expect(other.sponsorships.map((s) => s.id)).toEqual(['sp-3']);
    expect(other.letters.map((l) => l.body)).toEqual([OTHER_SPONSOR_LETTER]);
    expect(JSON.stringify(other)).not.toContain('北京的王老师');
  });

  it('is written in the language asked for', async () => {
    const zh = (await exportOf('acc-sponsor-1')).data.sponsorships.find((s) => s.id === 'sp-1')!;
    const en = (await exportOf('acc-sponsor-1', { 'accept-language': 'en-US' })).data.sponsorships.find((s) => s.id === 'sp-1')!;
    expect(en.ledger.disbursements[0].payeeLabel).not.toEqual(zh.ledger.disbursements[0].payeeLabel);
    expect(en.ledger.disbursements[0].payeeLabel).toMatch(/school/i);
  });

  it('leaves out a sponsorship whose student the sponsor may not see any more (guardian consent withdrawn)', async () => {
    await t.app.db
      .insertInto('guardian_consents')
      .values({
        id: 'consent-b1',
        student_id: 'student-b1',
        guardian_name: '马大山',
        relation: '父亲',
        consented_on: '2025-01-01',
        method: 'paper',
        scope: 'program',
        retain_until: '2030-01-01',
        recorded_by: 'staff-cw-b',
        created_at: AT,
        withdrawn_at: AT,
        withdrawn_reason: '家长撤回',
      })
      .execute();
    const { data, text } = await exportOf('acc-sponsor-1');
    expect(data.sponsorships.map((s) => s.id)).not.toContain('sp-2');
    expect(text).not.toContain('小梅');
  });

  it('holds the gifts the sponsor made elsewhere, and none of another sponsor’s', async () => {
    const gift = await post('/api/sponsor/gifts-elsewhere', 'acc-sponsor-1', { givenOn: '2026-05-01', amountFen: 30000, recipient: '春蕾计划', note: '单位组织' });
    expect(gift.statusCode).toBe(201);
    expect((await exportOf('acc-sponsor-1')).data.giftsElsewhere).toEqual([gift.json()]);
    expect((await exportOf('acc-sponsor-2')).data.giftsElsewhere).toEqual([]);
  });

  it('is for sponsors only', async () => {
    expect((await get('/api/sponsor/me/data', 'acc-student-a1')).statusCode).toBe(403);
    expect((await get('/api/sponsor/me/data', 'acc-cw-a')).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/sponsor/me/data' })).statusCode).toBe(401);
  });
});
