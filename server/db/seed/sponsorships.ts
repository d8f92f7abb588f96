import type { Ctx, SponsorModel, SponsorshipModel, StudentModel } from './model';
import { SPONSOR_NAMES } from './names';
import type { Rng } from './random';
import { addDays, addHours, addMinutes, atLocal, iso, localYmd, maxDate, minDate, monthsBetween, ymd, ymdAddDays, type Ymd } from './time';

const PER_YEAR = { monthly: 12, quarterly: 4, yearly: 1 } as const;

function sponsorshipOf(
  ctx: Ctx,
  rng: Rng,
  sponsor: SponsorModel,
  student: StudentModel,
  v: { start: Ymd; end: Ymd; yearlyNeedFen: number; notBefore: Date; status: SponsorshipModel['status'] },
): SponsorshipModel {
  const cadence = rng.weighted([['monthly', 2], ['quarterly', 1], ['yearly', 1]] as const);
  const confirmedAt = maxDate(minDate(atLocal(v.start, rng.int(8, 22), rng.int(0, 59), rng.int(0, 59)), addMinutes(ctx.now, -rng.int(5, 60))), v.notBefore);
  const createdAt = maxDate(addHours(confirmedAt, -rng.float(0.3, 30)), addMinutes(v.notBefore, -1));
  const endedAt = v.status === 'completed' ? atLocal(v.end, 18) : null;
  return {
    id: '',
    sponsor,
    student,
    status: v.status,
    amountFen: v.yearlyNeedFen / PER_YEAR[cadence],
    cadence,
    termYears: Math.max(1, Math.round(monthsBetween(v.start, v.end) / 12)),
    startDate: v.start,
    endDate: v.end,
    createdAt,
    confirmedAt,
    until: endedAt ?? student.pausedAt ?? ctx.now,
    endedAt,
  };
}

/** Sponsors, and who sponsors whom: most sponsor one student, a few two, one renewed after a completed term. */
export function buildSponsorships(ctx: Ctx, students: readonly StudentModel[]): { sponsors: SponsorModel[]; sponsorships: SponsorshipModel[] } {
  const rng = ctx.rng.fork('sponsorships');
  const sponsors: SponsorModel[] = SPONSOR_NAMES.map((name, i) => {
    const id = `sponsor-${String(i + 1).padStart(3, '0')}`;
    return { id, accountId: `acc-${id}`, displayName: name.displayName, salutation: name.salutation, createdAt: ctx.now };
  });

  const holding = students.filter((s) => s.plan === 'sponsored' || s.plan === 'paused_sponsored');
  // The student quiet the longest (an acknowledged lost-contact alert) belongs to the first sponsor.
  const alerted = holding.reduce((a, b) => ((b.silentDays ?? 0) > (a.silentDays ?? 0) ? b : a));
  const queue = rng.shuffle(holding.filter((s) => s !== alerted));
  // sponsor-001: two students (one of them gone quiet); 002: renewed; 003: completed + one; 004–007: two; the rest one; the last two none yet.
  const slots: [number, StudentModel][] = [[0, alerted], [0, queue.shift()!], [2, queue.shift()!]];
  for (let i = 3; i <= 6; i += 1) slots.push([i, queue.shift()!], [i, queue.shift()!]);
  for (let i = 7; queue.length > 0; i += 1) slots.push([i, queue.shift()!]);
  if (slots[slots.length - 1][0] >= sponsors.length - 2) throw new Error('not enough sponsors for the sponsored students');

  const sponsorships: SponsorshipModel[] = [];
  const y = ctx.schoolYear;
  for (const student of students.filter((s) => s.plan === 'renewed' || s.plan === 'completed_pool')) {
    const sponsor = sponsors[student.plan === 'renewed' ? 1 : 2];
    const completed = sponsorshipOf(ctx, rng, sponsor, student, {
      start: ymd(y - 3, 7, 1),
      end: ymd(y, 6, 30),
      yearlyNeedFen: 300000,
      notBefore: student.storyApprovedAt!,
      status: 'completed',
    });
    sponsorships.push(completed);
    if (student.plan === 'renewed') {
      sponsorships.push(
        sponsorshipOf(ctx, rng, sponsor, student, {
          start: student.sponsorshipStart!,
          end: student.expectedGraduation,
          yearlyNeedFen: student.yearlyNeedFen,
          notBefore: addMinutes(completed.endedAt!, 30),
          status: 'active',
        }),
      );
    }
  }
  for (const [index, student] of slots) {
    sponsorships.push(
      sponsorshipOf(ctx, rng, sponsors[index], student, {
        start: student.sponsorshipStart!,
        end: student.expectedGraduation,
        yearlyNeedFen: student.yearlyNeedFen,
        notBefore: addHours(student.storyApprovedAt!, 1),
        status: student.plan === 'paused_sponsored' ? 'paused' : 'active',
      }),
    );
  }

  for (const sponsor of sponsors) {
    const own = sponsorships.filter((sp) => sp.sponsor === sponsor);
    const first = own.length ? new Date(Math.min(...own.map((sp) => sp.createdAt.getTime()))) : addDays(ctx.now, -rng.int(3, 20));
    sponsor.createdAt = addHours(first, -rng.float(0.5, 24 * 30));
    const name = SPONSOR_NAMES[sponsors.indexOf(sponsor)];
    ctx.rows.accounts.push({ id: sponsor.accountId, role: 'sponsor', locale: name.locale, created_at: iso(sponsor.createdAt), disabled_at: null });
    ctx.rows.sponsors.push({ id: sponsor.id, account_id: sponsor.accountId, display_name: sponsor.displayName, created_at: iso(sponsor.createdAt) });
  }

  sponsorships.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  for (const sp of sponsorships) {
    sp.id = ctx.ids.next('sponsorship', 3);
    const paused = sp.status === 'paused' ? sp.student.pausedAt! : null;
    ctx.rows.sponsorships.push({
      id: sp.id,
      sponsor_id: sp.sponsor.id,
      student_id: sp.student.id,
      status: sp.status,
      amount_fen: sp.amountFen,
      cadence: sp.cadence,
      term_years: sp.termYears,
      start_date: sp.startDate,
      end_date: sp.endDate,
      reserved_until: null,
      confirmed_at: iso(sp.confirmedAt),
      ended_at: sp.endedAt ? iso(sp.endedAt) : null,
      end_reason: sp.endedAt ? 'term_completed' : null,
      created_at: iso(sp.createdAt),
      updated_at: iso(sp.endedAt ?? paused ?? sp.confirmedAt),
    });
    if (paused) {
      ctx.rows.audit_log.push({
        at: iso(paused),
        actor_account_id: sp.student.caseworker.accountId,
        actor_role: 'caseworker',
        action: 'sponsorships.pause',
        entity_type: 'sponsorship',
        entity_id: sp.id,
        student_id: sp.student.id,
        reason: '学生因病休学，资助暂停，计划下学期恢复',
        detail: JSON.stringify({ resumeOn: ymdAddDays(localYmd(paused), 120) }),
      });
    }
  }
  return { sponsors, sponsorships };
}
