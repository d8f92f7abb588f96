import { createTestApp, type TestApp } from '../../test/test-app';
import { bearerFor, insertWorld } from '../../test/fixtures';

jest.setTimeout(30_000);

let t: TestApp;
const as: Record<string, { authorization: string }> = {};
const NOW = new Date('2026-11-29T04:00:00.000Z');
const TRADE_ID = '4200001234202611290001234567';

type Kind = 'payment' | 'refund';
async function money(id: string, sponsorshipId: string, kind: Kind, amountFen: number, on: string, more: { orderId?: string; refundId?: string; receipt?: string; recordedBy?: string } = {}) {
  await t.app.db
    .insertInto('ledger_entries')
    .values({
      id,
      sponsorship_id: sponsorshipId,
      kind,
      amount_fen: amountFen,
      occurred_on: on,
      category: null,
      payee: null,
      description: kind,
      receipt_key: null,
      recorded_by: more.recordedBy ?? null,
      created_at: `${on}T02:00:00.000Z`,
      payment_order_id: more.orderId ?? null,
      refund_id: more.refundId ?? null,
      receipt_number: more.receipt ?? null,
    })
    .execute();
}

async function order(id: string, sponsorshipId: string, sponsorId: string, ngoId: string, amountFen: number, tradeId: string, platform: 'wechat' | 'alipay' = 'wechat') {
  await t.app.db
    .insertInto('payment_orders')
    .values({
      id,
      out_trade_no: `out-${id}`,
      sponsorship_id: sponsorshipId,
      sponsor_id: sponsorId,
      ngo_id: ngoId,
      platform,
      channel: 'jsapi',
      merchant_id: '1900000001',
      amount_fen: amountFen,
      periods: 1,
      first_due_on: '2026-03-01',
      payer_subject: null,
      status: 'paid',
      platform_trade_id: tradeId,
      failure_reason: null,
      created_at: '2026-03-01T01:00:00.000Z',
      updated_at: '2026-03-01T01:00:00.000Z',
      expires_at: '2026-03-01T03:00:00.000Z',
      paid_at: '2026-03-01T01:01:00.000Z',
      closed_at: null,
      next_query_at: null,
    })
    .execute();
}

const get = (who: string, url: string, lang = 'zh-CN') => t.app.inject({ url, headers: { ...as[who], 'accept-language': lang } });
const post = (who: string, url: string, payload: object = {}, lang = 'zh-CN') =>
  t.app.inject({ method: 'POST', url, payload, headers: { ...as[who], 'accept-language': lang } });
const links = async (who: string, year: number, lang = 'zh-CN') => (await post(who, `/api/sponsor/statements/${year}/links`, {}, lang)).json();
const csvLines = (body: Buffer) => body.toString('utf8').replace(/^\uFEFF/, '').split('\r\n');

beforeAll(async () => {
  t = await createTestApp({}, NOW);
  await insertWorld(t.app.db);
  for (const a of ['acc-sponsor-1', 'acc-sponsor-2']) as[a] = await bearerFor(t.app.db, a);
  await t.app.db.updateTable('ngos').set({ credit_code: '53510000MJQ0123456' }).where('id', '=', 'ngo-a').execute();
  // sponsor-1, sp-1 (ngo-a): paid in the app by WeChat Pay, with a receipt number; then a part refund.
  await order('order-1', 'sp-1', 'sponsor-1', 'ngo-a', 75000, TRADE_ID);
  await money('pay-1', 'sp-1', 'payment', 75000, '2026-03-01', { orderId: 'order-1', receipt: 'LS2026-0042' });
  await t.app.db
    .insertInto('payment_refunds')
    .values({
      id: 'refund-1',
      order_id: 'order-1',
      out_refund_no: 'rf-1',
      amount_fen: 25000,
      reason: '多付了一期',
      status: 'succeeded',
      platform_refund_id: '50300001',
      failure_reason: null,
      requested_by: 'acc-admin-a',
      created_at: '2026-03-05T01:00:00.000Z',
      updated_at: '2026-03-05T01:00:00.000Z',
      finished_at: '2026-03-05T01:00:00.000Z',
      next_query_at: null,
    })
    .execute();
  await money('refund-row-1', 'sp-1', 'refund', 25000, '2026-03-05', { refundId: 'refund-1' });
  // sp-2 (ngo-b, no credit code): a bank transfer the NGO recorded; and one from the year before.
  await money('pay-2', 'sp-2', 'payment', 25000, '2026-04-02', { recordedBy: 'acc-cw-b' });
  await money('pay-old', 'sp-1', 'payment', 25000, '2025-12-31');
  // sponsor-2's payment: never on sponsor-1's statement.
  await order('order-9', 'sp-3', 'sponsor-2', 'ngo-a', 99900, '4200009999999999999999999999', 'alipay');
  await money('pay-9', 'sp-3', 'payment', 99900, '2026-05-01', { orderId: 'order-9' });
});
afterAll(() => t.close());

