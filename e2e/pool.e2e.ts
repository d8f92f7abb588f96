import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import type { PaymentDetailsView } from '../domain/api/ngo';
import type { PoolFilters, PoolPage } from '../domain/api/pool';
import { apiAs, browserSuite, confirmModal, fill, openAs, screenshotsFor, shown } from './harness';

/** Demo sponsors who have not sponsored anyone yet. */
const FIRST_SPONSOR = 'acc-sponsor-041';
const SECOND_SPONSOR = 'acc-sponsor-042';
const NGO_ADMIN = 'acc-staff-sc-admin';
const ACKNOWLEDGEMENTS = ['commitment', 'expectations', 'safeguarding', 'disbursement'];


const suite = browserSuite();

const screenshot = screenshotsFor('');

describe('finding a student and pledging after the review step', () => {
  it('a sponsor filters the pool, opens a student, confirms every point and sees the student at home; a second sponsor is told the student is taken', async () => {
    // What the pool holds, to know what the pages should show.
    const api = await apiAs(suite.server.baseUrl, FIRST_SPONSOR);
    const filters = await api<PoolFilters>('/api/pool/filters');
    const region = filters.regions.find((r) => r.cities.length > 0);
    assert.ok(region, 'some waiting student has a region');
    const province = region.province;
    const inProvince = await api<PoolPage>(`/api/pool?province=${encodeURIComponent(province)}&limit=10`);
    const target = inProvince.items[0];
    assert.ok(target, `a student is waiting in ${province}`);
    // The need bands offered in that province come from the students waiting there; the lowest that still shows the target.
    const { needBands } = await api<PoolFilters>(`/api/pool/filters?province=${encodeURIComponent(province)}`);
    const band = needBands.find((b) => b.maxYearlyNeedFen >= target.yearlyNeedFen);

    // The sponsor has no student yet: the home leads to the pool.
    const first = await openAs(suite.browser, suite.server.baseUrl, FIRST_SPONSOR);
    const sp = first.page;
    await shown(sp, 'sponsor-empty').waitFor({ timeout: 30_000 });
    await shown(sp, 'pool-entry-open').click();

    // The pool, filtered by province.
    await shown(sp, 'pool-screen').waitFor();
    await shown(sp, 'pool-card').first().waitFor();
    await shown(sp, 'pool-filter-toggle').click();
    await shown(sp, `pool-province-${province}`).click();
    await shown(sp, 'pool-filter-summary').getByText(province).waitFor();
    if (band) {
      // A band is offered only while it shows someone: choosing it never empties the list.
      await shown(sp, `pool-need-${band.maxYearlyNeedFen}`).click();
      await shown(sp, 'pool-filter-summary').getByText(/每年不超过 ¥/).waitFor();
      await sp.locator('[data-testid="pool-need-all"][aria-checked="false"]').filter({ visible: true }).waitFor();
    }
    await shown(sp, 'pool-filter-done').click();
    const card = sp.locator(`[data-testid="pool-card"][data-id="${target.id}"]`).filter({ visible: true });
    await card.waitFor();
    await sp.waitForTimeout(300);
    const facts = await shown(sp, 'pool-card-facts').allInnerTexts();
    assert.ok(facts.length > 0 && facts.every((text) => text.includes(province)), `every card is in ${province}: ${facts.join(' | ')}`);
    if (band) {
      const needs = await shown(sp, 'pool-card-need').evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-fen'))));
      assert.ok(needs.length > 0 && needs.every((fen) => fen <= band.maxYearlyNeedFen), `every need within ¥${band.maxYearlyNeedFen / 100}: ${needs.join(', ')}`);
    }
    const cardText = await card.innerText();
    assert.match(cardText, new RegExp(target.displayName));
    assert.match(cardText, /每年需要 ¥/);
    assert.match(cardText, /距毕业约 \d+ 年/);
    await screenshot(sp, 'pool');

    // The student's page: their card in full, the NGO's record, and the way to sponsor them.
    await card.click();
    await shown(sp, 'pool-student-card').waitFor();
    await shown(sp, 'credibility-panel').waitFor();
    await shown(sp, 'pledge-cadence-quarterly').click();
    await shown(sp, 'sponsor-action-preview').getByText(/每季度/).waitFor();
    await shown(sp, 'sponsor-this-student').click();

    // The review step: the confirm button works only once every point is confirmed.
    await shown(sp, 'pledge-review').waitFor();
    await shown(sp, 'pledge-countdown').getByText(/还剩 1[45]:\d\d/).waitFor();
    assert.match(await shown(sp, 'pledge-amount').innerText(), /每季度 ¥/);
    const confirm = shown(sp, 'pledge-confirm');
    assert.equal(await confirm.getAttribute('aria-disabled'), 'true');
    for (const [index, point] of ACKNOWLEDGEMENTS.entries()) {
      await shown(sp, `pledge-ack-${point}`).click();
      await sp.locator(`[data-testid="pledge-ack-${point}"][aria-checked="true"]`).filter({ visible: true }).waitFor();
      if (index < ACKNOWLEDGEMENTS.length - 1) assert.equal(await confirm.getAttribute('aria-disabled'), 'true');
    }
    assert.equal(await confirm.getAttribute('aria-disabled'), null);
    // The top of the review: the countdown and the whole commitment.
    await shown(sp, 'pledge-title').scrollIntoViewIfNeeded();
    await screenshot(sp, 'pledge-review');
    await confirm.scrollIntoViewIfNeeded();
    await confirm.click();

    // Thanks, then the home with the new student on it.
    await shown(sp, 'pledge-success').waitFor();
    // How to pay the NGO: its demo account, the memo reference and whom to ask.
    await shown(sp, 'pay-to-account-number').waitFor();
    assert.match(await shown(sp, 'pay-to-account-number').innerText(), /\d{4} \d{4}/);
    assert.match(await shown(sp, 'pay-to-reference').innerText(), /BX-[0-9A-Z]{7}/);
    assert.match(await shown(sp, 'pay-to-contact').innerText(), /\d{3,4}-\d{7}/);
    await screenshot(sp, 'pledge-success');
    await shown(sp, 'pledge-go-home').click();
    const sponsored = sp.locator('[data-testid="sponsorship-card"]').filter({ visible: true }).filter({ hasText: target.displayName });
    await sponsored.waitFor({ timeout: 15_000 });
    assert.match(await sponsored.getByTestId('sponsorship-status').innerText(), /资助中/);
    await screenshot(sp, 'pledge-home');

    // A second sponsor opening the same student (a stale link) is told kindly and offered others.
    const second = await openAs(suite.browser, suite.server.baseUrl, SECOND_SPONSOR);
    const other = second.page;
    await shown(other, 'sponsor-empty').waitFor({ timeout: 30_000 });
    await other.goto(`${suite.server.baseUrl}/packages/sponsor/pages/student/index?id=${encodeURIComponent(target.id)}`);
    await shown(other, 'pool-taken-message').waitFor({ timeout: 30_000 });
    assert.match(await shown(other, 'pool-taken-message').innerText(), /已经有人在资助这位学生了/);
    const similar = shown(other, 'pool-similar-card');
    await similar.first().waitFor();
    const similarIds = await similar.evaluateAll((els) => els.map((el) => el.getAttribute('data-id')));
    assert.equal(similarIds.length, 3);
    assert.ok(!similarIds.includes(target.id));
    assert.equal(await shown(other, 'sponsor-this-student').count(), 0);

    // An alternative opens as a student still waiting.
    await similar.first().click();
    await shown(other, 'sponsor-this-student').waitFor();
    await screenshot(other, 'pool-taken');

    await second.close();
    await first.close();
  });
});

