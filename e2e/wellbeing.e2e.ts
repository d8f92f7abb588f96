/**
 * A student's words of danger reach a person, and never the sponsor: a student writes a letter saying
 * they do not want to live; they see at once how to reach someone; their caseworker finds it in the
 * urgent tab, reads the passage and the hotline script, and works it; the sponsor sees only that a
 * letter is delayed. Then the demo's concern is worked in English, every confirmation clicked through.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import type { FlagRow, QueuePage } from '../domain/api/care';
import type { LetterPage } from '../domain/api/letters';
import type { TimelinePage } from '../domain/api/sponsorship';
import { apiAs, browserSuite, confirmModal, fill, openAs, screenshotsFor, shown } from './harness';

const DISTRESS = '老师好。这学期我一直考不好，每天都很累。我真的不想活了，晚上一个人的时候想过从楼顶跳下去。不要告诉我爸爸。';
const PHRASE = '不想活了';

interface People {
  studentAccount: string;
  studentName: string;
  sponsorshipId: string;
  sponsorAccount: string;
  caseworkerAccount: string;
}

/** A sponsored student in touch, with a sign-in and a caseworker, who has no flag yet. */
function choosePeople(dbPath: string): People {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const row = db
      .prepare(
        `SELECT st.account_id AS studentAccount, st.display_name AS studentName, sp.id AS sponsorshipId,
                s.account_id AS sponsorAccount, cw.account_id AS caseworkerAccount
           FROM sponsorships sp
           JOIN students st ON st.id = sp.student_id
           JOIN sponsors s ON s.id = sp.sponsor_id
           JOIN staff cw ON cw.id = st.caseworker_id
          WHERE sp.status = 'active' AND st.program_status = 'active' AND st.account_id IS NOT NULL
            AND st.id NOT IN (SELECT student_id FROM wellbeing_flags)
            AND st.id NOT IN (SELECT student_id FROM alerts WHERE status <> 'resolved')
          ORDER BY st.id LIMIT 1`,
      )
      .get() as People | undefined;
    assert.ok(row, 'the demo data has a sponsored student in touch with a caseworker');
    return row;
  } finally {
    db.close();
  }
}

let people: People;
const suite = browserSuite(async ({ server }) => {
  people = choosePeople(server.dbPath);
});
const screenshot = screenshotsFor('wellbeing-');

/** The caseworker's flag of the student in a queue tab, read through the API as they would see it. */
async function flagOf(caseworkerAccount: string, tab: 'urgent' | 'concern', studentName?: string): Promise<FlagRow> {
  const queue = await (await apiAs(suite.server.baseUrl, caseworkerAccount))<QueuePage>(`/api/staff/care/queue?tab=${tab}&limit=50`);
  const flag = queue.items.find((i): i is FlagRow => i.kind === 'flag' && (!studentName || i.student.displayName === studentName));
  assert.ok(flag, `a ${tab} flag in the caseworker's queue`);
  return flag;
}

async function openFlag(page: Page, flagId: string) {
  const row = page.locator(`[data-testid="queue-flag"][data-id="${flagId}"]`).filter({ visible: true });
  await row.waitFor({ timeout: 30_000 });
  await row.click();
  await shown(page, 'flag-screen').waitFor({ timeout: 30_000 });
}

