import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import '@/lib/i18n/staff/register';
import { adminMe, signIn } from '@/test/fixtures';
import { failWith, mockApi, ok, type SentRequest } from '@/test/http';
import * as Taro from '@/test/taro-mock';
import type { PaymentAlertView, ReconciliationReportView, StaffPaymentOrderRow } from '../api';
import { PaymentAdmin } from './payment-admin';
import { PaymentAdminLink } from './payment-admin-link';

const NOW = new Date('2026-12-06T04:00:00Z');
const ORDERS = 'GET /api/staff/payment-orders';
const ALERTS = 'GET /api/staff/payment-alerts';
const REPORTS = 'GET /api/staff/reconciliation-reports';
const REFUND = 'POST /api/staff/payment-orders/ord-1/refunds';
const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });
const errorFor = (field: string) => screen.getAllByTestId('field-error').find((el) => el.getAttribute('data-field') === field);
const posts = (sent: SentRequest[]) => sent.filter((s) => s.method === 'POST');

const paidOrder: StaffPaymentOrderRow = {
  id: 'ord-1',
  sponsorshipId: 'sp-1',
  platform: 'wechat',
  channel: 'jsapi',
  amountFen: 90000,
  periods: 3,
  firstDueOn: '2026-12-01',
  status: 'paid',
  createdAt: '2026-12-01T02:00:00.000Z',
  expiresAt: '2026-12-01T02:30:00.000Z',
  paidAt: '2026-12-01T02:01:00.000Z',
  platformTradeId: '4200000000202612010000000001',
  refundedFen: 0,
  refunds: [],
  studentId: 'stu-1',
  studentName: '王小雨',
  sponsorName: '林晓',
  refundableFen: 90000,
};

const mismatch: PaymentAlertView = {
  id: 'al-1',
  kind: 'amount_mismatch',
  platform: 'alipay',
  detail: { outTradeNo: 'BX123', platformTradeId: '2026120122001', expected: 30000, received: 100 },
  createdAt: '2026-12-02T03:00:00.000Z',
  resolvedAt: null,
  resolvedByName: null,
  order: { id: 'ord-2', status: 'failed', amountFen: 30000, sponsorName: '林晓', studentName: '王小雨', createdAt: '2026-12-02T02:59:00.000Z' },
};

const report: ReconciliationReportView = {
  id: 'rep-1',
  platform: 'wechat',
  billDate: '2026-12-05',
  status: 'differences',
  matchedCount: 4,
  differences: [
    { kind: 'missing_in_ledger', outTradeNo: 'BX900', outRefundNo: null, platformTradeId: '4200000009', orderId: null, ledgerFen: null, platformFen: 30000 },
    { kind: 'missing_at_platform', outTradeNo: 'BX901', outRefundNo: null, platformTradeId: null, orderId: 'ord-9', ledgerFen: 60000, platformFen: null },
  ],
  error: null,
  createdAt: '2026-12-06T02:00:00.000Z',
};

