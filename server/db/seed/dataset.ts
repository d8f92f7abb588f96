import { buildCheckins, buildTermReports } from './activity';
import { buildPausedContacts, buildSilences } from './care';
import { buildLedger } from './ledger';
import { buildLetters } from './letters';
import { SEEDED_TABLES, type Ctx, type Rows } from './model';
import { buildNgos } from './ngos';
import { buildNotices } from './notices';
import { buildNotifications } from './notifications';
import { IdSequence, Rng } from './random';
import { buildSponsorships } from './sponsorships';
import { studentRows } from './student-rows';
import { buildStudents } from './students';
import { localYmd, schoolYearOf } from './time';
import { buildWellbeing, type WellbeingHighlights } from './wellbeing';

/** Fixed, so the same `now` always gives the same rows. */
export const DEMO_SEED = 0x6a78_2026;

export interface Highlights extends WellbeingHighlights {
  sponsorWithTwoStudents: string;
  renewingSponsor: string;
  silentStudentWithOpenAlert: string;
  silentStudentWithAcknowledgedAlert: string;
  longestWaitingStudent: string;
  studentAwaitingConsent: string;
}

/** Builds every demo row in memory (no I/O): a pure function of `now` and the staff password hash. */
export function buildDataset(now: Date, staffPasswordHash: string): { rows: Rows; highlights: Highlights } {
  const today = localYmd(now);
  const rows = Object.fromEntries(SEEDED_TABLES.map((t) => [t, []])) as unknown as Rows;
  const ctx: Ctx = { now, today, schoolYear: schoolYearOf(today), rng: new Rng(DEMO_SEED), ids: new IdSequence(), rows };

  const ngos = buildNgos(ctx, staffPasswordHash);
  const students = buildStudents(ctx, ngos);
  const { sponsorships } = buildSponsorships(ctx, students);
  buildCheckins(ctx, students);
  const letters = buildLetters(ctx, sponsorships);
  buildPausedContacts(ctx, students);
  const alerts = buildSilences(ctx, students);
  const wellbeing = buildWellbeing(ctx, sponsorships);
  const disbursements = buildLedger(ctx, sponsorships);
  buildNotices(ctx, sponsorships);
  const reports = buildTermReports(ctx, students, sponsorships);
  buildNotifications(ctx, { sponsorships, disbursements, reports, letters, alerts });
  studentRows(ctx, students);
  rows.audit_log.sort((a, b) => a.at.localeCompare(b.at) || a.entity_id.localeCompare(b.entity_id));

  const openAlert = (status: string) => rows.alerts.find((a) => a.status === status)?.student_id ?? '';
  const pool = students.filter((s) => s.poolSince).sort((a, b) => a.poolSince!.getTime() - b.poolSince!.getTime());
  return {
    rows,
    highlights: {
      sponsorWithTwoStudents: 'sponsor-001',
      renewingSponsor: 'sponsor-002',
      silentStudentWithOpenAlert: openAlert('open'),
      silentStudentWithAcknowledgedAlert: openAlert('acknowledged'),
      longestWaitingStudent: pool[0]?.id ?? '',
      studentAwaitingConsent: students.find((s) => s.plan === 'new')?.id ?? '',
      ...wellbeing,
    },
  };
}
