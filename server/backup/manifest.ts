import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import SQLite from 'better-sqlite3';
import { assertStorageKey } from '../files/storage';

export const MANIFEST_FILE = 'manifest.json';
export const DATABASE_FILE = 'banxue.sqlite';
export const FILES_FOLDER = 'files';

/** A backup that cannot be made or used; the message says why, for the person running the command. */
export class BackupError extends Error {}

const Sha256 = Type.String({ pattern: '^[0-9a-f]{64}$' });
const Count = Type.Integer({ minimum: 0 });

const StoredFile = Type.Object({ path: Type.String({ minLength: 1 }), bytes: Count, sha256: Sha256 }, { additionalProperties: false });
export type StoredFile = Static<typeof StoredFile>;

export const Manifest = Type.Object(
  {
    format: Type.Literal('banxue-backup'),
    version: Type.Literal(1),
    createdAt: Type.String(),
    database: Type.Object(
      {
        file: Type.Literal(DATABASE_FILE),
        bytes: Count,
        sha256: Sha256,
        /** The last migration applied to the copy. */
        migration: Type.Union([Type.String(), Type.Null()]),
        /** Rows per table. */
        tables: Type.Record(Type.String(), Count),
      },
      { additionalProperties: false },
    ),
    /** Stored files (photos, receipts) by storage key. */
    files: Type.Array(StoredFile),
    totals: Type.Object({ files: Count, bytes: Count }, { additionalProperties: false }),
  },
  { additionalProperties: false },
);
export type Manifest = Static<typeof Manifest>;

export async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(fs.createReadStream(file), hash);
  return hash.digest('hex');
}

export function isStorageKey(key: string): boolean {
  try {
    assertStorageKey(key);
    return true;
  } catch {
    return false;
  }
}

/** Rows per table and the last migration, after SQLite's integrity check passes. */
export function describeDatabase(file: string): { tables: Record<string, number>; migration: string | null } {
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    const problems = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    if (problems.join() !== 'ok') throw new BackupError(`${file} fails SQLite's integrity check: ${problems.slice(0, 5).join('; ')}`);
    const names = db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name").pluck().all() as string[];
    const tables = Object.fromEntries(names.map((name) => [name, Number(db.prepare(`select count(*) from "${name}"`).pluck().get())]));
    const migration = names.includes('kysely_migration')
      ? ((db.prepare('select name from kysely_migration order by name desc limit 1').pluck().get() as string | undefined) ?? null)
      : null;
    return { tables, migration };
  } finally {
    db.close();
  }
}

export function sameCounts(a: Record<string, number>, b: Record<string, number>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

async function checkFile(file: string, expected: { bytes: number; sha256: string }, label: string, problems: string[]) {
  if (!fs.existsSync(file)) problems.push(`${label}: missing`);
  else if (fs.statSync(file).size !== expected.bytes) problems.push(`${label}: ${fs.statSync(file).size} bytes, the manifest says ${expected.bytes}`);
  else if ((await sha256Of(file)) !== expected.sha256) problems.push(`${label}: its SHA-256 does not match the manifest`);
}

function readManifest(dir: string): Manifest {
  const file = path.join(dir, MANIFEST_FILE);
  if (!fs.existsSync(file)) throw new BackupError(`${dir} has no ${MANIFEST_FILE}: it is not a backup made by db:backup, or an unfinished one`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    throw new BackupError(`${file} is damaged (not valid JSON); this backup cannot be trusted`);
  }
  const errors = [...Value.Errors(Manifest, parsed)].slice(0, 5).map((e) => `${e.path || '/'} ${e.message}`);
  if (errors.length > 0) throw new BackupError(`${file} is damaged or not a Banxue backup manifest: ${errors.join('; ')}`);
  const manifest = parsed as Manifest;
  const unsafe = manifest.files.filter((f) => !isStorageKey(f.path)).map((f) => f.path);
  if (unsafe.length > 0) throw new BackupError(`${file} is damaged: file names that are not storage keys (${unsafe.slice(0, 3).join(', ')})`);
  return manifest;
}

/** Checks a backup folder against its manifest: every size and SHA-256, and SQLite's integrity check of the copy. */
export async function verifyBackup(dir: string): Promise<Manifest> {
  const manifest = readManifest(dir);
  const problems: string[] = [];
  await checkFile(path.join(dir, DATABASE_FILE), manifest.database, DATABASE_FILE, problems);
  for (const stored of manifest.files) {
    await checkFile(path.join(dir, FILES_FOLDER, ...stored.path.split('/')), stored, `${FILES_FOLDER}/${stored.path}`, problems);
  }
  if (problems.length > 0) {
    const more = problems.length > 10 ? `\n  … and ${problems.length - 10} more` : '';
    throw new BackupError(`The backup in ${dir} does not match its manifest, so it is damaged; nothing was restored:\n  ${problems.slice(0, 10).join('\n  ')}${more}`);
  }
  const { tables } = describeDatabase(path.join(dir, DATABASE_FILE));
  if (!sameCounts(tables, manifest.database.tables)) {
    throw new BackupError(`The database in ${dir} does not hold the row counts its manifest lists; nothing was restored`);
  }
  return manifest;
}
