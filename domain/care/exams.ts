import { shanghaiDate } from './due';
import type { Exam, ExamEntry } from './policy';

/** The exam that ends a student's school stage, when they are in its final grade (初三 → 中考, 高三 → 高考). */
export function graduatingExam(student: { schoolStage: 'primary' | 'middle' | 'high' | 'vocational'; grade: number }): Exam | null {
  if (student.schoolStage === 'middle' && student.grade === 9) return 'zhongkao';
  if (student.schoolStage === 'high' && student.grade === 12) return 'gaokao';
  return null;
}

function addDaysYmd(ymd: string, days: number): string {
  return new Date(Date.parse(`${ymd}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The local dates (inclusive) in which exam-season outreach happens: results day and the `outreachDays - 1` days after it. */
export function outreachWindow(entry: ExamEntry, outreachDays: number): { from: string; to: string } {
  return { from: entry.resultsOn, to: addDaysYmd(entry.resultsOn, outreachDays - 1) };
}

/** The exam-calendar entries of a province whose outreach window contains `now`. */
export function examsInOutreach(calendar: readonly ExamEntry[], province: string, outreachDays: number, now: Date): ExamEntry[] {
  const today = shanghaiDate(now);
  return calendar.filter((e) => {
    if (e.province !== province) return false;
    const w = outreachWindow(e, outreachDays);
    return w.from <= today && today <= w.to;
  });
}

/** The once-only key of one student's outreach for one sitting of an exam. */
export function examOutreachKey(studentId: string, entry: Pick<ExamEntry, 'exam' | 'year'>): string {
  return `exam_season:${studentId}:${entry.exam}:${entry.year}`;
}
