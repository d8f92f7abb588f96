import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import SQLite from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app';
import { MANIFEST_FILE } from '../backup/manifest';
import { loadConfig } from '../config';
import { seedDemoData } from '../db/seed';
import { createSession } from '../features/auth/sessions';
import { multipartBody } from '../test/multipart';

// The backup commands are for the embedded SQLite database: this runs on a SQLite file even when
// the server suite runs on PostgreSQL.
jest.setTimeout(180_000);

const repoRoot = path.resolve(__dirname, '../..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'banxue-restore-'));
const sqlitePath = path.join(tmp, 'live', 'banxue.sqlite');
const filesDir = path.join(tmp, 'live', 'files');
const backupsDir = path.join(tmp, 'backups');

const run = (script: 'backup' | 'restore', args: string[]) =>
  promisify(execFile)(process.execPath, ['--import', 'tsx', `server/cli/${script}.ts`, ...args], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: '', BANXUE_SQLITE_PATH: sqlitePath, BANXUE_FILES_DIR: filesDir },
  });

const readDb = <T>(query: (db: SQLite.Database) => T): T => {
  const db = new SQLite(sqlitePath, { readonly: true });
  try {
    return query(db);
  } finally {
    db.close();
  }
};

let app: FastifyInstance | null;
let sponsor: { id: string; account_id: string; display_name: string };
let photo: { storageKey: string; bytes: Buffer };
let backup: string;

beforeAll(async () => {
  app = await buildApp({
    config: loadConfig({
      BANXUE_SQLITE_PATH: sqlitePath,
      BANXUE_FILES_DIR: filesDir,
      BANXUE_H5_DIR: path.join(tmp, 'no-h5-build'),
      BANXUE_JOBS: 'false',
      LOG_LEVEL: 'error',
    }),
  });
  await seedDemoData(app.db, { now: new Date('2026-11-29T03:04:05.000Z'), staffPasswordHash: 'hash' });
  sponsor = await app.db.selectFrom('sponsors').select(['id', 'account_id', 'display_name']).orderBy('id').executeTakeFirstOrThrow();
  const { token } = await createSession(app.db, { accountId: sponsor.account_id, method: 'demo', now: new Date(), ttlHours: 1 });
  const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#3a7' } }).jpeg().toBuffer();
  const { payload, headers } = multipartBody('photo', jpeg);
  const upload = await app.inject({ method: 'POST', url: '/api/letter-photos', payload, headers: { ...headers, authorization: `Bearer ${token}` } });
  expect(upload.statusCode).toBe(201);
  const row = await app.db.selectFrom('uploads').select('storage_key').where('id', '=', upload.json().id).executeTakeFirstOrThrow();
  photo = { storageKey: row.storage_key, bytes: fs.readFileSync(path.join(filesDir, row.storage_key)) };
});

afterAll(async () => {
  await app?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

test('backs up while the server runs, and restores the data and the file bytes after they changed', async () => {
  // The server keeps writing while the backup is taken.
  let backingUp = true;
  const writes = (async () => {
    for (let i = 0; backingUp; i += 1) {
      await app!.db.updateTable('sponsors').set({ display_name: `busy ${i}` }).where('id', '<>', sponsor.id).execute();
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  })();
  const { stdout } = await run('backup', ['--to', backupsDir]).finally(() => (backingUp = false));
  await writes;
  backup = stdout.match(/Backup written to (.+)$/m)![1];
  const manifest = JSON.parse(fs.readFileSync(path.join(backup, MANIFEST_FILE), 'utf8'));
  expect(manifest.database.tables.sponsors).toBeGreaterThan(0);
  expect(manifest.files).toEqual([{ path: photo.storageKey, bytes: photo.bytes.length, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }]);

  // Life goes on after the backup: a name changes, the photo is deleted, another file appears.
  await app!.db.updateTable('sponsors').set({ display_name: 'renamed after the backup' }).where('id', '=', sponsor.id).execute();
  await app!.db.deleteFrom('uploads').where('storage_key', '=', photo.storageKey).execute();
  fs.rmSync(path.join(filesDir, photo.storageKey));
  fs.writeFileSync(path.join(filesDir, 'later.jpg'), 'written after the backup');

  await expect(run('restore', [backup, '--force'])).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('is in use (is the server running?)') });
  await app!.close();
  app = null;
  await expect(run('restore', [backup])).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('run again with --force') });
  expect(readDb((db) => db.prepare('select display_name from sponsors where id = ?').pluck().get(sponsor.id))).toBe('renamed after the backup');

  const restored = await run('restore', [backup, '--force']);
  expect(restored.stdout).toContain('Restored the backup');
  expect(readDb((db) => db.prepare('select display_name from sponsors where id = ?').pluck().get(sponsor.id))).toBe(sponsor.display_name);
  expect(readDb((db) => db.prepare('select count(*) from uploads where storage_key = ?').pluck().get(photo.storageKey))).toBe(1);
  expect(readDb((db) => db.pragma('integrity_check', { simple: true }))).toBe('ok');
  expect(fs.readFileSync(path.join(filesDir, photo.storageKey)).equals(photo.bytes)).toBe(true);
  expect(fs.existsSync(path.join(filesDir, 'later.jpg'))).toBe(false);
  // What the restore replaced is kept aside, not deleted.
  const keptFiles = fs.readdirSync(path.dirname(filesDir)).find((name) => name.startsWith('files.replaced-'))!;
  expect(fs.readFileSync(path.join(path.dirname(filesDir), keptFiles, 'later.jpg'), 'utf8')).toBe('written after the backup');
});

