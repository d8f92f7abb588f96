import Taro, { useDidShow } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { Button, Notice, PageHeader, Section, StatusBadge, StateView } from '@/components/ui';
import { guardianRequestRoutes } from '@/features/guardian-requests';
import { errorMessage } from '@/lib/api-client';
import { formatDate, formatDateTime, formatGrade, formatPlace, formatRelative, formatYuan } from '@/lib/format';
import { useLocale, useT } from '@/lib/i18n';
import { approveStory, fetchStudentDetail } from '../api';
import { onboardingRoutes } from '../routes';
import type { StaffStudentDetail } from '../types';
import { confirmAction, toast } from '@/lib/dialog';
import { ConsentSection } from './consent-section';
import { Audience } from './audience';
import { InviteSection } from './invite-section';
import { PoolSection } from './pool-section';
import { TermReportSection } from './term-report-form';
import './onboarding.css';

export interface StudentRecordProps {
  studentId: string;
  role: 'caseworker' | 'ngo_admin';
  headerAction?: ReactNode;
  now?: Date;
}

type Load = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; student: StaffStudentDetail };

function Fact({ label, value, testId }: { label: string; value: ReactNode; testId?: string }) {
  return (
    <View className='bx-ob-fact' data-testid={testId}>
      <View className='bx-ob-fact__label'>{label}</View>
      <View className='bx-ob-fact__value'>{value}</View>
    </View>
  );
}

