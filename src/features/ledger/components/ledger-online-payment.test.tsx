import { fireEvent, render, screen, within } from '@testing-library/react';
import { onlinePaymentFixture, orderFixture } from '@/features/payment/test-data';
import { signIn, sponsorMe } from '@/test/fixtures';
import { mockApi, ok } from '@/test/http';
import * as Taro from '@/test/taro-mock';
import { ledgerFixture } from '../test-data';
import { LedgerScreen } from './ledger-screen';

const LEDGER = 'GET /api/sponsor/sponsorships/sp-1/ledger';
const ORDERS = 'GET /api/sponsor/sponsorships/sp-1/payment-orders';

beforeEach(() => signIn(sponsorMe));

describe('the ledger when the NGO takes payments in the app', () => {
  it('shows the next period with a Pay button that opens the pay page', async () => {
    mockApi({ [LEDGER]: ok(ledgerFixture({ onlinePayment: onlinePaymentFixture() })), [ORDERS]: ok({ items: [] }) });
    render(<LedgerScreen sponsorshipId='sp-1' />);
    expect(await screen.findByTestId('ledger-next-due')).toHaveTextContent('下一期 2026年4月1日 应付 ¥300');
    expect(screen.queryByTestId('ledger-payment-instructions')).toBeNull();
    fireEvent.click(screen.getByTestId('ledger-pay'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/sponsor/pages/pay/index?sponsorshipId=sp-1' });
  });

  it('lists payments made in the app with platform and status, and a refund as a refund', async () => {
    const orders = [
      orderFixture({ id: 'o-2', status: 'paying', platform: 'alipay', periods: 1, amountFen: 30000 }),
      orderFixture({ id: 'o-1', status: 'paid', refundedFen: 30000 }),
    ];
    const refund = { id: 'ref-1', occurredOn: '2026-03-25', amountFen: -30000, description: '微信支付退款', category: null, payeeLabel: null, receiptUrl: null, receiptNumber: null };
    mockApi({
      [LEDGER]: ok(ledgerFixture({ onlinePayment: onlinePaymentFixture(), payments: [refund, ...ledgerFixture().payments] })),
      [ORDERS]: ok({ items: orders }),
    });
    render(<LedgerScreen sponsorshipId='sp-1' />);
    const [confirming, paid] = await screen.findAllByTestId('ledger-order');
    expect(confirming).toHaveTextContent('支付宝 · 1 期¥300确认中');
    expect(paid).toHaveTextContent('微信支付 · 2 期¥600已支付');
    expect(within(paid).getByTestId('ledger-order-refunded')).toHaveTextContent('已退款 ¥300');
    const [refundRow] = screen.getAllByTestId('ledger-payment');
    expect(refundRow).toHaveTextContent('-¥300');
    expect(within(refundRow).getByTestId('ledger-refund')).toHaveTextContent('退款');
  });

  it('says every period is paid when nothing is left to pay', async () => {
    mockApi({ [LEDGER]: ok(ledgerFixture({ onlinePayment: onlinePaymentFixture({ nextDueOn: null, maxPeriods: 0 }) })), [ORDERS]: ok({ items: [] }) });
    render(<LedgerScreen sponsorshipId='sp-1' />);
    expect(await screen.findByTestId('ledger-next-payment')).toHaveTextContent('承诺的各期都已付清');
    expect(screen.queryByTestId('ledger-pay')).toBeNull();
  });

  it('keeps the bank-transfer instructions and no Pay button without online payment', async () => {
    mockApi({ [LEDGER]: ok(ledgerFixture({ onlinePayment: null })) });
    render(<LedgerScreen sponsorshipId='sp-1' />);
    expect(await screen.findByTestId('ledger-payment-instructions')).toBeInTheDocument();
    expect(screen.queryByTestId('ledger-pay')).toBeNull();
    expect(screen.queryByTestId('ledger-orders')).toBeNull();
  });
});
