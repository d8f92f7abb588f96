/**
 * The caseworker works a lost-contact alert of the demo data from the queue to an outcome in the h5
 * app; the sponsor of that student sees only the gentle status line, before and after.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import type { AlertRow, CarePolicyView, CaseView, QueuePage } from '../domain/api/care';
import type { DemoUser } from '../domain/api/auth';
import type { SponsorshipDetail } from '../domain/api/sponsorship';
import { apiAs, browserSuite, confirmModal, fill, openAs, screenshotsFor, shown } from './harness';

/** One open alert of the demo data, who works it and who sponsors its student. */
interface Case {
  alert: AlertRow;
  caseworkerAccount: string;
  sponsorAccount: string;
  sponsorDisplayName: string;
  sponsorshipId: string;
}

const FAILED_NOTE = '上午打了两次父亲的电话，都没人接。';
const REACHED_NOTE = '班主任联系上了本人：已转到职业学校读汽修，人很好。';
const RESOLVE_NOTE = '通过学校联系上，本人已转读职业学校，下个月起照常签到。';
const NEW_SCHOOL = '定西理工中等专业学校';
const NEW_GRADE = 10;
const PHONE_NUMBER = /1[3-9]\d{9}/;

let chosen: Case;

/**
 * The demo data's alerts change with the seeding time (the open one may already be acknowledged):
 * take an open one when there is one, and learn from the database who is behind it.
 */
async function chooseCase(baseUrl: string, dbPath: string): Promise<Case> {
  const demoUsers: DemoUser[] = (await (await fetch(`${baseUrl}/api/auth/demo-users`)).json()).users;
  const admins = demoUsers.filter((u) => u.role === 'ngo_admin');
  assert.ok(admins.length > 0, 'the demo login offers NGO admins');
  const alerts: AlertRow[] = [];
  for (const admin of admins) {
    const queue = await (await apiAs(baseUrl, admin.accountId))<QueuePage>('/api/staff/care/queue?tab=alerts&limit=50');
    alerts.push(...queue.items.filter((item): item is AlertRow => item.kind === 'alert'));
  }
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const cases = alerts.flatMap((alert): Case[] => {
      const staff = alert.assignee && db.prepare('SELECT account_id FROM staff WHERE id = ?').get(alert.assignee.id) as { account_id: string } | undefined;
      const sponsor = db
        .prepare(
          `SELECT sp.id AS sponsorshipId, s.account_id AS accountId, s.display_name AS displayName
             FROM sponsorships sp JOIN sponsors s ON s.id = sp.sponsor_id
            WHERE sp.student_id = ? AND sp.status = 'active'`,
        )
        .get(alert.student.id) as { sponsorshipId: string; accountId: string; displayName: string } | undefined;
      if (!staff || !sponsor) return [];
      return [{ alert, caseworkerAccount: staff.account_id, sponsorAccount: sponsor.accountId, sponsorDisplayName: sponsor.displayName, sponsorshipId: sponsor.sponsorshipId }];
    });
    const found = cases.find((c) => c.alert.status === 'open') ?? cases[0];
    assert.ok(found, 'the demo data has an alert on a sponsored student, assigned to a caseworker');
    return found;
  } finally {
    db.close();
  }
}

const suite = browserSuite(async ({ server }) => {
  chosen = await chooseCase(server.baseUrl, server.dbPath);
});

const screenshot = screenshotsFor('');

/** The sponsor's sponsorship page, freshly loaded. */
async function openSponsorship(page: Page, baseUrl: string, sponsorshipId: string) {
  await page.goto(`${baseUrl}/packages/sponsor/pages/sponsorship/index?id=${encodeURIComponent(sponsorshipId)}`);
  await page.locator(`[data-testid="sponsorship-screen"][data-id="${sponsorshipId}"]`).filter({ visible: true }).waitFor({ timeout: 30_000 });
}

/** The staff home's way into the queue carries `label` (Taro's h5 button is no `button` role, so read the attribute). */
async function queueLinkSays(page: Page, label: string) {
  await page.locator(`[data-testid="care-queue-link"][aria-label="${label}"]`).filter({ visible: true }).waitFor();
}

/** Logs one contact attempt through the case page's form and waits until the case lists it. */
async function logAttempt(page: Page, attempt: { method: string; result: string; note: string }) {
  const listed = shown(page, 'case-attempt');
  const before = await listed.count();
  await shown(page, 'case-log-attempt').click();
  await shown(page, `attempt-method-${attempt.method}`).click();
  await shown(page, `attempt-result-${attempt.result}`).click();
  await fill(page, 'attempt-note', attempt.note);
  await shown(page, 'attempt-submit').click();
  await shown(page, 'attempt-form').waitFor({ state: 'detached' });
  await listed.nth(before).waitFor();
  assert.equal(await listed.count(), before + 1);
}

