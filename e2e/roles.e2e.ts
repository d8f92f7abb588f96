import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { DemoUser } from '../domain/api/auth';
import type { NgoOverview, SponsorshipPage, StaffStudentPage, StudentProfile } from '../domain/api/homes';
import { apiAs, browserSuite, screenshotsFor } from './harness';

let demoUsers: DemoUser[];

const suite = browserSuite(async ({ server }) => {
  demoUsers = (await (await fetch(`${server.baseUrl}/api/auth/demo-users`)).json()).users;
});

async function signInAs(role: DemoUser['role']): Promise<{ page: Page; user: DemoUser }> {
  const user = demoUsers.find((u) => u.role === role);
  assert.ok(user, `a seeded ${role} is offered on the demo login`);
  const context = await suite.browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(suite.server.baseUrl);
  const demoButton = page.getByTestId(`demo-user-${user.accountId}`);
  await demoButton.waitFor({ timeout: 30_000 });
  await demoButton.click();
  return { page, user };
}

const screenshot = screenshotsFor('');

describe('each role signs in through the demo login and sees its own data', () => {
  it('sponsor sees the students they sponsor', async () => {
    const { page, user } = await signInAs('sponsor');
    const expected = await (await apiAs(suite.server.baseUrl, user.accountId))<SponsorshipPage>('/api/sponsor/sponsorships');
    assert.ok(expected.items.length > 0, 'the seeded sponsor has sponsorships');
    await page.getByTestId('sponsor-home').waitFor();
    const names = page.getByTestId('sponsorship-student-name');
    await names.first().waitFor();
    const shown = await names.allInnerTexts();
    for (const sponsorship of expected.items) assert.ok(shown.some((text) => text.includes(sponsorship.student.displayName)));
    await screenshot(page, 'sponsor');
    await page.context().close();
  });

  it('student sees their own profile and their sponsor’s display name', async () => {
    const { page, user } = await signInAs('student');
    const expected = await (await apiAs(suite.server.baseUrl, user.accountId))<StudentProfile>('/api/student/profile');
    const home = page.getByTestId('student-home');
    await home.waitFor();
    await page.getByText(expected.displayName, { exact: false }).first().waitFor();
    if (expected.sponsorDisplayName) await page.getByText(expected.sponsorDisplayName, { exact: false }).first().waitFor();
    await screenshot(page, 'student');
    await page.context().close();
  });

  for (const role of ['caseworker', 'ngo_admin'] as const) {
    it(`${role} sees their NGO and its students`, async () => {
      const { page, user } = await signInAs(role);
      const api = await apiAs(suite.server.baseUrl, user.accountId);
      const overview = await api<NgoOverview>('/api/staff/overview');
      const students = await api<StaffStudentPage>('/api/staff/students?limit=5');
      await page.getByTestId('staff-home').waitFor();
      await page.getByText(overview.ngo.name, { exact: false }).first().waitFor();
      const count = page.getByTestId('staff-count-students');
      await count.waitFor();
      assert.match(await count.innerText(), new RegExp(String(overview.counts.students)));
      const rows = page.getByTestId('staff-student-name');
      await rows.first().waitFor();
      const shown = await rows.allInnerTexts();
      assert.ok(shown.some((text) => text.includes(students.items[0].legalName)));
      await screenshot(page, role);
      await page.context().close();
    });
  }
});

describe('staff password sign-in, language and sign-out', () => {
  it('signs a caseworker in with username and password, switches to English and signs out', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${suite.server.baseUrl}/pages/login/index`);
    await page.getByTestId('login-username').locator('input').fill('gs-caseworker-1');
    await page.getByTestId('login-password').locator('input').fill('wrong password');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('login-error').waitFor();
    assert.match(await page.getByTestId('login-error').innerText(), /用户名或密码不正确/);

    await page.getByTestId('login-password').locator('input').fill('banxue-demo-2026');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('staff-home').waitFor();
    await page.getByText('定西陇上春苗公益服务中心').first().waitFor();

    await page.getByTestId('open-settings').click();
    await page.getByTestId('locale-en-US').click();
    await page.getByTestId('logout').waitFor();
    assert.match(await page.getByTestId('logout').innerText(), /Log out|Sign out/i);
    await screenshot(page, 'settings-en');
    await page.getByTestId('logout').click();
    await page.locator('.taro-modal__foot div', { hasText: /Log out|Sign out/i }).click();
    await page.getByTestId('login-submit').waitFor();
    assert.equal(await page.evaluate(() => window.localStorage.getItem('banxue.session')), null);
    await context.close();
  });
});
