import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import type { DemoUsersResponse } from '../domain/api/auth';
import type { StaffStudentPage } from '../domain/api/homes';
import type { LetterDetail, LetterPage } from '../domain/api/letters';
import type { CheckinPage } from '../domain/api/students';
import { apiAs, browserSuite, screenshotsFor, shown } from './harness';

const NGO_ADMIN = 'acc-staff-sc-admin';

const suite = browserSuite();

const screenshot = screenshotsFor('student-offline-');

/** Waits until the visible check-in confirmation is for `kind` and in `state`. */
async function confirmation(page: Page, kind: string, state: string) {
  await page
    .locator(`[data-testid="checkin-confirmation"][data-kind="${kind}"][data-state="${state}"]`)
    .filter({ visible: true })
    .waitFor({ timeout: 30_000 });
}

/** Ends every session of the account on the server, as running past `expires_at` does. */
function expireSessionsOf(accountId: string): void {
  const db = new Database(suite.server.dbPath, { fileMustExist: true });
  try {
    db.prepare('UPDATE sessions SET expires_at = ? WHERE account_id = ?').run(new Date(Date.now() - 60_000).toISOString(), accountId);
  } finally {
    db.close();
  }
}

/** What the app keeps under `key` on the page's device (Taro's h5 storage wraps every value as { data }). */
async function storedOn<T>(page: Page, key: string): Promise<T | null> {
  const raw = await page.evaluate((name) => window.localStorage.getItem(name), key);
  return raw ? (JSON.parse((JSON.parse(raw) as { data: string }).data) as T) : null;
}

