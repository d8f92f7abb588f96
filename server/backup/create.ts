import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import {
  BackupError,
  DATABASE_FILE,
  describeDatabase,
  FILES_FOLDER,
  isStorageKey,
  MANIFEST_FILE,
  sha256Of,
  type Manifest,
  type StoredFile,
} from './manifest';

// Copy every remaining page in one step: one read transaction, so the copy is a single consistent
// snapshot even while the server writes (WAL lets it go on writing meanwhile).
const ALL_PAGES = 0x7fffffff;

/** `2026-11-29T03:04:05.123Z` → `2026-11-29T03-04-05Z`, safe in a folder name everywhere. */
export const backupStamp = (at: Date) => at.toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');

function fsync(file: string) {
  const fd = fs.openSync(file, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** The files under a folder as `a/b.jpg` paths, depth first. */
function listFiles(root: string, prefix = ''): string[] {
  if (!fs.existsSync(root)) return [];
  return fs.readdirSync(root, { withFileTypes: true }).flatMap((entry) => {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return listFiles(path.join(root, entry.name), relative);
    return entry.isFile() ? [relative] : [];
  });
}

/** Copies the stored files (storage keys only: half-written `.tmp` files are left out) and describes each copy. */
export async function copyStoredFiles(from: string, to: string): Promise<StoredFile[]> {
  const stored: StoredFile[] = [];
  for (const key of listFiles(from).filter(isStorageKey)) {
    const target = path.join(to, ...key.split('/'));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(path.join(from, ...key.split('/')), target);
    fsync(target);
    stored.push({ path: key, bytes: fs.statSync(target).size, sha256: await sha256Of(target) });
  }
  return stored;
}

/** An online copy of the SQLite database with better-sqlite3's backup API, left in rollback-journal mode so it is one self-contained file. */
async function copyDatabase(sqlitePath: string, target: string) {
  const source = new SQLite(sqlitePath, { fileMustExist: true });
  try {
    source.pragma('busy_timeout = 5000');
    await source.backup(target, { progress: () => ALL_PAGES });
  } finally {
    source.close();
  }
  const copy = new SQLite(target, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
  fsync(target);
}

/**
 * Backs up the database and the stored files into `<toDir>/banxue-<time>/`: `banxue.sqlite`, `files/…`
 * and `manifest.json` (row counts, sizes, SHA-256 of every file). The database is copied first, so
 * every file it refers to was already written. The folder is built under a hidden name and renamed
 * when complete: a folder named `banxue-…` is always a whole backup.
 */
export async function createBackup(options: { sqlitePath: string; filesDir: string; toDir: string; now: Date }): Promise<{ dir: string; manifest: Manifest }> {
  if (!fs.existsSync(options.sqlitePath)) throw new BackupError(`There is no database at ${options.sqlitePath}; nothing to back up.`);
  const name = `banxue-${backupStamp(options.now)}`;
  const dir = path.join(options.toDir, name);
  if (fs.existsSync(dir)) throw new BackupError(`${dir} already exists; wait a second and run the backup again.`);
  const work = path.join(options.toDir, `.${name}.partial`);
  fs.mkdirSync(work, { recursive: true });
  try {
    const databaseCopy = path.join(work, DATABASE_FILE);
    await copyDatabase(options.sqlitePath, databaseCopy);
    const { tables, migration } = describeDatabase(databaseCopy);
    const files = await copyStoredFiles(options.filesDir, path.join(work, FILES_FOLDER));
    const manifest: Manifest = {
      format: 'banxue-backup',
      version: 1,
      createdAt: options.now.toISOString(),
      database: { file: DATABASE_FILE, bytes: fs.statSync(databaseCopy).size, sha256: await sha256Of(databaseCopy), migration, tables },
      files,
      totals: { files: files.length, bytes: files.reduce((sum, f) => sum + f.bytes, 0) },
    };
    fs.writeFileSync(path.join(work, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    fsync(path.join(work, MANIFEST_FILE));
    fs.renameSync(work, dir);
    return { dir, manifest };
  } catch (error) {
    fs.rmSync(work, { recursive: true, force: true });
    throw error;
  }
}
