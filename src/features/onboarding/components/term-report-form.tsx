import { View } from '@tarojs/components';
import { useState } from 'react';
import { Button, FormField, Notice, Section, Segmented, TextInput } from '@/components/ui';
import { errorMessage } from '@/lib/api-client';
import { chinaToday } from '@/lib/china-date';
import { formatGrade } from '@/lib/format';
import { useLocale, useT } from '@/lib/i18n';
import { useOperationKey } from '@/lib/idempotency';
import { termName } from '@/lib/term-name';
import { termOn } from '../../../../domain/terms';
import { submitTermReport } from '../api';
import type { StaffStudentDetail } from '../types';
import { LIMITS, validateTermReport, type FieldErrors, type TermReportFormValues } from '../validate';
import { confirmAction, toast } from '@/lib/dialog';
import { useErrorOf } from './field-errors';

/** A term report the caseworker enters for the student (shown to the sponsor as entered by the caseworker). */
export function TermReportSection({ student, now }: { student: StaffStudentDetail; now?: Date }) {
  const t = useT();
  const locale = useLocale();
  const today = chinaToday(now);
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState<TermReportFormValues>(() => {
    const current = termOn(today);
    return { year: String(current.startYear), half: current.half === 1 ? '1' : '2', grade: String(student.grade), overallResult: '' };
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const errorOf = useErrorOf(errors);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const operation = useOperationKey();
  const set = (field: keyof TermReportFormValues) => (value: string) => setValues((v) => ({ ...v, [field]: value }));

  const submit = async () => {
    if (busy) return;
    setFailure(null);
    const checked = validateTermReport(values);
    if (checked.errors) return setErrors(checked.errors);
    setErrors({});
    const term = termName(t, checked.body.term);
    const yes = await confirmAction({
      title: t('onboarding.term.confirmTitle'),
      content: t('onboarding.term.confirmBody', { term, name: student.displayName, grade: formatGrade(locale, checked.body.grade, student.schoolStage), result: checked.body.overallResult }),
      confirm: 'onboarding.confirmSave',
      cancel: 'onboarding.back',
    });
    if (!yes) return;
    setBusy(true);
    try {
      await submitTermReport(student.id, checked.body, operation.for(JSON.stringify(checked.body)));
      operation.done();
      toast('onboarding.term.saved');
      setSaved(term);
      setOpen(false);
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section title={t('onboarding.term.title')} hint={t('onboarding.term.hint')} testId='term-report-section'>
      {saved ? <Notice tone='info' testId='term-report-saved'>{t('onboarding.term.savedFor', { term: saved })}</Notice> : null}
      {open ? (
        <View className='bx-ob-form' data-testid='term-report-form'>
          <View className='bx-ob-form__row'>
            <TextInput name='year' label={t('onboarding.term.year')} hint={t('onboarding.term.yearHint')} value={values.year} onChange={set('year')} error={errorOf('year')} testId='term-year' type='number' disabled={busy} />
            <FormField name='half' label={t('onboarding.term.season')} error={errorOf('half')}>
              <Segmented<'1' | '2'>
                label={t('onboarding.term.season')}
                options={[
                  { value: '1', label: t('onboarding.term.firstShort') },
                  { value: '2', label: t('onboarding.term.secondShort') },
                ]}
                value={values.half}
                onChange={(half) => setValues((v) => ({ ...v, half }))}
                testIdPrefix='term-half'
              />
            </FormField>
            <TextInput name='grade' label={t('onboarding.field.grade')} hint={t('onboarding.hint.grade')} value={values.grade} onChange={set('grade')} error={errorOf('grade')} testId='term-grade' type='number' disabled={busy} />
          </View>
          <TextInput name='overallResult' label={t('onboarding.term.result')} hint={t('onboarding.term.resultHint')} value={values.overallResult} onChange={set('overallResult')} error={errorOf('overallResult')} testId='term-result' maxlength={LIMITS.result} multiline disabled={busy} />
          <Notice tone='info'>{t('onboarding.term.byCaseworker')}</Notice>
          {failure ? <Notice tone='danger'>{failure}</Notice> : null}
          <View className='bx-ob__actions'>
            <Button loading={busy} onClick={() => void submit()} testId='term-submit'>
              {t('onboarding.term.submit')}
            </Button>
            <Button variant='secondary' disabled={busy} onClick={() => setOpen(false)} testId='term-cancel'>
              {t('common.cancel')}
            </Button>
          </View>
        </View>
      ) : (
        <Button variant='secondary' onClick={() => setOpen(true)} testId='term-open'>
          {t('onboarding.term.open')}
        </Button>
      )}
    </Section>
  );
}
