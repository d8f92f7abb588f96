import type { AlertOutcome, SituationChange } from '../../../domain/care/alerts';
export { ALERT_OUTCOMES } from '../../../domain/care/alerts';
import { checkDate } from '@/features/staff-ledger';
import type { MessageKey } from '@/lib/i18n';
import type { ResolveAlertBody } from './api';

export const SCHOOL_STAGES = ['primary', 'middle', 'high', 'vocational'] as const;
export const CONSENT_METHODS = ['paper', 'in_person', 'video', 'phone'] as const;
export const RESOLVE_LIMITS = { note: 1000, schoolName: 80, guardianName: 60, relation: 30 } as const;

type Stage = (typeof SCHOOL_STAGES)[number];
type ConsentMethod = (typeof CONSENT_METHODS)[number];

export interface ResolveForm {
  outcome: AlertOutcome | '';
  note: string;
  changeKind: SituationChange | '';
  schoolName: string;
  schoolStage: Stage | '';
  grade: string;
  resumeOn: string;
  toNgoId: string;
  guardianName: string;
  relation: string;
  consentMethod: ConsentMethod | '';
  consentedOn: string;
  returnExpected: 'yes' | 'no' | '';
}

export const EMPTY_RESOLVE_FORM: ResolveForm = {
  outcome: '',
  note: '',
  changeKind: '',
  schoolName: '',
  schoolStage: '',
  grade: '',
  resumeOn: '',
  toNgoId: '',
  guardianName: '',
  relation: '',
  consentMethod: '',
  consentedOn: '',
  returnExpected: '',
};

export type ResolveErrors = Partial<Record<keyof ResolveForm, MessageKey>>;

/** A change of school (or to a vocational track) updates the student's record, so it needs the new school. */
export const changeNeedsSchool = (kind: SituationChange | ''): boolean => kind === 'new_school' || kind === 'vocational_track';

function requiredText(value: string, max: number): { text: string } | { error: MessageKey } {
  const text = value.trim();
  if (!text) return { error: 'care.error.required' };
  if (text.length > max) return { error: 'care.error.tooLong' };
  return { text };
}

/**
 * The resolve form as the body the server expects, or what is missing, field by field. Only the
 * chosen outcome's own fields are sent. `today` is China's date (YYYY-MM-DD).
 */
export function checkResolveForm(form: ResolveForm, today: string): { body: ResolveAlertBody } | { errors: ResolveErrors } {
  const errors: ResolveErrors = {};
  const need = <K extends keyof ResolveForm>(field: K, result: { text: string } | { error: MessageKey }): string => {
    if ('error' in result) {
      errors[field] = result.error;
      return '';
    }
    return result.text;
  };

  if (!form.outcome) errors.outcome = 'care.error.chooseOutcome';
  const note = need('note', requiredText(form.note, RESOLVE_LIMITS.note));
  const body: ResolveAlertBody = { outcome: form.outcome || 'reached', note };

  if (form.outcome === 'situation_changed') {
    if (!form.changeKind) errors.changeKind = 'care.error.choose';
    const change: NonNullable<ResolveAlertBody['change']> = { kind: form.changeKind || 'other' };
    if (changeNeedsSchool(form.changeKind)) {
      change.schoolName = need('schoolName', requiredText(form.schoolName, RESOLVE_LIMITS.schoolName));
      if (!form.schoolStage) errors.schoolStage = 'care.error.choose';
      else change.schoolStage = form.schoolStage;
      if (form.grade.trim()) {
        const grade = Number(form.grade.trim());
        if (!Number.isInteger(grade) || grade < 1 || grade > 12) errors.grade = 'care.error.grade';
        else change.grade = grade;
      }
    }
    body.change = change;
  }

  if (form.outcome === 'paused') {
    const resume = checkDate(form.resumeOn, '9999-12-31');
    if ('error' in resume) errors.resumeOn = resume.error === 'required' ? 'care.error.chooseDate' : 'care.error.date';
    else if (resume.date <= today) errors.resumeOn = 'care.error.resumeNotFuture';
    else body.resumeOn = resume.date;
  }

  if (form.outcome === 'handed_over') {
    if (!form.toNgoId) errors.toNgoId = 'care.error.chooseNgo';
    const guardianName = need('guardianName', requiredText(form.guardianName, RESOLVE_LIMITS.guardianName));
    const relation = need('relation', requiredText(form.relation, RESOLVE_LIMITS.relation));
    if (!form.consentMethod) errors.consentMethod = 'care.error.choose';
    const consented = checkDate(form.consentedOn, today);
    let consentedOn = '';
    if ('error' in consented) {
      errors.consentedOn = consented.error === 'required' ? 'care.error.chooseDate' : consented.error === 'future' ? 'care.error.consentFuture' : 'care.error.date';
    } else consentedOn = consented.date;
    if (form.consentMethod) {
      body.handover = { toNgoId: form.toNgoId, consent: { guardianName, relation, method: form.consentMethod, consentedOn } };
    }
  }

  if (form.outcome === 'left_program') {
    if (!form.returnExpected) errors.returnExpected = 'care.error.choose';
    else body.returnExpected = form.returnExpected === 'yes';
  }

  return Object.keys(errors).length > 0 ? { errors } : { body };
}
