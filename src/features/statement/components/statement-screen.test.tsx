import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useLocaleStore } from '@/lib/i18n';
import { signIn, sponsorMe } from '@/test/fixtures';
import { failWith, mockApi, ok, type Handler } from '@/test/http';
import * as Taro from '@/test/taro-mock';
import type { Statement } from '../api';
import { StatementScreen, yearChoices } from './statement-screen';

const NOW = new Date('2026-11-29T04:00:00.000Z');

const statement2026 = (more: Partial<Statement> = {}): Statement => ({
  year: 2026,
  lines: [
    { id: 'pay-1', kind: 'payment', occurredOn: '2026-03-01', amountFen: 75000, ngoName: '凉山助学会', ngoCreditCode: '53510000MJQ0123456', platform: 'wechat', transactionId: '4200001234', receiptNumber: 'LS2026-0042', studentDisplayName: '阿依' },
    { id: 'refund-1', kind: 'refund', occurredOn: '2026-03-05', amountFen: -25000, ngoName: '凉山助学会', ngoCreditCode: '53510000MJQ0123456', platform: 'wechat', transactionId: '4200001234', receiptNumber: null, studentDisplayName: '阿依' },
    { id: 'pay-2', kind: 'payment', occurredOn: '2026-04-02', amountFen: 25000, ngoName: '定西春苗', ngoCreditCode: null, platform: null, transactionId: null, receiptNumber: null, studentDisplayName: null },
  ],
  totalFen: 75000,
  selfReported: [{ id: 'gift-1', givenOn: '2026-06-01', amountFen: 50000, recipient: '春蕾计划', note: '单位组织', createdAt: '2026-06-02T00:00:00.000Z' }],
  selfReportedTotalFen: 50000,
  truncated: false,
  ...more,
});
const empty = (year: number): Statement => ({ year, lines: [], totalFen: 0, selfReported: [], selfReportedTotalFen: 0, truncated: false });

const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });

