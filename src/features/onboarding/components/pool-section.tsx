import { View } from '@tarojs/components';
import { useState } from 'react';
import { Button, Notice, Section, StatusBadge } from '@/components/ui';
import { ApiError, errorMessage } from '@/lib/api-client';
import { formatDate } from '@/lib/format';
import { useLocale, useT, type MessageKey } from '@/lib/i18n';
import { enterPool } from '../api';
import type { StaffStudentDetail } from '../types';
import { confirmAction, toast } from '@/lib/dialog';

const KNOWN_BLOCKERS = ['consent_missing', 'story_not_approved', 'sponsorship_exists', 'not_active', 'already_in_pool'];

/** Whether the student waits for a sponsor, and (NGO admin) putting them in the pool. */
export function PoolSection({ student, isAdmin, onChanged }: { student: StaffStudentDetail; isAdmin: boolean; onChanged: () => void }) {
  const t = useT();
  const locale = useLocale();
  const [busy, setBusy] = useState(false);
  const [missing, setMissing] = useState<string[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const blockerText = (field: string, message?: string) =>
    KNOWN_BLOCKERS.includes(field) ? t(`onboarding.blocker.${field}` as MessageKey) : (message ?? field);

  const enter = async () => {
    if (busy) return;
    setFailure(null);
    setMissing(null);
    const yes = await confirmAction({
      title: t('onboarding.pool.confirmTitle'),
      content: t('onboarding.pool.confirmBody', { name: student.displayName }),
      confirm: 'onboarding.pool.confirm',
      cancel: 'onboarding.back',
    });
    if (!yes) return;
    setBusy(true);
    try {
      await enterPool(student.id);
      toast('onboarding.pool.entered');
      onChanged();
    } catch (error) {
      if (error instanceof ApiError && error.status === 409 && error.details.length > 0) {
        setMissing(error.details.map((d) => blockerText(d.field, d.message)));
      } else {
        setFailure(errorMessage(error));
      }
    } finally {
      setBusy(false);
    }
  };

  const inPool = student.poolSince !== null && !student.sponsorship;
  const state = student.sponsorship ? 'sponsored' : inPool ? 'waiting' : 'not_in_pool';
  const pending = student.poolBlockers.filter((b) => b !== 'already_in_pool');
  // The server lists what it would refuse for (the same rule as entering): no tap that can only fail.
  const blocked = pending.length > 0;

  return (
    <Section title={t('onboarding.pool.title')} testId='pool-section'>
      <View className='bx-ob__row-head'>
        <StatusBadge tone={state === 'sponsored' ? 'info' : state === 'waiting' ? 'success' : 'neutral'} testId='pool-state' value={state}>
          {state === 'sponsored'
            ? t('onboarding.pool.sponsored', { name: student.sponsorship?.sponsorDisplayName ?? '' })
            : state === 'waiting'
              ? t('onboarding.pool.waiting', { date: formatDate(student.poolSince ?? '', locale) })
              : t('onboarding.pool.notInPool')}
        </StatusBadge>
      </View>
      {state === 'not_in_pool' && pending.length > 0 && !missing ? (
        <View className='bx-ob__meta' data-testid='pool-blockers'>
          {t('onboarding.pool.before')}
          {pending.map((b) => (
            <View key={b} className='bx-ob__step'>{`• ${blockerText(b)}`}</View>
          ))}
        </View>
      ) : null}
      {missing ? (
        <Notice tone='danger' testId='pool-missing'>
          <View className='bx-ob__strong'>{t('onboarding.pool.missing')}</View>
          {missing.map((text, i) => (
            <View key={i} className='bx-ob__step' data-testid='pool-missing-item'>{`• ${text}`}</View>
          ))}
        </Notice>
      ) : null}
      {failure ? <Notice tone='danger'>{failure}</Notice> : null}
      {state === 'not_in_pool' ? (
        isAdmin ? (
          <>
            <Button
              loading={busy}
              disabled={blocked}
              label={blocked ? t('onboarding.pool.enterBlockedLabel', { missing: pending.map((b) => blockerText(b)).join(t('care.listSeparator')) }) : undefined}
              onClick={() => void enter()}
              testId='pool-enter'
            >
              {t('onboarding.pool.enter')}
            </Button>
            {blocked ? (
              <View className='bx-ob__meta' data-testid='pool-enter-reason'>
                {t('onboarding.pool.enterBlocked')}
              </View>
            ) : null}
          </>
        ) : (
          <View className='bx-ob__meta'>{t('onboarding.pool.adminOnly')}</View>
        )
      ) : null}
    </Section>
  );
}
