/**
 * A guardian's deletion request, handled by a caseworker in the browser, in both languages: from the
 * student's record to recording the request, erasing after the confirmation dialog — and what the
 * server keeps after (the ledger's totals) and tells the sponsor.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import type { NotificationPage } from '../domain/api/letters';
import { ANONYMISED } from '../domain/privacy/guardian-requests';
import { apiAs, browserSuite, confirmModal, fill, openAs, screenshotsFor, shown } from './harness';

interface Chosen {
  studentId: string;
  legalName: string;
  caseworkerAccount: string;
  sponsorAccount: string;
  sponsorshipId: string;
}

/** Two sponsored students with a caseworker and nothing open in their care, from the seeded data. */
function chooseStudents(dbPath: string): Chosen[] {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare(
        `SELECT st.id AS studentId, st.legal_name AS legalName, cw.account_id AS caseworkerAccount, sp.account_id AS sponsorAccount, s.id AS sponsorshipId
           FROM students st
           JOIN staff cw ON cw.id = st.caseworker_id
           JOIN sponsorships s ON s.student_id = st.id AND s.status = 'active'
           JOIN sponsors sp ON sp.id = s.sponsor_id
          WHERE st.program_status = 'active' AND st.anonymised_at IS NULL
            AND NOT EXISTS (SELECT 1 FROM alerts a WHERE a.student_id = st.id AND a.status <> 'resolved')
            AND NOT EXISTS (SELECT 1 FROM wellbeing_flags f WHERE f.student_id = st.id AND f.status <> 'resolved')
          ORDER BY st.id
          LIMIT 2`,
      )
      .all() as Chosen[];
  } finally {
    db.close();
  }
}

/** What the server holds after: the student's name, the sponsorship's status and its ledger totals. */
function storedOf(dbPath: string, c: Chosen) {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const student = db.prepare('SELECT legal_name AS legalName, anonymised_at AS anonymisedAt FROM students WHERE id = ?').get(c.studentId) as { legalName: string; anonymisedAt: string | null };
    const sponsorship = db.prepare('SELECT status, end_reason AS endReason FROM sponsorships WHERE id = ?').get(c.sponsorshipId) as { status: string; endReason: string | null };
    const ledger = db.prepare('SELECT kind, count(*) AS n, sum(amount_fen) AS fen FROM ledger_entries WHERE sponsorship_id = ? GROUP BY kind ORDER BY kind').all(c.sponsorshipId);
    const audit = db
      .prepare("SELECT action FROM audit_log WHERE student_id = ? AND action LIKE 'guardian_requests.%' AND action NOT IN ('guardian_requests.read', 'guardian_requests.list') ORDER BY id")
      .all(c.studentId)
      .map((r) => (r as { action: string }).action);
    return { student, sponsorship, ledger, audit };
  } finally {
    db.close();
  }
}

let chosen: Chosen[];
const suite = browserSuite(async ({ server }) => {
  chosen = chooseStudents(server.dbPath);
  assert.equal(chosen.length, 2, 'the demo data has two sponsored students with nothing open in their care');
});
const screenshot = screenshotsFor('guardian-request-');

const TEXT = {
  'zh-CN': { guardian: '吉克拉哈', relation: '母亲', details: '孩子已经转学，母亲希望删除孩子的资料。', confirm: '删除', completed: '已办结', erased: /已删除：\d+ 封信的正文/ },
  'en-US': { guardian: 'Jike Laha', relation: 'Mother', details: 'The child changed schools; the mother asks for the data to be deleted.', confirm: 'Erase', completed: 'Completed', erased: /Erased: the text of \d+ letters/ },
} as const;

describe('a caseworker handles a guardian’s deletion request', () => {
  for (const [index, locale] of (['zh-CN', 'en-US'] as const).entries()) {
    it(`in ${locale}`, async () => {
      const { server, browser } = suite;
      const student = chosen[index];
      const text = TEXT[locale];
      const before = storedOf(server.dbPath, student);

      const { page, close } = await openAs(browser, server.baseUrl, student.caseworkerAccount, { width: 1280, height: 900 });
      try {
        if (locale === 'en-US') {
          await page.goto(`${server.baseUrl}/pages/settings/index`);
          await page.getByTestId('locale-en-US').click();
        }
        await page.goto(`${server.baseUrl}/packages/staff/pages/student/index?id=${encodeURIComponent(student.studentId)}`);
        await shown(page, 'record-guardian-requests').click();
        await shown(page, 'guardian-requests').waitFor();

        await shown(page, 'rights-record-open').click();
        await shown(page, 'rights-kind-delete').click();
        await fill(page, 'rights-guardian', text.guardian);
        await fill(page, 'rights-relation', text.relation);
        await shown(page, 'rights-via-in_person').click();
        await fill(page, 'rights-details', text.details);
        await screenshot(page, `${locale}-record`);
        await shown(page, 'rights-submit').click();

        await shown(page, 'guardian-request').waitFor({ timeout: 15_000 });
        assert.equal(await shown(page, 'rights-status').getAttribute('data-value'), 'received');
        await shown(page, 'rights-erase').click();
        await confirmModal(page, text.confirm);
        await page.locator('[data-testid="rights-status"][data-value="completed"]').filter({ visible: true }).waitFor({ timeout: 15_000 });
        assert.equal((await shown(page, 'rights-status').innerText()).trim(), text.completed);
        assert.match(await shown(page, 'rights-erased').innerText(), text.erased);
        await screenshot(page, `${locale}-erased`);
      } finally {
        await close();
      }

      const after = storedOf(server.dbPath, student);
      assert.equal(after.student.legalName, ANONYMISED.legalName);
      assert.ok(after.student.anonymisedAt);
      assert.deepEqual(after.sponsorship, { status: 'ended', endReason: 'student_data_erased' });
      assert.deepEqual(after.ledger, before.ledger, 'every ledger entry and total is kept');
      assert.deepEqual(after.audit, ['guardian_requests.receive', 'guardian_requests.act', 'guardian_requests.complete']);

      const sponsor = await apiAs(server.baseUrl, student.sponsorAccount);
      const inbox = await sponsor<NotificationPage>('/api/notifications?limit=50');
      const aboutStudent = inbox.items.filter((n) => n.payload.sponsorshipId === student.sponsorshipId || n.payload.studentId === student.studentId);
      assert.deepEqual(
        aboutStudent.map((n) => n.kind),
        ['sponsorship_closed'],
        'the sponsor is told the sponsorship closed, and the older notices about the student are gone',
      );
    });
  }
});
