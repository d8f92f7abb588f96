import { View } from '@tarojs/components';
import { useState } from 'react';
import { Button, FormField, Notice, Segmented, TextInput } from '@/components/ui';
import { todayInChina } from '@/features/staff-ledger';
import { SITUATION_CHANGES } from '@/lib/care-terms';
import { confirmAction } from '@/lib/confirm';
import { useT } from '@/lib/i18n';
import { resolveAlert } from '../api';
import {
  ALERT_OUTCOMES,
  changeNeedsSchool,
  checkResolveForm,
  CONSENT_METHODS,
  EMPTY_RESOLVE_FORM,
  RESOLVE_LIMITS,
  SCHOOL_STAGES,
  type ResolveErrors,
  type ResolveForm,
} from '../outcome';
import type { CaseFormProps } from './attempt-form';
import { useCaseAction } from './use-case-action';

/**
 * Closing the alert with an outcome and that outcome's own fields. Resolving cannot be undone, so it
 * is confirmed first.
 */
export function ResolveFormView({ view, now, onChanged, onClose }: CaseFormProps) {
  const t = useT();
  const [form, setForm] = useState<ResolveForm>(() => ({ ...EMPTY_RESOLVE_FORM, consentedOn: todayInChina(now) }));
  const [errors, setErrors] = useState<ResolveErrors>({});
  const action = useCaseAction(onChanged);
  const busy = action.busy;
  const set = <K extends keyof ResolveForm>(field: K) => (value: ResolveForm[K]) => setForm((current) => ({ ...current, [field]: value }));
  const errorOf = (field: keyof ResolveForm) => (errors[field] ? t(errors[field]) : null);
  const text = (field: 'note' | 'schoolName' | 'grade' | 'resumeOn' | 'guardianName' | 'relation' | 'consentedOn', options: { label: string; hint?: string; max?: number; multiline?: boolean; placeholder?: string }) => (
    <TextInput
      name={field}
      label={options.label}
      hint={options.hint}
      placeholder={options.placeholder}
      value={form[field]}
      onChange={set(field)}
      maxlength={options.max}
      multiline={options.multiline}
      error={errorOf(field)}
      testId={`resolve-${field}`}
      disabled={busy}
    />
  );

  const submit = async () => {
    const checked = checkResolveForm(form, todayInChina(now));
    if ('errors' in checked) return setErrors(checked.errors);
    setErrors({});
    const { body } = checked;
    const yes = await confirmAction({
      title: t('care.resolveConfirmTitle'),
      content: t('care.resolveConfirmBody', { outcome: t(`care.outcome.${body.outcome}`), name: view.student.displayName }),
      confirmText: t('care.confirmResolve'),
      cancelText: t('common.cancel'),
      danger: true,
    });
    if (!yes) return;
    const saved = await action.run(`resolve:${JSON.stringify(body)}`, (key) => resolveAlert(view.alert.id, body, key), t('care.resolved'));
    if (saved) onClose();
  };

  return (
    <View className='bx-care-form' data-testid='resolve-form'>
      <FormField name='outcome' label={t('care.outcomeLabel')} error={errorOf('outcome')}>
        <Segmented
          label={t('care.outcomeLabel')}
          options={ALERT_OUTCOMES.map((o) => ({ value: o, label: t(`care.outcome.${o}`) }))}
          value={form.outcome}
          onChange={set('outcome')}
          testIdPrefix='resolve-outcome'
        />
      </FormField>
      {form.outcome ? <View className='bx-care__hint'>{t(`care.outcomeHint.${form.outcome}`)}</View> : null}

      {form.outcome === 'situation_changed' ? (
        <View className='bx-care-form__group' data-testid='resolve-change-fields'>
          <FormField name='changeKind' label={t('care.changeLabel')} error={errorOf('changeKind')}>
            <Segmented
              label={t('care.changeLabel')}
              options={SITUATION_CHANGES.map((c) => ({ value: c, label: t(`care.change.${c}`) }))}
              value={form.changeKind}
              onChange={set('changeKind')}
              testIdPrefix='resolve-change'
            />
          </FormField>
          {changeNeedsSchool(form.changeKind) ? (
            <>
              {text('schoolName', { label: t('care.newSchool'), max: RESOLVE_LIMITS.schoolName })}
              <FormField name='schoolStage' label={t('care.newStage')} error={errorOf('schoolStage')}>
                <Segmented
                  label={t('care.newStage')}
                  options={SCHOOL_STAGES.map((s) => ({ value: s, label: t(`care.stage.${s}`) }))}
                  value={form.schoolStage}
                  onChange={set('schoolStage')}
                  testIdPrefix='resolve-stage'
                />
              </FormField>
              {text('grade', { label: t('care.newGrade'), hint: t('care.newGradeHint') })}
            </>
          ) : null}
        </View>
      ) : null}

      {form.outcome === 'paused' ? text('resumeOn', { label: t('care.resumeOn'), hint: t('care.resumeOnHint'), placeholder: '2027-03-01' }) : null}

      {form.outcome === 'handed_over' ? (
        <View className='bx-care-form__group' data-testid='resolve-handover-fields'>
          <FormField name='toNgoId' label={t('care.toNgo')} error={errorOf('toNgoId')}>
            {view.partnerNgos.length === 0 ? (
              <View className='bx-care__hint'>{t('care.noPartnerNgos')}</View>
            ) : (
              <Segmented
                label={t('care.toNgo')}
                options={view.partnerNgos.map((n) => ({ value: n.id, label: t('care.ngoOption', { name: n.name, province: n.province }) }))}
                value={form.toNgoId}
                onChange={set('toNgoId')}
                testIdPrefix='resolve-ngo'
              />
            )}
          </FormField>
          <View className='bx-care__hint'>{t('care.consentIntro')}</View>
          {text('guardianName', { label: t('care.consentGuardian'), max: RESOLVE_LIMITS.guardianName })}
          {text('relation', { label: t('care.consentRelation'), max: RESOLVE_LIMITS.relation })}
          <FormField name='consentMethod' label={t('care.consentMethod')} error={errorOf('consentMethod')}>
            <Segmented
              label={t('care.consentMethod')}
              options={CONSENT_METHODS.map((m) => ({ value: m, label: t(`consent.method.${m}`) }))}
              value={form.consentMethod}
              onChange={set('consentMethod')}
              testIdPrefix='resolve-consent-method'
            />
          </FormField>
          {text('consentedOn', { label: t('care.consentDate'), hint: t('care.dateHint') })}
        </View>
      ) : null}

      {form.outcome === 'left_program' ? (
        <FormField name='returnExpected' label={t('care.returnExpected')} error={errorOf('returnExpected')}>
          <Segmented<'yes' | 'no' | ''>
            label={t('care.returnExpected')}
            options={[
              { value: 'yes', label: t('care.returnYes') },
              { value: 'no', label: t('care.returnNo') },
            ]}
            value={form.returnExpected}
            onChange={set('returnExpected')}
            testIdPrefix='resolve-return'
          />
        </FormField>
      ) : null}

      {text('note', { label: t('care.resolveNote'), hint: t('care.resolveNoteHint'), max: RESOLVE_LIMITS.note, multiline: true })}
      {action.error ? (
        <Notice tone='danger' testId='case-action-error'>
          {action.error}
        </Notice>
      ) : null}
      <View className='bx-care__actions'>
        <Button loading={busy} testId='resolve-submit' onClick={() => void submit()}>
          {t('care.resolveSave')}
        </Button>
        <Button variant='quiet' disabled={busy} onClick={onClose}>
          {t('common.cancel')}
        </Button>
      </View>
    </View>
  );
}
