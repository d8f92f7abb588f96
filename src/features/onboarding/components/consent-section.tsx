import { View } from '@tarojs/components';
import { useState } from 'react';
import { consentScopeCodes } from '../../../../domain/consent';
import { Button, Card, DateField, FormField, Notice, Section, Segmented, StatusBadge, TextInput } from '@/components/ui';
import { errorMessage } from '@/lib/api-client';
import { chinaToday } from '@/lib/china-date';
import { formatDate } from '@/lib/format';
import { useLocale, useT } from '@/lib/i18n';
import { useOperationKey } from '@/lib/idempotency';
import { recordConsent, withdrawConsent } from '../api';
import type { ConsentView, StaffStudentDetail } from '../types';
import { CONSENT_METHOD_OPTIONS, LIMITS, retainUntilStart, validateConsentForm, type ConsentFormValues, type ConsentMethod, type FieldErrors } from '../validate';
import { confirmAction, toast } from '@/lib/dialog';
import { Audience } from './audience';
import { useErrorOf } from './field-errors';

export interface ConsentSectionProps {
  student: StaffStudentDetail;
  /** Something changed: load the record again. */
  onChanged: () => void;
  now?: Date;
}

/** Guardian consent: what is on file, recording a new one, withdrawing one. Staff only. */
export function ConsentSection({ student, onChanged, now }: ConsentSectionProps) {
  const t = useT();
  const locale = useLocale();
  const [recording, setRecording] = useState(false);
  const [withdrawing, setWithdrawing] = useState<string | null>(null);
  const [nextSteps, setNextSteps] = useState<string[] | null>(null);

  return (
    <Section title={t('consent.title')} hint={student.consentRequired ? t('consent.required', { age: student.age }) : t('consent.notRequired')} testId='consent-section'>
      <Audience kind='staff'>
        <StatusBadge tone={student.consentActive ? 'success' : student.consentRequired ? 'danger' : 'neutral'} testId='consent-state' value={student.consentActive ? 'active' : 'none'}>
          {student.consentActive ? t('consent.onFile') : t('consent.none')}
        </StatusBadge>
        {nextSteps ? (
          <Notice tone='warm' testId='consent-next-steps'>
            <View className='bx-ob__strong'>{t('consent.withdrawnNext')}</View>
            {nextSteps.map((step, i) => (
              <View key={i} className='bx-ob__step' data-testid='consent-next-step'>
                {`${i + 1}. ${step}`}
              </View>
            ))}
          </Notice>
        ) : null}
        {student.consents.map((consent) => (
          <ConsentCard
            key={consent.id}
            consent={consent}
            locale={locale}
            withdrawing={withdrawing === consent.id}
            onWithdraw={() => setWithdrawing(consent.id)}
            onCancel={() => setWithdrawing(null)}
            studentId={student.id}
            displayName={student.displayName}
            onWithdrawn={(steps) => {
              setWithdrawing(null);
              setNextSteps(steps);
              onChanged();
            }}
          />
        ))}
        {recording ? (
          <ConsentForm
            studentId={student.id}
            now={now}
            onCancel={() => setRecording(false)}
            onSaved={() => {
              setRecording(false);
              setNextSteps(null);
              onChanged();
            }}
          />
        ) : (
          <Button variant='secondary' onClick={() => setRecording(true)} testId='consent-record-open'>
            {t('consent.record')}
          </Button>
        )}
      </Audience>
    </Section>
  );
}

