import { createTestApp, type TestApp } from '../../test/test-app';
import { bearerFor, insertWorld } from '../../test/fixtures';

let t: TestApp;
const as: Record<string, { authorization: string }> = {};
const START = new Date('2026-11-29T04:00:00.000Z');
const CLEAN = '阿依，你好！最近天气冷了，记得多穿衣服。祝你学习进步，天天开心。';
const PHONE = '13800001234';
const WITH_PHONE = `阿依你好，有事可以打我电话 ${PHONE}，我们聊聊。`;

beforeAll(async () => {
  t = await createTestApp();
  await insertWorld(t.app.db);
  for (const account of ['acc-sponsor-1', 'acc-sponsor-2', 'acc-student-a1', 'acc-student-a2', 'acc-student-b1', 'acc-cw-a', 'acc-cw-a2', 'acc-admin-a', 'acc-cw-b']) {
    as[account] = await bearerFor(t.app.db, account);
  }
});
afterAll(() => t.close());
afterEach(() => t.clock.set(START));

const get = (url: string, who: string, headers: Record<string, string> = {}) => t.app.inject({ url, headers: { ...as[who], ...headers } });
const post = (url: string, who: string, payload?: object, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, payload, headers: { ...as[who], ...headers } });
const later = (hours: number) => t.clock.set(new Date(t.clock.now().getTime() + hours * 3600_000));

async function write(who: string, body: string, sponsorshipId = 'sp-1', extra: object = {}) {
  const response = await post('/api/letters', who, { sponsorshipId, body, ...extra });
  expect(response.statusCode).toBe(201);
  return response.json();
}
const listIds = async (who: string, query = '') => (await get(`/api/letters${query}`, who)).json().items.map((l: { id: string }) => l.id);
const notificationsOf = (accountId: string) => t.app.db.selectFrom('notifications').selectAll().where('account_id', '=', accountId).execute();
const auditOf = (letterId: string) => t.app.db.selectFrom('audit_log').selectAll().where('entity_id', '=', letterId).execute();

describe('a clean letter', () => {
  it('is screened and delivered at once, and the student can read it', async () => {
    const letter = await write('acc-sponsor-1', CLEAN);
    expect(letter).toMatchObject({
      sponsorshipId: 'sp-1',
      direction: 'to_student',
      status: 'delivered',
      mine: true,
      counterpartName: '阿依',
      body: CLEAN,
      findings: [],
      redactions: [],
      canEdit: false,
      canReply: false,
    });
    expect(letter.events.map((e: { status: string; by: string }) => `${e.status}:${e.by}`)).toEqual(['submitted:you', 'screened:system', 'delivered:system']);

    expect(await listIds('acc-student-a1')).toContain(letter.id);
    const seen = (await get(`/api/letters/${letter.id}`, 'acc-student-a1')).json();
    expect(seen).toMatchObject({ mine: false, counterpartName: '北京的王老师', body: CLEAN, canReply: true, status: 'delivered' });
    expect(seen.events.map((e: { status: string }) => e.status)).toEqual(['delivered']);

    const read = await post(`/api/letters/${letter.id}/read`, 'acc-student-a1');
    expect(read.statusCode).toBe(200);
    expect(read.json().status).toBe('read');
    expect(read.json().events.map((e: { status: string; by: string }) => `${e.status}:${e.by}`)).toEqual(['delivered:system', 'read:you']);
    // Opening it again changes nothing; the writer cannot mark it read.
    expect((await post(`/api/letters/${letter.id}/read`, 'acc-student-a1')).json().status).toBe('read');
    expect((await post(`/api/letters/${letter.id}/read`, 'acc-sponsor-1')).statusCode).toBe(404);
    const writerView = (await get(`/api/letters/${letter.id}`, 'acc-sponsor-1')).json();
    expect(writerView.events.at(-1)).toMatchObject({ status: 'read', by: 'reader' });
  });

  it('never shows either side the student’s legal name, school or village', async () => {
    await write('acc-sponsor-1', CLEAN);
    for (const who of ['acc-sponsor-1', 'acc-student-a1']) {
      const body = (await get('/api/letters', who)).body;
      for (const secret of ['吉克', '昭觉县民族中学', '解放沟村']) expect(body).not.toContain(secret);
    }
  });

  it('notifies the reader and the writer once, at delivery', async () => {
    const letter = await write('acc-sponsor-1', CLEAN);
    const toStudent = (await notificationsOf('acc-student-a1')).filter((n) => JSON.parse(n.payload).letterId === letter.id);
    const toSponsor = (await notificationsOf('acc-sponsor-1')).filter((n) => JSON.parse(n.payload).letterId === letter.id);
    expect(toStudent.map((n) => n.kind)).toEqual(['letter_delivered']);
    expect(JSON.parse(toStudent[0].payload)).toMatchObject({ letterId: letter.id, counterpartName: '北京的王老师' });
    expect(toSponsor.map((n) => n.kind)).toEqual(['letter_delivered_to_reader']);
    expect(JSON.parse(toSponsor[0].payload)).toMatchObject({ counterpartName: '阿依' });
  });
});

