import { createTestApp, type TestApp } from '../../test/test-app';
import { bearerFor, insertWorld } from '../../test/fixtures';

let t: TestApp;
const as: Record<string, { authorization: string }> = {};

async function entry(id: string, kind: 'payment' | 'disbursement', amount: number, on: string, more: Partial<{ payee: string; payee_kind: 'school' | 'guardian'; category: string; description: string; receipt_key: string }> = {}) {
  await t.app.db
    .insertInto('ledger_entries')
    .values({
      id,
      sponsorship_id: 'sp-1',
      kind,
      amount_fen: amount,
      occurred_on: on,
      category: more.category ?? null,
      payee: more.payee ?? null,
      payee_kind: more.payee_kind ?? null,
      description: more.description ?? kind,
      receipt_key: more.receipt_key ?? null,
      recorded_by: null,
      created_at: `${on}T02:00:00.000Z`,
    })
    .execute();
}

beforeAll(async () => {
  t = await createTestApp();
  await insertWorld(t.app.db);
  for (const a of ['acc-sponsor-1', 'acc-sponsor-2', 'acc-cw-a', 'acc-cw-b', 'acc-student-a1']) as[a] = await bearerFor(t.app.db, a);
  // sp-1: 250 yuan monthly from 2025-09-01 to 2028-07-01 → 34 periods, 8,500 yuan.
  await t.app.db.insertInto('ledger_entries').values({ id: 'pledge', sponsorship_id: 'sp-1', kind: 'pledge', amount_fen: 900000, occurred_on: '2025-09-01', category: null, payee: null, description: 'pledge', receipt_key: null, recorded_by: null, created_at: '2025-09-01T00:00:00.000Z' }).execute();
  await entry('p-1', 'payment', 25000, '2025-09-01');
  await entry('p-2', 'payment', 50000, '2025-10-03');
  await entry('p-3', 'payment', 10000, '2025-12-01'); // 85,000 fen: three periods and a part of the fourth
  await t.app.files.put('receipts/2025-09/r1.jpg', Buffer.from('receipt-bytes'));
  await entry('d-1', 'disbursement', 50000, '2025-09-10', { payee: '昭觉县民族中学', payee_kind: 'school', category: 'tuition', description: '昭觉县民族中学秋季学费', receipt_key: 'receipts/2025-09/r1.jpg' });
  await entry('d-2', 'disbursement', 20000, '2025-10-10', { payee: '监护人（奶奶）', payee_kind: 'guardian', category: 'living_stipend', description: '十月生活补助' });
});
afterAll(() => t.close());

const ledger = (who: string, id = 'sp-1', lang = 'zh-CN') =>
  t.app.inject({ url: `/api/sponsor/sponsorships/${id}/ledger`, headers: { ...as[who], 'accept-language': lang } });

it('gives the sponsor the schedule, payments, disbursements, totals and funded-through date', async () => {
  const res = await ledger('acc-sponsor-1');
  expect(res.statusCode).toBe(200);
  const l = res.json();
  expect(l.sponsorshipId).toBe('sp-1');
  expect(l.schedule).toHaveLength(34);
  expect(l.schedule.slice(0, 5)).toEqual([
    { dueOn: '2025-09-01', amountFen: 25000, paid: true },
    { dueOn: '2025-10-01', amountFen: 25000, paid: true },
    { dueOn: '2025-11-01', amountFen: 25000, paid: true },
    { dueOn: '2025-12-01', amountFen: 25000, paid: false },
    { dueOn: '2026-01-01', amountFen: 25000, paid: false },
  ]);
  expect(l.schedule[33]).toEqual({ dueOn: '2028-06-01', amountFen: 25000, paid: false });
  expect(l.totals).toEqual({ pledgedFen: 850000, paidFen: 85000, disbursedFen: 70000 });
  expect(l.fundedThrough).toBe('2025-11-30');
  expect(l.payments.map((p: { id: string }) => p.id)).toEqual(['p-3', 'p-2', 'p-1']);
  expect(l.payments[0]).toEqual({ id: 'p-3', occurredOn: '2025-12-01', amountFen: 10000, description: 'payment', category: null, payeeLabel: null, receiptUrl: null, receiptNumber: null });
  expect(l.disbursements.map((d: { id: string }) => d.id)).toEqual(['d-2', 'd-1']);
  expect(l.disbursements[1]).toMatchObject({ category: 'tuition', payeeLabel: '学校（学费）', description: '■■■秋季学费' });
  expect(l.disbursements[0]).toMatchObject({ payeeLabel: '学生的监护人（生活补助）', receiptUrl: null });
  expect(l.paymentInstructions).toContain('银行转账');
  expect(res.body).not.toContain('昭觉县民族中学');
  expect(res.body).not.toContain('奶奶');
});

it('signs the receipt link, which serves the stored image', async () => {
  const { receiptUrl } = (await ledger('acc-sponsor-1')).json().disbursements[1];
  expect(receiptUrl).toMatch(/^\/api\/files\/.+/);
  const file = await t.app.inject({ url: receiptUrl });
  expect(file.statusCode).toBe(200);
  expect(file.rawPayload.toString()).toBe('receipt-bytes');
});

it('speaks the caller’s language', async () => {
  const l = (await ledger('acc-sponsor-1', 'sp-1', 'en-US')).json();
  expect(l.disbursements[1].payeeLabel).toBe('the school (tuition)');
  expect(l.paymentInstructions).toContain('bank transfer');
  expect(l.paymentInstructions).toContain('WeChat Pay');
});

it('is the sponsor’s own, or the NGO staff’s (who see the payee as recorded, audited); 404 for anyone else', async () => {
  expect((await ledger('acc-sponsor-2')).statusCode).toBe(404);
  expect((await ledger('acc-sponsor-1', 'sp-3')).statusCode).toBe(404);
  expect((await ledger('acc-cw-b')).statusCode).toBe(404);
  expect((await ledger('acc-student-a1')).statusCode).toBe(403);
  const staff = await ledger('acc-cw-a');
  expect(staff.statusCode).toBe(200);
  expect(staff.json().disbursements[1]).toMatchObject({ payeeLabel: '昭觉县民族中学', description: '昭觉县民族中学秋季学费' });
  const alias = await t.app.inject({ url: '/api/staff/sponsorships/sp-1/ledger', headers: as['acc-cw-a'] });
  expect(alias.json().totals).toEqual(staff.json().totals);
  const audit = await t.app.db.selectFrom('audit_log').select(['action', 'entity_id', 'student_id']).where('action', '=', 'ledger.read').execute();
  expect(audit).toEqual([
    { action: 'ledger.read', entity_id: 'sp-1', student_id: 'student-a1' },
    { action: 'ledger.read', entity_id: 'sp-1', student_id: 'student-a1' },
  ]);
});

it('a sponsorship with nothing paid yet is funded through nothing', async () => {
  const l = (await ledger('acc-sponsor-1', 'sp-2')).json();
  expect(l.totals).toEqual({ pledgedFen: 25000 * 28, paidFen: 0, disbursedFen: 0 });
  expect(l.fundedThrough).toBeNull();
  expect(l.schedule.every((r: { paid: boolean }) => !r.paid)).toBe(true);
});