describe('a caseworker works a lost-contact alert from the queue to an outcome', () => {
  it('acknowledges, logs a failed and a reached attempt, closes it as a move to vocational school; the sponsor sees only the gentle status', async () => {
    const { baseUrl } = suite.server;
    const { alert, sponsorshipId } = chosen;
    const name = alert.student.displayName;
    const caseworkerApi = await apiAs(baseUrl, chosen.caseworkerAccount);
    const sponsorApi = await apiAs(baseUrl, chosen.sponsorAccount);
    const opening = await caseworkerApi<CaseView>(`/api/staff/care/alerts/${alert.id}`);
    assert.equal(opening.student.sponsorDisplayName, chosen.sponsorDisplayName);
    const { counts } = await caseworkerApi<QueuePage>('/api/staff/care/queue?tab=alerts&limit=1');

    // Before: the sponsor reads that the partner NGO is checking in.
    const sponsor = await openAs(suite.browser, baseUrl, chosen.sponsorAccount);
    const sp = sponsor.page;
    await openSponsorship(sp, baseUrl, sponsorshipId);
    const careLine = shown(sp, 'sponsorship-care');
    await careLine.waitFor();
    assert.match(await careLine.innerText(), new RegExp(`正在联系${name}——这很常见`));

    // The queue, opened from the staff home (a desktop browser), with the alert and its SLA countdown.
    const caseworker = await openAs(suite.browser, baseUrl, chosen.caseworkerAccount, { width: 1280, height: 900 });
    const cw = caseworker.page;
    await shown(cw, 'staff-home').waitFor({ timeout: 30_000 });
    await queueLinkSays(cw, `打开个案队列：未结提醒 ${counts.alerts} 个 · 已升级 ${counts.escalated} 个`);
    await shown(cw, 'care-queue-link').click();
    await shown(cw, 'care-queue').waitFor();
    // The queue opens on the urgent tab while a safety flag of the NGO is open; lost contact is the next tab.
    await shown(cw, 'queue-tab-alerts').click();
    await shown(cw, 'queue-tab-alerts').and(cw.locator('[aria-checked="true"]')).waitFor();
    const row = cw.locator(`[data-testid="queue-alert"][data-id="${alert.id}"]`).filter({ visible: true });
    await row.waitFor();
    assert.equal(await cw.getByRole('button', { name: `打开${name}的个案` }).filter({ visible: true }).count(), 1);
    const sla = row.getByTestId('sla-line');
    if (alert.nextDeadline) {
      assert.notEqual(await sla.getAttribute('data-urgency'), 'met');
      assert.match(await sla.innerText(), alert.nextDeadline.kind === 'ack' ? /^确认(期限还剩|已逾期) \S/ : /^首次联系(期限还剩|已逾期) \S/);
    } else {
      assert.equal(await sla.getAttribute('data-urgency'), 'met');
    }
    await screenshot(cw, 'care-queue');

    // The case: acknowledged if still open, then two attempts.
    await row.click();
    const caseScreen = cw.locator(`[data-testid="case-screen"][data-id="${alert.id}"]`).filter({ visible: true });
    await caseScreen.waitFor();
    assert.match(await shown(cw, 'case-student-name').innerText(), new RegExp(name));
    await screenshot(cw, 'care-case');
    if ((await caseScreen.getAttribute('data-status')) === 'open') {
      await shown(cw, 'case-acknowledge').click();
      await cw.locator(`[data-testid="case-screen"][data-status="acknowledged"]`).filter({ visible: true }).waitFor();
      assert.equal(await shown(cw, 'case-acknowledge').count(), 0);
    }
    await logAttempt(cw, { method: 'call', result: 'no_answer', note: FAILED_NOTE });
    await logAttempt(cw, { method: 'school', result: 'reached', note: REACHED_NOTE });

    // Closed as "situation changed — vocational track", through the confirmation.
    await shown(cw, 'case-resolve').click();
    await shown(cw, 'resolve-outcome-situation_changed').click();
    await shown(cw, 'resolve-change-vocational_track').click();
    await fill(cw, 'resolve-schoolName', NEW_SCHOOL);
    await shown(cw, 'resolve-stage-vocational').click();
    await fill(cw, 'resolve-grade', String(NEW_GRADE));
    await fill(cw, 'resolve-note', RESOLVE_NOTE);
    await shown(cw, 'resolve-submit').click();
    await cw.getByText('确认结案？').waitFor();
    await confirmModal(cw, '确认结案');
    const outcome = shown(cw, 'case-outcome');
    await outcome.waitFor();
    assert.equal(await outcome.getAttribute('data-outcome'), 'situation_changed');
    assert.equal(await caseScreen.getAttribute('data-status'), 'resolved');
    assert.equal(await shown(cw, 'case-actions').count(), 0);
    // The "已结案" toast would cover the outcome in the picture.
    await cw.locator('.taro__toast').getByText('已结案').waitFor({ state: 'hidden' });
    await screenshot(cw, 'care-case-resolved');

    const closed = await caseworkerApi<CaseView>(`/api/staff/care/alerts/${alert.id}`);
    assert.equal(closed.alert.status, 'resolved');
    assert.equal(closed.alert.outcome, 'situation_changed');
    assert.equal(closed.alert.outcomeNote, RESOLVE_NOTE);
    assert.equal(closed.attempts.length, opening.attempts.length + 2);
    const logged = closed.attempts.filter((a) => !opening.attempts.some((o) => o.id === a.id));
    assert.deepEqual(
      logged.map((a) => [a.method, a.result, a.note]).sort(),
      [
        ['call', 'no_answer', FAILED_NOTE],
        ['school', 'reached', REACHED_NOTE],
      ].sort(),
    );
    assert.deepEqual(
      { schoolName: closed.student.schoolName, schoolStage: closed.student.schoolStage, grade: closed.student.grade },
      { schoolName: NEW_SCHOOL, schoolStage: 'vocational', grade: NEW_GRADE },
    );

    // After: back in touch, with what changed, and nothing of the case itself.
    await openSponsorship(sp, baseUrl, sponsorshipId);
    await careLine.waitFor();
    assert.match(await careLine.innerText(), new RegExp(`^${name}已经和.+恢复联系，现在在职业学校就读。$`));
    await screenshot(sp, 'care-sponsor');
    const sponsorPage = await shown(sp, 'sponsorship-screen').innerText();
    const detail = await sponsorApi<SponsorshipDetail>(`/api/sponsor/sponsorships/${sponsorshipId}`);
    assert.deepEqual({ state: detail.care.state, change: detail.care.change }, { state: 'back_in_touch', change: 'vocational_track' });
    const privateWords = [FAILED_NOTE, REACHED_NOTE, RESOLVE_NOTE, ...closed.student.contacts.map((c) => c.name)];
    for (const text of [sponsorPage, JSON.stringify(detail)]) {
      for (const word of privateWords) assert.ok(!text.includes(word), `the sponsor does not see “${word}”`);
      assert.doesNotMatch(text, PHONE_NUMBER);
    }
    await sponsor.close();

    // The alert has left the open queue, and the home counts one fewer.
    await shown(cw, 'back-link').click();
    await shown(cw, 'queue-tab-alerts').filter({ hasText: `失联提醒（${counts.alerts - 1}）` }).waitFor();
    await row.waitFor({ state: 'hidden' });
    const queue = await caseworkerApi<QueuePage>('/api/staff/care/queue?tab=alerts&limit=50');
    assert.ok(!queue.items.some((item) => item.id === alert.id));
    await shown(cw, 'back-link').click();
    await queueLinkSays(cw, `打开个案队列：未结提醒 ${counts.alerts - 1} 个 · 已升级 ${queue.counts.escalated} 个`);
    await caseworker.close();
  });

  it('the NGO admin changes the care policy in h5: a mistake is pointed out at its field, a good change is saved as a new version', async () => {
    const { baseUrl } = suite.server;
    const demoUsers: DemoUser[] = (await (await fetch(`${baseUrl}/api/auth/demo-users`)).json()).users;
    const admin = demoUsers.find((u) => u.role === 'ngo_admin');
    assert.ok(admin, 'the demo login offers an NGO admin');
    const adminApi = await apiAs(baseUrl, admin.accountId);
    const before = await adminApi<CarePolicyView>('/api/staff/care/policy');
    assert.equal(before.editable, true);
    const cadence = before.checkinCadenceDays === 28 ? 35 : 28;

    const signedIn = await openAs(suite.browser, baseUrl, admin.accountId, { width: 1280, height: 900 });
    const page = signedIn.page;
    await page.goto(`${baseUrl}/packages/staff/pages/policy/index`);
    await shown(page, 'policy-editor').waitFor({ timeout: 30_000 });
    assert.match(await shown(page, 'policy-version').innerText(), new RegExp(`^第 ${before.version} 版`));

    // The watch list before the second nudge: refused before anything is sent, at that step's field.
    const watchDay = before.ladder.find((s) => s.step === 'watch')?.day;
    assert.ok(watchDay !== undefined);
    await fill(page, 'policy-ladder-watch', '5');
    await shown(page, 'policy-save').click();
    const misplaced = page.locator('[data-testid="field-error"][data-field="ladder[2].day"]').filter({ visible: true });
    await misplaced.waitFor();
    assert.equal(await misplaced.innerText(), '这一步要比前一步晚。');
    assert.equal((await adminApi<CarePolicyView>('/api/staff/care/policy')).version, before.version);

    await fill(page, 'policy-ladder-watch', String(watchDay));
    await fill(page, 'policy-checkinCadenceDays', String(cadence));
    await shown(page, 'policy-save').click();
    await page.getByText('保存关怀规则？').waitFor();
    await confirmModal(page, '保存');
    await shown(page, 'policy-version').filter({ hasText: `第 ${before.version + 1} 版` }).waitFor();
    await screenshot(page, 'care-policy');

    const after = await adminApi<CarePolicyView>('/api/staff/care/policy');
    assert.equal(after.version, before.version + 1);
    assert.equal(after.checkinCadenceDays, cadence);
    assert.deepEqual(after.ladder, before.ladder);
    await signedIn.close();
  });
});
