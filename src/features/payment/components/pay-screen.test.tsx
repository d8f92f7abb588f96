import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ledgerFixture } from '@/features/ledger/test-data';
import { detailFixture } from '@/features/timeline/test-data';
import { useLocaleStore } from '@/lib/i18n';
import { signIn, sponsorMe } from '@/test/fixtures';
import { failWith, mockApi, offline, ok, type Handler, type Reply, type SentRequest } from '@/test/http';
import * as Taro from '@/test/taro-mock';
import { onlinePaymentFixture, orderFixture, QR_PAY, WECHAT_PAY } from '../test-data';
import { MAX_POLLS, POLL_INTERVAL_MS } from '../use-order-watch';
import { PayScreen } from './pay-screen';

const LEDGER = 'GET /api/sponsor/sponsorships/sp-1/ledger';
const DETAIL = 'GET /api/sponsor/sponsorships/sp-1';
const CREATE = 'POST /api/sponsor/sponsorships/sp-1/payment-orders';
const ORDER = 'GET /api/sponsor/payment-orders/order-1';

const platformBefore = process.env.TARO_ENV;
afterEach(() => {
  process.env.TARO_ENV = platformBefore;
  jest.useRealTimers();
});
beforeEach(() => signIn(sponsorMe));

function world(routes: Record<string, Handler | Reply>, online = onlinePaymentFixture()): SentRequest[] {
  return mockApi({ [LEDGER]: ok(ledgerFixture({ onlinePayment: online })), [DETAIL]: ok(detailFixture()), ...routes });
}

/** Lets the poll timer fire once and its answer arrive. */
async function nextPoll() {
  await act(async () => {
    jest.advanceTimersByTime(POLL_INTERVAL_MS);
  });
  await act(async () => undefined);
}

