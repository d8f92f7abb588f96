import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import type { SponsorshipPage } from '../domain/api/homes';
import type { Ledger, TimelinePage } from '../domain/api/sponsorship';
import { apiAs, browserSuite, confirmModal, fill, openAs, screenshotsFor, shown } from './harness';

const SPONSOR = 'acc-sponsor-001';
const NGO_ADMIN = 'acc-staff-sc-admin';
/** ¥1,234.56, an amount no seeded entry has. */
const AMOUNT_YUAN = '1234.56';
const AMOUNT_FEN = 123456;
const DESCRIPTION = '2026 秋季学期住宿费（浏览器测试）';


const suite = browserSuite();

const screenshot = screenshotsFor('');

const fenOf = async (page: Page, testId: string) => Number(await shown(page, testId).first().getAttribute('data-fen'));

describe('following a sponsorship: timeline, ledger, a disbursement recorded by the NGO, the sponsor told', () => {
  it('shows the sponsor what happened and where the money went, including what the NGO just recorded', async () => {
    const sponsorApi = await apiAs(suite.server.baseUrl, SPONSOR);
    const sponsorships = await sponsorApi<SponsorshipPage>('/api/sponsor/sponsorships?limit=50');
    const sponsorship = sponsorships.items.find((s) => s.status === 'active' && s.student.ngoName.includes('凉山'));
    assert.ok(sponsorship, 'the demo sponsor sponsors a student with the 凉山 partner');
    const timeline = await sponsorApi<TimelinePage>(`/api/sponsor/sponsorships/${sponsorship.id}/timeline?limit=20`);
    assert.ok(timeline.items.length > 0, 'the seeded sponsorship has a timeline');
    const before = await sponsorApi<Ledger>(`/api/sponsor/sponsorships/${sponsorship.id}/ledger`);

    // The sponsor opens the sponsorship from its card on the home page.
    const sponsor = await openAs(suite.browser, suite.server.baseUrl, SPONSOR);
    const sp = sponsor.page;
    const card = sp.locator(`[data-testid="sponsorship-card"][data-id="${sponsorship.id}"]`).filter({ visible: true });
    await card.waitFor({ timeout: 30_000 });
    await card.getByTestId('sponsorship-open').click();
    await shown(sp, 'sponsorship-screen').waitFor();
    await shown(sp, 'sponsorship-name').getByText(sponsorship.student.displayName).waitFor();
    await shown(sp, 'timeline').waitFor();
    const kinds = await shown(sp, 'timeline-item').evaluateAll((els) => els.map((el) => el.getAttribute('data-kind')));
    // Every item the server sent is one the sponsor may see, in the server's order.
    assert.deepEqual(kinds, timeline.items.map((item) => item.kind));
    await screenshot(sp, 'timeline');

    // The ledger tab: totals as the server computed them.
    await shown(sp, 'sponsorship-tab-ledger').click();
    await shown(sp, 'ledger-totals').waitFor();
    assert.equal(await fenOf(sp, 'ledger-total-pledged'), before.totals.pledgedFen);
    assert.equal(await fenOf(sp, 'ledger-total-paid'), before.totals.paidFen);
    assert.equal(await fenOf(sp, 'ledger-total-disbursed'), before.totals.disbursedFen);
    await shown(sp, 'ledger-payment-instructions').waitFor();

    // The NGO admin, at a desktop browser, records a disbursement with a receipt photo.
    const admin = await openAs(suite.browser, suite.server.baseUrl, NGO_ADMIN, { width: 1280, height: 900 });
    const ap = admin.page;
    await shown(ap, 'staff-sponsorships-link').click();
    await shown(ap, 'staff-sponsorships').waitFor();
    const row = ap.locator(`[data-testid="staff-sponsorship-row"][data-id="${sponsorship.id}"]`).filter({ visible: true });
    for (let i = 0; i < 10 && (await row.count()) === 0; i += 1) {
      const more = shown(ap, 'load-more');
      await more.first().waitFor({ timeout: 15_000 });
      await more.first().click();
      await ap.waitForTimeout(500);
    }
    await row.waitFor();
    const disbursedBefore = Number(await row.getByTestId('staff-row-disbursed').getAttribute('data-fen'));
    await row.getByTestId('staff-record-disbursement').click();
    await fill(ap, 'disbursement-amount', AMOUNT_YUAN);
    await row.getByTestId('disbursement-category-boarding').click();
    await fill(ap, 'disbursement-payee', '凉山州民族中学');
    await row.getByTestId('disbursement-payee-kind-school').click();
    await fill(ap, 'disbursement-description', DESCRIPTION);

    const receipt = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'banxue-receipt-')), 'receipt.jpg');
    await sharp({ create: { width: 480, height: 320, channels: 3, background: { r: 240, g: 236, b: 228 } } }).jpeg().toFile(receipt);
    const chooser = ap.waitForEvent('filechooser');
    await row.getByTestId('disbursement-receipt-add').click();
    await (await chooser).setFiles(receipt);
    await ap.locator('[data-testid="disbursement-receipt"]:not([data-upload-id=""])').filter({ visible: true }).waitFor({ timeout: 15_000 });

    await row.getByTestId('disbursement-submit').click();
    await confirmModal(ap, '确认保存');
    await ap
      .locator(`[data-testid="staff-sponsorship-row"][data-id="${sponsorship.id}"] [data-testid="staff-row-disbursed"][data-fen="${disbursedBefore + AMOUNT_FEN}"]`)
      .filter({ visible: true })
      .waitFor({ timeout: 15_000 });
    await screenshot(ap, 'staff-sponsorships');
    await admin.close();

    // The sponsor is told: the badge on the home page opens the inbox, the newest notice is the disbursement.
    await sp.goto(suite.server.baseUrl);
    await shown(sp, 'notifications-unread').click();
    await shown(sp, 'inbox').waitFor();
    const first = shown(sp, 'inbox-item').first();
    await first.waitFor();
    assert.equal(await first.getAttribute('data-kind'), 'disbursement_recorded');
    assert.equal(await first.getAttribute('data-read'), 'false');
    assert.match((await first.textContent()) ?? '', /¥1,234\.56/);
    await screenshot(sp, 'inbox');

    // Opening it marks it read and shows the ledger, with the new disbursement and its receipt.
    await first.click();
    await shown(sp, 'ledger-screen').waitFor();
    const entry = sp.locator(`[data-testid="ledger-disbursement"][data-fen="${AMOUNT_FEN}"]`).filter({ visible: true });
    await entry.waitFor();
    assert.match((await entry.textContent()) ?? '', /住宿费/);
    assert.match((await entry.textContent()) ?? '', /学校/);
    assert.doesNotMatch((await entry.textContent()) ?? '', /民族中学/, 'the sponsor never sees the school name');
    await entry.getByTestId('ledger-receipt').waitFor();
    assert.equal(await fenOf(sp, 'ledger-total-disbursed'), before.totals.disbursedFen + AMOUNT_FEN);
    await screenshot(sp, 'ledger');
    // The receipt opens full screen in Taro's image viewer (Swiper, from the chunk the pages share); a tap closes it.
    await entry.getByTestId('ledger-receipt').click();
    const viewer = sp.locator('.preview-image');
    await viewer.locator('img').first().waitFor({ timeout: 15_000 });
    await viewer.click();
    await viewer.waitFor({ state: 'detached' });

    const after = await sponsorApi<{ items: Array<{ kind: string; readAt: string | null }> }>('/api/notifications?limit=1');
    assert.equal(after.items[0].kind, 'disbursement_recorded');
    assert.ok(after.items[0].readAt, 'opening the notice marked it read');
    await sponsor.close();
  });
});
