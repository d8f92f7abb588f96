import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import type { SponsorshipPage } from '../domain/api/homes';
import type { LetterDetail, LetterPage } from '../domain/api/letters';
import { apiAs, browserSuite, confirmModal, demoSessionStorage, openAs, screenshotsFor, shown } from './harness';

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
    // Held moments ago: "under an hour", never "0 hours".
    assert.equal((await held.getByTestId('held-waiting').innerText()).trim(), '已等待不到 1 小时');
    await screenshot(ad, 'review');
    await held.getByTestId('held-return').click();
    // No reason, no return.
    await held.getByTestId('return-confirm').click();
    await held.getByTestId('held-error').waitFor();
    const reason = '为了保护双方，信里不能留电话号码。请删掉号码后再寄出。';
    await held.getByTestId('return-reason').locator('textarea').fill(reason);
    await held.getByTestId('return-confirm').click();
    await confirmModal(ad, '退回');
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

/** Sends a letter as `accountId` through the API, as the compose screen would. */
async function sendLetter(baseUrl: string, accountId: string, body: { sponsorshipId: string; body: string }): Promise<LetterDetail> {
  const { data } = JSON.parse(await demoSessionStorage(baseUrl, accountId));
  const { token } = JSON.parse(data).state;
  const response = await fetch(`${baseUrl}/api/letters`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': randomUUID() },
    body: JSON.stringify(body),
  });
  assert.equal(response.status, 201, await response.clone().text());
  return (await response.json()) as LetterDetail;
}

/** Chooses the app's language before the app reads it, as the language switch stores it. */
async function chooseLocale(page: Page, locale: 'zh-CN' | 'en-US') {
  const stored = JSON.stringify({ data: JSON.stringify({ state: { locale }, version: 1 }) });
  await page.evaluate((value) => window.localStorage.setItem('banxue.locale', value), stored);
}

/** What the page logs about a dialog or toast the platform refused: the test checks there is none. */
function refusedDialogs(page: Page): string[] {
  const errors: string[] = [];
  const note = (text: string) => {
    if (/showModal|showToast|confirmText|cancelText/.test(text)) errors.push(text);
  };
  page.on('console', (message) => message.type() === 'error' && note(message.text()));
  page.on('pageerror', (error) => note(error.message));
  return errors;
}