describe('how sponsors pay the NGO', () => {
  it('the NGO admin corrects the payment contact, checked as typed and confirmed before saving', async () => {
    const admin = await openAs(suite.browser, suite.server.baseUrl, NGO_ADMIN, { width: 1280, height: 900 });
    const ap = admin.page;
    await shown(ap, 'payment-details-link').click();
    await shown(ap, 'payment-details').waitFor({ timeout: 30_000 });
    assert.match(await shown(ap, 'payment-details-bankAccountNumber').locator('input').inputValue(), /^\d{8,32}$/);

    await fill(ap, 'payment-details-contactPhone', '12345');
    await shown(ap, 'payment-details-save').click();
    await ap.locator('[data-testid="field-error"][data-field="contactPhone"]').filter({ visible: true }).waitFor();

    await fill(ap, 'payment-details-contactPhone', '0834-3219999');
    await shown(ap, 'payment-details-save').click();
    await confirmModal(ap, '保存');
    await shown(ap, 'payment-details-updated').getByText(/最近修改/).waitFor();
    await screenshot(ap, 'payment-details');

    const api = await apiAs(suite.server.baseUrl, NGO_ADMIN);
    const saved = await api<PaymentDetailsView>('/api/staff/ngo/payment-details');
    assert.equal(saved.contactPhone, '0834-3219999');
    await admin.close();
  });
});
