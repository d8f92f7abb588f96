import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useLocaleStore } from '@/lib/i18n';
import { signIn, sponsorMe } from '@/test/fixtures';
import { mockApi, ok } from '@/test/http';
import * as Taro from '@/test/taro-mock';
import { ledgerFixture, payToFixture } from '../test-data';
import { LedgerScreen } from './ledger-screen';

const LEDGER = 'GET /api/sponsor/sponsorships/sp-1/ledger';
const taro = Taro.default as unknown as Record<string, unknown>;

describe('how to pay, on the ledger', () => {
  let clipboard: jest.Mock;
  beforeEach(() => {
    signIn(sponsorMe);
    clipboard = jest.fn(() => Promise.resolve({ errMsg: 'setClipboardData:ok' }));
    taro.setClipboardData = clipboard;
  });
  afterEach(() => {
    delete taro.setClipboardData;
  });

  it('shows the NGO’s bank account, the memo reference, its words and its contact', async () => {
    mockApi({ [LEDGER]: ok(ledgerFixture()) });
    render(<LedgerScreen sponsorshipId='sp-1' />);
    const card = await screen.findByTestId('pay-to');
    expect(card).toHaveTextContent('付款给凉山助学会');
    expect(screen.getByTestId('pay-to-account-name')).toHaveTextContent('户名凉山助学会');
    expect(screen.getByTestId('pay-to-bank')).toHaveTextContent('开户行中国农业银行西昌分行');
    expect(screen.getByTestId('pay-to-account-number')).toHaveTextContent('账号6228 4801 2345 6789 012');
    expect(screen.getByTestId('pay-to-reference')).toHaveTextContent('转账备注BX-0K3F9QZ');
    expect(screen.getByTestId('pay-to-instructions')).toHaveTextContent('到账后 3 个工作日内登记到账本。');
    expect(screen.getByTestId('pay-to-contact')).toHaveTextContent('阿西老师');
    expect(screen.getByTestId('pay-to-email')).toHaveTextContent('donors@liangshan.example.org');
    expect(screen.queryByTestId('pay-to-no-account')).toBeNull();

    fireEvent.click(screen.getByTestId('pay-to-phone'));
    expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '08343210000' });
  });

  it('copies the account number (digits only) and the reference to the clipboard', async () => {
    mockApi({ [LEDGER]: ok(ledgerFixture()) });
    render(<LedgerScreen sponsorshipId='sp-1' />);
    const copyNumber = await screen.findByTestId('pay-to-account-number-copy');
    expect(copyNumber).toHaveAttribute('aria-label', '复制账号');
    fireEvent.click(copyNumber);
    await waitFor(() => expect(clipboard).toHaveBeenCalledWith({ data: '6228480123456789012' }));
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '已复制', icon: 'none' }));
    fireEvent.click(screen.getByTestId('pay-to-reference-copy'));
    await waitFor(() => expect(clipboard).toHaveBeenLastCalledWith({ data: 'BX-0K3F9QZ' }));
  });

  it('says whom to ask when the NGO has not added its account, and never sends the sponsor nowhere', async () => {
    useLocaleStore.getState().setLocale('en-US');
    mockApi({ [LEDGER]: ok(ledgerFixture({ payTo: payToFixture({ bankTransfer: null, instructions: null }) })) });
    render(<LedgerScreen sponsorshipId='sp-1' />);
    expect(await screen.findByTestId('pay-to-no-account')).toHaveTextContent(
      '凉山助学会 has not added its bank account here yet. Ask the contact below for it, and write the sponsorship reference BX-0K3F9QZ in the transfer memo.',
    );
    expect(screen.getByTestId('pay-to-contact')).toHaveTextContent('Questions about paying阿西老师0834-3210000');
    expect(screen.queryByTestId('pay-to-account-number')).toBeNull();
  });

  it('asks the sponsor to wait when there is neither an account nor a contact', async () => {
    mockApi({ [LEDGER]: ok(ledgerFixture({ payTo: payToFixture({ bankTransfer: null, instructions: null, contact: null }) })) });
    render(<LedgerScreen sponsorshipId='sp-1' />);
    expect(await screen.findByTestId('pay-to-no-account')).toHaveTextContent('请先不要转账');
    expect(screen.queryByTestId('pay-to-contact')).toBeNull();
  });
});
