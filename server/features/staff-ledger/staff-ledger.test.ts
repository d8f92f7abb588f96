import sharp from 'sharp';
import { createTestApp, type TestApp } from '../../test/test-app';
import { bearerFor, insertWorld } from '../../test/fixtures';
import { multipartBody } from '../../test/multipart';

let t: TestApp;
const as: Record<string, { authorization: string }> = {};
let jpeg: Buffer;

beforeAll(async () => {
  t = await createTestApp();
  await insertWorld(t.app.db);
  for (const a of ['acc-admin-a', 'acc-cw-a', 'acc-cw-b', 'acc-sponsor-1']) as[a] = await bearerFor(t.app.db, a);
  jpeg = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#3a7' } })
    .jpeg()
    .withMetadata({ exif: { IFD0: { Artist: 'secret-author' } } })
    .toBuffer();
  // A reservation for student-a3: nothing can be recorded for it yet.
  await t.app.db
    .insertInto('sponsorships')
    .values({ id: 'sp-r', sponsor_id: 'sponsor-2', student_id: 'student-a3', status: 'reserved', amount_fen: 10000, cadence: 'quarterly', term_years: 1, start_date: '2026-12-01', end_date: '2027-12-01', reserved_until: '2026-11-29T04:15:00.000Z', confirmed_at: null, ended_at: null, end_reason: null, created_at: '2026-11-29T04:00:00.000Z', updated_at: '2026-11-29T04:00:00.000Z' })
    .execute();
});
afterAll(() => t.close());

const post = (who: string, url: string, payload: object, key?: string) =>
  t.app.inject({ method: 'POST', url, payload, headers: { ...as[who], ...(key ? { 'idempotency-key': key } : {}) } });
const payment = { amountFen: 75000, receivedOn: '2025-09-02', note: '银行转账 9 月' };
const disbursement = { amountFen: 50000, occurredOn: '2025-09-10', category: 'tuition', payee: '昭觉县民族中学', payeeKind: 'school', description: '秋季学期学费' };

async function uploadReceipt(who: string) {
  const { payload, headers } = multipartBody('receipt', jpeg, 'receipt.jpg');
  return t.app.inject({ method: 'POST', url: '/api/staff/receipts', payload, headers: { ...as[who], ...headers } });
}

it('records a payment: NGO admin only (caseworker 403), the NGO’s own (404 otherwise), confirmed only (409), audited', async () => {
  expect((await post('acc-cw-a', '/api/staff/sponsorships/sp-1/payments', payment)).statusCode).toBe(403);
  expect((await post('acc-admin-a', '/api/staff/sponsorships/sp-2/payments', payment)).statusCode).toBe(404);
  expect((await post('acc-admin-a', '/api/staff/sponsorships/sp-r/payments', payment)).json().error.code).toBe('SPONSORSHIP_NOT_CONFIRMED');
  expect((await post('acc-admin-a', '/api/staff/sponsorships/sp-1/payments', { ...payment, amountFen: 0 })).statusCode).toBe(400);
  expect((await post('acc-admin-a', '/api/staff/sponsorships/sp-1/payments', { ...payment, extra: 1 })).statusCode).toBe(400);
  const res = await post('acc-admin-a', '/api/staff/sponsorships/sp-1/payments', payment);
  expect(res.statusCode).toBe(201);
  expect(res.json()).toMatchObject({ occurredOn: '2025-09-02', amountFen: 75000, description: '银行转账 9 月', category: null, payeeLabel: null, receiptUrl: null });
  const audit = await t.app.db.selectFrom('audit_log').select(['actor_account_id', 'entity_id', 'student_id']).where('action', '=', 'ledger.payment.record').execute();
  expect(audit).toEqual([{ actor_account_id: 'acc-admin-a', entity_id: res.json().id, student_id: 'student-a1' }]);
});

it('uploads a receipt (admin only), re-encoded without metadata', async () => {
  expect((await uploadReceipt('acc-cw-a')).statusCode).toBe(403);
  const res = await uploadReceipt('acc-admin-a');
  expect(res.statusCode).toBe(201);
  const upload = await t.app.db.selectFrom('uploads').selectAll().where('id', '=', res.json().id).executeTakeFirstOrThrow();
  expect(upload.owner_account_id).toBe('acc-admin-a');
  const stored = await t.app.files.get(upload.storage_key);
  expect(stored!.includes(Buffer.from('secret-author'))).toBe(false);
  expect((await sharp(stored!).metadata()).exif).toBeUndefined();
});