describe('gifts made elsewhere', () => {
  it('adds, lists and deletes the sponsor’s own gifts', async () => {
    const created = await post('acc-sponsor-1', '/api/sponsor/gifts-elsewhere', { givenOn: '2026-06-01', amountFen: 50000, recipient: '=HYPERLINK("http://x")', note: '@SUM(A1)' });
    expect(created.statusCode).toBe(201);
    const gift = created.json();
    expect(gift).toMatchObject({ givenOn: '2026-06-01', amountFen: 50000, recipient: '=HYPERLINK("http://x")', note: '@SUM(A1)' });
    const other = await post('acc-sponsor-1', '/api/sponsor/gifts-elsewhere', { givenOn: '2026-11-29', amountFen: 1, recipient: '腾讯公益 99 公益日' });
    expect(other.statusCode).toBe(201);

    const page = (await get('acc-sponsor-1', '/api/sponsor/gifts-elsewhere?limit=1')).json();
    expect(page.items.map((g: { givenOn: string }) => g.givenOn)).toEqual(['2026-11-29']);
    const next = (await get('acc-sponsor-1', `/api/sponsor/gifts-elsewhere?limit=1&cursor=${page.nextCursor}`)).json();
    expect(next.items.map((g: { id: string }) => g.id)).toEqual([gift.id]);
    expect((await get('acc-sponsor-2', '/api/sponsor/gifts-elsewhere')).json().items).toEqual([]);

    expect((await t.app.inject({ method: 'DELETE', url: `/api/sponsor/gifts-elsewhere/${other.json().id}`, headers: as['acc-sponsor-2'] })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/sponsor/gifts-elsewhere/${other.json().id}`, headers: as['acc-sponsor-1'] })).statusCode).toBe(204);
    expect((await get('acc-sponsor-1', '/api/sponsor/gifts-elsewhere')).json().items.map((g: { id: string }) => g.id)).toEqual([gift.id]);
  });

  it.each([
    ['a date after today (China)', { givenOn: '2026-11-30', amountFen: 100, recipient: 'x' }, 'givenOn'],
    ['a date that does not exist', { givenOn: '2026-02-30', amountFen: 100, recipient: 'x' }, 'givenOn'],
    ['a date before any statement', { givenOn: '1999-12-31', amountFen: 100, recipient: 'x' }, 'givenOn'],
    ['no amount', { givenOn: '2026-01-01', amountFen: 0, recipient: 'x' }, 'amountFen'],
    ['over 100,000 yuan', { givenOn: '2026-01-01', amountFen: 10_000_001, recipient: 'x' }, 'amountFen'],
    ['a blank recipient', { givenOn: '2026-01-01', amountFen: 100, recipient: '   ' }, 'recipient'],
    ['a recipient over 60 characters', { givenOn: '2026-01-01', amountFen: 100, recipient: '机'.repeat(61) }, 'recipient'],
    ['a note over 200 characters', { givenOn: '2026-01-01', amountFen: 100, recipient: 'x', note: 'n'.repeat(201) }, 'note'],
  ])('refuses %s', async (_name, body, field) => {
    const res = await post('acc-sponsor-1', '/api/sponsor/gifts-elsewhere', body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { field: string }) => d.field).join()).toContain(field);
  });
});

describe('the statement', () => {
  it('lists the years with payments, refunds or gifts, newest first', async () => {
    expect((await get('acc-sponsor-1', '/api/sponsor/statements')).json()).toEqual({ years: [2026, 2025] });
    expect((await get('acc-sponsor-2', '/api/sponsor/statements')).json()).toEqual({ years: [2026] });
  });

  it('gives one year’s payments and refunds with NGO, credit code, transaction and receipt, and a total without self-reported gifts', async () => {
    const s = (await get('acc-sponsor-1', '/api/sponsor/statements/2026')).json();
    expect(s.lines).toEqual([
      { id: 'pay-1', kind: 'payment', occurredOn: '2026-03-01', amountFen: 75000, ngoName: '凉山助学会', ngoCreditCode: '53510000MJQ0123456', platform: 'wechat', transactionId: TRADE_ID, receiptNumber: 'LS2026-0042', studentDisplayName: '阿依' },
      { id: 'refund-row-1', kind: 'refund', occurredOn: '2026-03-05', amountFen: -25000, ngoName: '凉山助学会', ngoCreditCode: '53510000MJQ0123456', platform: 'wechat', transactionId: TRADE_ID, receiptNumber: null, studentDisplayName: '阿依' },
      { id: 'pay-2', kind: 'payment', occurredOn: '2026-04-02', amountFen: 25000, ngoName: '定西春苗', ngoCreditCode: null, platform: null, transactionId: null, receiptNumber: null, studentDisplayName: '小梅' },
    ]);
    expect(s.totalFen).toBe(75000);
    expect(s.selfReported.map((g: { amountFen: number }) => g.amountFen)).toEqual([50000]);
    expect(s.selfReportedTotalFen).toBe(50000);
    expect(s.truncated).toBe(false);
    expect((await get('acc-sponsor-1', '/api/sponsor/statements/2025')).json()).toMatchObject({ totalFen: 25000, lines: [{ id: 'pay-old' }] });
  });

  it('keeps the payments but drops the student’s name once their guardian withdrew consent', async () => {
    await t.app.db
      .insertInto('guardian_consents')
      .values({ id: 'consent-b1', student_id: 'student-b1', guardian_name: '马大山', relation: '父亲', consented_on: '2025-01-01', method: 'paper', scope: 'program', retain_until: '2030-01-01', recorded_by: 'staff-cw-b', created_at: '2026-01-01T00:00:00.000Z', withdrawn_at: '2026-10-01T00:00:00.000Z', withdrawn_reason: '家长撤回' })
      .execute();
    const s = (await get('acc-sponsor-1', '/api/sponsor/statements/2026')).json();
    await t.app.db.deleteFrom('guardian_consents').where('id', '=', 'consent-b1').execute();
    expect(s.lines.find((l: { id: string }) => l.id === 'pay-2')).toMatchObject({ amountFen: 25000, studentDisplayName: null });
    expect(s.totalFen).toBe(75000);
  });

  it('never shows another sponsor’s payments', async () => {
    const mine = await get('acc-sponsor-1', '/api/sponsor/statements/2026');
    expect(mine.body).not.toContain('pay-9');
    const theirs = (await get('acc-sponsor-2', '/api/sponsor/statements/2026')).json();
    expect(theirs.lines.map((l: { id: string }) => l.id)).toEqual(['pay-9']);
    expect(theirs.selfReported).toEqual([]);
    const csv = await t.app.inject({ url: (await links('acc-sponsor-2', 2026)).csvUrl });
    expect(csv.body).not.toContain(TRADE_ID);
    expect(csv.body).not.toContain('阿依');
  });
});

describe('the CSV', () => {
  it('is UTF-8 with a BOM, disclaimer first, amounts in yuan, refunds negative, self-reported marked and apart from the total', async () => {
    const { csvUrl } = await links('acc-sponsor-1', 2026);
    const res = await t.app.inject({ url: csvUrl });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="banxue-statement-2026.csv"; filename*=UTF-8''${encodeURIComponent('伴学年度资助明细-2026.csv')}`,
    );
    expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csvLines(res.rawPayload);
    expect(lines.slice(0, 3)).toEqual(['本明细不是捐赠票据。捐赠票据由收款的公益机构开具。', 'This is not a donation receipt (捐赠票据); the NGO issues receipts.', '伴学年度资助明细 2026']);
    expect(lines).toContain('资助人,北京的王老师');
    expect(lines).toContain('生成时间,2026-11-29 12:00 (UTC+8)');
    expect(lines).toContain('日期,类型,金额（元）,收款机构,统一社会信用代码,支付方式,交易单号,捐赠票据号,学生,来源,备注');
    expect(lines).toContain(`2026-03-01,付款,750.00,凉山助学会,53510000MJQ0123456,微信支付,${TRADE_ID},LS2026-0042,阿依,伴学记录,`);
    expect(lines).toContain(`2026-03-05,退款,-250.00,凉山助学会,53510000MJQ0123456,微信支付,${TRADE_ID},,阿依,伴学记录,`);
    expect(lines).toContain('2026-04-02,付款,250.00,定西春苗,未登记,机构登记,,,小梅,伴学记录,');
    expect(lines).toContain('伴学记录合计,,750.00');
    expect(lines).toContain(`2026-06-01,自行填报的捐赠,500.00,"'=HYPERLINK(""http://x"")",,,,,,自行填报,'@SUM(A1)`);
    expect(lines).toContain('自行填报合计（不计入伴学记录合计）,,500.00');
    expect(res.body).not.toContain('2025-12-31');
  });

  it('speaks English when the link was asked for in English', async () => {
    const res = await t.app.inject({ url: (await links('acc-sponsor-1', 2026, 'en-US')).csvUrl });
    const lines = csvLines(res.rawPayload);
    expect(lines[0]).toBe('本明细不是捐赠票据。捐赠票据由收款的公益机构开具。');
    expect(lines).toContain('Date,Type,Amount (CNY),Received by,Unified social credit code,Paid via,Transaction ID,Receipt no.,Student,Source,Note');
    expect(lines).toContain('2026-04-02,Payment,250.00,定西春苗,not recorded,Recorded by the NGO,,,小梅,Banxue,');
    expect(res.headers['content-disposition']).toBe('attachment; filename="banxue-statement-2026.csv"');
  });
});

describe('the PDF', () => {
  const pages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g) ?? []).length;

  it('is a PDF with the CJK font embedded as a subset, in the link’s language', async () => {
    const res = await t.app.inject({ url: (await links('acc-sponsor-1', 2026, 'en-US')).pdfUrl });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe('attachment; filename="banxue-statement-2026.pdf"');
    const text = res.rawPayload.toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansCJKsc-Regular/);
    expect(text).toContain('(Banxue giving statement 2026)');
    expect(pages(res.rawPayload)).toBe(1);
  });

  it('breaks a long table across pages', async () => {
    await t.app.db.transaction().execute(async (trx) => {
      for (let i = 0; i < 200; i++) {
        await trx
          .insertInto('ledger_entries')
          .values({ id: `bulk-${i}`, sponsorship_id: 'sp-3', kind: 'payment', amount_fen: 100 + i, occurred_on: '2026-07-01', category: null, payee: null, description: 'payment', receipt_key: null, recorded_by: null, created_at: `2026-07-01T02:00:${String(i % 60).padStart(2, '0')}.000Z` })
          .execute();
      }
    });
    const small = await t.app.inject({ url: (await links('acc-sponsor-1', 2026)).pdfUrl });
    const large = await t.app.inject({ url: (await links('acc-sponsor-2', 2026)).pdfUrl });
    expect(pages(small.rawPayload)).toBe(1);
    expect(pages(large.rawPayload)).toBeGreaterThanOrEqual(4);
  });

  it('answers 503 naming BANXUE_STATEMENT_FONT when the font is missing, while the CSV still works', async () => {
    const other = await createTestApp({ BANXUE_STATEMENT_FONT: '/nonexistent/font.ttc' }, NOW);
    try {
      await insertWorld(other.app.db);
      const auth = await bearerFor(other.app.db, 'acc-sponsor-1');
      const l = (await other.app.inject({ method: 'POST', url: '/api/sponsor/statements/2026/links', headers: { ...auth, 'accept-language': 'en-US' } })).json();
      const pdf = await other.app.inject({ url: l.pdfUrl });
      expect(pdf.statusCode).toBe(503);
      expect(pdf.json().error.message).toContain('BANXUE_STATEMENT_FONT');
      expect((await other.app.inject({ url: l.csvUrl })).statusCode).toBe(200);
    } finally {
      await other.close();
    }
  });
});

