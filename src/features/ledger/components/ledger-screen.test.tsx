import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useLocaleStore } from '@/lib/i18n';
import { signIn, sponsorMe } from '@/test/fixtures';
import { mockApi, offline, ok } from '@/test/http';
import * as Taro from '@/test/taro-mock';
import { ledgerFixture } from '../test-data';
import { LedgerScreen } from './ledger-screen';

const LEDGER = 'GET /api/sponsor/sponsorships/sp-1/ledger';

describe('LedgerScreen', () => {
  beforeEach(() => signIn(sponsorMe));

  it('shows the totals, how far the payments reach and how to pay', async () => {
    mockApi({ [LEDGER]: ok(ledgerFixture()) });
    render(<LedgerScreen sponsorshipId='sp-1' />);
    expect(await screen.findByTestId('ledger-total-pledged')).toHaveTextContent('承诺资助¥10,800');
    expect(screen.getByTestId('ledger-total-paid')).toHaveTextContent('已付款¥900');
    expect(screen.getByTestId('ledger-total-disbursed')).toHaveTextContent('已使用¥720.50');
    expect(screen.getByTestId('ledger-total-disbursed')).toHaveAttribute('data-fen', '72050');
    expect(screen.getByTestId('ledger-funded-through')).toHaveTextContent('已付款项可覆盖到 2026年3月31日');
    const how = screen.getByTestId('ledger-payment-instructions');
    expect(how).toHaveTextContent('请按下面的账户信息银行转账');
    expect(screen.getByTestId('pay-to')).toHaveTextContent('6228 4801 2345 6789 012');
  });

  it('says plainly when nothing has been paid yet', async () => {
    useLocaleStore.getState().setLocale('en-US');
    mockApi({ [LEDGER]: ok(ledgerFixture({ fundedThrough: null, payments: [], disbursements: [], totals: { pledgedFen: 1080000, paidFen: 0, disbursedFen: 0 } })) });
    render(<LedgerScreen sponsorshipId='sp-1' />);
    expect(await screen.findByTestId('ledger-funded-through')).toHaveTextContent('No payment received yet');
    expect(screen.getByTestId('ledger-payments')).toHaveTextContent('No payments recorded yet.');
    expect(screen.getByTestId('ledger-disbursements')).toHaveTextContent('Nothing passed on yet.');
  });

  it('lists each disbursement with what, to whom, when and its receipt, which opens full size', async () => {
    mockApi({ [LEDGER]: ok(ledgerFixture()) });
    render(<LedgerScreen sponsorshipId='sp-1' />);
    const [tuition, stipend] = await screen.findAllByTestId('ledger-disbursement');
    expect(tuition).toHaveTextContent('学费');
    expect(tuition).toHaveTextContent('¥600');
    expect(within(tuition).getByTestId('ledger-disbursement-payee')).toHaveTextContent('支付给学校 · 2026年3月5日');
    expect(tuition).toHaveTextContent('2026 春季学期学费');
    expect(stipend).toHaveTextContent('生活补助');
    expect(stipend).toHaveTextContent('暂无收据照片');

    fireEvent.click(within(tuition).getByTestId('ledger-receipt'));
    expect(Taro.previewImage).toHaveBeenCalledWith({ current: 'http://api.test/api/files/r1.123.abc', urls: ['http://api.test/api/files/r1.123.abc'] });
    expect(screen.getAllByTestId('ledger-payment')[0]).toHaveTextContent('2026年3月1日¥900');
  });

  it('shows the pledge schedule, paid and unpaid, a few first and all on request', async () => {
    mockApi({ [LEDGER]: ok(ledgerFixture()) });
    render(<LedgerScreen sponsorshipId='sp-1' />);
    const rows = await screen.findAllByTestId('ledger-schedule-row');
    expect(rows).toHaveLength(6);
    expect(rows.map((r) => r.getAttribute('data-paid'))).toEqual(['true', 'true', 'true', 'false', 'false', 'false']);
    expect(rows[0]).toHaveTextContent('已付');
    expect(rows[3]).toHaveTextContent('未付');
    fireEvent.click(screen.getByTestId('ledger-schedule-toggle'));
    expect(screen.getAllByTestId('ledger-schedule-row')).toHaveLength(8);
  });

  it('retries after an error and refreshes on pull-down', async () => {
    mockApi({ [LEDGER]: offline });
    render(<LedgerScreen sponsorshipId='sp-1' />);
    await screen.findByRole('alert');
    let paid = 90000;
    mockApi({ [LEDGER]: () => ok(ledgerFixture({ totals: { pledgedFen: 1080000, paidFen: paid, disbursedFen: 0 } })) });
    fireEvent.click(screen.getByTestId('state-retry'));
    expect(await screen.findByTestId('ledger-total-paid')).toHaveTextContent('¥900');
    paid = 120000;
    await Taro.fireTaroHook('pullDownRefresh');
    await waitFor(() => expect(screen.getByTestId('ledger-total-paid')).toHaveTextContent('¥1,200'));
    expect(Taro.stopPullDownRefresh).toHaveBeenCalled();
  });
});