it('records a disbursement with its receipt, tells the sponsor once, and audits it', async () => {
  const receipt = (await uploadReceipt('acc-admin-a')).json();
  const body = { ...disbursement, receiptUploadId: receipt.id };
  expect((await post('acc-cw-a', '/api/staff/sponsorships/sp-1/disbursements', body)).statusCode).toBe(403);
  const res = await post('acc-admin-a', '/api/staff/sponsorships/sp-1/disbursements', body, 'disb-1');
  expect(res.statusCode).toBe(201);
  const view = res.json();
  expect(view).toMatchObject({ occurredOn: '2025-09-10', amountFen: 50000, category: 'tuition', payeeLabel: '昭觉县民族中学', description: '秋季学期学费' });
  expect((await t.app.inject({ url: view.receiptUrl })).headers['content-type']).toBe('image/jpeg');

  // A retry with the same key replays the answer; nothing is recorded or notified twice.
  const again = await post('acc-admin-a', '/api/staff/sponsorships/sp-1/disbursements', body, 'disb-1');
  expect(again.json().id).toBe(view.id);
  // The receipt cannot be used for another disbursement.
  expect((await post('acc-admin-a', '/api/staff/sponsorships/sp-1/disbursements', body)).json().error.code).toBe('RECEIPT_UNAVAILABLE');

  const notes = await t.app.db.selectFrom('notifications').selectAll().where('kind', '=', 'disbursement_recorded').execute();
  expect(notes).toHaveLength(1);
  expect(notes[0]).toMatchObject({ account_id: 'acc-sponsor-1', dedupe_key: `disbursement_recorded:${view.id}` });
  expect(JSON.parse(notes[0].payload)).toEqual({
    sponsorshipId: 'sp-1',
    studentId: 'student-a1',
    studentDisplayName: '阿依',
    entryId: view.id,
    amountFen: 50000,
    category: 'tuition',
    payeeLabel: '学校（学费）',
  });
  const inbox = (await t.app.inject({ url: '/api/notifications', headers: as['acc-sponsor-1'] })).json();
  expect(inbox.items.filter((n: { kind: string }) => n.kind === 'disbursement_recorded')).toHaveLength(1);
  expect(JSON.stringify(inbox)).not.toContain('昭觉县民族中学');

  const audit = await t.app.db.selectFrom('audit_log').select(['entity_id', 'detail']).where('action', '=', 'ledger.disbursement.record').execute();
  expect(audit).toHaveLength(1);
  expect(JSON.parse(audit[0].detail!)).toMatchObject({ sponsorshipId: 'sp-1', payeeKind: 'school', receipt: true });

  // The sponsor's ledger shows it with a safe label and the signed receipt.
  const ledger = (await t.app.inject({ url: '/api/sponsor/sponsorships/sp-1/ledger', headers: as['acc-sponsor-1'] })).json();
  expect(ledger.disbursements[0]).toMatchObject({ id: view.id, payeeLabel: '学校（学费）' });
  expect(ledger.disbursements[0].receiptUrl).toMatch(/^\/api\/files\//);
});

it('refuses someone else’s upload and another NGO’s sponsorship', async () => {
  const mine = (await uploadReceipt('acc-admin-a')).json();
  await t.app.db.updateTable('uploads').set({ owner_account_id: 'acc-cw-a' }).where('id', '=', mine.id).execute();
  expect((await post('acc-admin-a', '/api/staff/sponsorships/sp-1/disbursements', { ...disbursement, receiptUploadId: mine.id })).json().error.code).toBe('RECEIPT_UNAVAILABLE');
  expect((await post('acc-admin-a', '/api/staff/sponsorships/sp-2/disbursements', disbursement)).statusCode).toBe(404);
  expect((await post('acc-admin-a', '/api/staff/sponsorships/sp-1/disbursements', { ...disbursement, payeeKind: 'bank' })).statusCode).toBe(400);
});

it('lists the NGO’s sponsorships with paid and disbursed totals and funded-through, paged; caseworkers may read', async () => {
  const first = (await t.app.inject({ url: '/api/staff/sponsorships?limit=2', headers: as['acc-cw-a'] })).json();
  expect(first.items.map((s: { id: string }) => s.id)).toEqual(['sp-r', 'sp-1']);
  expect(first.items[1]).toEqual({
    id: 'sp-1',
    status: 'active',
    studentId: 'student-a1',
    studentName: '吉克阿依',
    sponsorName: '北京的王老师',
    amountFen: 25000,
    cadence: 'monthly',
    paidFen: 75000,
    disbursedFen: 50000,
    fundedThrough: '2025-11-30',
  });
  const second = (await t.app.inject({ url: `/api/staff/sponsorships?limit=2&cursor=${first.nextCursor}`, headers: as['acc-cw-a'] })).json();
  expect(second.items.map((s: { id: string }) => s.id)).toEqual(['sp-3']);
  expect(second.nextCursor).toBeNull();
  const other = (await t.app.inject({ url: '/api/staff/sponsorships', headers: as['acc-cw-b'] })).json();
  expect(other.items.map((s: { id: string }) => s.id)).toEqual(['sp-2']);
  expect((await t.app.inject({ url: '/api/staff/sponsorships', headers: as['acc-sponsor-1'] })).statusCode).toBe(403);
});
