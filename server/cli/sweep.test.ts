import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { connectDatabase } from '../db/connect';
import { migrateToLatest } from '../db/migrate';
import { seedDemoData } from '../db/seed';
import type { SweepReport } from '../features/silence/sweep';

jest.setTimeout(60_000);

const SEEDED_AT = new Date('2026-11-29T03:04:05.000Z');
const repoRoot = path.resolve(__dirname, '../..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'banxue-sweep-cli-'));
const file = path.join(tmp, 'demo.sqlite');
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const run = (args: string[]) =>
  promisify(execFile)(process.execPath, ['--import', 'tsx', 'server/cli/sweep.ts', ...args], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: '', BANXUE_SQLITE_PATH: file },
  });

beforeAll(async () => {
  const { db } = connectDatabase({ sqlitePath: file });
  await migrateToLatest(db);
  await seedDemoData(db, { now: SEEDED_AT, staffPasswordHash: 'hash' });
  await db.destroy();
});

test('runs one sweep at --now on the demo data and prints what it did; a second run finds nothing left', async () => {
  const later = '2026-12-09T03:04:05.000Z';
  const first = JSON.parse((await run(['--now', later])).stdout) as SweepReport & { now: string };
  expect(first.now).toBe(later);
  expect(first.stepsPerformed).toBeGreaterThan(0);
  const second = JSON.parse((await run([`--now=${later}`])).stdout) as SweepReport;
  expect(second).toMatchObject({ studentsSeen: 0, stepsPerformed: 0, escalations: 0, examTasks: 0 });

  const { db } = connectDatabase({ sqlitePath: file });
  const performed = await db.selectFrom('silence_steps').select('id').where('performed_at', '=', later).execute();
  await db.destroy();
  expect(performed).toHaveLength(first.stepsPerformed);
});

test('explains a bad --now and an unknown argument', async () => {
  await expect(run(['--now', 'tomorrow'])).rejects.toMatchObject({ code: 64, stderr: expect.stringContaining('--now needs an ISO-8601 time') });
  await expect(run(['--later'])).rejects.toMatchObject({ code: 64, stderr: expect.stringContaining('unknown argument: --later') });
});
