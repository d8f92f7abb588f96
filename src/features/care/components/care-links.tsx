import Taro, { useDidHide, useDidShow } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui';
import { useT } from '@/lib/i18n';
import { queueRoute, ROUTES } from '@/lib/routes';
import { fetchQueue, type QueueCounts } from '../api';
import './care.css';

/** How often the counts are fetched again while the home is on screen: an urgent flag waits 15 minutes at most. */
export const COUNTS_REFRESH_MS = 60_000;

/**
 * On the staff home: urgent wellbeing flags first and loudest, then the way into the queue with open
 * and escalated alerts counted; an NGO admin also gets the incoming handovers and the care policy
 * (caseworkers may read the policy). The counts refresh when the page shows and every minute while it does.
 */
export function CareLinks({ admin }: { admin: boolean }) {
  const t = useT();
  const [counts, setCounts] = useState<QueueCounts | null>(null);

  const load = useCallback(async () => {
    try {
      setCounts((await fetchQueue({ tab: 'alerts', limit: 1 })).counts);
    } catch {
      // The entry still works without its numbers; a failed refresh keeps the last ones.
    }
  }, []);
  const hidden = useRef(false);
  useEffect(() => {
    void load();
    const timer = setInterval(() => {
      if (!hidden.current) void load();
    }, COUNTS_REFRESH_MS);
    return () => clearInterval(timer);
  }, [load]);
  const shown = useRef(false);
  useDidShow(() => {
    hidden.current = false;
    if (shown.current) void load();
    shown.current = true;
  });
  useDidHide(() => {
    hidden.current = true;
  });

  const urgent = counts?.urgent ?? 0;
  const pressing = Boolean(counts && (counts.alerts > 0 || counts.escalated > 0));
  const summary = counts ? t('care.linkCounts', { alerts: counts.alerts, escalated: counts.escalated }) : '…';
  return (
    <View className='bx-care-links' data-testid='care-links'>
      {urgent > 0 ? (
        <Button
          block
          className='bx-care-links__urgent'
          label={t('care.urgentBannerLabel', { count: urgent })}
          testId='care-urgent-link'
          onClick={() => void Taro.navigateTo({ url: queueRoute('urgent') })}
        >
          {t('care.urgentBanner', { count: urgent })}
        </Button>
      ) : null}
      <Button
        variant={pressing ? 'primary' : 'secondary'}
        block
        label={t('care.linkLabel', { counts: summary })}
        testId='care-queue-link'
        onClick={() => void Taro.navigateTo({ url: ROUTES.staffQueue })}
      >
        {t('care.link', { counts: summary })}
      </Button>
      <View className='bx-care__actions'>
        {admin ? (
          <Button variant='secondary' testId='care-handovers-link' onClick={() => void Taro.navigateTo({ url: ROUTES.staffHandovers })}>
            {t('care.handoversLink')}
          </Button>
        ) : null}
        <Button variant='quiet' testId='care-policy-link' onClick={() => void Taro.navigateTo({ url: ROUTES.staffPolicy })}>
          {admin ? t('care.policyLink') : t('care.policyViewLink')}
        </Button>
      </View>
    </View>
  );
}
