import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';

import type { NgoOverview } from '../domain/api/homes';
import type { PoolStudentResponse } from '../domain/api/pool';
import type { StaffStudentDetail } from '../domain/api/students';
import { apiAs, browserSuite, confirmModal, fill, openAs, screenshotsFor, shown } from './harness';

const NGO_ADMIN = 'acc-staff-sc-admin';
const SPONSOR = 'acc-sponsor-041';
const DESKTOP = { width: 1280, height: 900 };


const suite = browserSuite();

const screenshot = screenshotsFor('onboarding-');

/** YYYY-MM-DD in China, `years` and `days` from now. */
function chinaDate(years: number, days = 0): string {
  const now = new Date(Date.now() + 8 * 3600_000);
  const d = new Date(Date.UTC(now.getUTCFullYear() + years, now.getUTCMonth(), now.getUTCDate() + days));
  return d.toISOString().slice(0, 10);
}

/** One row of the h5 date picker's columns, in CSS pixels. */
const PICKER_ROW = 34;

/**
 * Picks a date the way a person does: opens the field's date picker (on today, or its earliest date when
 * today is out of range), drags the year column `years` rows (negative: earlier), and confirms. Returns the date shown.
 */
async function pickDate(page: Page, testId: string, years: number): Promise<string> {
  const field = shown(page, testId);
  assert.equal(await field.locator('input:not([type="hidden"])').count(), 0, `${testId} is a picker, not a box to type into`);
  await field.getByRole('button').click();
  const choose = page.locator('.weui-picker__action', { hasText: '确定' }).filter({ visible: true });
  await choose.waitFor();
  // The sheet slides up from the bottom: wait until it is in place.
  await page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== 'running'));
  // The row in the middle of the year column is the chosen year.
  const box = await page.locator('.weui-picker__group .weui-picker__indicator').filter({ visible: true }).first().boundingBox();
  assert.ok(box, 'the year column is shown');
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  // A few rows per drag, so the pointer stays on the column (leaving it ends the drag).
  for (let left = years; left !== 0; ) {
    const rows = Math.sign(left) * Math.min(Math.abs(left), 3);
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x, y - rows * PICKER_ROW, { steps: 8 });
    await page.mouse.up();
    left -= rows;
  }
  await choose.click();
  await choose.waitFor({ state: 'hidden' });
  return field.innerText();
}

