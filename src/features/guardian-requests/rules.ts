import type { NewGuardianRequestBody } from '../../../domain/api/guardian-requests';
import { isYmd } from '../../../domain/care/policy';
import { GUARDIAN_REQUEST_LIMITS, type GuardianRequestChannel, type GuardianRequestKind } from '../../../domain/privacy/guardian-requests';

export { GUARDIAN_REQUEST_CHANNELS, GUARDIAN_REQUEST_KINDS, GUARDIAN_REQUEST_LIMITS, requestActions } from '../../../domain/privacy/guardian-requests';

/** The new-request form as typed. */
export interface RequestFormValues {
  kind: GuardianRequestKind | '';
  guardianName: string;
  guardianRelation: string;
  receivedVia: GuardianRequestChannel | '';
  receivedOn: string;
  details: string;
}

export type RequestProblem = 'required' | 'choose' | 'too_long' | 'not_a_date' | 'future_date';
export type RequestFormErrors = Partial<Record<keyof RequestFormValues, RequestProblem>>;

const L = GUARDIAN_REQUEST_LIMITS;

/** The same checks as the server's schema, at the fields, before anything is sent. `today` is China's date. */
export function checkRequestForm(values: RequestFormValues, today: string): { errors: RequestFormErrors } | { body: NewGuardianRequestBody } {
  const errors: RequestFormErrors = {};
  const text = (field: 'guardianName' | 'guardianRelation' | 'details', max: number, required: boolean) => {
    const value = values[field].trim();
    if (required && !value) errors[field] = 'required';
    else if (value.length > max) errors[field] = 'too_long';
  };
  if (!values.kind) errors.kind = 'choose';
  text('guardianName', L.name, true);
  text('guardianRelation', L.relation, true);
  if (!values.receivedVia) errors.receivedVia = 'choose';
  const on = values.receivedOn.trim();
  if (!on) errors.receivedOn = 'choose';
  else if (!isYmd(on)) errors.receivedOn = 'not_a_date';
  else if (on > today) errors.receivedOn = 'future_date';
  text('details', L.details, false);
  if (Object.keys(errors).length > 0 || !values.kind || !values.receivedVia) return { errors };
  return {
    body: {
      kind: values.kind,
      guardianName: values.guardianName.trim(),
      guardianRelation: values.guardianRelation.trim(),
      receivedVia: values.receivedVia,
      receivedOn: on,
      details: values.details.trim(),
    },
  };
}
