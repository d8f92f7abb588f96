import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { adminMe, caseworkerMe, signIn } from '@/test/fixtures';
import { mockApi, ok, type Reply, type SentRequest } from '@/test/http';
import * as Taro from '@/test/taro-mock';
import { policyView } from '../test-data';
import { PolicyEditor } from './policy-editor';

const GET = 'GET /api/staff/care/policy';
const PUT = 'PUT /api/staff/care/policy';
const puts = (sent: SentRequest[]) => sent.filter((s) => s.method === 'PUT');
// Before the sample policy's quiet period and exams, so none of them is folded away as past.
const NOW = new Date('2026-12-06T04:00:00Z');
const errorFields = () => screen.queryAllByTestId('field-error').map((e) => [e.getAttribute('data-field'), e.textContent]);

async function openEditor(put?: Reply | ((req: SentRequest) => Reply)) {
  const sent = mockApi({ [GET]: ok(policyView()), ...(put ? { [PUT]: put } : {}) });
  render(<PolicyEditor now={NOW} />);
  await screen.findByTestId('policy-save');
  return sent;
}

describe('PolicyEditor', () => {
  beforeEach(() => signIn(adminMe));

  it('checks the policy before asking, pointing at each field', async () => {
    const sent = await openEditor();
    fireEvent.change(screen.getByTestId('policy-checkinCadenceDays'), { target: { value: '3' } });
    fireEvent.change(screen.getByTestId('policy-ladder-watch'), { target: { value: '5' } });
    fireEvent.click(screen.getByTestId('policy-quiet-add'));
    fireEvent.click(screen.getByTestId('policy-save'));

    expect(errorFields()).toEqual([
      ['checkinCadenceDays', '应是 7 到 120 之间的整数。'],
      ['ladder[2].day', '这一步要比前一步晚。'],
      ['quietPeriods[1]', '请填名称并选择日期，结束不早于开始。'],
    ]);
    expect(screen.getByTestId('policy-error')).toHaveTextContent('有几处需要修改');
    expect(Taro.showModal).not.toHaveBeenCalled();
    expect(puts(sent)).toHaveLength(0);
  });

  it('saves the whole policy with the version it was edited from, after confirming', async () => {
    const sent = await openEditor((req) => ok(policyView({ ...(req.data as object), version: 4, updatedAt: '2026-12-03T02:00:00Z' })));
    fireEvent.change(screen.getByTestId('policy-slaAckHours'), { target: { value: '24' } });
    fireEvent.click(screen.getAllByTestId('policy-quiet-remove')[0]);
    fireEvent.click(screen.getByTestId('policy-exam-add'));
    const exams = screen.getAllByTestId('policy-exam');
    const last = exams[exams.length - 1];
    const fill = (id: string, value: string) => fireEvent.change(last.querySelector(`[data-testid="${id}"]`) as Element, { target: { value } });
    fireEvent.click(last.querySelector('[data-testid="policy-exam-1-zhongkao"]') as Element);
    fill('policy-exam-name', '中考');
    fill('policy-exam-province', '四川');
    fill('policy-exam-year', '2027');
    // The dates are picked, each offered from the one before it and the exam within its year.
    const picker = (id: string) => last.querySelector(`[data-testid="${id}"]`) as HTMLInputElement;
    expect([picker('policy-exam-from').min, picker('policy-exam-from').max]).toEqual(['2027-01-01', '2027-12-31']);
    fill('policy-exam-from', '2027-06-12');
    expect(picker('policy-exam-to').min).toBe('2027-06-12');
    fill('policy-exam-to', '2027-06-14');
    expect(picker('policy-exam-resultsOn').min).toBe('2027-06-14');
    fill('policy-exam-resultsOn', '2027-07-01');

    Taro.showModal.mockImplementationOnce(() => Promise.resolve({ confirm: false, cancel: true, errMsg: 'ok' }));
    fireEvent.click(screen.getByTestId('policy-save'));
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1));
    expect(puts(sent)).toHaveLength(0);

    fireEvent.click(screen.getByTestId('policy-save'));
    await waitFor(() => expect(screen.getByTestId('policy-version')).toHaveTextContent('第 4 版'));
    const body = puts(sent)[0].data as Record<string, unknown>;
    expect(body.expectedVersion).toBe(3);
    expect(body.slaAckHours).toBe(24);
    expect(body.quietPeriods).toEqual([]);
    expect(body.examCalendar).toEqual([
      { exam: 'gaokao', name: '高考', province: '四川', year: 2027, from: '2027-06-07', to: '2027-06-09', resultsOn: '2027-06-25' },
      { exam: 'zhongkao', name: '中考', province: '四川', year: 2027, from: '2027-06-12', to: '2027-06-14', resultsOn: '2027-07-01' },
    ]);
    expect(puts(sent)[0].header['Idempotency-Key']).toBeUndefined();
  });

  it('says someone else changed the policy on 409 and reloads it on request', async () => {
    const sent = await openEditor({ statusCode: 409, data: { error: { code: 'POLICY_VERSION_CONFLICT', message: '关怀规则已被修改。' } } });
    fireEvent.change(screen.getByTestId('policy-examOutreachDays'), { target: { value: '10' } });
    fireEvent.click(screen.getByTestId('policy-save'));
    expect(await screen.findByTestId('policy-conflict')).toHaveTextContent('有人修改了关怀规则');

    mockApi({ [GET]: ok(policyView({ version: 5, examOutreachDays: 14 })) });
    fireEvent.click(screen.getByTestId('policy-reload'));
    await waitFor(() => expect(screen.getByTestId('policy-examOutreachDays')).toHaveValue('14'));
    expect(screen.queryByTestId('policy-conflict')).not.toBeInTheDocument();
    expect(puts(sent)).toHaveLength(1);
  });

  it('shows the server’s field problems next to the fields', async () => {
    await openEditor({
      statusCode: 400,
      data: { error: { code: 'POLICY_INVALID', message: '关怀规则有几处需要修改。', details: [{ field: 'examCalendar[0]', message: '出成绩日期不能早于考试结束。' }] } },
    });
    fireEvent.click(screen.getByTestId('policy-save'));
    expect(await screen.findByTestId('policy-error')).toHaveTextContent('关怀规则有几处需要修改。');
    expect(errorFields()).toEqual([['examCalendar[0]', '出成绩日期不能早于考试结束。']]);
  });

  it('edits how long a student’s personal data is kept, within 12 to 120 months', async () => {
    const sent = await openEditor((req) => ok(policyView({ ...(req.data as object), version: 4 })));
    const field = screen.getByTestId('policy-studentRetentionMonths');
    expect(field).toHaveValue('36');
    fireEvent.change(field, { target: { value: '6' } });
    fireEvent.click(screen.getByTestId('policy-save'));
    expect(errorFields()).toEqual([['studentRetentionMonths', '应是 12 到 120 之间的整数。']]);
    expect(puts(sent)).toHaveLength(0);

    fireEvent.change(field, { target: { value: '24' } });
    fireEvent.click(screen.getByTestId('policy-save'));
    await waitFor(() => expect(puts(sent)).toHaveLength(1));
    expect((puts(sent)[0].data as Record<string, unknown>).studentRetentionMonths).toBe(24);
  });

  it('folds away quiet periods and exams that are over, keeps them in what is saved, and shows them on request', async () => {
    const quietPeriods = [
      { name: '2025 年春节', from: '2025-01-25', to: '2025-02-10' },
      { name: '2026 年暑假', from: '2026-07-10', to: '2026-08-31' },
      { name: '期末考试', from: '2026-12-01', to: '2026-12-10' },
      { name: '2027 年春节', from: '2027-02-05', to: '2027-02-20' },
    ];
    const gaokao = { exam: 'gaokao' as const, name: '高考', province: '四川', from: '06-07', to: '06-09', resultsOn: '06-25' };
    const examCalendar = [2026, 2027].map((year) => ({
      ...gaokao,
      year,
      from: `${year}-${gaokao.from}`,
      to: `${year}-${gaokao.to}`,
      resultsOn: `${year}-${gaokao.resultsOn}`,
    }));
    const sent = mockApi({ [GET]: ok(policyView({ quietPeriods, examCalendar })), [PUT]: (req) => ok(policyView({ ...(req.data as object), version: 4 })) });
    render(<PolicyEditor now={NOW} />);
    await screen.findByTestId('policy-save');
    const shownNames = () => screen.getAllByTestId('policy-quiet-name').map((input) => (input as HTMLInputElement).value);

    // The current and the coming period stay; the two that ended are behind the toggle.
    expect(shownNames()).toEqual(['期末考试', '2027 年春节']);
    const toggle = screen.getByTestId('policy-quiet-past-toggle');
    expect(toggle).toHaveTextContent('显示已过去的安静期（2 个）');

    fireEvent.click(toggle);
    expect(shownNames()).toEqual(['2025 年春节', '2026 年暑假', '期末考试', '2027 年春节']);
    expect(toggle).toHaveTextContent('收起已过去的安静期');
    fireEvent.click(toggle);
    expect(shownNames()).toEqual(['期末考试', '2027 年春节']);

    const shownYears = () => screen.getAllByTestId('policy-exam-year').map((input) => (input as HTMLInputElement).value);
    expect(shownYears()).toEqual(['2027']);
    fireEvent.click(screen.getByTestId('policy-exam-past-toggle'));
    expect(shownYears()).toEqual(['2026', '2027']);

    fireEvent.click(screen.getByTestId('policy-save'));
    await waitFor(() => expect(puts(sent)).toHaveLength(1));
    expect((puts(sent)[0].data as Record<string, unknown>).quietPeriods).toEqual(quietPeriods);
    expect((puts(sent)[0].data as Record<string, unknown>).examCalendar).toEqual(examCalendar);
  });

  it('offers no toggle when nothing is over', async () => {
    await openEditor();
    expect(screen.getAllByTestId('policy-quiet')).toHaveLength(1);
    expect(screen.getAllByTestId('policy-exam')).toHaveLength(1);
    expect(screen.queryByTestId('policy-quiet-past-toggle')).not.toBeInTheDocument();
    expect(screen.queryByTestId('policy-exam-past-toggle')).not.toBeInTheDocument();
  });

  it('is read-only for a caseworker', async () => {
    signIn(caseworkerMe);
    mockApi({ [GET]: ok(policyView({ editable: false })) });
    render(<PolicyEditor />);
    expect(await screen.findByTestId('policy-read-only')).toHaveTextContent('只有机构负责人可以修改');
    expect(screen.queryByTestId('policy-save')).not.toBeInTheDocument();
    expect(screen.queryByTestId('policy-quiet-add')).not.toBeInTheDocument();
    expect(screen.getByTestId('policy-checkinCadenceDays')).toBeDisabled();
  });
});
