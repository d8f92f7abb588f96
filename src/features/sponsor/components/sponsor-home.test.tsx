import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useLocaleStore } from '@/lib/i18n';
import { signIn, sponsorMe } from '@/test/fixtures';
import { failWith, mockApi, offline, ok, type SentRequest } from '@/test/http';
import * as Taro from '@/test/taro-mock';
import type { Sponsorship } from '../api';
import { SponsorHome } from './sponsor-home';

const DAY = 24 * 60 * 60 * 1000;
const NOW = new Date('2026-11-29T04:00:00Z');

function sponsorship(id: string, name: string, overrides: Partial<Sponsorship> = {}): Sponsorship {
  return {
    id,
    status: 'active',
    amountFen: 30000,
    cadence: 'monthly',
    termYears: 3,
    startDate: '2025-09-01',
    student: {
      id: `stu-${id}`,
      displayName: name,
      age: 16,
      grade: 11,
      schoolStage: 'high',
      province: '四川',
      city: '凉山',
      ngoName: '凉山助学会',
    },
    lastHeardAt: new Date(NOW.getTime() - 3 * DAY).toISOString(),
    nextExpectedAt: '2026-12-01T18:30:00Z',
    letterCount: 2,
    ...overrides,
  };
}

const ROUTE = 'GET /api/sponsor/sponsorships';

