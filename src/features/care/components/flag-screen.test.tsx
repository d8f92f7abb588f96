import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FLAG_ACTIONS } from '../../../../domain/care/flags';
import { BUTTON_WIDTH_LIMIT, platformWidth } from '@/lib/dialog-labels';
import { useLocaleStore } from '@/lib/i18n';
import { caseworkerMe, signIn } from '@/test/fixtures';
import { failWith, mockApi, offline, ok, type Handler, type Reply, type SentRequest } from '@/test/http';
import * as Taro from '@/test/taro-mock';
import type { FlagCaseView } from '../api';
import { flagView, NOW } from '../test-data';
import { FlagScreen } from './flag-screen';

const FLAG = 'GET /api/staff/care/flags/fl-1';
const posts = (sent: SentRequest[]) => sent.filter((s) => s.method === 'POST');
const declineOnce = () => Taro.showModal.mockImplementationOnce(() => Promise.resolve({ confirm: false, cancel: true, errMsg: 'ok' }));
const modals = () => Taro.showModal.mock.calls.map((call) => (call as unknown as [Record<string, string>])[0]);

async function openFlag(routes: Record<string, Handler | Reply> = {}, view: FlagCaseView = flagView()) {
  const sent = mockApi({ [FLAG]: ok(view), ...routes });
  render(<FlagScreen flagId='fl-1' now={NOW} />);
  await screen.findByTestId('flag-screen');
  return sent;
}

const action = (kind: FlagCaseView['actions'][number]['kind'], note: string | null = null) => ({ kind, note, staffName: '周老师', at: '2026-12-03T02:05:00Z' });

