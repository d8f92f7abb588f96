import type { FlagCaseView, QueuePage } from '../../../domain/api/care';
import { assessWellbeing } from '../../../domain/wellbeing';
import { bearerFor, insertWorld } from '../../test/fixtures';
import { createTestApp, type TestApp } from '../../test/test-app';
import { twoSweepsAtOnce } from '../silence/test-support';

const NOW = new Date('2026-11-29T04:00:00.000Z');
const MINUTE = 60_000;
/** A student's letter that discloses a wish to die: urgent. */
const URGENT = '王老师好。这次考试又没考好，爸爸说我是废物。我真的不想活了，有时候想从楼顶跳下去，这样大家都轻松了。';
/** A check-in note about being bullied: a concern. */
const CONCERN = '班上几个同学天天骂我，还把我的书扔进垃圾桶，没有人跟我玩。';
const CLEAN = '王老师好！这学期我当上了数学课代表，期中考了 112 分，谢谢您一直鼓励我。';

let t: TestApp;
const as: Record<string, Record<string, string>> = {};

beforeAll(async () => {
  t = await createTestApp({}, NOW);
  await insertWorld(t.app.db);
  for (const account of ['acc-student-a1', 'acc-sponsor-1', 'acc-cw-a', 'acc-cw-a2', 'acc-admin-a', 'acc-cw-b']) as[account] = await bearerFor(t.app.db, account, NOW);
});
afterAll(() => t.close());
afterEach(() => t.clock.set(NOW));

const get = (url: string, who: string) => t.app.inject({ url, headers: as[who] });
const post = (url: string, who: string, payload: object = {}, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, payload, headers: { ...as[who], ...headers } });
const flagsOf = (sourceId: string) => t.app.db.selectFrom('wellbeing_flags').selectAll().where('source_id', '=', sourceId).execute();
const noticesOf = (accountId: string, kind: string) =>
  t.app.db.selectFrom('notifications').selectAll().where('account_id', '=', accountId).where('kind', '=', kind).execute();
const queue = async (who: string, tab: string) => (await get(`/api/staff/care/queue?tab=${tab}`, who)).json<QueuePage>();

async function studentLetter(body: string, headers: Record<string, string> = {}) {
  const res = await post('/api/letters', 'acc-student-a1', { sponsorshipId: 'sp-1', body }, headers);
  expect(res.statusCode).toBe(201);
  return res.json<{ id: string; status: string; careHold: boolean; findings: unknown[]; events: { status: string; reason: string | null }[] }>();
}

/** Everything a sponsor can ask about their student, and whether any of it carries the words. */
async function sponsorSees(text: string): Promise<string[]> {
  const urls = [
    '/api/sponsor/sponsorships?limit=100',
    '/api/sponsor/sponsorships/sp-1',
    '/api/sponsor/sponsorships/sp-1/timeline?limit=100',
    '/api/sponsor/sponsorships/sp-1/ledger',
    '/api/letters?limit=100',
    '/api/notifications?limit=100',
  ];
  const leaks: string[] = [];
  const fragments = [text.slice(10, 24), 'wellbeing', 'flag', 'urgent', 'care_urgent'];
  for (const url of urls) {
    const res = await get(url, 'acc-sponsor-1');
    expect([url, res.statusCode]).toEqual([url, 200]);
    for (const f of fragments) if (res.body.includes(f)) leaks.push(`${url}: ${f}`);
  }
  return leaks;
}