describe('onboarding a student with guardian consent, to the pool, to their first check-in', () => {
  it('the NGO admin creates the student, records consent, approves the story, enters the pool and issues an invite; a sponsor sees the student; the student binds and checks in; staff see last heard', async () => {
    const admin = await apiAs(suite.server.baseUrl, NGO_ADMIN);
    const overview = await admin<NgoOverview>('/api/staff/overview');
    const caseworker = overview.caseworkers[0];
    assert.ok(caseworker, 'the NGO has a caseworker');

    // The NGO admin, on a desktop browser: from the staff home to the new-student form.
    const a = await openAs(suite.browser, suite.server.baseUrl, NGO_ADMIN, DESKTOP);
    const ap = a.page;
    await shown(ap, 'staff-add-student').click();
    await shown(ap, 'student-form').waitFor();

    // A first try with gaps shows what is missing, field by field.
    await shown(ap, 'student-form-submit').click();
    await shown(ap, 'student-form-failure').waitFor();
    assert.ok((await shown(ap, 'field-error').count()) > 5, 'each empty field says so');

    await fill(ap, 'student-legalName', '吉克阿依');
    await fill(ap, 'student-schoolName', '昭觉县民族中学');
    // The dates are picked: the date of birth 13 years back from today, graduation 6 years ahead.
    assert.match(await pickDate(ap, 'student-dateOfBirth', -13), new RegExp(`${chinaDate(-13).slice(0, 4)}年`));
    await fill(ap, 'student-grade', '7');
    assert.match(await pickDate(ap, 'student-expectedGraduation', 6), new RegExp(`${chinaDate(6, 1).slice(0, 4)}年`));
    await shown(ap, 'student-stage-middle').click();
    await shown(ap, 'student-gender-female').click();
    await fill(ap, 'student-yearlyNeed', '3600');
    await shown(ap, `student-caseworker-${caseworker.id}`).click();
    await fill(ap, 'student-guardianName', '吉克拉哈');
    await fill(ap, 'student-guardianRelation', '母亲');
    await fill(ap, 'student-guardianPhone', '13800001234');
    await fill(ap, 'student-displayName', '阿依');
    await fill(ap, 'student-story', '阿依喜欢读书和唱歌，想成为一名乡村老师。');
    await fill(ap, 'student-province', '四川');
    await fill(ap, 'student-city', '凉山');
    await screenshot(ap, 'form');
    await shown(ap, 'student-form-submit').click();

    // The record: staff-only and sponsor-facing parts, the story waiting for approval.
    await shown(ap, 'student-record').waitFor({ timeout: 15_000 });
    const studentId = await shown(ap, 'student-record').getAttribute('data-id');
    assert.ok(studentId, 'the record names the student');
    assert.match(await shown(ap, 'record-staff').innerText(), /仅工作人员可见[\s\S]*吉克阿依[\s\S]*昭觉县民族中学/);
    assert.match(await shown(ap, 'record-sponsor').innerText(), /资助人可见[\s\S]*阿依/);
    assert.equal(await shown(ap, 'story-state').getAttribute('data-value'), 'pending');
    assert.match(await shown(ap, 'record-caseworker').innerText(), new RegExp(caseworker.name));

    // Entering the pool is not offered yet: the button is disabled, below what is missing.
    assert.equal(await shown(ap, 'pool-enter').getAttribute('aria-disabled'), 'true');
    const missing = await shown(ap, 'pool-blockers').innerText();
    assert.ok(missing.includes('监护人同意书') && missing.includes('已审核的介绍'), missing);
    assert.match(await shown(ap, 'pool-enter-reason').innerText(), /完成上面列出的事项后/);
    await screenshot(ap, 'pool-missing');

    // Guardian consent (the student is 13).
    assert.match(await shown(ap, 'consent-section').innerText(), /13 岁/);
    await shown(ap, 'consent-record-open').click();
    await fill(ap, 'consent-guardian', '吉克拉哈');
    await fill(ap, 'consent-relation', '母亲');
    await shown(ap, 'consent-method-paper').click();
    assert.match(await pickDate(ap, 'consent-retain', 10), new RegExp(`${chinaDate(10, 1).slice(0, 4)}年`));
    await shown(ap, 'consent-submit').click();
    await confirmModal(ap, '确认保存');
    await shown(ap, 'consent-item').waitFor();
    await ap.waitForFunction(() => document.querySelector('[data-testid="consent-state"][data-value="active"]') !== null);

    // The story approved by the NGO admin.
    await shown(ap, 'story-approve').click();
    await confirmModal(ap, '审核通过');
    await ap.waitForFunction(() => document.querySelector('[data-testid="story-state"][data-value="approved"]') !== null);

    // Into the pool.
    await shown(ap, 'pool-enter').click();
    await confirmModal(ap, '确认放入');
    await ap.waitForFunction(() => document.querySelector('[data-testid="pool-state"][data-value="waiting"]') !== null);

    // An invite: the code in large type and the QR image.
    await shown(ap, 'invite-issue').click();
    await shown(ap, 'invite-code').waitFor();
    const code = (await shown(ap, 'invite-code').innerText()).trim();
    assert.match(code, /^[A-Za-z0-9]{8}$/);
    const qr = await shown(ap, 'invite-qr').locator('img').first().getAttribute('src');
    assert.ok(qr?.startsWith('data:image/svg+xml'), `the QR is an image: ${qr?.slice(0, 40)}`);
    await shown(ap, 'invite-expires').waitFor();
    await screenshot(ap, 'record');

    const detail = await admin<StaffStudentDetail>(`/api/staff/students/${studentId}`);
    assert.equal(detail.consentActive, true);
    assert.ok(detail.storyApprovedAt);
    assert.ok(detail.poolSince);
    assert.equal(detail.invite.state, 'open');

    // A sponsor sees the student waiting, with the sponsor-facing fields only.
    const sponsor = await apiAs(suite.server.baseUrl, SPONSOR);
    const inPool = await sponsor<PoolStudentResponse>(`/api/pool/${studentId}`);
    assert.equal(inPool.availability, 'waiting');
    const sponsorText = JSON.stringify(inPool);
    assert.ok(sponsorText.includes('阿依'));
    for (const secret of ['吉克阿依', '昭觉县民族中学', '13800001234', '吉克拉哈']) assert.ok(!sponsorText.includes(secret), `the sponsor never sees ${secret}`);
    const s = await openAs(suite.browser, suite.server.baseUrl, SPONSOR);
    await s.page.goto(`${suite.server.baseUrl}/packages/sponsor/pages/student/index?id=${encodeURIComponent(studentId)}`);
    await shown(s.page, 'pool-student-card').waitFor({ timeout: 15_000 });
    assert.match(await shown(s.page, 'pool-student-card').innerText(), /阿依/);
    await screenshot(s.page, 'sponsor-sees');
    await s.close();

    // The student binds with the invite code (demo mode) and checks in from their home.
    const context = await suite.browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN' });
    const sp = await context.newPage();
    await sp.goto(`${suite.server.baseUrl}/pages/invite/index`);
    await shown(sp, 'invite-screen').waitFor({ timeout: 30_000 });
    await shown(sp, 'invite-code').locator('input').fill(code);
    await screenshot(sp, 'student-invite');
    await shown(sp, 'invite-submit').click();
    await shown(sp, 'checkin-doing_well').waitFor({ timeout: 30_000 });
    await shown(sp, 'checkin-doing_well').click();
    await sp.waitForFunction(() => {
      const el = document.querySelector('[data-testid="checkin-confirmation"]');
      return el !== null && el.getAttribute('data-state') !== 'waiting';
    }, undefined, { timeout: 30_000 });
    await screenshot(sp, 'student-checked-in');
    await context.close();

    // A second use of the same code is refused.
    const again = await fetch(`${suite.server.baseUrl}/api/auth/invite`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, platform: 'demo' }),
    });
    assert.ok(again.status === 409 || again.status === 404 || again.status === 410, `a used code answers ${again.status}`);

    // Back on the staff side: last heard is now, on the record and on the staff home.
    const after = await admin<StaffStudentDetail>(`/api/staff/students/${studentId}`);
    assert.ok(after.lastHeardAt, 'last heard is recorded');
    await ap.goto(`${suite.server.baseUrl}/packages/staff/pages/home/index`);
    await shown(ap, 'staff-home').waitFor({ timeout: 30_000 });
    await shown(ap, 'staff-student-row').first().waitFor({ timeout: 30_000 });
    const row = ap.locator(`[data-testid="staff-student-row"][data-id="${studentId}"]`).filter({ visible: true });
    for (let i = 0; i < 30 && (await row.count()) === 0; i += 1) {
      const more = shown(ap, 'load-more');
      if ((await more.count()) === 0) break;
      await more.click();
      await ap.waitForTimeout(400);
    }
    await row.waitFor();
    const lastHeard = await row.getByTestId('staff-student-last-heard').innerText();
    assert.doesNotMatch(lastHeard, /还没有/);
    await row.scrollIntoViewIfNeeded();
    await screenshot(ap, 'staff-last-heard');

    // The row opens the record.
    await row.click();
    await shown(ap, 'student-record').waitFor();
    assert.doesNotMatch(await shown(ap, 'record-last-heard').innerText(), /还没有/);
    await a.close();
  });
});
