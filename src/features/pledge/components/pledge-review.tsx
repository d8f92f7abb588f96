import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useEffect, useRef, useState } from 'react';
import type { PoolStudent } from '../../../../domain/api/pool';
import type { PledgeAcknowledgement } from '../../../../domain/pledge';
import { Button, Notice, PageHeader, Section, StateView } from '@/components/ui';
import { fetchPoolStudent, poolRoutes, TakenView } from '@/features/pool';
import { ApiError, errorMessage } from '@/lib/api-client';
import { formatDate, formatYuan } from '@/lib/format';
import { useLocale, useT } from '@/lib/i18n';
import { useOperationKey } from '@/lib/idempotency';
import { currentPlatform } from '@/lib/platform';
import {
  confirmPledge,
  releaseOnPageExit,
  releaseReservation,
  reserveStudent,
  RESERVATION_EXPIRED,
  sponsorAnotherStudent,
  STUDENT_TAKEN,
  type SponsorshipDetail,
} from '../api';
import { useReservationStore, type HeldReservation } from '../reservation-store';
import { PAYMENTS_PER_YEAR, PLEDGE_ACKNOWLEDGEMENTS } from '../rules';
import { formatRemaining, useCountdown } from '../use-countdown';
import { AckCheck } from './ack-check';
import { PledgeSuccess } from './pledge-success';
import './pledge.css';

export interface PledgeReviewProps {
  sponsorshipId: string;
  /** The reserved student, so an expired or lost review can start again. */
  studentId?: string;
}

type Phase =
  | { kind: 'review' }
  | { kind: 'confirming' }
  | { kind: 'expired' }
  | { kind: 'taken'; similar: PoolStudent[] }
  | { kind: 'done'; sponsorship: SponsorshipDetail };

const NONE_CHECKED: Record<PledgeAcknowledgement, boolean> = { commitment: false, expectations: false, safeguarding: false, disbursement: false };

/**
 * The review step (冷静期): the student is held for a few minutes while the sponsor reads the whole
 * commitment and confirms each point; only then does the confirm button work. Leaving lets the student go.
 */
