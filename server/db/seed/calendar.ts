import type { ExamEntry, QuietPeriod } from '../../../domain/care/policy';
import { parseYmd, ymd, ymdAddDays, type Ymd } from './time';

/** 春节 (the first day of the lunar year), by Gregorian year. */
const SPRING_FESTIVAL: Record<number, Ymd> = {
  2020: '2020-01-25', 2021: '2021-02-12', 2022: '2022-02-01', 2023: '2023-01-22', 2024: '2024-02-10',
  2025: '2025-01-29', 2026: '2026-02-17', 2027: '2027-02-06', 2028: '2028-01-26', 2029: '2029-02-13',
  2030: '2030-02-03', 2031: '2031-01-23', 2032: '2032-02-11', 2033: '2033-01-31', 2034: '2034-02-19',
  2035: '2035-02-08', 2036: '2036-01-28', 2037: '2037-02-15', 2038: '2038-02-04', 2039: '2039-01-24',
  2040: '2040-02-12',
};

export function springFestival(year: number): Ymd {
  // Outside the table, early February is close enough for demo data.
  return SPRING_FESTIVAL[year] ?? ymd(year, 2, 5);
}

export interface ProvinceExams {
  gaokao: { from: string; to: string; results: string };
  zhongkao: { from: string; to: string; results: string };
  /** A local holiday, if the NGO's area has one (month-day range). */
  localHoliday?: { name: string; from: string; to: string };
}

const on = (year: number, monthDay: string): Ymd => `${year}-${monthDay}`;

/** Quiet periods for the calendar year of `today` and the next: Spring Festival, exam weeks, local holidays. */
export function quietPeriods(today: Ymd, exams: ProvinceExams): QuietPeriod[] {
  const { year } = parseYmd(today);
  const periods: QuietPeriod[] = [];
  for (const y of [year, year + 1]) {
    const festival = springFestival(y);
    periods.push(
      { name: '期末考试周', from: on(y, '01-12'), to: on(y, '01-18') },
      { name: '春节', from: ymdAddDays(festival, -7), to: ymdAddDays(festival, 15) },
      { name: '高考', from: on(y, exams.gaokao.from), to: on(y, exams.gaokao.to) },
      { name: '中考', from: on(y, exams.zhongkao.from), to: on(y, exams.zhongkao.to) },
      { name: '期末考试周', from: on(y, '06-29'), to: on(y, '07-05') },
    );
    if (exams.localHoliday) {
      periods.push({ name: exams.localHoliday.name, from: on(y, exams.localHoliday.from), to: on(y, exams.localHoliday.to) });
    }
  }
  return periods.sort((a, b) => a.from.localeCompare(b.from));
}

/** Zhongkao and gaokao dates of a province with their results days, for the calendar year of `today` and the next. */
export function examCalendar(today: Ymd, province: string, exams: ProvinceExams): ExamEntry[] {
  const { year } = parseYmd(today);
  return [year, year + 1].flatMap((y) => [
    { exam: 'gaokao' as const, name: '高考', province, year: y, from: on(y, exams.gaokao.from), to: on(y, exams.gaokao.to), resultsOn: on(y, exams.gaokao.results) },
    { exam: 'zhongkao' as const, name: '中考', province, year: y, from: on(y, exams.zhongkao.from), to: on(y, exams.zhongkao.to), resultsOn: on(y, exams.zhongkao.results) },
  ]);
}
