import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { StudentProfile } from '../api';
import { Card, Notice, PageHeader, StateView } from '@/components/ui';
import { errorMessage } from '@/lib/api-client';
import { formatDate, formatGrade, formatPlace, formatRelative } from '@/lib/format';
import { useLocale, useT } from '@/lib/i18n';
import { CheckinPanel } from '@/features/checkin';
import { OutboxPanel } from '@/features/outbox';
import { TermReportsDue } from '@/features/term-report';
import { fetchStudentProfile } from '../api';
import './student.css';

type Load =
  | { state: 'loading' }
  | { state: 'error'; message: string }
  /** `refreshError`: a pull-to-refresh failed; the profile shown is the one loaded before. */
  | { state: 'ready'; profile: StudentProfile; refreshError?: string };

export interface StudentHomeProps {
  headerAction?: ReactNode;
  /** Below the sponsor: the way to letters (given by the page, so this feature stays small). */
  renderLetters?: (profile: StudentProfile) => ReactNode;
}

/**
 * The student's home: one-tap check-ins (saved on the phone at once, sent when online), who stands by
 * them, letters, term reports a report would be welcome for, and a kind word that check-ins are
 * welcome, never required.
 */
export function StudentHome({ headerAction, renderLetters }: StudentHomeProps) {
  const t = useT();
  const locale = useLocale();
  const [load, setLoad] = useState<Load>({ state: 'loading' });

  const reload = useCallback(async (refresh = false) => {
    if (!refresh) setLoad({ state: 'loading' });
    try {
      setLoad({ state: 'ready', profile: await fetchStudentProfile() });
    } catch (failure) {
      const message = errorMessage(failure);
      setLoad((current) =>
        refresh && current.state === 'ready' ? { ...current, refreshError: message } : { state: 'error', message },
      );
    }
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  usePullDownRefresh(() => {
    void reload(true).finally(() => Taro.stopPullDownRefresh());
  });

  if (load.state !== 'ready') {
    return (
      <View className='bx-student' data-testid='student-home'>
        <PageHeader title={t('studentHome.title')} action={headerAction} />
        {load.state === 'loading' ? (
          <StateView state='loading' />
        ) : (
          <StateView state='error' message={load.message} onRetry={() => void reload()} />
        )}
      </View>
    );
  }

  const { profile, refreshError } = load;
  // A check-in the server has: the next welcome date moves on without a reload.
  const onCheckinSent = (created: { createdAt: string; nextCheckinWelcomeAt: string | null }) =>
    setLoad((current) =>
      current.state === 'ready'
        ? { ...current, profile: { ...current.profile, lastCheckinAt: created.createdAt, nextCheckinWelcomeAt: created.nextCheckinWelcomeAt } }
        : current,
    );
  return (
    <View className='bx-student' data-testid='student-home'>
      {refreshError ? <Notice tone='danger'>{refreshError}</Notice> : null}
      <PageHeader
        title={t('studentHome.greeting', { name: profile.displayName })}
        subtitle={`${formatGrade(locale, profile.grade, profile.schoolStage)} · ${formatPlace(t, profile.province, profile.city)}`}
        action={headerAction}
        testId='student-greeting'
      />
      <OutboxPanel />

      <CheckinPanel onSent={onCheckinSent} />

      <Card>
        <View className='bx-student__line' data-testid='student-sponsor'>
          {profile.sponsorDisplayName
            ? t('studentHome.sponsor', { name: profile.sponsorDisplayName })
            : t('studentHome.waiting')}
        </View>
        <View className='bx-student__line' data-testid='student-ngo'>
          {t('studentHome.ngo', { ngo: profile.ngoName })}
        </View>
        <View className='bx-student__line' data-testid='student-caseworker'>
          {profile.caseworkerName
            ? t('studentHome.caseworker', { name: profile.caseworkerName })
            : t('studentHome.noCaseworker')}
        </View>
      </Card>

      {renderLetters ? renderLetters(profile) : null}

      <TermReportsDue />

      <Notice tone='warm' testId='student-checkin-note'>
        {t('studentHome.checkinNote')}
      </Notice>

      <Card>
        <View className='bx-student__line' data-testid='student-next-checkin'>
          {profile.nextCheckinWelcomeAt
            ? t('studentHome.nextCheckin', { date: formatDate(profile.nextCheckinWelcomeAt, locale) })
            : t('studentHome.nextCheckinAnytime')}
        </View>
        {profile.lastCheckinAt ? (
          <View className='bx-student__muted'>
            {t('studentHome.lastCheckin', { when: formatRelative(profile.lastCheckinAt, locale) })}
          </View>
        ) : null}
      </Card>
    </View>
  );
}
