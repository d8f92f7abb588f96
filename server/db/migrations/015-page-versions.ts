import { PostgresAdapter, sql, type Kysely } from 'kysely';

type AnyDb = Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * What a sponsor's read pages of one sponsorship show (its detail, timeline, letters and ledger)
 * comes from these rows; a write to any of them bumps the version of the pages it touches, in the
 * writing transaction, by trigger — so no write path can forget to, today's or tomorrow's.
 * `sponsorship`: the row's own sponsorship; `student`: every sponsorship of the student; `letter`:
 * the letter's sponsorship; `notice`: the NGO's version for a notice to all its sponsors, the
 * student's sponsorships for one about a student; `ngo`: the NGO's version (pages read the NGO's
 * name, payment details and merchants).
 */
type Target = 'sponsorship' | 'student' | 'letter' | 'notice' | 'ngo';
interface Source {
  table: string;
  target: Target;
  /** The column naming the target row. */
  column: string;
  events: readonly ('insert' | 'update' | 'delete')[];
  /** Only updates of these columns bump (the others are bookkeeping no page shows). */
  updateOf?: readonly string[];
}

const ALL = ['insert', 'update', 'delete'] as const;

/** Student columns a page shows or filters by; not the ladder's bookkeeping (ladder_next_at, last_heard_at), which the sweep writes in bulk. */
const DISPLAYED_STUDENT_COLUMNS = [
  'ngo_id',
  'legal_name',
  'display_name',
  'date_of_birth',
  'school_name',
  'school_stage',
  'grade',
  'expected_graduation',
  'province',
  'city',
  'village',
  'program_status',
  'next_due_at',
  'left_at',
  'left_return_expected',
] as const;

export const PAGE_VERSION_SOURCES: readonly Source[] = [
  { table: 'students', target: 'student', column: 'id', events: ['update'], updateOf: DISPLAYED_STUDENT_COLUMNS },
  { table: 'checkins', target: 'student', column: 'student_id', events: ALL },
  { table: 'term_reports', target: 'student', column: 'student_id', events: ALL },
  { table: 'alerts', target: 'student', column: 'student_id', events: ALL },
  { table: 'letters', target: 'sponsorship', column: 'sponsorship_id', events: ALL },
  { table: 'ledger_entries', target: 'sponsorship', column: 'sponsorship_id', events: ALL },
  { table: 'payment_orders', target: 'sponsorship', column: 'sponsorship_id', events: ALL },
  { table: 'letter_events', target: 'letter', column: 'letter_id', events: ALL },
  { table: 'letter_photos', target: 'letter', column: 'letter_id', events: ALL },
  { table: 'ngo_notices', target: 'notice', column: 'id', events: ALL },
  { table: 'ngo_merchants', target: 'ngo', column: 'ngo_id', events: ALL },
];

/** The tables that carry a version and bump it on any update of their own. */
const VERSIONED = ['sponsorships', 'ngos'] as const;

export const pageVersionTriggerNames = (): string[] => [
  ...VERSIONED.map((t) => `${t}_page_version_self`),
  ...PAGE_VERSION_SOURCES.flatMap((s) => s.events.map((e) => `${s.table}_page_version_${e}`)),
];

/** The statements bumping the versions of the pages `row` (NEW or OLD) touches. */
function bumps(source: Source, row: 'NEW' | 'OLD'): string[] {
  const ref = `${row}.${source.column}`;
  const bumpSponsorships = (where: string) => `update sponsorships set page_version = page_version + 1 where ${where};`;
  switch (source.target) {
    case 'sponsorship':
      return [bumpSponsorships(`id = ${ref}`)];
    case 'student':
      return [bumpSponsorships(`student_id = ${ref}`)];
    case 'letter':
      return [bumpSponsorships(`id = (select sponsorship_id from letters where id = ${ref})`)];
    case 'ngo':
      return [`update ngos set page_version = page_version + 1 where id = ${ref};`];
    case 'notice':
      return [
        `update ngos set page_version = page_version + 1 where id = ${row}.ngo_id and ${row}.student_id is null;`,
        bumpSponsorships(`student_id = ${row}.student_id`),
      ];
  }
}

function sqliteStatements(): string[] {
  const statements = VERSIONED.map(
    (table) => `create trigger ${table}_page_version_self after update on ${table} when new.page_version = old.page_version
      begin update ${table} set page_version = old.page_version + 1 where id = new.id; end`,
  );
  for (const source of PAGE_VERSION_SOURCES) {
    for (const event of source.events) {
      const on = event === 'update' && source.updateOf ? `update of ${source.updateOf.join(', ')}` : event;
      // An update may move the row: both the pages it left and those it joined change.
      const body = event === 'insert' ? bumps(source, 'NEW') : event === 'delete' ? bumps(source, 'OLD') : [...bumps(source, 'OLD'), ...bumps(source, 'NEW')];
      statements.push(`create trigger ${source.table}_page_version_${event} after ${on} on ${source.table} begin ${body.join(' ')} end`);
    }
  }
  return statements;
}

function postgresStatements(): string[] {
  const statements: string[] = [];
  for (const table of VERSIONED) {
    statements.push(
      `create function ${table}_page_version_self() returns trigger language plpgsql as $$
        begin if new.page_version = old.page_version then new.page_version := old.page_version + 1; end if; return new; end $$`,
      `create trigger ${table}_page_version_self before update on ${table} for each row execute function ${table}_page_version_self()`,
    );
  }
  for (const source of PAGE_VERSION_SOURCES) {
    for (const event of source.events) {
      const name = `${source.table}_page_version_${event}`;
      const body = event === 'insert' ? bumps(source, 'NEW') : event === 'delete' ? bumps(source, 'OLD') : [...bumps(source, 'OLD'), ...bumps(source, 'NEW')];
      const on = event === 'update' && source.updateOf ? `update of ${source.updateOf.join(', ')}` : event;
      statements.push(
        `create function ${name}() returns trigger language plpgsql as $$ begin ${body.join(' ')} return null; end $$`,
        `create trigger ${name} after ${on} on ${source.table} for each row execute function ${name}()`,
      );
    }
  }
  return statements;
}

/**
 * Versions for the sponsor's read pages (the versioned response cache, `server/page-cache`): each
 * sponsorship's own, and each NGO's for what all its sponsors see.
 */
export async function up(db: AnyDb): Promise<void> {
  for (const table of VERSIONED) {
    await db.schema.alterTable(table).addColumn('page_version', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  }
  const statements = db.getExecutor().adapter instanceof PostgresAdapter ? postgresStatements() : sqliteStatements();
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migration 015 cannot be reverted; restore from a backup instead.');
}