function ConsentCard({
  consent,
  locale,
  withdrawing,
  onWithdraw,
  onCancel,
  onWithdrawn,
  studentId,
  displayName,
}: {
  consent: ConsentView;
  locale: ReturnType<typeof useLocale>;
  withdrawing: boolean;
  onWithdraw: () => void;
  onCancel: () => void;
  onWithdrawn: (nextSteps: string[]) => void;
  studentId: string;
  displayName: string;
}) {
  const t = useT();
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const errorOf = useErrorOf(errors);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const withdrawn = consent.withdrawnAt !== null;

  const submit = async () => {
    if (busy) return;
    setFailure(null);
    const text = reason.trim();
    if (!text) return setErrors({ reason: { key: 'onboarding.error.required' } });
    if (text.length > LIMITS.reason) return setErrors({ reason: { key: 'onboarding.error.tooLong', params: { max: LIMITS.reason } } });
    setErrors({});
    const yes = await confirmAction({
      title: t('consent.withdrawConfirmTitle'),
      content: t('consent.withdrawConfirmBody', { name: displayName }),
      confirm: 'consent.withdrawConfirm',
      cancel: 'onboarding.back',
    });
    if (!yes) return;
    setBusy(true);
    try {
      const result = await withdrawConsent(studentId, consent.id, text);
      toast('consent.withdrawn');
      onWithdrawn(result.nextSteps);
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card testId='consent-item' data={{ 'data-id': consent.id, 'data-status': withdrawn ? 'withdrawn' : 'active' }}>
      <View className='bx-ob__row-head'>
        <View className='bx-ob__strong'>{`${consent.guardianName}（${consent.relation}）`}</View>
        <StatusBadge tone={withdrawn ? 'neutral' : 'success'} testId='consent-status' value={withdrawn ? 'withdrawn' : 'active'}>
          {withdrawn ? t('consent.status.withdrawn') : t('consent.status.active')}
        </StatusBadge>
      </View>
      <View className='bx-ob__meta'>
        {t('consent.summary', { date: formatDate(consent.consentedOn, locale), method: t(`consent.method.${consent.method}`), until: formatDate(consent.retainUntil, locale) })}
      </View>
      <ConsentScopeText scope={consent.scope} />
      {withdrawn ? (
        <View className='bx-ob__meta'>
          {t('consent.withdrawnOn', { date: formatDate(consent.withdrawnAt ?? '', locale), reason: consent.withdrawnReason ?? '' })}
        </View>
      ) : withdrawing ? (
        <View className='bx-ob-form' data-testid='consent-withdraw-form'>
          <Notice tone='warm'>{t('consent.withdrawWarning')}</Notice>
          <TextInput name='reason' label={t('consent.reason')} value={reason} onChange={setReason} error={errorOf('reason')} testId='consent-withdraw-reason' maxlength={LIMITS.reason} multiline disabled={busy} />
          {failure ? <Notice tone='danger'>{failure}</Notice> : null}
          <View className='bx-ob__actions'>
            <Button loading={busy} onClick={() => void submit()} testId='consent-withdraw-submit'>
              {t('consent.withdraw')}
            </Button>
            <Button variant='secondary' disabled={busy} onClick={onCancel} testId='consent-withdraw-cancel'>
              {t('common.cancel')}
            </Button>
          </View>
        </View>
      ) : (
        <View className='bx-ob__actions'>
          <Button variant='quiet' onClick={onWithdraw} testId='consent-withdraw-open'>
            {t('consent.withdraw')}
          </Button>
        </View>
      )}
    </Card>
  );
}

/** What was agreed: each scope in words when recorded as codes, otherwise the text as written. */
function ConsentScopeText({ scope }: { scope: string }) {
  const t = useT();
  const codes = consentScopeCodes(scope);
  if (!codes) return <View className='bx-ob__text'>{scope}</View>;
  return (
    <View className='bx-ob__text' data-testid='consent-scope-list'>
      {codes.map((code) => (
        <View key={code} className='bx-ob__step' data-testid='consent-scope-item' data-value={code}>
          {`· ${t(`consent.scope.${code}`)}`}
        </View>
      ))}
    </View>
  );
}

function ConsentForm({ studentId, now, onCancel, onSaved }: { studentId: string; now?: Date; onCancel: () => void; onSaved: () => void }) {
  const t = useT();
  const locale = useLocale();
  const today = chinaToday(now);
  const [values, setValues] = useState<ConsentFormValues>({ guardianName: '', relation: '', consentedOn: today, method: '', scope: t('consent.defaultScope'), retainUntil: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const errorOf = useErrorOf(errors);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const operation = useOperationKey();
  const set = (field: keyof ConsentFormValues) => (value: string) => setValues((v) => ({ ...v, [field]: value }));

  const submit = async () => {
    if (busy) return;
    setFailure(null);
    const checked = validateConsentForm(values, now);
    if (checked.errors) return setErrors(checked.errors);
    setErrors({});
    const body = checked.body;
    const yes = await confirmAction({
      title: t('consent.confirmTitle'),
      content: t('consent.confirmBody', { name: body.guardianName, relation: body.relation, date: formatDate(body.consentedOn, locale), method: t(`consent.method.${body.method}`), until: formatDate(body.retainUntil, locale) }),
      confirm: 'onboarding.confirmSave',
      cancel: 'onboarding.back',
    });
    if (!yes) return;
    setBusy(true);
    try {
      await recordConsent(studentId, body, operation.for(JSON.stringify(body)));
      operation.done();
      toast('consent.saved');
      onSaved();
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className='bx-ob-form' data-testid='consent-form'>
      <View className='bx-ob-form__subtitle'>{t('consent.record')}</View>
      <View className='bx-ob-form__row'>
        <TextInput name='guardianName' label={t('consent.guardianName')} value={values.guardianName} onChange={set('guardianName')} error={errorOf('guardianName')} testId='consent-guardian' maxlength={LIMITS.name} disabled={busy} />
        <TextInput name='relation' label={t('onboarding.field.relation')} placeholder={t('onboarding.hint.relation')} value={values.relation} onChange={set('relation')} error={errorOf('relation')} testId='consent-relation' maxlength={LIMITS.relation} disabled={busy} />
      </View>
      <View className='bx-ob-form__row'>
        <DateField name='consentedOn' label={t('consent.date')} placeholder={t('form.pickDate')} value={values.consentedOn} onChange={set('consentedOn')} end={today} error={errorOf('consentedOn')} testId='consent-date' disabled={busy} />
        <DateField
          name='retainUntil'
          label={t('consent.retainUntil')}
          hint={t('consent.retainHint')}
          placeholder={t('form.pickDate')}
          value={values.retainUntil}
          onChange={set('retainUntil')}
          start={retainUntilStart(values.consentedOn, now)}
          error={errorOf('retainUntil')}
          testId='consent-retain'
          disabled={busy}
        />
      </View>
      <FormField name='method' label={t('consent.methodLabel')} error={errorOf('method')}>
        <Segmented<ConsentMethod | ''>
          label={t('consent.methodLabel')}
          options={CONSENT_METHOD_OPTIONS.map((m) => ({ value: m, label: t(`consent.method.${m}`) }))}
          value={values.method}
          onChange={set('method')}
          testIdPrefix='consent-method'
        />
      </FormField>
      <TextInput name='scope' label={t('consent.scope')} hint={t('consent.scopeHint')} value={values.scope} onChange={set('scope')} error={errorOf('scope')} testId='consent-scope' maxlength={LIMITS.scope} multiline disabled={busy} />
      {failure ? <Notice tone='danger'>{failure}</Notice> : null}
      <View className='bx-ob__actions'>
        <Button loading={busy} onClick={() => void submit()} testId='consent-submit'>
          {t('consent.save')}
        </Button>
        <Button variant='secondary' disabled={busy} onClick={onCancel} testId='consent-cancel'>
          {t('common.cancel')}
        </Button>
      </View>
    </View>
  );
}
