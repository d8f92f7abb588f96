import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useCallback, useEffect, useState } from 'react';
import type { NgoOverview } from '../../../../domain/api/homes';
import type { SchoolStage } from '../../../../domain/student';
import { Button, DateField, FormField, Notice, PageHeader, Segmented, StateView, TextInput } from '@/components/ui';
import { correctForRequest, guardianRequestRoutes } from '@/features/guardian-requests';
import { errorMessage } from '@/lib/api-client';
import { toast } from '@/lib/dialog';
import { useT } from '@/lib/i18n';
import { useOperationKey } from '@/lib/idempotency';
import { createStudent, fetchOverview, fetchStudentDetail, updateStudent } from '../api';
import { onboardingRoutes } from '../routes';
import type { StaffStudentDetail } from '../types';
import { birthDateRange, EMPTY_STUDENT_FORM, graduationDateRange, LIMITS, SCHOOL_STAGES, validateStudentForm, type FieldErrors, type StudentFormValues } from '../validate';
import { Audience } from './audience';
import { useErrorOf } from './field-errors';
import './onboarding.css';

export interface StudentFormProps {
  /** Editing this student; absent: a new one. */
  studentId?: string;
  now?: Date;
  /** After saving (default: open the student's record). */
  onSaved?: (student: StaffStudentDetail) => void;
  /** Editing as the correction a guardian's request asked for: saved through that request, back to it after. */
  guardianRequestId?: string;
}

const GENDER_OPTIONS: ReadonlyArray<StudentFormValues['gender']> = ['female', 'male', 'unspecified'];

type Load = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready' };

function fromDetail(d: StaffStudentDetail): StudentFormValues {
  const guardian = d.contacts.find((c) => c.kind === 'guardian');
  const school = d.contacts.find((c) => c.kind === 'school');
  return {
    legalName: d.legalName,
    gender: d.gender,
    village: d.village ?? '',
    schoolName: d.schoolName,
    displayName: d.displayName,
    story: d.story ?? '',
    dateOfBirth: d.dateOfBirth,
    grade: String(d.grade),
    schoolStage: d.schoolStage,
    expectedGraduation: d.expectedGraduation,
    province: d.province,
    city: d.city,
    yearlyNeed: (d.yearlyNeedFen / 100).toFixed(2).replace(/\.00$/, ''),
    caseworkerId: d.caseworker?.id ?? '',
    guardianName: guardian?.name ?? '',
    guardianRelation: guardian?.relation ?? '',
    guardianPhone: guardian?.phone ?? '',
    schoolContactName: school?.name ?? '',
    schoolContactPhone: school?.phone ?? '',
  };
}