describe('PayScreen', () => {
  it('in WeChat: two periods, a confirmation, the payment sheet, "confirming" until the server says paid', async () => {
    process.env.TARO_ENV = 'weapp';
    jest.useFakeTimers();
    let status: 'paying' | 'paid' = 'paying';
    const sent = world({
      [CREATE]: { statusCode: 201, data: { order: orderFixture({ status: 'paying' }), pay: WECHAT_PAY } },
      [ORDER]: () => ok(orderFixture({ status, paidAt: status === 'paid' ? '2026-03-20T02:01:00.000Z' : null })),
    });
    render(<PayScreen sponsorshipId='sp-1' />);
    expect(await screen.findByTestId('pay-form')).toHaveTextContent('为小雨支付');
    expect(screen.getByTestId('pay-platform')).toHaveTextContent('微信支付');
    expect(screen.getByTestId('pay-fewer')).toBeDisabled();
    fireEvent.click(screen.getByTestId('pay-more'));
    expect(screen.getByTestId('pay-periods')).toHaveTextContent('2 期');
    expect(screen.getByTestId('pay-total')).toHaveAttribute('data-fen', '60000');
    expect(screen.getByTestId('pay-confirm')).toHaveTextContent('确认支付 ¥600');

    fireEvent.click(screen.getByTestId('pay-confirm'));
    expect(await screen.findByTestId('pay-confirming')).toHaveTextContent('正在确认…');
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ confirmText: '支付', content: '为小雨支付 2 期资助，共 ¥600，直接付给凉山助学会。' }));
    const create = sent.find((r) => r.method === 'POST')!;
    expect(create.data).toEqual({ periods: 2, platform: 'wechat', channel: 'jsapi' });
    expect(create.header['Idempotency-Key']).toBeTruthy();
    expect(Taro.requestPayment).toHaveBeenCalledWith({ timeStamp: '1774000000', nonceStr: 'n0nce', package: 'prepay_id=wx-1', signType: 'RSA', paySign: 'c2lnbg==' });

    // The sheet said it was paid; the screen still waits for the server.
    await nextPoll();
    expect(screen.getByTestId('pay-confirming')).toBeInTheDocument();
    status = 'paid';
    await nextPoll();
    expect(screen.getByTestId('pay-paid')).toHaveTextContent('¥600，2 期资助已到账');
    fireEvent.click(screen.getByTestId('pay-back-to-ledger'));
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/sponsor/pages/ledger/index?id=sp-1' });
  });

  it('never counts more periods than remain payable', async () => {
    process.env.TARO_ENV = 'weapp';
    world({}, onlinePaymentFixture({ maxPeriods: 2 }));
    render(<PayScreen sponsorshipId='sp-1' />);
    fireEvent.click(await screen.findByTestId('pay-more'));
    expect(screen.getByTestId('pay-more')).toBeDisabled();
    expect(screen.getByTestId('pay-periods')).toHaveAttribute('data-periods', '2');
  });

  it('in a browser: a choice of platforms, then the QR code with the amount while it confirms', async () => {
    world({ [CREATE]: { statusCode: 201, data: { order: orderFixture({ platform: 'alipay', channel: 'qr', amountFen: 30000, periods: 1 }), pay: QR_PAY } }, [ORDER]: ok(orderFixture()) });
    render(<PayScreen sponsorshipId='sp-1' />);
    fireEvent.click(await screen.findByTestId('pay-platform-alipay'));
    fireEvent.click(screen.getByTestId('pay-confirm'));
    const qr = await screen.findByTestId('pay-qr');
    expect(qr).toHaveTextContent('请用支付宝扫码支付');
    expect(screen.getByTestId('pay-qr-amount')).toHaveTextContent('¥300');
    expect(qr.querySelector('img, taro-image-core')).not.toBeNull();
    expect(Taro.requestPayment).not.toHaveBeenCalled();
    expect(screen.getByTestId('pay-status')).toHaveTextContent('正在确认…');
  });

  it('says "cancelled" when the sheet was closed, and a new attempt uses a new key', async () => {
    process.env.TARO_ENV = 'weapp';
    Taro.requestPayment.mockImplementation(() => Promise.reject({ errMsg: 'requestPayment:fail cancel' }));
    const sent = world({ [CREATE]: { statusCode: 201, data: { order: orderFixture(), pay: WECHAT_PAY } }, [ORDER]: ok(orderFixture()) });
    render(<PayScreen sponsorshipId='sp-1' />);
    fireEvent.click(await screen.findByTestId('pay-confirm'));
    expect(await screen.findByTestId('pay-cancelled')).toHaveTextContent('已取消');
    fireEvent.click(screen.getByTestId('pay-try-again'));
    fireEvent.click(await screen.findByTestId('pay-confirm'));
    await screen.findByTestId('pay-cancelled');
    const keys = sent.filter((r) => r.method === 'POST').map((r) => r.header['Idempotency-Key']);
    expect(keys).toHaveLength(2);
    expect(keys[0]).not.toBe(keys[1]);
  });

  it('keeps the same key when the order request is retried after a lost answer', async () => {
    process.env.TARO_ENV = 'weapp';
    let calls = 0;
    const sent = world({
      [CREATE]: (req) => ((calls += 1) === 1 ? offline(req) : { statusCode: 201, data: { order: orderFixture(), pay: WECHAT_PAY } }),
      [ORDER]: ok(orderFixture()),
    });
    render(<PayScreen sponsorshipId='sp-1' />);
    fireEvent.click(await screen.findByTestId('pay-confirm'));
    expect(await screen.findByTestId('pay-failure')).toBeInTheDocument();
    fireEvent.click(screen.getByTestId('pay-confirm'));
    await screen.findByTestId('pay-confirming');
    const keys = sent.filter((r) => r.method === 'POST').map((r) => r.header['Idempotency-Key']);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);
  });

  it('sends nothing when the sponsor says no in the confirmation', async () => {
    process.env.TARO_ENV = 'weapp';
    Taro.showModal.mockImplementation(() => Promise.resolve({ confirm: false, cancel: true, errMsg: 'showModal:ok' }));
    const sent = world({});
    render(<PayScreen sponsorshipId='sp-1' />);
    fireEvent.click(await screen.findByTestId('pay-confirm'));
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalled());
    expect(sent.filter((r) => r.method === 'POST')).toEqual([]);
  });

  it('shows the server’s refusal, such as a sponsorship still under review', async () => {
    process.env.TARO_ENV = 'weapp';
    world({ [CREATE]: failWith(409, 'SPONSORSHIP_NOT_PAYABLE', '这份资助还不能支付。') });
    render(<PayScreen sponsorshipId='sp-1' />);
    fireEvent.click(await screen.findByTestId('pay-confirm'));
    expect(await screen.findByTestId('pay-failure')).toHaveTextContent('这份资助还不能支付。');
  });

  it('offers to pay again when the order was closed', async () => {
    process.env.TARO_ENV = 'weapp';
    jest.useFakeTimers();
    world({ [CREATE]: { statusCode: 201, data: { order: orderFixture(), pay: WECHAT_PAY } }, [ORDER]: ok(orderFixture({ status: 'closed' })) });
    render(<PayScreen sponsorshipId='sp-1' />);
    fireEvent.click(await screen.findByTestId('pay-confirm'));
    await screen.findByTestId('pay-confirming');
    await nextPoll();
    expect(screen.getByTestId('pay-ended')).toHaveTextContent('这笔订单已关闭，没有扣款。');
    fireEvent.click(screen.getByTestId('pay-try-again'));
    expect(await screen.findByTestId('pay-form')).toBeInTheDocument();
  });

  it('stops asking after about two minutes, and while the page is hidden, and says it will tell', async () => {
    process.env.TARO_ENV = 'weapp';
    jest.useFakeTimers();
    const sent = world({ [CREATE]: { statusCode: 201, data: { order: orderFixture({ status: 'paying' }), pay: WECHAT_PAY } }, [ORDER]: ok(orderFixture({ status: 'paying' })) });
    const polls = () => sent.filter((r) => r.path === '/api/sponsor/payment-orders/order-1').length;
    render(<PayScreen sponsorshipId='sp-1' />);
    fireEvent.click(await screen.findByTestId('pay-confirm'));
    await screen.findByTestId('pay-confirming');
    await nextPoll();
    expect(polls()).toBe(1);
    await Taro.fireTaroHook('didHide');
    await nextPoll();
    await nextPoll();
    expect(polls()).toBe(1);
    await Taro.fireTaroHook('didShow');
    for (let i = 0; i < MAX_POLLS; i += 1) await nextPoll();
    expect(polls()).toBe(1 + MAX_POLLS);
    expect(screen.getByTestId('pay-slow')).toHaveTextContent('到账后我们会通知你，不需要再付一次');
    await nextPoll();
    expect(polls()).toBe(1 + MAX_POLLS);
  });

  it('keeps the bank transfer when the NGO takes no payments in the app', async () => {
    useLocaleStore.getState().setLocale('en-US');
    mockApi({ [LEDGER]: ok(ledgerFixture({ onlinePayment: null })), [DETAIL]: ok(detailFixture()) });
    render(<PayScreen sponsorshipId='sp-1' />);
    expect(await screen.findByTestId('pay-unavailable')).toHaveTextContent('does not take payments in the app yet');
    expect(screen.getByTestId('pay-to')).toHaveTextContent('6228 4801 2345 6789 012');
    expect(screen.queryByTestId('pay-confirm')).toBeNull();
  });

  it('in WeChat, says so when the NGO takes only Alipay', async () => {
    process.env.TARO_ENV = 'weapp';
    world({}, onlinePaymentFixture({ platforms: ['alipay'] }));
    render(<PayScreen sponsorshipId='sp-1' />);
    expect(await screen.findByTestId('pay-not-here')).toBeInTheDocument();
  });
});
