import Taro, { useDidShow } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui';
import { useT } from '@/lib/i18n';
import { ROUTES } from '@/lib/routes';
import { fetchQueue, type QueueCounts } from '../api';
import './care.css';

/**
 * On the staff home: the way into the queue, with open and escalated alerts counted; an NGO admin also
 * gets the incoming handovers and the care policy (caseworkers may read the policy).
 */
export function CareLinks({ admin }: { admin: boolean }) {
  const t = useT();
  const [counts, setCounts] = useState<QueueCounts | null>(null);

  const load = useCallback(async () => {
    try {
      setCounts((await fetchQueue({ tab: 'alerts', limit: 1 })).counts);
    } catch {
      // The entry still works without its numbers.
      setCounts(null);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) void load();
    shown.current = true;
  });

  const urgent = Boolean(counts && (counts.alerts > 0 || counts.escalated > 0));
  const summary = counts ? t('care.linkCounts', { alerts: counts.alerts, escalated: counts.escalated }) : '…';
  return (
    <View className='bx-care-links' data-testid='care-links'>
      <Button
        variant={urgent ? 'primary' : 'secondary'}
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
