import { validatePolicy } from '../../../domain/care/policy';
import { checkPolicy, errorAt, formFromPolicy, policyFromForm } from './rules';
import { policyView } from './test-data';

const base = () => {
  const view = policyView();
  return {
    checkinCadenceDays: view.checkinCadenceDays,
    ladder: view.ladder,
    slaAckHours: view.slaAckHours,
    slaFirstContactHours: view.slaFirstContactHours,
    quietPeriods: view.quietPeriods,
    examCalendar: view.examCalendar,
    examOutreachDays: view.examOutreachDays,
    urgentAckMinutes: view.urgentAckMinutes,
    concernDueHours: view.concernDueHours,
    studentRetentionMonths: view.studentRetentionMonths,
  };
};

describe('care policy rules', () => {
  const cases: Array<[string, ReturnType<typeof base>]> = [
    ['a valid policy', base()],
    ['cadence too short', { ...base(), checkinCadenceDays: 6 }],
    ['first contact before acknowledgement', { ...base(), slaAckHours: 72, slaFirstContactHours: 24 }],
    ['SLA out of range', { ...base(), slaAckHours: 0 }],
    ['outreach too long', { ...base(), examOutreachDays: 61 }],
    ['urgent acknowledgement too slow', { ...base(), urgentAckMinutes: 300 }],
    ['concern follow-up of zero hours', { ...base(), concernDueHours: 0 }],
    ['steps out of order', { ...base(), ladder: [{ step: 'nudge_1', day: 0 }, { step: 'nudge_2', day: 20 }, { step: 'watch', day: 14 }, { step: 'alert', day: 30 }] }],
    ['a step missing and one twice', { ...base(), ladder: [{ step: 'nudge_1', day: 0 }, { step: 'nudge_1', day: 7 }, { step: 'watch', day: 14 }, { step: 'alert', day: 30 }] }],
    ['a day out of range', { ...base(), ladder: [{ step: 'nudge_1', day: 0 }, { step: 'nudge_2', day: 7 }, { step: 'watch', day: 14 }, { step: 'alert', day: 181 }] }],
    ['a quiet period backwards', { ...base(), quietPeriods: [{ name: '寒假', from: '2027-02-01', to: '2027-01-01' }] }],
    ['a quiet period too long', { ...base(), quietPeriods: [{ name: '寒假', from: '2027-01-01', to: '2027-03-05' }] }],
    ['an exam with results before it ends', { ...base(), examCalendar: [{ exam: 'zhongkao', name: '中考', province: '四川', year: 2027, from: '2027-06-12', to: '2027-06-14', resultsOn: '2027-06-13' }] }],
    ['an exam in the wrong year', { ...base(), examCalendar: [{ exam: 'gaokao', name: '高考', province: '四川', year: 2026, from: '2027-06-07', to: '2027-06-09', resultsOn: '2027-06-25' }] }],
    ['a date that does not exist', { ...base(), quietPeriods: [{ name: '假期', from: '2027-02-30', to: '2027-03-02' }] }],
  ];

  it.each(cases)('judge %s as the domain does, at the same fields', (_name, policy) => {
    const mine = checkPolicy(policy).map(({ field, code }) => `${field}:${code}`);
    const domain = validatePolicy(policy).map(({ field, code }) => `${field}:${code}`);
    expect(mine.sort()).toEqual(domain.sort());
  });

  it('keeps half-typed numbers as "not a number" rather than guessing', () => {
    const form = formFromPolicy(base());
    const problems = checkPolicy(policyFromForm({ ...form, slaAckHours: '4 8', ladder: form.ladder.map((s, i) => (i === 1 ? { ...s, day: '' } : s)) }));
    expect(problems).toEqual([
      { field: 'slaAckHours', code: 'not_a_number' },
      { field: 'ladder[1].day', code: 'not_a_number' },
    ]);
  });

  it('round-trips a policy through the form, always with the four steps in order', () => {
    const policy = { ...base(), ladder: [...base().ladder].reverse() };
    const back = policyFromForm(formFromPolicy(policy));
    expect(back.ladder.map((s) => s.step)).toEqual(['nudge_1', 'nudge_2', 'watch', 'alert']);
    expect(back).toEqual({ ...base() });
  });

  it('checks the retention period of students’ data too: a whole number of months from 12 to 120', () => {
    expect(checkPolicy({ ...base(), studentRetentionMonths: 11 })).toEqual([{ field: 'studentRetentionMonths', code: 'retention_out_of_range' }]);
    expect(checkPolicy(policyFromForm({ ...formFromPolicy(base()), studentRetentionMonths: '3 年' }))).toEqual([{ field: 'studentRetentionMonths', code: 'not_a_number' }]);
    expect(checkPolicy({ ...base(), studentRetentionMonths: 120 })).toEqual([]);
  });

  it('finds an error for a row from the row or any field inside it', () => {
    expect(errorAt({ 'quietPeriods[1].from': 'bad date' }, 'quietPeriods[1]')).toBe('bad date');
    expect(errorAt({ 'quietPeriods[1]': 'bad row' }, 'quietPeriods[1]')).toBe('bad row');
    expect(errorAt({ 'quietPeriods[10]': 'other row' }, 'quietPeriods[1]')).toBeNull();
  });
});