describe('held letters decided through the confirmation dialog, in both languages', () => {
  let sponsorshipId: string;
  let studentAccount: string;
  let caseworkerAccount: string;

  /** A letter from the sponsor with a phone number in it: held for the caseworker. */
  async function heldLetter(text: string): Promise<string> {
    const { server } = suite;
    if (!sponsorshipId) {
      const sponsorships = await (await apiAs(server.baseUrl, SPONSOR))<SponsorshipPage>('/api/sponsor/sponsorships?limit=50');
      const sponsorship = sponsorships.items.find((s) => s.status === 'active');
      assert.ok(sponsorship, 'the demo sponsor has an active sponsorship');
      sponsorshipId = sponsorship.id;
      studentAccount = `acc-${sponsorship.student.id}`;
      const db = new Database(server.dbPath, { readonly: true, fileMustExist: true });
      try {
        const row = db
          .prepare('SELECT st.account_id AS account FROM students s JOIN staff st ON st.id = s.caseworker_id WHERE s.id = ?')
          .get(sponsorship.student.id) as { account: string } | undefined;
        assert.ok(row, 'the student has a caseworker');
        caseworkerAccount = row.account;
      } finally {
        db.close();
      }
    }
    const letter = await sendLetter(server.baseUrl, SPONSOR, { sponsorshipId, body: text });
    assert.equal(letter.status, 'held');
    return letter.id;
  }

  /** The caseworker's review queue in `locale`, with the held letter `letterId` on it. */
  async function openQueue(locale: 'zh-CN' | 'en-US', letterId: string) {
    const caseworker = await openAs(suite.browser, suite.server.baseUrl, caseworkerAccount, { width: 1280, height: 900 });
    const page = caseworker.page;
    const errors = refusedDialogs(page);
    await chooseLocale(page, locale);
    await page.goto(`${suite.server.baseUrl}/packages/staff/pages/review/index`);
    const held = page.locator(`[data-testid="held-letter"][data-id="${letterId}"]`).filter({ visible: true });
    await held.waitFor({ timeout: 30_000 });
    return { ...caseworker, errors, held };
  }

  for (const [locale, confirm] of [
    ['zh-CN', '删后通过'],
    ['en-US', 'Approve'],
  ] as const) {
    it(`a caseworker approves a letter with the flagged passages removed (${locale})`, async () => {
      const letterId = await heldLetter(`你好！放假了吗？我的电话是 ${PHONE}，有空聊聊。祝你考试顺利。`);
      const { page, close, errors, held } = await openQueue(locale, letterId);
      await held.getByTestId('held-redact').click();
      assert.match(await held.getByTestId('redaction-preview').innerText(), /■/);
      await held.getByTestId('redact-confirm').click();
      await confirmModal(page, confirm);
      await held.waitFor({ state: 'detached' });
      await screenshot(page, `redacted-${locale}`);
      assert.deepEqual(errors, []);
      await close();

      const delivered = await (await apiAs(suite.server.baseUrl, studentAccount))<LetterDetail>(`/api/letters/${letterId}`);
      assert.equal(delivered.status, 'delivered');
      assert.doesNotMatch(delivered.body, /138/);
      assert.match(delivered.body, /■■■/);
      assert.match(delivered.body, /祝你考试顺利/);
    });
  }

  it('a caseworker returns a letter in English', async () => {
    const letterId = await heldLetter(`你好！我的微信号是 abc12345，加我吧。电话 ${PHONE}。`);
    const { page, close, errors, held } = await openQueue('en-US', letterId);
    await held.getByTestId('held-return').click();
    await held.getByTestId('return-reason').locator('textarea').fill('Please remove the phone number and the WeChat ID, then send it again.');
    await held.getByTestId('return-confirm').click();
    await confirmModal(page, 'Return');
    await held.waitFor({ state: 'detached' });
    assert.deepEqual(errors, []);
    await close();

    const returned = await (await apiAs(suite.server.baseUrl, SPONSOR))<LetterDetail>(`/api/letters/${letterId}`);
    assert.equal(returned.status, 'returned');
  });
});

describe('signing out with a letter still being written, in English', () => {
  it('asks first, says the draft goes, and then signs out and deletes it', async () => {
    const { server, browser } = suite;
    const { page, close } = await openAs(browser, server.baseUrl, SPONSOR);
    const errors = refusedDialogs(page);
    const sponsorships = await (await apiAs(server.baseUrl, SPONSOR))<SponsorshipPage>('/api/sponsor/sponsorships?limit=50');
    const sponsorship = sponsorships.items.find((s) => s.status === 'active');
    assert.ok(sponsorship);
    await chooseLocale(page, 'en-US');
    await page.goto(`${server.baseUrl}/packages/sponsor/pages/compose/index?sponsorshipId=${sponsorship.id}`);
    await write(page, 'Dear friend, I am still writing this letter.');
    await page.waitForFunction(() => (window.localStorage.getItem('banxue.letterDrafts') ?? '').includes('still writing'));

    await page.goto(`${server.baseUrl}/pages/settings/index`);
    await shown(page, 'logout').click();
    const content = page.locator('.taro-modal__content').filter({ visible: true });
    await content.waitFor();
    assert.match(await content.innerText(), /draft/i);
    await screenshot(page, 'logout-draft-en');
    await confirmModal(page, 'Sign out');
    await page.getByTestId('login-submit').waitFor();
    assert.equal(await page.evaluate(() => window.localStorage.getItem('banxue.session')), null);
    assert.doesNotMatch((await page.evaluate(() => window.localStorage.getItem('banxue.letterDrafts'))) ?? '', /still writing/);
    assert.deepEqual(errors, []);
    await close();
  });
});
