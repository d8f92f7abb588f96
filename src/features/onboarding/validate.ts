import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import type { MessageKey } from '@/lib/i18n';
import { chinaToday } from '@/lib/china-date';
import { parseYuan } from '@/features/staff-ledger';
import type { SchoolStage } from '../../../domain/student';
import { termCode } from '../../../domain/terms';
import type { CreateStudentBody, RecordConsentBody, StudentContactInput, TermReportBody } from './types';

dayjs.extend(utc);

/** The school stages of domain/student.ts (the app imports only types from domain/; a test keeps them equal). */
export const SCHOOL_STAGES: readonly SchoolStage[] = ['primary', 'middle', 'high', 'vocational'];

/** What the person typed, field by field (everything a string until it is checked). */
export interface StudentFormValues {
  legalName: string;
  gender: 'female' | 'male' | 'unspecified';
  village: string;
  schoolName: string;
  displayName: string;
  story: string;
  dateOfBirth: string;
  grade: string;
  schoolStage: SchoolStage | '';
  expectedGraduation: string;
  province: string;
  city: string;
  yearlyNeed: string;
  caseworkerId: string;
  guardianName: string;
  guardianRelation: string;
  guardianPhone: string;
  schoolContactName: string;
  schoolContactPhone: string;
}

export const EMPTY_STUDENT_FORM: StudentFormValues = {
  legalName: '',
  gender: 'unspecified',
  village: '',
  schoolName: '',
  displayName: '',
  story: '',
  dateOfBirth: '',
  grade: '',
  schoolStage: '',
  expectedGraduation: '',
  province: '',
  city: '',
  yearlyNeed: '',
  caseworkerId: '',
  guardianName: '',
  guardianRelation: '',
  guardianPhone: '',
  schoolContactName: '',
  schoolContactPhone: '',
};

/** The contract's limits (domain/api/students.ts), repeated here; a test keeps them in step. */
export const LIMITS = { name: 60, displayName: 30, story: 600, place: 20, village: 60, school: 100, phone: 30, relation: 30, scope: 1000, reason: 500, result: 200 } as const;

export type FieldErrors = Partial<Record<string, { key: MessageKey; params?: Record<string, string | number> }>>;