describe('FlagScreen', () => {
  beforeEach(() => signIn(caseworkerMe));
  afterEach(() => {
    delete process.env.TARO_ENV;
  });

  it('shows the student, how serious it is, the deadline, and the passage with the flagged words highlighted', async () => {
    await openFlag();
    expect(screen.getByTestId('flag-title')).toHaveTextContent('小梅的安危提醒');
    expect(screen.getByTestId('flag-student-name')).toHaveTextContent('小梅');
    expect(screen.getByTestId('flag-student-legal')).toHaveTextContent('姓名：李小梅');
    expect(screen.getByTestId('flag-student-facts')).toHaveTextContent('初中二年级 · 四川·昭觉');
    expect(screen.getByTestId('flag-level')).toHaveTextContent('紧急');
    expect(screen.getByTestId('flag-status')).toHaveTextContent('待确认');
    expect(screen.getByTestId('flag-due')).toHaveTextContent('确认期限还剩 9 分钟');

    // Every word is there, and only the flagged ones are marked, named for screen readers.
    expect(screen.getByTestId('flag-text')).toHaveTextContent('最近很累，不想活了，每天晚上都哭。');
    const marks = screen.getAllByTestId('flag-mark');
    expect(marks.map((m) => m.textContent)).toEqual(['不想活了']);
    expect(marks[0]).toHaveAttribute('data-category', 'suicidal');
    expect(marks[0]).toHaveClass('bx-care-passage__mark--urgent');
    expect(marks[0]).toHaveAccessibleName('自杀念头：不想活了');
    expect(screen.getByTestId('flag-categories')).toHaveTextContent('可能涉及：自杀念头');
    expect(screen.getByTestId('flag-letter-held')).toHaveTextContent('资助人只看到“延迟送达”');
    expect(screen.getAllByTestId('flag-event').map((e) => e.getAttribute('data-kind'))).toEqual(['opened']);
  });

  it('gives the caseworker what to do and the national hotlines, as tel: links on h5', async () => {
    await openFlag();
    const script = screen.getByTestId('flag-script');
    expect(script).toHaveTextContent('马上亲自联系学生');
    expect(script).toHaveTextContent('不要答应替 TA 保密');
    expect(script).toHaveTextContent('不要自动通知监护人：伤害可能就发生在家里');
    expect(script).toHaveTextContent('立即拨打 110 报警或 120 急救');
    const lines = screen.getAllByTestId('flag-hotline');
    expect(lines.map((l) => l.getAttribute('data-phone'))).toEqual(['400-161-9995', '12355', '12356', '110', '120']);
    expect(lines[0]).toHaveTextContent('希望24热线 · 24 小时心理危机干预');
    const call = within(lines[0]).getByRole('link', { name: '拨打希望24热线 · 24 小时心理危机干预：400-161-9995' });
    expect(call).toHaveAttribute('href', 'tel:4001619995');
    expect(screen.getAllByTestId('flag-contact-call').map((c) => c.getAttribute('href'))).toEqual(['tel:13900139000', 'tel:08347654321']);
  });

  it('says it all in English too', async () => {
    useLocaleStore.getState().setLocale('en-US');
    await openFlag();
    expect(screen.getByTestId('flag-title')).toHaveTextContent('Safety flag: 小梅');
    expect(screen.getByTestId('flag-due')).toHaveTextContent('9 minutes left to acknowledge');
    expect(screen.getAllByTestId('flag-mark')[0]).toHaveAccessibleName('Suicidal thoughts: 不想活了');
    expect(screen.getByTestId('flag-script')).toHaveTextContent('Do not promise to keep it secret');
    expect(screen.getByTestId('flag-script')).toHaveTextContent('Hope 24 Hotline');
    expect(screen.getByTestId('flag-guardian-warning')).toHaveTextContent('The harm may be at home');
  });

  it('calls with one tap in the mini-program, and asks first before calling the guardian', async () => {
    process.env.TARO_ENV = 'weapp';
    await openFlag();
    fireEvent.click(within(screen.getAllByTestId('flag-hotline')[0]).getByTestId('flag-hotline-call'));
    expect(Taro.makePhoneCall).toHaveBeenLastCalledWith({ phoneNumber: '4001619995' });
    expect(Taro.showModal).not.toHaveBeenCalled();

    expect(screen.getByTestId('flag-guardian-warning')).toHaveTextContent('伤害可能来自家里');
    const [guardian, school] = screen.getAllByTestId('flag-contact-call');
    expect(guardian).toHaveAccessibleName('拨打李强的电话 13900139000');
    declineOnce();
    fireEvent.click(guardian);
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1));
    expect(modals()[0]).toMatchObject({ title: '现在打给监护人？', confirmText: '仍要拨打', cancelText: '取消' });
    expect(Taro.makePhoneCall).toHaveBeenCalledTimes(1);
    fireEvent.click(guardian);
    await waitFor(() => expect(Taro.makePhoneCall).toHaveBeenLastCalledWith({ phoneNumber: '13900139000' }));

    fireEvent.click(school);
    expect(Taro.makePhoneCall).toHaveBeenLastCalledWith({ phoneNumber: '08347654321' });
    expect(Taro.showModal).toHaveBeenCalledTimes(2);
  });

  it('takes the flag on after confirming, and sends nothing when the dialog is cancelled', async () => {
    const taken = flagView({ flag: { status: 'acknowledged', acknowledgedAt: '2026-12-03T02:01:00Z', acknowledgedByName: '周老师' } });
    const sent = await openFlag({ 'POST /api/staff/care/flags/fl-1/acknowledge': ok(taken) });
    declineOnce();
    fireEvent.click(screen.getByRole('button', { name: '确认我已接手这个安危提醒' }));
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1));
    expect(modals()[0]).toMatchObject({ title: '确认接手？', confirmText: '确认接手', cancelText: '取消' });
    expect(posts(sent)).toHaveLength(0);

    fireEvent.click(screen.getByTestId('flag-acknowledge'));
    await waitFor(() => expect(screen.getByTestId('flag-screen')).toHaveAttribute('data-status', 'acknowledged'));
    expect(posts(sent).map((p) => p.path)).toEqual(['/api/staff/care/flags/fl-1/acknowledge']);
    expect(posts(sent)[0].header['Idempotency-Key']).toBeTruthy();
    expect(screen.queryByTestId('flag-acknowledge')).not.toBeInTheDocument();
    expect(screen.getByTestId('flag-due')).toHaveAttribute('data-urgency', 'met');
    expect(screen.getAllByTestId('flag-event')[1]).toHaveTextContent('周老师');
  });

  it('records each kind of step, with its note, after confirming', async () => {
    let recorded: FlagCaseView['actions'] = [];
    const sent = await openFlag({
      'POST /api/staff/care/flags/fl-1/actions': (req) => {
        const body = req.data as { kind: FlagCaseView['actions'][number]['kind']; note?: string };
        recorded = [...recorded, action(body.kind, body.note ?? null)];
        return { statusCode: 201, data: flagView({ flag: { status: 'acknowledged' }, actions: recorded }) };
      },
    });
    for (const kind of FLAG_ACTIONS) {
      fireEvent.click(screen.getByTestId(`flag-record-${kind}`));
      expect(screen.getByTestId('flag-action-form')).toHaveAttribute('data-kind', kind);
      if (kind === 'reached_student') fireEvent.change(screen.getByTestId('flag-action-note'), { target: { value: ' 电话里聊了半小时，她在宿舍，是安全的 ' } });
      declineOnce();
      fireEvent.click(screen.getByTestId('flag-action-submit'));
      await waitFor(() => expect(modals().at(-1)).toMatchObject({ title: '记录这项处理？', confirmText: '记录' }));
      expect(posts(sent)).toHaveLength(recorded.length);
      fireEvent.click(screen.getByTestId('flag-action-submit'));
      await waitFor(() => expect(screen.queryByTestId('flag-action-form')).not.toBeInTheDocument());
    }
    expect(posts(sent).map((p) => p.path)).toEqual(FLAG_ACTIONS.map(() => '/api/staff/care/flags/fl-1/actions'));
    expect(posts(sent).map((p) => p.data)).toEqual([
      { kind: 'reached_student', note: '电话里聊了半小时，她在宿舍，是安全的' },
      { kind: 'contacted_school' },
      { kind: 'emergency_services' },
    ]);
    const steps = screen.getAllByTestId('flag-event').filter((e) => e.getAttribute('data-kind') === 'action');
    expect(steps.map((s) => s.firstChild?.textContent)).toEqual(['联系上了学生', '联系了学校', '报警或叫了急救']);
    expect(steps[0]).toHaveTextContent('周老师');
    expect(steps[0]).toHaveTextContent('电话里聊了半小时');
  });

  it('keeps one idempotency key across retries of one step, and shows failures in the reader’s language', async () => {
    useLocaleStore.getState().setLocale('en-US');
    let calls = 0;
    const sent = await openFlag({
      'POST /api/staff/care/flags/fl-1/actions': (req) => {
        calls += 1;
        if (calls === 1) return offline(req);
        if (calls === 2) return failWith(409, 'FLAG_CLOSED', 'This flag has already been closed.');
        return { statusCode: 201, data: flagView({ actions: [action('contacted_school')] }) };
      },
    });
    fireEvent.click(screen.getByTestId('flag-record-contacted_school'));
    fireEvent.click(screen.getByTestId('flag-action-submit'));
    expect(await screen.findByTestId('flag-action-error')).toHaveTextContent(/network|connection|offline/i);
    fireEvent.click(screen.getByTestId('flag-action-submit'));
    await waitFor(() => expect(screen.getByTestId('flag-action-error')).toHaveTextContent('This flag has already been closed.'));
    fireEvent.click(screen.getByTestId('flag-action-submit'));
    await waitFor(() => expect(screen.queryByTestId('flag-action-form')).not.toBeInTheDocument());
    const keys = posts(sent).map((p) => p.header['Idempotency-Key']);
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
    expect(posts(sent)[0].header['Accept-Language']).toBe('en-US');
  });

  it('closes as a false alarm only with a reason, and says the held letter will then be delivered', async () => {
    const closed = flagView({
      flag: { status: 'resolved', outcome: 'false_alarm', outcomeNote: '作文里写的是小说人物', resolvedAt: '2026-12-03T02:10:00Z', resolvedByName: '周老师' },
      letter: { id: 'let-1', status: 'delivered' },
    });
    const sent = await openFlag({ 'POST /api/staff/care/flags/fl-1/close': ok(closed) });
    fireEvent.click(screen.getByTestId('flag-close'));
    fireEvent.click(screen.getByTestId('flag-close-submit'));
    expect(screen.getByTestId('field-error')).toHaveTextContent('请选择结果。');

    fireEvent.click(screen.getByTestId('flag-outcome-false_alarm'));
    expect(screen.getByTestId('flag-letter-delivered')).toHaveTextContent('这封信随后会交给资助人。');
    fireEvent.change(screen.getByTestId('flag-close-note'), { target: { value: '   ' } });
    fireEvent.click(screen.getByTestId('flag-close-submit'));
    expect(screen.getByTestId('field-error')).toHaveAttribute('data-field', 'note');
    expect(screen.getByTestId('field-error')).toHaveTextContent('请写明为什么是误报。');
    expect(Taro.showModal).not.toHaveBeenCalled();
    expect(posts(sent)).toHaveLength(0);

    fireEvent.change(screen.getByTestId('flag-close-note'), { target: { value: '作文里写的是小说人物' } });
    declineOnce();
    fireEvent.click(screen.getByTestId('flag-close-submit'));
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1));
    expect(modals()[0]).toMatchObject({ title: '结束这个提醒？', confirmText: '确认结束', cancelText: '取消', content: expect.stringContaining('这封信随后会交给资助人') });
    expect(posts(sent)).toHaveLength(0);

    fireEvent.click(screen.getByTestId('flag-close-submit'));
    await waitFor(() => expect(screen.getByTestId('flag-screen')).toHaveAttribute('data-status', 'resolved'));
    expect(posts(sent)[0]).toMatchObject({ path: '/api/staff/care/flags/fl-1/close', data: { outcome: 'false_alarm', note: '作文里写的是小说人物' } });
    expect(screen.getByTestId('flag-outcome')).toHaveTextContent('结果：误报');
    expect(screen.queryByTestId('flag-actions')).not.toBeInTheDocument();
    expect(screen.queryByTestId('flag-script')).not.toBeInTheDocument();
    expect(screen.queryByTestId('flag-due')).not.toBeInTheDocument();
    expect(screen.getAllByTestId('flag-event').at(-1)).toHaveTextContent('结束：误报');
  });

  it('closes as handled only once a step is on record', async () => {
    const sent = await openFlag({ 'POST /api/staff/care/flags/fl-1/close': ok(flagView({ flag: { status: 'resolved', outcome: 'handled' } })) });
    fireEvent.click(screen.getByTestId('flag-close'));
    fireEvent.click(screen.getByTestId('flag-outcome-handled'));
    fireEvent.click(screen.getByTestId('flag-close-submit'));
    expect(screen.getByTestId('field-error')).toHaveTextContent('先记录至少一项处理，才能以“已处理”结束。');
    expect(Taro.showModal).not.toHaveBeenCalled();
    expect(posts(sent)).toHaveLength(0);
    // A handled letter flag delivers nothing: the confirmation does not say so.
    expect(screen.queryByTestId('flag-letter-delivered')).not.toBeInTheDocument();
  });

  it('sends a handled close without a note when none is written', async () => {
    const view = flagView({ flag: { status: 'acknowledged' }, actions: [action('reached_student')] });
    const sent = await openFlag({ 'POST /api/staff/care/flags/fl-1/close': ok(flagView({ flag: { status: 'resolved', outcome: 'handled' } })) }, view);
    fireEvent.click(screen.getByTestId('flag-close'));
    fireEvent.click(screen.getByTestId('flag-outcome-handled'));
    fireEvent.click(screen.getByTestId('flag-close-submit'));
    await waitFor(() => expect(posts(sent)).toHaveLength(1));
    expect(modals()[0].content).not.toContain('交给资助人');
    expect(posts(sent)[0].data).toEqual({ outcome: 'handled' });
  });

  it('keeps every dialog button short enough for the platform to show it, in English too', async () => {
    process.env.TARO_ENV = 'weapp';
    useLocaleStore.getState().setLocale('en-US');
    const view = flagView({ actions: [action('reached_student')] });
    await openFlag({ 'POST /api/staff/care/flags/fl-1/acknowledge': ok(view), 'POST /api/staff/care/flags/fl-1/actions': { statusCode: 201, data: view } }, view);
    fireEvent.click(screen.getByTestId('flag-acknowledge'));
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1));
    await act(async () => undefined);
    fireEvent.click(screen.getByTestId('flag-record-reached_student'));
    fireEvent.click(screen.getByTestId('flag-action-submit'));
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(screen.queryByTestId('flag-action-form')).not.toBeInTheDocument());
    fireEvent.click(screen.getByTestId('flag-close'));
    fireEvent.click(screen.getByTestId('flag-outcome-handled'));
    declineOnce();
    fireEvent.click(screen.getByTestId('flag-close-submit'));
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(3));
    declineOnce();
    fireEvent.click(screen.getAllByTestId('flag-contact-call')[0]);
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(4));

    const buttons = modals().flatMap((m) => [m.confirmText, m.cancelText]);
    expect(buttons).toEqual(['Take on', 'Cancel', 'Record', 'Cancel', 'Close', 'Cancel', 'Call', 'Cancel']);
    expect(buttons.filter((text) => platformWidth(text) > BUTTON_WIDTH_LIMIT)).toEqual([]);
  });

  it('says why the flag cannot be shown, in the server’s words', async () => {
    mockApi({ [FLAG]: failWith(404, 'NOT_FOUND', '找不到这个提醒。') });
    render(<FlagScreen flagId='fl-1' now={NOW} />);
    expect(await screen.findByTestId('flag-error')).toHaveTextContent('找不到这个提醒。');
  });
});
