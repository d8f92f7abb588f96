import type { Role } from '../../domain/roles';

/** Absolute page paths, as Taro's navigation APIs and the h5 router expect them. */
export const ROUTES = {
  launch: '/pages/launch/index',
  login: '/pages/login/index',
  settings: '/pages/settings/index',
  invite: '/pages/invite/index',
  privacy: '/pages/privacy/index',
  studentTermReport: '/packages/student/pages/term-report/index',
  sponsorHome: '/packages/sponsor/pages/home/index',
  sponsorMyData: '/packages/sponsor/pages/my-data/index',
  sponsorStatement: '/packages/sponsor/pages/statement/index',
  studentHome: '/packages/student/pages/home/index',
  staffHome: '/packages/staff/pages/home/index',
  staffReview: '/packages/staff/pages/review/index',
  staffQueue: '/packages/staff/pages/queue/index',
  staffHandovers: '/packages/staff/pages/handovers/index',
  staffPolicy: '/packages/staff/pages/policy/index',
} as const;

/** A caseworker's case (one lost-contact alert). */
export const caseRoute = (alertId: string): string => `/packages/staff/pages/case/index?id=${encodeURIComponent(alertId)}`;

/** A wellbeing flag (what a student's words may show); the urgent push opens this page too. */
export const flagRoute = (flagId: string): string => `/packages/staff/pages/flag/index?id=${encodeURIComponent(flagId)}`;

/** The care queue, open on one tab (e.g. `urgent` from the staff home's banner). */
export const queueRoute = (tab?: string): string => withQuery(ROUTES.staffQueue, { tab });

/** Sponsors and students each have the letter pages in their own sub-package. */
export type LetterRole = 'sponsor' | 'student';

/** Suggested letters the compose page can start from. */
export const LETTER_SUGGESTIONS = ['exam_encouragement'] as const;
export type LetterSuggestion = (typeof LETTER_SUGGESTIONS)[number];

export interface LetterRoutes {
  /** The list (optionally of one sponsorship, whose other side is `name`). */
  list: (sponsorshipId?: string, name?: string) => string;
  letter: (id: string) => string;
  /**
   * A new letter to the sponsorship's other side; `name` is shown as the addressee. `suggest` starts
   * an empty draft with a suggested text the writer can change.
   */
  compose: (sponsorshipId: string, name?: string, suggest?: LetterSuggestion) => string;
  reply: (letterId: string) => string;
  resubmit: (letterId: string) => string;
}

function withQuery(path: string, query: Record<string, string | undefined>): string {
  const pairs = Object.entries(query)
    .filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '')
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`);
  return pairs.length ? `${path}?${pairs.join('&')}` : path;
}

export function letterRoutes(role: LetterRole): LetterRoutes {
  const root = `/packages/${role}/pages`;
  return {
    list: (sponsorshipId, name) => withQuery(`${root}/letters/index`, { sponsorshipId, name }),
    letter: (id) => withQuery(`${root}/letter/index`, { id }),
    compose: (sponsorshipId, name, suggest) => withQuery(`${root}/compose/index`, { sponsorshipId, name, suggest }),
    reply: (letterId) => withQuery(`${root}/compose/index`, { replyTo: letterId }),
    resubmit: (letterId) => withQuery(`${root}/compose/index`, { resubmit: letterId }),
  };
}

/** Each role has one home, in its own sub-package; caseworkers and NGO admins share the staff one. */
export function homeFor(role: Role): string {
  switch (role) {
    case 'sponsor':
      return ROUTES.sponsorHome;
    case 'student':
      return ROUTES.studentHome;
    case 'caseworker':
    case 'ngo_admin':
      return ROUTES.staffHome;
  }
}

/** A page query value, decoded (mini-programs hand them over still URL-encoded; h5 already decoded). */
export function readParam(params: Record<string, string | undefined>, name: string): string | undefined {
  const raw = params[name];
  if (!raw) return undefined;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
