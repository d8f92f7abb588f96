import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useMemo, useState, type ReactNode } from 'react';
import { Button, Card, DateField, FormField, Notice, PageHeader, Section, Segmented, StateView, TextInput } from '@/components/ui';
import { useResource } from '@/hooks/use-resource';
import { ApiError, errorMessage } from '@/lib/api-client';
import { confirmAction, toast } from '@/lib/dialog';
import { formatDateTime } from '@/lib/format';
import { useLocale, useT, type Translate } from '@/lib/i18n';
import { fetchPolicy, savePolicy, type CarePolicyView } from '../api';
import { chinaToday } from '@/lib/china-date';
import {
  checkPolicy,
  errorAt,
  EXAMS,
  formFromPolicy,
  isSavedPast,
  NAME_MAX,
  POLICY_LIMITS,
  policyFromForm,
  savedPastEntries,
  STUDENT_RETENTION_MONTHS,
  type PolicyForm,
  type Problem,
} from '../rules';
import './policy.css';

type Failure = { kind: 'conflict' } | { kind: 'message'; text: string } | null;

function problemMessage(t: Translate, problem: Problem): string {
  const l = POLICY_LIMITS;
  switch (problem.code) {
    case 'cadence_out_of_range':
      return t('policy.problem.range', l.cadenceDays);
    case 'sla_out_of_range':
      return t('policy.problem.range', l.slaHours);
    case 'outreach_out_of_range':
      return t('policy.problem.range', l.examOutreachDays);
    case 'urgent_ack_out_of_range':
      return t('policy.problem.range', l.urgentAckMinutes);
    case 'concern_due_out_of_range':
      return t('policy.problem.range', l.concernDueHours);
    case 'retention_out_of_range':
      return t('policy.problem.range', STUDENT_RETENTION_MONTHS);
    case 'ladder_day_out_of_range':
      return t('policy.problem.range', l.ladderDay);
    case 'quiet_period_too_long':
      return t('policy.problem.quiet_period_too_long', { max: l.quietPeriodDays.max });
    case 'too_many_entries':
      return t('policy.problem.too_many_entries', { max: l.quietPeriods });
    default:
      return t(`policy.problem.${problem.code}`);
  }
}

/** The NGO's care policy: the admin edits it; caseworkers read it. */
export function PolicyEditor({ headerAction, now }: { headerAction?: ReactNode; now?: Date }) {
  const t = useT();
  const resource = useResource('care-policy', fetchPolicy);
  usePullDownRefresh(() => {
    void resource.reload().finally(() => Taro.stopPullDownRefresh());
  });
  if (resource.status === 'loading' || resource.status === 'idle') return <StateView state='loading' />;
  if (!resource.data) return <StateView state='error' message={resource.error ?? undefined} onRetry={() => void resource.reload()} />;
  return (
    <View className='bx-policy' data-testid='policy-editor'>
      <PageHeader title={t('policy.title')} subtitle={t('policy.intro')} action={headerAction} />
      <PolicyForm key={resource.data.version} policy={resource.data} now={now} onSaved={resource.replace} onReload={() => void resource.reload()} />
    </View>
  );
}

