import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { ledgerFixture } from '@/features/ledger/test-data';
import { adminMe, signIn } from '@/test/fixtures';
import { failWith, mockApi, ok } from '@/test/http';
import * as Taro from '@/test/taro-mock';

/** What the n-th confirmation dialog asked. */
const modalArgs = (n: number) => (Taro.showModal.mock.calls as unknown as Array<[{ title: string; content: string }]>)[n][0];
import type { StaffSponsorshipRow } from '../api';
import { StaffSponsorships } from './staff-sponsorships';

const NOW = new Date('2026-11-30T04:00:00Z');
const row: StaffSponsorshipRow = {
  id: 'sp-1',
  status: 'active',
  studentId: 'stu-1',
  studentName: '王小雨',
  sponsorName: '林晓',
  amountFen: 30000,
  cadence: 'monthly',
  paidFen: 90000,
  disbursedFen: 60000,
  fundedThrough: '2026-03-31',
};
const LIST = 'GET /api/staff/sponsorships';
const LEDGER = 'GET /api/sponsor/sponsorships/sp-1/ledger';
const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });
const errorFor = (field: string) => screen.getAllByTestId('field-error').find((el) => el.getAttribute('data-field') === field);

describe('StaffSponsorships', () => {
  beforeEach(() => signIn(adminMe));

  it('lists each sponsorship with paid, passed on and funded through', async () => {
    mockApi({ [LIST]: ok({ items: [row, { ...row, id: 'sp-2', studentName: '李阿木', paidFen: 0, disbursedFen: 0, fundedThrough: null }], nextCursor: null }) });
    render(<StaffSponsorships now={NOW} />);
    const [first, second] = await screen.findAllByTestId('staff-sponsorship-row');
    expect(first).toHaveTextContent('王小雨');
    expect(first).toHaveTextContent('资助人：林晓 · 每月 ¥300');
    expect(within(first).getByTestId('staff-row-paid')).toHaveTextContent('¥900');
    expect(within(first).getByTestId('staff-row-disbursed')).toHaveTextContent('¥600');
    expect(within(first).getByTestId('staff-row-funded')).toHaveTextContent('2026年3月31日');
    expect(within(second).getByTestId('staff-row-funded')).toHaveTextContent('尚未付款');
  });

  it('validates a payment with clear messages, confirms, sends fen and refreshes the row', async () => {
    const sent = mockApi({
      [LIST]: ok({ items: [row], nextCursor: null }),
      'POST /api/staff/sponsorships/sp-1/payments': { statusCode: 201, data: { id: 'pay-2' } },
      [LEDGER]: ok(ledgerFixture({ totals: { pledgedFen: 1080000, paidFen: 120050, disbursedFen: 60000 }, fundedThrough: '2026-04-30' })),
    });
    render(<StaffSponsorships now={NOW} />);
    fireEvent.click(await screen.findByTestId('staff-record-payment'));
    expect(screen.getByTestId('payment-date')).toHaveValue('2026-11-30');

    fireEvent.click(screen.getByTestId('payment-submit'));
    expect(errorFor('amount')).toHaveTextContent('请填写金额。');
    type('payment-amount', '300.505');
    type('payment-date', '2026-12-01');
    fireEvent.click(screen.getByTestId('payment-submit'));
    expect(errorFor('amount')).toHaveTextContent('最多两位小数');
    expect(errorFor('date')).toHaveTextContent('日期不能晚于今天。');
    expect(Taro.showModal).not.toHaveBeenCalled();

    type('payment-amount', '300.50');
    type('payment-date', '2026-11-28');
    type('payment-note', ' 银行转账 ');
    Taro.showModal.mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' });
    fireEvent.click(screen.getByTestId('payment-submit'));
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1));
    expect(modalArgs(0)).toMatchObject({ title: '保存这笔收款？', content: '2026年11月28日 收到林晓为王小雨付款 ¥300.50。保存后资助人会在账目中看到。' });
    expect(sent.filter((s) => s.method === 'POST')).toHaveLength(0);

    fireEvent.click(screen.getByTestId('payment-submit'));
    await waitFor(() => expect(screen.getByTestId('staff-row-paid')).toHaveTextContent('¥1,200.50'));
    const post = sent.find((s) => s.method === 'POST');
    expect(post?.data).toEqual({ amountFen: 30050, receivedOn: '2026-11-28', note: '银行转账' });
    expect(post?.header['Idempotency-Key']).toBeTruthy();
    expect(screen.getByTestId('staff-row-funded')).toHaveTextContent('2026年4月30日');
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '收款已记录', icon: 'success' });
    expect(screen.queryByTestId('payment-form')).not.toBeInTheDocument();
  });

  it('records a disbursement with a receipt, after checking every field', async () => {
    Taro.uploadFile.mockResolvedValueOnce({ statusCode: 201, data: JSON.stringify({ id: 'up-9', width: 800, height: 600, bytes: 50000 }) });
    const sent = mockApi({
      [LIST]: ok({ items: [row], nextCursor: null }),
      'POST /api/staff/sponsorships/sp-1/disbursements': { statusCode: 201, data: { id: 'dis-3' } },
      [LEDGER]: ok(ledgerFixture({ totals: { pledgedFen: 1080000, paidFen: 90000, disbursedFen: 210000 } })),
    });
    render(<StaffSponsorships now={NOW} />);
    fireEvent.click(await screen.findByTestId('staff-record-disbursement'));
    fireEvent.click(screen.getByTestId('disbursement-submit'));
    expect(errorFor('amount')).toHaveTextContent('请填写金额。');
    expect(errorFor('category')).toHaveTextContent('请选择用途。');
    expect(errorFor('payee')).toHaveTextContent('请填写收款方。');
    expect(errorFor('payeeKind')).toHaveTextContent('请选择收款方类别。');
    expect(errorFor('description')).toHaveTextContent('请填写说明。');

    type('disbursement-amount', '1,500');
    fireEvent.click(screen.getByTestId('disbursement-category-tuition'));
    type('disbursement-payee', '凉山州第一中学');
    fireEvent.click(screen.getByTestId('disbursement-payee-kind-school'));
    type('disbursement-description', '2026 秋季学期学费');
    fireEvent.click(screen.getByTestId('disbursement-receipt-add'));
    await waitFor(() => expect(screen.getByTestId('disbursement-receipt')).toHaveAttribute('data-upload-id', 'up-9'));
    expect(Taro.uploadFile).toHaveBeenCalledWith(expect.objectContaining({ url: 'http://api.test/api/staff/receipts', name: 'photo', filePath: 'blob:photo-1' }));

    fireEvent.click(screen.getByTestId('disbursement-submit'));
    await waitFor(() => expect(screen.getByTestId('staff-row-disbursed')).toHaveTextContent('¥2,100'));
    expect(modalArgs(0).content).toContain('学费 ¥1,500');
    expect(modalArgs(0).content).toContain('附收据');
    expect(sent.find((s) => s.method === 'POST')?.data).toEqual({
      amountFen: 150000,
      occurredOn: '2026-11-30',
      category: 'tuition',
      payee: '凉山州第一中学',
      payeeKind: 'school',
      description: '2026 秋季学期学费',
      receiptUploadId: 'up-9',
    });
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '支出已记录', icon: 'success' });
  });

  it('keeps the form and says why when the server refuses, and retries with the same key', async () => {
    let attempts = 0;
    const sent = mockApi({
      [LIST]: ok({ items: [row], nextCursor: null }),
      'POST /api/staff/sponsorships/sp-1/payments': () => {
        attempts += 1;
        return attempts === 1 ? failWith(409, 'SPONSORSHIP_NOT_CONFIRMED', '这份资助还没有确认。') : { statusCode: 201, data: {} };
      },
      [LEDGER]: ok(ledgerFixture()),
    });
    render(<StaffSponsorships now={NOW} />);
    fireEvent.click(await screen.findByTestId('staff-record-payment'));
    type('payment-amount', '300');
    fireEvent.click(screen.getByTestId('payment-submit'));
    expect(await screen.findByText('这份资助还没有确认。')).toBeInTheDocument();
    expect(screen.getByTestId('payment-form')).toBeInTheDocument();
    fireEvent.click(screen.getByTestId('payment-submit'));
    await waitFor(() => expect(screen.queryByTestId('payment-form')).not.toBeInTheDocument());
    const keys = sent.filter((s) => s.method === 'POST').map((s) => s.header['Idempotency-Key']);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);
  });

  it('shows the ledger with a receipt-number control on each payment received', async () => {
    mockApi({ [LIST]: ok({ items: [row], nextCursor: null }), [LEDGER]: ok(ledgerFixture()) });
    render(<StaffSponsorships now={NOW} />);
    fireEvent.click(await screen.findByTestId('staff-view-ledger'));
    const payment = await screen.findByTestId('ledger-payment');
    expect(within(payment).getByTestId('receipt-number')).toHaveTextContent('还没有记录捐赠票据号');
    expect(within(payment).getByTestId('receipt-number-edit')).toHaveTextContent('记录票据号');
  });
});