function halfWidth(text: string): string {
  return text.replace(/[\uFF10-\uFF19\uFF0E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** A calendar date written YYYY-MM-DD (or with slashes) that exists, normalised; null when it does not. */
export function parseDate(input: string): string | null {
  const text = halfWidth(input).trim().replace(/\//g, '-');
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (!match) return null;
  const date = `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}`;
  const parsed = dayjs.utc(date);
  return parsed.isValid() && parsed.format('YYYY-MM-DD') === date ? date : null;
}

/** The ages a student may be when added (the contract's rule). */
const STUDENT_AGE = { min: 5, max: 25 } as const;
/** How far ahead an expected graduation may be picked. */
const GRADUATION_YEARS_AHEAD = 20;

function shift(date: string, amount: number, unit: 'year' | 'day'): string {
  return dayjs.utc(date).add(amount, unit).format('YYYY-MM-DD');
}

/** The dates of birth the picker offers: in the past, no older than the oldest student allowed. */
export function birthDateRange(now: Date = new Date()): { start: string; end: string } {
  const today = chinaToday(now);
  return { start: shift(shift(today, -(STUDENT_AGE.max + 1), 'year'), 1, 'day'), end: today };
}

/** The expected graduations the picker offers: from tomorrow, some years ahead. */
export function graduationDateRange(now: Date = new Date()): { start: string; end: string } {
  const today = chinaToday(now);
  return { start: shift(today, 1, 'day'), end: shift(today, GRADUATION_YEARS_AHEAD, 'year') };
}

/** The keep-until dates the picker offers: after today and after the day of consent. */
export function retainUntilStart(consentedOn: string, now: Date = new Date()): string {
  const today = chinaToday(now);
  return shift(consentedOn > today ? consentedOn : today, 1, 'day');
}

/** Whole years between a date of birth and today (both YYYY-MM-DD). */
export function ageOn(dateOfBirth: string, today: string): number {
  return dayjs.utc(today).diff(dayjs.utc(dateOfBirth), 'year');
}

function requireText(errors: FieldErrors, field: string, value: string, max: number): string {
  const text = value.trim();
  if (!text) errors[field] = { key: 'onboarding.error.required' };
  else if (text.length > max) errors[field] = { key: 'onboarding.error.tooLong', params: { max } };
  return text;
}

const PHONE = /^[+\d][\d\s-]{5,19}$/;

/**
 * Checks the create/edit form and builds the body to send. Every problem is reported at once, each
 * against its field, with a message key.
 */
export function validateStudentForm(
  values: StudentFormValues,
  now: Date = new Date(),
): { body: CreateStudentBody; errors?: undefined } | { body?: undefined; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const today = chinaToday(now);

  const legalName = requireText(errors, 'legalName', values.legalName, LIMITS.name);
  const schoolName = requireText(errors, 'schoolName', values.schoolName, LIMITS.school);
  const displayName = requireText(errors, 'displayName', values.displayName, LIMITS.displayName);
  if (displayName && legalName && displayName === legalName) errors.displayName = { key: 'onboarding.error.displayNameIsLegal' };
  const story = values.story.trim();
  if (story.length > LIMITS.story) errors.story = { key: 'onboarding.error.tooLong', params: { max: LIMITS.story } };
  const village = values.village.trim();
  if (village.length > LIMITS.village) errors.village = { key: 'onboarding.error.tooLong', params: { max: LIMITS.village } };
  const province = requireText(errors, 'province', values.province, LIMITS.place);
  const city = requireText(errors, 'city', values.city, LIMITS.place);

  let dateOfBirth = '';
  if (!values.dateOfBirth.trim()) errors.dateOfBirth = { key: 'onboarding.error.pickDate' };
  else {
    const parsed = parseDate(values.dateOfBirth);
    if (!parsed) errors.dateOfBirth = { key: 'onboarding.error.date' };
    else if (parsed >= today) errors.dateOfBirth = { key: 'onboarding.error.birthFuture' };
    else if (ageOn(parsed, today) < STUDENT_AGE.min || ageOn(parsed, today) > STUDENT_AGE.max) errors.dateOfBirth = { key: 'onboarding.error.age' };
    else dateOfBirth = parsed;
  }

  const gradeText = halfWidth(values.grade).trim();
  let grade = 0;
  if (!gradeText) errors.grade = { key: 'onboarding.error.required' };
  else if (!/^\d{1,2}$/.test(gradeText) || Number(gradeText) < 1 || Number(gradeText) > 12) errors.grade = { key: 'onboarding.error.grade' };
  else grade = Number(gradeText);

  if (!values.schoolStage || !(SCHOOL_STAGES as readonly string[]).includes(values.schoolStage)) errors.schoolStage = { key: 'onboarding.error.choose' };

  let expectedGraduation = '';
  if (!values.expectedGraduation.trim()) errors.expectedGraduation = { key: 'onboarding.error.pickDate' };
  else {
    const parsed = parseDate(values.expectedGraduation);
    if (!parsed) errors.expectedGraduation = { key: 'onboarding.error.date' };
    else if (parsed <= today) errors.expectedGraduation = { key: 'onboarding.error.graduationPast' };
    else expectedGraduation = parsed;
  }

  const need = parseYuan(values.yearlyNeed);
  if ('error' in need) errors.yearlyNeed = { key: need.error === 'required' ? 'onboarding.error.required' : 'onboarding.error.amount' };

  const guardianName = requireText(errors, 'guardianName', values.guardianName, LIMITS.name);
  const guardianRelation = requireText(errors, 'guardianRelation', values.guardianRelation, LIMITS.relation);
  const guardianPhone = requireText(errors, 'guardianPhone', values.guardianPhone, LIMITS.phone);
  if (guardianPhone && !errors.guardianPhone && !PHONE.test(guardianPhone)) errors.guardianPhone = { key: 'onboarding.error.phone' };
  // The school contact is optional, but a phone needs a name.
  const schoolContactName = values.schoolContactName.trim();
  const schoolContactPhone = values.schoolContactPhone.trim();
  if (schoolContactName.length > LIMITS.name) errors.schoolContactName = { key: 'onboarding.error.tooLong', params: { max: LIMITS.name } };
  if (schoolContactPhone && !schoolContactName) errors.schoolContactName = { key: 'onboarding.error.required' };
  if (schoolContactPhone && !PHONE.test(schoolContactPhone)) errors.schoolContactPhone = { key: 'onboarding.error.phone' };
  const schoolContacts: StudentContactInput[] = schoolContactName ? [{ name: schoolContactName, phone: schoolContactPhone || null }] : [];

  if (Object.keys(errors).length > 0 || 'error' in need) return { errors };
  return {
    body: {
      legalName,
      displayName,
      gender: values.gender,
      schoolName,
      village: village || null,
      story: story || null,
      dateOfBirth,
      grade,
      schoolStage: values.schoolStage as SchoolStage,
      expectedGraduation,
      province,
      city,
      yearlyNeedFen: need.fen,
      caseworkerId: values.caseworkerId || null,
      guardianContacts: [{ name: guardianName, relation: guardianRelation, phone: guardianPhone }],
      schoolContacts,
    },
  };
}

export type ConsentMethod = 'paper' | 'in_person' | 'video' | 'phone';
export const CONSENT_METHOD_OPTIONS: readonly ConsentMethod[] = ['paper', 'in_person', 'video', 'phone'];

export interface ConsentFormValues {
  guardianName: string;
  relation: string;
  consentedOn: string;
  method: ConsentMethod | '';
  scope: string;
  retainUntil: string;
}

/** A guardian consent as recorded: who, when, how, what was agreed, and how long the record is kept. */
export function validateConsentForm(values: ConsentFormValues, now: Date = new Date()): { body: RecordConsentBody; errors?: undefined } | { body?: undefined; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const today = chinaToday(now);
  const guardianName = requireText(errors, 'guardianName', values.guardianName, LIMITS.name);
  const relation = requireText(errors, 'relation', values.relation, LIMITS.relation);
  const scope = requireText(errors, 'scope', values.scope, LIMITS.scope);
  let consentedOn = '';
  if (!values.consentedOn.trim()) errors.consentedOn = { key: 'onboarding.error.pickDate' };
  else {
    const parsed = parseDate(values.consentedOn);
    if (!parsed) errors.consentedOn = { key: 'onboarding.error.date' };
    else if (parsed > today) errors.consentedOn = { key: 'onboarding.error.future' };
    else consentedOn = parsed;
  }
  let retainUntil = '';
  if (!values.retainUntil.trim()) errors.retainUntil = { key: 'onboarding.error.pickDate' };
  else {
    const parsed = parseDate(values.retainUntil);
    if (!parsed) errors.retainUntil = { key: 'onboarding.error.date' };
    else if (parsed <= today || (consentedOn && parsed <= consentedOn)) errors.retainUntil = { key: 'consent.error.retainPast' };
    else retainUntil = parsed;
  }
  if (!values.method) errors.method = { key: 'onboarding.error.choose' };
  if (Object.keys(errors).length > 0 || !values.method) return { errors };
  return { body: { guardianName, relation, consentedOn, method: values.method, scope, retainUntil } };
}

export interface TermReportFormValues {
  /** The calendar year the school year starts in: 2025 for 2025–2026. */
  year: string;
  half: '1' | '2';
  grade: string;
  overallResult: string;
}

/** A term report entered on the student's behalf: the term's code (`2025-2026-2`), grade 1–12, the overall result. */
export function validateTermReport(values: TermReportFormValues): { body: TermReportBody; errors?: undefined } | { body?: undefined; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const year = halfWidth(values.year).trim();
  if (!/^\d{4}$/.test(year) || Number(year) < 2000 || Number(year) > 2100) errors.year = { key: 'onboarding.error.year' };
  const gradeText = halfWidth(values.grade).trim();
  if (!gradeText) errors.grade = { key: 'onboarding.error.required' };
  else if (!/^\d{1,2}$/.test(gradeText) || Number(gradeText) < 1 || Number(gradeText) > 12) errors.grade = { key: 'onboarding.error.grade' };
  const overallResult = requireText(errors, 'overallResult', values.overallResult, LIMITS.result);
  if (Object.keys(errors).length > 0) return { errors };
  return { body: { term: termCode({ startYear: Number(year), half: values.half === '1' ? 1 : 2 }), grade: Number(gradeText), overallResult } };
}