describe('StatementScreen', () => {
  beforeEach(() => signIn(sponsorMe));

  it('offers this year first, then the years with entries', () => {
    expect(yearChoices(2026, [2024, 2025])).toEqual([2026, 2025, 2024]);
    expect(yearChoices(2027, [2026])).toEqual([2027, 2026]);
  });

  it('shows the year’s payments and refunds with NGO, credit code, transaction, receipt, the total and the disclaimer', async () => {
    mockApi({ 'GET /api/sponsor/statements': ok({ years: [2026, 2025] }), 'GET /api/sponsor/statements/2026': ok(statement2026()) });
    render(<StatementScreen now={NOW} />);
    const lines = await screen.findAllByTestId('statement-line');
    expect(screen.getByTestId('statement-disclaimer')).toHaveTextContent('本明细不是捐赠票据。捐赠票据由收款的公益机构开具。');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toHaveTextContent('2026年3月1日 · 付款');
    expect(lines[0]).toHaveTextContent('¥750');
    expect(lines[0]).toHaveTextContent('统一社会信用代码：53510000MJQ0123456');
    expect(lines[0]).toHaveTextContent('微信支付交易单号：4200001234');
    expect(lines[0]).toHaveTextContent('捐赠票据号：LS2026-0042');
    expect(lines[0]).toHaveTextContent('资助阿依');
    expect(lines[1]).toHaveTextContent('退款');
    expect(lines[1]).toHaveTextContent('-¥250');
    expect(lines[2]).toHaveTextContent('统一社会信用代码：未登记');
    expect(lines[2]).toHaveTextContent('机构登记的转账');
    expect(lines[2]).toHaveTextContent('尚未登记捐赠票据号');
    expect(screen.getByTestId('statement-total')).toHaveTextContent('伴学记录合计：¥750');
    const gift = screen.getByTestId('statement-gift');
    expect(gift).toHaveTextContent('春蕾计划');
    expect(gift).toHaveTextContent('自行填报 · 单位组织');
    expect(screen.getByTestId('statement-gifts-total')).toHaveTextContent('自行填报合计：¥500（不计入伴学记录合计）');
    expect(screen.getByTestId('statement-year-2026')).toHaveAttribute('aria-checked', 'true');
    expect(screen.getByTestId('statement-year-2025')).toBeInTheDocument();
  });

  it('speaks English, counting entries in plural forms', async () => {
    useLocaleStore.getState().setLocale('en-US');
    mockApi({ 'GET /api/sponsor/statements': ok({ years: [2026] }), 'GET /api/sponsor/statements/2026': ok(statement2026()) });
    render(<StatementScreen now={NOW} />);
    await screen.findAllByTestId('statement-line');
    expect(screen.getByTestId('statement-disclaimer')).toHaveTextContent('This is not a donation receipt (捐赠票据); the NGO issues receipts.');
    expect(screen.getByTestId('statement-payments')).toHaveTextContent('3 entries');
    expect(screen.getByTestId('statement-download-pdf')).toHaveTextContent('Download PDF');
  });

  it('says when a year has no payments, and loads another year when chosen', async () => {
    const sent = mockApi({
      'GET /api/sponsor/statements': ok({ years: [2025] }),
      'GET /api/sponsor/statements/2026': ok(empty(2026)),
      'GET /api/sponsor/statements/2025': ok(statement2026({ year: 2025 })),
    });
    render(<StatementScreen now={NOW} />);
    expect(await screen.findByTestId('statement-empty')).toHaveTextContent('2026 年没有付款记录。');
    expect(screen.getByTestId('statement-gifts-empty')).toHaveTextContent('2026 年还没有自行填报的捐赠。');
    fireEvent.click(await screen.findByTestId('statement-year-2025'));
    await waitFor(() => expect(screen.getAllByTestId('statement-line')).toHaveLength(3));
    expect(sent.map((r) => r.path)).toContain('/api/sponsor/statements/2025');
  });

  it('shows the server’s message when the statement cannot load, and retries', async () => {
    let fail = true;
    mockApi({
      'GET /api/sponsor/statements': ok({ years: [] }),
      'GET /api/sponsor/statements/2026': () => (fail ? failWith(500, 'INTERNAL', 'Internal error') : ok(statement2026())),
    });
    render(<StatementScreen now={NOW} />);
    expect(await screen.findByTestId('state-error')).toHaveTextContent('服务器暂时出了点问题');
    fail = false;
    fireEvent.click(screen.getByTestId('state-retry'));
    expect(await screen.findAllByTestId('statement-line')).toHaveLength(3);
  });

  it('downloads the PDF in the browser from a fresh signed link', async () => {
    const sent = mockApi({
      'GET /api/sponsor/statements': ok({ years: [2026] }),
      'GET /api/sponsor/statements/2026': ok(statement2026()),
      'POST /api/sponsor/statements/2026/links': ok({ pdfUrl: '/api/statements/pdf-token', csvUrl: '/api/statements/csv-token', expiresAt: '2026-11-29T04:15:00.000Z' }),
    });
    const clicked: string[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.getAttribute('href') ?? '');
    });
    render(<StatementScreen now={NOW} />);
    fireEvent.click(await screen.findByTestId('statement-download-pdf'));
    await waitFor(() => expect(clicked).toEqual(['http://api.test/api/statements/pdf-token']));
    fireEvent.click(screen.getByTestId('statement-download-csv'));
    await waitFor(() => expect(clicked).toEqual(['http://api.test/api/statements/pdf-token', 'http://api.test/api/statements/csv-token']));
    expect(sent.filter((r) => r.method === 'POST').length).toBe(2);
    click.mockRestore();
  });

  it('says why a download failed', async () => {
    mockApi({
      'GET /api/sponsor/statements': ok({ years: [2026] }),
      'GET /api/sponsor/statements/2026': ok(statement2026()),
      'POST /api/sponsor/statements/2026/links': failWith(401, 'UNAUTHENTICATED', '登录已过期，请重新登录。'),
    });
    render(<StatementScreen now={NOW} />);
    fireEvent.click(await screen.findByTestId('statement-download-csv'));
    expect(await screen.findByTestId('statement-download-failure')).toBeInTheDocument();
  });

  it('checks a new gift, sends it, and shows the year again', async () => {
    let current = statement2026({ selfReported: [], selfReportedTotalFen: 0 });
    const addGift: Handler = (req) => {
      const body = req.data as { givenOn: string; amountFen: number; recipient: string; note?: string };
      const gift = { id: 'gift-new', ...body, note: body.note ?? null, createdAt: '2026-11-29T04:00:00.000Z' };
      current = { ...current, selfReported: [gift], selfReportedTotalFen: body.amountFen };
      return { statusCode: 201, data: gift };
    };
    const sent = mockApi({
      'GET /api/sponsor/statements': ok({ years: [2026] }),
      'GET /api/sponsor/statements/2026': () => ok(current),
      'POST /api/sponsor/gifts-elsewhere': addGift,
    });
    render(<StatementScreen now={NOW} />);
    fireEvent.click(await screen.findByTestId('statement-add-gift'));
    type('gift-amount', '0');
    fireEvent.click(screen.getByTestId('gift-submit'));
    const form = screen.getByTestId('gift-form');
    expect(within(form).getByText('金额需要大于 0')).toBeInTheDocument();
    expect(within(form).getByText('请填写捐给谁')).toBeInTheDocument();
    type('gift-amount', '100001');
    fireEvent.click(screen.getByTestId('gift-submit'));
    expect(within(form).getByText('每笔最多 ¥100,000')).toBeInTheDocument();
    expect(sent.some((r) => r.method === 'POST')).toBe(false);

    type('gift-amount', '１２０.５');
    type('gift-date', '2026-09-09');
    type('gift-recipient', ' 腾讯公益 99 公益日 ');
    type('gift-note', '配捐');
    fireEvent.click(screen.getByTestId('gift-submit'));
    expect(await screen.findByTestId('statement-gift')).toHaveTextContent('腾讯公益 99 公益日');
    const post = sent.find((r) => r.method === 'POST')!;
    expect(post.data).toEqual({ givenOn: '2026-09-09', amountFen: 12050, recipient: '腾讯公益 99 公益日', note: '配捐' });
    expect(post.header['Idempotency-Key']).toBeTruthy();
    expect(screen.queryByTestId('gift-form')).toBeNull();
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已添加' }));
  });

  it('deletes a gift only after the sponsor confirms', async () => {
    let current = statement2026();
    const sent = mockApi({
      'GET /api/sponsor/statements': ok({ years: [2026] }),
      'GET /api/sponsor/statements/2026': () => ok(current),
      'DELETE /api/sponsor/gifts-elsewhere/gift-1': () => {
        current = statement2026({ selfReported: [], selfReportedTotalFen: 0 });
        return { statusCode: 204 };
      },
    });
    render(<StatementScreen now={NOW} />);
    Taro.showModal.mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' });
    fireEvent.click(await screen.findByRole('button', { name: '删除春蕾计划这笔' }));
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1));
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '删除这笔自行填报的捐赠？', content: '2026年6月1日 捐给春蕾计划的 ¥500 将从明细中删除，无法恢复。', confirmText: '删除' }));
    expect(sent.some((r) => r.method === 'DELETE')).toBe(false);

    fireEvent.click(screen.getByRole('button', { name: '删除春蕾计划这笔' }));
    expect(await screen.findByTestId('statement-gifts-empty')).toBeInTheDocument();
    expect(sent.filter((r) => r.method === 'DELETE')).toHaveLength(1);
  });
});