describe('the signed links', () => {
  it('expire after 15 minutes with a message', async () => {
    const { csvUrl, expiresAt } = await links('acc-sponsor-1', 2026);
    expect(expiresAt).toBe('2026-11-29T04:15:00.000Z');
    t.clock.set(new Date(NOW.getTime() + 14 * 60_000));
    expect((await t.app.inject({ url: csvUrl })).statusCode).toBe(200);
    t.clock.set(new Date(NOW.getTime() + 16 * 60_000));
    const res = await t.app.inject({ url: csvUrl, headers: { 'accept-language': 'zh-CN' } });
    t.clock.set(NOW);
    expect(res.statusCode).toBe(410);
    expect(res.json().error).toMatchObject({ code: 'STATEMENT_LINK_EXPIRED', message: expect.stringContaining('过期') });
  });

  it('refuse an altered link, and a file link or a statement link used for the other', async () => {
    const { csvUrl } = await links('acc-sponsor-1', 2026);
    const token = csvUrl.split('/').pop()!;
    const [subject, expiry, signature] = token.split('.');
    const otherSubject = Buffer.from('sponsor-2/2026/csv/zh-CN').toString('base64url');
    for (const forged of [`${otherSubject}.${expiry}.${signature}`, `${subject}.${Number(expiry) + 600}.${signature}`, `${subject}.${expiry}.${signature.slice(0, -2)}xx`]) {
      const res = await t.app.inject({ url: `/api/statements/${forged}` });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.message).toBeTruthy();
    }
    expect((await t.app.inject({ url: `/api/files/${token}` })).statusCode).toBe(403);
  });

  it('need a sponsor’s session to be made', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/sponsor/statements/2026/links', payload: {} })).statusCode).toBe(401);
  });
});
