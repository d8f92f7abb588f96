import { DEFAULT_CARE_POLICY, isYmd, validatePolicy, type CarePolicy, type ExamEntry, type LadderStep } from './policy';

const policy = (over: Partial<CarePolicy>): CarePolicy => ({ ...DEFAULT_CARE_POLICY, ...over });
const problems = (over: Partial<CarePolicy>) => validatePolicy(policy(over)).map((p) => `${p.field} ${p.code}`);
const ladder = (...days: [LadderStep['step'], number][]) => days.map(([step, day]) => ({ step, day }));
const entry: ExamEntry = { exam: 'gaokao', name: '高考', province: '四川', year: 2027, from: '2027-06-07', to: '2027-06-10', resultsOn: '2027-06-23' };
const quiet = { name: '春节', from: '2027-01-30', to: '2027-02-21' };

describe('validatePolicy', () => {
  it('accepts the defaults and a full, sensible policy', () => {
    expect(validatePolicy(DEFAULT_CARE_POLICY)).toEqual([]);
    expect(problems({ checkinCadenceDays: 7, examOutreachDays: 60, slaAckHours: 1, slaFirstContactHours: 1, quietPeriods: [quiet], examCalendar: [entry] })).toEqual([]);
    expect(problems({ checkinCadenceDays: 120, slaAckHours: 720, slaFirstContactHours: 720, ladder: ladder(['nudge_1', 0], ['nudge_2', 1], ['watch', 2], ['alert', 180]) })).toEqual([]);
  });

  it('keeps cadence, SLA hours and outreach days within their ranges, in whole numbers', () => {
    expect(problems({ checkinCadenceDays: 6 })).toEqual(['checkinCadenceDays cadence_out_of_range']);
    expect(problems({ checkinCadenceDays: 121 })).toEqual(['checkinCadenceDays cadence_out_of_range']);
    expect(problems({ checkinCadenceDays: 30.5 })).toEqual(['checkinCadenceDays cadence_out_of_range']);
    expect(problems({ slaAckHours: 0 })).toEqual(['slaAckHours sla_out_of_range']);
    expect(problems({ slaFirstContactHours: 721 })).toEqual(['slaFirstContactHours sla_out_of_range']);
    expect(problems({ examOutreachDays: 0 })).toEqual(['examOutreachDays outreach_out_of_range']);
    expect(problems({ examOutreachDays: 61 })).toEqual(['examOutreachDays outreach_out_of_range']);
  });

  it('wants first contact no sooner than acknowledgement', () => {
    expect(problems({ slaAckHours: 48, slaFirstContactHours: 24 })).toEqual(['slaFirstContactHours sla_contact_before_ack']);
  });

  it('wants every ladder step once, on a day in range, in order, and points at the offending step', () => {
    expect(problems({ ladder: ladder(['nudge_1', 0], ['nudge_2', 7], ['watch', 14]) })).toEqual(['ladder ladder_missing_step']);
    expect(problems({ ladder: ladder(['nudge_1', 0], ['nudge_1', 3], ['nudge_2', 7], ['watch', 14], ['alert', 30]) })).toEqual(['ladder[1].step ladder_duplicate_step']);
    expect(problems({ ladder: ladder(['nudge_1', -1], ['nudge_2', 7], ['watch', 14], ['alert', 181]) })).toEqual(['ladder[0].day ladder_day_out_of_range', 'ladder[3].day ladder_day_out_of_range']);
    expect(problems({ ladder: ladder(['nudge_1', 0], ['nudge_2', 7], ['watch', 30], ['alert', 30]) })).toEqual(['ladder[3].day ladder_out_of_order']);
    expect(problems({ ladder: ladder(['alert', 30], ['watch', 14], ['nudge_2', 20], ['nudge_1', 0]) })).toEqual(['ladder[1].day ladder_out_of_order']);
  });

  it('wants quiet periods named, with real dates, forwards, and at most 62 days long', () => {
    expect(problems({ quietPeriods: [{ ...quiet, name: ' ' }] })).toEqual(['quietPeriods[0] quiet_period_invalid']);
    expect(problems({ quietPeriods: [quiet, { ...quiet, to: '2027-02-30' }] })).toEqual(['quietPeriods[1] quiet_period_invalid']);
    expect(problems({ quietPeriods: [{ ...quiet, from: '2027-02-22' }] })).toEqual(['quietPeriods[0] quiet_period_invalid']);
    expect(problems({ quietPeriods: [{ name: '暑假', from: '2027-07-01', to: '2027-09-01' }] })).toEqual(['quietPeriods[0] quiet_period_too_long']);
    expect(problems({ quietPeriods: [{ name: '暑假', from: '2027-07-01', to: '2027-08-31' }] })).toEqual([]);
  });

  it('wants exam entries complete, in order (exam, then results), in their own year', () => {
    expect(problems({ examCalendar: [{ ...entry, province: '' }] })).toEqual(['examCalendar[0] exam_entry_invalid']);
    expect(problems({ examCalendar: [{ ...entry, resultsOn: '2027-06-09' }] })).toEqual(['examCalendar[0] exam_entry_invalid']);
    expect(problems({ examCalendar: [entry, { ...entry, year: 2028 }] })).toEqual(['examCalendar[1] exam_entry_invalid']);
    expect(problems({ examCalendar: [{ ...entry, from: '2027-13-01' }] })).toEqual(['examCalendar[0] exam_entry_invalid']);
  });

  it('caps the number of quiet periods and exam entries', () => {
    expect(problems({ quietPeriods: Array(41).fill(quiet) })).toEqual(['quietPeriods too_many_entries']);
    expect(problems({ examCalendar: Array(41).fill(entry) })).toEqual(['examCalendar too_many_entries']);
    expect(problems({ quietPeriods: Array(40).fill(quiet), examCalendar: Array(40).fill(entry) })).toEqual([]);
  });

  it('reports every problem at once', () => {
    expect(problems({ checkinCadenceDays: 0, examOutreachDays: 0, quietPeriods: [{ ...quiet, name: '' }] })).toEqual([
      'checkinCadenceDays cadence_out_of_range',
      'examOutreachDays outreach_out_of_range',
      'quietPeriods[0] quiet_period_invalid',
    ]);
  });
});

describe('isYmd', () => {
  it('accepts only real calendar dates', () => {
    expect(['2028-02-29', '2027-12-31'].map(isYmd)).toEqual([true, true]);
    expect(['2027-02-29', '2027-04-31', '2027-1-05', '20270105', ''].map(isYmd)).toEqual([false, false, false, false, false]);
  });
});
