import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { backupStamp, copyStoredFiles } from './create';
import { BackupError, DATABASE_FILE, describeDatabase, FILES_FOLDER, sameCounts, verifyBackup, type Manifest } from './manifest';

const SIDE_FILES = ['-wal', '-shm', '-journal'];

/**
 * Refuses when another process (a running server) has the database open, and otherwise folds its
 * write-ahead log into the file. Leaving WAL mode needs the database to itself: SQLite answers
 * SQLITE_BUSY while any other connection is open.
 */
function takeOverDatabase(sqlitePath: string) {
  const db = new SQLite(sqlitePath, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 0');
    db.pragma('journal_mode = DELETE');
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_BUSY') {
      throw new BackupError(`${sqlitePath} is in use (is the server running?). Stop every server using it, then restore.`);
    }
    throw error;
  } finally {
    db.close();
  }
}

const hasEntries = (dir: string) => fs.existsSync(dir) && fs.readdirSync(dir).length > 0;

/**
 * Restores a backup made by `createBackup`: verifies it first (manifest, sizes, SHA-256, integrity),
 * then puts its database and files in place. Existing ones are replaced only with `force`, and are
 * kept beside the new ones as `*.replaced-<time>` rather than deleted.
 */
export async function restoreBackup(options: { from: string; sqlitePath: string; filesDir: string; force: boolean; now: Date }): Promise<{
  manifest: Manifest;
  replaced: string[];
}> {
  const { sqlitePath, filesDir } = options;
  const manifest = await verifyBackup(options.from);
  const databaseExists = fs.existsSync(sqlitePath);
  if ((databaseExists || hasEntries(filesDir)) && !options.force) {
    throw new BackupError(
      `${databaseExists ? sqlitePath : filesDir} already exists. Restoring replaces the database and the stored files; run again with --force to go ahead (the current ones are kept beside them, renamed *.replaced-<time>).`,
    );
  }
  if (databaseExists) takeOverDatabase(sqlitePath);

  const stagedDatabase = `${sqlitePath}.restoring`;
  const stagedFiles = `${filesDir}.restoring`;
  fs.mkdirSync(path.dirname(sqlitePath), { recursive: true });
  fs.rmSync(stagedFiles, { recursive: true, force: true });
  fs.copyFileSync(path.join(options.from, DATABASE_FILE), stagedDatabase);
  fs.mkdirSync(stagedFiles, { recursive: true });
  const copied = new Map((await copyStoredFiles(path.join(options.from, FILES_FOLDER), stagedFiles)).map((f) => [f.path, f.sha256]));
  if (copied.size !== manifest.files.length || manifest.files.some((f) => copied.get(f.path) !== f.sha256)) {
    fs.rmSync(stagedFiles, { recursive: true, force: true });
    fs.rmSync(stagedDatabase, { force: true });
    throw new BackupError(`The files copied from ${options.from} do not match its manifest; nothing was restored.`);
  }

  const replaced: string[] = [];
  const suffix = `.replaced-${backupStamp(options.now)}`;
  if (databaseExists) {
    fs.renameSync(sqlitePath, sqlitePath + suffix);
    replaced.push(sqlitePath + suffix);
  }
  // A log left beside the old file would be replayed into the restored one.
  for (const side of SIDE_FILES) fs.rmSync(sqlitePath + side, { force: true });
  fs.renameSync(stagedDatabase, sqlitePath);
  if (fs.existsSync(filesDir)) {
    fs.renameSync(filesDir, filesDir + suffix);
    replaced.push(filesDir + suffix);
  }
  fs.renameSync(stagedFiles, filesDir);

  if (!sameCounts(describeDatabase(sqlitePath).tables, manifest.database.tables)) {
    throw new BackupError(`The restored database at ${sqlitePath} does not hold the row counts of the backup; check the disk and restore again.`);
  }
  return { manifest, replaced };
}