describe('SponsorHome', () => {
  beforeEach(() => signIn(sponsorMe));

  it('shows each sponsorship as a card with what a sponsor may see', async () => {
    const sent = mockApi({
      [ROUTE]: ok({
        items: [
          sponsorship('sp-1', '小雨'),
          sponsorship('sp-2', '阿木', { status: 'paused', amountFen: 150050, cadence: 'quarterly', lastHeardAt: null, nextExpectedAt: null }),
        ],
        nextCursor: null,
      }),
    });

    render(<SponsorHome name={sponsorMe.displayName} now={NOW} />);

    const cards = await screen.findAllByTestId('sponsorship-card');
    expect(cards).toHaveLength(2);
    expect(screen.getByTestId('sponsor-greeting')).toHaveTextContent('林晓，你好');

    const first = within(cards[0]);
    expect(cards[0]).toHaveAttribute('data-id', 'sp-1');
    expect(first.getByTestId('sponsorship-student-name')).toHaveTextContent('小雨');
    expect(cards[0]).toHaveTextContent('16 岁 · 高中二年级 · 四川·凉山');
    expect(cards[0]).toHaveTextContent('合作机构：凉山助学会');
    expect(first.getByTestId('sponsorship-status')).toHaveTextContent('资助中');
    expect(first.getByTestId('sponsorship-amount')).toHaveTextContent('每月 ¥300');
    expect(first.getByTestId('sponsorship-amount')).toHaveTextContent('共 3 年');
    expect(first.getByTestId('sponsorship-last-heard')).toHaveTextContent('最近消息：3 天前');
    expect(first.getByTestId('sponsorship-next-expected')).toHaveTextContent('预计下次更新：2026年12月2日');

    const second = within(cards[1]);
    expect(second.getByTestId('sponsorship-status')).toHaveTextContent('已暂停');
    expect(second.getByTestId('sponsorship-amount')).toHaveTextContent('每季度 ¥1,500.50');
    expect(second.getByTestId('sponsorship-last-heard')).toHaveTextContent('最近消息：还没有');
    expect(second.getByTestId('sponsorship-next-expected')).toHaveTextContent('下次更新时间待定');

    expect(sent[0].query).toEqual({ limit: '20' });
    expect(screen.getByTestId('list-end')).toBeInTheDocument();
  });

  it('leads from each card to its letters and to writing one', async () => {
    mockApi({ [ROUTE]: ok({ items: [sponsorship('sp-1', '小雨')], nextCursor: null }) });
    render(<SponsorHome />);
    fireEvent.click(await screen.findByRole('button', { name: '查看与小雨的书信' }));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({
      url: `/packages/sponsor/pages/letters/index?sponsorshipId=sp-1&name=${encodeURIComponent('小雨')}`,
    });
    fireEvent.click(screen.getByRole('button', { name: '给小雨写信' }));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({
      url: `/packages/sponsor/pages/compose/index?sponsorshipId=sp-1&name=${encodeURIComponent('小雨')}`,
    });
  });

  it('speaks English when asked', async () => {
    useLocaleStore.getState().setLocale('en-US');
    mockApi({ [ROUTE]: ok({ items: [sponsorship('sp-1', 'Xiaoyu')], nextCursor: null }) });
    render(<SponsorHome name='Lin' now={NOW} />);
    const card = await screen.findByTestId('sponsorship-card');
    expect(card).toHaveTextContent('¥300 a month');
    expect(card).toHaveTextContent('Last heard: 3 days ago');
    expect(card).toHaveTextContent('Next update expected: Dec 2, 2026');
  });

  it('says how long ago an update was expected once its day has passed, never as if it were still ahead', async () => {
    const later = new Date('2026-12-06T04:00:00Z');
    mockApi({ [ROUTE]: ok({ items: [sponsorship('sp-1', '小雨', { lastHeardAt: null })], nextCursor: null }) });
    const { unmount } = render(<SponsorHome now={later} />);
    expect(await screen.findByTestId('sponsorship-next-expected')).toHaveTextContent('下次更新原定 2026年12月2日，已过 4 天');
    unmount();

    useLocaleStore.getState().setLocale('en-US');
    render(<SponsorHome now={new Date('2026-12-03T04:00:00Z')} />);
    expect(await screen.findByTestId('sponsorship-next-expected')).toHaveTextContent('Next update was expected Dec 2, 2026, 1 day ago');
  });

  it('loads the next page with the cursor, from the button and on reaching the bottom', async () => {
    const sent = mockApi({
      [ROUTE]: (req: SentRequest) => {
        if (!req.query.cursor) return ok({ items: [sponsorship('sp-1', '小雨')], nextCursor: 'c2' });
        if (req.query.cursor === 'c2') return ok({ items: [sponsorship('sp-2', '阿木')], nextCursor: 'c3' });
        return ok({ items: [sponsorship('sp-3', '春花')], nextCursor: null });
      },
    });
    render(<SponsorHome />);
    await screen.findByText('小雨');

    fireEvent.click(screen.getByTestId('load-more'));
    await screen.findByText('阿木');
    expect(sent[1].query).toEqual({ limit: '20', cursor: 'c2' });

    await Taro.fireTaroHook('reachBottom');
    await screen.findByText('春花');
    expect(sent[2].query.cursor).toBe('c3');
    expect(screen.getAllByTestId('sponsorship-card')).toHaveLength(3);
    expect(screen.queryByTestId('load-more')).not.toBeInTheDocument();

    // At the end, reaching the bottom asks for nothing more.
    await Taro.fireTaroHook('reachBottom');
    expect(sent).toHaveLength(3);
  });

  it('refreshes on pull-down and then stops the spinner', async () => {
    let round = 0;
    mockApi({
      [ROUTE]: () => {
        round += 1;
        return ok({ items: [sponsorship('sp-1', round === 1 ? '小雨' : '小雨（新）')], nextCursor: null });
      },
    });
    render(<SponsorHome />);
    await screen.findByText('小雨');

    await Taro.fireTaroHook('pullDownRefresh');

    await screen.findByText('小雨（新）');
    await waitFor(() => expect(Taro.stopPullDownRefresh).toHaveBeenCalled());
  });

  it('says kindly that there is no sponsorship yet, and leads to the students still waiting', async () => {
    mockApi({ [ROUTE]: ok({ items: [], nextCursor: null }) });
    render(<SponsorHome />);
    const empty = await screen.findByTestId('sponsor-empty');
    expect(empty).toHaveTextContent('你还没有资助学生');
    expect(empty).toHaveTextContent('还在等待资助人');
    expect(screen.queryByTestId('sponsorship-card')).not.toBeInTheDocument();
    fireEvent.click(within(empty).getByTestId('pool-entry-open'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/sponsor/pages/pool/index' });
  });

  it('offers the students still waiting below the list too', async () => {
    mockApi({ [ROUTE]: ok({ items: [sponsorship('sp-1', '小雨')], nextCursor: null }) });
    render(<SponsorHome />);
    await screen.findByText('小雨');
    fireEvent.click(screen.getByRole('button', { name: '看看还在等待资助的学生' }));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/sponsor/pages/pool/index' });
  });

  it('shows an actionable error and recovers on retry', async () => {
    useLocaleStore.getState().setLocale('en-US');
    mockApi({ [ROUTE]: offline });
    render(<SponsorHome />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Check your connection and try again.');

    mockApi({ [ROUTE]: ok({ items: [sponsorship('sp-1', 'Xiaoyu')], nextCursor: null }) });
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Xiaoyu')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('keeps the list when a later page fails, and says why', async () => {
    mockApi({
      [ROUTE]: (req: SentRequest) =>
        req.query.cursor ? failWith(500, 'INTERNAL', 'x') : ok({ items: [sponsorship('sp-1', '小雨')], nextCursor: 'c2' }),
    });
    render(<SponsorHome />);
    await screen.findByText('小雨');
    fireEvent.click(screen.getByTestId('load-more'));
    expect(await screen.findByRole('alert')).toHaveTextContent('服务器暂时出了点问题，请稍后再试。');
    expect(screen.getByText('小雨')).toBeInTheDocument();
    expect(screen.getByTestId('load-more')).toBeInTheDocument();
  });
});
