import type { Db } from '../../db/connect';
import type { FileStorage } from '../../files/storage';

/** What `insertStudentFile` wrote, for a test to look for after an erasure. */
export interface StudentFile {
  sponsorshipId: string;
  /** Stored files the student's rows point at. */
  fileKeys: string[];
  /** Texts only this student's file holds. */
  secrets: string[];
}

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xd9]);

/**
 * A student's file as years in the program leave it: contacts, a consent, letters both ways with a
 * photo, a check-in note, a request to talk, a term report with a photo, a resolved wellbeing flag on
 * one of their letters, and a ledger (pledge, payment with a receipt, disbursement paid to the school).
 */
export async function insertStudentFile(db: Db, files: FileStorage, o: { studentId: string; sponsorshipId: string; sponsorAccountId: string; studentAccountId: string | null; staffId: string; tag: string }): Promise<StudentFile> {
  const { studentId, sponsorshipId, tag } = o;
  const at = (day: number) => `2026-0${1 + Math.floor(day / 28)}-${String(1 + (day % 28)).padStart(2, '0')}T02:00:00.000Z`;
  const key = (name: string) => `test/${tag.toLowerCase()}-${name}.jpg`;
  const author = o.studentAccountId ?? o.sponsorAccountId;
  for (const name of ['student', 'letter', 'report', 'receipt']) await files.put(key(name), JPEG);
  await db.updateTable('students').set({ photo_key: key('student') }).where('id', '=', studentId).execute();
  await db
    .insertInto('student_contacts')
    .values([
      { id: `${tag}-c1`, student_id: studentId, kind: 'guardian', name: `监护人${tag}`, relation: '母亲', phone: '13800001234', note: '晚上八点后方便', created_at: at(1) },
      { id: `${tag}-c2`, student_id: studentId, kind: 'school', name: `班主任${tag}`, relation: null, phone: '13900005678', note: null, created_at: at(1) },
    ])
    .execute();
  await db
    .insertInto('guardian_consents')
    .values({
      id: `${tag}-consent`,
      student_id: studentId,
      guardian_name: `监护人${tag}`,
      relation: '母亲',
      consented_on: '2026-01-02',
      method: 'paper',
      scope: '资助项目所需的资料',
      retain_until: '2036-12-31',
      recorded_by: o.staffId,
      created_at: at(1),
      withdrawn_at: null,
      withdrawn_reason: null,
    })
    .execute();
  const letter = (id: string, direction: 'to_student' | 'to_sponsor', status: 'delivered' | 'held', body: string, day: number) => ({
    id,
    sponsorship_id: sponsorshipId,
    direction,
    author_account_id: direction === 'to_sponsor' ? author : o.sponsorAccountId,
    in_reply_to: null,
    body,
    status,
    status_changed_at: at(day),
    created_at: at(day),
  });
  await db
    .insertInto('letters')
    .values([
      letter(`${tag}-l1`, 'to_sponsor', 'delivered', `我在学校很好，谢谢您。${tag}写于秋天`, 3),
      letter(`${tag}-l2`, 'to_student', 'delivered', `好好学习，${tag}加油`, 4),
      letter(`${tag}-l3`, 'to_student', 'held', `我的微信是 abc${tag}`, 5),
      letter(`${tag}-l4`, 'to_sponsor', 'delivered', `最近很难过，${tag}不想活了`, 6),
    ])
    .execute();
  await db
    .insertInto('letter_events')
    .values({ id: `${tag}-e1`, letter_id: `${tag}-l3`, from_status: 'screened', to_status: 'held', actor_account_id: null, reason: `含联系方式 abc${tag}`, detail: JSON.stringify({ findings: [{ excerpt: `abc${tag}` }] }), created_at: at(5), seq: 1 })
    .execute();
  await db.insertInto('letter_photos').values({ id: `${tag}-p1`, letter_id: `${tag}-l1`, storage_key: key('letter'), width: 10, height: 10, bytes: 4, created_at: at(3) }).execute();
  await db
    .insertInto('checkins')
    .values([
      { id: `${tag}-k1`, student_id: studentId, kind: 'doing_well', mood: 4, note: `${tag}今天考了第一`, recorded_by: author, created_at: at(7) },
      { id: `${tag}-k2`, student_id: studentId, kind: 'talk_to_caseworker', mood: null, note: `${tag}想和社工聊聊家里的事`, recorded_by: author, created_at: at(8) },
    ])
    .execute();
  await db
    .insertInto('term_reports')
    .values({ id: `${tag}-r1`, student_id: studentId, term: '2025-2026-1', grade: 9, overall_result: `${tag}数学进步很大`, photo_key: key('report'), authored_by: 'caseworker', author_account_id: author, created_at: at(9) })
    .execute();
  await db
    .insertInto('wellbeing_flags')
    .values({
      id: `${tag}-f1`,
      student_id: studentId,
      ngo_id: 'ngo-a',
      level: 'urgent',
      source_kind: 'letter',
      source_id: `${tag}-l4`,
      source_revision: 1,
      text: `最近很难过，${tag}不想活了`,
      findings: '[]',
      status: 'resolved',
      assigned_staff_id: o.staffId,
      opened_at: at(6),
      due_at: at(6),
      resolved_at: at(7),
      outcome: 'handled',
      outcome_note: `${tag}已与学生谈过`,
    })
    .execute();
  const entry = (id: string, kind: 'pledge' | 'payment' | 'disbursement', amount: number, extra: object) => ({
    id,
    sponsorship_id: sponsorshipId,
    kind,
    amount_fen: amount,
    occurred_on: '2026-02-01',
    category: null,
    payee: null,
    description: '资助承诺',
    receipt_key: null,
    recorded_by: null,
    created_at: at(2),
    ...extra,
  });
  await db
    .insertInto('ledger_entries')
    .values([
      entry(`${tag}-g1`, 'pledge', 900000, {}),
      entry(`${tag}-g2`, 'payment', 75000, { description: `${tag}的资助款` }),
      entry(`${tag}-g3`, 'disbursement', 60000, { category: 'tuition', payee: `昭觉县民族中学${tag}`, payee_kind: 'school', description: `${tag}秋季学费`, receipt_key: key('receipt') }),
    ])
    .execute();
  await db
    .insertInto('notifications')
    .values({
      id: `${tag}-n1`,
      account_id: o.sponsorAccountId,
      kind: 'letter_delivered',
      payload: JSON.stringify({ letterId: `${tag}-l1`, sponsorshipId, counterpartName: `小${tag}` }),
      dedupe_key: `${tag}-n1`,
      created_at: at(3),
      read_at: null,
    })
    .execute();
  return {
    sponsorshipId,
    fileKeys: ['student', 'letter', 'report', 'receipt'].map(key),
    secrets: [`监护人${tag}`, `班主任${tag}`, `${tag}写于秋天`, `${tag}加油`, `abc${tag}`, `${tag}不想活了`, `${tag}今天考了第一`, `${tag}想和社工聊聊家里的事`, `${tag}数学进步很大`, `昭觉县民族中学${tag}`, `${tag}秋季学费`, `${tag}的资助款`, `${tag}已与学生谈过`, `小${tag}`],
  };
}
