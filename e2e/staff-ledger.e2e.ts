/**
 * An NGO admin records a sponsor's payment: the date comes from the date picker (today by default),
 * the amount is confirmed in a dialog, the form closes and the row shows the new total, with nothing
 * logged as an error on the way.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { browserSuite, confirmModal, fill, openAs, screenshotsFor, shown } from './harness';

const NGO_ADMIN = 'acc-staff-sc-admin';

const suite = browserSuite();
const screenshot = screenshotsFor('staff-ledger-');

describe('recording a payment', () => {
  it('confirms the amount, closes the form, updates the row and logs no error', async () => {
    const { page, close } = await openAs(suite.browser, suite.server.baseUrl, NGO_ADMIN);
    const errors: string[] = [];
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${suite.server.baseUrl}/packages/staff/pages/sponsorships/index`);
    const row = shown(page, 'staff-sponsorship-row').first();
    await row.waitFor({ timeout: 30_000 });
    const paidBefore = Number(await row.getByTestId('staff-row-paid').getAttribute('data-fen'));

    await row.getByTestId('staff-record-payment').click();
    const form = row.getByTestId('payment-form');
    await form.waitFor();
    // The date is a picker showing today, not a box to type into.
    assert.equal(await form.locator('[data-testid="payment-date"] input:not([type="hidden"])').count(), 0);
    const date = form.getByRole('button', { name: /收款日期/ });
    const today = await date.innerText();
    assert.match(today, /\d{4}/);
    // The picker opens with its columns, and choosing keeps the date shown.
    await date.click();
    const choose = page.locator('.weui-picker__action', { hasText: '确定' }).filter({ visible: true });
    await choose.waitFor();
    await screenshot(page, 'date-picker');
    await choose.click();
    await choose.waitFor({ state: 'hidden' });
    assert.equal(await date.innerText(), today);
    await fill(page, 'payment-amount', '300');
    await screenshot(page, 'payment-form');
    await row.getByTestId('payment-submit').click();
    await confirmModal(page, '确认保存');
    await form.waitFor({ state: 'detached' });
    await row.locator(`[data-testid="staff-row-paid"][data-fen="${paidBefore + 30_000}"]`).waitFor();
    await page.waitForTimeout(1_000);
    assert.deepEqual(errors, []);
    await close();
  });
});
