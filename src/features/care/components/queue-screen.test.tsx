import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { QUEUE_TABS as DOMAIN_TABS } from '../../../../domain/api/care';
import { caseworkerMe, signIn } from '@/test/fixtures';
import { failWith, mockApi, offline, ok, type SentRequest } from '@/test/http';
import * as Taro from '@/test/taro-mock';
import { alertRow, counts, flagRow, NOW, page, taskRow } from '../test-data';
import type { QueueTab } from '../api';
import { QUEUE_TABS, QueueScreen } from './queue-screen';

const QUEUE = 'GET /api/staff/care/queue';
const allQueries = (sent: SentRequest[]) => sent.filter((s) => s.path === '/api/staff/care/queue').map((s) => s.query);
/** The list's own requests, without the one-item look at the counts that picks the tab to open on. */
const queries = (sent: SentRequest[]) => allQueries(sent).filter((q) => q.limit !== '1');

function renderQueue(initialTab?: QueueTab) {
  const onOpenAlert = jest.fn();
  const onOpenFlag = jest.fn();
  render(<QueueScreen now={NOW} initialTab={initialTab} onOpenAlert={onOpenAlert} onOpenFlag={onOpenFlag} />);
  return { onOpenAlert, onOpenFlag };
}

describe('QueueScreen', () => {
  beforeEach(() => signIn(caseworkerMe));

  it('repeats the domain’s tabs', () => {
    expect(QUEUE_TABS).toEqual(DOMAIN_TABS);
  });

  it('opens on urgent flags when there are any: the first tab, counted, each with its deadline in words', async () => {
    const sent = mockApi({
      [QUEUE]: (req) =>
        ok(
          page(
            req.query.tab === 'urgent'
              ? [
                  flagRow('fl-1'),
                  flagRow('fl-2', {
                    mine: false,
                    assignee: { id: 'staff-cw-2', name: '吉克老师' },
                    categories: ['physical_abuse', 'sexual_abuse'],
                    sourceKind: 'checkin',
                    dueAt: '2026-12-03T01:57:00Z',
                    escalatedAt: '2026-12-03T01:58:00Z',
                  }),
                  flagRow('fl-3', { status: 'acknowledged', acknowledgedAt: '2026-12-03T01:55:00Z' }),
                ]
              : [],
            null,
            counts({ urgent: 3, concern: 1 }),
          ),
        ),
    });
    const { onOpenFlag } = renderQueue();
    const rows = await screen.findAllByTestId('queue-flag');
    expect(allQueries(sent).map(({ tab, limit }) => ({ tab, limit }))).toEqual([
      { tab: 'urgent', limit: '1' },
      { tab: 'urgent', limit: '20' },
    ]);
    expect(rows.map((r) => r.getAttribute('data-id'))).toEqual(['fl-1', 'fl-2', 'fl-3']);

    const first = within(rows[0]);
    expect(first.getByTestId('queue-flag-level')).toHaveTextContent('紧急');
    expect(first.getByTestId('queue-flag-status')).toHaveTextContent('待确认');
    expect(first.getByTestId('queue-flag-categories')).toHaveTextContent('自杀念头');
    expect(first.getByTestId('flag-due')).toHaveTextContent('确认期限还剩 9 分钟');
    expect(first.getByTestId('flag-due')).toHaveAttribute('data-urgency', 'soon');
    expect(first.getByTestId('queue-flag-assignee')).toHaveTextContent('我负责');
    expect(rows[0]).toHaveTextContent('来自书信');

    const second = within(rows[1]);
    expect(second.getByTestId('flag-due')).toHaveTextContent('确认已超时 3 分钟，已通知管理员');
    expect(second.getByTestId('flag-due')).toHaveAttribute('data-urgency', 'overdue');
    expect(second.getByTestId('queue-flag-escalated')).toHaveTextContent('已升级');
    expect(second.getByTestId('queue-flag-categories')).toHaveTextContent('身体虐待、性侵害');
    expect(second.getByTestId('queue-flag-assignee')).toHaveTextContent('负责社工：吉克老师');
    expect(rows[1]).toHaveTextContent('来自报平安留言');

    // Taken on: the acknowledgement deadline no longer applies.
    expect(within(rows[2]).getByTestId('flag-due')).toHaveAttribute('data-urgency', 'met');
    expect(within(rows[2]).getByTestId('queue-flag-status')).toHaveTextContent('处理中');

    expect(screen.getAllByRole('radio').map((tab) => tab.textContent)).toEqual([
      '紧急（3）',
      '失联提醒（2）',
      '需要关心（1）',
      '关注名单（3）',
      '考后关怀（4）',
      '想聊聊（0）',
      '全部（我的在前）',
      '只看我的',
    ]);
    expect(screen.getByTestId('queue-tab-urgent')).toHaveAttribute('aria-checked', 'true');
    expect(screen.getByText(/^紧急 3 个 · 未结提醒 2 个/)).toBeInTheDocument();
    expect(screen.queryByTestId('queue-escalated')).not.toBeInTheDocument();

    fireEvent.click(rows[1]);
    fireEvent.keyDown(rows[0], { key: 'Enter' });
    expect(screen.getAllByRole('button', { name: '打开小梅的安危提醒' })).toHaveLength(3);
    expect(onOpenFlag.mock.calls).toEqual([['fl-2'], ['fl-1']]);
  });

  it('opens on alerts when nothing is urgent (or the counts cannot be had), and on the tab it was asked for', async () => {
    const sent = mockApi({ [QUEUE]: (req) => ok(page(req.query.tab === 'alerts' ? [alertRow('al-1')] : [])) });
    const first = render(<QueueScreen now={NOW} onOpenAlert={jest.fn()} onOpenFlag={jest.fn()} />);
    await screen.findByTestId('queue-alert');
    expect(queries(sent).map((q) => q.tab)).toEqual(['alerts']);
    expect(screen.getByTestId('queue-tab-alerts')).toHaveAttribute('aria-checked', 'true');
    first.unmount();

    mockApi({ [QUEUE]: (req) => (req.query.limit === '1' ? offline(req) : ok(page([alertRow('al-1')]))) });
    const second = render(<QueueScreen now={NOW} onOpenAlert={jest.fn()} onOpenFlag={jest.fn()} />);
    await screen.findByTestId('queue-alert');
    expect(screen.getByTestId('queue-tab-alerts')).toHaveAttribute('aria-checked', 'true');
    second.unmount();

    const asked = mockApi({
      [QUEUE]: ok(page([flagRow('fl-9', { level: 'concern', categories: ['bullying', 'hopelessness'], dueAt: '2026-12-03T22:00:00Z' })], null, counts({ concern: 1 }))),
    });
    renderQueue('concern');
    const row = await screen.findByTestId('queue-flag');
    expect(allQueries(asked).map((q) => q.tab)).toEqual(['concern']);
    expect(within(row).getByTestId('queue-flag-level')).toHaveTextContent('需要关心');
    expect(within(row).getByTestId('queue-flag-categories')).toHaveTextContent('被欺凌、消沉绝望');
    expect(within(row).getByTestId('flag-due')).toHaveTextContent('跟进期限还剩 20 小时');
    expect(within(row).getByTestId('flag-due')).toHaveAttribute('data-urgency', 'calm');
  });

  it('says when there is nothing urgent, and looks again on coming back from a flag', async () => {
    const sent = mockApi({ [QUEUE]: ok(page([])) });
    renderQueue();
    expect(await screen.findByTestId('queue-empty')).toHaveTextContent('没有未结的失联提醒。');
    await Taro.fireTaroHook('didShow');
    expect(queries(sent)).toHaveLength(1);

    fireEvent.click(screen.getByTestId('queue-tab-urgent'));
    await waitFor(() => expect(screen.getByTestId('queue-empty')).toHaveTextContent('没有待处理的紧急情况。'));
    mockApi({ [QUEUE]: ok(page([flagRow('fl-1')], null, counts({ urgent: 1 }))) });
    await Taro.fireTaroHook('didHide');
    await Taro.fireTaroHook('didShow');
    expect(await screen.findByTestId('queue-flag')).toBeInTheDocument();
    expect(screen.getByTestId('queue-tab-urgent')).toHaveTextContent('紧急（1）');
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
    expect(rows[0]).toHaveTextContent('高中三年级 · 西昌');

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

  it('says a task is overdue once its day has passed, and when it is due otherwise', async () => {
    const day = 24 * 60 * 60 * 1000;
    mockApi({
      [QUEUE]: ok(
        page([
          taskRow('t-late', { dueAt: new Date(NOW.getTime() - 3 * day).toISOString() }),
          taskRow('t-soon', { dueAt: new Date(NOW.getTime() + 2 * day).toISOString() }),
        ]),
      ),
    });
    renderQueue('watch');
    const [late, soon] = await screen.findAllByTestId('queue-task-due');
    expect(late).toHaveTextContent(/^原定 2026年11月30日 前完成，已逾期 3 天$/);
    expect(soon).toHaveTextContent(/^请在 2026年12月5日 前完成$/);
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
