/**
 * A sponsor's data rights in the browser, in both languages: from settings to their data, the JSON
 * download, then deleting the account through the confirmation — and what the server keeps after.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import Database from 'better-sqlite3';
import type { DemoUser } from '../domain/api/auth';
import type { SponsorDataExport } from '../domain/api/sponsor-data';
import { apiAs, browserSuite, confirmModal, openAs, screenshotsFor, shown } from './harness';

let sponsors: DemoUser[];
const suite = browserSuite(async ({ server }) => {
  const users: DemoUser[] = (await (await fetch(`${server.baseUrl}/api/auth/demo-users`)).json()).users;
  sponsors = users.filter((u) => u.role === 'sponsor');
});
const screenshot = screenshotsFor('data-rights-');

/** What the NGO keeps of a sponsor: ledger rows (count and total) on their sponsorships, and their letters. */
function keptOf(dbPath: string, accountId: string) {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const sponsor = db.prepare('select id, display_name, deleted_at from sponsors where account_id = ?').get(accountId) as { id: string; display_name: string; deleted_at: string | null };
    const ledger = db
      .prepare('select count(*) as n, coalesce(sum(amount_fen), 0) as fen from ledger_entries where sponsorship_id in (select id from sponsorships where sponsor_id = ?)')
      .get(sponsor.id) as { n: number; fen: number };
    const letters = db.prepare("select count(*) as n from letters where author_account_id = ? and status in ('delivered', 'read', 'replied')").get(accountId) as { n: number };
    const identities = db.prepare('select count(*) as n from platform_identities where account_id = ?').get(accountId) as { n: number };
    const open = db.prepare("select count(*) as n from sponsorships where sponsor_id = ? and status in ('active', 'paused')").get(sponsor.id) as { n: number };
    return { sponsor, ledger, letters: letters.n, identities: identities.n, openSponsorships: open.n };
  } finally {
    db.close();
  }
}

const TEXT = {
  'zh-CN': { headings: ['账户', '登录方式', '资助', '书信', '消息'], confirm: '注销', deleted: /账户已经注销/ },
  'en-US': { headings: ['Account', 'Sign-in methods', 'Sponsorships', 'Letters', 'Notifications'], confirm: 'Delete', deleted: /account has been deleted/ },
} as const;

describe('a sponsor exports their data and deletes their account', () => {
  for (const [index, locale] of (['zh-CN', 'en-US'] as const).entries()) {
    it(`in ${locale}`, async () => {
      const sponsor = sponsors[index];
      assert.ok(sponsor, 'the demo offers two sponsors');
      const { server, browser } = suite;
      const expected = await (await apiAs(server.baseUrl, sponsor.accountId))<SponsorDataExport>('/api/sponsor/me/data');
      assert.ok(expected.sponsorships.length > 0, 'the seeded sponsor has sponsorships');
      const before = keptOf(server.dbPath, sponsor.accountId);

      const { page, close } = await openAs(browser, server.baseUrl, sponsor.accountId);
      try {
        await shown(page, 'open-settings').click();
        if (locale === 'en-US') await shown(page, 'locale-en-US').click();
        await shown(page, 'open-my-data').click();

        await shown(page, 'my-data-account').waitFor();
        const headings = await shown(page, 'my-data').getByRole('heading').allInnerTexts();
        for (const heading of TEXT[locale].headings) assert.ok(headings.includes(heading), `the page has a "${heading}" section`);
        assert.match(await shown(page, 'my-data-display-name').innerText(), new RegExp(sponsor.displayName));
        assert.equal(await shown(page, 'my-data-sponsorship').count(), expected.sponsorships.length);
        assert.equal(await shown(page, 'my-data-letter').count(), expected.letters.length);

        const [download] = await Promise.all([page.waitForEvent('download'), shown(page, 'my-data-download').click()]);
        assert.match(download.suggestedFilename(), /^banxue-my-data-\d{4}-\d{2}-\d{2}\.json$/);
        const file: SponsorDataExport = JSON.parse(fs.readFileSync((await download.path())!, 'utf8'));
        assert.equal(file.account.id, sponsor.accountId);
        assert.deepEqual(
          file.sponsorships.map((s) => s.id),
          expected.sponsorships.map((s) => s.id),
        );
        assert.deepEqual(
          file.letters.map((l) => l.id),
          expected.letters.map((l) => l.id),
        );
        await shown(page, 'my-data-saved').waitFor();
        await screenshot(page, `export-${locale}`);

        await shown(page, 'delete-account-button').click();
        await confirmModal(page, TEXT[locale].confirm);
        const done = shown(page, 'login-account-deleted');
        await done.waitFor();
        assert.match(await done.innerText(), TEXT[locale].deleted);
        assert.equal(await page.evaluate(() => window.localStorage.getItem('banxue.session')), null);
        await screenshot(page, `deleted-${locale}`);
      } finally {
        await close();
      }

      const after = keptOf(server.dbPath, sponsor.accountId);
      assert.ok(after.sponsor.deleted_at, 'the sponsor is marked deleted');
      assert.match(after.sponsor.display_name, /^已注销的资助人 #[0-9a-f]{4}$/);
      assert.deepEqual(after.ledger, before.ledger, 'the ledger the NGO keeps is unchanged');
      assert.equal(after.letters, before.letters, 'delivered letters stay with the student');
      assert.equal(after.identities, 0);
      assert.equal(after.openSponsorships, 0);

      const demo = await fetch(`${server.baseUrl}/api/auth/demo`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ accountId: sponsor.accountId }),
      });
      assert.equal(demo.status, 404, 'the account can no longer be signed in to');
      const offered: DemoUser[] = (await (await fetch(`${server.baseUrl}/api/auth/demo-users`)).json()).users;
      assert.ok(!offered.some((u) => u.accountId === sponsor.accountId), 'the demo no longer offers the deleted sponsor');
    });
  }
});
