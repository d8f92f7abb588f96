import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { caseworkerMe, signIn } from '@/test/fixtures';
import { failWith, mockApi, ok, type SentRequest } from '@/test/http';
import * as Taro from '@/test/taro-mock';
import { caseView, NOW } from '../test-data';
import { CaseScreen } from './case-screen';

const CASE = 'GET /api/staff/care/alerts/al-1';
const posts = (sent: SentRequest[]) => sent.filter((s) => s.method === 'POST');
const declineOnce = () => Taro.showModal.mockImplementationOnce(() => Promise.resolve({ confirm: false, cancel: true, errMsg: 'ok' }));

async function openCase(routes: Record<string, Parameters<typeof mockApi>[0][string]> = {}) {
  const sent = mockApi({ [CASE]: ok(caseView()), ...routes });
  render(<CaseScreen alertId='al-1' now={NOW} />);
  await screen.findByTestId('case-screen');
  return sent;
}

describe('CaseScreen', () => {
  beforeEach(() => signIn(caseworkerMe));
  afterEach(() => {
    delete process.env.TARO_ENV;
  });

  it('shows the student, contacts as plain text on h5, the SLA, history and recent activity', async () => {
    await openCase();
    expect(screen.getByTestId('case-student-name')).toHaveTextContent('小雨');
    expect(screen.getByTestId('case-student-legal')).toHaveTextContent('姓名：王小雨');
    expect(screen.getByTestId('case-student')).toHaveTextContent('高中三年级 · 西昌市第一中学 · 四川·西昌');
    expect(screen.getByTestId('case-next-due')).toHaveTextContent('下次应联系：2026年11月1日，已逾期 32 天');
    expect(screen.getByTestId('sla-line')).toHaveTextContent('确认期限还剩 5 小时');
    expect(screen.getByTestId('case-status')).toHaveTextContent('待确认');
    expect(screen.getAllByTestId('case-contact-phone').map((p) => p.textContent)).toEqual(['13800138000', '0834-1234567']);
    expect(screen.queryByTestId('case-contact-call')).not.toBeInTheDocument();
    expect(screen.getAllByTestId('case-event').map((e) => e.getAttribute('data-kind'))).toEqual(['step_nudge_1', 'alert_opened']);
    expect(screen.getByTestId('case-recent-item')).toHaveTextContent('报平安 · 我很好');
  });

  it('calls a contact with one tap in the mini-program', async () => {
    process.env.TARO_ENV = 'weapp';
    await openCase();
    const calls = screen.getAllByTestId('case-contact-call');
    expect(calls[0]).toHaveAccessibleName('拨打王芳的电话 13800138000');
    fireEvent.click(calls[0]);
    expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '13800138000' });
  });

  it('acknowledges and shows the case the server answers', async () => {
    const sent = await openCase({ 'POST /api/staff/care/alerts/al-1/acknowledge': ok(caseView({ alert: { status: 'acknowledged', nextDeadline: null } })) });
    fireEvent.click(screen.getByRole('button', { name: '确认我已接手这个提醒' }));
    await waitFor(() => expect(screen.getByTestId('case-screen')).toHaveAttribute('data-status', 'acknowledged'));
    expect(posts(sent).map((p) => p.path)).toEqual(['/api/staff/care/alerts/al-1/acknowledge']);
    expect(posts(sent)[0].header['Idempotency-Key']).toBeTruthy();
    expect(screen.queryByTestId('case-acknowledge')).not.toBeInTheDocument();
  });

  it('logs an attempt with method, result, note and China time', async () => {
    const after = caseView({
      alert: { status: 'acknowledged', attemptCount: 1 },
      attempts: [{ id: 'at-1', method: 'call', result: 'no_answer', note: '响了很久', attemptedAt: '2026-12-03T01:30:00Z', staffName: '周老师' }],
    });
    const sent = await openCase({ 'POST /api/staff/care/alerts/al-1/attempts': { statusCode: 201, data: after } });
    fireEvent.click(screen.getByTestId('case-log-attempt'));
    fireEvent.click(screen.getByTestId('attempt-submit'));
    expect(screen.getAllByTestId('field-error').map((e) => [e.getAttribute('data-field'), e.textContent])).toEqual([
      ['method', '请选择。'],
      ['result', '请选择。'],
    ]);
    expect(posts(sent)).toHaveLength(0);

    fireEvent.click(screen.getByTestId('attempt-method-call'));
    fireEvent.click(screen.getByTestId('attempt-result-no_answer'));
    fireEvent.change(screen.getByTestId('attempt-note'), { target: { value: '响了很久' } });
    // The time is picked, date then time of day (China time); the date alone will not do.
    fireEvent.change(screen.getByTestId('attempt-when-date'), { target: { value: '2026-12-03' } });
    fireEvent.click(screen.getByTestId('attempt-submit'));
    expect(screen.getAllByTestId('field-error').map((e) => [e.getAttribute('data-field'), e.textContent])).toEqual([['when', '请选择日期和时间。']]);
    fireEvent.change(screen.getByTestId('attempt-when-time'), { target: { value: '09:30' } });
    fireEvent.click(screen.getByTestId('attempt-submit'));

    expect(await screen.findByTestId('case-attempt')).toHaveTextContent('电话 · 没人接');
    expect(posts(sent)[0].data).toEqual({ method: 'call', result: 'no_answer', note: '响了很久', attemptedAt: '2026-12-03T01:30:00.000Z' });
    expect(screen.queryByTestId('attempt-form')).not.toBeInTheDocument();
  });

  it('checks each outcome’s fields, confirms before resolving, and sends nothing when cancelled', async () => {
    const resolved = caseView({ alert: { status: 'resolved', outcome: 'situation_changed', outcomeNote: '转到职业学校', resolvedAt: NOW.toISOString() } });
    const sent = await openCase({ 'POST /api/staff/care/alerts/al-1/resolve': ok(resolved) });
    fireEvent.click(screen.getByTestId('case-resolve'));
    fireEvent.click(screen.getByTestId('resolve-outcome-situation_changed'));
    fireEvent.click(screen.getByTestId('resolve-change-vocational_track'));
    fireEvent.click(screen.getByTestId('resolve-submit'));
    const fields = screen.getAllByTestId('field-error').map((e) => e.getAttribute('data-field'));
    expect(fields).toEqual(['schoolName', 'schoolStage', 'note']);
    expect(Taro.showModal).not.toHaveBeenCalled();

    fireEvent.change(screen.getByTestId('resolve-schoolName'), { target: { value: '西昌职业技术学校' } });
    fireEvent.click(screen.getByTestId('resolve-stage-vocational'));
    fireEvent.change(screen.getByTestId('resolve-grade'), { target: { value: '10' } });
    fireEvent.change(screen.getByTestId('resolve-note'), { target: { value: '通过班主任联系上，已转到职业学校' } });

    declineOnce();
    fireEvent.click(screen.getByTestId('resolve-submit'));
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1));
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '确认结案？', content: expect.stringContaining('情况有变化') }));
    expect(posts(sent)).toHaveLength(0);

    fireEvent.click(screen.getByTestId('resolve-submit'));
    await waitFor(() => expect(screen.getByTestId('case-screen')).toHaveAttribute('data-status', 'resolved'));
    expect(posts(sent)[0].data).toEqual({
      outcome: 'situation_changed',
      note: '通过班主任联系上，已转到职业学校',
      change: { kind: 'vocational_track', schoolName: '西昌职业技术学校', schoolStage: 'vocational', grade: 10 },
    });
    expect(screen.getByTestId('case-outcome')).toHaveTextContent('结果：情况有变化');
    expect(screen.queryByTestId('case-actions')).not.toBeInTheDocument();
  });

  it('hands over with the partner NGO and the guardian’s consent', async () => {
    const sent = await openCase({ 'POST /api/staff/care/alerts/al-1/resolve': ok(caseView()) });
    fireEvent.click(screen.getByTestId('case-resolve'));
    fireEvent.click(screen.getByTestId('resolve-outcome-handed_over'));
    const fields = within(screen.getByTestId('resolve-handover-fields'));
    fireEvent.click(fields.getByTestId('resolve-ngo-ngo-2'));
    fireEvent.change(fields.getByTestId('resolve-guardianName'), { target: { value: '王芳' } });
    fireEvent.change(fields.getByTestId('resolve-relation'), { target: { value: '母亲' } });
    fireEvent.click(fields.getByTestId('resolve-consent-method-phone'));
    fireEvent.change(fields.getByTestId('resolve-consentedOn'), { target: { value: '2026-12-02' } });
    fireEvent.change(screen.getByTestId('resolve-note'), { target: { value: '全家搬到成都' } });
    fireEvent.click(screen.getByTestId('resolve-submit'));
    await waitFor(() => expect(posts(sent)).toHaveLength(1));
    expect(posts(sent)[0].data).toEqual({
      outcome: 'handed_over',
      note: '全家搬到成都',
      handover: { toNgoId: 'ngo-2', consent: { guardianName: '王芳', relation: '母亲', method: 'phone', consentedOn: '2026-12-02' } },
    });
  });

  it('pauses until a future date and shows the server’s message when it refuses', async () => {
    await openCase({ 'POST /api/staff/care/alerts/al-1/resolve': failWith(409, 'ALERT_RESOLVED', '这个提醒已经结案了。') });
    fireEvent.click(screen.getByTestId('case-resolve'));
    fireEvent.click(screen.getByTestId('resolve-outcome-paused'));
    fireEvent.change(screen.getByTestId('resolve-resumeOn'), { target: { value: '2026-12-01' } });
    fireEvent.change(screen.getByTestId('resolve-note'), { target: { value: '外出打工，春节后回来' } });
    fireEvent.click(screen.getByTestId('resolve-submit'));
    expect(screen.getByTestId('field-error')).toHaveTextContent('恢复日期应在今天以后。');

    fireEvent.change(screen.getByTestId('resolve-resumeOn'), { target: { value: '2027-03-01' } });
    fireEvent.click(screen.getByTestId('resolve-submit'));
    expect(await screen.findByTestId('case-action-error')).toHaveTextContent('这个提醒已经结案了。');
    expect(screen.getByTestId('resolve-form')).toBeInTheDocument();
  });

  it('reassigns to another caseworker of the NGO', async () => {
    const sent = await openCase({ 'POST /api/staff/care/alerts/al-1/reassign': ok(caseView({ alert: { assignee: { id: 'staff-cw-2', name: '吉克老师' }, mine: false } })) });
    fireEvent.click(screen.getByTestId('case-reassign'));
    expect(screen.queryByTestId('reassign-to-staff-cw-1')).not.toBeInTheDocument();
    fireEvent.click(screen.getByTestId('reassign-submit'));
    expect(screen.getByTestId('field-error')).toHaveTextContent('请选择一位社工。');
    fireEvent.click(screen.getByTestId('reassign-to-staff-cw-2'));
    fireEvent.change(screen.getByTestId('reassign-reason'), { target: { value: '吉克老师更熟悉这家人' } });
    fireEvent.click(screen.getByTestId('reassign-submit'));
    await waitFor(() => expect(screen.getByTestId('case-assignee')).toHaveTextContent('负责社工：吉克老师'));
    expect(posts(sent)[0].data).toEqual({ staffId: 'staff-cw-2', reason: '吉克老师更熟悉这家人' });
  });

  it('says why the case cannot be shown, in the server’s words', async () => {
    mockApi({ [CASE]: failWith(404, 'NOT_FOUND', '找不到这个提醒。') });
    render(<CaseScreen alertId='al-1' now={NOW} />);
    expect(await screen.findByTestId('case-error')).toHaveTextContent('找不到这个提醒。');
  });
});