describe('PaymentAdmin', () => {
  beforeEach(() => signIn(adminMe));

  it('lists orders with who paid for whom, and filters by status', async () => {
    const sent = mockApi({ [ORDERS]: ok({ items: [paidOrder], nextCursor: null }) });
    render(<PaymentAdmin now={NOW} />);
    const card = await screen.findByTestId('payment-order');
    expect(card).toHaveTextContent('王小雨');
    expect(within(card).getByTestId('payment-order-summary')).toHaveTextContent('林晓 通过微信支付支付 ¥900，共 3 期');
    expect(within(card).getByTestId('payment-order-status')).toHaveTextContent('已支付');
    expect(card).toHaveTextContent('平台交易号 4200000000202612010000000001');
    expect(sent[0].query.status).toBeUndefined();

    fireEvent.click(screen.getByTestId('order-filter-failed'));
    await waitFor(() => expect(sent.filter((s) => s.path === '/api/staff/payment-orders')).toHaveLength(2));
    expect(sent[sent.length - 1].query.status).toBe('failed');
  });

  it('refunds part of an order: exact fen, never above what is left, a reason, confirmed, one key across retries', async () => {
    let attempts = 0;
    const sent = mockApi({
      [ORDERS]: ok({ items: [paidOrder], nextCursor: null }),
      [REFUND]: () => {
        attempts += 1;
        if (attempts === 1) return failWith(503, 'SERVER', '服务器暂时不可用，请稍后再试。');
        return { statusCode: 201, data: { id: 'ref-1', amountFen: 12050, reason: '重复付款', status: 'processing', createdAt: '2026-12-06T04:00:00.000Z', finishedAt: null } };
      },
    });
    render(<PaymentAdmin now={NOW} />);
    fireEvent.click(await screen.findByTestId('payment-order-refund-open'));

    fireEvent.click(screen.getByTestId('refund-submit'));
    expect(errorFor('amount')).toHaveTextContent('请填写金额');
    expect(errorFor('reason')).toHaveTextContent('请写下退款原因');
    type('refund-amount', '900.01');
    type('refund-reason', '重复付款');
    fireEvent.click(screen.getByTestId('refund-submit'));
    expect(errorFor('amount')).toHaveTextContent('最多可退 ¥900');
    expect(Taro.showModal).not.toHaveBeenCalled();

    type('refund-amount', '120.5');
    fireEvent.click(screen.getByTestId('refund-submit'));
    await waitFor(() => expect(posts(sent)).toHaveLength(1));
    expect(Taro.showModal).toHaveBeenCalledWith(
      expect.objectContaining({ title: '退款 ¥120.50？', content: expect.stringContaining('林晓'), confirmText: '确认退款', confirmColor: expect.any(String) }),
    );
    expect(posts(sent)[0].data).toEqual({ amountFen: 12050, reason: '重复付款' });
    expect(await screen.findByTestId('refund-failure')).toHaveTextContent('稍后再试');

    fireEvent.click(screen.getByTestId('refund-submit'));
    await waitFor(() => expect(posts(sent)).toHaveLength(2));
    expect(posts(sent)[1].header['Idempotency-Key']).toBe(posts(sent)[0].header['Idempotency-Key']);
    const refund = await screen.findByTestId('payment-order-refund');
    expect(refund).toHaveTextContent('退款 ¥120.50：重复付款');
    expect(refund).toHaveTextContent('处理中');
    expect(screen.queryByTestId('refund-form')).not.toBeInTheDocument();
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '已提交退款', icon: 'success' });
  });

  it('shows the server’s remainder at the amount when a refund elsewhere left less to refund', async () => {
    mockApi({
      [ORDERS]: ok({ items: [paidOrder], nextCursor: null }),
      [REFUND]: {
        statusCode: 409,
        data: { error: { code: 'REFUND_EXCEEDS_REMAINDER', message: '退款金额超过了还能退的部分。', details: [{ field: 'body.amountFen', message: '最多还可退 ¥50.00' }] } },
      },
    });
    render(<PaymentAdmin now={NOW} />);
    fireEvent.click(await screen.findByTestId('payment-order-refund-open'));
    type('refund-amount', '100');
    type('refund-reason', '多付');
    fireEvent.click(screen.getByTestId('refund-submit'));
    expect(await screen.findByTestId('refund-failure')).toHaveTextContent('超过了还能退的部分');
    expect(errorFor('amount')).toHaveTextContent('最多还可退 ¥50.00');
  });

  it('words an alert by its kind and resolves it with a note after confirming', async () => {
    const sent = mockApi({
      [ORDERS]: ok({ items: [], nextCursor: null }),
      [ALERTS]: ok({ items: [mismatch], nextCursor: null }),
      'POST /api/staff/payment-alerts/al-1/resolve': ok({ ...mismatch, resolvedAt: '2026-12-06T04:00:00.000Z', resolvedByName: '马主任' }),
    });
    render(<PaymentAdmin now={NOW} />);
    fireEvent.click(screen.getByTestId('payment-admin-tab-alerts'));
    const alert = await screen.findByTestId('payment-alert');
    expect(within(alert).getByTestId('payment-alert-kind')).toHaveTextContent('金额不符');
    expect(within(alert).getByTestId('payment-alert-detail')).toHaveTextContent('订单金额 ¥300，平台收到 ¥1。没有记为已付款。');
    expect(within(alert).getByTestId('payment-alert-order')).toHaveTextContent('林晓 资助 王小雨，¥300，有问题');
    expect(sent.find((s) => s.path === '/api/staff/payment-alerts')?.query.state).toBe('open');

    fireEvent.click(within(alert).getByTestId('payment-alert-resolve'));
    fireEvent.click(screen.getByTestId('payment-alert-submit'));
    expect(errorFor('note')).toHaveTextContent('请写下怎么处理的');
    type('payment-alert-note', '已与资助人核实，原路退回');
    fireEvent.click(screen.getByTestId('payment-alert-submit'));
    await waitFor(() => expect(posts(sent)).toHaveLength(1));
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ confirmText: '已处理' }));
    expect(posts(sent)[0].data).toEqual({ note: '已与资助人核实，原路退回' });
    await waitFor(() => expect(screen.queryByTestId('payment-alert')).not.toBeInTheDocument());
    expect(screen.getByTestId('payment-alerts-empty')).toBeInTheDocument();
  });

  it('never shows a payer’s platform id, only that the payer differed', async () => {
    mockApi({
      [ORDERS]: ok({ items: [], nextCursor: null }),
      [ALERTS]: ok({ items: [{ ...mismatch, kind: 'payer_mismatch', detail: { expected: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o', received: 'oUpF8uN95-Ptaags6b6m5bYq0PX4' } }], nextCursor: null }),
    });
    render(<PaymentAdmin now={NOW} />);
    fireEvent.click(screen.getByTestId('payment-admin-tab-alerts'));
    const alert = await screen.findByTestId('payment-alert');
    expect(alert).toHaveTextContent('付款的账户不是下单的资助人');
    expect(alert.textContent).not.toContain('oUpF8u');
  });

  it('says how many differences a reconciliation alert is about, and on which day', async () => {
    mockApi({
      [ORDERS]: ok({ items: [], nextCursor: null }),
      [ALERTS]: ok({ items: [{ ...mismatch, kind: 'reconciliation', order: null, detail: { reportId: 'rep-1', billDate: '2026-12-05', differenceCount: 2 } }], nextCursor: null }),
    });
    render(<PaymentAdmin now={NOW} />);
    fireEvent.click(screen.getByTestId('payment-admin-tab-alerts'));
    const alert = await screen.findByTestId('payment-alert');
    expect(within(alert).getByTestId('payment-alert-kind')).toHaveTextContent('对账差异');
    expect(within(alert).getByTestId('payment-alert-detail')).toHaveTextContent('2026年12月5日的账单与账目有 2 处不同');
  });

  it('shows each reconciliation difference in words and runs a day again', async () => {
    const sent = mockApi({
      [ORDERS]: ok({ items: [], nextCursor: null }),
      [REPORTS]: ok({ items: [report], nextCursor: null }),
      'POST /api/staff/reconciliation-reports/run': ok({ ...report, status: 'matched', differences: [] }),
    });
    render(<PaymentAdmin now={NOW} />);
    fireEvent.click(screen.getByTestId('payment-admin-tab-reports'));
    const card = await screen.findByTestId('reconciliation-report');
    expect(within(card).getByTestId('reconciliation-report-status')).toHaveTextContent('有差异');
    expect(card).toHaveTextContent('2026年12月5日 · 微信支付');
    expect(card).toHaveTextContent('4 笔一致');
    const lines = within(card).getAllByTestId('reconciliation-difference');
    expect(lines[0]).toHaveTextContent('平台已收款 ¥300，账目里没有：BX900');
    expect(lines[1]).toHaveTextContent('账目记为已付 ¥600，平台账单里没有：BX901');
    expect(screen.getByTestId('reconcile-day')).toHaveValue('2026-12-05');

    fireEvent.click(within(card).getByTestId('reconciliation-rerun'));
    await waitFor(() => expect(posts(sent)).toHaveLength(1));
    expect(posts(sent)[0].data).toEqual({ platform: 'wechat', billDate: '2026-12-05' });
    await waitFor(() => expect(sent.filter((s) => s.path === '/api/staff/reconciliation-reports')).toHaveLength(2));
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '对账完成', icon: 'success' });
  });
});

describe('PaymentAdminLink', () => {
  beforeEach(() => signIn(adminMe));

  it('says how many alerts wait, and reads them again when the home is shown again', async () => {
    let open = [mismatch, { ...mismatch, id: 'al-2' }];
    const sent = mockApi({ [ALERTS]: () => ok({ items: open, nextCursor: null }) });
    render(<PaymentAdminLink />);
    const link = screen.getByTestId('payment-admin-link');
    await waitFor(() => expect(link).toHaveTextContent('在线收款与对账 · 2 条提醒待处理'));
    expect(sent[0].query.state).toBe('open');

    open = [];
    await Taro.fireTaroHook('didHide');
    await Taro.fireTaroHook('didShow');
    await waitFor(() => expect(link).toHaveTextContent(/^在线收款与对账$/));
  });

  it('says "over" when there are more alerts than one page', async () => {
    mockApi({ [ALERTS]: ok({ items: Array.from({ length: 20 }, (_, i) => ({ ...mismatch, id: `al-${i}` })), nextCursor: 'next' }) });
    render(<PaymentAdminLink />);
    await waitFor(() => expect(screen.getByTestId('payment-admin-link')).toHaveTextContent('20 条以上提醒待处理'));
  });
});
