import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useCallback, type ReactNode } from 'react';
import { ListFooter, Notice, PageHeader, StateView } from '@/components/ui';
import { usePagedList } from '@/hooks/use-paged-list';
import { PoolEntry } from '@/features/pool';
import { useT } from '@/lib/i18n';
import { fetchSponsorships } from '../api';
import { SponsorshipCard } from './sponsorship-card';
import './sponsor.css';

const PAGE_SIZE = 20;

export interface SponsorHomeProps {
  /** The sponsor's display name, for the greeting. */
  name?: string;
  /** Shown next to the greeting (the page puts the settings link there). */
  headerAction?: ReactNode;
  /** For tests; defaults to the current time. */
  now?: Date;
}

/** The sponsor's home: every student they stand by, with when they last heard and what comes next. */
export function SponsorHome({ name, headerAction, now }: SponsorHomeProps) {
  const t = useT();
  const fetchPage = useCallback((cursor: string | undefined) => fetchSponsorships({ limit: PAGE_SIZE, cursor }), []);
  const list = usePagedList(fetchPage);

  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    void list.loadMore();
  });

  return (
    <View className='bx-sponsor' data-testid='sponsor-home'>
      <PageHeader
        title={name ? t('sponsor.greeting', { name }) : t('sponsor.title')}
        subtitle={t('sponsor.intro')}
        action={headerAction}
        testId='sponsor-greeting'
      />
      {list.status === 'loading' ? <StateView state='loading' /> : null}
      {list.status === 'error' ? (
        <StateView state='error' message={list.error ?? undefined} onRetry={() => void list.reload()} />
      ) : null}
      {list.status === 'ready' && list.items.length === 0 ? (
        <StateView
          state='empty'
          title={t('pool.homeEmptyTitle')}
          message={t('pool.homeEmptyBody')}
          testId='sponsor-empty'
          action={<PoolEntry variant='primary' />}
        />
      ) : null}
      {list.status === 'ready' && list.items.length > 0 ? (
        <View className='bx-sponsor__list'>
          {list.error ? <Notice tone='danger'>{list.error}</Notice> : null}
          {list.items.map((sponsorship) => (
            <SponsorshipCard key={sponsorship.id} sponsorship={sponsorship} now={now} />
          ))}
          <ListFooter hasMore={list.hasMore} loadingMore={list.loadingMore} onLoadMore={() => void list.loadMore()} />
          <PoolEntry />
        </View>
      ) : null}
    </View>
  );
}