export function PledgeReview({ sponsorshipId, studentId }: PledgeReviewProps) {
  const t = useT();
  const locale = useLocale();
  const [activeId, setActiveId] = useState(sponsorshipId);
  const entry: HeldReservation | undefined = useReservationStore((state) => state.held[activeId]);
  const put = useReservationStore((state) => state.put);
  const drop = useReservationStore((state) => state.drop);
  const [phase, setPhase] = useState<Phase>({ kind: 'review' });
  const [checked, setChecked] = useState(NONE_CHECKED);
  const [error, setError] = useState<string | null>(null);
  const [restarting, setRestarting] = useState(false);
  const confirmKey = useOperationKey();
  const restartKey = useOperationKey();
  const remaining = useCountdown(entry && phase.kind === 'review' ? entry.deadline : null);

  const timedOut = phase.kind === 'review' && entry !== undefined && remaining === 0;
  const expired = phase.kind === 'expired' || timedOut;
  const reservedStudentId = entry?.reservation.student.id ?? studentId;
  const afterLeaving = entry?.origin.kind === 'afterLeaving' ? entry.origin.sponsorshipId : undefined;

  // What to release when the sponsor leaves: the hold still open, if any.
  const holding = useRef<string | null>(null);
  holding.current = entry && phase.kind === 'review' && !timedOut ? activeId : null;

  useEffect(() => {
    const onPageHide = () => {
      if (holding.current) releaseOnPageExit(holding.current);
    };
    const web = currentPlatform() === 'h5' && typeof window !== 'undefined';
    if (web) window.addEventListener('pagehide', onPageHide);
    return () => {
      if (web) window.removeEventListener('pagehide', onPageHide);
      // The page is closing (back, or away): the student goes back to the pool at once.
      const id = holding.current;
      holding.current = null;
      if (id) {
        void releaseReservation(id).catch(() => undefined);
        useReservationStore.getState().drop(id);
      }
    };
  }, []);

  const showTaken = async () => {
    holding.current = null;
    drop(activeId);
    let similar: PoolStudent[] = [];
    if (reservedStudentId) {
      try {
        const answer = await fetchPoolStudent(reservedStudentId);
        if (answer.availability === 'taken') similar = answer.similar;
      } catch {
        // The kind message and "see every student" still show.
      }
    }
    setPhase({ kind: 'taken', similar });
  };

  const confirm = async () => {
    if (!entry) return;
    setError(null);
    setPhase({ kind: 'confirming' });
    try {
      const acknowledgements = PLEDGE_ACKNOWLEDGEMENTS.filter((point) => checked[point]);
      const sponsorship = await confirmPledge(activeId, acknowledgements, confirmKey.for(`confirm:${activeId}`));
      confirmKey.done();
      drop(activeId);
      setPhase({ kind: 'done', sponsorship });
    } catch (failure) {
      if (failure instanceof ApiError && failure.code === STUDENT_TAKEN) {
        confirmKey.done();
        await showTaken();
        return;
      }
      if (failure instanceof ApiError && failure.code === RESERVATION_EXPIRED) {
        confirmKey.done();
        setPhase({ kind: 'expired' });
        return;
      }
      setError(errorMessage(failure));
      setPhase({ kind: 'review' });
    }
  };

  const restart = async () => {
    const origin = entry?.origin;
    if (!reservedStudentId) return;
    if (!origin) {
      void Taro.redirectTo({ url: poolRoutes.student(reservedStudentId) });
      return;
    }
    setRestarting(true);
    setError(null);
    try {
      const key = restartKey.for(`restart:${activeId}`);
      const reservation =
        origin.kind === 'afterLeaving'
          ? await sponsorAnotherStudent(origin.sponsorshipId, reservedStudentId, key)
          : await reserveStudent(reservedStudentId, origin.cadence, key);
      restartKey.done();
      drop(activeId);
      put(reservation, origin);
      setChecked(NONE_CHECKED);
      setActiveId(reservation.sponsorshipId);
      setPhase({ kind: 'review' });
    } catch (failure) {
      if (failure instanceof ApiError && failure.code === STUDENT_TAKEN) {
        restartKey.done();
        await showTaken();
        return;
      }
      setError(errorMessage(failure));
    } finally {
      setRestarting(false);
    }
  };

  const leave = () => {
    const id = holding.current;
    holding.current = null;
    if (id) {
      void releaseReservation(id).catch(() => undefined);
      drop(id);
    }
    if (Taro.getCurrentPages().length > 1) void Taro.navigateBack({ delta: 1 });
    else void Taro.reLaunch({ url: poolRoutes.pool() });
  };

  if (phase.kind === 'done') return <PledgeSuccess sponsorship={phase.sponsorship} />;

  if (phase.kind === 'taken') {
    return (
      <View className='bx-pledge' data-testid='pledge-review' data-phase='taken'>
        <PageHeader title={t('pledge.takenTitle')} testId='pledge-title' />
        <TakenView similar={phase.similar} afterLeaving={afterLeaving} replace />
      </View>
    );
  }

  if (!entry && phase.kind !== 'expired') {
    return (
      <View className='bx-pledge' data-testid='pledge-review' data-phase='missing'>
        <StateView
          state='empty'
          title={t('pledge.missingTitle')}
          message={t('pledge.missingBody')}
          testId='pledge-missing'
          action={
            reservedStudentId ? (
              <Button testId='pledge-missing-restart' onClick={() => void Taro.redirectTo({ url: poolRoutes.student(reservedStudentId) })}>
                {t('pledge.backToStudent')}
              </Button>
            ) : (
              <Button testId='pledge-missing-pool' onClick={() => void Taro.redirectTo({ url: poolRoutes.pool() })}>
                {t('pool.browseAll')}
              </Button>
            )
          }
        />
      </View>
    );
  }

  if (expired || !entry) {
    const name = entry?.reservation.student.displayName ?? '';
    return (
      <View className='bx-pledge' data-testid='pledge-review' data-phase='expired'>
        <PageHeader title={t('pledge.expiredTitle')} testId='pledge-title' />
        <Notice tone='warm' testId='pledge-expired'>
          {name ? t('pledge.expiredBody', { name }) : t('pledge.expiredBodyAnonymous')}
        </Notice>
        {error ? (
          <Notice tone='danger' testId='pledge-error'>
            {error}
          </Notice>
        ) : null}
        <Button block loading={restarting} testId='pledge-restart' onClick={() => void restart()}>
          {t('pledge.restart')}
        </Button>
        <Button variant='secondary' block testId='pledge-expired-pool' onClick={() => void Taro.redirectTo({ url: poolRoutes.pool(afterLeaving) })}>
          {t('pool.browseAll')}
        </Button>
      </View>
    );
  }

  const { reservation } = entry;
  const { student, commitment } = reservation;
  const confirmedCount = PLEDGE_ACKNOWLEDGEMENTS.filter((point) => checked[point]).length;
  const allConfirmed = confirmedCount === PLEDGE_ACKNOWLEDGEMENTS.length;
  const confirming = phase.kind === 'confirming';
  const ack = (point: PledgeAcknowledgement) => (
    <AckCheck
      checked={checked[point]}
      disabled={confirming}
      onChange={(value) => setChecked((current) => ({ ...current, [point]: value }))}
      label={t('pledge.understand')}
      ariaLabel={t('pledge.understandLabel', { point: t(`pledge.${point}.title`) })}
      testId={`pledge-ack-${point}`}
    />
  );

  return (
    <View className='bx-pledge' data-testid='pledge-review' data-phase='review' data-id={activeId}>
      <PageHeader title={t('pledge.title')} subtitle={t('pledge.intro', { name: student.displayName })} testId='pledge-title' />
      <Notice tone='info' testId='pledge-countdown'>
        <View data-remaining={String(Math.ceil(remaining / 1000))}>
          {t('pledge.countdown', { name: student.displayName, time: formatRemaining(remaining) })}
        </View>
      </Notice>
      {reservation.currentSponsorships > 0 ? (
        <Notice tone='warm' testId='pledge-gentle-note'>
          {t('pledge.gentleNote', { count: reservation.currentSponsorships })}
        </Notice>
      ) : null}

      <Section title={t('pledge.commitment.title')} testId='pledge-section-commitment'>
        <View className='bx-pledge__card'>
          <View className='bx-pledge__amount' data-testid='pledge-amount' data-fen={String(commitment.amountFen)}>
            {t(`sponsorship.amount.${commitment.cadence}`, { amount: formatYuan(commitment.amountFen) })}
          </View>
          <View className='bx-pledge__formula' data-testid='pledge-formula'>
            {t('pledge.commitment.formula', {
              amount: formatYuan(commitment.amountFen),
              perYear: PAYMENTS_PER_YEAR[commitment.cadence],
              years: commitment.termYears,
              total: formatYuan(commitment.totalFen),
            })}
          </View>
          <View className='bx-pledge__total' data-testid='pledge-total' data-fen={String(commitment.totalFen)}>
            {t('pledge.commitment.total', { total: formatYuan(commitment.totalFen), count: commitment.paymentsCount })}
          </View>
          <View className='bx-pledge__line' data-testid='pledge-dates'>
            {t('pledge.commitment.dates', { start: formatDate(commitment.startDate, locale), end: formatDate(commitment.endDate, locale) })}
          </View>
          <View className='bx-pledge__line'>{t('pledge.commitment.why', { name: student.displayName, years: commitment.termYears })}</View>
        </View>
        {ack('commitment')}
      </Section>

      <Section title={t('pledge.expectations.title')} testId='pledge-section-expectations'>
        <View className='bx-pledge__card'>
          <View className='bx-pledge__line'>• {t('pledge.expectations.checkins')}</View>
          <View className='bx-pledge__line'>• {t('pledge.expectations.letters')}</View>
          <View className='bx-pledge__line'>• {t('pledge.expectations.screened')}</View>
          <View className='bx-pledge__line bx-pledge__line--strong'>• {t('pledge.expectations.neverRequired')}</View>
          <View className='bx-pledge__line'>• {t('pledge.expectations.silence')}</View>
        </View>
        {ack('expectations')}
      </Section>

      <Section title={t('pledge.safeguarding.title')} testId='pledge-section-safeguarding'>
        <View className='bx-pledge__card'>
          <View className='bx-pledge__line'>• {t('pledge.safeguarding.contact')}</View>
          <View className='bx-pledge__line'>• {t('pledge.safeguarding.money')}</View>
          <View className='bx-pledge__line'>• {t('pledge.safeguarding.meeting')}</View>
          <View className='bx-pledge__line'>• {t('pledge.safeguarding.review')}</View>
        </View>
        {ack('safeguarding')}
      </Section>

      <Section title={t('pledge.disbursement.title')} testId='pledge-section-disbursement'>
        <View className='bx-pledge__card'>
          <View className='bx-pledge__policy' data-testid='pledge-policy'>
            {reservation.disbursementPolicy}
          </View>
          <View className='bx-pledge__line'>• {t('pledge.disbursement.ledger')}</View>
          <View className='bx-pledge__line'>• {t('pledge.disbursement.payment')}</View>
        </View>
        {ack('disbursement')}
      </Section>

      <View className='bx-pledge__confirm'>
        <View className='bx-pledge__progress' data-testid='pledge-progress' aria-live='polite'>
          {allConfirmed ? t('pledge.progressDone') : t('pledge.progress', { done: confirmedCount, total: PLEDGE_ACKNOWLEDGEMENTS.length })}
        </View>
        {error ? (
          <Notice tone='danger' testId='pledge-error'>
            {error}
          </Notice>
        ) : null}
        <Button block disabled={!allConfirmed} loading={confirming} testId='pledge-confirm' onClick={() => void confirm()}>
          {t('pledge.confirm', { name: student.displayName })}
        </Button>
        <Button variant='quiet' block disabled={confirming} testId='pledge-cancel' onClick={leave}>
          {t('pledge.cancel')}
        </Button>
      </View>
    </View>
  );
}
