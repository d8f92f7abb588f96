import { nextDueAfter, shanghaiDate } from '../../domain/care/due';
import type { CarePolicy, LadderStep } from '../../domain/care/policy';
import { PUSH_EVENTS, type PushChannel, type PushEvent } from '../../domain/messaging';
import type { Db } from '../../server/db/connect';
import { seedDemoData } from '../../server/db/seed';
import { Rng } from '../../server/db/seed/random';
import { SUBSCRIBABLE_EVENTS } from '../../server/features/messaging/subscriptions';

const DAY = 86_400_000;
const MINUTE = 60_000;

/** Template ids per event, as WECHAT_SUBSCRIBE_TEMPLATES / ALIPAY_TEMPLATES give them to the servers. */
export const TEMPLATES: Record<PushChannel, Record<PushEvent, string>> = {
  wechat_subscribe: Object.fromEntries(PUSH_EVENTS.map((e) => [e, `WX-${e}`])) as Record<PushEvent, string>,
  alipay_template: Object.fromEntries(PUSH_EVENTS.map((e) => [e, `ALI-${e}`])) as Record<PushEvent, string>,
};

export const templateEnv = (channel: PushChannel) =>
  Object.entries(TEMPLATES[channel])
    .map(([event, id]) => `${event}=${id}`)
    .join(',');

const NGO = { id: 'inst-ngo', name: '远山助学社', province: '云南', city: '昭通' };
const CASEWORKERS = 4;
/** A quicker ladder than the default, so a silence climbs to an alert and its escalation within the run. */
const LADDER: LadderStep[] = [
  { step: 'nudge_1', day: 0 },
  { step: 'nudge_2', day: 3 },
  { step: 'watch', day: 7 },
  { step: 'alert', day: 10 },
];

const pad = (n: number) => String(n).padStart(4, '0');
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * A cohort of `students` in one NGO of its own, each going silent at a different moment: next due
 * spread from five days before `start` (a sweep that was not running then meets nudge 1 and nudge 2
 * at once) to 36 days after it; four in five sponsored, some sponsors with two students; a few
 * students without an account, a few who left, three paused until a day inside the run.
 */