describe('an urgent letter from a student', () => {
  it('is held, reaches the caseworker at once, and the sponsor learns only that a letter is delayed', async () => {
    expect(assessWellbeing(URGENT).level).toBe('urgent');
    const letter = await studentLetter(URGENT);
    expect(letter).toMatchObject({ status: 'held', careHold: true, findings: [] });
    expect(letter.events.find((e) => e.status === 'held')?.reason).toContain('社工会先读一读');

    const [flag] = await flagsOf(letter.id);
    expect(flag).toMatchObject({ level: 'urgent', status: 'open', source_kind: 'letter', source_revision: 1, assigned_staff_id: 'staff-cw-a', text: URGENT });
    expect(flag.due_at).toBe(new Date(NOW.getTime() + 15 * MINUTE).toISOString());
    expect(await noticesOf('acc-cw-a', 'wellbeing_urgent')).toHaveLength(1);
    const audit = await t.app.db.selectFrom('audit_log').selectAll().where('entity_id', '=', flag.id).execute();
    expect(audit.map((a) => [a.action, a.actor_account_id])).toEqual([['wellbeing.flag', null]]);

    const urgent = await queue('acc-cw-a', 'urgent');
    expect(urgent.counts.urgent).toBeGreaterThanOrEqual(1);
    expect(urgent.items.find((i) => i.id === flag.id)).toMatchObject({ kind: 'flag', level: 'urgent', mine: true, sourceKind: 'letter' });
    // Another NGO's caseworker neither sees it nor reaches it.
    expect((await queue('acc-cw-b', 'urgent')).items).toEqual([]);
    expect((await get(`/api/staff/care/flags/${flag.id}`, 'acc-cw-b')).statusCode).toBe(404);

    // Not in the review queue, and no one can approve it while the flag is open.
    const held = (await get('/api/staff/letters/held', 'acc-cw-a')).json<{ items: { id: string }[] }>();
    expect(held.items.map((l) => l.id)).not.toContain(letter.id);
    const approve = await post(`/api/staff/letters/${letter.id}/approve`, 'acc-cw-a');
    expect([approve.statusCode, approve.json().error.code]).toEqual([409, 'LETTER_CARE_HOLD']);

    expect((await get(`/api/letters/${letter.id}`, 'acc-sponsor-1')).statusCode).toBe(404);
    expect((await get('/api/sponsor/sponsorships/sp-1', 'acc-sponsor-1')).json().lettersDelayed).toBe(1);
    expect(await sponsorSees(URGENT)).toEqual([]);
  });

  it('reaches the caseworker on the platform they granted, with who and how urgent but never the words', async () => {
    await t.app.db
      .insertInto('message_subscriptions')
      .values({ account_id: 'acc-cw-a', channel: 'wechat_subscribe', template_id: 'WX-URGENT', event: 'care_urgent', remaining: 1, updated_at: NOW.toISOString() })
      .execute();
    const letter = await studentLetter(`${URGENT}（推送）`);
    const [flag] = await flagsOf(letter.id);
    const outbox = await t.app.db.selectFrom('outbox_messages').selectAll().where('account_id', '=', 'acc-cw-a').execute();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ event: 'care_urgent', template: 'WX-URGENT', dedupe_key: `wechat_subscribe:wellbeing_flag:${flag.id}:acc-cw-a` });
    const payload = JSON.parse(outbox[0].payload) as { page: string; data: Record<string, string> };
    expect(payload.page).toBe(`/packages/staff/pages/flag/index?id=${flag.id}`);
    expect(Object.values(payload.data)).toEqual(['阿依', '紧急关怀提醒，请立即查看', expect.stringMatching(/^2026年11月29日$/)]);
    expect(outbox[0].payload).not.toContain('不想活');
  });

  it('opens one flag however often the same send is retried', async () => {
    const headers = { 'idempotency-key': 'retry-urgent-1' };
    const [a, b] = await Promise.all([
      post('/api/letters', 'acc-student-a1', { sponsorshipId: 'sp-1', body: `${URGENT} 再见。` }, headers),
      post('/api/letters', 'acc-student-a1', { sponsorshipId: 'sp-1', body: `${URGENT} 再见。` }, headers),
    ]);
    const ids = [a, b].filter((r) => r.statusCode === 201).map((r) => r.json().id);
    expect(ids.length).toBeGreaterThanOrEqual(1);
    expect(new Set(ids).size).toBe(1);
    const again = await post('/api/letters', 'acc-student-a1', { sponsorshipId: 'sp-1', body: `${URGENT} 再见。` }, headers);
    expect(again.json().id).toBe(ids[0]);
    expect(await flagsOf(ids[0])).toHaveLength(1);
  });

  it('escalates to the NGO admin exactly once when two sweeps run past the deadline at the same moment', async () => {
    const letter = await studentLetter(`${URGENT}（第三封）`);
    const [flag] = await flagsOf(letter.id);
    const beforeDeadline = await twoSweepsAtOnce(t, new Date(NOW.getTime() + 14 * MINUTE));
    expect(beforeDeadline.map((r) => r.flagEscalations)).toEqual([0, 0]);
    const after = await twoSweepsAtOnce(t, new Date(NOW.getTime() + 16 * MINUTE));
    const escalations = await t.app.db.selectFrom('audit_log').select('entity_id').where('action', '=', 'wellbeing.escalate').where('entity_id', '=', flag.id).execute();
    expect(escalations).toHaveLength(1);
    expect(after.reduce((n, r) => n + r.flagEscalations, 0)).toBeGreaterThanOrEqual(1);
    const toAdmin = (await noticesOf('acc-admin-a', 'wellbeing_escalated')).filter((n) => JSON.parse(n.payload).flagId === flag.id);
    expect(toAdmin).toHaveLength(1);
    const [marked] = await flagsOf(letter.id);
    expect(marked.escalated_at).not.toBeNull();
  });

  it('is delivered after a caseworker calls it a false alarm, with the reason in the audit log', async () => {
    const letter = await studentLetter(`${URGENT}（第二封）`);
    const [flag] = await flagsOf(letter.id);
    expect(flag?.level).toBe('urgent');
    const noReason = await post(`/api/staff/care/flags/${flag.id}/close`, 'acc-cw-a', { outcome: 'false_alarm' });
    expect([noReason.statusCode, noReason.json().error.code]).toEqual([400, 'FLAG_REASON_REQUIRED']);
    const closed = await post(`/api/staff/care/flags/${flag.id}/close`, 'acc-cw-a', { outcome: 'false_alarm', note: '学生在抄小说里的句子，已当面确认' });
    expect(closed.statusCode).toBe(200);
    expect(closed.json<FlagCaseView>().flag).toMatchObject({ status: 'resolved', outcome: 'false_alarm', outcomeNote: '学生在抄小说里的句子，已当面确认', resolvedByName: '张社工' });
    expect(closed.json<FlagCaseView>().letter).toEqual({ id: letter.id, status: 'delivered' });
    expect((await get(`/api/letters/${letter.id}`, 'acc-sponsor-1')).json().status).toBe('delivered');
    const audit = await t.app.db.selectFrom('audit_log').select(['action', 'reason']).where('entity_id', 'in', [flag.id, letter.id]).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['wellbeing.flag', 'wellbeing.close', 'letters.deliver_after_false_alarm']);
    expect(audit[1].reason).toBe('学生在抄小说里的句子，已当面确认');
    expect((await post(`/api/staff/care/flags/${flag.id}/close`, 'acc-cw-a', { outcome: 'handled' })).json().error.code).toBe('FLAG_CLOSED');
  });

  it('stays held after being handled, for the usual review, and closing as handled needs an action on record', async () => {
    const letter = await studentLetter(`${URGENT}（第四封）`);
    const [flag] = await flagsOf(letter.id);
    const tooSoon = await post(`/api/staff/care/flags/${flag.id}/close`, 'acc-cw-a2', { outcome: 'handled' });
    expect([tooSoon.statusCode, tooSoon.json().error.code]).toEqual([400, 'FLAG_NEEDS_ACTION']);
    const acted = await post(`/api/staff/care/flags/${flag.id}/actions`, 'acc-cw-a2', { kind: 'reached_student', note: '电话联系上了，学生安全，约了明天见面' });
    expect(acted.statusCode).toBe(201);
    expect(acted.json<FlagCaseView>().flag).toMatchObject({ status: 'acknowledged', acknowledgedByName: '刘社工' });
    expect(acted.json<FlagCaseView>().actions).toEqual([{ kind: 'reached_student', note: '电话联系上了，学生安全，约了明天见面', staffName: '刘社工', at: NOW.toISOString() }]);
    expect((await post(`/api/staff/care/flags/${flag.id}/close`, 'acc-cw-a2', { outcome: 'handled' })).statusCode).toBe(200);
    expect((await get(`/api/letters/${letter.id}`, 'acc-student-a1')).json().status).toBe('held');
    const held = (await get('/api/staff/letters/held?limit=100', 'acc-cw-a')).json<{ items: { id: string }[] }>();
    expect(held.items.map((l) => l.id)).toContain(letter.id);
    expect((await post(`/api/staff/letters/${letter.id}/return`, 'acc-cw-a', { reason: '我们当面聊过了，这封信先不寄出' })).statusCode).toBe(200);
  });

  it('can be withdrawn by the student, and the flag stays with the caseworker', async () => {
    const letter = await studentLetter(`${URGENT}（第五封）`);
    const withdrawn = await post(`/api/letters/${letter.id}/withdraw`, 'acc-student-a1');
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn', canWithdraw: false, canEdit: false });
    const [flag] = await flagsOf(letter.id);
    expect(flag.status).toBe('open');
  });
});

