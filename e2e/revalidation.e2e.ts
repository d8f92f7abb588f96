import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { SponsorshipPage } from '../domain/api/homes';
import { apiAs, browserSuite, openAs, shown } from './harness';

const SPONSOR = 'acc-sponsor-001';
const NGO_ADMIN = 'acc-staff-sc-admin';

const suite = browserSuite();

interface TimelineFetch {
  ifNoneMatch: string | undefined;
  status: number;
  etag: string | undefined;
}

/** Every answer to the timeline's API the page receives, with the tag it sent. */
function recordTimelineFetches(page: Page): TimelineFetch[] {
  const fetches: TimelineFetch[] = [];
  page.on('response', (response) => {
    if (!/\/api\/sponsor\/sponsorships\/[^/]+\/timeline/.test(response.url())) return;
    fetches.push({ ifNoneMatch: response.request().headers()['if-none-match'], status: response.status(), etag: response.headers().etag });
  });
  return fetches;
}

describe('the sponsor’s pages are revalidated, not downloaded again', () => {
  it('asks with the tag it holds, shows its copy on a 304, and the fresh page after the NGO writes', async () => {
    const sponsorApi = await apiAs(suite.server.baseUrl, SPONSOR);
    const sponsorships = await sponsorApi<SponsorshipPage>('/api/sponsor/sponsorships?limit=50');
    const sponsorship = sponsorships.items.find((s) => s.status === 'active' && s.student.ngoName.includes('凉山'));
    assert.ok(sponsorship, 'the demo sponsor sponsors a student with the 凉山 partner');

    const sponsor = await openAs(suite.browser, suite.server.baseUrl, SPONSOR);
    const sp = sponsor.page;
    const fetches = recordTimelineFetches(sp);
    const openSponsorship = async () => {
      const card = sp.locator(`[data-testid="sponsorship-card"][data-id="${sponsorship.id}"]`).filter({ visible: true });
      await card.waitFor({ timeout: 30_000 });
      await card.getByTestId('sponsorship-open').click();
      await shown(sp, 'timeline-item').first().waitFor();
    };
    const itemsShown = () => shown(sp, 'timeline-item').count();
    const waitForFetches = async (n: number) => {
      for (let i = 0; i < 100 && fetches.length < n; i += 1) await sp.waitForTimeout(100);
      assert.ok(fetches.length >= n, `expected ${n} timeline fetches, saw ${fetches.length}`);
    };

    await openSponsorship();
    await waitForFetches(1);
    const first = fetches[0];
    assert.equal(first.status, 200);
    assert.equal(first.ifNoneMatch, undefined);
    assert.ok(first.etag, 'the timeline comes with an entity tag');
    const shownFirst = await itemsShown();

    // Back home and in again: the app asks with the tag it holds; nothing changed, so 304 and the same items.
    await sp.goBack();
    await openSponsorship();
    await waitForFetches(2);
    assert.deepEqual(fetches[1], { ifNoneMatch: first.etag, status: 304, etag: first.etag });
    assert.equal(await itemsShown(), shownFirst);

    // The NGO records a disbursement; the next visit gets the new page, the disbursement on top.
    const admin = (await (
      await fetch(`${suite.server.baseUrl}/api/auth/demo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ accountId: NGO_ADMIN }) })
    ).json()) as { token: string };
    const recorded = await fetch(`${suite.server.baseUrl}/api/staff/sponsorships/${sponsorship.id}/disbursements`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.token}` },
      body: JSON.stringify({ amountFen: 4321, occurredOn: '2026-11-20', category: 'books_supplies', payee: '新华书店', payeeKind: 'vendor', description: '练习册' }),
    });
    assert.equal(recorded.status, 201);
    const entry = (await recorded.json()) as { id: string };
    await sp.goBack();
    await openSponsorship();
    await waitForFetches(3);
    assert.equal(fetches[2].ifNoneMatch, first.etag);
    assert.equal(fetches[2].status, 200);
    assert.notEqual(fetches[2].etag, first.etag);
    assert.equal(await shown(sp, 'timeline-item').first().getAttribute('data-id'), entry.id);
    await sponsor.close();
  });
});
