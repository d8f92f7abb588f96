import { sql, type Kysely } from 'kysely';

type AnyDb = Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** What sponsors read about how an NGO spends their money, until the NGO writes its own. */
export const DEFAULT_DISBURSEMENT_POLICY =
  '资助款由合作机构统一接收，按学期直接支付学费、住宿费给学校，生活补助按月发放给学生的监护人。每一笔支出都会在资助账本中登记用途、金额和日期，并附上收据照片；收到款项后 30 天内登记。资助人不直接向学生或家庭转账。';

/**
 * The sponsor pool and pledging: each NGO's disbursement policy (shown before a pledge is confirmed),
 * a student's departure from the program (whether a return is expected), the sponsorship a new
 * reservation carries a remaining pledge over from. (The pool's longest-waiting order already has an index.)
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('ngo_policies')
    .addColumn('disbursement_policy', 'text', (c) => c.notNull().defaultTo(DEFAULT_DISBURSEMENT_POLICY))
    .execute();

  await db.schema.alterTable('students').addColumn('left_at', 'text').execute();
  await db.schema
    .alterTable('students')
    .addColumn('left_return_expected', 'integer', (c) => c.check(sql`left_return_expected in (0, 1)`))
    .execute();

  await db.schema.alterTable('sponsorships').addColumn('carried_from_id', 'text', (c) => c.references('sponsorships.id')).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('sponsorships').dropColumn('carried_from_id').execute();
  await db.schema.alterTable('students').dropColumn('left_return_expected').execute();
  await db.schema.alterTable('students').dropColumn('left_at').execute();
  await db.schema.alterTable('ngo_policies').dropColumn('disbursement_policy').execute();
}