/** The staff view of one student: the record, contacts, consent, pool, invite and term reports. */
export function StudentRecord({ studentId, role, headerAction, now }: StudentRecordProps) {
  const t = useT();
  const locale = useLocale();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [approving, setApproving] = useState(false);
  const [approveFailure, setApproveFailure] = useState<string | null>(null);
  const isAdmin = role === 'ngo_admin';

  const reload = useCallback(
    async (quiet = false) => {
      if (!quiet) setLoad({ state: 'loading' });
      try {
        setLoad({ state: 'ready', student: await fetchStudentDetail(studentId) });
      } catch (error) {
        const message = errorMessage(error);
        setLoad((current) => (quiet && current.state === 'ready' ? current : { state: 'error', message }));
      }
    },
    [studentId],
  );

  useEffect(() => {
    void reload();
  }, [reload]);

  // Back from the edit page: show what was saved.
  const shownOnce = useRef(false);
  useDidShow(() => {
    if (shownOnce.current) void reload(true);
    shownOnce.current = true;
  });

  if (load.state === 'loading') return <StateView state='loading' testId='student-record-loading' />;
  if (load.state === 'error') return <StateView state='error' message={load.message} onRetry={() => void reload()} testId='student-record-error' />;
  const s = load.student;
  const refresh = () => void reload(true);
  const guardians = s.contacts.filter((c) => c.kind === 'guardian');
  const schools = s.contacts.filter((c) => c.kind === 'school');
  const approved = s.storyApprovedAt !== null;

  const approve = async () => {
    if (approving) return;
    setApproveFailure(null);
    const yes = await confirmAction({
      title: t('onboarding.story.confirmTitle'),
      content: t('onboarding.story.confirmBody', { name: s.displayName }),
      confirm: 'onboarding.story.approve',
      cancel: 'onboarding.back',
    });
    if (!yes) return;
    setApproving(true);
    try {
      await approveStory(s.id);
      toast('onboarding.story.approved');
      refresh();
    } catch (error) {
      setApproveFailure(errorMessage(error));
    } finally {
      setApproving(false);
    }
  };

  return (
    <View className='bx-ob' data-testid='student-record' data-id={s.id}>
      <PageHeader title={s.legalName} subtitle={`${formatGrade(locale, s.grade, s.schoolStage)} · ${formatPlace(t, s.province, s.city)}`} action={headerAction} testId='student-record-name' />
      {s.programStatus !== 'active' ? <Notice tone='warm'>{t(`program.${s.programStatus}`)}</Notice> : null}

      <Section title={t('onboarding.record.title')} testId='record-section'>
        <Audience kind='staff' testId='record-staff'>
          <View className='bx-ob-facts'>
            <Fact label={t('onboarding.field.legalName')} value={s.legalName} testId='record-legal-name' />
            <Fact label={t('onboarding.field.schoolName')} value={s.schoolName} testId='record-school' />
            {s.village ? <Fact label={t('onboarding.field.village')} value={s.village} /> : null}
            <Fact label={t('onboarding.field.dateOfBirth')} value={`${formatDate(s.dateOfBirth, locale)}（${t('onboarding.age', { age: s.age })}）`} testId='record-birth' />
            <Fact label={t('onboarding.field.expectedGraduation')} value={formatDate(s.expectedGraduation, locale)} />
            <Fact label={t('onboarding.field.yearlyNeed')} value={formatYuan(s.yearlyNeedFen)} testId='record-need' />
            <Fact label={t('onboarding.field.caseworker')} value={s.caseworker?.name ?? t('onboarding.noCaseworker')} testId='record-caseworker' />
            <Fact
              label={t('onboarding.lastHeard')}
              value={s.lastHeardAt ? formatRelative(s.lastHeardAt, locale, now) : t('onboarding.lastHeardNever')}
              testId='record-last-heard'
            />
          </View>
        </Audience>
        <Audience kind='sponsor' testId='record-sponsor'>
          <View className='bx-ob__row-head'>
            <View className='bx-ob__strong' data-testid='record-display-name'>{s.displayName}</View>
            <StatusBadge tone={approved ? 'success' : 'warning'} testId='story-state' value={approved ? 'approved' : s.story ? 'pending' : 'missing'}>
              {approved ? t('onboarding.story.approvedOn', { date: formatDateTime(s.storyApprovedAt ?? '', locale) }) : s.story ? t('onboarding.story.pending') : t('onboarding.story.missing')}
            </StatusBadge>
          </View>
          <View className='bx-ob__meta'>{`${formatGrade(locale, s.grade, s.schoolStage)} · ${formatPlace(t, s.province, s.city)}`}</View>
          <View className='bx-ob__text' data-testid='record-story'>{s.story ?? t('onboarding.story.none')}</View>
          {approveFailure ? <Notice tone='danger'>{approveFailure}</Notice> : null}
          {!approved && s.story ? (
            isAdmin ? (
              <Button loading={approving} onClick={() => void approve()} testId='story-approve'>
                {t('onboarding.story.approve')}
              </Button>
            ) : (
              <View className='bx-ob__meta' data-testid='story-admin-only'>{t('onboarding.story.adminOnly')}</View>
            )
          ) : null}
        </Audience>
        <View className='bx-ob__record-actions'>
          <Button variant='secondary' onClick={() => void Taro.navigateTo({ url: onboardingRoutes.edit(s.id) })} testId='record-edit'>
            {t('onboarding.record.edit')}
          </Button>
        </View>
      </Section>

      <View className='bx-ob__columns'>
        <Section title={t('onboarding.contacts.title')} testId='contacts-section'>
          <Audience kind='staff'>
            {guardians.length + schools.length === 0 ? <View className='bx-ob__meta'>{t('onboarding.contacts.none')}</View> : null}
            {[...guardians, ...schools].map((c) => (
              <View key={c.id} className='bx-ob-contact' data-testid='contact' data-kind={c.kind}>
                <View className='bx-ob__strong'>
                  {`${c.kind === 'guardian' ? t('onboarding.guardianContact') : t('onboarding.schoolContact')}：${c.name}${c.relation ? `（${c.relation}）` : ''}`}
                </View>
                {c.phone ? <View className='bx-ob__meta'>{c.phone}</View> : null}
                {c.note ? <View className='bx-ob__meta'>{c.note}</View> : null}
              </View>
            ))}
          </Audience>
        </Section>

        <ConsentSection student={s} onChanged={refresh} now={now} />
        <Section title={t('rights.title')} hint={t('rights.sectionHint')} testId='rights-section'>
          <Button variant='secondary' onClick={() => void Taro.navigateTo({ url: guardianRequestRoutes.list(s.id) })} testId='record-guardian-requests'>
            {t('rights.open')}
          </Button>
        </Section>
        <PoolSection student={s} isAdmin={isAdmin} onChanged={refresh} />
        <InviteSection student={s} onChanged={refresh} />
        <TermReportSection student={s} now={now} />
      </View>
    </View>
  );
}