describe('a student edits a held letter and sends it again', () => {
  it('is screened and assessed afresh: a clean edit is delivered, an urgent edit opens a flag for the new words', async () => {
    const first = await studentLetter(`我的微信是 xiaoyu_2010，加我吧。${CLEAN}`);
    expect(first.status).toBe('held');
    const edited = await post(`/api/letters/${first.id}/resubmit`, 'acc-student-a1', { body: CLEAN });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().status).toBe('delivered');

    const second = await studentLetter(`我的微信是 xiaoyu_2010。${CLEAN}`);
    const again = await post(`/api/letters/${second.id}/resubmit`, 'acc-student-a1', { body: URGENT });
    expect(again.json()).toMatchObject({ status: 'held', careHold: true });
    const flags = await flagsOf(second.id);
    expect(flags.map((f) => [f.source_revision, f.level])).toEqual([[2, 'urgent']]);
    expect((await post(`/api/letters/${first.id}/withdraw`, 'acc-student-a1')).json().error.code).toBe('LETTER_NOT_WITHDRAWABLE');
  });

  it('refuses anyone but its writer', async () => {
    const letter = await studentLetter(`我的QQ是 12345678。${CLEAN}`);
    expect((await post(`/api/letters/${letter.id}/withdraw`, 'acc-sponsor-1')).statusCode).toBe(404);
    expect((await post(`/api/letters/${letter.id}/resubmit`, 'acc-sponsor-1', { body: CLEAN })).statusCode).toBe(404);
  });
});

