import type { LetterDetail, LetterEvent, LetterFinding, LetterPhoto, LetterSummary, Redaction } from '../../../domain/api/letters';
import { canBeRepliedTo, isVisibleToReader, isWithdrawable, type LetterStatus } from '../../../domain/letters';
import { findingMessage } from '../../../domain/screening';
import { SCREENING_CATEGORIES, type Finding, type ScreeningCategory } from '../../../domain/screening/types';
import type { Locale } from '../../lib/messages';

export const REDACTION_MARK = '■■■';
const PREVIEW_LENGTH = 80;

export type ContentSecurity = 'risky' | 'review' | 'error';

/** What a letter event's JSON detail may hold. Unknown or malformed parts are ignored. */
export interface EventDetail {
  findings: Finding[];
  contentSecurity: ContentSecurity | null;
  redactions: Redaction[];
  /** Held because the writer's words raised an urgent wellbeing flag (a caseworker reads it first). */
  care: boolean;
}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

export function parseEventDetail(text: string | null): EventDetail {
  const detail: EventDetail = { findings: [], contentSecurity: null, redactions: [], care: false };
  if (!text) return detail;
  let value: Record<string, unknown>;
  try {
    value = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return detail;
  }
  if (!value || typeof value !== 'object') return detail;
  if (Array.isArray(value.findings)) {
    for (const f of value.findings as Record<string, unknown>[]) {
      if (f && SCREENING_CATEGORIES.includes(f.category as ScreeningCategory) && isInt(f.start) && isInt(f.end) && typeof f.excerpt === 'string') {
        detail.findings.push({ category: f.category as ScreeningCategory, start: f.start, end: f.end, excerpt: f.excerpt });
      }
    }
  }
  if (value.contentSecurity === 'risky' || value.contentSecurity === 'review' || value.contentSecurity === 'error') {
    detail.contentSecurity = value.contentSecurity;
  }
  detail.care = value.care === true;
  if (Array.isArray(value.redactions)) {
    for (const r of value.redactions as Record<string, unknown>[]) {
      if (r && isInt(r.start) && isInt(r.end) && r.end > r.start) detail.redactions.push({ start: r.start, end: r.end });
    }
  }
  return detail;
}

/**
 * Checks a caseworker's redactions against the text: inside it, not empty, not overlapping.
 * Returns them sorted, or null when they are not valid.
 */
export function normalizeRedactions(body: string, redactions: readonly Redaction[]): Redaction[] | null {
  const sorted = [...redactions].sort((a, b) => a.start - b.start);
  for (let i = 0; i < sorted.length; i += 1) {
    const r = sorted[i];
    if (r.start >= r.end || r.end > body.length) return null;
    if (i > 0 && r.start < sorted[i - 1].end) return null;
  }
  return sorted.map((r) => ({ start: r.start, end: r.end }));
}

/** The text with each redacted passage replaced by ■■■ (the reader never learns its length). */
export function applyRedactions(body: string, redactions: readonly Redaction[]): string {
  let text = body;
  for (const r of [...redactions].sort((a, b) => b.start - a.start)) {
    if (r.end > text.length || r.start >= r.end) continue;
    text = text.slice(0, r.start) + REDACTION_MARK + text.slice(r.end);
  }
  return text;
}

export function previewOf(body: string): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  return flat.length > PREVIEW_LENGTH ? `${flat.slice(0, PREVIEW_LENGTH)}…` : flat;
}

export function toFindings(findings: readonly Finding[], locale: Locale): LetterFinding[] {
  return findings.map((f) => ({ category: f.category, start: f.start, end: f.end, excerpt: f.excerpt, message: findingMessage(f.category, locale) }));
}

const NOTES: Record<Locale, { review: string; care: string; redacted: string }> = {
  'zh-CN': {
    review: '这封信需要社工看一下再转交，通常一两个工作日内完成。',
    care: '你的社工会先读一读这封信，再转交给对方。社工很快会来找你聊聊。',
    redacted: '社工遮盖了其中几处内容后转交。',
  },
  'en-US': {
    review: 'This letter needs a caseworker’s review before it is delivered, usually within a working day or two.',
    care: 'Your caseworker will read this letter first, then pass it on. They will be in touch with you soon.',
    redacted: 'A caseworker hid a few passages before delivery.',
  },
};

export type PartyRole = 'writer' | 'reader';

/** A letter as both parties know it, with the fields the views need. */
export interface LetterContext {
  id: string;
  sponsorship_id: string;
  direction: 'to_student' | 'to_sponsor';
  author_account_id: string;
  in_reply_to: string | null;
  body: string;
  status: LetterStatus;
  status_changed_at: string;
  created_at: string;
  sponsorship_status: string;
  student_id: string;
  student_name: string;
  student_legal_name: string;
  student_account_id: string | null;
  ngo_id: string;
  sponsor_name: string;
  sponsor_account_id: string;
}

