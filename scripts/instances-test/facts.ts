import { trimWechatFields } from '../../domain/messaging';
import type { Db } from '../../server/db/connect';
import type { startFakePlatforms } from '../../server/test/fake-platforms';

type FakePlatforms = Awaited<ReturnType<typeof startFakePlatforms>>;

/**
 * What a run did, one line per fact, without the ids a run draws at random (episodes, steps, alerts
 * are identified by student and time instead), so two runs over the same population and the same
 * clock steps can be compared line by line.
 */
export const KINDS = [
  'ladder steps',
  'silence episodes',
  'alerts',
  'escalations',
  'caseworker tasks',
  'exam outreach runs',
  'resumes',
  'in-app notices',
  'sponsor notices',
  'outbox rows',
  'platform messages',
  'grants left',
  'students',
] as const;
export type Kind = (typeof KINDS)[number];
export type Facts = Record<Kind, string[]>;

export interface RunRecord {
  facts: Facts;
  /**
   * Each outbox row: its line in `outbox rows`, its platform message in the form the fake records it,
   * the clock step it was queued at, and how it ended (status and final reason).
   */
  outbox: { line: string; message: string; at: string; outcome: string }[];
}

/** A platform message as its recipient sees it: platform, recipient, template, page and the keyword values in order. */
const messageLine = (platform: string, recipient: string, template: string, page: string, values: string[]) =>
  `${platform} ${recipient} ${template} ${page} ${JSON.stringify(values)}`;
const valuesOf = (data: Record<string, { value: string }>) => Object.values(data).map((v) => v.value);

/** Payload ids a run draws at random. */
const RANDOM_IDS = new Set(['alertId']);

function canonical(json: string, drop: ReadonlySet<string> = RANDOM_IDS): string {
  const value = JSON.parse(json) as Record<string, unknown>;
  return JSON.stringify(Object.fromEntries(Object.keys(value).sort().filter((k) => !drop.has(k)).map((k) => [k, value[k]])));
}

export async function collectFacts(db: Db, platforms: FakePlatforms, since: Date): Promise<RunRecord> {
  const after = since.toISOString();
  const steps = await db
    .selectFrom('silence_steps')
    .innerJoin('silence_episodes', 'silence_episodes.id', 'silence_steps.episode_id')
    .select(['silence_episodes.student_id', 'silence_episodes.due_at', 'silence_steps.step', 'silence_steps.performed_at', 'silence_steps.skipped_reason'])
    .execute();
  const episodes = await db.selectFrom('silence_episodes').selectAll().execute();
  const alerts = await db.selectFrom('alerts').selectAll().execute();
  const flags = await db.selectFrom('wellbeing_flags').select(['id', 'escalated_at']).where('escalated_at', 'is not', null).execute();
  const tasks = await db.selectFrom('caseworker_tasks').selectAll().execute();
  const runs = await db.selectFrom('exam_outreach_runs').selectAll().execute();
  const resumes = await db.selectFrom('audit_log').select(['entity_id', 'at']).where('action', '=', 'students.resume').execute();
  const notices = await db
    .selectFrom('notifications')
    .innerJoin('accounts', 'accounts.id', 'notifications.account_id')
    .select(['notifications.account_id', 'notifications.kind', 'notifications.payload', 'notifications.created_at', 'accounts.role'])
    .where('notifications.created_at', '>=', after)
    .execute();
  const outbox = await db.selectFrom('outbox_messages').selectAll().execute();
  const identities = await db.selectFrom('platform_identities').select(['account_id', 'platform', 'subject']).execute();
  const subject = new Map(identities.map((i) => [`${i.account_id} ${i.platform}`, i.subject]));
  const grants = await db.selectFrom('message_subscriptions').selectAll().execute();
  const students = await db.selectFrom('students').select(['id', 'program_status', 'next_due_at', 'ladder_next_at']).execute();

  const noticeLine = (n: (typeof notices)[number]) => `${n.account_id} ${n.kind} at=${n.created_at} ${canonical(n.payload)}`;
  const outboxLine = (m: (typeof outbox)[number]) => `${m.account_id} ${m.channel} ${m.event} ${m.template} at=${m.created_at} ${m.payload}`;
  const queued = outbox.map((m) => {
    const platform = m.channel === 'wechat_subscribe' ? 'wechat' : 'alipay';
    const { page, data } = JSON.parse(m.payload) as { page: string; data: Record<string, string> };
    const values = platform === 'wechat' ? valuesOf(trimWechatFields(data)) : Object.values(data);
    const message = messageLine(platform, subject.get(`${m.account_id} ${platform}`) ?? '(no identity)', m.template, page, values);
    return { line: outboxLine(m), message, at: m.created_at, outcome: `${m.status} ${m.final_reason ?? ''}`.trim() };
  });
  const facts: Facts = {
    'ladder steps': steps.map((s) => `${s.student_id} ${s.step} due=${s.due_at} at=${s.performed_at}${s.skipped_reason ? ` skipped=${s.skipped_reason}` : ''}`),
    'silence episodes': episodes.map((e) => `${e.student_id} due=${e.due_at} opened=${e.opened_at} closed=${e.closed_at} ${e.close_reason}`),
    alerts: alerts.map((a) => `${a.student_id} opened=${a.opened_at} ack_due=${a.ack_due_at} contact_due=${a.first_contact_due_at} ${a.status} ${a.outcome}`),
    escalations: [
      ...alerts.filter((a) => a.escalated_at).map((a) => `alert ${a.student_id} opened=${a.opened_at} escalated=${a.escalated_at}`),
      ...flags.map((f) => `flag ${f.id} escalated=${f.escalated_at}`),
    ],
    'caseworker tasks': tasks.map((t) => `${t.student_id} ${t.kind} due=${t.due_at} created=${t.created_at} ${t.status} done=${t.done_at}`),
    'exam outreach runs': runs.map((r) => `${r.ngo_id} ${r.exam} ${r.year} ${r.province} at=${r.ran_at} tasks=${r.task_count}`),
    resumes: resumes.map((r) => `${r.entity_id} at=${r.at}`),
    'in-app notices': notices.map(noticeLine),
    'sponsor notices': notices.filter((n) => n.role === 'sponsor').map(noticeLine),
    'outbox rows': queued.map((q) => q.line),
    'platform messages': [
      ...platforms.subscribeSends.map((s) => messageLine('wechat', s.touser, s.template_id, s.page, valuesOf(s.data))),
      ...platforms.alipayTemplateSends.map((s) => {
        const { to_user_id: userId, to_open_id: openId, user_template_id: template, page, data } = s.bizContent;
        return messageLine('alipay', userId ?? openId, template, page, valuesOf(JSON.parse(data) as Record<string, { value: string }>));
      }),
    ],
    'grants left': grants.map((g) => `${g.account_id} ${g.channel} ${g.template_id} ${g.remaining}`),
    students: students.map((s) => `${s.id} ${s.program_status} next_due=${s.next_due_at} ladder_next=${s.ladder_next_at}`),
  };
  return { facts, outbox: queued };
}

