import { Type } from '@sinclair/typebox';
import { createTestApp, type TestApp } from '../test/test-app';
import { bearerFor, insertWorld } from '../test/fixtures';
import { newId } from '../lib/ids';

let t: TestApp;
let auth: { authorization: string };
let release: (() => void) | null = null;
/** The key's state as the handler's answer is about to be stored: what a crash at that moment would leave. */
const stateBeforeAnswerStored: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  // A route with a visible side effect, to observe what the idempotency layer lets through.
  t.app.post(
    '/api/test/notes',
    {
      config: { access: { roles: ['sponsor'] } },
      schema: {
        body: Type.Object({ text: Type.String(), wait: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
        response: { 201: Type.Object({ id: Type.String(), text: Type.String() }) },
      },
    },
    async (request, reply) => {
      const { text, wait } = request.body as { text: string; wait?: boolean };
      if (wait) await new Promise<void>((resolve) => (release = resolve));
      const id = newId();
      await t.app.db
        .insertInto('notifications')
        .values({ id, account_id: 'acc-sponsor-1', kind: 'test', payload: JSON.stringify({ text }), dedupe_key: id, created_at: new Date().toISOString(), read_at: null })
        .execute();
      return reply.status(201).send({ id, text });
    },
  );
  t.app.addHook('preSerialization', async (request, _reply, payload) => {
    const claim = request.idempotency;
    if (claim) {
      const row = await t.app.db.selectFrom('idempotency_keys').select('state').where('account_id', '=', claim.accountId).where('key', '=', claim.key).executeTakeFirst();
      stateBeforeAnswerStored.push(row?.state ?? 'missing');
    }
    return payload;
  });
  await t.app.ready();
  await insertWorld(t.app.db);
  auth = await bearerFor(t.app.db, 'acc-sponsor-1');
});
afterAll(() => t.close());

const post = (payload: object, key?: string, as = auth) =>
  t.app.inject({ method: 'POST', url: '/api/test/notes', payload, headers: { ...as, ...(key ? { 'idempotency-key': key } : {}) } });
const count = async () => (await t.app.db.selectFrom('notifications').select('id').where('kind', '=', 'test').execute()).length;

it('applies a retried request once and replays the first response', async () => {
  const before = await count();
  const first = await post({ text: '你好' }, 'key-1');
  const retry = await post({ text: '你好' }, 'key-1');
  expect(first.statusCode).toBe(201);
  expect(retry.statusCode).toBe(201);
  expect(retry.json()).toEqual(first.json());
  expect(retry.headers['idempotent-replay']).toBe('true');
  expect(await count()).toBe(before + 1);
});

