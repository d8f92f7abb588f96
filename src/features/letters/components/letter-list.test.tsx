import { fireEvent, render, screen, within } from '@testing-library/react';
import { useLocaleStore } from '@/lib/i18n';
import { signIn, sponsorMe } from '@/test/fixtures';
import { mockApi, offline, ok, type SentRequest } from '@/test/http';
import * as Taro from '@/test/taro-mock';
import { summary } from '../test-data';
import { LetterList } from './letter-list';

const ROUTE = 'GET /api/letters';

describe('LetterList', () => {
  beforeEach(() => signIn(sponsorMe));

  it('shows each letter with who, a status the writer understands, a preview and when', async () => {
    const sent = mockApi({
      [ROUTE]: ok({
        items: [
          summary('l-held', { status: 'held' }),
          summary('l-sub', { status: 'submitted' }),
          summary('l-ret', { status: 'returned' }),
          summary('l-del', { status: 'delivered' }),
          summary('l-read', { status: 'read' }),
          summary('l-rep', { status: 'replied', photoCount: 2 }),
          summary('l-new', { status: 'delivered', mine: false, direction: 'to_sponsor', preview: '谢谢你的信！' }),
          summary('l-old', { status: 'read', mine: false, direction: 'to_sponsor' }),
        ],
        nextCursor: null,
      }),
    });
    render(<LetterList role='sponsor' sponsorshipId='sp-1' name='小雨' />);

    const rows = await screen.findAllByTestId('letter-row');
    expect(sent[0].query).toEqual({ sponsorshipId: 'sp-1', limit: '20' });
    const status = (i: number) => within(rows[i]).getByTestId('letter-status').textContent;
    expect(status(0)).toBe('等待审核');
    expect(status(1)).toBe('等待审核');
    expect(status(2)).toBe('已退回，需要你修改');
    expect(status(3)).toBe('已送达');
    expect(status(4)).toBe('对方已读');
    expect(status(5)).toBe('对方已回信');
    expect(status(6)).toBe('新来信');
    expect(status(7)).toBe('已读');

    expect(within(rows[0]).getByTestId('letter-counterpart')).toHaveTextContent('写给小雨');
    expect(within(rows[6]).getByTestId('letter-counterpart')).toHaveTextContent('来自小雨');
    expect(within(rows[6]).getByTestId('letter-preview')).toHaveTextContent('谢谢你的信！');
    expect(within(rows[6]).getByTestId('letter-time')).toHaveTextContent('2 小时前');
    expect(rows[5]).toHaveTextContent('2 张照片');

    // Only the unread letter the caller received stands out.
    const unread = rows.filter((row) => row.getAttribute('data-unread') === 'true');
    expect(unread.map((row) => row.getAttribute('data-id'))).toEqual(['l-new']);
    expect(rows[6]).toHaveClass('bx-letter-row--unread');
    expect(rows[7]).not.toHaveClass('bx-letter-row--unread');
    expect(rows[6]).toHaveAttribute('aria-label', '打开这封信：来自小雨, 未读');
  });

  it('opens a letter and writes a new one to the same sponsorship', async () => {
    mockApi({ [ROUTE]: ok({ items: [summary('l-1')], nextCursor: null }) });
    render(<LetterList role='sponsor' sponsorshipId='sp-1' name='小雨' />);
    fireEvent.click(await screen.findByTestId('letter-row'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/sponsor/pages/letter/index?id=l-1' });

    fireEvent.click(screen.getByRole('button', { name: '给小雨写一封信' }));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({
      url: `/packages/sponsor/pages/compose/index?sponsorshipId=sp-1&name=${encodeURIComponent('小雨')}`,
    });
  });

  it('lets a student write back to the sponsorship their letters belong to', async () => {
    mockApi({ [ROUTE]: ok({ items: [summary('l-1', { mine: false, counterpartName: '林晓', sponsorshipId: 'sp-9' })], nextCursor: null }) });
    render(<LetterList role='student' />);
    fireEvent.click(await screen.findByTestId('letters-write'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({
      url: `/packages/student/pages/compose/index?sponsorshipId=sp-9&name=${encodeURIComponent('林晓')}`,
    });
  });

  it('pages with the cursor and refreshes on pull-down', async () => {
    let round = 0;
    const sent = mockApi({
      [ROUTE]: (req: SentRequest) => {
        if (req.query.cursor === 'c2') return ok({ items: [summary('l-2', { preview: '第二页' })], nextCursor: null });
        round += 1;
        return ok({ items: [summary('l-1', { preview: round === 1 ? '第一页' : '刷新后' })], nextCursor: 'c2' });
      },
    });
    render(<LetterList role='sponsor' />);
    await screen.findByText('第一页');
    fireEvent.click(screen.getByTestId('load-more'));
    await screen.findByText('第二页');
    expect(sent[1].query.cursor).toBe('c2');

    await Taro.fireTaroHook('pullDownRefresh');
    expect(await screen.findByText('刷新后')).toBeInTheDocument();
    expect(Taro.stopPullDownRefresh).toHaveBeenCalled();
  });

  it('says when there are no letters, and recovers from an error', async () => {
    useLocaleStore.getState().setLocale('en-US');
    mockApi({ [ROUTE]: offline });
    render(<LetterList role='sponsor' sponsorshipId='sp-1' />);
    expect(await screen.findByRole('alert')).toHaveTextContent('Check your connection');

    mockApi({ [ROUTE]: ok({ items: [], nextCursor: null }) });
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByTestId('letters-empty')).toHaveTextContent('No letters yet');
    // A sponsorship was given, so writing the first letter is offered.
    expect(screen.getByTestId('letters-write')).toBeInTheDocument();
  });
});
