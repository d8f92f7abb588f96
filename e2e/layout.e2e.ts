/**
 * Layout a newcomer trips over, checked in the browser: button and choice labels never break inside a
 * word at phone width in large text (both languages); text boxes use the app's type; staff pages use a
 * desktop screen's width while sponsors keep a phone column; past quiet periods and exams are folded away; the
 * login page shows sponsors their way in before the staff form.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { DemoUser } from '../domain/api/auth';
import { browserSuite, openAs, screenshotsFor, shown } from './harness';

const SPONSOR = 'acc-sponsor-001';
const STUDENT = 'acc-student-001';
const NGO_ADMIN = 'acc-staff-sc-admin';
const PHONE_WIDTHS = [320, 375];
const LOCALES = ['zh-CN', 'en-US'] as const;

let caseworker: DemoUser;

const suite = browserSuite(async ({ server }) => {
  const users: DemoUser[] = (await (await fetch(`${server.baseUrl}/api/auth/demo-users`)).json()).users;
  const found = users.find((user) => user.role === 'caseworker');
  assert.ok(found, 'a seeded caseworker is offered on the demo login');
  caseworker = found;
});
const screenshot = screenshotsFor('layout-');

interface LabelProblem {
  label: string;
  problem: string;
}

/**
 * Every visible button, segmented option and mood choice on the page whose label wraps between two
 * letters or two Chinese characters (a line break is fine only at a space or punctuation), or runs out
 * of its box. Lines are found from each character's position, so this holds for any font size.
 */
function labelProblems(page: Page): Promise<LabelProblem[]> {
  return page.evaluate(() => {
    const problems: { label: string; problem: string }[] = [];
    const wordCharacter = /[\p{L}\p{N}]/u;
    for (const element of Array.from(document.querySelectorAll<HTMLElement>('.bx-button, .bx-segmented__option, .bx-checkin__mood'))) {
      if (!element.offsetParent) continue;
      const label = (element.textContent ?? '').trim();
      if (element.scrollWidth > element.clientWidth + 1) problems.push({ label, problem: `overflows by ${element.scrollWidth - element.clientWidth}px` });
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        let previous: { index: number; top: number } | null = null;
        for (let index = 0; index < text.length; index += 1) {
          const range = document.createRange();
          range.setStart(node, index);
          range.setEnd(node, index + 1);
          const box = range.getClientRects()[0];
          if (!box || box.width === 0) continue;
          const newLine = previous !== null && box.top > previous.top + box.height / 2;
          if (newLine && previous && [...text.slice(previous.index, index + 1)].every((c) => wordCharacter.test(c))) {
            problems.push({ label, problem: `breaks as "${text.slice(0, index)}|${text.slice(index)}"` });
          }
          previous = { index, top: box.top };
        }
      }
    }
    return problems;
  });
}

/** Large text on, and the language chosen, from settings; then back to the home page. */
async function prefer(page: Page, locale: (typeof LOCALES)[number]) {
  await shown(page, 'open-settings').click();
  await shown(page, 'large-text-switch').click();
  if (locale === 'en-US') await shown(page, 'locale-en-US').click();
  await page.goBack();
}

async function assertLabelsWhole(page: Page, where: string) {
  // Let the page transition and the large-text type settle before measuring.
  await page.waitForTimeout(600);
  const problems = await labelProblems(page);
  assert.deepEqual(problems, [], `${where}: labels break inside a word or overflow`);
}

describe('labels of buttons and choices wrap only between words', () => {
  for (const locale of LOCALES) {
    for (const width of PHONE_WIDTHS) {
      const viewport = { width, height: 800 };
      const tag = `${locale}-${width}`;

      it(`sponsor home and sponsorship page, large text, ${tag}`, async () => {
        const { page, close } = await openAs(suite.browser, suite.server.baseUrl, SPONSOR, viewport);
        try {
          await prefer(page, locale);
          await shown(page, 'sponsorship-open').first().waitFor();
          await assertLabelsWhole(page, `sponsor home ${tag}`);
          await screenshot(page, `sponsor-home-large-${tag}`);
          await shown(page, 'sponsorship-open').first().click();
          await shown(page, 'sponsorship-tab-timeline').waitFor();
          await assertLabelsWhole(page, `sponsorship ${tag}`);
        } finally {
          await close();
        }
      });

      it(`student check-in with moods, large text, ${tag}`, async () => {
        const { page, close } = await openAs(suite.browser, suite.server.baseUrl, STUDENT, viewport);
        try {
          await prefer(page, locale);
          await shown(page, 'checkin-more').click();
          const moods = shown(page, 'checkin-extra').getByRole('radio');
          assert.equal(await moods.count(), 5);
          for (const text of await moods.allInnerTexts()) assert.match(text.trim(), /^[\p{L} ]+$/u, `mood "${text}" is a word, not a symbol`);
          await assertLabelsWhole(page, `student home ${tag}`);
          await screenshot(page, `student-checkin-large-${tag}`);
        } finally {
          await close();
        }
      });

      it(`caseworker home and queue, large text, ${tag}`, async () => {
        const { page, close } = await openAs(suite.browser, suite.server.baseUrl, caseworker.accountId, viewport);
        try {
          await prefer(page, locale);
          await shown(page, 'staff-scope-mine').waitFor();
          await assertLabelsWhole(page, `staff home ${tag}`);
          await shown(page, 'care-queue-link').click();
          await shown(page, 'queue-tab-alerts').waitFor();
          await assertLabelsWhole(page, `care queue ${tag}`);
          await screenshot(page, `care-queue-large-${tag}`);
        } finally {
          await close();
        }
      });
    }
  }
});

