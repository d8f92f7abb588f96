/**
 * `npm run db:restore -- FROM [--force]`
 *
 * Restores a backup made by `npm run db:backup`: checks it against its manifest (sizes, SHA-256,
 * SQLite integrity) and only then replaces the SQLite database and the stored files. Refuses while a
 * server has the database open, and to replace existing data without --force.
 */
import { restoreBackup } from '../backup/restore';
import { databaseFromEnv, filesDirFromEnv, runCli, UsageError } from './cli';

const USAGE = `Usage: npm run db:restore -- FROM [--force]

  Restores the backup folder FROM (made by npm run db:backup): the SQLite database and the stored files.
  The backup is verified first; a damaged one is refused and nothing is changed.
  --force   replace an existing database and files (they are kept beside them, renamed *.replaced-<time>)

  Stop the server first. Database: BANXUE_SQLITE_PATH (default data/banxue.sqlite);
  files: BANXUE_FILES_DIR (default data/files). PostgreSQL: pg_restore, see docs/OPERATIONS.md.`;

function parseArgs(argv: string[]): { from: string; force: boolean } | 'help' {
  let from: string | undefined;
  let force = false;
  for (const arg of argv) {
    if (arg === '--help' || arg === '-h') return 'help';
    if (arg === '--force') force = true;
    else if (arg.startsWith('-')) throw new UsageError(`unknown argument: ${arg}`);
    else if (from) throw new UsageError(`one backup folder at a time (got ${from} and ${arg})`);
    else from = arg;
  }
  if (!from) throw new UsageError('which backup? Give the folder db:backup wrote, e.g. data/backups/banxue-2026-11-29T03-04-05Z');
  return { from, force };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args === 'help') {
    console.log(USAGE);
    return;
  }
  const { databaseUrl, sqlitePath } = databaseFromEnv();
  if (databaseUrl) throw new UsageError('DATABASE_URL is set: restore PostgreSQL with pg_restore and copy the file storage back (see docs/OPERATIONS.md).');
  const { manifest, replaced } = await restoreBackup({ from: args.from, sqlitePath, filesDir: filesDirFromEnv(), force: args.force, now: new Date() });
  console.log(`Restored the backup of ${manifest.createdAt}: ${sqlitePath} and ${manifest.totals.files} files in ${filesDirFromEnv()}.`);
  for (const kept of replaced) console.log(`The data it replaced is kept in ${kept} (delete it when no longer needed).`);
}

runCli(main, USAGE);