it('refuses the same key with a different body (422) and loses nothing', async () => {
  await post({ text: 'first' }, 'key-2');
  const clash = await post({ text: 'second' }, 'key-2');
  expect(clash.statusCode).toBe(422);
  expect(clash.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
});

it('answers 409 while the first request with the key is still running', async () => {
  const slow = post({ text: 'slow', wait: true }, 'key-3');
  await new Promise((resolve) => setTimeout(resolve, 50));
  const meanwhile = await post({ text: 'slow', wait: true }, 'key-3');
  expect(meanwhile.statusCode).toBe(409);
  expect(meanwhile.json().error.code).toBe('IDEMPOTENCY_IN_PROGRESS');
  release!();
  expect((await slow).statusCode).toBe(201);
});

it('keeps keys per account and forgets them after a day', async () => {
  const before = await count();
  await post({ text: 'a' }, 'key-4');
  const otherSponsor = await bearerFor(t.app.db, 'acc-sponsor-2');
  expect((await post({ text: 'different' }, 'key-4', otherSponsor)).statusCode).toBe(201);
  t.clock.set(new Date(t.clock.now().getTime() + 25 * 3600_000));
  try {
    const later = await post({ text: 'a' }, 'key-4', await bearerFor(t.app.db, 'acc-sponsor-1', t.clock.now()));
    expect(later.statusCode).toBe(201);
    expect(later.headers['idempotent-replay']).toBeUndefined();
  } finally {
    t.clock.set(new Date('2026-11-29T04:00:00.000Z'));
  }
  expect(await count()).toBe(before + 3);
});

it('treats requests without a key as independent', async () => {
  const before = await count();
  await post({ text: 'x' });
  await post({ text: 'x' });
  expect(await count()).toBe(before + 2);
});

it('rejects a malformed key', async () => {
  const response = await post({ text: 'x' }, 'spaces are not allowed');
  expect(response.statusCode).toBe(400);
});

describe('after a crash', () => {
  const LEASE_MS = 30_000;
  const keyRow = (key: string) => t.app.db.updateTable('idempotency_keys').where('account_id', '=', 'acc-sponsor-1').where('key', '=', key);
  const testNotes = (text: string) => t.app.db.selectFrom('notifications').select('id').where('kind', '=', 'test').where('payload', '=', JSON.stringify({ text }));

  it('marks the key committed in the write’s own transaction, before the answer is stored', async () => {
    stateBeforeAnswerStored.length = 0;
    expect((await post({ text: 'marked' }, 'crash-0')).statusCode).toBe(201);
    expect(stateBeforeAnswerStored).toEqual(['committed']);
  });

  it('runs the write once when the first request died before committing: its claim lapses after the lease', async () => {
    const first = await post({ text: 'lost in a crash' }, 'crash-1');
    // What a crash before the commit leaves: the claim, no write, no answer.
    await t.app.db.deleteFrom('notifications').where('id', '=', first.json().id).execute();
    await keyRow('crash-1').set({ state: 'in_progress', response_status: null, response_body: null, lease_until: t.clock.now().toISOString() }).execute();
    t.clock.set(new Date(t.clock.now().getTime() - 1000));
    try {
      const tooSoon = await post({ text: 'lost in a crash' }, 'crash-1');
      expect(tooSoon.json().error.code).toBe('IDEMPOTENCY_IN_PROGRESS');
    } finally {
      t.clock.set(new Date('2026-11-29T04:00:00.000Z'));
    }
    const retry = await post({ text: 'lost in a crash' }, 'crash-1');
    expect(retry.statusCode).toBe(201);
    expect(await testNotes('lost in a crash').execute()).toHaveLength(1);
    expect((await post({ text: 'lost in a crash' }, 'crash-1')).json()).toEqual(retry.json());
    expect(await testNotes('lost in a crash').execute()).toHaveLength(1);
  });

  it('never runs the write again when it committed but the answer was lost, and says it is saved', async () => {
    await post({ text: 'answer lost' }, 'crash-2');
    // What a crash between the commit and the answer leaves.
    await keyRow('crash-2').set({ state: 'committed', response_status: null, response_body: null, lease_until: null }).execute();
    t.clock.set(new Date(t.clock.now().getTime() + 10 * LEASE_MS));
    try {
      for (let i = 0; i < 3; i++) {
        const retry = await post({ text: 'answer lost' }, 'crash-2');
        expect(retry.statusCode).toBe(409);
        expect(retry.json().error.code).toBe('IDEMPOTENCY_COMMITTED');
      }
    } finally {
      t.clock.set(new Date('2026-11-29T04:00:00.000Z'));
    }
    expect(await testNotes('answer lost').execute()).toHaveLength(1);
  });
});

it('names what is wrong in words, never “undefined”', async () => {
  const badKey = await post({ text: 'x' }, 'spaces are not allowed');
  expect(badKey.json().error.details).toEqual([{ field: 'header.idempotency-key', message: '应为 1–128 个字母、数字或 _.:- 字符' }]);
  const missing = await t.app.inject({ method: 'POST', url: '/api/letters', headers: auth, payload: { body: '你好' } });
  expect(missing.json().error.details).toEqual([{ field: 'body.sponsorshipId', message: '缺少必填项 sponsorshipId' }]);
});
