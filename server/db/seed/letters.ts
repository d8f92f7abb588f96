import { screenText } from '../../../domain/screening';
import { isStudentActive, type Ctx, type SponsorshipModel } from './model';
import type { Rng } from './random';
import { FLAGGED_LINE_MEETING, missYouLetter, sponsorLetter, studentLetter } from './texts';
import { addDays, addHours, addMs, evening, iso, localYmd, minDate, officeHours, parseYmd } from './time';

type Status = 'submitted' | 'screened' | 'held' | 'approved' | 'delivered' | 'read' | 'replied';
type Writer = 'sponsor' | 'student';

export interface LetterInfo {
  id: string;
  sponsorship: SponsorshipModel;
  direction: 'to_student' | 'to_sponsor';
  submittedAt: Date;
  deliveredAt: Date | null;
  readAt: Date | null;
}

interface Review {
  /** What held it: a screening rule (the letter gets a line that rule finds) or the text-security check. */
  heldBy: 'meeting_rule' | 'content_security';
  reason: string;
  /** Set when a caseworker approved it; otherwise it is still held. */
  approvedReason?: string;
}

class LetterWriter {
  readonly letters: LetterInfo[] = [];
  private studentLettersWritten = 0;
  private readonly used = new Map<string, Set<string>>();

  constructor(private readonly ctx: Ctx) {}

  private event(letterId: string, from: Status | null, to: Status, at: Date, actor: string | null, reason: string | null = null, detail: object | null = null) {
    this.ctx.rows.letter_events.push({
      id: this.ctx.ids.next('letter-event', 5),
      letter_id: letterId,
      from_status: from,
      to_status: to,
      actor_account_id: actor,
      reason,
      detail: detail ? JSON.stringify(detail) : null,
      created_at: iso(at),
    });
  }

  /** Writes one letter through screening (and review, if any) to delivery; returns its row to update later. */
  write(sp: SponsorshipModel, rng: Rng, writer: Writer, at: Date, opts: { first: boolean; parentId: string | null; review?: Review; body?: string }) {
    const student = sp.student;
    const ctx = this.ctx;
    const id = ctx.ids.next('letter', 4);
    const { year, month } = parseYmd(localYmd(at));
    const grade = student.grade - (this.ctx.schoolYear - (month >= 7 ? year : year - 1));
    const usedKey = `${sp.id}:${writer}`;
    if (!this.used.has(usedKey)) this.used.set(usedKey, new Set());
    const vars = {
      month,
      exam: month >= 4 && month <= 6 && (grade === 9 || grade === 12) ? (grade === 9 ? '中考' : '高考') : null,
      used: this.used.get(usedKey)!,
      studentName: student.displayName,
      salutation: sp.sponsor.salutation,
      region: student.ngo.region,
      dream: student.dream,
      first: opts.first,
      reply: opts.parentId !== null,
    };
    const review = opts.review;
    const extra = review?.heldBy === 'meeting_rule' ? FLAGGED_LINE_MEETING : undefined;
    const body = opts.body ?? (writer === 'sponsor' ? sponsorLetter(rng, { ...vars, extra }) : studentLetter(rng, { ...vars, extra }));
    const author = writer === 'sponsor' ? sp.sponsor.accountId : student.accountId;
    if (writer === 'student') student.heard.push(at);

    this.event(id, null, 'submitted', at, author);
    const screenedAt = addMs(at, rng.int(3000, 60000));
    this.event(id, 'submitted', 'screened', screenedAt, null);
    let status: Status = 'screened';
    let changedAt = screenedAt;
    let deliveredAt: Date | null = null;
    if (review) {
      // The held step carries what the server's own screening would record, so the review queue shows it.
      const detail =
        review.heldBy === 'meeting_rule' ? { findings: screenText(body).findings } : { findings: [], contentSecurity: 'review' };
      this.event(id, 'screened', 'held', addMs(screenedAt, 500), null, review.reason, detail);
      status = 'held';
      changedAt = addMs(screenedAt, 500);
      if (review.approvedReason) {
        const approvedAt = officeHours(rng, localYmd(addDays(screenedAt, 1)));
        const reviewer = student.caseworker;
        this.event(id, 'held', 'approved', approvedAt, reviewer.accountId, review.approvedReason);
        ctx.rows.audit_log.push({
          at: iso(approvedAt),
          actor_account_id: reviewer.accountId,
          actor_role: reviewer.role,
          action: 'letters.approve',
          entity_type: 'letter',
          entity_id: id,
          student_id: student.id,
          reason: review.approvedReason,
          detail: null,
        });
        status = 'approved';
        changedAt = approvedAt;
      }
    }
    if (status !== 'held') {
      deliveredAt = addMs(changedAt, rng.int(1000, 5000));
      this.event(id, status, 'delivered', deliveredAt, null);
      status = 'delivered';
      changedAt = deliveredAt;
    }
    const row = {
      id,
      sponsorship_id: sp.id,
      direction: writer === 'sponsor' ? ('to_student' as const) : ('to_sponsor' as const),
      author_account_id: author,
      in_reply_to: opts.parentId,
      body,
      status: status as Status,
      status_changed_at: iso(changedAt),
      created_at: iso(at),
    };
    ctx.rows.letters.push(row);
    const info: LetterInfo = { id, sponsorship: sp, direction: row.direction, submittedAt: at, deliveredAt, readAt: null };
    this.letters.push(info);
    return {
      info,
      setStatus: (from: Status, to: Status, when: Date, actor: string) => {
        this.event(id, from, to, when, actor);
        row.status = to;
        row.status_changed_at = iso(when);
      },
    };
  }

