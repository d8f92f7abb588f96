import type { Ctx, SponsorshipModel } from './model';
import { addHours, addMinutes, atLocal, iso, maxDate, minDate, officeHours, parseYmd, ymd, ymdAddDays, ymdAddMonths, type Ymd } from './time';

const PER_YEAR = { monthly: 12, quarterly: 4, yearly: 1 } as const;
const CADENCE_TEXT = { monthly: '月', quarterly: '季度', yearly: '年' } as const;

export interface Disbursement {
  sponsorship: SponsorshipModel;
  entryId: string;
  at: Date;
  amountFen: number;
  category: string;
  occurredOn: Ymd;
}

function termLabel(day: Ymd): string {
  const { year, month } = parseYmd(day);
  if (month >= 8) return `${year}年秋季学期`;
  if (month <= 1) return `${year - 1}年秋季学期`;
  return `${year}年春季学期`;
}

/** Disbursement days: shortly after the sponsorship starts, then at the start of every term. */
function disbursementDays(sp: SponsorshipModel, last: Ymd): Ymd[] {
  const first = ymdAddDays(sp.startDate, 10);
  const days = [first];
  for (let year = parseYmd(first).year; year <= parseYmd(last).year; year += 1) {
    for (const day of [ymd(year, 3, 5), ymd(year, 9, 5)]) {
      if (day > ymdAddDays(first, 40) && day <= last) days.push(day);
    }
  }
  return days.filter((d) => d <= last).sort();
}

/** Pledge, payments per cadence period up to now, and disbursements that never exceed what was paid. */
export function buildLedger(ctx: Ctx, sponsorships: readonly SponsorshipModel[]): Disbursement[] {
  const disbursements: Disbursement[] = [];
  for (const sp of sponsorships) {
    const rng = ctx.rng.fork(`ledger:${sp.id}`);
    const perYear = PER_YEAR[sp.cadence];
    const entry = (kind: 'pledge' | 'payment' | 'disbursement', amount: number, on: Ymd, at: Date, more: { category?: string; payee?: string; payeeKind?: 'school' | 'guardian'; description: string; by: string | null }) => {
      const id = ctx.ids.next('ledger', 5);
      ctx.rows.ledger_entries.push({
        id,
        sponsorship_id: sp.id,
        kind,
        amount_fen: amount,
        occurred_on: on,
        category: more.category ?? null,
        payee: more.payee ?? null,
        description: more.description,
        receipt_key: null,
        recorded_by: more.by,
        created_at: iso(at),
        payee_kind: more.payeeKind ?? null,
      });
      return id;
    };

    const total = sp.amountFen * perYear * sp.termYears;
    entry('pledge', total, sp.startDate, sp.confirmedAt, {
      description: `承诺资助${sp.termYears}年，每${CADENCE_TEXT[sp.cadence]}${sp.amountFen / 100}元，共${total / 100}元`,
      by: sp.sponsor.accountId,
    });

    const until = minDate(sp.until, ctx.now);
    const payments: { day: Ymd; amount: number }[] = [];
    for (let k = 0; k < perYear * sp.termYears; k += 1) {
      const day = ymdAddMonths(sp.startDate, (k * 12) / perYear);
      const at = k === 0 ? addMinutes(sp.confirmedAt, rng.int(1, 5)) : atLocal(day, rng.int(8, 22), rng.int(0, 59), rng.int(0, 59));
      if (day > sp.endDate || at > until) break;
      entry('payment', sp.amountFen, day, at, { description: `第${k + 1}期资助款`, by: null });
      payments.push({ day, amount: sp.amountFen });
    }

    const student = sp.student;
    const termNeed = (sp.amountFen * perYear) / 2;
    let disbursed = 0;
    for (const day of disbursementDays(sp, sp.endDate)) {
      const at = officeHours(rng, day);
      if (at > until) break;
      let available = payments.filter((p) => p.day <= day).reduce((sum, p) => sum + p.amount, 0) - disbursed;
      // Money paid in August is for the autumn term: the school is the one of that school year.
      const { year, month } = parseYmd(day);
      const earlier = (month >= 8 ? year : year - 1) < parseYmd(student.stageStart).year && student.previousSchool !== null;
      const school = earlier ? student.previousSchool! : student.schoolName;
      const high = student.stage === 'high' && !earlier;
      const parts: [string, number, string, string, 'school' | 'guardian'][] = [];
      if (high) parts.push(['tuition', 50000, '学费', school, 'school']);
      parts.push(['boarding', 30000, high ? '住宿费' : '住宿及伙食费', school, 'school']);
      parts.push(['living_stipend', termNeed - parts.reduce((sum, p) => sum + p[1], 0), '生活补助', `监护人（${student.guardian.relation}）`, 'guardian']);
      for (const [category, want, label, payee, payeeKind] of parts) {
        const amount = Math.floor(Math.min(want, available) / 100) * 100;
        if (amount <= 0) continue;
        const recordedAt = maxDate(at, minDate(addHours(at, rng.float(1, 72)), addMinutes(ctx.now, -rng.int(5, 30))));
        const id = entry('disbursement', amount, day, recordedAt, {
          category,
          payee,
          payeeKind,
          description: `${termLabel(day)}${label}`,
          by: student.ngo.admin.accountId,
        });
        disbursements.push({ sponsorship: sp, entryId: id, at: recordedAt, amountFen: amount, category, occurredOn: day });
        available -= amount;
        disbursed += amount;
      }
    }
  }
  return disbursements;
}