async function insertCohort(db: Db, start: Date, students: number, rng: Rng) {
  const t0 = start.getTime();
  const created = iso(t0 - 400 * DAY);
  const quiet = { name: '期末考试周', from: shanghaiDate(new Date(t0 + 20 * DAY)), to: shanghaiDate(new Date(t0 + 24 * DAY)) };
  const policy: Pick<CarePolicy, 'checkinCadenceDays' | 'quietPeriods'> = { checkinCadenceDays: 14, quietPeriods: [quiet] };
  await db.insertInto('ngos').values({ ...NGO, created_at: created }).execute();
  await db
    .insertInto('ngo_policies')
    .values({
      ngo_id: NGO.id,
      version: 1,
      checkin_cadence_days: policy.checkinCadenceDays,
      ladder: JSON.stringify(LADDER),
      sla_ack_hours: 24,
      sla_first_contact_hours: 72,
      quiet_periods: JSON.stringify([quiet]),
      exam_calendar: '[]',
      consent_required_under_age: 18,
      updated_at: created,
      updated_by: null,
    })
    .execute();

  const accounts: { id: string; role: 'student' | 'sponsor' | 'caseworker' | 'ngo_admin' }[] = [{ id: 'inst-acc-admin', role: 'ngo_admin' }];
  const staff: { id: string; account_id: string; role: 'caseworker' | 'ngo_admin'; full_name: string }[] = [
    { id: 'inst-admin', account_id: 'inst-acc-admin', role: 'ngo_admin', full_name: '周主任' },
  ];
  for (let c = 0; c < CASEWORKERS; c += 1) {
    accounts.push({ id: `inst-acc-cw-${c}`, role: 'caseworker' });
    staff.push({ id: `inst-cw-${c}`, account_id: `inst-acc-cw-${c}`, role: 'caseworker', full_name: `社工${c + 1}` });
  }

  const sponsorCount = Math.ceil(students * 0.65);
  const studentRows = [];
  const sponsorships = [];
  const pausedAlerts = [];
  for (let i = 0; i < students; i += 1) {
    const id = `inst-student-${pad(i)}`;
    const accountId = i % 20 === 7 ? null : `inst-acc-student-${pad(i)}`;
    if (accountId) accounts.push({ id: accountId, role: 'student' });
    const dueTarget = t0 + Math.round(rng.float(-5 * DAY, 36 * DAY) / MINUTE) * MINUTE;
    const lastHeard = dueTarget - policy.checkinCadenceDays * DAY;
    const nextDue = nextDueAfter(new Date(lastHeard), policy).toISOString();
    const status: 'active' | 'paused' | 'left' = i % 50 === 13 ? 'left' : [21, 55, 89].includes(i % 100) ? 'paused' : 'active';
    studentRows.push({
      id,
      ngo_id: NGO.id,
      account_id: accountId,
      caseworker_id: `inst-cw-${i % CASEWORKERS}`,
      legal_name: `学生${pad(i)}`,
      display_name: `小${'明红华丽强军芳敏'[i % 8]}${pad(i)}`,
      gender: 'unspecified' as const,
      date_of_birth: '2010-05-01',
      school_name: '镇雄县第一中学',
      school_stage: 'middle' as const,
      grade: 8,
      expected_graduation: '2028-07-01',
      province: NGO.province,
      city: NGO.city,
      village: null,
      story: null,
      story_approved_at: null,
      photo_key: null,
      yearly_need_fen: 300_000,
      program_status: status,
      pool_since: null,
      last_heard_at: iso(lastHeard),
      next_due_at: nextDue,
      // Stale for a student who left: the sweep takes them off the ladder.
      ladder_next_at: status === 'paused' ? null : nextDue,
      left_at: status === 'left' ? iso(t0 - 2 * DAY) : null,
      created_at: created,
      updated_at: created,
    });
    if (status === 'paused') {
      pausedAlerts.push({
        id: `inst-alert-paused-${pad(i)}`,
        student_id: id,
        ngo_id: NGO.id,
        episode_id: null,
        assigned_staff_id: `inst-cw-${i % CASEWORKERS}`,
        status: 'resolved' as const,
        opened_at: iso(t0 - 40 * DAY),
        ack_due_at: iso(t0 - 39 * DAY),
        first_contact_due_at: iso(t0 - 37 * DAY),
        acknowledged_at: iso(t0 - 39.5 * DAY),
        first_contact_at: iso(t0 - 39.5 * DAY),
        escalated_at: null,
        resolved_at: iso(t0 - 30 * DAY),
        outcome: 'paused',
        outcome_note: '休学养病',
        resume_on: shanghaiDate(new Date(t0 + (5 + (i % 25)) * DAY)),
      });
    }
    if (i % 5 !== 4 && status !== 'left') {
      sponsorships.push({
        id: `inst-sp-${pad(i)}`,
        sponsor_id: `inst-sponsor-${pad(sponsorships.length % sponsorCount)}`,
        student_id: id,
        status: status === 'paused' ? ('paused' as const) : ('active' as const),
        amount_fen: 25_000,
        cadence: 'monthly' as const,
        term_years: 3,
        start_date: shanghaiDate(new Date(t0 - 300 * DAY)),
        end_date: shanghaiDate(new Date(t0 + 800 * DAY)),
        reserved_until: null,
        confirmed_at: iso(t0 - 300 * DAY),
        ended_at: null,
        end_reason: null,
        created_at: iso(t0 - 300 * DAY),
        updated_at: iso(t0 - 300 * DAY),
      });
    }
  }
  const sponsors = Array.from({ length: Math.min(sponsorCount, sponsorships.length) }, (_, s) => ({
    id: `inst-sponsor-${pad(s)}`,
    account_id: `inst-acc-sponsor-${pad(s)}`,
    display_name: `远方的朋友${s + 1}`,
    created_at: created,
  }));
  for (const s of sponsors) accounts.push({ id: s.account_id, role: 'sponsor' });

  const chunked = async <T>(rows: T[], insert: (part: T[]) => Promise<unknown>) => {
    for (let i = 0; i < rows.length; i += 200) await insert(rows.slice(i, i + 200));
  };
  await chunked(accounts, (part) => db.insertInto('accounts').values(part.map((a) => ({ ...a, locale: 'zh-CN', created_at: created, disabled_at: null }))).execute());
  await db
    .insertInto('staff')
    .values(staff.map((s) => ({ ...s, ngo_id: NGO.id, username: null, password_hash: null, created_at: created })))
    .execute();
  await chunked(studentRows, (part) => db.insertInto('students').values(part).execute());
  await chunked(sponsors, (part) => db.insertInto('sponsors').values(part).execute());
  await chunked(sponsorships, (part) => db.insertInto('sponsorships').values(part).execute());
  if (pausedAlerts.length) await db.insertInto('alerts').values(pausedAlerts).execute();
}

