import { sql, type Kysely } from 'kysely';

type AnyDb = Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * The silence sweep's bookkeeping:
 *  - exam-season outreach happens once per NGO, exam sitting AND province (an NGO working in two
 *    provinces sees two results days), so the run's key includes the province. The table held no
 *    runs outside development before this, so it is recreated.
 *  - paused students come back on their alert's resume date: an index on `resume_on` finds them.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.dropTable('exam_outreach_runs').execute();
  await db.schema
    .createTable('exam_outreach_runs')
    .addColumn('ngo_id', 'text', (c) => c.notNull().references('ngos.id'))
    .addColumn('exam', 'text', (c) => c.notNull().check(sql`exam in ('zhongkao', 'gaokao')`))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('province', 'text', (c) => c.notNull())
    .addColumn('ran_at', 'text', (c) => c.notNull())
    .addColumn('task_count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('exam_outreach_runs_pk', ['ngo_id', 'exam', 'year', 'province'])
    .execute();
  await db.schema.createIndex('alerts_resume_idx').on('alerts').column('resume_on').execute();
}
