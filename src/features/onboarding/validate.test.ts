import * as contract from '../../../domain/api/students';
import * as student from '../../../domain/student';
import {
  birthDateRange,
  CONSENT_METHOD_OPTIONS,
  EMPTY_STUDENT_FORM,
  graduationDateRange,
  LIMITS,
  parseDate,
  retainUntilStart,
  SCHOOL_STAGES,
  validateConsentForm,
  validateStudentForm,
  validateTermReport,
} from './validate';

const NOW = new Date('2026-11-30T04:00:00Z');
const filled = {
  ...EMPTY_STUDENT_FORM,
  legalName: '阿木小花',
  schoolName: '昭觉县第二中学',
  displayName: '小花',
  story: '喜欢画画',
  dateOfBirth: '2013/5/20',
  grade: '７',
  schoolStage: 'middle' as const,
  expectedGraduation: '2032-07-01',
  province: '四川',
  city: '凉山',
  yearlyNeed: '¥3,000.5',
  guardianName: '阿木拉则',
  guardianRelation: '母亲',
  guardianPhone: '13800000000',
};

describe('onboarding validation', () => {
  it('keeps the limits and consent methods of the contract', () => {
    expect([...SCHOOL_STAGES]).toEqual([...student.SCHOOL_STAGES]);
    expect(LIMITS.story).toBe(contract.STORY_MAX);
    expect(LIMITS.result).toBe(contract.TERM_RESULT_MAX);
    expect([...CONSENT_METHOD_OPTIONS].sort()).toEqual([...contract.CONSENT_METHODS].sort());
    expect(contract.CreateStudentBody.properties.legalName.maxLength).toBe(LIMITS.name);
    expect(contract.CreateStudentBody.properties.displayName.maxLength).toBe(LIMITS.displayName);
    expect(contract.CreateStudentBody.properties.schoolName.maxLength).toBe(LIMITS.school);
    expect(contract.CreateStudentBody.properties.province.maxLength).toBe(LIMITS.place);
    expect(contract.RecordConsentBody.properties.scope.maxLength).toBe(LIMITS.scope);
    expect(contract.WithdrawConsentBody.properties.reason.maxLength).toBe(LIMITS.reason);
  });

  it('reads dates people type and refuses ones that do not exist', () => {
    expect(parseDate('2013/5/20')).toBe('2013-05-20');
    expect(parseDate('２０１３-０５-２０')).toBe('2013-05-20');
    expect(parseDate('2013-02-30')).toBeNull();
    expect(parseDate('20.5.2013')).toBeNull();
  });

  it('builds the body with fen, normalised dates and contacts', () => {
    const result = validateStudentForm(filled, NOW);
    expect(result.errors).toBeUndefined();
    expect(result.body).toEqual({
      legalName: '阿木小花',
      displayName: '小花',
      gender: 'unspecified',
      schoolName: '昭觉县第二中学',
      village: null,
      story: '喜欢画画',
      dateOfBirth: '2013-05-20',
      grade: 7,
      schoolStage: 'middle',
      expectedGraduation: '2032-07-01',
      province: '四川',
      city: '凉山',
      yearlyNeedFen: 300050,
      caseworkerId: null,
      guardianContacts: [{ name: '阿木拉则', relation: '母亲', phone: '13800000000' }],
      schoolContacts: [],
    });
  });

  it('reports every problem against its field', () => {
    const result = validateStudentForm(
      { ...filled, grade: '13', dateOfBirth: '2027-01-01', expectedGraduation: '2020-07-01', yearlyNeed: '0', displayName: '阿木小花', schoolStage: '', schoolContactPhone: 'abc' },
      NOW,
    );
    expect(result.errors).toMatchObject({
      grade: { key: 'onboarding.error.grade' },
      dateOfBirth: { key: 'onboarding.error.birthFuture' },
      expectedGraduation: { key: 'onboarding.error.graduationPast' },
      yearlyNeed: { key: 'onboarding.error.amount' },
      displayName: { key: 'onboarding.error.displayNameIsLegal' },
      schoolStage: { key: 'onboarding.error.choose' },
      schoolContactName: { key: 'onboarding.error.required' },
      schoolContactPhone: { key: 'onboarding.error.phone' },
    });
  });

  it('offers in the date pickers only dates the checks accept', () => {
    const birth = birthDateRange(NOW);
    expect(birth).toEqual({ start: '2000-12-01', end: '2026-11-30' });
    expect(validateStudentForm({ ...filled, dateOfBirth: birth.start }, NOW).body?.dateOfBirth).toBe('2000-12-01');
    expect(validateStudentForm({ ...filled, dateOfBirth: '2000-11-30' }, NOW).errors?.dateOfBirth).toEqual({ key: 'onboarding.error.age' });
    expect(graduationDateRange(NOW)).toEqual({ start: '2026-12-01', end: '2046-11-30' });
    expect(retainUntilStart('2026-11-20', NOW)).toBe('2026-12-01');
    expect(retainUntilStart('2026-12-05', NOW)).toBe('2026-12-06');
  });

  it('asks for a date to be chosen when none is', () => {
    expect(validateStudentForm({ ...filled, dateOfBirth: '', expectedGraduation: ' ' }, NOW).errors).toMatchObject({ dateOfBirth: { key: 'onboarding.error.pickDate' }, expectedGraduation: { key: 'onboarding.error.pickDate' } });
    expect(validateConsentForm({ guardianName: '阿木拉则', relation: '母亲', consentedOn: '', method: 'paper', scope: '参加项目', retainUntil: '' }, NOW).errors).toEqual({
      consentedOn: { key: 'onboarding.error.pickDate' },
      retainUntil: { key: 'onboarding.error.pickDate' },
    });
  });

  it('checks a consent record and a term report', () => {
    expect(validateConsentForm({ guardianName: ' 阿木拉则 ', relation: '母亲', consentedOn: '2026-11-29', method: 'paper', scope: '参加项目', retainUntil: '2033-12-31' }, NOW).body).toEqual({
      guardianName: '阿木拉则',
      relation: '母亲',
      consentedOn: '2026-11-29',
      method: 'paper',
      scope: '参加项目',
      retainUntil: '2033-12-31',
    });
    expect(validateConsentForm({ guardianName: '', relation: '', consentedOn: '2026-12-01', method: '', scope: '', retainUntil: '2026-01-01' }, NOW).errors).toMatchObject({
      guardianName: { key: 'onboarding.error.required' },
      consentedOn: { key: 'onboarding.error.future' },
      method: { key: 'onboarding.error.choose' },
      retainUntil: { key: 'consent.error.retainPast' },
    });
    expect(validateTermReport({ year: '2025', half: '2', grade: '7', overallResult: '进步很大' }).body).toEqual({ term: '2025-2026-2', grade: 7, overallResult: '进步很大' });
    expect(new RegExp(contract.TERM_PATTERN).test('2025-2026-2')).toBe(true);
    expect(validateTermReport({ year: '26', half: '1', grade: '0', overallResult: '' }).errors).toMatchObject({
      year: { key: 'onboarding.error.year' },
      grade: { key: 'onboarding.error.grade' },
      overallResult: { key: 'onboarding.error.required' },
    });
  });
});
