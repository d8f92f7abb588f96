import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useLocaleStore } from '@/lib/i18n';
import { signIn, sponsorMe } from '@/test/fixtures';
import { mockApi, ok, type SentRequest } from '@/test/http';
import * as Taro from '@/test/taro-mock';
import { InboxScreen } from './inbox-screen';

const about = { sponsorshipId: 'sp-1', studentId: 'stu-1', studentDisplayName: '小雨' };
const items = [
  { id: 'n5', kind: 'disbursement_recorded', payload: { ...about, amountFen: 150000, category: 'tuition', occurredOn: '2026-11-20' }, createdAt: '2026-11-20T03:00:00Z', readAt: null },
  { id: 'n4', kind: 'letter_replied', payload: { letterId: 'letter-7', sponsorshipId: 'sp-1', counterpartName: '小雨' }, createdAt: '2026-11-19T03:00:00Z', readAt: null },
  { id: 'n3', kind: 'student_left', payload: about, createdAt: '2026-11-18T03:00:00Z', readAt: '2026-11-18T05:00:00Z' },
  { id: 'n2', kind: 'term_report_posted', payload: { ...about, term: '2025-2026-2' }, createdAt: '2026-11-17T03:00:00Z', readAt: '2026-11-17T05:00:00Z' },
  { id: 'n1', kind: 'something_new', payload: {}, createdAt: '2026-11-16T03:00:00Z', readAt: '2026-11-16T05:00:00Z' },
];

describe('InboxScreen', () => {
  beforeEach(() => signIn(sponsorMe));

  it('lists notifications newest first in the reader’s language, unread ones highlighted, with the unread count', async () => {
    mockApi({ 'GET /api/notifications': ok({ items, nextCursor: null, unread: 2 }) });
    render(<InboxScreen />);
    const rows = await screen.findAllByTestId('inbox-item');
    expect(rows.map((r) => r.getAttribute('data-id'))).toEqual(['n5', 'n4', 'n3', 'n2', 'n1']);
    expect(screen.getByTestId('inbox-unread-count')).toHaveTextContent('2 条未读');
    expect(rows.map((r) => r.getAttribute('data-read'))).toEqual(['false', 'false', 'true', 'true', 'true']);
    expect(rows[0]).toHaveClass('bx-inbox__item--unread');
    expect(rows[0]).toHaveTextContent('合作机构为小雨支付了学费 ¥1,500（2026年11月20日）');
    expect(rows[1]).toHaveTextContent('小雨回信了');
    expect(rows[2]).toHaveTextContent('小雨已离开资助项目');
    expect(rows[3]).toHaveTextContent('小雨的2025–2026 学年第二学期成绩报告已发布');
    expect(rows[4]).toHaveTextContent('你有一条新消息');
  });

  it('speaks English when asked', async () => {
    useLocaleStore.getState().setLocale('en-US');
    mockApi({ 'GET /api/notifications': ok({ items: items.slice(0, 2), nextCursor: null, unread: 2 }) });
    render(<InboxScreen />);
    const rows = await screen.findAllByTestId('inbox-item');
    expect(rows[0]).toHaveTextContent('The partner paid Tuition ¥1,500 for 小雨 (Nov 20, 2026)');
    expect(screen.getByTestId('inbox-unread-count')).toHaveTextContent('2 unread');
  });

  it('marks a notification read when opened and goes where it is about', async () => {
    const sent = mockApi({
      'GET /api/notifications': ok({ items, nextCursor: null, unread: 2 }),
      'POST /api/notifications/n5/read': { statusCode: 204 },
      'POST /api/notifications/n4/read': { statusCode: 204 },
    });
    render(<InboxScreen />);
    const rows = await screen.findAllByTestId('inbox-item');

    fireEvent.click(rows[0]);
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/sponsor/pages/ledger/index?id=sp-1' });
    await waitFor(() => expect(screen.getAllByTestId('inbox-item')[0]).toHaveAttribute('data-read', 'true'));
    expect(screen.getByTestId('inbox-unread-count')).toHaveTextContent('1 条未读');

    fireEvent.click(screen.getAllByTestId('inbox-item')[1]);
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/sponsor/pages/letter/index?id=letter-7' });
    await waitFor(() => expect(screen.getByTestId('inbox-unread-count')).toHaveTextContent('都已读过'));

    // Already read: no second mark, still navigates.
    fireEvent.click(screen.getAllByTestId('inbox-item')[2]);
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/sponsor/pages/sponsorship/index?id=sp-1' });
    fireEvent.click(screen.getAllByTestId('inbox-item')[0]);
    expect(sent.filter((s) => s.method === 'POST').map((s) => s.path)).toEqual(['/api/notifications/n5/read', '/api/notifications/n4/read']);

    // An unknown kind with nowhere to go stays put.
    const calls = Taro.navigateTo.mock.calls.length;
    fireEvent.click(screen.getAllByTestId('inbox-item')[4]);
    expect(Taro.navigateTo.mock.calls.length).toBe(calls);
  });

  it('loads more with the cursor and refreshes on pull-down; says so when empty', async () => {
    const sent = mockApi({
      'GET /api/notifications': (req: SentRequest) =>
        ok(req.query.cursor ? { items: items.slice(2), nextCursor: null, unread: 2 } : { items: items.slice(0, 2), nextCursor: 'c2', unread: 2 }),
    });
    render(<InboxScreen />);
    await screen.findAllByTestId('inbox-item');
    fireEvent.click(screen.getByTestId('load-more'));
    await waitFor(() => expect(screen.getAllByTestId('inbox-item')).toHaveLength(5));
    expect(sent[1].query).toEqual({ limit: '20', cursor: 'c2' });

    mockApi({ 'GET /api/notifications': ok({ items: [], nextCursor: null, unread: 0 }) });
    await Taro.fireTaroHook('pullDownRefresh');
    expect(await screen.findByTestId('inbox-empty')).toHaveTextContent('还没有消息');
    expect(Taro.stopPullDownRefresh).toHaveBeenCalled();
  });
});