function counts(lines: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of lines) out.set(line, (out.get(line) ?? 0) + 1);
  return out;
}

/** Lines of `a` beyond those of `b` (multiset difference), each as often as it is over. */
export function beyond(a: readonly string[], b: readonly string[]): string[] {
  const have = counts(b);
  const out: string[] = [];
  for (const [line, n] of counts(a)) for (let k = have.get(line) ?? 0; k < n; k += 1) out.push(line);
  return out;
}

const repeat = (line: string, times: number) => Array.from({ length: Math.max(0, times) }, () => line);

/**
 * The same thing twice within one run, per (recipient, template, clock step): a platform message
 * received more often than the clock steps it was queued at, an outbox row or an in-app notice twice
 * for one recipient at one instant (a notice's ladder step left out, so nudge 1 and nudge 2 sent in
 * the same sweep count as one reminder sent twice).
 */
export function duplicatesWithin({ facts, outbox }: RunRecord): Record<'platform messages' | 'outbox rows' | 'in-app notices', string[]> {
  const repeated = (lines: string[]) => [...counts(lines)].flatMap(([line, n]) => repeat(line, n - 1));
  const withoutStep = (line: string) => line.replace(/"step":"[a-z_0-9]+",?/, '').replace(/,}$/, '}');
  const steps = new Map<string, Set<string>>();
  for (const q of outbox) steps.set(q.message, (steps.get(q.message) ?? new Set()).add(q.at));
  return {
    'platform messages': [...counts(facts['platform messages'])].flatMap(([line, n]) => repeat(line, n - (steps.get(line)?.size ?? 0))),
    'outbox rows': repeated(facts['outbox rows']),
    'in-app notices': repeated(facts['in-app notices'].map(withoutStep)),
  };
}

export interface KindComparison {
  kind: Kind;
  reference: number;
  instances: number;
  /** In the reference run, not in the run with several instances. */
  missed: string[];
  /** In the run with several instances beyond the reference. */
  extra: string[];
}

export function compareRuns(reference: Facts, instances: Facts): KindComparison[] {
  return KINDS.map((kind) => ({
    kind,
    reference: reference[kind].length,
    instances: instances[kind].length,
    missed: beyond(reference[kind], instances[kind]),
    extra: beyond(instances[kind], reference[kind]),
  }));
}