/** Creates or edits a student: staff-only fields and sponsor-facing ones apart, each labelled. */
export function StudentForm({ studentId, now, onSaved, guardianRequestId }: StudentFormProps) {
  const t = useT();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [caseworkers, setCaseworkers] = useState<NgoOverview['caseworkers']>([]);
  const [values, setValues] = useState<StudentFormValues>(EMPTY_STUDENT_FORM);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const operation = useOperationKey();
  const errorOf = useErrorOf(errors);

  const loadAll = useCallback(async () => {
    setLoad({ state: 'loading' });
    try {
      const [overview, detail] = await Promise.all([fetchOverview(), studentId ? fetchStudentDetail(studentId) : Promise.resolve(null)]);
      setCaseworkers(overview.caseworkers);
      if (detail) setValues(fromDetail(detail));
      setLoad({ state: 'ready' });
    } catch (error) {
      setLoad({ state: 'error', message: errorMessage(error) });
    }
  }, [studentId]);

  useEffect(() => {
    void loadAll();
  }, [loadAll]);

  const set = (field: keyof StudentFormValues) => (value: string) => setValues((current) => ({ ...current, [field]: value }));
  const text = (field: keyof StudentFormValues, label: string, extra: { hint?: string; max?: number; placeholder?: string; multiline?: boolean; type?: 'text' | 'digit' | 'number' } = {}) => (
    <TextInput
      name={field}
      label={label}
      hint={extra.hint}
      value={values[field]}
      onChange={set(field)}
      error={errorOf(field)}
      testId={`student-${field}`}
      placeholder={extra.placeholder}
      maxlength={extra.max}
      multiline={extra.multiline}
      type={extra.type}
      disabled={saving}
    />
  );
  const date = (field: 'dateOfBirth' | 'expectedGraduation', label: string, range: { start: string; end: string }) => (
    <DateField name={field} label={label} placeholder={t('form.pickDate')} value={values[field]} onChange={set(field)} start={range.start} end={range.end} error={errorOf(field)} testId={`student-${field}`} disabled={saving} />
  );

  const submit = async () => {
    if (saving) return;
    setFailure(null);
    const checked = validateStudentForm(values, now);
    if (checked.errors) {
      setErrors(checked.errors);
      setFailure(t('onboarding.form.fix'));
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      const key = operation.for(JSON.stringify(checked.body));
      if (studentId && guardianRequestId) {
        await correctForRequest(guardianRequestId, checked.body, key);
        operation.done();
        toast('onboarding.form.saved');
        void Promise.resolve(Taro.navigateBack()).catch(() => Taro.redirectTo({ url: guardianRequestRoutes.request(guardianRequestId) }));
        return;
      }
      const saved = studentId ? await updateStudent(studentId, checked.body, key) : await createStudent(checked.body, key);
      operation.done();
      toast('onboarding.form.saved');
      if (onSaved) onSaved(saved);
      else if (studentId) void Promise.resolve(Taro.navigateBack()).catch(() => Taro.redirectTo({ url: onboardingRoutes.record(saved.id) }));
      else void Taro.redirectTo({ url: onboardingRoutes.record(saved.id) });
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  if (load.state === 'loading') return <StateView state='loading' testId='student-form-loading' />;
  if (load.state === 'error') return <StateView state='error' message={load.message} onRetry={() => void loadAll()} testId='student-form-error' />;

  return (
    <View className='bx-ob' data-testid='student-form'>
      <PageHeader title={studentId ? t('onboarding.form.editTitle') : t('onboarding.form.createTitle')} subtitle={t('onboarding.form.intro')} />
      {guardianRequestId ? (
        <Notice tone='info' testId='student-form-correction'>
          {t('rights.correct.formNotice')}
        </Notice>
      ) : null}

      <Audience kind='staff' testId='student-form-staff'>
        {text('legalName', t('onboarding.field.legalName'), { max: LIMITS.name })}
        {text('schoolName', t('onboarding.field.schoolName'), { max: LIMITS.school })}
        {text('village', t('onboarding.field.village'), { hint: t('onboarding.hint.optional'), max: LIMITS.village })}
        <FormField name='gender' label={t('onboarding.field.gender')} error={errorOf('gender')}>
          <Segmented<StudentFormValues['gender']>
            label={t('onboarding.field.gender')}
            options={GENDER_OPTIONS.map((g) => ({ value: g, label: t(`onboarding.gender.${g}`) }))}
            value={values.gender}
            onChange={(value) => setValues((current) => ({ ...current, gender: value }))}
            testIdPrefix='student-gender'
          />
        </FormField>
        {date('dateOfBirth', t('onboarding.field.dateOfBirth'), birthDateRange(now))}
        <View className='bx-ob-form__row'>
          {text('grade', t('onboarding.field.grade'), { hint: t('onboarding.hint.grade'), type: 'number', placeholder: '7' })}
          {date('expectedGraduation', t('onboarding.field.expectedGraduation'), graduationDateRange(now))}
        </View>
        <FormField name='schoolStage' label={t('onboarding.field.schoolStage')} error={errorOf('schoolStage')}>
          <Segmented<SchoolStage | ''>
            label={t('onboarding.field.schoolStage')}
            options={SCHOOL_STAGES.map((stage) => ({ value: stage, label: t(`onboarding.stage.${stage}`) }))}
            value={values.schoolStage}
            onChange={set('schoolStage')}
            testIdPrefix='student-stage'
          />
        </FormField>
        {text('yearlyNeed', t('onboarding.field.yearlyNeed'), { hint: t('onboarding.hint.yearlyNeed'), type: 'digit', placeholder: '3000' })}
        <FormField name='caseworkerId' label={t('onboarding.field.caseworker')} error={errorOf('caseworkerId')}>
          <Segmented<string>
            label={t('onboarding.field.caseworker')}
            options={[{ value: '', label: t('onboarding.noCaseworker') }, ...caseworkers.map((c) => ({ value: c.id, label: c.name }))]}
            value={values.caseworkerId}
            onChange={set('caseworkerId')}
            testIdPrefix='student-caseworker'
          />
        </FormField>
        <View className='bx-ob-form__subtitle'>{t('onboarding.guardianContact')}</View>
        <View className='bx-ob-form__row'>
          {text('guardianName', t('onboarding.field.contactName'), { max: LIMITS.name })}
          {text('guardianRelation', t('onboarding.field.relation'), { max: LIMITS.relation, placeholder: t('onboarding.hint.relation') })}
          {text('guardianPhone', t('onboarding.field.phone'), { max: LIMITS.phone })}
        </View>
        <View className='bx-ob-form__subtitle'>{t('onboarding.schoolContactOptional')}</View>
        <View className='bx-ob-form__row'>
          {text('schoolContactName', t('onboarding.field.contactName'), { max: LIMITS.name })}
          {text('schoolContactPhone', t('onboarding.field.phone'), { max: LIMITS.phone })}
        </View>
      </Audience>

      <Audience kind='sponsor' testId='student-form-sponsor'>
        <View className='bx-ob-audience__hint'>{t('onboarding.sponsorFieldsHint')}</View>
        {text('displayName', t('onboarding.field.displayName'), { hint: t('onboarding.hint.displayName'), max: LIMITS.displayName })}
        {text('story', t('onboarding.field.story'), { hint: t('onboarding.hint.story', { max: LIMITS.story }), max: LIMITS.story, multiline: true })}
        <View className='bx-ob-form__row'>
          {text('province', t('onboarding.field.province'), { max: LIMITS.place })}
          {text('city', t('onboarding.field.city'), { max: LIMITS.place })}
        </View>
      </Audience>

      {failure ? <Notice tone='danger' testId='student-form-failure'>{failure}</Notice> : null}
      <View className='bx-ob__actions'>
        <Button loading={saving} onClick={() => void submit()} testId='student-form-submit'>
          {studentId ? t('onboarding.form.saveEdit') : t('onboarding.form.saveCreate')}
        </Button>
        <Button variant='secondary' disabled={saving} onClick={() => void Taro.navigateBack().catch(() => undefined)} testId='student-form-cancel'>
          {t('common.cancel')}
        </Button>
      </View>
    </View>
  );
}
