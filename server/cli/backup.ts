/**
 * `npm run db:backup [-- --to DIR]`
 *
 * Copies the SQLite database (online, with SQLite's backup API: safe while the server runs) and the
 * stored files (photos, receipts) into DIR/banxue-<time>/ with a manifest of row counts, sizes and
 * SHA-256 checksums. PostgreSQL is backed up with pg_dump instead (docs/OPERATIONS.md).
 */
import path from 'node:path';
import { createBackup } from '../backup/create';
import { databaseFromEnv, filesDirFromEnv, runCli, UsageError } from './cli';

const USAGE = `Usage: npm run db:backup -- [--to DIR]

  Backs up the SQLite database and the stored files into DIR/banxue-<time>/ (default DIR: data/backups).
  Safe while the server runs. Restore with: npm run db:restore -- DIR/banxue-<time>

  Database: BANXUE_SQLITE_PATH (default data/banxue.sqlite); files: BANXUE_FILES_DIR (default data/files).
  With DATABASE_URL (PostgreSQL) use pg_dump -Fc instead: see docs/OPERATIONS.md.`;

function parseArgs(argv: string[]): { toDir: string } | 'help' {
  let toDir = path.resolve(__dirname, '../..', 'data/backups');
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') return 'help';
    if (arg === '--to' || arg.startsWith('--to=')) {
      const value = arg === '--to' ? argv[++i] : arg.slice('--to='.length);
      if (!value) throw new UsageError('--to needs a folder');
      toDir = path.resolve(value);
    } else throw new UsageError(`unknown argument: ${arg}`);
  }
  return { toDir };
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args === 'help') {
    console.log(USAGE);
    return;
  }
  const { databaseUrl, sqlitePath } = databaseFromEnv();
  if (databaseUrl) throw new UsageError('DATABASE_URL is set: back PostgreSQL up with pg_dump -Fc and copy the file storage (see docs/OPERATIONS.md).');
  const { dir, manifest } = await createBackup({ sqlitePath, filesDir: filesDirFromEnv(), toDir: args.toDir, now: new Date() });
  const rows = Object.values(manifest.database.tables).reduce((sum, n) => sum + n, 0);
  console.log(`Database: ${sqlitePath} → ${rows} rows in ${Object.keys(manifest.database.tables).length} tables, ${megabytes(manifest.database.bytes)} (migration ${manifest.database.migration ?? 'none'})`);
  console.log(`Files:    ${filesDirFromEnv()} → ${manifest.totals.files} files, ${megabytes(manifest.totals.bytes)}`);
  console.log(`Backup written to ${dir}`);
}

runCli(main, USAGE);