  /** A letter, maybe read, maybe answered (and the answer maybe answered too). */
  thread(sp: SponsorshipModel, rng: Rng, writer: Writer, at: Date, parentId: string | null, depth: number, first: boolean): Date | null {
    const student = sp.student;
    const end = minDate(sp.until, this.ctx.now);
    if (at > end) return null;
    if (writer === 'student' && !isStudentActive(student, at)) return null;
    let review: Review | undefined;
    if (writer === 'student') {
      this.studentLettersWritten += 1;
      if (this.studentLettersWritten % 37 === 0 && at < addDays(this.ctx.now, -30)) {
        review = {
          heldBy: 'content_security',
          reason: '内容安全检查建议人工复核',
          approvedReason: '已复核：内容正常，可以转交',
        };
      }
    }
    const letter = this.write(sp, rng, writer, at, { first, parentId, review });
    const delivered = letter.info.deliveredAt;
    if (!delivered) return at;

    const reader: Writer = writer === 'sponsor' ? 'student' : 'sponsor';
    const readAt = addHours(delivered, rng.float(8, 24 * 7));
    const canRead = readAt < this.ctx.now && (reader === 'sponsor' || isStudentActive(student, readAt));
    if (!canRead) return at;
    letter.setStatus('delivered', 'read', readAt, reader === 'sponsor' ? sp.sponsor.accountId : student.accountId);
    letter.info.readAt = readAt;

    const replyChance = depth === 0 ? (reader === 'student' ? 0.75 : 0.55) : depth === 1 ? 0.3 : 0;
    if (!rng.chance(replyChance)) return at;
    const replyAt = evening(rng, localYmd(addDays(readAt, rng.float(1, 12))));
    if (replyAt <= readAt) return at;
    const replied = this.thread(sp, rng, reader, replyAt, letter.info.id, depth + 1, first && reader === 'student');
    if (replied) letter.setStatus('read', 'replied', replied, reader === 'sponsor' ? sp.sponsor.accountId : student.accountId);
    return at;
  }
}

/** Letters both ways over each sponsorship, with an event for every status step, and two held for review now. */
export function buildLetters(ctx: Ctx, sponsorships: readonly SponsorshipModel[]): LetterInfo[] {
  const writer = new LetterWriter(ctx);
  for (const sp of sponsorships) {
    const rng = ctx.rng.fork(`letters:${sp.id}`);
    let at = evening(rng, localYmd(addDays(sp.confirmedAt, rng.float(2, 15))));
    let who: Writer = 'sponsor';
    let first = true;
    while (at < minDate(sp.until, ctx.now)) {
      writer.thread(sp, rng, who, at, null, 0, first);
      first = false;
      at = evening(rng, localYmd(addDays(at, rng.float(45, 110))));
      who = rng.chance(0.6) ? 'student' : 'sponsor';
    }
  }

  // Sponsors of students who have been quiet a long time wrote gently; the letters wait unread.
  for (const sp of sponsorships.filter((x) => x.status === 'active' && (x.student.silentDays ?? 0) >= 50)) {
    const rng = ctx.rng.fork(`letters:quiet:${sp.id}`);
    const at = evening(rng, localYmd(addDays(ctx.now, -rng.int(8, 20))));
    const body = missYouLetter(rng, { studentName: sp.student.displayName, salutation: sp.sponsor.salutation, month: parseYmd(localYmd(at)).month });
    writer.write(sp, rng, 'sponsor', at, { first: false, parentId: null, body });
  }

  // Two letters waiting for a caseworker right now: one a screening rule flagged, one the text check could not see.
  const rng = ctx.rng.fork('letters:held');
  const candidates = sponsorships.filter((sp) => sp.status === 'active' && sp.student.silentDays === null && sp.student.pastSilence === null);
  const [forStudent, forSponsor] = rng.sample(candidates, 2);
  writer.write(forStudent, rng, 'student', addHours(ctx.now, -rng.float(20, 40)), {
    first: false,
    parentId: null,
    review: { heldBy: 'meeting_rule', reason: '可能涉及见面安排，等待工作人员复核' },
  });
  writer.write(forSponsor, rng, 'sponsor', addHours(ctx.now, -rng.float(3, 8)), {
    first: false,
    parentId: null,
    review: { heldBy: 'content_security', reason: '内容安全检查暂时不可用，已转人工复核' },
  });
  return writer.letters;
}