describe('type, width and length', () => {
  it('the letter box uses the app’s type, not the browser’s monospace', async () => {
    const { page, close } = await openAs(suite.browser, suite.server.baseUrl, SPONSOR);
    try {
      await shown(page, 'sponsorship-write').first().click();
      const box = shown(page, 'compose-body').locator('textarea');
      await box.waitFor();
      const fonts = await box.evaluate((textarea) => ({
        box: getComputedStyle(textarea).fontFamily,
        page: getComputedStyle(textarea.closest('.bx-page') as Element).fontFamily,
      }));
      assert.doesNotMatch(fonts.box, /monospace/);
      assert.equal(fonts.box, fonts.page);
    } finally {
      await close();
    }
  });

  it('an NGO admin on a desktop gets the student record across the screen, in two columns', async () => {
    const { page, close } = await openAs(suite.browser, suite.server.baseUrl, NGO_ADMIN, { width: 1440, height: 900 });
    try {
      await shown(page, 'staff-student-row').first().click();
      const record = shown(page, 'student-record');
      await record.waitFor();
      const recordBox = await record.boundingBox();
      assert.ok(recordBox && recordBox.width > 1200, `the record uses the screen (${recordBox?.width}px wide)`);
      // Both boxes from one frame: the page may still be sliding in from Taro's page transition.
      const [contacts, consent] = await page.evaluate(() =>
        ['contacts-section', 'consent-section'].map((id) => {
          const box = Array.from(document.querySelectorAll(`[data-testid="${id}"]`)).find((el) => (el as HTMLElement).offsetParent)?.getBoundingClientRect();
          return box ? { x: box.x, y: box.y, width: box.width } : null;
        }),
      );
      assert.ok(contacts && consent, 'both sections are shown');
      assert.equal(Math.round(contacts.y), Math.round(consent.y), 'contacts and consent sit side by side');
      assert.ok(consent.x >= contacts.x + contacts.width, `consent is in the second column (contacts ${contacts.x}+${contacts.width}, consent at ${consent.x})`);
      assert.match(await shown(page, 'back-link').innerText(), /返回/);
      const edit = await shown(page, 'record-edit').boundingBox();
      assert.ok(edit && edit.width < 400, `the edit button is as wide as its label, not the screen (${edit?.width}px)`);
      await screenshot(page, 'staff-record-desktop');
    } finally {
      await close();
    }
  });

  it('a sponsor on the same screen keeps a phone-like column', async () => {
    const { page, close } = await openAs(suite.browser, suite.server.baseUrl, SPONSOR, { width: 1440, height: 900 });
    try {
      const shell = await shown(page, 'sponsor-home-page').boundingBox();
      assert.ok(shell && shell.width <= 800, `the sponsor home is a column (${shell?.width}px wide)`);
    } finally {
      await close();
    }
  });

  it('the care policy on a phone folds away the quiet periods and exams that are over', async () => {
    const { page, close } = await openAs(suite.browser, suite.server.baseUrl, NGO_ADMIN);
    try {
      await shown(page, 'care-policy-link').click();
      await shown(page, 'policy-save').waitFor();
      await screenshot(page, 'policy-phone');
      for (const kind of ['quiet', 'exam']) {
        const toggle = shown(page, `policy-${kind}-past-toggle`);
        const past = Number((await toggle.innerText()).match(/\d+/)?.[0]);
        assert.ok(past > 0, `the seeded policy has ${kind} entries that are over`);
        const folded = await shown(page, `policy-${kind}`).count();
        await toggle.click();
        assert.equal(await shown(page, `policy-${kind}`).count(), folded + past);
      }
    } finally {
      await close();
    }
  });

  it('the login page on a phone shows the demo accounts before the staff form', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    try {
      const page = await context.newPage();
      await page.goto(suite.server.baseUrl);
      const demo = shown(page, 'demo-accounts');
      await demo.waitFor({ timeout: 30_000 });
      const demoBox = await demo.boundingBox();
      const staffBox = await shown(page, 'password-login').boundingBox();
      assert.ok(demoBox && staffBox && demoBox.y < staffBox.y, 'the demo accounts come first');
      assert.ok(demoBox.y < 844, 'the demo accounts start on the first screen');
    } finally {
      await context.close();
    }
  });
});
