import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useCallback, useEffect, useState } from 'react';
import type { SponsorshipDetail } from '../../../../domain/api/sponsorship';
import { Button, Card, Notice, PageHeader, Segmented, StateView, StatusBadge, type BadgeTone } from '@/components/ui';
import { CredibilityPanel } from '@/features/credibility';
import { LedgerBody, useLedger } from '@/features/ledger';
import { usePagedList } from '@/hooks/use-paged-list';
import { formatAmountPerCadence, formatDate, formatGrade, formatPlace, formatRelative } from '@/lib/format';
import { useLocale, useT } from '@/lib/i18n';
import { nextExpectedLine } from '@/lib/next-expected';
import { letterRoutes } from '@/lib/routes';
import { fetchTimeline } from '../api';
import { useSponsorship } from '../use-sponsorship';
import { RenewalOffer } from './renewal-offer';
import { CareStatusLine } from './care-status-line';
import { StudentLeftBanner } from './student-left-banner';
import { Timeline } from './timeline';
import './timeline.css';

const PAGE_SIZE = 20;

export type SponsorshipTab = 'timeline' | 'ledger' | 'ngo';

const STATUS_TONE: Record<SponsorshipDetail['status'], BadgeTone> = {
  reserved: 'info',
  active: 'success',
  paused: 'warning',
  completed: 'neutral',
  ended: 'neutral',
};

export interface SponsorshipScreenProps {
  id: string;
  initialTab?: SponsorshipTab;
  now?: Date;
}

/**
 * One sponsored student: who they are, when the sponsor last heard and what comes next, any decision
 * waiting (renewal, the student having left), then the timeline, the ledger and the partner's record.
 */
export function SponsorshipScreen({ id, initialTab = 'timeline', now }: SponsorshipScreenProps) {
  const t = useT();
  const locale = useLocale();
  const sponsorship = useSponsorship(id);
  const [tab, setTab] = useState<SponsorshipTab>(initialTab);
  const fetchPage = useCallback((cursor: string | undefined) => fetchTimeline(id, { limit: PAGE_SIZE, cursor }), [id]);
  const timeline = usePagedList(fetchPage);
  const ledger = useLedger(id, tab === 'ledger');
  // Kept once seen, so the banner can say what was chosen after the sponsorship reloads without it.
  const [left, setLeft] = useState<SponsorshipDetail['studentLeft']>(null);
  const detail = sponsorship.detail;
  useEffect(() => {
    if (detail?.studentLeft) setLeft(detail.studentLeft);
  }, [detail?.studentLeft]);

  usePullDownRefresh(() => {
    const work = [sponsorship.reload(), timeline.reload()];
    if (ledger.status !== 'idle') work.push(ledger.reload());
    void Promise.all(work).finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    if (tab === 'timeline') void timeline.loadMore();
  });

  if (sponsorship.status === 'loading') return <StateView state='loading' />;
  if (sponsorship.status === 'error' || !detail)
    return <StateView state='error' message={sponsorship.error ?? undefined} onRetry={() => void sponsorship.reload()} />;

  const { student } = detail;
  const name = student.displayName;
  const facts = [
    t('student.age', { age: student.age }),
    formatGrade(locale, student.grade, student.schoolStage),
    formatPlace(t, student.province, student.city),
  ].join(' · ');
  const letters = letterRoutes('sponsor');

  return (
    <View className='bx-journey' data-testid='sponsorship-screen' data-id={detail.id}>
      <PageHeader
        title={name}
        subtitle={facts}
        testId='sponsorship-name'
        action={
          <StatusBadge tone={STATUS_TONE[detail.status]} testId='sponsorship-status' value={detail.status}>
            {t(`sponsorship.status.${detail.status}`)}
          </StatusBadge>
        }
      />
      {sponsorship.error ? <Notice tone='danger'>{sponsorship.error}</Notice> : null}

      {left ? <StudentLeftBanner sponsorshipId={detail.id} name={name} left={left} onChosen={() => void sponsorship.reload()} /> : null}
      <CareStatusLine care={detail.care} name={name} ngo={student.ngoName} />
      {detail.lettersDelayed > 0 ? (
        <Notice tone='info' testId='sponsorship-letters-delayed'>
          {t('sponsorCare.lettersDelayed', { name, count: detail.lettersDelayed })}
        </Notice>
      ) : null}
      {detail.renewal ? <RenewalOffer sponsorship={detail} onRenewed={sponsorship.replace} /> : null}

      <Card testId='sponsorship-contact'>
        <View className='bx-journey__contact'>
          <View data-testid='sponsorship-last-heard'>
            {detail.lastHeardAt
              ? t('sponsor.lastHeard', { when: formatRelative(detail.lastHeardAt, locale, now) })
              : t('sponsor.lastHeardNever')}
          </View>
          <View data-testid='sponsorship-next-expected'>
            {detail.nextExpectedAt ? nextExpectedLine(t, locale, detail.nextExpectedAt, now) : t('sponsor.nextExpectedNone')}
          </View>
          <View className='bx-journey__gentle'>{t('timeline.noObligation')}</View>
        </View>
        <View className='bx-journey__facts' data-testid='sponsorship-terms'>
          {t('timeline.terms', {
            amount: formatAmountPerCadence(t, detail.amountFen, detail.cadence),
            from: formatDate(detail.startDate, locale),
            to: formatDate(detail.endDate, locale),
          })}
        </View>
        <View className='bx-journey__facts'>{t('sponsor.ngo', { ngo: student.ngoName })}</View>
        <View className='bx-journey__actions'>
          <Button variant='secondary' testId='sponsorship-write' onClick={() => void Taro.navigateTo({ url: letters.compose(detail.id, name) })}>
            {t('sponsorship.write')}
          </Button>
          <Button variant='secondary' testId='sponsorship-letters' onClick={() => void Taro.navigateTo({ url: letters.list(detail.id, name) })}>
            {t('sponsorship.lettersLink')}
          </Button>
        </View>
      </Card>

      <Segmented<SponsorshipTab>
        label={t('timeline.tabs')}
        value={tab}
        onChange={setTab}
        testIdPrefix='sponsorship-tab'
        options={[
          { value: 'timeline', label: t('timeline.tab.timeline') },
          { value: 'ledger', label: t('timeline.tab.ledger') },
          { value: 'ngo', label: t('timeline.tab.ngo') },
        ]}
      />
      {tab === 'timeline' ? <Timeline list={timeline} student={student} /> : null}
      {tab === 'ledger' ? <LedgerBody state={ledger} /> : null}
      {tab === 'ngo' ? <CredibilityPanel credibility={detail.credibility} /> : null}
    </View>
  );
}