/** Waits until the server refuses the token (it trusts a resolved session for a few seconds). */
async function untilRefused(token: string): Promise<void> {
  for (let tries = 0; tries < 100; tries += 1) {
    const response = await fetch(`${suite.server.baseUrl}/api/me`, { headers: { authorization: `Bearer ${token}` } });
    if (response.status === 401) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  assert.fail('the expired session was still accepted after 20 s');
}

/** POSTs as a demo user (the harness's apiAs reads only). */
async function postAs<T>(accountId: string, route: string, body?: unknown): Promise<T> {
  const session = await (
    await fetch(`${suite.server.baseUrl}/api/auth/demo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ accountId }),
    })
  ).json();
  const response = await fetch(`${suite.server.baseUrl}${route}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${session.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${route} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

describe('a student checks in and writes while the network comes and goes', () => {
  it('binds with an invite, checks in, writes a letter with a photo, checks in offline, and it is sent once when the network returns', async () => {
    // A sponsored student of the 凉山 NGO, and an invite for them from the NGO admin.
    const admin = await apiAs(suite.server.baseUrl, NGO_ADMIN);
    const students = await admin<StaffStudentPage>('/api/staff/students?scope=all&limit=50');
    const student = students.items.find((s) => s.sponsored && s.programStatus === 'active') ?? students.items.find((s) => s.sponsored);
    assert.ok(student, 'the NGO has a sponsored student');
    const { code } = await postAs<{ code: string }>(NGO_ADMIN, `/api/staff/students/${student.id}/invites`);
    assert.match(code, /^[A-Za-z0-9]{8}$/);

    const studentApi = await apiAs(suite.server.baseUrl, `acc-${student.id}`);
    const checkinsBefore = new Set((await studentApi<CheckinPage>('/api/student/checkins?limit=50')).items.map((c) => c.id));
    const lettersBefore = new Set((await studentApi<LetterPage>('/api/letters?limit=50')).items.map((l) => l.id));

    // The student binds on their phone and lands on their home.
    const context = await suite.browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN' });
    const page = await context.newPage();
    let letterId: string | null = null;
    const marker = `考试周${Date.now().toString(36)}`;
    try {
      await page.goto(`${suite.server.baseUrl}/pages/invite/index`);
      await shown(page, 'invite-screen').waitFor({ timeout: 30_000 });
      await shown(page, 'invite-code').locator('input').fill(code);
      await screenshot(page, 'invite');
      await shown(page, 'invite-submit').click();
      await shown(page, 'student-home').waitFor({ timeout: 30_000 });

      // "Busy with exams", sent at once.
      await shown(page, 'checkin-busy_exams').click();
      await confirmation(page, 'busy_exams', 'sent');
      assert.equal(await shown(page, 'outbox-pending').count(), 0);
      await screenshot(page, 'busy-exams-sent');

      // A letter with a photo to the sponsor.
      const photo = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#c66' } }).jpeg().toBuffer();
      await shown(page, 'student-letters-write').click();
      const box = shown(page, 'compose-body').locator('textarea');
      await box.waitFor();
      const text = `${marker}：最近在准备期末考试，有点忙，但是我很好。给您看看我们学校的花。`;
      await box.fill(text);
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), shown(page, 'compose-add-photo').click()]);
      await chooser.setFiles({ name: 'flower.jpg', mimeType: 'image/jpeg', buffer: photo });
      await page.locator('[data-testid="compose-photo"][data-status="done"]').filter({ visible: true }).waitFor({ timeout: 30_000 });
      assert.equal(await shown(page, 'compose-photo').count(), 1);
      await screenshot(page, 'compose');
      await shown(page, 'compose-send').click();
      await shown(page, 'letter-view').waitFor({ timeout: 30_000 });
      await shown(page, 'letter-photos').waitFor();
      assert.equal(await shown(page, 'letter-photo').count(), 1);
      letterId = await shown(page, 'letter-view').getAttribute('data-id');
      assert.ok(letterId, 'the letter page names the letter');
      await screenshot(page, 'letter-sent');

      // Back home, then the network goes away.
      await shown(page, 'letters-back').click();
      await shown(page, 'student-home').waitFor();
      await shown(page, 'checkin-doing_well').waitFor();
      await context.setOffline(true);
      await page.waitForFunction(() => !navigator.onLine);

      // "I'm doing well" waits on the phone.
      await shown(page, 'checkin-doing_well').click();
      await confirmation(page, 'doing_well', 'waiting');
      const pending = shown(page, 'outbox-pending');
      await pending.waitFor();
      assert.equal(await pending.getAttribute('data-count'), '1');
      await pending.click();
      await shown(page, 'outbox-list').waitFor();
      assert.equal(await shown(page, 'outbox-item').count(), 1);
      // Still waiting a moment later: nothing is lost or sent while offline.
      await page.waitForTimeout(1_500);
      await confirmation(page, 'doing_well', 'waiting');
      await screenshot(page, 'offline-waiting');

      // The network returns: the outbox notices by itself and sends it.
      await context.setOffline(false);
      await confirmation(page, 'doing_well', 'sent');
      await shown(page, 'outbox-pending').waitFor({ state: 'hidden', timeout: 30_000 });
      await screenshot(page, 'back-online-sent');
    } finally {
      await context.close();
    }

    // Each check-in reached the server exactly once, in order.
    const checkins = (await studentApi<CheckinPage>('/api/student/checkins?limit=50')).items.filter((c) => !checkinsBefore.has(c.id));
    const kinds = [...checkins].sort((a, b) => a.createdAt.localeCompare(b.createdAt)).map((c) => c.kind);
    assert.deepEqual(kinds, ['busy_exams', 'doing_well']);

    // The letter exists once, with its one photo.
    const letters = (await studentApi<LetterPage>('/api/letters?limit=50')).items.filter((l) => !lettersBefore.has(l.id));
    assert.equal(letters.length, 1, `one new letter: ${JSON.stringify(letters.map((l) => l.preview))}`);
    assert.equal(letters[0].id, letterId);
    assert.equal(letters[0].photoCount, 1);
    const letter = await studentApi<LetterDetail>(`/api/letters/${letters[0].id}`);
    assert.ok(letter.body.startsWith(marker));
    assert.equal(letter.photos.length, 1);
  });

  it('keeps a check-in queued offline through a session expiry and sends it once, with its key, after signing in again', async () => {
    const demo = (await (await fetch(`${suite.server.baseUrl}/api/auth/demo-users`)).json()) as DemoUsersResponse;
    const student = demo.users.find((user) => user.role === 'student');
    assert.ok(student, 'the login page offers a student');
    const before = new Set<string>();
    const newCheckins = async () => {
      // A fresh session each time: the earlier ones are expired below.
      const studentApi = await apiAs(suite.server.baseUrl, student.accountId);
      return (await studentApi<CheckinPage>('/api/student/checkins?limit=50')).items.filter((c) => !before.has(c.id));
    };
    for (const checkin of await newCheckins()) before.add(checkin.id);

    const context = await suite.browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN' });
    const page = await context.newPage();
    const checkinPosts: Array<{ status: number; key: string | undefined }> = [];
    page.on('response', (response) => {
      const request = response.request();
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/student/checkins') {
        checkinPosts.push({ status: response.status(), key: request.headers()['idempotency-key'] });
      }
    });
    let queuedKey: string | undefined;
    try {
      await page.goto(suite.server.baseUrl);
      await shown(page, `demo-user-${student.accountId}`).click();
      await shown(page, 'checkin-doing_well').waitFor({ timeout: 30_000 });

      // Offline, the check-in waits on the phone; meanwhile the session runs out on the server.
      await context.setOffline(true);
      await page.waitForFunction(() => !navigator.onLine);
      await shown(page, 'checkin-doing_well').click();
      await confirmation(page, 'doing_well', 'waiting');
      expireSessionsOf(student.accountId);
      const session = await storedOn<{ state: { token: string } }>(page, 'banxue.session');
      assert.ok(session?.state.token, 'the page is signed in');
      await untilRefused(session.state.token);

      // The network returns: the send meets a 401, the app goes to login, and the check-in still waits.
      await context.setOffline(false);
      await shown(page, 'login-expired').waitFor({ timeout: 30_000 });
      const waiting = shown(page, 'login-outbox-waiting');
      await waiting.waitFor();
      assert.match((await waiting.textContent()) ?? '', /还有 1 条没有发出去/);
      await screenshot(page, 'expired-waiting');
      // (Another request may have met the 401 first, in which case the outbox never tried.)
      assert.ok(checkinPosts.every((post) => post.status === 401), JSON.stringify(checkinPosts));
      assert.equal((await newCheckins()).length, 0, 'nothing reached the server before signing in again');
      const held = await storedOn<{ items: Array<{ idempotencyKey: string }> }>(page, 'banxue.outbox');
      assert.equal(held?.items.length, 1, 'the check-in is still on the device');
      queuedKey = held.items[0].idempotencyKey;

      // The same student signs in again: it goes out by itself, with the key it was queued with.
      await shown(page, `demo-user-${student.accountId}`).click();
      await shown(page, 'student-home').waitFor({ timeout: 30_000 });
      await page.waitForFunction(() => window.localStorage.getItem('banxue.outbox') === null, undefined, { timeout: 30_000 });
      assert.equal(await shown(page, 'outbox-pending').count(), 0);
    } finally {
      await context.close();
    }
    const accepted = checkinPosts.filter((post) => post.status !== 401);
    assert.deepEqual(accepted, [{ status: 201, key: queuedKey }]);
    assert.ok(checkinPosts.every((post) => post.key === queuedKey), 'every attempt sent the key it was queued with');
    assert.deepEqual((await newCheckins()).map((c) => c.kind), ['doing_well']);
  });
});
