/**
 * Paying in the app against local stand-ins for WeChat Pay and Alipay (real HTTP, real signatures):
 * the NGOs' merchants are set up through the admin API, a sponsor pays a period on h5 by QR code,
 * sees "confirming" until the platform's signed notice reaches the server, then "paid"; the yearly
 * statement downloads with that payment on it; the NGO admin refunds part of it in English and the
 * sponsor's ledger shows the refund. Then the other way round: Alipay in English, the refund in Chinese,
 * so every confirmation on the way is clicked in both languages.
 */
import fs from 'node:fs';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { SponsorshipPage } from '../domain/api/homes';
import type { Ledger } from '../domain/api/sponsorship';
import { startFakeAlipay, type FakeAlipay } from '../server/test/fake-alipay';
import { startFakeWechatPay, type FakeWechatPay } from '../server/test/fake-wechat-pay';
import { fakePlatformEnv } from '../server/test/fake-payment-env';
import { configureDemoMerchants } from '../scripts/pay-demo/merchants';
import { apiAs, browserSuite, confirmModal, fill, openAs, screenshotsFor, shown } from './harness';

const SPONSOR = 'acc-sponsor-001';
const NGO_ADMIN = 'acc-staff-sc-admin';

let wechat: FakeWechatPay;
let alipay: FakeAlipay;
const suite = browserSuite(
  async ({ server }) => configureDemoMerchants(server.baseUrl, wechat, alipay),
  {
    async start(serverBaseUrl) {
      wechat = await startFakeWechatPay({ keyMode: 'public_key' });
      alipay = await startFakeAlipay();
      return fakePlatformEnv(wechat, alipay, serverBaseUrl);
    },
    async stop() {
      await Promise.all([wechat?.close(), alipay?.close()]);
    },
  },
);
const screenshot = screenshotsFor('payments-');

async function chooseLocale(page: Page, locale: 'zh-CN' | 'en-US') {
  const stored = JSON.stringify({ data: JSON.stringify({ state: { locale }, version: 1 }) });
  await page.evaluate((value) => window.localStorage.setItem('banxue.locale', value), stored);
}