describe('a letter screening holds', () => {
  it('is held with a phone finding the writer sees, and is invisible to the reader', async () => {
    const letter = await write('acc-sponsor-1', WITH_PHONE);
    expect(letter.status).toBe('held');
    expect(letter.findings).toEqual(expect.arrayContaining([expect.objectContaining({ category: 'phone', excerpt: expect.stringContaining('1380000'), message: expect.any(String) })]));
    const phone = letter.findings.find((f: { category: string }) => f.category === 'phone');
    expect(WITH_PHONE.slice(phone.start, phone.end)).toBe(phone.excerpt);
    expect(letter.events.at(-1)).toMatchObject({ status: 'held', by: 'system', reason: expect.any(String) });
    const english = (await get(`/api/letters/${letter.id}`, 'acc-sponsor-1', { 'accept-language': 'en-US' })).json();
    expect(english.findings[0].message).not.toEqual(letter.findings[0].message);

    expect(await listIds('acc-student-a1')).not.toContain(letter.id);
    expect((await get(`/api/letters/${letter.id}`, 'acc-student-a1')).statusCode).toBe(404);
    expect((await post(`/api/letters/${letter.id}/read`, 'acc-student-a1')).statusCode).toBe(404);
    expect((await get(`/api/letters/${letter.id}`, 'acc-sponsor-2')).statusCode).toBe(404);
    expect((await notificationsOf('acc-student-a1')).some((n) => JSON.parse(n.payload).letterId === letter.id)).toBe(false);
  });

  it('waits in its own NGO’s queue only, oldest first, and a caseworker of another NGO cannot act on it', async () => {
    const first = await write('acc-sponsor-1', WITH_PHONE);
    later(1);
    const second = await write('acc-sponsor-1', WITH_PHONE);
    later(5);
    const queue = (await get('/api/staff/letters/held?limit=100', 'acc-cw-a')).json();
    const ids = queue.items.map((l: { id: string }) => l.id);
    expect(ids.indexOf(first.id)).toBeLessThan(ids.indexOf(second.id));
    const item = queue.items.find((l: { id: string }) => l.id === first.id);
    expect(item).toMatchObject({
      direction: 'to_student',
      studentId: 'student-a1',
      studentName: expect.stringContaining('吉克阿依'),
      writerName: '北京的王老师',
      body: WITH_PHONE,
      waitingHours: 6,
      photos: [],
    });
    expect(item.findings.map((f: { category: string }) => f.category)).toContain('phone');

    expect((await get('/api/staff/letters/held?limit=100', 'acc-cw-b')).json().items.map((l: { id: string }) => l.id)).not.toContain(first.id);
    for (const url of ['approve', 'return', 'approve-redacted']) {
      const payload = url === 'return' ? { reason: 'x' } : url === 'approve-redacted' ? { redactions: [{ start: 0, end: 1 }] } : undefined;
      const response = await post(`/api/staff/letters/${first.id}/${url}`, 'acc-cw-b', payload);
      expect(response.statusCode).toBe(404);
    }
    // Sponsors and students have no business in the queue.
    expect((await get('/api/staff/letters/held', 'acc-sponsor-1')).statusCode).toBe(403);
    expect((await post(`/api/staff/letters/${first.id}/approve`, 'acc-sponsor-1')).statusCode).toBe(403);
  });

  it('held → approved → delivered, audited, and then the student has it', async () => {
    const letter = await write('acc-sponsor-1', WITH_PHONE);
    later(2);
    const decision = await post(`/api/staff/letters/${letter.id}/approve`, 'acc-cw-a');
    expect(decision.statusCode).toBe(200);
    expect(decision.json()).toEqual({ id: letter.id, status: 'delivered' });
    expect((await post(`/api/staff/letters/${letter.id}/approve`, 'acc-cw-a')).statusCode).toBe(409);

    const seen = (await get(`/api/letters/${letter.id}`, 'acc-student-a1')).json();
    expect(seen.body).toBe(WITH_PHONE);
    const writer = (await get(`/api/letters/${letter.id}`, 'acc-sponsor-1')).json();
    expect(writer.events.map((e: { status: string; by: string }) => `${e.status}:${e.by}`)).toEqual([
      'submitted:you',
      'screened:system',
      'held:system',
      'approved:staff',
      'delivered:system',
    ]);
    expect(writer.findings).toEqual([]);
    const audit = await auditOf(letter.id);
    expect(audit).toEqual([expect.objectContaining({ action: 'letters.approve', actor_account_id: 'acc-cw-a', student_id: 'student-a1', entity_type: 'letter' })]);
    expect((await notificationsOf('acc-student-a1')).filter((n) => JSON.parse(n.payload).letterId === letter.id)).toHaveLength(1);
  });

  it('lets only one of two simultaneous decisions through (the other answers 409)', async () => {
    const letter = await write('acc-sponsor-1', WITH_PHONE);
    const answers = await Promise.all([
      post(`/api/staff/letters/${letter.id}/approve`, 'acc-cw-a'),
      post(`/api/staff/letters/${letter.id}/return`, 'acc-admin-a', { reason: '请删掉电话' }),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    const events = await t.app.db.selectFrom('letter_events').select('to_status').where('letter_id', '=', letter.id).execute();
    expect(events.filter((e) => e.to_status === 'approved' || e.to_status === 'returned')).toHaveLength(1);
    expect(await auditOf(letter.id)).toHaveLength(1);
  });

  it('held → returned with a reason the writer sees → edited and resubmitted → delivered', async () => {
    const letter = await write('acc-sponsor-1', WITH_PHONE);
    const reason = '请不要留下电话号码，有事可以通过社工转达。';
    expect((await post(`/api/staff/letters/${letter.id}/return`, 'acc-admin-a', { reason })).json()).toEqual({ id: letter.id, status: 'returned' });

    const returned = (await get(`/api/letters/${letter.id}`, 'acc-sponsor-1')).json();
    expect(returned).toMatchObject({ status: 'returned', returnReason: reason, canEdit: true });
    expect(returned.findings.map((f: { category: string }) => f.category)).toContain('phone');
    expect(returned.events.at(-1)).toMatchObject({ status: 'returned', by: 'staff', reason });
    expect((await notificationsOf('acc-sponsor-1')).some((n) => n.kind === 'letter_returned' && JSON.parse(n.payload).letterId === letter.id)).toBe(true);
    expect(await auditOf(letter.id)).toEqual([expect.objectContaining({ action: 'letters.return', reason, student_id: 'student-a1' })]);
    expect((await get(`/api/letters/${letter.id}`, 'acc-student-a1')).statusCode).toBe(404);

    later(1);
    const resent = await post(`/api/letters/${letter.id}/resubmit`, 'acc-sponsor-1', { body: CLEAN });
    expect(resent.statusCode).toBe(200);
    expect(resent.json()).toMatchObject({ status: 'delivered', body: CLEAN, returnReason: null, findings: [], canEdit: false });
    expect(resent.json().events.map((e: { status: string }) => e.status)).toEqual([
      'submitted',
      'screened',
      'held',
      'returned',
      'submitted',
      'screened',
      'delivered',
    ]);
    expect((await get(`/api/letters/${letter.id}`, 'acc-student-a1')).json().body).toBe(CLEAN);
    expect((await post(`/api/letters/${letter.id}/resubmit`, 'acc-sponsor-1', { body: CLEAN })).statusCode).toBe(409);
  });

  it('a resubmitted letter that still leaks is held again', async () => {
    const letter = await write('acc-sponsor-1', WITH_PHONE);
    await post(`/api/staff/letters/${letter.id}/return`, 'acc-cw-a', { reason: '请删掉电话' });
    const resent = (await post(`/api/letters/${letter.id}/resubmit`, 'acc-sponsor-1', { body: `${CLEAN} ${PHONE}` })).json();
    expect(resent.status).toBe('held');
    expect(resent.findings[0].start).toBeGreaterThanOrEqual(CLEAN.length);
  });

  it('approve-redacted hides the passage from the reader and lists it for the writer', async () => {
    const letter = await write('acc-sponsor-1', WITH_PHONE);
    const start = WITH_PHONE.indexOf(PHONE);
    const span = { start, end: start + PHONE.length };
    for (const bad of [[{ start: 0, end: WITH_PHONE.length + 1 }], [{ start: 2, end: 8 }, { start: 5, end: 9 }], [{ start: 4, end: 4 }]]) {
      const response = await post(`/api/staff/letters/${letter.id}/approve-redacted`, 'acc-cw-a', { redactions: bad });
      expect(response.statusCode).toBe(400);
    }
    const response = await post(`/api/staff/letters/${letter.id}/approve-redacted`, 'acc-cw-a', { redactions: [span] }, { 'accept-language': 'en-US' });
    expect(response.json()).toEqual({ id: letter.id, status: 'delivered' });

    const reader = (await get(`/api/letters/${letter.id}`, 'acc-student-a1')).json();
    expect(reader.body).toBe(WITH_PHONE.replace(PHONE, '■■■'));
    expect(reader.body).not.toContain('138');
    expect(reader.redactions).toEqual([]);
    const listed = (await get('/api/letters?limit=100', 'acc-student-a1')).json().items.find((l: { id: string }) => l.id === letter.id);
    expect(listed.preview).not.toContain('138');

    const writer = (await get(`/api/letters/${letter.id}`, 'acc-sponsor-1')).json();
    expect(writer.body).toBe(WITH_PHONE);
    expect(writer.redactions).toEqual([span]);
    expect(writer.events.find((e: { status: string }) => e.status === 'approved').reason).toEqual(expect.any(String));
    expect(await auditOf(letter.id)).toEqual([
      expect.objectContaining({ action: 'letters.approve_redacted', student_id: 'student-a1', detail: expect.stringContaining(`"start":${start}`) }),
    ]);
  });
});

describe('writing', () => {
  it('creates one letter for a retried request, and refuses the same key with another body', async () => {
    const count = async () => (await t.app.db.selectFrom('letters').select('id').execute()).length;
    const before = await count();
    const key = { 'idempotency-key': 'letter-key-1' };
    const first = await post('/api/letters', 'acc-sponsor-1', { sponsorshipId: 'sp-1', body: CLEAN }, key);
    const retry = await post('/api/letters', 'acc-sponsor-1', { sponsorshipId: 'sp-1', body: CLEAN }, key);
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.json().id).toBe(first.json().id);
    expect(await count()).toBe(before + 1);
    const clash = await post('/api/letters', 'acc-sponsor-1', { sponsorshipId: 'sp-1', body: `${CLEAN}!` }, key);
    expect(clash.statusCode).toBe(422);
    expect(await count()).toBe(before + 1);
  });

  it('only on the caller’s own open sponsorship', async () => {
    expect((await post('/api/letters', 'acc-sponsor-1', { sponsorshipId: 'sp-3', body: CLEAN })).statusCode).toBe(404);
    expect((await post('/api/letters', 'acc-student-a1', { sponsorshipId: 'sp-2', body: CLEAN })).statusCode).toBe(404);
    const missing = await post('/api/letters', 'acc-sponsor-1', { body: CLEAN });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details[0].field).toBe('body.sponsorshipId');
    await t.app.db
      .insertInto('sponsorships')
      .values({
        id: 'sp-old',
        sponsor_id: 'sponsor-2',
        student_id: 'student-a1',
        status: 'completed',
        amount_fen: 10000,
        cadence: 'monthly',
        term_years: 1,
        start_date: '2023-09-01',
        end_date: '2024-07-01',
        reserved_until: null,
        confirmed_at: '2023-09-01T00:00:00.000Z',
        ended_at: '2024-07-01T00:00:00.000Z',
        end_reason: null,
        created_at: '2023-09-01T00:00:00.000Z',
        updated_at: '2024-07-01T00:00:00.000Z',
      })
      .execute();
    const closed = await post('/api/letters', 'acc-sponsor-2', { sponsorshipId: 'sp-old', body: CLEAN }, { 'accept-language': 'en-US' });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error).toMatchObject({ code: 'SPONSORSHIP_CLOSED', message: expect.stringContaining('sponsorship') });
    expect((await post('/api/letters', 'acc-sponsor-1', { sponsorshipId: 'sp-1', body: '' })).statusCode).toBe(400);
    expect((await post('/api/letters', 'acc-sponsor-1', { sponsorshipId: 'sp-1', body: CLEAN, photoIds: ['nope'] })).json().error.code).toBe('PHOTO_UNAVAILABLE');
  });

  it('a reply links to the letter it answers, marks it replied and tells its writer once', async () => {
    const original = await write('acc-sponsor-1', CLEAN);
    later(3);
    const reply = await post('/api/letters', 'acc-student-a1', { inReplyTo: original.id, body: '王老师好！谢谢您的来信，我这学期数学进步了。' });
    expect(reply.statusCode).toBe(201);
    expect(reply.json()).toMatchObject({ direction: 'to_sponsor', sponsorshipId: 'sp-1', inReplyTo: original.id, status: 'delivered', counterpartName: '北京的王老师' });

    const answered = (await get(`/api/letters/${original.id}`, 'acc-sponsor-1')).json();
    expect(answered.status).toBe('replied');
    expect(answered.events.slice(-2).map((e: { status: string; by: string }) => `${e.status}:${e.by}`)).toEqual(['read:reader', 'replied:reader']);
    expect((await get(`/api/letters/${original.id}`, 'acc-student-a1')).json().canReply).toBe(false);

    const replied = (await notificationsOf('acc-sponsor-1')).filter((n) => n.kind === 'letter_replied');
    expect(replied.filter((n) => JSON.parse(n.payload).letterId === reply.json().id)).toHaveLength(1);
    expect(JSON.parse(replied[0].payload)).toMatchObject({ inReplyTo: original.id, counterpartName: '阿依' });

    const again = await post('/api/letters', 'acc-student-a1', { inReplyTo: original.id, body: '再写一封' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('LETTER_NOT_REPLYABLE');
    // The writer cannot "reply" to their own letter, nor anyone to a letter they cannot see.
    expect((await post('/api/letters', 'acc-sponsor-1', { inReplyTo: reply.json().id, body: CLEAN, sponsorshipId: 'sp-2' })).statusCode).toBe(400);
    expect((await post('/api/letters', 'acc-sponsor-1', { inReplyTo: original.id, body: CLEAN })).statusCode).toBe(404);
    expect((await post('/api/letters', 'acc-student-a2', { inReplyTo: original.id, body: CLEAN })).statusCode).toBe(404);
  });

  it('a student’s letter counts as hearing from them (next due by the NGO’s cadence, or 30 days)', async () => {
    later(10);
    const now = t.clock.now();
    await write('acc-student-a1', '王老师好，我最近很好，期中考试考得不错。');
    const a1 = await t.app.db.selectFrom('students').select(['last_heard_at', 'next_due_at']).where('id', '=', 'student-a1').executeTakeFirstOrThrow();
    expect(a1).toEqual({ last_heard_at: now.toISOString(), next_due_at: new Date(now.getTime() + 14 * 86400_000).toISOString() });

    await write('acc-student-b1', '王老师好，我们学校下雪了。', 'sp-2');
    const b1 = await t.app.db.selectFrom('students').select(['last_heard_at', 'next_due_at']).where('id', '=', 'student-b1').executeTakeFirstOrThrow();
    expect(b1.next_due_at).toBe(new Date(now.getTime() + 30 * 86400_000).toISOString());

    // A sponsor's letter is not hearing from the student.
    later(1);
    await write('acc-sponsor-1', CLEAN);
    const after = await t.app.db.selectFrom('students').select('last_heard_at').where('id', '=', 'student-a1').executeTakeFirstOrThrow();
    expect(after.last_heard_at).toBe(now.toISOString());
  });
});

describe('the list', () => {
  it('shows a sponsor both directions, newest first, filtered by sponsorship and paged', async () => {
    later(20);
    const mine = await write('acc-sponsor-1', CLEAN, 'sp-2');
    later(1);
    const theirs = await write('acc-student-b1', '王老师好！', 'sp-2');
    later(1);
    const held = await write('acc-student-b1', `王老师，我的电话是 ${PHONE}`, 'sp-2');
    const page = (await get('/api/letters?sponsorshipId=sp-2&limit=100', 'acc-sponsor-1')).json();
    const ids = page.items.map((l: { id: string }) => l.id);
    expect(ids.slice(0, 2)).toEqual([theirs.id, mine.id]);
    expect(ids).not.toContain(held.id);
    expect(page.items.every((l: { sponsorshipId: string }) => l.sponsorshipId === 'sp-2')).toBe(true);
    expect(page.items[0]).toMatchObject({ mine: false, counterpartName: '小梅', direction: 'to_sponsor', photoCount: 0 });
    // The student sees their own held letter in their list.
    expect(await listIds('acc-student-b1')).toContain(held.id);

    const all: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/letters?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const next = (await get(url, 'acc-sponsor-1')).json();
      all.push(...next.items.map((l: { id: string }) => l.id));
      cursor = next.nextCursor;
    } while (cursor);
    expect(all).toEqual((await get('/api/letters?limit=100', 'acc-sponsor-1')).json().items.map((l: { id: string }) => l.id));
    expect(new Set(all).size).toBe(all.length);

    expect((await get('/api/letters?sponsorshipId=sp-3', 'acc-sponsor-1')).json().items).toEqual([]);
    expect((await get('/api/letters', 'acc-cw-a')).statusCode).toBe(403);
  });
});
