import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { PaymentDetailsView } from '../../../../domain/api/ngo';
import { useLocaleStore } from '@/lib/i18n';
import '@/lib/i18n/staff/register';
import { adminMe, caseworkerMe, signIn } from '@/test/fixtures';
import { mockApi, ok, type Reply, type SentRequest } from '@/test/http';
import * as Taro from '@/test/taro-mock';
import { PaymentDetailsEditor } from './payment-details-editor';

const GET = 'GET /api/staff/ngo/payment-details';
const PUT = 'PUT /api/staff/ngo/payment-details';
const puts = (sent: SentRequest[]) => sent.filter((s) => s.method === 'PUT');
const errorFields = () => screen.queryAllByTestId('field-error').map((e) => [e.getAttribute('data-field'), e.textContent]);
const type = (field: string, value: string) => fireEvent.change(screen.getByTestId(`payment-details-${field}`), { target: { value } });

function view(overrides: Partial<PaymentDetailsView> = {}): PaymentDetailsView {
  return {
    bankAccountName: '',
    bankName: '',
    bankAccountNumber: '',
    paymentInstructions: '',
    contactName: '',
    contactPhone: '',
    contactEmail: '',
    creditCode: '',
    ngoName: '凉山助学会',
    updatedAt: null,
    editable: true,
    ...overrides,
  };
}

async function open(put?: Reply | ((req: SentRequest) => Reply), current = view()) {
  const sent = mockApi({ [GET]: ok(current), ...(put ? { [PUT]: put } : {}) });
  render(<PaymentDetailsEditor />);
  await screen.findByTestId('payment-details-bankAccountName');
  return sent;
}

describe('PaymentDetailsEditor', () => {
  beforeEach(() => signIn(adminMe));

  it('checks the details with the server’s rules before asking, pointing at each field', async () => {
    const sent = await open();
    expect(screen.getByTestId('payment-details-updated')).toHaveTextContent('还没有填写');
    type('bankAccountNumber', '6228 48O1');
    type('contactName', '阿西老师');
    type('contactPhone', '12345');
    fireEvent.click(screen.getByTestId('payment-details-save'));
    expect(errorFields()).toEqual([
      ['bankAccountName', '请填写这一项'],
      ['bankName', '请填写这一项'],
      ['bankAccountNumber', '账号应为 8 到 32 位数字'],
      ['contactPhone', '请填写手机号、带区号的座机号或 400/800 电话'],
    ]);
    expect(Taro.showModal).not.toHaveBeenCalled();
    expect(puts(sent)).toHaveLength(0);
  });

  it('saves after confirming the account number, and shows what was saved', async () => {
    const sent = await open((req) => ok(view({ ...(req.data as object), bankAccountNumber: '6228480123456789', updatedAt: '2026-12-03T02:00:00Z' })));
    type('bankAccountName', '凉山助学会');
    type('bankName', '农业银行西昌分行');
    type('bankAccountNumber', '6228 4801 2345 6789');
    type('contactName', '阿西老师');
    type('contactEmail', 'donors@liangshan.example.org');

    Taro.showModal.mockImplementationOnce(() => Promise.resolve({ confirm: false, cancel: true, errMsg: 'ok' }));
    fireEvent.click(screen.getByTestId('payment-details-save'));
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1));
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ content: expect.stringContaining('6228 4801 2345 6789'), confirmText: '保存' }));
    expect(puts(sent)).toHaveLength(0);

    fireEvent.click(screen.getByTestId('payment-details-save'));
    await waitFor(() => expect(puts(sent)).toHaveLength(1));
    expect(puts(sent)[0].data).toEqual({
      bankAccountName: '凉山助学会',
      bankName: '农业银行西昌分行',
      bankAccountNumber: '6228 4801 2345 6789',
      paymentInstructions: '',
      contactName: '阿西老师',
      contactPhone: '',
      contactEmail: 'donors@liangshan.example.org',
      creditCode: '',
    });
    await waitFor(() => expect(screen.getByTestId('payment-details-bankAccountNumber')).toHaveValue('6228480123456789'));
    expect(screen.getByTestId('payment-details-updated')).toHaveTextContent('最近修改');
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '已保存', icon: 'success' });
  });

  it('checks the credit code’s check character as typed, and sends it with the rest', async () => {
    const sent = await open((req) => ok(view({ ...(req.data as object), updatedAt: '2026-12-03T02:00:00Z' })));
    type('contactName', '阿西老师');
    type('contactEmail', 'donors@liangshan.example.org');
    type('creditCode', '52513400MJ1234567E');
    fireEvent.click(screen.getByTestId('payment-details-save'));
    expect(errorFields()).toEqual([['creditCode', '最后一位校验码对不上，请对照登记证书逐位核对']]);
    type('creditCode', '52513400MJ12345I7F');
    expect(errorFields()).toEqual([['creditCode', '含有代码里不会出现的字符（不使用 I、O、S、V、Z）']]);
    type('creditCode', '5251 3400 mj12 3456 7f');
    expect(errorFields()).toEqual([]);
    fireEvent.click(screen.getByTestId('payment-details-save'));
    await waitFor(() => expect(puts(sent)).toHaveLength(1));
    expect(puts(sent)[0].data).toMatchObject({ creditCode: '5251 3400 mj12 3456 7f' });
  });

  it('shows the server’s refusal at its field', async () => {
    useLocaleStore.getState().setLocale('en-US');
    await open(() => ({
      statusCode: 400,
      data: { error: { code: 'PAYMENT_DETAILS_INVALID', message: 'Some of the transfer and contact details need changing.', details: [{ field: 'body.contactEmail', message: 'this is not a valid e-mail address' }] } },
      header: {},
    }));
    type('contactName', 'Axi');
    type('contactEmail', 'donors@liangshan.example.org');
    fireEvent.click(screen.getByTestId('payment-details-save'));
    expect(await screen.findByTestId('payment-details-failure')).toHaveTextContent('need changing');
    expect(errorFields()).toEqual([['contactEmail', 'this is not a valid e-mail address']]);
  });

  it('is read-only for caseworkers', async () => {
    signIn(caseworkerMe);
    await open(undefined, view({ editable: false, bankAccountName: '凉山助学会' }));
    expect(screen.getByTestId('payment-details-bankAccountName')).toBeDisabled();
    expect(screen.queryByTestId('payment-details-save')).not.toBeInTheDocument();
  });
});
