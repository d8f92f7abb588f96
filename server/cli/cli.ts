import path from 'node:path';

/** A mistake in the command line: printed with the usage, exit code 64 (EX_USAGE). */
export class UsageError extends Error {}

/** Where the commands find the database when no configuration is loaded: DATABASE_URL, else the SQLite file. */
export function databaseFromEnv(): { databaseUrl: string | undefined; sqlitePath: string } {
  return {
    databaseUrl: process.env.DATABASE_URL || undefined,
    sqlitePath: path.resolve(__dirname, '../..', process.env.BANXUE_SQLITE_PATH || 'data/banxue.sqlite'),
  };
}

/** Where the stored files (photos, receipts) are when no configuration is loaded: BANXUE_FILES_DIR, else data/files. */
export function filesDirFromEnv(): string {
  return path.resolve(__dirname, '../..', process.env.BANXUE_FILES_DIR || 'data/files');
}

/** The value of `--now <time>` or `--now=<time>` at `argv[i]`, and the index of the last argument it used. */
export function readNow(argv: string[], i: number, example: string): { now: Date; last: number } {
  const arg = argv[i];
  const last = arg === '--now' ? i + 1 : i;
  const value = arg === '--now' ? argv[last] : arg.slice('--now='.length);
  const now = new Date(value ?? '');
  if (!value || Number.isNaN(now.getTime())) throw new UsageError(`--now needs an ISO-8601 time, like ${example} (got ${value ?? 'nothing'})`);
  return { now, last };
}

export const isNowArg = (arg: string) => arg === '--now' || arg.startsWith('--now=');

/** Runs a command's main: a usage mistake prints the message and the usage (exit 64), anything else its message (exit 1). */
export function runCli(main: () => Promise<void>, usage: string): void {
  main().catch((error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${usage}`);
      process.exit(64);
    }
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
