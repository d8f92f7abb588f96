import type { StudentDataPackage } from '../../../domain/api/guardian-requests';
import type { Db } from '../../db/connect';

/** Rows per list; a longer history is marked `truncated` and the NGO completes it by hand. */
export const PACKAGE_LIST_LIMIT = 2000;

const RECEIVED = ['delivered', 'read', 'replied'] as const;

/**
 * Everything the program holds about a student that is theirs to see, for their guardian: the record,
 * contacts, consents, sponsorships with their ledgers, the student's own letters and those delivered
 * to them, check-ins, term reports and the NGO's notices. Kept back, and counted: any words of the
 * student that raised a wellbeing flag (the harm may be at home, so a guardian never learns of them
 * this way) and the NGO's internal care records (alerts, contact attempts, flags, tasks, requests to
 * talk to a caseworker), which staff discuss with the guardian in person when that is safe.
 */
export async function buildDataPackage(db: Db, signedUrl: (key: string) => string, studentId: string, requestId: string, now: Date): Promise<StudentDataPackage> {
  const s = await db
    .selectFrom('students')
    .innerJoin('ngos', 'ngos.id', 'students.ngo_id')
    .selectAll('students')
    .select('ngos.name as ngo_name')
    .where('students.id', '=', studentId)
    .executeTakeFirstOrThrow();
  const photo = (id: string, key: string | null) => (key ? { id, url: signedUrl(key) } : null);
  const ofStudent = db.selectFrom('sponsorships').select('id').where('student_id', '=', studentId);

  const flagged = await db
    .selectFrom('wellbeing_flags')
    .select(['source_kind', 'source_id'])
    .where('student_id', '=', studentId)
    .limit(PACKAGE_LIST_LIMIT)
    .execute();
  const withheld = new Set(flagged.map((f) => `${f.source_kind}:${f.source_id}`));
  const keepUnlessFlagged = (kind: string, id: string, text: string | null) => (withheld.has(`${kind}:${id}`) ? null : text);

  const contacts = await db
    .selectFrom('student_contacts')
    .select(['kind', 'name', 'relation', 'phone', 'note'])
    .where('student_id', '=', studentId)
    .orderBy('created_at')
    .orderBy('id')
    .limit(PACKAGE_LIST_LIMIT)
    .execute();
  const consents = await db
    .selectFrom('guardian_consents')
    .select(['guardian_name', 'relation', 'consented_on', 'method', 'scope', 'retain_until', 'withdrawn_at'])
    .where('student_id', '=', studentId)
    .orderBy('created_at')
    .orderBy('id')
    .limit(PACKAGE_LIST_LIMIT)
    .execute();
  const sponsorships = await db
    .selectFrom('sponsorships')
    .innerJoin('sponsors', 'sponsors.id', 'sponsorships.sponsor_id')
    .select(['sponsorships.id', 'sponsors.display_name', 'sponsorships.status', 'sponsorships.start_date', 'sponsorships.end_date', 'sponsorships.amount_fen', 'sponsorships.cadence', 'sponsorships.ended_at'])
    .where('sponsorships.student_id', '=', studentId)
    .orderBy('sponsorships.created_at')
    .orderBy('sponsorships.id')
    .limit(PACKAGE_LIST_LIMIT)
    .execute();
  const ledger = await db
    .selectFrom('ledger_entries')
    .select(['sponsorship_id', 'kind', 'amount_fen', 'occurred_on', 'category', 'payee', 'description'])
    .where('sponsorship_id', 'in', ofStudent)
    .orderBy('occurred_on')
    .orderBy('created_at')
    .orderBy('id')
    .limit(PACKAGE_LIST_LIMIT)
    .execute();
  const letters = await db
    .selectFrom('letters')
    .select(['id', 'sponsorship_id', 'direction', 'status', 'created_at', 'body'])
    .where('sponsorship_id', 'in', ofStudent)
    .where((eb) => eb.or([eb('direction', '=', 'to_sponsor'), eb('status', 'in', [...RECEIVED])]))
    .orderBy('created_at')
    .orderBy('id')
    .limit(PACKAGE_LIST_LIMIT)
    .execute();
  const letterPhotos =
    letters.length === 0
      ? []
      : await db
          .selectFrom('letter_photos')
          .select(['id', 'letter_id', 'storage_key'])
          .where(
            'letter_id',
            'in',
            letters.map((l) => l.id),
          )
          .orderBy('created_at')
          .execute();
  const checkins = await db
    .selectFrom('checkins')
    .select(['id', 'kind', 'mood', 'note', 'created_at'])
    .where('student_id', '=', studentId)
    .where('kind', '!=', 'talk_to_caseworker')
    .orderBy('created_at')
    .orderBy('id')
    .limit(PACKAGE_LIST_LIMIT)
    .execute();
  const reports = await db
    .selectFrom('term_reports')
    .select(['id', 'term', 'grade', 'overall_result', 'authored_by', 'created_at', 'photo_key'])
    .where('student_id', '=', studentId)
    .orderBy('created_at')
    .orderBy('id')
    .limit(PACKAGE_LIST_LIMIT)
    .execute();
  const notices = await db.selectFrom('ngo_notices').select(['text', 'created_at']).where('student_id', '=', studentId).orderBy('created_at').orderBy('id').limit(PACKAGE_LIST_LIMIT).execute();

  const count = async (table: 'alerts' | 'contact_attempts' | 'wellbeing_flags' | 'caseworker_tasks') =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('student_id', '=', studentId).executeTakeFirstOrThrow()).n);
  const talkRequests = Number(
    (await db.selectFrom('checkins').select((eb) => eb.fn.countAll<number>().as('n')).where('student_id', '=', studentId).where('kind', '=', 'talk_to_caseworker').executeTakeFirstOrThrow()).n,
  );
  const careRecords = (await count('alerts')) + (await count('contact_attempts')) + (await count('wellbeing_flags')) + (await count('caseworker_tasks')) + talkRequests;

  const lists = [contacts, consents, sponsorships, ledger, letters, checkins, reports, notices, flagged];
  return {
    generatedAt: now.toISOString(),
    requestId,
    ngo: { name: s.ngo_name },
    student: {
      id: s.id,
      legalName: s.legal_name,
      displayName: s.display_name,
      gender: s.gender,
      dateOfBirth: s.date_of_birth,
      schoolName: s.school_name,
      schoolStage: s.school_stage,
      grade: s.grade,
      expectedGraduation: s.expected_graduation,
      province: s.province,
      city: s.city,
      village: s.village,
      story: s.story,
      programStatus: s.program_status,
      leftAt: s.left_at,
      createdAt: s.created_at,
      photo: photo(`${s.id}-photo`, s.photo_key),
    },
    contacts,
    consents: consents.map((c) => ({
      guardianName: c.guardian_name,
      relation: c.relation,
      consentedOn: c.consented_on,
      method: c.method,
      scope: c.scope,
      retainUntil: c.retain_until,
      withdrawnAt: c.withdrawn_at,
    })),
    sponsorships: sponsorships.map((sp) => ({
      id: sp.id,
      sponsorDisplayName: sp.display_name,
      status: sp.status,
      startDate: sp.start_date,
      endDate: sp.end_date,
      amountFen: sp.amount_fen,
      cadence: sp.cadence,
      endedAt: sp.ended_at,
      ledger: ledger
        .filter((e) => e.sponsorship_id === sp.id)
        .map((e) => ({ kind: e.kind, amountFen: e.amount_fen, occurredOn: e.occurred_on, category: e.category, payee: e.payee, description: e.description })),
    })),
    letters: letters.map((l) => ({
      id: l.id,
      sponsorshipId: l.sponsorship_id,
      direction: l.direction,
      status: l.status,
      createdAt: l.created_at,
      body: keepUnlessFlagged('letter', l.id, l.body),
      photos: letterPhotos.filter((p) => p.letter_id === l.id).map((p) => ({ id: p.id, url: signedUrl(p.storage_key) })),
    })),
    checkins: checkins.map((c) => ({ kind: c.kind, mood: c.mood, note: keepUnlessFlagged('checkin', c.id, c.note), createdAt: c.created_at })),
    termReports: reports.map((r) => ({
      term: r.term,
      grade: r.grade,
      overallResult: keepUnlessFlagged('term_report', r.id, r.overall_result),
      authoredBy: r.authored_by,
      createdAt: r.created_at,
      photo: photo(r.id, r.photo_key),
    })),
    notices: notices.map((x) => ({ text: x.text, createdAt: x.created_at })),
    withheld: {
      safetyFlaggedTexts:
        letters.filter((l) => withheld.has(`letter:${l.id}`)).length +
        checkins.filter((c) => withheld.has(`checkin:${c.id}`)).length +
        reports.filter((r) => withheld.has(`term_report:${r.id}`)).length,
      careRecords,
    },
    truncated: lists.some((list) => list.length >= PACKAGE_LIST_LIMIT),
  };
}
