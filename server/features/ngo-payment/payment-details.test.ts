import type { PaymentDetailsFields } from '../../../domain/api/ngo';
import { creditCodeCheckCharacter } from '../../../domain/ngo/credit-code';
import { sponsorshipReference } from '../../../domain/ngo/payment-details';
import { bearerFor, insertWorld } from '../../test/fixtures';
import { createTestApp, type TestApp } from '../../test/test-app';

let t: TestApp;
const as: Record<string, Record<string, string>> = {};

const DETAILS: PaymentDetailsFields = {
  bankAccountName: '凉山助学会',
  bankName: '中国农业银行西昌分行',
  bankAccountNumber: '6228 4801 2345 6789 012',
  paymentInstructions: '转账备注请写资助编号。',
  contactName: '阿西老师',
  contactPhone: '0834-3210000',
  contactEmail: 'donors@liangshan.example.org',
  creditCode: '52513400MJ1234567F',
};

beforeAll(async () => {
  t = await createTestApp();
  await insertWorld(t.app.db);
  // ngo-b gets an admin of its own.
  await t.app.db.insertInto('accounts').values({ id: 'acc-admin-b', role: 'ngo_admin', locale: 'zh-CN', created_at: '2026-01-01T00:00:00.000Z', disabled_at: null }).execute();
  await t.app.db
    .insertInto('staff')
    .values({ id: 'staff-admin-b', account_id: 'acc-admin-b', ngo_id: 'ngo-b', role: 'ngo_admin', full_name: '马主任', username: 'admin-b', password_hash: null, created_at: '2026-01-01T00:00:00.000Z' })
    .execute();
  for (const a of ['acc-admin-a', 'acc-admin-b', 'acc-cw-a', 'acc-sponsor-1', 'acc-sponsor-2', 'acc-student-a1']) as[a] = await bearerFor(t.app.db, a);
});
afterAll(() => t.close());

const put = (who: string, body: unknown, lang = 'zh-CN') =>
  t.app.inject({ method: 'PUT', url: '/api/staff/ngo/payment-details', headers: { ...as[who], 'accept-language': lang }, payload: body as object });
const get = (who: string) => t.app.inject({ url: '/api/staff/ngo/payment-details', headers: as[who] });
const payTo = async (who: string, sponsorshipId: string) => {
  const res = await t.app.inject({ url: `/api/sponsor/sponsorships/${sponsorshipId}/ledger`, headers: as[who] });
  return { status: res.statusCode, payTo: res.json().payTo };
};

it('starts empty: the sponsor is told whom they pay and the memo reference, and no account', async () => {
  expect(await payTo('acc-sponsor-1', 'sp-1')).toEqual({
    status: 200,
    payTo: { ngoName: '凉山助学会', reference: sponsorshipReference('sp-1'), bankTransfer: null, instructions: null, contact: null },
  });
  expect((await get('acc-admin-a')).json()).toMatchObject({ ...Object.fromEntries(Object.keys(DETAILS).map((k) => [k, ''])), ngoName: '凉山助学会', updatedAt: null, editable: true });
});

it('lets the NGO admin save them, audited; its caseworkers read them; the NGO’s sponsors see them on the ledger', async () => {
  const saved = await put('acc-admin-a', DETAILS);
  expect(saved.statusCode).toBe(200);
  expect(saved.json()).toMatchObject({ ...DETAILS, bankAccountNumber: '6228480123456789012', updatedAt: '2026-11-29T04:00:00.000Z', editable: true });
  expect((await get('acc-cw-a')).json()).toMatchObject({ contactPhone: '0834-3210000', editable: false });

  expect(await payTo('acc-sponsor-1', 'sp-1')).toEqual({
    status: 200,
    payTo: {
      ngoName: '凉山助学会',
      reference: sponsorshipReference('sp-1'),
      bankTransfer: { accountName: '凉山助学会', bankName: '中国农业银行西昌分行', accountNumber: '6228 4801 2345 6789 012' },
      instructions: '转账备注请写资助编号。',
      contact: { name: '阿西老师', officePhone: '0834-3210000', email: 'donors@liangshan.example.org' },
    },
  });
  // Another sponsor of the same NGO gets the same account with their own reference.
  const other = await payTo('acc-sponsor-2', 'sp-3');
  expect(other.payTo.bankTransfer).toEqual({ accountName: '凉山助学会', bankName: '中国农业银行西昌分行', accountNumber: '6228 4801 2345 6789 012' });
  expect(other.payTo.reference).not.toBe(sponsorshipReference('sp-1'));

  const audit = await t.app.db.selectFrom('audit_log').select(['action', 'entity_id', 'actor_account_id', 'detail']).where('action', '=', 'ngos.payment_details.update').execute();
  expect(audit).toHaveLength(1);
  expect(audit[0]).toMatchObject({ entity_id: 'ngo-a', actor_account_id: 'acc-admin-a' });
  expect(JSON.parse(audit[0].detail!)).toMatchObject({ previous: { bankAccountNumber: '' }, next: { bankAccountNumber: '6228480123456789012' } });
});

it('shows a sponsor only the NGO of their own sponsorship', async () => {
  // sp-2 is sponsor-1's student at ngo-b, which has set nothing; sp-1 belongs to someone else for sponsor-2.
  expect((await payTo('acc-sponsor-1', 'sp-2')).payTo).toMatchObject({ ngoName: '定西春苗', bankTransfer: null, contact: null });
  expect((await payTo('acc-sponsor-2', 'sp-1')).status).toBe(404);
  expect((await get('acc-sponsor-1')).statusCode).toBe(403);
  expect((await get('acc-student-a1')).statusCode).toBe(403);
  expect((await t.app.inject({ url: '/api/staff/ngo/payment-details' })).statusCode).toBe(401);
});

