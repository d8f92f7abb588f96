import type { DemoUser } from '../../../domain/api/auth';
import { gradeLabel } from '../../../domain/grade';
import { formatMessage } from '../../../domain/text/message-format';
import type { Db } from '../../db/connect';
import type { Locale } from '../../lib/messages';

/** The seeded people a visitor can try the app as (demo mode only): every staff member and a sample of the rest. */
export async function listDemoUsers(db: Db, locale: Locale, now: Date): Promise<DemoUser[]> {
  const zh = locale === 'zh-CN';
  const staff = await db
    .selectFrom('staff')
    .innerJoin('ngos', 'ngos.id', 'staff.ngo_id')
    .select(['staff.account_id', 'staff.role', 'staff.full_name', 'ngos.name as ngo_name'])
    .orderBy('ngos.name')
    .orderBy('staff.role', 'desc')
    .orderBy('staff.full_name')
    .limit(12)
    .execute();

  const sponsors = await db
    .selectFrom('sponsors')
    .leftJoin('sponsorships', (join) =>
      join.onRef('sponsorships.sponsor_id', '=', 'sponsors.id').on('sponsorships.status', '=', 'active'),
    )
    .select((eb) => ['sponsors.account_id', 'sponsors.display_name', eb.fn.count<number>('sponsorships.id').as('active')])
    .where('sponsors.deleted_at', 'is', null)
    .groupBy(['sponsors.id', 'sponsors.account_id', 'sponsors.display_name'])
    .orderBy('active', 'desc')
    .orderBy('sponsors.id')
    .limit(4)
    .execute();

  const students = await db
    .selectFrom('students')
    .leftJoin('sponsorships', (join) =>
      join.onRef('sponsorships.student_id', '=', 'students.id').on('sponsorships.status', 'in', ['reserved', 'active', 'paused']),
    )
    .select(['students.account_id', 'students.display_name', 'students.grade', 'students.school_stage', 'students.city', 'students.next_due_at', 'sponsorships.id as sponsorship_id'])
    .where('students.account_id', 'is not', null)
    .orderBy('students.id')
    .limit(200)
    .execute();
  const nowIso = now.toISOString();
  const inTouch = students.filter((s) => s.sponsorship_id && s.next_due_at && s.next_due_at > nowIso).slice(0, 2);
  const waiting = students.filter((s) => !s.sponsorship_id).slice(0, 1);
  const silent = students.filter((s) => s.sponsorship_id && s.next_due_at && s.next_due_at <= nowIso).slice(0, 1);

  return [
    ...sponsors.map((s) => ({
      accountId: s.account_id,
      role: 'sponsor' as const,
      displayName: s.display_name,
      description: formatMessage(zh ? '资助 {count} 名学生' : 'sponsors {count, plural, one {# student} other {# students}}', { count: Number(s.active) }, locale),
    })),
    ...[...inTouch, ...waiting, ...silent].map((s) => ({
      accountId: s.account_id!,
      role: 'student' as const,
      displayName: s.display_name,
      description: [
        gradeLabel(s.grade, s.school_stage, locale),
        s.city,
        !s.sponsorship_id
          ? zh ? '等待资助' : 'waiting for a sponsor'
          : s.next_due_at! <= nowIso
            ? zh ? '已有一段时间没有消息' : 'not heard from for a while'
            : zh ? '已有资助人' : 'sponsored',
      ].join(' · '),
    })),
    ...staff.map((s) => ({
      accountId: s.account_id,
      role: s.role,
      displayName: s.full_name,
      description: `${s.ngo_name} · ${s.role === 'ngo_admin' ? (zh ? '机构管理员' : 'NGO admin') : zh ? '个案社工' : 'caseworker'}`,
    })),
  ];
}