describe('a damaged backup is refused and nothing changes', () => {
  const damagedCopy = (name: string, damage: (dir: string) => void) => {
    const dir = path.join(tmp, name);
    fs.cpSync(backup, dir, { recursive: true });
    damage(dir);
    return dir;
  };
  const flipLastByte = (file: string) => {
    const bytes = fs.readFileSync(file);
    bytes[bytes.length - 1] ^= 0xff;
    fs.writeFileSync(file, bytes);
  };

  beforeAll(async () => {
    const db = new SQLite(sqlitePath);
    db.prepare('update sponsors set display_name = ? where id = ?').run('changed after the restore', sponsor.id);
    db.close();
  });

  const expectUnchanged = () => {
    expect(readDb((db) => db.prepare('select display_name from sponsors where id = ?').pluck().get(sponsor.id))).toBe('changed after the restore');
    expect(fs.readFileSync(path.join(filesDir, photo.storageKey)).equals(photo.bytes)).toBe(true);
  };

  test('a stored file whose bytes changed', async () => {
    const dir = damagedCopy('damaged-file', (d) => flipLastByte(path.join(d, 'files', ...photo.storageKey.split('/'))));
    await expect(run('restore', [dir, '--force'])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(new RegExp(`does not match its manifest, so it is damaged; nothing was restored:\\n  files/${photo.storageKey}: its SHA-256 does not match`)),
    });
    expectUnchanged();
  });

  test('a missing file and a database copy of another size', async () => {
    const dir = damagedCopy('damaged-database', (d) => {
      fs.appendFileSync(path.join(d, 'banxue.sqlite'), 'x');
      fs.rmSync(path.join(d, 'files', ...photo.storageKey.split('/')));
    });
    const failure = run('restore', [dir, '--force']);
    await expect(failure).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/banxue\.sqlite: \d+ bytes, the manifest says \d+/) });
    await expect(failure).rejects.toMatchObject({ stderr: expect.stringContaining(`files/${photo.storageKey}: missing`) });
    expectUnchanged();
  });

  test('a manifest that is not valid JSON, or not a manifest', async () => {
    const truncated = damagedCopy('damaged-manifest', (d) => fs.writeFileSync(path.join(d, MANIFEST_FILE), fs.readFileSync(path.join(d, MANIFEST_FILE), 'utf8').slice(0, 100)));
    await expect(run('restore', [truncated, '--force'])).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('is damaged (not valid JSON)') });
    const escaping = damagedCopy('escaping-manifest', (d) => {
      const manifest = JSON.parse(fs.readFileSync(path.join(d, MANIFEST_FILE), 'utf8'));
      manifest.files[0].path = '../../outside.jpg';
      fs.writeFileSync(path.join(d, MANIFEST_FILE), JSON.stringify(manifest));
    });
    await expect(run('restore', [escaping, '--force'])).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('file names that are not storage keys') });
    await expect(run('restore', [tmp, '--force'])).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('has no manifest.json') });
    expectUnchanged();
  });
});