it('refuses caseworkers, and another NGO’s admin changes only their own NGO', async () => {
  expect((await put('acc-cw-a', { ...DETAILS, bankAccountNumber: '1111222233334444' })).statusCode).toBe(403);
  expect((await put('acc-sponsor-1', DETAILS)).statusCode).toBe(403);

  const b = await put('acc-admin-b', { ...DETAILS, bankAccountName: '定西春苗', bankAccountNumber: '6200000000000000802', contactName: '王老师', contactPhone: '13800000000', contactEmail: '' });
  expect(b.statusCode).toBe(200);
  expect(b.json()).toMatchObject({ ngoName: '定西春苗', bankAccountName: '定西春苗' });
  expect((await get('acc-admin-a')).json()).toMatchObject({ bankAccountName: '凉山助学会', bankAccountNumber: '6228480123456789012' });
  expect((await payTo('acc-sponsor-1', 'sp-1')).payTo.bankTransfer.accountName).toBe('凉山助学会');
  expect((await payTo('acc-sponsor-1', 'sp-2')).payTo).toMatchObject({
    bankTransfer: { accountName: '定西春苗', accountNumber: '6200 0000 0000 0000 802' },
    contact: { name: '王老师', officePhone: '13800000000', email: null },
  });
});

describe('the credit code (统一社会信用代码)', () => {
  it('is stored in capitals without spaces, and kept when a save leaves it out', async () => {
    const code = `53100000MJ0000123${creditCodeCheckCharacter('53100000MJ0000123')}`;
    const saved = await put('acc-admin-a', { ...DETAILS, creditCode: ` ${code.slice(0, 9).toLowerCase()} ${code.slice(9)} ` });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().creditCode).toBe(code);
    const withoutCode = Object.fromEntries(Object.entries(DETAILS).filter(([key]) => key !== 'creditCode'));
    expect((await put('acc-admin-a', { ...withoutCode, contactName: '吉克老师' })).json()).toMatchObject({ creditCode: code, contactName: '吉克老师' });
    expect((await t.app.db.selectFrom('ngos').select('credit_code').where('id', '=', 'ngo-a').executeTakeFirstOrThrow()).credit_code).toBe(code);
  });

  it('refuses a wrong length, a letter never used, or a wrong check character, in the caller’s language', async () => {
    const refused = async (creditCode: string, lang = 'zh-CN') => {
      const res = await put('acc-admin-a', { ...DETAILS, creditCode }, lang);
      expect(res.statusCode).toBe(400);
      return res.json().error.details as { field: string; message: string }[];
    };
    expect(await refused('52513400MJ1234567')).toEqual([{ field: 'body.creditCode', message: expect.stringContaining('18 位') }]);
    expect(await refused('52513400MJ12345O7F')).toEqual([{ field: 'body.creditCode', message: expect.stringContaining('I、O、S、V、Z') }]);
    expect(await refused('52513400MJ1234567E', 'en-US')).toEqual([{ field: 'body.creditCode', message: expect.stringContaining('(check) character') }]);
    expect((await get('acc-admin-a')).json().creditCode).not.toBe('52513400MJ1234567E');
  });
});

describe('validation', () => {
  const problems = async (body: unknown, lang = 'zh-CN') => {
    const res = await put('acc-admin-a', body, lang);
    expect(res.statusCode).toBe(400);
    return res.json().error as { code: string; message: string; details: { field: string; message: string }[] };
  };

  it('answers every problem at once, at its field, in the caller’s language', async () => {
    const error = await problems({ ...DETAILS, bankName: '', bankAccountNumber: '6228-48O1', contactPhone: '12345', contactEmail: 'donors@' });
    expect(error.code).toBe('PAYMENT_DETAILS_INVALID');
    expect(error.message).toContain('转账和联系信息');
    expect(error.details.map((d) => d.field)).toEqual(['body.bankName', 'body.bankAccountNumber', 'body.contactPhone', 'body.contactEmail']);
    expect(error.details[1].message).toContain('8 到 32 位数字');

    const en = await problems({ ...DETAILS, contactName: '', contactPhone: '', contactEmail: 'someone@example.org' }, 'en-US');
    expect(en.details).toEqual([{ field: 'body.contactName', message: expect.stringContaining('fill this in') }]);
  });

  it('needs a way to reach the contact, and refuses what is too long or unknown', async () => {
    expect((await problems({ ...DETAILS, contactPhone: '', contactEmail: '' })).details.map((d) => d.field)).toEqual(['body.contactPhone']);
    const long = await problems({ ...DETAILS, paymentInstructions: '写'.repeat(301) });
    expect(long).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'body.paymentInstructions', message: '最多 300 个字符' }] });
    expect((await problems({ ...DETAILS, iban: 'x' })).code).toBe('VALIDATION_FAILED');
    expect((await problems({ bankName: 'x' })).code).toBe('VALIDATION_FAILED');
  });

  it('saves nothing when refused, and clearing everything is allowed', async () => {
    await problems({ ...DETAILS, contactEmail: 'nope' });
    expect((await get('acc-admin-a')).json()).toMatchObject({ contactEmail: 'donors@liangshan.example.org' });
    const cleared = await put('acc-admin-a', Object.fromEntries(Object.keys(DETAILS).map((k) => [k, '  '])));
    expect(cleared.statusCode).toBe(200);
    expect((await payTo('acc-sponsor-1', 'sp-1')).payTo).toMatchObject({ bankTransfer: null, instructions: null, contact: null });
  });
});