export interface EventRow {
  letter_id: string;
  from_status: string | null;
  to_status: string;
  actor_account_id: string | null;
  actor_role: string | null;
  reason: string | null;
  detail: string | null;
  created_at: string;
}

export interface PhotoRow {
  id: string;
  letter_id: string;
  storage_key: string;
  width: number;
  height: number;
}

/** The other side's display name, seen from the caller's side (never a legal name or school). */
export function counterpartName(ctx: Pick<LetterContext, 'student_name' | 'sponsor_name'>, callerRole: 'sponsor' | 'student'): string {
  return callerRole === 'sponsor' ? ctx.student_name : ctx.sponsor_name;
}

export function latest(events: readonly EventRow[], status: string): EventRow | undefined {
  for (let i = events.length - 1; i >= 0; i -= 1) if (events[i].to_status === status) return events[i];
  return undefined;
}

/** Redactions in force for delivery: those of the latest approval. */
export function redactionsOf(events: readonly EventRow[]): Redaction[] {
  const approved = latest(events, 'approved');
  return approved ? parseEventDetail(approved.detail).redactions : [];
}

function byOf(event: EventRow, ctx: LetterContext, me: string): LetterEvent['by'] {
  if (event.actor_account_id === null) return 'system';
  if (event.actor_account_id === me) return 'you';
  if (event.actor_role === 'caseworker' || event.actor_role === 'ngo_admin') return 'staff';
  return event.actor_account_id === ctx.author_account_id ? 'writer' : 'reader';
}

function eventReason(event: EventRow, locale: Locale): string | null {
  if (event.to_status === 'held') {
    const detail = parseEventDetail(event.detail);
    return event.reason ?? (detail.care && detail.findings.length === 0 && !detail.contentSecurity ? NOTES[locale].care : NOTES[locale].review);
  }
  if (event.to_status === 'approved' && parseEventDetail(event.detail).redactions.length > 0) return event.reason ?? NOTES[locale].redacted;
  return event.reason;
}

export function toDetail(
  ctx: LetterContext,
  view: { role: PartyRole; callerRole: 'sponsor' | 'student'; accountId: string; locale: Locale },
  events: readonly EventRow[],
  photos: readonly LetterPhoto[],
  hasReply: boolean,
): LetterDetail {
  const writer = view.role === 'writer';
  const redactions = redactionsOf(events);
  const body = writer ? ctx.body : applyRedactions(ctx.body, redactions);
  const visibleEvents = writer ? events : events.filter((e) => isVisibleToReader(e.to_status as LetterStatus));
  const held = latest(events, 'held');
  const showFindings = writer && (ctx.status === 'held' || ctx.status === 'returned') && held;
  const heldDetail = parseEventDetail(held?.detail ?? null);
  const returned = latest(events, 'returned');
  return {
    id: ctx.id,
    sponsorshipId: ctx.sponsorship_id,
    direction: ctx.direction,
    status: ctx.status,
    mine: writer,
    counterpartName: counterpartName(ctx, view.callerRole),
    preview: previewOf(body),
    photoCount: photos.length,
    inReplyTo: ctx.in_reply_to,
    createdAt: ctx.created_at,
    statusChangedAt: ctx.status_changed_at,
    body,
    photos: [...photos],
    events: visibleEvents.map((e) => ({
      status: e.to_status as LetterStatus,
      at: e.created_at,
      by: byOf(e, ctx, view.accountId),
      reason: writer ? eventReason(e, view.locale) : null,
    })),
    findings: showFindings ? toFindings(heldDetail.findings, view.locale) : [],
    careHold: Boolean(writer && ctx.status === 'held' && heldDetail.care),
    returnReason: writer && ctx.status === 'returned' ? (returned?.reason ?? null) : null,
    redactions: writer ? redactions : [],
    canReply: !writer && canBeRepliedTo(ctx.status) && !hasReply,
    canEdit: writer && isWithdrawable(ctx.status),
    canWithdraw: writer && isWithdrawable(ctx.status),
  };
}

export function toSummary(
  ctx: LetterContext,
  view: { role: PartyRole; callerRole: 'sponsor' | 'student' },
  redactions: readonly Redaction[],
  photoCount: number,
): LetterSummary {
  const writer = view.role === 'writer';
  return {
    id: ctx.id,
    sponsorshipId: ctx.sponsorship_id,
    direction: ctx.direction,
    status: ctx.status,
    mine: writer,
    counterpartName: counterpartName(ctx, view.callerRole),
    preview: previewOf(writer ? ctx.body : applyRedactions(ctx.body, redactions)),
    photoCount,
    inReplyTo: ctx.in_reply_to,
    createdAt: ctx.created_at,
    statusChangedAt: ctx.status_changed_at,
  };
}
