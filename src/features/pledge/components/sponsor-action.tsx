import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useState } from 'react';
import type { Cadence } from '../../../../domain/sponsorship';
import { Button, Notice, Section, Segmented } from '@/components/ui';
import { poolRoutes, type PoolStudent } from '@/features/pool';
import { ApiError, errorMessage } from '@/lib/api-client';
import { formatYuan } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { useOperationKey } from '@/lib/idempotency';
import { reserveStudent, sponsorAnotherStudent, STUDENT_TAKEN } from '../api';
import { useReservationStore, type ReservationOrigin } from '../reservation-store';
import { CADENCE_OPTIONS, previewPayments, RESERVATION_MINUTES } from '../rules';
import './pledge.css';

export interface SponsorActionProps {
  student: PoolStudent;
  /** The sponsorship whose remaining pledge carries over to this student (the sponsor's earlier student left). */
  afterLeaving?: string;
  /** The student was taken meanwhile. */
  onTaken: () => void;
}

/** "Sponsor this student": how often to pay, what each payment is, and a hold while the sponsor reads the rest. */
export function SponsorAction({ student, afterLeaving, onTaken }: SponsorActionProps) {
  const t = useT();
  const [cadence, setCadence] = useState<Cadence>('monthly');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const operation = useOperationKey();
  const put = useReservationStore((state) => state.put);
  const preview = previewPayments(student.yearlyNeedFen, cadence, student.yearsToGraduation);

  const sponsor = async () => {
    setBusy(true);
    setError(null);
    const origin: ReservationOrigin = afterLeaving ? { kind: 'afterLeaving', sponsorshipId: afterLeaving } : { kind: 'reserve', cadence };
    const key = operation.for(`${origin.kind}:${student.id}:${afterLeaving ?? cadence}`);
    try {
      const reservation = afterLeaving
        ? await sponsorAnotherStudent(afterLeaving, student.id, key)
        : await reserveStudent(student.id, cadence, key);
      operation.done();
      put(reservation, origin);
      void Taro.navigateTo({ url: poolRoutes.pledge(reservation.sponsorshipId, student.id) });
    } catch (failure) {
      if (failure instanceof ApiError && failure.code === STUDENT_TAKEN) {
        operation.done();
        onTaken();
        return;
      }
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section title={t('pledge.action.title', { name: student.displayName })} testId='sponsor-action'>
      {afterLeaving ? (
        <Notice tone='warm' testId='sponsor-action-carry-over'>
          {t('pledge.action.carryOver')}
        </Notice>
      ) : (
        <>
          <View className='bx-pledge__hint'>{t('pledge.action.cadence')}</View>
          <Segmented
            label={t('pledge.action.cadence')}
            options={CADENCE_OPTIONS.map((value) => ({ value, label: t(`pledge.cadence.${value}`) }))}
            value={cadence}
            onChange={setCadence}
            testIdPrefix='pledge-cadence'
          />
          <View className='bx-pledge__figures' data-testid='sponsor-action-preview' data-fen={String(preview.amountFen)}>
            <View className='bx-pledge__amount'>{t(`sponsorship.amount.${cadence}`, { amount: formatYuan(preview.amountFen) })}</View>
            <View>
              {t('pledge.action.total', {
                years: student.yearsToGraduation,
                count: preview.paymentsCount,
                total: formatYuan(preview.totalFen),
              })}
            </View>
          </View>
        </>
      )}
      <View className='bx-pledge__hint'>{t('pledge.action.hold', { minutes: RESERVATION_MINUTES })}</View>
      {error ? (
        <Notice tone='danger' testId='sponsor-action-error'>
          {error}
        </Notice>
      ) : null}
      <Button block loading={busy} testId='sponsor-this-student' onClick={() => void sponsor()}>
        {t('pledge.action.button')}
      </Button>
    </Section>
  );
}
