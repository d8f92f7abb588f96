import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { SponsorshipPage } from '../domain/api/homes';
import type { LetterDetail, LetterPage } from '../domain/api/letters';
import { apiAs, browserSuite, confirmModal, openAs, screenshotsFor, shown } from './harness';

const SPONSOR = 'acc-sponsor-001';
const NGO_ADMIN = 'acc-staff-sc-admin';
const PHONE = '138 0013 8000';


const suite = browserSuite();

const screenshot = screenshotsFor('letters-');

async function write(page: Page, text: string) {
  const box = shown(page, 'compose-body').locator('textarea');
  await box.waitFor();
  await box.fill(text);
}

/** The letter page shows `status` (reloading once if the page came back from the stack unchanged). */
async function waitForStatus(page: Page, status: string) {
  const view = page.locator(`[data-testid="letter-view"][data-status="${status}"]`).filter({ visible: true });
  try {
    await view.waitFor({ timeout: 5_000 });
  } catch {
    await page.reload();
    await view.waitFor({ timeout: 15_000 });
  }
}

describe('a letter from sponsor to student: held, returned, edited, delivered, read and answered', () => {
  it('goes through every step, each visible to the people it concerns', async () => {
    const sponsorApi = await apiAs(suite.server.baseUrl, SPONSOR);
    const sponsorships = await sponsorApi<SponsorshipPage>('/api/sponsor/sponsorships?limit=50');
    const sponsorship = sponsorships.items.find((s) => s.status === 'active' && s.student.ngoName.includes('凉山'));
    assert.ok(sponsorship, 'the demo sponsor sponsors a student in 凉山');
    const studentAccount = `acc-${sponsorship.student.id}`;
    const studentName = sponsorship.student.displayName;

    // The sponsor writes a letter with a phone number in it.
    const sponsor = await openAs(suite.browser, suite.server.baseUrl, SPONSOR);
    const sp = sponsor.page;
    const card = sp.locator(`[data-testid="sponsorship-card"][data-id="${sponsorship.id}"]`).filter({ visible: true });
    await card.waitFor({ timeout: 30_000 });
    await card.getByTestId('sponsorship-letters').click();
    await shown(sp, 'letter-list').waitFor();
    await shown(sp, 'letters-title').getByText(studentName).waitFor();
    await shown(sp, 'letters-write').click();
    await shown(sp, 'compose-rules').waitFor();
    const firstText = `${studentName}你好！最近学习累不累？我的电话是 ${PHONE}，有事可以找我。`;
    await write(sp, firstText);
    await screenshot(sp, 'compose');
    await shown(sp, 'compose-send').click();

    // Held, and the writer sees why.
    await shown(sp, 'letter-view').waitFor();
    await waitForStatus(sp, 'held');
    const letterId = await shown(sp, 'letter-view').getAttribute('data-id');
    assert.ok(letterId);
    await shown(sp, 'letter-held').waitFor();
    assert.match(await shown(sp, 'finding-phone').first().innerText(), /138/);
    assert.ok((await shown(sp, 'letter-finding').count()) > 0);
    assert.deepEqual(
      await shown(sp, 'letter-event').evaluateAll((els) => els.map((el) => el.getAttribute('data-status'))),
      ['submitted', 'screened', 'held'],
    );
    await screenshot(sp, 'held');

    // The NGO admin returns it with a reason, from the review queue (a desktop browser).
    const admin = await openAs(suite.browser, suite.server.baseUrl, NGO_ADMIN, { width: 1280, height: 900 });
    const ad = admin.page;
    await shown(ad, 'staff-home').waitFor({ timeout: 30_000 });
    await shown(ad, 'review-link').waitFor();
    await shown(ad, 'review-link').click();
    await shown(ad, 'review-queue').waitFor();
    const held = ad.locator(`[data-testid="held-letter"][data-id="${letterId}"]`);
    await held.waitFor();
    assert.match(await held.getByTestId('finding-phone').first().innerText(), /138/);
    assert.match(await held.getByTestId('held-waiting').innerText(), /已等待 \d+ 小时/);
    await screenshot(ad, 'review');
    await held.getByTestId('held-return').click();
    // No reason, no return.
    await held.getByTestId('return-confirm').click();
    await held.getByTestId('held-error').waitFor();
    const reason = '为了保护双方，信里不能留电话号码。请删掉号码后再寄出。';
    await held.getByTestId('return-reason').locator('textarea').fill(reason);
    await held.getByTestId('return-confirm').click();
    await confirmModal(ad, '确认退回');
    await held.waitFor({ state: 'detached' });
    await admin.close();

    // The sponsor sees the reason, edits the letter and sends it again.
    await sp.reload();
    await waitForStatus(sp, 'returned');
    assert.match(await shown(sp, 'letter-return-reason').innerText(), /删掉号码/);
    await screenshot(sp, 'returned');
    await shown(sp, 'letter-edit').click();
    const box = shown(sp, 'compose-body').locator('textarea');
    await box.waitFor();
    assert.equal(await box.inputValue(), firstText);
    const editedText = `${studentName}你好！最近学习累不累？天冷了，记得多穿衣服。`;
    await write(sp, editedText);
    await shown(sp, 'compose-send').click();
    await shown(sp, 'letter-view').waitFor();
    await waitForStatus(sp, 'delivered');
    await screenshot(sp, 'delivered');
    const delivered = await sponsorApi<LetterDetail>(`/api/letters/${letterId}`);
    assert.equal(delivered.status, 'delivered');
    assert.equal(delivered.body, editedText);

    // The student opens it (read) and replies.
    const student = await openAs(suite.browser, suite.server.baseUrl, studentAccount);
    const st = student.page;
    await shown(st, 'student-home').waitFor({ timeout: 30_000 });
    await shown(st, 'student-letters-open').waitFor();
    await shown(st, 'student-letters-open').click();
    const row = st.locator(`[data-testid="letter-row"][data-id="${letterId}"]`).filter({ visible: true });
    await row.waitFor();
    assert.equal(await row.getAttribute('data-unread'), 'true');
    await screenshot(st, 'student-list');
    await row.click();
    await waitForStatus(st, 'read');
    assert.match(await shown(st, 'letter-body').innerText(), /多穿衣服/);
    assert.doesNotMatch(await shown(st, 'letter-body').innerText(), /138/);
    await shown(st, 'letter-reply').click();
    await shown(st, 'compose-student-note').waitFor();
    const replyText = '谢谢您的关心！我最近期中考试考得还不错，会照顾好自己的。';
    await write(st, replyText);
    await shown(st, 'compose-send').click();
    await st.locator('[data-testid="letter-view"][data-status="delivered"]').filter({ visible: true }).waitFor({ timeout: 15_000 });
    const replyId = await shown(st, 'letter-view').getAttribute('data-id');
    assert.ok(replyId && replyId !== letterId);
    await screenshot(st, 'reply');
    await student.close();

    // The sponsor sees the reply, new and highlighted, and their letter marked replied.
    await sp.goto(`${suite.server.baseUrl}/packages/sponsor/pages/letters/index?sponsorshipId=${sponsorship.id}`);
    const reply = sp.locator(`[data-testid="letter-row"][data-id="${replyId}"]`).filter({ visible: true });
    await reply.waitFor({ timeout: 30_000 });
    assert.equal(await reply.getAttribute('data-unread'), 'true');
    assert.match(await reply.getByTestId('letter-preview').innerText(), /谢谢您的关心/);
    const original = sp.locator(`[data-testid="letter-row"][data-id="${letterId}"]`).filter({ visible: true });
    assert.equal(await original.getAttribute('data-status'), 'replied');
    await screenshot(sp, 'sponsor-sees-reply');
    await reply.click();
    await waitForStatus(sp, 'read');
    assert.match(await shown(sp, 'letter-body').innerText(), /期中考试/);

    const letters = await sponsorApi<LetterPage>(`/api/letters?sponsorshipId=${sponsorship.id}&limit=5`);
    assert.equal(letters.items.find((l) => l.id === replyId)?.status, 'read');
    await sponsor.close();
  });
});
