import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useCallback, useState } from 'react';
import { ListFooter, Notice, PageHeader, StateView } from '@/components/ui';
import { PrivacyPopup } from '@/features/privacy';
import { usePagedList } from '@/hooks/use-paged-list';
import { useT } from '@/lib/i18n';
import { fetchStaffSponsorships, type StaffSponsorshipRow } from '../api';
import { StaffSponsorshipCard } from './staff-sponsorship-card';
import './staff-ledger.css';

const PAGE_SIZE = 20;

export interface StaffSponsorshipsProps {
  headerAction?: React.ReactNode;
  now?: Date;
}

/** NGO admins: every sponsorship of the NGO, with forms to record payments received and money passed on. */
export function StaffSponsorships({ headerAction, now }: StaffSponsorshipsProps) {
  const t = useT();
  const fetchPage = useCallback(async (cursor: string | undefined) => {
    const page = await fetchStaffSponsorships({ limit: PAGE_SIZE, cursor });
    if (!cursor) setPatches({});
    return page;
  }, []);
  const list = usePagedList(fetchPage);
  // Rows updated after a save, on top of what the list loaded.
  const [patches, setPatches] = useState<Record<string, Partial<StaffSponsorshipRow>>>({});

  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    void list.loadMore();
  });

  return (
    <View className='bx-staff-ledger' data-testid='staff-sponsorships'>
      <PageHeader title={t('staffLedger.title')} subtitle={t('staffLedger.intro')} action={headerAction} />
      {list.status === 'loading' ? <StateView state='loading' /> : null}
      {list.status === 'error' ? <StateView state='error' message={list.error ?? undefined} onRetry={() => void list.reload()} /> : null}
      {list.status === 'ready' && list.items.length === 0 ? (
        <StateView state='empty' title={t('staffLedger.emptyTitle')} message={t('staffLedger.emptyBody')} testId='staff-sponsorships-empty' />
      ) : null}
      {list.status === 'ready' && list.items.length > 0 ? (
        <>
          {list.error ? <Notice tone='danger'>{list.error}</Notice> : null}
          <View className='bx-staff-ledger__grid'>
            {list.items.map((row) => (
              <StaffSponsorshipCard
                key={row.id}
                row={{ ...row, ...patches[row.id] }}
                now={now}
                onUpdated={(patch) => setPatches((current) => ({ ...current, [row.id]: { ...current[row.id], ...patch } }))}
              />
            ))}
          </View>
          <ListFooter hasMore={list.hasMore} loadingMore={list.loadingMore} onLoadMore={() => void list.loadMore()} />
        </>
      ) : null}
      {/* A receipt photo is chosen in the disbursement form: WeChat's privacy step opens here. */}
      <PrivacyPopup />
    </View>
  );
}
