import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useLocaleStore } from '@/lib/i18n';
import { signIn, sponsorMe } from '@/test/fixtures';
import { failWith, mockApi, offline, ok, type SentRequest } from '@/test/http';
import * as Taro from '@/test/taro-mock';

/** What the n-th confirmation dialog asked. */
const modalArgs = (n: number) => (Taro.showModal.mock.calls as unknown as Array<[{ title: string; content: string }]>)[n][0];
import { detailFixture, everyKind } from '../test-data';
import { SponsorshipScreen } from './sponsorship-screen';

const DETAIL = 'GET /api/sponsor/sponsorships/sp-1';
const TIMELINE = 'GET /api/sponsor/sponsorships/sp-1/timeline';
const LEDGER = 'GET /api/sponsor/sponsorships/sp-1/ledger';

const itemsOf = (kind: string) => screen.getAllByTestId('timeline-item').filter((el) => el.getAttribute('data-kind') === kind);

describe('SponsorshipScreen', () => {
  beforeEach(() => signIn(sponsorMe));

  it('shows the student, last heard, next update and every kind of timeline item', async () => {
    const sent = mockApi({ [DETAIL]: ok(detailFixture({ lastHeardAt: '2026-11-28T12:00:00Z' })), [TIMELINE]: ok({ items: everyKind, nextCursor: null }) });
    render(<SponsorshipScreen id='sp-1' now={new Date('2026-12-01T12:00:00Z')} />);

    expect(await screen.findByTestId('sponsorship-name')).toHaveTextContent('小雨');
    expect(screen.getByTestId('sponsorship-last-heard')).toHaveTextContent('最近消息：3 天前');
    expect(screen.getByTestId('sponsorship-next-expected')).toHaveTextContent('预计下次更新：2026年12月2日');
    expect(screen.getByTestId('sponsorship-terms')).toHaveTextContent('每月 ¥300 · 2024年9月1日 至 2027年8月31日');
    await screen.findByTestId('timeline');
    expect(screen.getAllByTestId('timeline-item')).toHaveLength(everyKind.length);

    const [letterFrom, letterTo] = itemsOf('letter');
    expect(letterFrom).toHaveTextContent('小雨的来信');
    expect(letterFrom).toHaveTextContent('林阿姨好！期中考试结束了');
    expect(letterFrom).toHaveTextContent('附 2 张照片');
    expect(letterTo).toHaveTextContent('你写给小雨的信');
    fireEvent.click(letterFrom);
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/sponsor/pages/letter/index?id=letter-9' });

    const [well, exams] = itemsOf('checkin');
    expect(well).toHaveTextContent('一切都好');
    expect(exams).toHaveTextContent('正在忙考试');

    const [byCaseworker, byStudent] = itemsOf('term_report');
    expect(byCaseworker).toHaveTextContent('2025–2026 学年第二学期成绩报告');
    expect(byStudent).toHaveTextContent('2025–2026 学年第一学期成绩报告');
    expect(byCaseworker).toHaveTextContent('高中二年级');
    expect(byCaseworker).toHaveTextContent('总体情况：良好，数学进步明显');
    expect(byCaseworker).toHaveTextContent('由社工录入');
    expect(byStudent).toHaveTextContent('由学生本人填写');

    expect(itemsOf('disbursement')[0]).toHaveTextContent('资金已使用：学费');
    expect(itemsOf('disbursement')[0]).toHaveTextContent('¥1,500 已支付给学校');
    // The day it was paid, as the ledger shows it, not the day it was recorded.
    expect(itemsOf('disbursement')[0]).toHaveTextContent('2026年8月28日');
    expect(itemsOf('disbursement')[0]).not.toHaveTextContent('2026年9月2日');
    expect(itemsOf('ngo_notice')[0]).toHaveTextContent('暑假期间书信送达会慢一些。');

    expect(sent.find((s) => s.path.endsWith('/timeline'))?.query).toEqual({ limit: '20' });
    expect(screen.queryByTestId('renewal-offer')).not.toBeInTheDocument();
    expect(screen.queryByTestId('student-left')).not.toBeInTheDocument();
    expect(screen.queryByTestId('sponsorship-letters-delayed')).not.toBeInTheDocument();
  });

  it('says only that letters are on the way when some wait before delivery, in both languages', async () => {
    mockApi({ [DETAIL]: ok(detailFixture({ lettersDelayed: 2 })), [TIMELINE]: ok({ items: [], nextCursor: null }) });
    const { unmount } = render(<SponsorshipScreen id='sp-1' />);
    expect(await screen.findByTestId('sponsorship-letters-delayed')).toHaveTextContent('小雨有 2 封信在路上，会晚一些送到。');
    unmount();
    useLocaleStore.setState({ locale: 'en-US' });
    render(<SponsorshipScreen id='sp-1' />);
    expect(await screen.findByTestId('sponsorship-letters-delayed')).toHaveTextContent('2 letters from 小雨 are on the way: they will arrive a little later.');
  });

  it('renders an unknown kind as nothing, so a talk-to-caseworker request can never show', async () => {
    mockApi({
      [DETAIL]: ok(detailFixture()),
      [TIMELINE]: ok({
        items: [
          { id: 'x1', at: '2026-11-21T02:00:00Z', kind: 'talk_request', note: '我想和社工老师聊聊' },
          { id: 'x2', at: '2026-11-20T02:00:00Z', kind: 'checkin', mood: 'wants_to_talk' },
          everyKind[1],
        ],
        nextCursor: null,
      }),
    });
    render(<SponsorshipScreen id='sp-1' />);
    await screen.findByTestId('timeline');
    expect(screen.getAllByTestId('timeline-item')).toHaveLength(1);
    expect(screen.queryByText(/聊聊|社工老师/)).not.toBeInTheDocument();
    // A check-in with a mood the sponsor may not see is left out too, not shown as something else.
    expect(itemsOf('checkin').map((el) => within(el).getByTestId('timeline-mood').textContent)).toEqual(['一切都好']);
  });

  it('loads more with the cursor and refreshes everything on pull-down', async () => {
    let detailCalls = 0;
    const sent = mockApi({
      [DETAIL]: () => {
        detailCalls += 1;
        return ok(detailFixture());
      },
      [TIMELINE]: (req: SentRequest) =>
        ok(req.query.cursor === 'c2' ? { items: [everyKind[3]], nextCursor: null } : { items: everyKind.slice(0, 2), nextCursor: 'c2' }),
    });
    render(<SponsorshipScreen id='sp-1' />);
    await screen.findByTestId('timeline');
    expect(screen.getAllByTestId('timeline-item')).toHaveLength(2);
    await Taro.fireTaroHook('reachBottom');
    await waitFor(() => expect(screen.getAllByTestId('timeline-item')).toHaveLength(3));
    expect(sent.filter((s) => s.path.endsWith('/timeline')).map((s) => s.query.cursor)).toEqual([undefined, 'c2']);
    expect(screen.getByTestId('list-end')).toBeInTheDocument();

    await Taro.fireTaroHook('pullDownRefresh');
    await waitFor(() => expect(Taro.stopPullDownRefresh).toHaveBeenCalled());
    expect(detailCalls).toBe(2);
    expect(screen.getAllByTestId('timeline-item')).toHaveLength(2);
  });

  it('says kindly when there is nothing yet, and offers a retry when the timeline fails', async () => {
    mockApi({ [DETAIL]: ok(detailFixture()), [TIMELINE]: ok({ items: [], nextCursor: null }) });
    const { unmount } = render(<SponsorshipScreen id='sp-1' />);
    expect(await screen.findByTestId('timeline-empty')).toHaveTextContent('还没有动态');
    unmount();

    mockApi({ [DETAIL]: ok(detailFixture()), [TIMELINE]: offline });
    render(<SponsorshipScreen id='sp-1' />);
    expect(await screen.findByRole('alert')).toHaveTextContent('网络');
    mockApi({ [DETAIL]: ok(detailFixture()), [TIMELINE]: ok({ items: everyKind, nextCursor: null }) });
    fireEvent.click(screen.getByTestId('state-retry'));
    expect(await screen.findByTestId('timeline')).toBeInTheDocument();
  });

  it('shows an error with retry when the sponsorship itself cannot be loaded', async () => {
    mockApi({ [DETAIL]: failWith(404, 'NOT_FOUND', '没有找到这份资助。'), [TIMELINE]: ok({ items: [], nextCursor: null }) });
    render(<SponsorshipScreen id='sp-1' />);
    expect(await screen.findByRole('alert')).toHaveTextContent('没有找到这份资助。');
  });

  it('shows the ledger and the partner record in their tabs, loading the ledger only when asked', async () => {
    const sent = mockApi({
      [DETAIL]: ok(detailFixture()),
      [TIMELINE]: ok({ items: [], nextCursor: null }),
      [LEDGER]: ok({
        sponsorshipId: 'sp-1',
        schedule: [],
        payments: [],
        disbursements: [],
        totals: { pledgedFen: 1080000, paidFen: 360000, disbursedFen: 150000 },
        fundedThrough: '2025-08-31',
        paymentInstructions: '请转账到机构账户。',
        payTo: { ngoName: '凉山助学会', reference: 'BX-0K3F9QZ', bankTransfer: null, instructions: null, contact: null },
      }),
    });
    render(<SponsorshipScreen id='sp-1' />);
    await screen.findByTestId('timeline-empty');
    expect(sent.some((s) => s.path.endsWith('/ledger'))).toBe(false);

    fireEvent.click(screen.getByTestId('sponsorship-tab-ledger'));
    expect(await screen.findByTestId('ledger-total-paid')).toHaveTextContent('¥3,600');

    fireEvent.click(screen.getByTestId('sponsorship-tab-ngo'));
    expect(screen.getByTestId('credibility-panel')).toHaveTextContent('凉山助学会的工作记录');
  });

  it('offers renewal near the end of the term and renews only after confirmation', async () => {
    useLocaleStore.getState().setLocale('en-US');
    const renewal = { options: ['to_graduation', 'one_year'] as const, endsOn: '2027-08-31' };
    const sent = mockApi({
      [DETAIL]: ok(detailFixture({ renewal: { options: [...renewal.options], endsOn: renewal.endsOn } })),
      [TIMELINE]: ok({ items: [], nextCursor: null }),
      'POST /api/sponsor/sponsorships/sp-1/renew': ok(detailFixture({ renewal: null, endDate: '2028-08-31' })),
    });
    render(<SponsorshipScreen id='sp-1' />);
    const offer = await screen.findByTestId('renewal-offer');
    expect(offer).toHaveTextContent('Your sponsorship of 小雨 ends on Aug 31, 2027');
    expect(offer).toHaveTextContent('Not renewing is perfectly fine');

    Taro.showModal.mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' });
    fireEvent.click(screen.getByTestId('renewal-option-one_year'));
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1));
    expect(modalArgs(0)).toMatchObject({ title: 'Renew this sponsorship?', content: 'Sponsor 小雨 for one more year, ¥300 a month.' });
    expect(sent.filter((s) => s.method === 'POST')).toHaveLength(0);

    fireEvent.click(screen.getByTestId('renewal-option-to_graduation'));
    await waitFor(() => expect(screen.queryByTestId('renewal-offer')).not.toBeInTheDocument());
    const posts = sent.filter((s) => s.method === 'POST');
    expect(posts).toHaveLength(1);
    expect(posts[0].data).toEqual({ option: 'to_graduation' });
    expect(screen.getByTestId('sponsorship-terms')).toHaveTextContent('Aug 31, 2028');
    expect(Taro.showToast).toHaveBeenCalledWith({ title: 'Renewed', icon: 'success' });
  });
});
