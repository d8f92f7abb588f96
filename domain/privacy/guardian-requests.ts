/**
 * A guardian's request about a minor's personal data (PIPL arts. 45–47; 未成年人保护法 art. 72; the
 * 未成年人网络保护条例, chapter 4: such requests are accepted and handled promptly, without unreasonable
 * conditions): to see it, to have it corrected, or to have it deleted. NGO staff record the request as
 * they receive it, act on it, and close it as completed or refused (with a reason).
 */
export const GUARDIAN_REQUEST_KINDS = ['access', 'correct', 'delete'] as const;
export type GuardianRequestKind = (typeof GUARDIAN_REQUEST_KINDS)[number];

/** received → in_progress (acted on at least once) → completed | refused. */
export const GUARDIAN_REQUEST_STATUSES = ['received', 'in_progress', 'completed', 'refused'] as const;
export type GuardianRequestStatus = (typeof GUARDIAN_REQUEST_STATUSES)[number];

/** How the request reached the NGO (and how the guardian's identity was checked). */
export const GUARDIAN_REQUEST_CHANNELS = ['paper', 'in_person', 'video', 'phone'] as const;
export type GuardianRequestChannel = (typeof GUARDIAN_REQUEST_CHANNELS)[number];

export const GUARDIAN_REQUEST_LIMITS = { name: 60, relation: 30, details: 1000, note: 500 } as const;

/** What acting on a request means for each kind. */
export const ACTION_OF_KIND = { access: 'export', correct: 'correction', delete: 'erasure' } as const satisfies Record<GuardianRequestKind, string>;

export const isOpenRequest = (status: GuardianRequestStatus) => status === 'received' || status === 'in_progress';

export interface RequestActions {
  /** Produce the data package, correct the record, or erase the student's data. */
  act: boolean;
  /** Close as completed. An erasure completes its request by itself. */
  complete: boolean;
  refuse: boolean;
}

/**
 * What staff may do with a request now. Access and correction requests are completed only after they
 * were acted on (the package produced, the record edited); a deletion request is completed by the erasure.
 */
export function requestActions(kind: GuardianRequestKind, status: GuardianRequestStatus): RequestActions {
  const open = isOpenRequest(status);
  return { act: open, complete: open && kind !== 'delete' && status === 'in_progress', refuse: open };
}

/**
 * What an erased student's record holds instead of their personal data. Names and texts are replaced,
 * not emptied, so every screen still reads sensibly; money, dates and counts are kept as they were.
 */
export const ANONYMISED = {
  legalName: '（已匿名）',
  /** What a former sponsor still sees in their ledger and letters list. */
  displayName: '一位同学',
  schoolName: '（已匿名）',
  text: '（已删除）',
  letterBody: '（这封信的内容已删除）',
} as const;
