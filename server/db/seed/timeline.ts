import { nextDueAfter } from '../../../domain/care/due';
import type { Ctx, StudentModel } from './model';
import type { Rng } from './random';
import { addDays, addHours, atLocal, dayBetween, evening, localYmd, maxYmd, minDate, minYmd, officeHours, ymd, ymdAddDays, type Ymd } from './time';

/**
 * A quiet student's last word: `planned`, or a few days earlier when a quiet period would push the
 * next due past it, so the silence is at least as far up the ladder as planned.
 */
function lastWordOfSilence(planned: Date, s: StudentModel): Date {
  let at = planned;
  for (let guard = 0; guard < 120 && nextDueAfter(at, s.ngo.policy) > addDays(at, s.ngo.policy.checkinCadenceDays); guard++) at = addDays(at, -1);
  return at;
}

/** When the student joined, consented, entered the pool, was sponsored, went quiet. */
export function planTimeline(ctx: Ctx, rng: Rng, s: StudentModel, pastSilence: boolean) {
  const { today, now, schoolYear } = ctx;
  const onboardAt = (day: Ymd) => {
    s.createdAt = officeHours(rng, day);
    if (s.plan === 'new') return;
    s.consentAt = addHours(s.createdAt, rng.float(12, 120));
    s.storyApprovedAt = addHours(s.consentAt, rng.float(12, 72));
  };
  const recentEvening = () => minDate(evening(rng, ymdAddDays(today, -rng.int(0, 20))), addHours(now, -rng.float(0.2, 3)));

  if (s.plan === 'new') {
    onboardAt(ymdAddDays(today, -rng.int(3, 25)));
    s.activeFrom = s.createdAt;
    s.activeUntil = s.createdAt;
    return;
  }
  if (s.plan === 'pool' || s.plan === 'paused_unsponsored') {
    onboardAt(ymdAddDays(today, -(s.plan === 'pool' ? rng.int(8, 300) : rng.int(150, 400))));
    // A paused student is taken out of the pool until the program resumes.
    if (s.plan === 'pool') s.poolSince = addHours(s.storyApprovedAt!, rng.float(1, 12));
  } else if (s.plan === 'renewed' || s.plan === 'completed_pool') {
    // Sponsored through middle school (a completed sponsorship), now in grade 10.
    onboardAt(ymdAddDays(ymd(schoolYear - 3, 7, 1), -rng.int(30, 120)));
    if (s.plan === 'renewed') {
      s.sponsorshipStart = minYmd(ymdAddDays(ymd(schoolYear, 7, 1), rng.int(3, 62)), today);
    } else {
      s.poolSince = minDate(atLocal(ymd(schoolYear, 7, 1), 10, rng.int(0, 59)), addHours(now, -0.5));
    }
  } else {
    let hi = ymdAddDays(today, -10);
    if (s.silentDays) hi = minYmd(hi, ymdAddDays(today, -s.silentDays - 45));
    if (pastSilence) hi = minYmd(hi, ymdAddDays(today, -300));
    if (s.plan === 'paused_sponsored') hi = minYmd(hi, ymdAddDays(today, -160));
    let lo = maxYmd(ymdAddDays(s.stageStart, -60), ymdAddDays(today, -3 * 365));
    if (lo > hi) lo = ymdAddDays(hi, -30);
    const start = dayBetween(rng, lo, hi);
    s.sponsorshipStart = start.slice(8) > '28' ? `${start.slice(0, 8)}28` : start;
    const earliest = maxYmd(ymdAddDays(s.stageStart, -365), localYmd(addDays(s.ngo.createdAt, 90)));
    const latest = ymdAddDays(s.sponsorshipStart, -14);
    onboardAt(maxYmd(minYmd(ymdAddDays(s.sponsorshipStart, -rng.int(20, 200)), latest), minYmd(earliest, latest)));
  }

  s.activeFrom = addDays(s.createdAt, rng.float(1, 4));
  s.latestCheckin = recentEvening();
  if (s.silentDays) {
    s.activeUntil = lastWordOfSilence(evening(rng, ymdAddDays(today, -s.silentDays)), s);
    s.latestCheckin = s.activeUntil;
  }
  if (s.plan === 'paused_sponsored' || s.plan === 'paused_unsponsored') {
    s.pausedAt = officeHours(rng, ymdAddDays(today, -(s.plan === 'paused_sponsored' ? rng.int(35, 55) : rng.int(45, 80))));
    s.activeUntil = evening(rng, localYmd(addDays(s.pausedAt, -rng.int(4, 12))));
    s.latestCheckin = s.activeUntil;
  }
  if (pastSilence) {
    const lastHeard = evening(rng, ymdAddDays(today, -rng.int(210, 270)));
    const reachedAt = officeHours(rng, localYmd(addDays(lastHeard, 64)));
    s.pastSilence = { lastHeard, reachedAt };
    s.gaps.push({ from: lastHeard, to: reachedAt });
  }
}
