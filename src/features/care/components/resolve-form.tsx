import { View } from '@tarojs/components';
import { ChoiceField, DateField, FormField, FormFooter, TextInput } from '@/components/ui';
import { chinaToday } from '@/lib/china-date';
import { translateErrors, useForm } from '@/hooks/use-form';
import { SITUATION_CHANGES } from '@/lib/care-terms';
import { useT } from '@/lib/i18n';
import { resolveAlert } from '../api';
import { ALERT_OUTCOMES, changeNeedsSchool, checkResolveForm, CONSENT_METHODS, EMPTY_RESOLVE_FORM, RESOLVE_LIMITS, SCHOOL_STAGES, type ResolveForm } from '../outcome';
import type { CaseFormProps } from './attempt-form';
import { useCaseAction } from './use-case-action';

type TextField = 'note' | 'schoolName' | 'grade' | 'guardianName' | 'relation';

/**
 * Closing the alert with an outcome and that outcome's own fields. Resolving cannot be undone, so it
 * is confirmed first.
 */
export function ResolveFormView({ view, now, onChanged, onClose }: CaseFormProps) {
  const t = useT();
  const today = chinaToday(now);
  const { values, set, setErrors, errorOf } = useForm<ResolveForm>(() => ({ ...EMPTY_RESOLVE_FORM, consentedOn: today }));
  const action = useCaseAction(onChanged);
  const busy = action.busy;
  const text = (field: TextField, options: { label: string; hint?: string; max?: number; multiline?: boolean }) => (
    <TextInput
      name={field}
      label={options.label}
      hint={options.hint}
      value={values[field]}
      onChange={set(field)}
      maxlength={options.max}
      multiline={options.multiline}
      error={errorOf(field)}
      testId={`resolve-${field}`}
      disabled={busy}
    />
  );

  const submit = async () => {
    const checked = checkResolveForm(values, today);
    if ('errors' in checked) return setErrors(translateErrors(checked.errors, t));
    setErrors({});
    const { body } = checked;
    const saved = await action.run(`resolve:${JSON.stringify(body)}`, (key) => resolveAlert(view.alert.id, body, key), 'care.resolved', {
      title: t('care.resolveConfirmTitle'),
      content: t('care.resolveConfirmBody', { outcome: t(`care.outcome.${body.outcome}`), name: view.student.displayName }),
      confirm: 'care.confirmResolve',
      danger: true,
    });
    if (saved) onClose();
  };

  return (
    <View className='bx-care-form' data-testid='resolve-form'>
      <ChoiceField
        name='outcome'
        label={t('care.outcomeLabel')}
        error={errorOf('outcome')}
        options={ALERT_OUTCOMES.map((o) => ({ value: o, label: t(`care.outcome.${o}`) }))}
        value={values.outcome}
        onChange={set('outcome')}
        testIdPrefix='resolve-outcome'
      />
      {values.outcome ? <View className='bx-care__hint'>{t(`care.outcomeHint.${values.outcome}`)}</View> : null}

      {values.outcome === 'situation_changed' ? (
        <View className='bx-care-form__group' data-testid='resolve-change-fields'>
          <ChoiceField
            name='changeKind'
            label={t('care.changeLabel')}
            error={errorOf('changeKind')}
            options={SITUATION_CHANGES.map((c) => ({ value: c, label: t(`care.change.${c}`) }))}
            value={values.changeKind}
            onChange={set('changeKind')}
            testIdPrefix='resolve-change'
          />
          {changeNeedsSchool(values.changeKind) ? (
            <>
              {text('schoolName', { label: t('care.newSchool'), max: RESOLVE_LIMITS.schoolName })}
              <ChoiceField
                name='schoolStage'
                label={t('care.newStage')}
                error={errorOf('schoolStage')}
                options={SCHOOL_STAGES.map((s) => ({ value: s, label: t(`care.stage.${s}`) }))}
                value={values.schoolStage}
                onChange={set('schoolStage')}
                testIdPrefix='resolve-stage'
              />
              {text('grade', { label: t('care.newGrade'), hint: t('care.newGradeHint') })}
            </>
          ) : null}
        </View>
      ) : null}

      {values.outcome === 'paused' ? (
        <DateField
          name='resumeOn'
          label={t('care.resumeOn')}
          hint={t('care.resumeOnHint')}
          placeholder={t('form.pickDate')}
          value={values.resumeOn}
          onChange={set('resumeOn')}
          start={today}
          error={errorOf('resumeOn')}
          testId='resolve-resumeOn'
          disabled={busy}
        />
      ) : null}

      {values.outcome === 'handed_over' ? (
        <View className='bx-care-form__group' data-testid='resolve-handover-fields'>
          {view.partnerNgos.length === 0 ? (
            <FormField name='toNgoId' label={t('care.toNgo')} error={errorOf('toNgoId')}>
              <View className='bx-care__hint'>{t('care.noPartnerNgos')}</View>
            </FormField>
          ) : (
            <ChoiceField
              name='toNgoId'
              label={t('care.toNgo')}
              error={errorOf('toNgoId')}
              options={view.partnerNgos.map((n) => ({ value: n.id, label: t('care.ngoOption', { name: n.name, province: n.province }) }))}
              value={values.toNgoId}
              onChange={set('toNgoId')}
              testIdPrefix='resolve-ngo'
            />
          )}
          <View className='bx-care__hint'>{t('care.consentIntro')}</View>
          {text('guardianName', { label: t('care.consentGuardian'), max: RESOLVE_LIMITS.guardianName })}
          {text('relation', { label: t('care.consentRelation'), max: RESOLVE_LIMITS.relation })}
          <ChoiceField
            name='consentMethod'
            label={t('care.consentMethod')}
            error={errorOf('consentMethod')}
            options={CONSENT_METHODS.map((m) => ({ value: m, label: t(`consent.method.${m}`) }))}
            value={values.consentMethod}
            onChange={set('consentMethod')}
            testIdPrefix='resolve-consent-method'
          />
          <DateField
            name='consentedOn'
            label={t('care.consentDate')}
            placeholder={t('form.pickDate')}
            value={values.consentedOn}
            onChange={set('consentedOn')}
            end={today}
            error={errorOf('consentedOn')}
            testId='resolve-consentedOn'
            disabled={busy}
          />
        </View>
      ) : null}

      {values.outcome === 'left_program' ? (
        <ChoiceField<'yes' | 'no' | ''>
          name='returnExpected'
          label={t('care.returnExpected')}
          error={errorOf('returnExpected')}
          options={[
            { value: 'yes', label: t('care.returnYes') },
            { value: 'no', label: t('care.returnNo') },
          ]}
          value={values.returnExpected}
          onChange={set('returnExpected')}
          testIdPrefix='resolve-return'
        />
      ) : null}

      {text('note', { label: t('care.resolveNote'), hint: t('care.resolveNoteHint'), max: RESOLVE_LIMITS.note, multiline: true })}
      <FormFooter
        error={action.error}
        errorTestId='case-action-error'
        busy={busy}
        submitLabel={t('care.resolveSave')}
        submitTestId='resolve-submit'
        onSubmit={() => void submit()}
        onCancel={onClose}
      />
    </View>
  );
}
