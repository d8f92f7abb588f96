import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useLocaleStore } from '@/lib/i18n';
import { signIn, sponsorMe } from '@/test/fixtures';
import { failWith, mockApi, ok, type SentRequest } from '@/test/http';
import * as Taro from '@/test/taro-mock';
import { poolStudent } from '../../pool/test-data';
import { useReservationStore } from '../reservation-store';
import { reservationFixture, sponsorshipDetailFixture } from '../test-data';
import { PledgeReview } from './pledge-review';

const POINTS = ['commitment', 'expectations', 'safeguarding', 'disbursement'] as const;

function hold(overrides: Parameters<typeof reservationFixture>[0] = {}) {
  const reservation = reservationFixture(overrides);
  useReservationStore.getState().put(reservation, { kind: 'reserve', cadence: 'monthly' });
  return reservation;
}

const confirmButton = () => screen.getByTestId('pledge-confirm');
const checkAll = () => POINTS.forEach((point) => fireEvent.click(screen.getByTestId(`pledge-ack-${point}`)));
const releases = (sent: SentRequest[]) => sent.filter((r) => r.method === 'POST' && r.path.endsWith('/release')).map((r) => r.path);

describe('PledgeReview', () => {
  beforeEach(() => {
    signIn(sponsorMe);
    useReservationStore.setState({ held: {} });
  });

  it('shows the whole commitment, what to expect, the safeguarding rules and the disbursement policy', () => {
    hold();
    render(<PledgeReview sponsorshipId='sp-new' studentId='stu-1' />);
    expect(screen.getByTestId('pledge-amount')).toHaveTextContent('每月 ¥250');
    expect(screen.getByTestId('pledge-formula')).toHaveTextContent('¥250 × 每年 12 次 × 2 年');
    expect(screen.getByTestId('pledge-total')).toHaveTextContent('合计 ¥6,000（共 24 次付款）');
    expect(screen.getByTestId('pledge-dates')).toHaveTextContent('从 2026年12月1日 到 2028年12月1日');
    expect(screen.getByTestId('pledge-section-expectations')).toHaveTextContent('学生从来不必给你写信，也不必感谢你');
    expect(screen.getByTestId('pledge-section-expectations')).toHaveTextContent('送达可能要几个星期');
    expect(screen.getByTestId('pledge-section-safeguarding')).toHaveTextContent('不交换电话');
    expect(screen.getByTestId('pledge-policy')).toHaveTextContent('学费直接付给学校');
    expect(screen.getByTestId('pledge-countdown')).toHaveTextContent('还剩 15:00');
    expect(screen.queryByTestId('pledge-gentle-note')).not.toBeInTheDocument();
  });

  it('keeps the confirm button disabled until every point is confirmed, and enables it after', () => {
    hold();
    render(<PledgeReview sponsorshipId='sp-new' studentId='stu-1' />);
    expect(confirmButton()).toBeDisabled();
    expect(screen.getByTestId('pledge-progress')).toHaveTextContent('已确认 0/4 条');

    for (const [index, point] of POINTS.entries()) {
      expect(confirmButton()).toBeDisabled();
      const box = screen.getByRole('checkbox', { name: new RegExp(`我已了解：${['整份承诺', '你会收到什么', '保护双方的规则', '钱怎么用'][index]}`) });
      expect(box).toHaveAttribute('aria-checked', 'false');
      fireEvent.click(screen.getByTestId(`pledge-ack-${point}`));
      expect(box).toHaveAttribute('aria-checked', 'true');
    }
    expect(confirmButton()).toBeEnabled();
    expect(screen.getByTestId('pledge-progress')).toHaveTextContent('四条都已确认');

    // Unchecking any one disables it again.
    fireEvent.click(screen.getByTestId('pledge-ack-safeguarding'));
    expect(confirmButton()).toBeDisabled();
    fireEvent.click(screen.getByTestId('pledge-ack-safeguarding'));
    expect(confirmButton()).toBeEnabled();
  });

  it('confirms with all four points, thanks the sponsor and goes home, without releasing', async () => {
    hold();
    const sent = mockApi({ 'POST /api/pledges/sp-new/confirm': ok(sponsorshipDetailFixture()) });
    const { unmount } = render(<PledgeReview sponsorshipId='sp-new' studentId='stu-1' />);
    checkAll();
    fireEvent.click(confirmButton());

    const success = await screen.findByTestId('pledge-success');
    const confirm = sent.find((r) => r.path === '/api/pledges/sp-new/confirm');
    expect(confirm?.data).toEqual({ acknowledgements: ['commitment', 'expectations', 'safeguarding', 'disbursement'] });
    expect(confirm?.header['Idempotency-Key']).toBeTruthy();
    expect(success).toHaveTextContent('从今天起，你将陪伴小雨大约 2 年');
    expect(screen.getByTestId('pledge-success-summary')).toHaveTextContent('每月 ¥250，从 2026年12月1日 到 2028年12月1日');

    fireEvent.click(screen.getByTestId('pledge-go-home'));
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/packages/sponsor/pages/home/index' });
    unmount();
    expect(releases(sent)).toEqual([]);
  });

  it('shows a gentle note to a sponsor who already supports students, without blocking', () => {
    hold({ currentSponsorships: 2 });
    render(<PledgeReview sponsorshipId='sp-new' studentId='stu-1' />);
    expect(screen.getByTestId('pledge-gentle-note')).toHaveTextContent('你已经在资助 2 位学生');
    checkAll();
    expect(confirmButton()).toBeEnabled();
  });

  it('counts down, and when the hold runs out says so kindly and starts again on request', async () => {
    jest.useFakeTimers();
    try {
      hold();
      const sent = mockApi({
        'POST /api/pledges/reserve': () => ok(reservationFixture({ sponsorshipId: 'sp-again' })),
      });
      render(<PledgeReview sponsorshipId='sp-new' studentId='stu-1' />);
      checkAll();
      act(() => {
        jest.advanceTimersByTime(61_000);
      });
      expect(screen.getByTestId('pledge-countdown')).toHaveTextContent('还剩 13:59');
      act(() => {
        jest.advanceTimersByTime(14 * 60_000);
      });
      expect(screen.getByTestId('pledge-expired')).toHaveTextContent('为你保留小雨的 15 分钟已经过去');
      expect(screen.queryByTestId('pledge-confirm')).not.toBeInTheDocument();

      fireEvent.click(screen.getByTestId('pledge-restart'));
      await act(async () => {
        await jest.runOnlyPendingTimersAsync();
      });
      await waitFor(() => expect(screen.getByTestId('pledge-review')).toHaveAttribute('data-id', 'sp-again'));
      expect(sent.find((r) => r.path === '/api/pledges/reserve')?.data).toEqual({ studentId: 'stu-1', cadence: 'monthly' });
      // A new hold: the points are confirmed afresh.
      expect(confirmButton()).toBeDisabled();
      expect(screen.getByTestId('pledge-countdown')).toHaveTextContent('还剩 15:00');
      // Nothing to release for the hold that ran out.
      expect(releases(sent)).toEqual([]);
    } finally {
      jest.useRealTimers();
    }
  });

  it('explains a RESERVATION_EXPIRED answer and offers to reserve again', async () => {
    hold();
    mockApi({ 'POST /api/pledges/sp-new/confirm': failWith(409, 'RESERVATION_EXPIRED', '保留已过期') });
    render(<PledgeReview sponsorshipId='sp-new' studentId='stu-1' />);
    checkAll();
    fireEvent.click(confirmButton());
    expect(await screen.findByTestId('pledge-expired')).toHaveTextContent('小雨回到了等待名单');
    expect(screen.getByTestId('pledge-restart')).toBeInTheDocument();
  });

  it('on STUDENT_TAKEN at confirm, says kindly that someone is supporting the student and shows similar ones', async () => {
    hold();
    const similar = [poolStudent('stu-7', { displayName: '阿木' }), poolStudent('stu-8', { displayName: '春花' }), poolStudent('stu-9', { displayName: '小林' })];
    const sent = mockApi({
      'POST /api/pledges/sp-new/confirm': failWith(409, 'STUDENT_TAKEN', '已有人资助'),
      'GET /api/pool/stu-1': ok({ availability: 'taken', similar }),
    });
    const { unmount } = render(<PledgeReview sponsorshipId='sp-new' studentId='stu-1' />);
    checkAll();
    fireEvent.click(confirmButton());
    expect(await screen.findByTestId('pool-taken-message')).toHaveTextContent('已经有人在资助这位学生了');
    const cards = screen.getAllByTestId('pool-similar-card');
    expect(cards.map((card) => within(card).getByTestId('pool-card-name').textContent)).toEqual(['阿木', '春花', '小林']);
    fireEvent.click(cards[0]);
    expect(Taro.redirectTo).toHaveBeenLastCalledWith({ url: '/packages/sponsor/pages/student/index?id=stu-7' });
    unmount();
    expect(releases(sent)).toEqual([]);
  });

  it('releases the hold when the sponsor leaves the page, and on "not now"', async () => {
    hold();
    let sent = mockApi({ 'POST /api/pledges/sp-new/release': { statusCode: 204 } });
    const first = render(<PledgeReview sponsorshipId='sp-new' studentId='stu-1' />);
    first.unmount();
    expect(releases(sent)).toEqual(['/api/pledges/sp-new/release']);
    expect(useReservationStore.getState().held['sp-new']).toBeUndefined();

    hold();
    sent = mockApi({ 'POST /api/pledges/sp-new/release': { statusCode: 204 } });
    Taro.getCurrentPages.mockImplementation(() => [{}, {}]);
    const second = render(<PledgeReview sponsorshipId='sp-new' studentId='stu-1' />);
    fireEvent.click(screen.getByTestId('pledge-cancel'));
    expect(Taro.navigateBack).toHaveBeenCalledWith({ delta: 1 });
    second.unmount();
    // Once, not again on unmount.
    expect(releases(sent)).toEqual(['/api/pledges/sp-new/release']);
  });

  it('releases with a keepalive request when the browser tab closes', () => {
    hold();
    const fetchMock = jest.fn(() => Promise.resolve(new Response(null, { status: 204 })));
    const original = globalThis.fetch;
    globalThis.fetch = fetchMock as unknown as typeof fetch;
    try {
      render(<PledgeReview sponsorshipId='sp-new' studentId='stu-1' />);
      window.dispatchEvent(new Event('pagehide'));
      expect(fetchMock).toHaveBeenCalledWith(
        'http://api.test/api/pledges/sp-new/release',
        expect.objectContaining({ method: 'POST', keepalive: true, headers: expect.objectContaining({ Authorization: `Bearer token-${sponsorMe.accountId}` }) }),
      );
    } finally {
      globalThis.fetch = original;
    }
  });

  it('says kindly when the review is no longer open (the page was reopened)', () => {
    useLocaleStore.getState().setLocale('en-US');
    render(<PledgeReview sponsorshipId='sp-gone' studentId='stu-1' />);
    expect(screen.getByTestId('pledge-missing')).toHaveTextContent('This review is no longer open');
    fireEvent.click(screen.getByTestId('pledge-missing-restart'));
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/sponsor/pages/student/index?id=stu-1' });
  });
});
