import type { InjectOptions } from 'fastify';
import { bearerFor, insertWorld } from '../../test/fixtures';
import { startFakePlatforms } from '../../test/fake-platforms';
import { createTestApp, type TestApp } from '../../test/test-app';
import { sendDueMessages } from '../messaging/sender';
import { WECHAT_TEMPLATES } from '../messaging/test-world';
import { runSweep } from '../silence/sweep';

/** The people of the story, as accounts of the shared test world: 阿依 (student-a1), her sponsor 王老师, her caseworker 张社工, the NGO's admin 李主任. */
export const ACCOUNT = { student: 'acc-student-a1', sponsor: 'acc-sponsor-1', caseworker: 'acc-cw-a', admin: 'acc-admin-a' } as const;
export type Person = keyof typeof ACCOUNT;
export const OPENID = { student: 'openid-ayi', sponsor: 'openid-wang' } as const;

const personOfAccount = new Map<string, string>(Object.entries(ACCOUNT).map(([person, account]) => [account, person]));
const personOfOpenid = new Map<string, string>(Object.entries(OPENID).map(([person, openid]) => [openid, person]));
const eventOfTemplate = new Map<string, string>(Object.entries(WECHAT_TEMPLATES).map(([event, template]) => [template, event]));
const who = (accountId: string) => personOfAccount.get(accountId) ?? accountId;

/** The time of day the scheduled jobs are observed at: 12:00 UTC, 20:00 in Beijing. */
export const SWEEP_TIME = 'T12:00:00.000Z';

function* daysFrom(from: string, to: string): Generator<string> {
  for (let day = Date.parse(`${from}T00:00:00Z`); day <= Date.parse(`${to}T00:00:00Z`); day += 86_400_000) {
    yield new Date(day).toISOString().slice(0, 10);
  }
}

/**
 * The shared test world on a server wired to the fake WeChat servers, with WeChat subscribe templates
 * configured. The sponsor signed up through WeChat; the other students of the world are off the
 * ladder, so every message counted belongs to the story.
 */
export async function startFoundingStory(startAt: Date) {
  const platforms = await startFakePlatforms();
  const t: TestApp = await createTestApp(
    {
      ...platforms.env,
      WECHAT_SUBSCRIBE_TEMPLATES: Object.entries(WECHAT_TEMPLATES).map(([event, id]) => `${event}=${id}`).join(','),
      // The story spans seven months; people stay signed in through it.
      SESSION_TTL_HOURS: String(366 * 24),
    },
    startAt,
  );
  const db = t.app.db;
  await insertWorld(db);
  await db
    .insertInto('platform_identities')
    .values({ id: 'pi-sponsor-wang', account_id: ACCOUNT.sponsor, platform: 'wechat', subject: OPENID.sponsor, union_id: null, created_at: startAt.toISOString() })
    .execute();
  await db.updateTable('students').set({ last_heard_at: null, next_due_at: null, ladder_next_at: null }).where('id', 'in', ['student-a2', 'student-b1']).execute();

  let sendsSeen = 0;

  /** What the scheduled jobs did at `at`: steps, alerts, tasks, notices, queued and sent platform messages. */
  async function happenedAt(at: string): Promise<string[]> {
    const steps = await db.selectFrom('silence_steps').select('step').where('performed_at', '=', at).execute();
    const opened = await db.selectFrom('alerts').select('id').where('opened_at', '=', at).execute();
    const escalated = await db.selectFrom('alerts').select('id').where('escalated_at', '=', at).execute();
    const tasks = await db.selectFrom('caseworker_tasks').select('kind').where('created_at', '=', at).execute();
    const notices = await db.selectFrom('notifications').select(['account_id', 'kind']).where('created_at', '=', at).execute();
    const queued = await db.selectFrom('outbox_messages').select(['account_id', 'event']).where('created_at', '=', at).execute();
    const sent = platforms.subscribeSends.slice(sendsSeen);
    sendsSeen = platforms.subscribeSends.length;
    return [
      ...steps.map((s) => `step ${s.step}`).sort(),
      ...opened.map(() => 'alert opened'),
      ...escalated.map(() => 'alert escalated'),
      ...tasks.map((task) => `task ${task.kind}`).sort(),
      ...notices.map((n) => `notice → ${who(n.account_id)}: ${n.kind}`).sort(),
      ...queued.map((m) => `outbox → ${who(m.account_id)}: ${m.event}`).sort(),
      ...sent.map((s) => `WeChat → ${personOfOpenid.get(s.touser) ?? s.touser}: ${eventOfTemplate.get(s.template_id) ?? s.template_id}`).sort(),
    ];
  }

  /** One tick of the scheduled jobs at `at` (the sweep, then the platform sender), and what it did. */
  async function tick(at: Date): Promise<string[]> {
    t.clock.set(at);
    await runSweep(db, t.app.dialect, at);
    await sendDueMessages(t.app, at);
    return happenedAt(at.toISOString());
  }

  async function request(options: InjectOptions & { as: Record<string, string> }) {
    const { as, ...rest } = options;
    return t.app.inject({ ...rest, headers: { ...as, ...(rest.headers ?? {}) } });
  }

  return {
    t,
    db,
    platforms,
    tick,
    /**
     * Lives through the days from `from` to `to` (inclusive): each day the scheduled jobs run at
     * SWEEP_TIME. Returns what they did, by local date, leaving out the days they did nothing.
     */
    async liveThrough(from: string, to: string): Promise<Record<string, string[]>> {
      const diary: Record<string, string[]> = {};
      for (const day of daysFrom(from, to)) {
        const done = await tick(new Date(`${day}${SWEEP_TIME}`));
        if (done.length > 0) diary[day] = done;
      }
      return diary;
    },
    /** Signs in through WeChat (the fake server issues the login code), as the mini-program does. */
    async signInWithWechat(openid: string): Promise<Record<string, string>> {
      const response = await t.app.inject({ method: 'POST', url: '/api/auth/wechat', payload: { code: platforms.issueCode('wechat', openid) } });
      if (response.statusCode !== 200) throw new Error(`WeChat sign-in failed: ${response.body}`);
      return { authorization: `Bearer ${response.json<{ token: string }>().token}` };
    },
    /** A staff member's session started now (staff sign in every day). */
    staffSession: (person: 'caseworker' | 'admin') => bearerFor(db, ACCOUNT[person], t.clock.now()),
    get: (url: string, as: Record<string, string>) => request({ method: 'GET', url, as }),
    post: (url: string, as: Record<string, string>, payload?: object) => request({ method: 'POST', url, as, ...(payload ? { payload } : {}) }),
    put: (url: string, as: Record<string, string>, payload: object) => request({ method: 'PUT', url, as, payload }),
    at: (iso: string) => t.clock.set(new Date(iso)),
    async close() {
      await t.close();
      await platforms.close();
    },
  };
}

export type FoundingStory = Awaited<ReturnType<typeof startFoundingStory>>;