function PolicyForm({ policy, now, onSaved, onReload }: { policy: CarePolicyView; now?: Date; onSaved: (next: CarePolicyView) => void; onReload: () => void }) {
  const t = useT();
  const locale = useLocale();
  const [form, setForm] = useState<PolicyForm>(() => formFromPolicy(policy));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<Failure>(null);
  const [busy, setBusy] = useState(false);
  const readOnly = !policy.editable;
  // Quiet periods and exam dates pile up year after year: those that are over stay folded away unless asked for.
  const past = useMemo(() => {
    const saved = formFromPolicy(policy);
    const today = chinaToday(now);
    return { quiet: savedPastEntries(saved.quietPeriods, (q) => q.to, today), exams: savedPastEntries(saved.examCalendar, (e) => e.resultsOn, today) };
  }, [policy, now]);
  const [showPastQuiet, setShowPastQuiet] = useState(false);
  const [showPastExams, setShowPastExams] = useState(false);
  const pastQuietCount = form.quietPeriods.filter((period) => isSavedPast(past.quiet, period)).length;
  const pastExamCount = form.examCalendar.filter((entry) => isSavedPast(past.exams, entry)).length;

  const update = (change: (draft: PolicyForm) => PolicyForm) => setForm((current) => change(current));
  const number = (
    field: 'checkinCadenceDays' | 'slaAckHours' | 'slaFirstContactHours' | 'examOutreachDays' | 'urgentAckMinutes' | 'concernDueHours' | 'studentRetentionMonths',
    label: string,
    hint: string,
  ) => (
    <TextInput
      name={field}
      label={label}
      hint={hint}
      type='number'
      value={form[field]}
      onChange={(value) => update((f) => ({ ...f, [field]: value }))}
      error={errorAt(errors, field)}
      testId={`policy-${field}`}
      disabled={readOnly || busy}
    />
  );

  const save = async () => {
    setFailure(null);
    const body = policyFromForm(form);
    const problems = checkPolicy(body);
    if (problems.length > 0) {
      setErrors(Object.fromEntries([...problems].reverse().map((p) => [p.field, problemMessage(t, p)])));
      setFailure({ kind: 'message', text: t('policy.fixProblems') });
      return;
    }
    setErrors({});
    const yes = await confirmAction({ title: t('policy.confirmTitle'), content: t('policy.confirmBody'), confirm: 'policy.confirmSave' });
    if (!yes) return;
    setBusy(true);
    try {
      const saved = await savePolicy({ ...body, expectedVersion: policy.version });
      toast('policy.saved');
      onSaved(saved);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) setFailure({ kind: 'conflict' });
      else {
        if (error instanceof ApiError && error.details.length > 0) setErrors(Object.fromEntries(error.details.map((d) => [d.field, d.message])));
        setFailure({ kind: 'message', text: errorMessage(error) });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <View className='bx-policy__hint' data-testid='policy-version'>
        {t('policy.version', { version: policy.version, when: formatDateTime(policy.updatedAt, locale), name: policy.updatedByName ?? t('policy.defaults') })}
      </View>
      {readOnly ? <Notice tone='info' testId='policy-read-only'>{t('policy.readOnly')}</Notice> : null}

      <Section title={t('policy.cadenceTitle')}>
        {number('checkinCadenceDays', t('policy.cadence'), t('policy.cadenceHint', POLICY_LIMITS.cadenceDays))}
      </Section>

      <Section title={t('policy.ladderTitle')} hint={t('policy.ladderHint')}>
        {errors.ladder ? <Notice tone='danger'>{errors.ladder}</Notice> : null}
        <View className='bx-policy__grid'>
          {form.ladder.map((step, index) => (
            <TextInput
              key={step.step}
              name={`ladder[${index}].day`}
              label={t(`policy.step.${step.step}`)}
              hint={t(`policy.stepHint.${step.step}`)}
              type='number'
              value={step.day}
              onChange={(value) => update((f) => ({ ...f, ladder: f.ladder.map((s, i) => (i === index ? { ...s, day: value } : s)) }))}
              error={errorAt(errors, `ladder[${index}]`)}
              testId={`policy-ladder-${step.step}`}
              disabled={readOnly || busy}
            />
          ))}
        </View>
      </Section>

      <Section title={t('policy.slaTitle')}>
        <View className='bx-policy__grid'>
          {number('slaAckHours', t('policy.slaAck'), t('policy.hoursHint', POLICY_LIMITS.slaHours))}
          {number('slaFirstContactHours', t('policy.slaFirstContact'), t('policy.hoursHint', POLICY_LIMITS.slaHours))}
          {number('examOutreachDays', t('policy.outreach'), t('policy.outreachHint', POLICY_LIMITS.examOutreachDays))}
        </View>
      </Section>

      <Section title={t('policy.wellbeingTitle')} hint={t('policy.wellbeingHint')}>
        <View className='bx-policy__grid'>
          {number('urgentAckMinutes', t('policy.urgentAck'), t('policy.minutesHint', POLICY_LIMITS.urgentAckMinutes))}
          {number('concernDueHours', t('policy.concernDue'), t('policy.hoursHint', POLICY_LIMITS.concernDueHours))}
        </View>
      </Section>

      <Section title={t('policy.retentionTitle')} hint={t('policy.retentionHint')}>
        {number('studentRetentionMonths', t('policy.retention'), t('policy.monthsHint', STUDENT_RETENTION_MONTHS))}
      </Section>

      <Section title={t('policy.quietTitle')} hint={t('policy.quietHint')}>
        {errors.quietPeriods ? <Notice tone='danger'>{errors.quietPeriods}</Notice> : null}
        {form.quietPeriods.length === 0 ? <View className='bx-policy__hint'>{t('policy.quietNone')}</View> : null}
        {pastQuietCount > 0 ? (
          <Button variant='quiet' testId='policy-quiet-past-toggle' onClick={() => setShowPastQuiet(!showPastQuiet)}>
            {showPastQuiet ? t('policy.hidePastQuiet') : t('policy.showPastQuiet', { count: pastQuietCount })}
          </Button>
        ) : null}
        {form.quietPeriods.map((period, index) => {
          // A folded period with a problem is shown anyway, or its message would be hidden.
          if (!showPastQuiet && isSavedPast(past.quiet, period) && !errorAt(errors, `quietPeriods[${index}]`)) return null;
          const set = (field: 'name' | 'from' | 'to') => (value: string) =>
            update((f) => ({ ...f, quietPeriods: f.quietPeriods.map((q, i) => (i === index ? { ...q, [field]: value } : q)) }));
          return (
            <Card key={index} testId='policy-quiet' className='bx-policy__entry'>
              <FormField name={`quietPeriods[${index}]`} label={t('policy.quietEntry', { n: index + 1 })} error={errorAt(errors, `quietPeriods[${index}]`)}>
                <View className='bx-policy__grid'>
                  <TextInput name='name' label={t('policy.entryName')} value={period.name} onChange={set('name')} maxlength={NAME_MAX} testId='policy-quiet-name' disabled={readOnly || busy} />
                  <DateField name='from' label={t('policy.from')} placeholder={t('form.pickDate')} value={period.from} onChange={set('from')} end={period.to || undefined} testId='policy-quiet-from' disabled={readOnly || busy} />
                  <DateField name='to' label={t('policy.to')} placeholder={t('form.pickDate')} value={period.to} onChange={set('to')} start={period.from || undefined} testId='policy-quiet-to' disabled={readOnly || busy} />
                </View>
              </FormField>
              {readOnly ? null : (
                <Button variant='quiet' label={t('policy.removeQuietLabel', { n: index + 1 })} testId='policy-quiet-remove' onClick={() => update((f) => ({ ...f, quietPeriods: f.quietPeriods.filter((_, i) => i !== index) }))}>
                  {t('policy.remove')}
                </Button>
              )}
            </Card>
          );
        })}
        {readOnly || form.quietPeriods.length >= POLICY_LIMITS.quietPeriods ? null : (
          <Button variant='secondary' testId='policy-quiet-add' onClick={() => update((f) => ({ ...f, quietPeriods: [...f.quietPeriods, { name: '', from: '', to: '' }] }))}>
            {t('policy.addQuiet')}
          </Button>
        )}
      </Section>

      <Section title={t('policy.examTitle')} hint={t('policy.examHint')}>
        {errors.examCalendar ? <Notice tone='danger'>{errors.examCalendar}</Notice> : null}
        {form.examCalendar.length === 0 ? <View className='bx-policy__hint'>{t('policy.examNone')}</View> : null}
        {pastExamCount > 0 ? (
          <Button variant='quiet' testId='policy-exam-past-toggle' onClick={() => setShowPastExams(!showPastExams)}>
            {showPastExams ? t('policy.hidePastExams') : t('policy.showPastExams', { count: pastExamCount })}
          </Button>
        ) : null}
        {form.examCalendar.map((entry, index) => {
          if (!showPastExams && isSavedPast(past.exams, entry) && !errorAt(errors, `examCalendar[${index}]`)) return null;
          const set = (field: 'exam' | 'name' | 'province' | 'year' | 'from' | 'to' | 'resultsOn') => (value: string) =>
            update((f) => ({ ...f, examCalendar: f.examCalendar.map((e, i) => (i === index ? { ...e, [field]: value } : e)) }));
          const field = (name: 'name' | 'province' | 'year', label: string, placeholder?: string) => (
            <TextInput name={name} label={label} placeholder={placeholder} value={entry[name]} onChange={set(name)} maxlength={name === 'name' || name === 'province' ? NAME_MAX : undefined} testId={`policy-exam-${name}`} disabled={readOnly || busy} />
          );
          // Each date is offered from the one before it; the exam starts in the entry's year.
          const year = /^\d{4}$/.test(entry.year.trim()) ? entry.year.trim() : null;
          const date = (name: 'from' | 'to' | 'resultsOn', label: string, start: string | undefined, end?: string) => (
            <DateField name={name} label={label} placeholder={t('form.pickDate')} value={entry[name]} onChange={set(name)} start={start} end={end} testId={`policy-exam-${name}`} disabled={readOnly || busy} />
          );
          return (
            <Card key={index} testId='policy-exam' className='bx-policy__entry'>
              <FormField name={`examCalendar[${index}]`} label={t('policy.examEntry', { n: index + 1 })} error={errorAt(errors, `examCalendar[${index}]`)}>
                <Segmented label={t('policy.exam')} options={EXAMS.map((e) => ({ value: e, label: t(`care.exam.${e}`) }))} value={entry.exam} onChange={set('exam')} testIdPrefix={`policy-exam-${index}`} />
                <View className='bx-policy__grid'>
                  {field('name', t('policy.entryName'))}
                  {field('province', t('policy.province'))}
                  {field('year', t('policy.year'), '2027')}
                  {date('from', t('policy.examFrom'), year ? `${year}-01-01` : undefined, year ? `${year}-12-31` : undefined)}
                  {date('to', t('policy.examTo'), entry.from || undefined)}
                  {date('resultsOn', t('policy.resultsOn'), entry.to || entry.from || undefined)}
                </View>
              </FormField>
              {readOnly ? null : (
                <Button variant='quiet' label={t('policy.removeExamLabel', { n: index + 1 })} testId='policy-exam-remove' onClick={() => update((f) => ({ ...f, examCalendar: f.examCalendar.filter((_, i) => i !== index) }))}>
                  {t('policy.remove')}
                </Button>
              )}
            </Card>
          );
        })}
        {readOnly || form.examCalendar.length >= POLICY_LIMITS.examEntries ? null : (
          <Button
            variant='secondary'
            testId='policy-exam-add'
            onClick={() => update((f) => ({ ...f, examCalendar: [...f.examCalendar, { exam: 'gaokao', name: '', province: '', year: '', from: '', to: '', resultsOn: '' }] }))}
          >
            {t('policy.addExam')}
          </Button>
        )}
      </Section>

      {failure?.kind === 'conflict' ? (
        <Notice tone='danger' testId='policy-conflict'>
          {t('policy.conflict')}
          <Button variant='secondary' testId='policy-reload' onClick={onReload}>
            {t('policy.reload')}
          </Button>
        </Notice>
      ) : null}
      {failure?.kind === 'message' ? (
        <Notice tone='danger' testId='policy-error'>
          {failure.text}
        </Notice>
      ) : null}
      {readOnly ? null : (
        <Button block loading={busy} testId='policy-save' onClick={() => void save()}>
          {t('policy.save')}
        </Button>
      )}
    </>
  );
}
