import { sql } from 'kysely';
import type { NgoOverview, StaffStudentRow } from '../../../domain/api/homes';
import { silenceState } from '../../../domain/silence';
import { visibleStudents } from '../../access/scopes';
import type { PrincipalOf } from '../../access/principal';
import type { Db } from '../../db/connect';
import { decodeCursor, toPage } from '../../lib/cursor';

type Staff = PrincipalOf<'caseworker' | 'ngo_admin'>;

// Students never heard from sort after everyone with a due date.
const dueSortKey = sql<string>`coalesce(students.next_due_at, '9999-12-31T00:00:00.000Z')`;

/** The NGO's students, most overdue first; `mine` narrows to the caller's own caseload. */
export async function listNgoStudents(
  db: Db,
  principal: Staff,
  page: { limit: number; cursor?: string; scope: 'mine' | 'all' },
  now: Date,
) {
  const after = decodeCursor(page.cursor, ['text', 'text']);
  let query = visibleStudents(db, principal)
    .leftJoin('staff', 'staff.id', 'students.caseworker_id')
    .select((eb) => [
      'students.id',
      'students.legal_name',
      'students.display_name',
      'students.grade',
      'students.school_stage',
      'students.city',
      'students.program_status',
      'students.last_heard_at',
      'students.next_due_at',
      'staff.full_name as caseworker_name',
      dueSortKey.as('due_sort'),
      eb
        .exists(
          eb
            .selectFrom('sponsorships')
            .select('sponsorships.id')
            .whereRef('sponsorships.student_id', '=', 'students.id')
            .where('sponsorships.status', 'in', ['active', 'paused']),
        )
        .as('sponsored'),
    ])
    .orderBy(dueSortKey)
    .orderBy('students.id')
    .limit(page.limit + 1);
  if (page.scope === 'mine') query = query.where('students.caseworker_id', '=', principal.staffId);
  if (after) {
    const [due, id] = after;
    query = query.where((eb) => eb.or([eb(dueSortKey, '>', due), eb.and([eb(dueSortKey, '=', due), eb('students.id', '>', id)])]));
  }
  const rows = await query.execute();
  const { items, nextCursor } = toPage(rows, page.limit, (r) => [r.due_sort, r.id]);
  const students: StaffStudentRow[] = items.map((r) => ({
    id: r.id,
    legalName: r.legal_name,
    displayName: r.display_name,
    grade: r.grade,
    schoolStage: r.school_stage,
    city: r.city,
    programStatus: r.program_status,
    caseworkerName: r.caseworker_name,
    sponsored: Boolean(r.sponsored),
    lastHeardAt: r.last_heard_at,
    nextDueAt: r.next_due_at,
    silence: silenceState(r.next_due_at ? new Date(r.next_due_at) : null, now),
  }));
  return { items: students, nextCursor };
}

export async function ngoOverview(db: Db, principal: Staff, now: Date): Promise<NgoOverview> {
  const ngo = await db.selectFrom('ngos').select(['id', 'name', 'province', 'city']).where('id', '=', principal.ngoId).executeTakeFirstOrThrow();
  const nowIso = now.toISOString();
  const counts = await visibleStudents(db, principal)
    .select((eb) => {
      const holding = eb.exists(
        eb
          .selectFrom('sponsorships')
          .select('sponsorships.id')
          .whereRef('sponsorships.student_id', '=', 'students.id')
          .where('sponsorships.status', 'in', ['reserved', 'active', 'paused']),
      );
      const count = (condition: ReturnType<typeof eb.and>) =>
        eb.fn.sum<number>(eb.case().when(condition).then(1).else(0).end());
      return [
        eb.fn.countAll<number>().as('students'),
        count(eb.and([holding])).as('sponsored'),
        count(eb.and([eb.not(holding), eb('students.pool_since', 'is not', null)])).as('waiting'),
        count(eb.and([eb('students.next_due_at', '<=', nowIso)])).as('overdue'),
      ];
    })
    .where('students.program_status', 'in', ['active', 'paused'])
    .executeTakeFirstOrThrow();
  const openAlerts = await db
    .selectFrom('alerts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('ngo_id', '=', principal.ngoId)
    .where('status', '!=', 'resolved')
    .executeTakeFirstOrThrow();
  const caseworkers = await db
    .selectFrom('staff')
    .leftJoin('students', 'students.caseworker_id', 'staff.id')
    .select((eb) => ['staff.id', 'staff.full_name', eb.fn.count<number>('students.id').as('student_count')])
    .where('staff.ngo_id', '=', principal.ngoId)
    .where('staff.role', '=', 'caseworker')
    .groupBy(['staff.id', 'staff.full_name'])
    .orderBy('staff.full_name')
    .limit(100)
    .execute();
  return {
    ngo,
    counts: {
      students: Number(counts.students),
      sponsored: Number(counts.sponsored ?? 0),
      waiting: Number(counts.waiting ?? 0),
      overdue: Number(counts.overdue ?? 0),
      openAlerts: Number(openAlerts.n),
    },
    caseworkers: caseworkers.map((c) => ({ id: c.id, name: c.full_name, studentCount: Number(c.student_count) })),
  };
}