describe('a student writes that they do not want to live', () => {
  it('sees how to reach a person at once; the caseworker works it from the urgent tab; the sponsor sees only a delay', async () => {
    const { baseUrl } = suite.server;
    const student = await openAs(suite.browser, baseUrl, people.studentAccount);
    const st = student.page;
    await st.goto(`${baseUrl}/packages/student/pages/compose/index?sponsorshipId=${encodeURIComponent(people.sponsorshipId)}`);
    const box = shown(st, 'compose-body').locator('textarea');
    await box.waitFor({ timeout: 30_000 });
    await box.fill(DISTRESS);
    await shown(st, 'compose-send').click();

    // Warm words and a person to reach, never a refusal.
    const support = shown(st, 'support-card');
    await support.waitFor({ timeout: 30_000 });
    assert.equal(await support.getAttribute('data-level'), 'urgent');
    assert.match(await support.innerText(), /400-161-9995/);
    assert.match(await support.innerText(), /12355/);
    await screenshot(st, 'student-support');
    await shown(st, 'support-talk').click();
    await shown(st, 'support-talk-sent').waitFor();
    await shown(st, 'compose-support-continue').click();
    const letter = st.locator('[data-testid="letter-view"][data-status="held"]').filter({ visible: true });
    await letter.waitFor({ timeout: 30_000 });
    await shown(st, 'letter-care').waitFor();
    await screenshot(st, 'student-letter');
    const letterId = await letter.getAttribute('data-id');
    assert.ok(letterId);
    await student.close();

    // The caseworker: the staff home counts it, the urgent tab lists it, the flag shows the passage and the script.
    const flag = await flagOf(people.caseworkerAccount, 'urgent', people.studentName);
    assert.equal(flag.sourceKind, 'letter');
    const caseworker = await openAs(suite.browser, baseUrl, people.caseworkerAccount, { width: 1280, height: 900 });
    const cw = caseworker.page;
    await shown(cw, 'care-urgent-link').waitFor({ timeout: 30_000 });
    await screenshot(cw, 'staff-home');
    await shown(cw, 'care-urgent-link').click();
    await openFlag(cw, flag.id);
    assert.match(await shown(cw, 'flag-text').innerText(), new RegExp(PHRASE));
    assert.ok((await shown(cw, 'flag-mark').count()) > 0, 'the passage is marked');
    assert.match(await shown(cw, 'flag-script').innerText(), /400-161-9995/);
    await shown(cw, 'flag-letter-held').waitFor();
    await screenshot(cw, 'flag');

    await shown(cw, 'flag-acknowledge').click();
    await confirmModal(cw, '确认接手');
    await cw.locator('[data-testid="flag-status"][data-value="acknowledged"]').filter({ visible: true }).waitFor();
    await shown(cw, 'flag-record-reached_student').click();
    await fill(cw, 'flag-action-note', '电话联系上了本人，人安全，明天和班主任一起见面。');
    await shown(cw, 'flag-action-submit').click();
    await confirmModal(cw, '记录');
    await shown(cw, 'flag-event').first().waitFor();
    await shown(cw, 'flag-close').click();
    await shown(cw, 'flag-outcome-handled').click();
    await shown(cw, 'flag-close-submit').click();
    await confirmModal(cw, '确认结束');
    await cw.locator('[data-testid="flag-status"][data-value="resolved"]').filter({ visible: true }).waitFor();
    await screenshot(cw, 'flag-closed');
    await caseworker.close();

    // The sponsor: a delayed letter, nothing of its words, anywhere they look.
    const sponsor = await openAs(suite.browser, baseUrl, people.sponsorAccount);
    const sp = sponsor.page;
    await sp.goto(`${baseUrl}/packages/sponsor/pages/sponsorship/index?id=${encodeURIComponent(people.sponsorshipId)}`);
    await shown(sp, 'sponsorship-letters-delayed').waitFor({ timeout: 30_000 });
    await shown(sp, 'timeline').waitFor({ timeout: 30_000 });
    assert.doesNotMatch(await shown(sp, 'sponsorship-screen').innerText(), new RegExp(PHRASE));
    await screenshot(sp, 'sponsor');
    await sponsor.close();
    const asSponsor = await apiAs(baseUrl, people.sponsorAccount);
    const timeline = await asSponsor<TimelinePage>(`/api/sponsor/sponsorships/${people.sponsorshipId}/timeline?limit=100`);
    assert.doesNotMatch(JSON.stringify(timeline), new RegExp(PHRASE));
    const letters = await asSponsor<LetterPage>('/api/letters?limit=100');
    assert.ok(!letters.items.some((l) => l.id === letterId), 'the held letter is not among the sponsor’s letters');
  });
});

describe('the demo’s concern, worked in English', () => {
  it('confirms each step in English and closes it as a false alarm with a reason', async () => {
    const { baseUrl } = suite.server;
    const db = new Database(suite.server.dbPath, { readonly: true, fileMustExist: true });
    const owner = db
      .prepare(`SELECT st.account_id AS account FROM wellbeing_flags f JOIN staff st ON st.id = f.assigned_staff_id WHERE f.level = 'concern' AND f.status = 'open' LIMIT 1`)
      .get() as { account: string } | undefined;
    db.close();
    assert.ok(owner, 'the demo data has an open concern');
    const flag = await flagOf(owner.account, 'concern');
    const caseworker = await openAs(suite.browser, baseUrl, owner.account, { width: 1280, height: 900 });
    const page = caseworker.page;
    await page.goto(`${baseUrl}/pages/settings/index`);
    await page.getByTestId('locale-en-US').click();
    await page.goto(`${baseUrl}/packages/staff/pages/queue/index?tab=concern`);
    await openFlag(page, flag.id);
    assert.match(await shown(page, 'flag-script').innerText(), /12356/);

    await shown(page, 'flag-acknowledge').click();
    await confirmModal(page, 'Take on');
    await page.locator('[data-testid="flag-status"][data-value="acknowledged"]').filter({ visible: true }).waitFor();
    await shown(page, 'flag-record-contacted_school').click();
    await fill(page, 'flag-action-note', 'Talked to the class teacher: a misunderstanding over a lost lunch card, now sorted.');
    await shown(page, 'flag-action-submit').click();
    await confirmModal(page, 'Record');
    await shown(page, 'flag-event').first().waitFor();

    // A false alarm needs a reason before anything is sent.
    await shown(page, 'flag-close').click();
    await shown(page, 'flag-outcome-false_alarm').click();
    await shown(page, 'flag-close-submit').click();
    const error = page.locator('[data-testid="field-error"][data-field="note"]').filter({ visible: true });
    await error.waitFor();
    assert.equal(await error.innerText(), 'Say why this is a false alarm.');
    await fill(page, 'flag-close-note', 'The card was lost, not taken; the student says all is well.');
    await shown(page, 'flag-close-submit').click();
    await confirmModal(page, 'Close');
    await page.locator('[data-testid="flag-status"][data-value="resolved"]').filter({ visible: true }).waitFor();
    await screenshot(page, 'concern-closed-en');
    await caseworker.close();
  });
});
