/**
 * The letter lifecycle. Every status change goes through `assertTransition`, so only the moves below
 * can happen, and only by the actor named for them.
 *
 *   draft → submitted → screened → delivered → read → replied
 *                          ↓
 *                         held → approved → delivered
 *                          ↓
 *                       returned → submitted (edited and sent again by the writer)
 *
 * While a letter is held or returned its writer may also take it back (withdrawn, final) or, while
 * held, edit it and send it again (submitted: it is screened afresh).
 */
export const LETTER_STATUSES = [
  'draft',
  'submitted',
  'screened',
  'held',
  'approved',
  'returned',
  'delivered',
  'read',
  'replied',
  'withdrawn',
] as const;
export type LetterStatus = (typeof LETTER_STATUSES)[number];

export const LETTER_DIRECTIONS = ['to_student', 'to_sponsor'] as const;
export type LetterDirection = (typeof LETTER_DIRECTIONS)[number];

/** Who makes a move: the letter's writer, its reader, NGO staff, or the system (screening, delivery). */
export type LetterActor = 'writer' | 'reader' | 'staff' | 'system';

const TRANSITIONS: Record<LetterStatus, Partial<Record<LetterStatus, LetterActor>>> = {
  draft: { submitted: 'writer' },
  submitted: { screened: 'system' },
  screened: { delivered: 'system', held: 'system' },
  held: { approved: 'staff', returned: 'staff', submitted: 'writer', withdrawn: 'writer' },
  approved: { delivered: 'system' },
  returned: { submitted: 'writer', withdrawn: 'writer' },
  delivered: { read: 'reader' },
  read: { replied: 'reader' },
  replied: {},
  withdrawn: {},
};

export class IllegalLetterTransition extends Error {
  constructor(
    readonly from: LetterStatus,
    readonly to: LetterStatus,
    readonly actor: LetterActor,
  ) {
    super(`A letter cannot move from ${from} to ${to} by ${actor}`);
    this.name = 'IllegalLetterTransition';
  }
}

export function canTransition(from: LetterStatus, to: LetterStatus, actor: LetterActor): boolean {
  return TRANSITIONS[from][to] === actor;
}

export function assertTransition(from: LetterStatus, to: LetterStatus, actor: LetterActor): void {
  if (!canTransition(from, to, actor)) throw new IllegalLetterTransition(from, to, actor);
}

/** The reader sees a letter only once it has been delivered. */
export function isVisibleToReader(status: LetterStatus): boolean {
  return status === 'delivered' || status === 'read' || status === 'replied';
}

/** The writer may still change their mind: edit and send again, or take the letter back. */
export function isWithdrawable(status: LetterStatus): boolean {
  return status === 'held' || status === 'returned';
}

/** A letter can be answered once its reader has it. */
export function canBeRepliedTo(status: LetterStatus): boolean {
  return status === 'delivered' || status === 'read';
}

export const LETTER_BODY_MAX = 5000;
export const LETTER_PHOTOS_MAX = 3;
