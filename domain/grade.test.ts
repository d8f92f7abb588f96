import { gradeLabel, stageOfGrade } from './grade';

describe('gradeLabel', () => {
  it('names a grade by its stage and year in both languages', () => {
    expect(gradeLabel(11, 'high', 'zh-CN')).toBe('高中二年级');
    expect(gradeLabel(11, 'high', 'en-US')).toBe('Senior 2');
    expect(gradeLabel(8, 'middle', 'zh-CN')).toBe('初中二年级');
    expect(gradeLabel(8, 'middle', 'en-US')).toBe('Junior 2');
    expect(gradeLabel(3, 'primary', 'zh-CN')).toBe('小学三年级');
    expect(gradeLabel(6, 'primary', 'en-US')).toBe('Primary 6');
    expect(gradeLabel(10, 'vocational', 'zh-CN')).toBe('中职一年级');
    expect(gradeLabel(12, 'vocational', 'en-US')).toBe('Vocational 3');
  });

  it('finds the stage from the grade when it is not known', () => {
    expect(gradeLabel(11, undefined, 'zh-CN')).toBe('高中二年级');
    expect([1, 6, 7, 9, 10, 12].map(stageOfGrade)).toEqual(['primary', 'primary', 'middle', 'middle', 'high', 'high']);
  });

  it('names an old grade outside the current stage by its own stage', () => {
    // A term report from the last year of middle school, read now that the student is in high school.
    expect(gradeLabel(9, 'high', 'zh-CN')).toBe('初中三年级');
    expect(gradeLabel(9, 'vocational', 'en-US')).toBe('Junior 3');
  });

  it('shows a value outside 1–12 as it is rather than inventing a grade', () => {
    expect(gradeLabel(0, 'primary', 'en-US')).toBe('0');
    expect(gradeLabel(13, 'high', 'zh-CN')).toBe('13');
  });
});
