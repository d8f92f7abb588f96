import { examOutreachKey, examsInOutreach, graduatingExam, outreachWindow } from './exams';
import type { ExamEntry } from './policy';

const zhongkao: ExamEntry = { exam: 'zhongkao', name: '中考', province: '四川', year: 2027, from: '2027-06-12', to: '2027-06-14', resultsOn: '2027-07-03' };
const gaokao: ExamEntry = { exam: 'gaokao', name: '高考', province: '四川', year: 2027, from: '2027-06-07', to: '2027-06-10', resultsOn: '2027-06-23' };
const gaokaoGansu: ExamEntry = { ...gaokao, province: '甘肃', resultsOn: '2027-06-25' };
const calendar = [zhongkao, gaokao, gaokaoGansu];

describe('exam season', () => {
  it.each([
    ['middle', 9, 'zhongkao'],
    ['high', 12, 'gaokao'],
    ['middle', 8, null],
    ['high', 11, null],
    ['vocational', 12, null],
    ['primary', 6, null],
  ] as const)('a %s-school student in grade %i sits %s', (schoolStage, grade, exam) => {
    expect(graduatingExam({ schoolStage, grade })).toBe(exam);
  });

  it('reaches out from results day for the number of days the policy says', () => {
    expect(outreachWindow(zhongkao, 7)).toEqual({ from: '2027-07-03', to: '2027-07-09' });
    expect(outreachWindow(zhongkao, 1)).toEqual({ from: '2027-07-03', to: '2027-07-03' });
    expect(outreachWindow({ ...gaokao, resultsOn: '2027-06-28' }, 7)).toEqual({ from: '2027-06-28', to: '2027-07-04' });
  });

  it('finds the sittings of a province whose window holds now, by Shanghai dates', () => {
    // Results day starts at 2027-07-02T16:00Z; the seventh day ends at 2027-07-09T16:00Z.
    expect(examsInOutreach(calendar, '四川', 7, new Date('2027-07-02T15:59:59.999Z'))).toEqual([]);
    expect(examsInOutreach(calendar, '四川', 7, new Date('2027-07-02T16:00:00.000Z'))).toEqual([zhongkao]);
    expect(examsInOutreach(calendar, '四川', 7, new Date('2027-07-09T15:59:59.999Z'))).toEqual([zhongkao]);
    expect(examsInOutreach(calendar, '四川', 7, new Date('2027-07-09T16:00:00.000Z'))).toEqual([]);
    // Gansu's results come two days after Sichuan's.
    expect(examsInOutreach(calendar, '甘肃', 7, new Date('2027-06-24T00:00:00.000Z'))).toEqual([]);
    expect(examsInOutreach(calendar, '甘肃', 7, new Date('2027-06-25T00:00:00.000Z'))).toEqual([gaokaoGansu]);
    expect(examsInOutreach(calendar, '四川', 7, new Date('2027-06-24T00:00:00.000Z'))).toEqual([gaokao]);
    expect(examsInOutreach(calendar, '云南', 7, new Date('2027-06-24T00:00:00.000Z'))).toEqual([]);
  });

  it('keys a student\'s outreach by exam and year', () => {
    expect(examOutreachKey('student-1', zhongkao)).toBe('exam_season:student-1:zhongkao:2027');
    expect(examOutreachKey('student-1', { exam: 'zhongkao', year: 2028 })).not.toBe(examOutreachKey('student-1', zhongkao));
  });
});
