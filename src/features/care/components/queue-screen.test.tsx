import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { QUEUE_TABS as DOMAIN_TABS } from '../../../../domain/api/care';
import { caseworkerMe, signIn } from '@/test/fixtures';
import { failWith, mockApi, ok, type SentRequest } from '@/test/http';
import * as Taro from '@/test/taro-mock';
import { alertRow, counts, NOW, page, taskRow } from '../test-data';
import { QUEUE_TABS, QueueScreen } from './queue-screen';

const QUEUE = 'GET /api/staff/care/queue';
const queries = (sent: SentRequest[]) => sent.filter((s) => s.path === '/api/staff/care/queue').map((s) => s.query);

function renderQueue() {
  const onOpenAlert = jest.fn();
  render(<QueueScreen now={NOW} onOpenAlert={onOpenAlert} />);
  return { onOpenAlert };
}

describe('QueueScreen', () => {
  beforeEach(() => signIn(caseworkerMe));

  it('repeats the domain’s tabs', () => {
    expect(QUEUE_TABS).toEqual(DOMAIN_TABS);
  });

  it('shows alerts with counts on every tab, SLA countdowns in words and overdue ones as urgent', async () => {
    mockApi({
      [QUEUE]: ok(
        page([
          alertRow('al-1', { escalatedAt: '2026-12-02T00:00:00Z', nextDeadline: { kind: 'first_contact', at: '2026-12-02T23:00:00Z' }, status: 'acknowledged', attemptCount: 2 }),
          alertRow('al-2', { mine: false, assignee: { id: 'staff-cw-2', name: '吉克老师' }, heardSinceOpened: true }),
        ]),
      ),
    });
    const { onOpenAlert } = renderQueue();
    const rows = await screen.findAllByTestId('queue-alert');
    expect(rows.map((r) => r.getAttribute('data-id'))).toEqual(['al-1', 'al-2']);

    const first = within(rows[0]);
    expect(first.getByTestId('sla-line')).toHaveTextContent('首次联系已逾期 3 小时');
    expect(first.getByTestId('sla-line')).toHaveAttribute('data-urgency', 'overdue');
    expect(first.getByTestId('sla-line')).toHaveClass('bx-care-sla--overdue');
    expect(first.getByTestId('queue-alert-escalated')).toHaveTextContent('已升级');
    expect(first.getByTestId('queue-alert-assignee')).toHaveTextContent('我负责');
    expect(rows[0]).toHaveTextContent('已联系 2 次');

    const second = within(rows[1]);
    expect(second.getByTestId('sla-line')).toHaveTextContent('确认期限还剩 5 小时');
    expect(second.getByTestId('sla-line')).toHaveAttribute('data-urgency', 'soon');
    expect(second.getByTestId('queue-alert-assignee')).toHaveTextContent('负责社工：吉克老师');
    expect(second.getByTestId('queue-alert-heard')).toBeInTheDocument();
    expect(second.queryByTestId('queue-alert-escalated')).not.toBeInTheDocument();

    expect(screen.getByTestId('queue-tab-alerts')).toHaveTextContent('失联提醒（2）');
    expect(screen.getByTestId('queue-tab-exam_season')).toHaveTextContent('考后关怀（4）');
    expect(screen.getAllByRole('button', { name: '打开小雨的个案' })).toHaveLength(2);

    fireEvent.click(rows[1]);
    expect(onOpenAlert).toHaveBeenCalledWith('al-2');

    // From the keyboard too: the row takes focus, and Enter or Space opens the case.
    expect(rows[0]).toHaveAttribute('tabindex', '0');
    fireEvent.keyDown(rows[0], { key: 'Enter' });
    fireEvent.keyDown(rows[0], { key: 'Tab' });
    fireEvent.keyDown(rows[1], { key: ' ' });
    expect(onOpenAlert.mock.calls).toEqual([['al-2'], ['al-1'], ['al-2']]);
  });

  it('asks the server for the chosen tab, scope and escalated filter', async () => {
    const sent = mockApi({ [QUEUE]: (req) => ok(page(req.query.tab === 'watch' ? [taskRow('t-1')] : [alertRow('al-1')])) });
    renderQueue();
    await screen.findByTestId('queue-alert');

    fireEvent.click(screen.getByTestId('queue-escalated'));
    await waitFor(() => expect(queries(sent)).toHaveLength(2));
    fireEvent.click(screen.getByTestId('queue-scope-mine'));
    await waitFor(() => expect(queries(sent)).toHaveLength(3));
    fireEvent.click(screen.getByTestId('queue-tab-watch'));
    expect(await screen.findByTestId('queue-task')).toHaveAttribute('data-kind', 'watch');

    expect(queries(sent).map(({ tab, scope, escalated }) => ({ tab, scope, escalated }))).toEqual([
      { tab: 'alerts', scope: 'all', escalated: undefined },
      { tab: 'alerts', scope: 'all', escalated: 'true' },
      { tab: 'alerts', scope: 'mine', escalated: 'true' },
      // Escalation is about alerts only.
      { tab: 'watch', scope: 'mine', escalated: undefined },
    ]);
    expect(screen.queryByTestId('queue-escalated')).not.toBeInTheDocument();
  });

  it('shows exam-season tasks with their exam and says when a tab is empty', async () => {
    mockApi({
      [QUEUE]: (req) =>
        ok(req.query.tab === 'exam_season' ? page([taskRow('t-1', { taskKind: 'exam_season', exam: { exam: 'gaokao', year: 2026 } })]) : page([], null, counts({ alerts: 0 }))),
    });
    renderQueue();
    expect(await screen.findByTestId('queue-empty')).toHaveTextContent('没有未结的失联提醒。');
    fireEvent.click(screen.getByTestId('queue-tab-exam_season'));
    expect(await screen.findByTestId('queue-task')).toHaveTextContent('2026 高考后关怀');
  });

  it('marks a task done with a note after confirming, and drops it from the list and the count', async () => {
    const sent = mockApi({
      [QUEUE]: (req) => ok(page(req.query.tab === 'watch' ? [taskRow('t-1'), taskRow('t-2')] : [])),
      'POST /api/staff/care/tasks/t-1/done': { statusCode: 204 },
    });
    renderQueue();
    await screen.findByTestId('queue-empty');
    fireEvent.click(screen.getByTestId('queue-tab-watch'));
    const row = (await screen.findAllByTestId('queue-task'))[0];
    fireEvent.click(within(row).getByTestId('task-done-open'));
    fireEvent.change(within(row).getByTestId('task-done-note'), { target: { value: ' 电话联系过，一切安好 ' } });

    Taro.showModal.mockImplementationOnce(() => Promise.resolve({ confirm: false, cancel: true, errMsg: 'ok' }));
    fireEvent.click(within(row).getByTestId('task-done-confirm'));
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1));
    expect(sent.filter((s) => s.method === 'POST')).toHaveLength(0);

    fireEvent.click(within(row).getByTestId('task-done-confirm'));
    await waitFor(() => expect(screen.getAllByTestId('queue-task')).toHaveLength(1));
    const post = sent.find((s) => s.method === 'POST');
    expect(post?.path).toBe('/api/staff/care/tasks/t-1/done');
    expect(post?.data).toEqual({ note: '电话联系过，一切安好' });
    expect(post?.header['Idempotency-Key']).toBeTruthy();
    expect(screen.getByTestId('queue-tab-watch')).toHaveTextContent('关注名单（2）');
  });

  it('loads more, refreshes on pull-down, and shows an error with a retry', async () => {
    const sent = mockApi({
      [QUEUE]: (req) => (req.query.cursor ? ok(page([alertRow('al-2')])) : ok(page([alertRow('al-1')], 'next'))),
    });
    renderQueue();
    await screen.findByTestId('queue-alert');
    fireEvent.click(screen.getByTestId('load-more'));
    await waitFor(() => expect(screen.getAllByTestId('queue-alert')).toHaveLength(2));
    expect(queries(sent)[1].cursor).toBe('next');

    await Taro.fireTaroHook('pullDownRefresh');
    expect(Taro.stopPullDownRefresh).toHaveBeenCalled();
    expect(screen.getAllByTestId('queue-alert')).toHaveLength(1);

    mockApi({ [QUEUE]: failWith(403, 'FORBIDDEN', '只有本机构的工作人员可以查看。') });
    await Taro.fireTaroHook('pullDownRefresh');
    expect(await screen.findByRole('alert')).toHaveTextContent('只有本机构的工作人员可以查看。');
  });
});
