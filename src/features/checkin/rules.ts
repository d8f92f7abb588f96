/**
 * What the server accepts for a check-in, repeated here (the client imports only types from domain/);
 * rules.test.ts checks they equal the domain's.
 */
export const CHECKIN_KINDS = ['doing_well', 'busy_exams', 'talk_to_caseworker'] as const;
export type CheckinKind = (typeof CHECKIN_KINDS)[number];
export const CHECKIN_NOTE_MAX = 200;
export const MOODS = [1, 2, 3, 4, 5] as const;
export type Mood = (typeof MOODS)[number];
export const CHECKIN_PATH = '/api/student/checkins';
