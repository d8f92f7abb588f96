import type { Insertable } from 'kysely';
import type { CarePolicy } from '../../../domain/care/policy';
import type { Database } from '../schema';
import type { Dream, Region } from './texts';
import type { IdSequence, Rng } from './random';
import type { Ymd } from './time';

/** The tables the demo data fills, in the order they are inserted (parents first). */
export const SEEDED_TABLES = [
  'ngos',
  'accounts',
  'staff',
  'ngo_policies',
  'sponsors',
  'students',
  'student_contacts',
  'guardian_consents',
  'sponsorships',
  'checkins',
  'term_reports',
  'letters',
  'letter_events',
  'ledger_entries',
  'ngo_notices',
  'silence_episodes',
  'silence_steps',
  'alerts',
  'contact_attempts',
  'caseworker_tasks',
  'wellbeing_flags',
  'notifications',
  'audit_log',
] as const satisfies readonly (keyof Database)[];

export type SeededTable = (typeof SEEDED_TABLES)[number];
export type Rows = { [T in SeededTable]: Insertable<Database[T]>[] };

export interface Ctx {
  now: Date;
  /** Today in Asia/Shanghai. */
  today: Ymd;
  /** The school year (by its starting September) `today` belongs to. */
  schoolYear: number;
  rng: Rng;
  ids: IdSequence;
  rows: Rows;
}

export interface StaffModel {
  id: string;
  accountId: string;
  ngoId: string;
  role: 'caseworker' | 'ngo_admin';
  fullName: string;
  username: string;
}

export interface NgoModel {
  id: string;
  key: 'sc' | 'gs';
  name: string;
  province: string;
  city: string;
  region: Region;
  admin: StaffModel;
  caseworkers: StaffModel[];
  consentUnderAge: number;
  /** Its care policy as the domain rules read it (also what ngo_policies stores). */
  policy: CarePolicy;
  createdAt: Date;
}

export type StudentPlan =
  | 'sponsored'
  | 'renewed'
  | 'paused_sponsored'
  | 'pool'
  | 'completed_pool'
  | 'new'
  | 'paused_unsponsored';

export interface Window {
  from: Date;
  to: Date;
}

export interface StudentModel {
  id: string;
  accountId: string;
  ngo: NgoModel;
  caseworker: StaffModel;
  plan: StudentPlan;
  legalName: string;
  surname: string;
  displayName: string;
  gender: 'female' | 'male';
  pronoun: '她' | '他';
  dateOfBirth: Ymd;
  grade: number;
  stage: 'middle' | 'high';
  /** 1 September of the year the current school stage began. */
  stageStart: Ymd;
  schoolName: string;
  /** The middle school a high-school student came from (payee of older disbursements). */
  previousSchool: string | null;
  county: string;
  village: string;
  expectedGraduation: Ymd;
  yearlyNeedFen: number;
  dream: Dream;
  guardian: { name: string; relation: string };
  createdAt: Date;
  consentAt: Date | null;
  storyApprovedAt: Date | null;
  poolSince: Date | null;
  programStatus: 'active' | 'paused';
  pausedAt: Date | null;
  /** When a sponsored student's sponsorship starts (planned before sponsors are matched). */
  sponsorshipStart: Ymd | null;
  /** The student writes and checks in only inside [activeFrom, activeUntil] and outside the gaps. */
  activeFrom: Date;
  activeUntil: Date;
  gaps: Window[];
  /** The latest check-in; null for students who have not checked in yet. */
  latestCheckin: Date | null;
  /** Silent students: how many days ago they were last heard from. */
  silentDays: number | null;
  /** A past silence that ended with a caseworker reaching the student. */
  pastSilence: { lastHeard: Date; reachedAt: Date } | null;
  /** Instants the student was heard from (check-ins, their letters, reached contact attempts). */
  heard: Date[];
}

export interface SponsorModel {
  id: string;
  accountId: string;
  displayName: string;
  salutation: string;
  createdAt: Date;
}

export interface SponsorshipModel {
  id: string;
  sponsor: SponsorModel;
  student: StudentModel;
  status: 'active' | 'paused' | 'completed';
  amountFen: number;
  cadence: 'monthly' | 'quarterly' | 'yearly';
  termYears: number;
  startDate: Ymd;
  endDate: Ymd;
  createdAt: Date;
  confirmedAt: Date;
  /** Letters, payments and disbursements flow until this instant. */
  until: Date;
  endedAt: Date | null;
}

export function isStudentActive(student: StudentModel, at: Date): boolean {
  if (at < student.activeFrom || at > student.activeUntil) return false;
  return !student.gaps.some((gap) => at > gap.from && at < gap.to);
}
