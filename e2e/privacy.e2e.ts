import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { browserSuite, openAs, screenshotsFor, shown } from './harness';

const STUDENT = 'acc-student-001';

const suite = browserSuite();
const screenshot = screenshotsFor('privacy-');

describe('the privacy notice and the security policy', () => {
  it('a student opens the notice from settings, in large text, and reads their own part in both languages', async () => {
    const { page, close } = await openAs(suite.browser, suite.server.baseUrl, STUDENT);
    try {
      await shown(page, 'open-settings').click();
      await shown(page, 'large-text-switch').click();
      await shown(page, 'open-privacy').click();

      const notice = shown(page, 'privacy-notice');
      await shown(page, 'privacy-for-student').waitFor();
      assert.match(await shown(page, 'privacy-shared').innerText(), /资助人看不到你的姓、学校、村子/);
      assert.match(await shown(page, 'privacy-rights').innerText(), /监护人/);
      // Large text: the page scales its type and nothing runs off the side of a phone screen.
      assert.ok(await page.locator('.bx-page--large').filter({ has: notice }).count(), 'the notice is shown in large text');
      const overflow = await notice.evaluate((element) => element.scrollWidth - element.clientWidth);
      assert.ok(overflow <= 1, `the notice fits the screen width (overflows by ${overflow}px)`);
      await screenshot(page, 'student-large-zh');

      await shown(page, 'locale-en-US').click();
      await shown(page, 'privacy-role-sponsor').click();
      await shown(page, 'privacy-for-sponsor').waitFor();
      assert.match(await shown(page, 'privacy-rights').innerText(), /Export my data[\s\S]*Delete my account/);
      await screenshot(page, 'sponsor-large-en');
    } finally {
      await close();
    }
  });

  it('the API docs work under the same Content-Security-Policy', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    try {
      const page = await context.newPage();
      const response = await page.goto(`${suite.server.baseUrl}/api/docs/`);
      assert.match(response?.headers()['content-security-policy'] ?? '', /script-src 'self'/);
      await page.locator('.opblock').first().waitFor({ timeout: 30_000 });
      assert.ok((await page.locator('.opblock').count()) > 20, 'Swagger UI lists the API operations');
    } finally {
      await context.close();
    }
  });
});