describe('a concern', () => {
  it('in a check-in note becomes a caseworker item due within a day, escalated once if nobody closes it', async () => {
    const res = await post('/api/student/checkins', 'acc-student-a1', { kind: 'doing_well', note: CONCERN });
    expect(res.statusCode).toBe(201);
    const [flag] = await flagsOf(res.json().id);
    expect(flag).toMatchObject({ level: 'concern', source_kind: 'checkin', status: 'open', due_at: new Date(NOW.getTime() + 24 * 3600_000).toISOString() });
    expect(await noticesOf('acc-cw-a', 'wellbeing_concern')).toHaveLength(1);
    expect((await queue('acc-cw-a', 'concern')).items.map((i) => i.id)).toContain(flag.id);
    expect((await post(`/api/staff/care/flags/${flag.id}/acknowledge`, 'acc-cw-a')).statusCode).toBe(200);
    const sweeps = await twoSweepsAtOnce(t, new Date(NOW.getTime() + 25 * 3600_000));
    expect(sweeps.reduce((n, r) => n + r.flagEscalations, 0)).toBeGreaterThanOrEqual(1);
    expect((await flagsOf(flag.source_id))[0].escalated_at).not.toBeNull();
    expect(await sponsorSees(CONCERN)).toEqual([]);
  });

  it('in a letter is delivered as usual', async () => {
    const letter = await studentLetter(`王老师好，${CONCERN}不过我会努力的。`);
    expect(letter.status).toBe('delivered');
    expect((await flagsOf(letter.id))[0]?.level).toBe('concern');
  });
});

describe('a term report whose comment is urgent', () => {
  it('stays off the sponsor’s timeline and untold until a caseworker calls it a false alarm', async () => {
    const res = await post('/api/student/term-reports', 'acc-student-a1', { term: '2026-2027-1', grade: 9, overallResult: '成绩下降了，我不想活了' });
    expect(res.statusCode).toBe(201);
    const report = await t.app.db.selectFrom('term_reports').selectAll().where('student_id', '=', 'student-a1').where('term', '=', '2026-2027-1').executeTakeFirstOrThrow();
    expect(report.held_for_care).toBe(1);
    const timeline = async () => (await get('/api/sponsor/sponsorships/sp-1/timeline?limit=100', 'acc-sponsor-1')).json<{ items: { kind: string; id: string }[] }>();
    expect((await timeline()).items.map((i) => i.id)).not.toContain(report.id);
    expect(await noticesOf('acc-sponsor-1', 'term_report_posted')).toHaveLength(0);

    const [flag] = await flagsOf(report.id);
    expect((await post(`/api/staff/care/flags/${flag.id}/close`, 'acc-cw-a', { outcome: 'false_alarm', note: '学生在抱怨成绩，当面聊过，情绪稳定' })).statusCode).toBe(200);
    expect((await timeline()).items.map((i) => i.id)).toContain(report.id);
    expect(await noticesOf('acc-sponsor-1', 'term_report_posted')).toHaveLength(1);
  });
});

describe('what is not the student’s words', () => {
  it('raises nothing: a sponsor’s letter and an ordinary student letter', async () => {
    const fromSponsor = await post('/api/letters', 'acc-sponsor-1', { sponsorshipId: 'sp-1', body: '阿依，不要给自己太大压力，考不好也没关系，我永远支持你。' });
    expect(fromSponsor.json().status).toBe('delivered');
    expect(await flagsOf(fromSponsor.json().id)).toHaveLength(0);
    const ordinary = await studentLetter(CLEAN);
    expect(ordinary.status).toBe('delivered');
    expect(await flagsOf(ordinary.id)).toHaveLength(0);
  });
});