/**
 * Every student, sponsor and staff account signs in on WeChat (45%), Alipay (35%) or neither, and
 * most grant their role's platform messages: Alipay as a standing grant, WeChat with 1 to 10
 * one-time sends. A sponsor of several students gets 10, so which notice takes a last send never
 * depends on the order two instances happen to work in.
 */
async function givePlatforms(db: Db, start: Date, rng: Rng) {
  const at = start.toISOString();
  const accounts = await db.selectFrom('accounts').select(['id', 'role']).orderBy('id').execute();
  const multiSponsors = await db
    .selectFrom('sponsorships')
    .innerJoin('sponsors', 'sponsors.id', 'sponsorships.sponsor_id')
    .select('sponsors.account_id')
    .where('sponsorships.status', 'in', ['active', 'paused'])
    .groupBy('sponsors.account_id')
    .having((eb) => eb.fn.countAll(), '>', 1)
    .execute();
  const generous = new Set(multiSponsors.map((s) => s.account_id));
  const identities = [];
  const grants = [];
  for (const [n, account] of accounts.entries()) {
    const r = rng.fork(account.id);
    const draw = r.next();
    const platform: 'wechat' | 'alipay' | null = draw < 0.45 ? 'wechat' : draw < 0.8 ? 'alipay' : null;
    if (!platform) continue;
    const subject = platform === 'wechat' ? `openid-${account.id}` : `2088${String(100_000_000_000 + n).slice(-12)}`;
    identities.push({ id: `pi-${account.id}`, account_id: account.id, platform, subject, union_id: null, created_at: at });
    const channel: PushChannel = platform === 'wechat' ? 'wechat_subscribe' : 'alipay_template';
    const standing = channel === 'alipay_template' || account.role === 'caseworker' || account.role === 'ngo_admin' || generous.has(account.id);
    for (const event of SUBSCRIBABLE_EVENTS[account.role]) {
      if (r.next() < 0.15) continue;
      const remaining = standing ? 10 : r.int(1, 10);
      grants.push({ account_id: account.id, channel, template_id: TEMPLATES[channel][event], event, remaining, updated_at: at });
    }
  }
  for (let i = 0; i < identities.length; i += 200) await db.insertInto('platform_identities').values(identities.slice(i, i + 200)).execute();
  for (let i = 0; i < grants.length; i += 200) await db.insertInto('message_subscriptions').values(grants.slice(i, i + 200)).execute();
  return { identities: identities.length, grants: grants.length };
}

/** The demo data at `start`, the cohort, and platform identities with grants: the same rows for the same arguments. */
export async function populate(db: Db, options: { start: Date; students: number; seed: number; staffPasswordHash: string }) {
  const rng = new Rng(options.seed);
  await seedDemoData(db, { now: options.start, staffPasswordHash: options.staffPasswordHash });
  await insertCohort(db, options.start, options.students, rng.fork('cohort'));
  return givePlatforms(db, options.start, rng.fork('platforms'));
}
