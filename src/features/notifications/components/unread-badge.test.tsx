import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { signIn, sponsorMe } from '@/test/fixtures';
import { mockApi, ok, type SentRequest } from '@/test/http';
import * as Taro from '@/test/taro-mock';
import { UnreadBadge } from './unread-badge';

const item = (id: string, readAt: string | null) => ({
  id,
  kind: 'letter_delivered',
  payload: { letterId: `l-${id}`, counterpartName: '小雨' },
  createdAt: '2026-11-27T02:00:00Z',
  readAt,
});

describe('UnreadBadge', () => {
  beforeEach(() => signIn(sponsorMe));

  it('shows the unread count, and opening it marks those read and goes to the letters', async () => {
    const sent = mockApi({
      'GET /api/notifications': (req: SentRequest) =>
        ok({ items: req.query.limit === '1' ? [item('n1', null)] : [item('n1', null), item('n2', null), item('n3', '2026-11-26T00:00:00Z')], nextCursor: null, unread: 2 }),
      'POST /api/notifications/n1/read': { statusCode: 204 },
      'POST /api/notifications/n2/read': { statusCode: 204 },
    });
    render(<UnreadBadge url='/packages/sponsor/pages/letters/index' />);
    const badge = await screen.findByRole('button', { name: '你有 2 条未读消息，打开书信' });
    expect(badge).toHaveTextContent('2 条新消息');
    fireEvent.click(badge);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/sponsor/pages/letters/index' });
    await waitFor(() => expect(screen.queryByTestId('notifications-unread')).not.toBeInTheDocument());
    expect(sent.filter((s) => s.method === 'POST').map((s) => s.path).sort()).toEqual([
      '/api/notifications/n1/read',
      '/api/notifications/n2/read',
    ]);
  });

  it('shows nothing when everything is read or the inbox cannot be reached', async () => {
    const sent = mockApi({ 'GET /api/notifications': ok({ items: [], nextCursor: null, unread: 0 }) });
    render(<UnreadBadge url='/x' />);
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(screen.queryByTestId('notifications-unread')).not.toBeInTheDocument();
  });
});

describe('UnreadBadge opening the inbox', () => {
  beforeEach(() => signIn(sponsorMe));

  it('goes to the inbox and leaves marking read to it', async () => {
    const sent = mockApi({ 'GET /api/notifications': ok({ items: [item('n1', null)], nextCursor: null, unread: 1 }) });
    render(<UnreadBadge url='/packages/sponsor/pages/inbox/index' opens='inbox' />);
    const badge = await screen.findByRole('button', { name: '你有 1 条未读消息，打开消息' });
    fireEvent.click(badge);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/sponsor/pages/inbox/index' });
    expect(sent.filter((s) => s.method === 'POST')).toHaveLength(0);
  });
});