describe('paying for a sponsorship in the app', () => {
  let sponsorshipId = '';
  let paidFen = 0;
  let transactionId = '';

  it('a sponsor pays a period by QR code: confirming until the platform tells the server, then paid', async () => {
    const sponsorApi = await apiAs(suite.server.baseUrl, SPONSOR);
    const sponsorships = await sponsorApi<SponsorshipPage>('/api/sponsor/sponsorships?limit=50');
    const sponsorship = sponsorships.items.find((s) => s.status === 'active' && s.student.ngoName.includes('凉山'));
    assert.ok(sponsorship, 'the demo sponsor sponsors a student with the 凉山 partner');
    sponsorshipId = sponsorship.id;
    const before = await sponsorApi<Ledger>(`/api/sponsor/sponsorships/${sponsorshipId}/ledger`);
    assert.deepEqual(before.onlinePayment?.platforms.sort(), ['alipay', 'wechat']);

    const { page, close } = await openAs(suite.browser, suite.server.baseUrl, SPONSOR);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${suite.server.baseUrl}/packages/sponsor/pages/ledger/index?id=${sponsorshipId}`);
    await shown(page, 'ledger-pay').click();
    await shown(page, 'pay-form').waitFor();
    await shown(page, 'pay-platform-wechat').click();
    await screenshot(page, 'form');
    await shown(page, 'pay-confirm').click();
    await confirmModal(page, '支付');

    await shown(page, 'pay-qr').waitFor();
    const status = shown(page, 'pay-status');
    assert.match(await status.innerText(), /正在确认/);
    await screenshot(page, 'confirming');
    // Still confirming a few polls later: the client is never trusted, only the platform's word.
    await page.waitForTimeout(2_500);
    assert.equal(await shown(page, 'pay-paid').count(), 0);

    const order = wechat.orders().find((o) => o.channel === 'qr' && o.state === 'NOTPAY');
    assert.ok(order, 'the fake WeChat Pay holds the QR order');
    await wechat.pay(order.outTradeNo);
    await shown(page, 'pay-paid').waitFor({ timeout: 30_000 });
    await screenshot(page, 'paid');

    const after = await sponsorApi<Ledger>(`/api/sponsor/sponsorships/${sponsorshipId}/ledger`);
    paidFen = order.amountFen;
    transactionId = wechat.orders().find((o) => o.outTradeNo === order.outTradeNo)!.transactionId!;
    assert.equal(after.totals.paidFen, before.totals.paidFen + paidFen);

    await shown(page, 'pay-back-to-ledger').click();
    await page.locator('[data-testid="ledger-order"][data-status="paid"]').filter({ visible: true }).first().waitFor();
    assert.deepEqual(errors, []);
    await close();
  });

  it('the yearly statement downloads as PDF and CSV with that payment and the words that it is not a receipt', async () => {
    assert.ok(transactionId, 'the payment test ran first');
    const { page, close } = await openAs(suite.browser, suite.server.baseUrl, SPONSOR);
    await page.goto(`${suite.server.baseUrl}/packages/sponsor/pages/statement/index`);
    await shown(page, 'statement-download-csv').waitFor({ timeout: 30_000 });
    await screenshot(page, 'statement');

    const [csv] = await Promise.all([page.waitForEvent('download'), shown(page, 'statement-download-csv').click()]);
    assert.match(csv.suggestedFilename(), /^(伴学年度资助明细|banxue-statement)-\d{4}\.csv$/);
    const text = fs.readFileSync((await csv.path())!, 'utf8');
    assert.match(text, /捐赠票据/);
    assert.ok(text.includes(transactionId), 'the CSV names the platform transaction id');
    assert.ok(text.includes((paidFen / 100).toFixed(2)), 'the CSV shows the amount paid');

    const [pdf] = await Promise.all([page.waitForEvent('download'), shown(page, 'statement-download-pdf').click()]);
    assert.match(pdf.suggestedFilename(), /^(伴学年度资助明细|banxue-statement)-\d{4}\.pdf$/);
    assert.equal(fs.readFileSync((await pdf.path())!).subarray(0, 5).toString('latin1'), '%PDF-');
    await close();
  });

  it('the NGO admin refunds part of it (in English), confirmed in a dialog, and the sponsor’s ledger shows the refund', async () => {
    assert.ok(paidFen > 1_000, 'the payment test ran first');
    const { page, close } = await openAs(suite.browser, suite.server.baseUrl, NGO_ADMIN, { width: 1280, height: 900 });
    await chooseLocale(page, 'en-US');
    await page.goto(`${suite.server.baseUrl}/packages/staff/pages/payments/index`);
    const order = shown(page, 'payment-order').first();
    await order.waitFor({ timeout: 30_000 });
    await order.getByTestId('payment-order-refund-open').click();
    await fill(page, 'refund-amount', '10');
    await fill(page, 'refund-reason', 'Paid twice by mistake');
    await screenshot(page, 'refund-form');
    await shown(page, 'refund-submit').click();
    await confirmModal(page, 'Refund');
    await shown(page, 'payment-order-refund').first().waitFor({ timeout: 30_000 });
    await screenshot(page, 'refunded');
    await close();

    const sponsorApi = await apiAs(suite.server.baseUrl, SPONSOR);
    const ledger = await sponsorApi<Ledger>(`/api/sponsor/sponsorships/${sponsorshipId}/ledger`);
    assert.ok(ledger.payments.some((p) => p.amountFen === -1_000), 'the refund is listed in the sponsor’s ledger');
  });

  it('in the other language each way: the sponsor pays by Alipay in English, the admin refunds in Chinese', async () => {
    assert.ok(sponsorshipId, 'the first payment test ran first');
    const { page, close } = await openAs(suite.browser, suite.server.baseUrl, SPONSOR);
    await chooseLocale(page, 'en-US');
    await page.goto(`${suite.server.baseUrl}/packages/sponsor/pages/ledger/index?id=${sponsorshipId}`);
    await shown(page, 'ledger-pay').click();
    await shown(page, 'pay-platform-alipay').click();
    await shown(page, 'pay-confirm').click();
    await confirmModal(page, 'Pay');
    await shown(page, 'pay-qr').waitFor();
    assert.match(await shown(page, 'pay-status').innerText(), /Confirming/);
    // The ¥10 refunded above left the next period ¥10 short: this order tops it up.
    const trade = alipay.orders().find((o) => o.status === 'WAIT_BUYER_PAY');
    assert.ok(trade, 'the fake Alipay holds the QR order');
    assert.equal(trade.amountFen, 1_000);
    await alipay.pay(trade.outTradeNo);
    await shown(page, 'pay-paid').waitFor({ timeout: 30_000 });
    await screenshot(page, 'paid-alipay-en');
    await close();

    const admin = await openAs(suite.browser, suite.server.baseUrl, NGO_ADMIN, { width: 1280, height: 900 });
    await admin.page.goto(`${suite.server.baseUrl}/packages/staff/pages/payments/index`);
    const order = shown(admin.page, 'payment-order').first();
    await order.waitFor({ timeout: 30_000 });
    assert.match(await order.innerText(), /支付宝/);
    await order.getByTestId('payment-order-refund-open').click();
    await fill(admin.page, 'refund-amount', '5');
    await fill(admin.page, 'refund-reason', '多付了一期');
    await shown(admin.page, 'refund-submit').click();
    await confirmModal(admin.page, '确认退款');
    await order.getByTestId('payment-order-refund').first().waitFor({ timeout: 30_000 });
    await admin.close();

    const sponsorApi = await apiAs(suite.server.baseUrl, SPONSOR);
    const ledger = await sponsorApi<Ledger>(`/api/sponsor/sponsorships/${sponsorshipId}/ledger`);
    assert.ok(ledger.payments.some((p) => p.amountFen === -500), 'the Alipay refund is listed in the sponsor’s ledger');
  });
});
