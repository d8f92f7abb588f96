import type { Ctx, NgoModel, StudentModel, StudentPlan } from './model';
import { ADULT_GIVEN_NAMES, GIVEN_NAMES, PLACES, SURNAMES, type Gender } from './names';
import type { Rng } from './random';
import { addRecords } from './student-rows';
import { DREAMS } from './texts';
import { planTimeline } from './timeline';
import { dayBetween, maxYmd, ymd, ymdAddDays, ymdAddMonths, type Ymd } from './time';

const PLAN_COUNTS: Record<'sc' | 'gs', readonly (readonly [StudentPlan, number])[]> = {
  sc: [['sponsored', 22], ['renewed', 1], ['paused_sponsored', 1], ['pool', 3], ['completed_pool', 1], ['new', 2]],
  gs: [['sponsored', 21], ['pool', 7], ['new', 1], ['paused_unsponsored', 1]],
};
/** Days since last heard for the students who have gone quiet (two of them long enough for an alert). */
const SILENT_DAYS: Record<'sc' | 'gs', readonly number[]> = { sc: [68, 52, 41], gs: [61, 45] };

const HOLDING_PLANS: readonly StudentPlan[] = ['sponsored', 'renewed', 'paused_sponsored'];

function planOrder(rng: Rng, key: 'sc' | 'gs'): StudentPlan[] {
  const plans = rng.shuffle(PLAN_COUNTS[key].flatMap(([plan, count]) => Array<StudentPlan>(count).fill(plan)));
  const swap = (i: number, j: number) => ([plans[i], plans[j]] = [plans[j], plans[i]]);
  // The first student of each NGO is a sponsored one, and the first unsponsored one waits in the pool.
  swap(0, plans.indexOf('sponsored'));
  const firstFree = plans.findIndex((p) => !HOLDING_PLANS.includes(p));
  swap(firstFree, plans.indexOf('pool'));
  return plans;
}

interface Names {
  legal: Set<string>;
  display: Set<string>;
}

function pickName(rng: Rng, ngo: NgoModel, gender: Gender, taken: Names) {
  for (;;) {
    const yi = ngo.key === 'sc' && rng.chance(0.6);
    const surname = rng.pick(yi ? SURNAMES.yi : ngo.key === 'sc' ? SURNAMES.hanSc : SURNAMES.hanGs);
    const given = rng.pick(GIVEN_NAMES[yi ? 'yi' : 'han'][gender]);
    const legal = surname + given;
    const options = yi ? [given] : given.length === 1 ? [`小${given}`] : rng.shuffle([given, `小${given.slice(-1)}`]);
    const display = options.find((d) => !taken.display.has(d) && !d.includes(surname));
    if (taken.legal.has(legal) || !display) continue;
    taken.legal.add(legal);
    taken.display.add(display);
    return { yi, surname, given, legal, display };
  }
}

function pickGuardian(rng: Rng, yi: boolean, surname: string, ngoKey: 'sc' | 'gs') {
  const relation = rng.weighted([['奶奶', 3], ['父亲', 3], ['母亲', 3], ['爷爷', 1], ['外婆', 1]] as const);
  const male = relation === '父亲' || relation === '爷爷';
  const otherSurnames = (yi ? SURNAMES.yi : ngoKey === 'sc' ? SURNAMES.hanSc : SURNAMES.hanGs).filter((s) => s !== surname);
  const guardianSurname = male ? surname : rng.pick(otherSurnames);
  const name = guardianSurname + rng.pick(ADULT_GIVEN_NAMES[yi ? 'yi' : 'han'][male ? 'male' : 'female']);
  return { name, relation };
}

/** Date of birth consistent with the grade (entered grade 1 at six, or a year later for some). */
function dateOfBirth(rng: Rng, ctx: Ctx, grade: number, youngerThan14: boolean): Ymd {
  const late = !youngerThan14 && rng.chance(0.2) ? 1 : 0;
  const from = ymd(ctx.schoolYear - grade - 6 - late, 9, 1);
  const to = ymd(ctx.schoolYear - grade - 5 - late, 8, 31);
  const fourteenYearsAgo = ymdAddDays(ymdAddMonths(ctx.today, -14 * 12), 1);
  return dayBetween(rng, youngerThan14 ? maxYmd(from, fourteenYearsAgo) : from, to);
}

/** Builds every student's record, account, contacts and guardian consent; activity comes later. */
export function buildStudents(ctx: Ctx, ngos: readonly NgoModel[]): StudentModel[] {
  const students: StudentModel[] = [];
  const taken: Names = { legal: new Set(), display: new Set() };
  let phone = 0;
  for (const ngo of ngos) {
    const rng = ctx.rng.fork(`students:${ngo.key}`);
    const plans = planOrder(rng, ngo.key);
    const sponsoredIdx = plans.flatMap((p, i) => (p === 'sponsored' && i > 0 ? [i] : []));
    const special = rng.sample(sponsoredIdx, SILENT_DAYS[ngo.key].length + 1);
    const silentAt = new Map(SILENT_DAYS[ngo.key].map((days, k) => [special[k], days]));
    const pastSilenceIdx = ngo.key === 'gs' ? special[special.length - 1] : -1;
    taken.display.clear();

    plans.forEach((plan, i) => {
      const id = `student-${String(students.length + 1).padStart(3, '0')}`;
      const gender: Gender = rng.chance(0.5) ? 'female' : 'male';
      const name = pickName(rng, ngo, gender, taken);
      const grade =
        plan === 'renewed' || plan === 'completed_pool' ? 10
        : plan === 'new' ? 7
        : i === pastSilenceIdx ? rng.pick([9, 12])
        : rng.int(7, 12);
      const stage = grade <= 9 ? 'middle' : 'high';
      const stageStart = ymd(ctx.schoolYear - (grade - (stage === 'middle' ? 7 : 10)), 9, 1);
      const county = rng.pick(PLACES[ngo.key]);
      const student: StudentModel = {
        id,
        accountId: `acc-${id}`,
        ngo,
        caseworker: ngo.caseworkers[i % ngo.caseworkers.length],
        plan,
        legalName: name.legal,
        surname: name.surname,
        displayName: name.display,
        gender,
        pronoun: gender === 'female' ? '她' : '他',
        dateOfBirth: dateOfBirth(rng, ctx, grade, plan === 'new'),
        grade,
        stage,
        stageStart,
        schoolName: stage === 'middle' ? county.middleSchool : county.highSchool,
        previousSchool: stage === 'high' ? county.middleSchool : null,
        county: county.name,
        village: county.name + rng.pick(county.villages),
        expectedGraduation: ymd(ctx.schoolYear + (stage === 'middle' ? 9 : 12) - grade + 1, 6, 30),
        yearlyNeedFen: 100 * rng.pick(stage === 'middle' ? [2400, 3000, 3600] : [3600, 4200, 4800, 5400, 6000]),
        dream: rng.pick(DREAMS),
        guardian: pickGuardian(rng, name.yi, name.surname, ngo.key),
        createdAt: ctx.now,
        consentAt: null,
        storyApprovedAt: null,
        poolSince: null,
        programStatus: plan.startsWith('paused') ? 'paused' : 'active',
        pausedAt: null,
        sponsorshipStart: null,
        activeFrom: ctx.now,
        activeUntil: ctx.now,
        gaps: [],
        latestCheckin: null,
        silentDays: silentAt.get(i) ?? null,
        pastSilence: null,
        heard: [],
      };
      planTimeline(ctx, rng, student, i === pastSilenceIdx);
      addRecords(ctx, rng, student, phone);
      phone += 2;
      students.push(student);
    });
  }
  return students;
}
