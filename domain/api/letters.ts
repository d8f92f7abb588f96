import { Type, type Static } from '@sinclair/typebox';
import { LETTER_BODY_MAX, LETTER_DIRECTIONS, LETTER_PHOTOS_MAX, LETTER_STATUSES } from '../letters';
import { SCREENING_CATEGORIES } from '../screening/types';
import { Id, literals, IsoDateTime, Page, PageQuery } from './common';

export const LetterStatusSchema = literals(LETTER_STATUSES);
export const LetterDirectionSchema = literals(LETTER_DIRECTIONS);

/** A screening finding as the writer and the reviewing caseworker see it. */
export const LetterFinding = Type.Object({
  category: literals(SCREENING_CATEGORIES),
  start: Type.Integer({ minimum: 0 }),
  end: Type.Integer({ minimum: 0 }),
  excerpt: Type.String(),
  /** Why this passage cannot be sent, in the caller's language. */
  message: Type.String(),
});
export type LetterFinding = Static<typeof LetterFinding>;

export const LetterEvent = Type.Object({
  status: LetterStatusSchema,
  at: IsoDateTime,
  /** Who made the move, from the caller's point of view. */
  by: literals(['you', 'reader', 'writer', 'staff', 'system'] as const),
  /** A caseworker's reason when a letter is returned, or a note that passages were redacted. */
  reason: Type.Union([Type.String(), Type.Null()]),
});
export type LetterEvent = Static<typeof LetterEvent>;

export const LetterPhoto = Type.Object({
  id: Id,
  /** Short-lived, signed URL; fetch it again through the letter when it expires. */
  url: Type.String(),
  width: Type.Integer(),
  height: Type.Integer(),
});
export type LetterPhoto = Static<typeof LetterPhoto>;

export const Redaction = Type.Object(
  { start: Type.Integer({ minimum: 0 }), end: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);
export type Redaction = Static<typeof Redaction>;

export const LetterSummary = Type.Object({
  id: Id,
  sponsorshipId: Id,
  direction: LetterDirectionSchema,
  status: LetterStatusSchema,
  /** True when the caller wrote it. */
  mine: Type.Boolean(),
  /** The other side's display name (the student's or the sponsor's). */
  counterpartName: Type.String(),
  preview: Type.String(),
  photoCount: Type.Integer(),
  inReplyTo: Type.Union([Id, Type.Null()]),
  createdAt: IsoDateTime,
  statusChangedAt: IsoDateTime,
});
export type LetterSummary = Static<typeof LetterSummary>;

export const LetterDetail = Type.Composite([
  LetterSummary,
  Type.Object({
    /** The text as the caller may see it: the reader gets redacted passages as "■■■". */
    body: Type.String(),
    photos: Type.Array(LetterPhoto),
    /** Every step with its time: the writer sees all of them, the reader from delivery on. */
    events: Type.Array(LetterEvent),
    /** Writer only, while held or returned: what screening found. */
    findings: Type.Array(LetterFinding),
    /** Writer only: the caseworker's reason when returned. */
    returnReason: Type.Union([Type.String(), Type.Null()]),
    /** Passages a caseworker removed before delivery (shown to the writer). */
    redactions: Type.Array(Redaction),
    canReply: Type.Boolean(),
    /** Writer only, while held or returned: edit and send again. */
    canEdit: Type.Boolean(),
    /** Writer only, while held or returned: take the letter back (it is never delivered). */
    canWithdraw: Type.Boolean(),
    /** Writer only, while held: the writer's words made a caseworker want to read it first (the app shows how to reach a person now). */
    careHold: Type.Boolean(),
  }),
]);
export type LetterDetail = Static<typeof LetterDetail>;

export const LetterListQuery = Type.Composite(
  [PageQuery, Type.Object({ sponsorshipId: Type.Optional(Id) })],
  { additionalProperties: false },
);
export type LetterListQuery = Static<typeof LetterListQuery>;

export const LetterPage = Page(LetterSummary);
export type LetterPage = Static<typeof LetterPage>;

const Body = Type.String({ minLength: 1, maxLength: LETTER_BODY_MAX });
const PhotoIds = Type.Array(Id, { maxItems: LETTER_PHOTOS_MAX, uniqueItems: true });

export const ComposeLetterBody = Type.Object(
  {
    /** Required for a new letter; a reply takes its sponsorship from the letter it answers. */
    sponsorshipId: Type.Optional(Id),
    inReplyTo: Type.Optional(Id),
    body: Body,
    photoIds: Type.Optional(PhotoIds),
  },
  { additionalProperties: false },
);
export type ComposeLetterBody = Static<typeof ComposeLetterBody>;

export const ResubmitLetterBody = Type.Object({ body: Body, photoIds: Type.Optional(PhotoIds) }, { additionalProperties: false });
export type ResubmitLetterBody = Static<typeof ResubmitLetterBody>;

export const UploadedPhoto = Type.Object({ id: Id, width: Type.Integer(), height: Type.Integer(), bytes: Type.Integer() });
export type UploadedPhoto = Static<typeof UploadedPhoto>;

export const LetterIdParams = Type.Object({ id: Id }, { additionalProperties: false });

/** A held letter in the NGO's review queue. Staff see the full text and who wrote it. */
export const HeldLetter = Type.Object({
  id: Id,
  direction: LetterDirectionSchema,
  studentId: Id,
  studentName: Type.String(),
  writerName: Type.String(),
  body: Type.String(),
  findings: Type.Array(LetterFinding),
  photos: Type.Array(LetterPhoto),
  submittedAt: IsoDateTime,
  heldAt: IsoDateTime,
  /** Whole hours since the letter was submitted. */
  waitingHours: Type.Integer(),
});
export type HeldLetter = Static<typeof HeldLetter>;

export const HeldLetterPage = Page(HeldLetter);
export type HeldLetterPage = Static<typeof HeldLetterPage>;

export const ReturnLetterBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 500 }) },
  { additionalProperties: false },
);
export type ReturnLetterBody = Static<typeof ReturnLetterBody>;

export const ApproveRedactedBody = Type.Object(
  { redactions: Type.Array(Redaction, { minItems: 1, maxItems: 50 }) },
  { additionalProperties: false },
);
export type ApproveRedactedBody = Static<typeof ApproveRedactedBody>;

export const ReviewDecision = Type.Object({ id: Id, status: LetterStatusSchema });
export type ReviewDecision = Static<typeof ReviewDecision>;

/** Letter counts per NGO for the credibility panel. */
export const NgoLetterStats = Type.Object({
  submitted: Type.Integer(),
  held: Type.Integer(),
  delivered: Type.Integer(),
  medianHoursToDelivery: Type.Union([Type.Number(), Type.Null()]),
});
export type NgoLetterStats = Static<typeof NgoLetterStats>;

export const NotificationItem = Type.Object({
  id: Id,
  kind: Type.String(),
  /** Kind-specific fields (e.g. letterId, counterpartName) the app renders in its own language. */
  payload: Type.Record(Type.String(), Type.Unknown()),
  createdAt: IsoDateTime,
  readAt: Type.Union([IsoDateTime, Type.Null()]),
});
export type NotificationItem = Static<typeof NotificationItem>;

export const NotificationPage = Type.Composite([Page(NotificationItem), Type.Object({ unread: Type.Integer() })]);
export type NotificationPage = Static<typeof NotificationPage>;
