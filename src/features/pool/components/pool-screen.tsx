import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useCallback, useEffect, useState } from 'react';
import type { PoolFilters } from '../../../../domain/api/pool';
import { Button, ListFooter, Notice, PageHeader, StateView } from '@/components/ui';
import { usePagedList } from '@/hooks/use-paged-list';
import { useT } from '@/lib/i18n';
import { fetchPool, fetchPoolFilters } from '../api';
import { hasFilters, type PoolFilterValues } from '../query';
import { poolRoutes } from '../routes';
import { PoolFilterBar } from './pool-filter-bar';
import { PoolStudentCard } from './pool-student-card';
import './pool.css';

export const POOL_PAGE_SIZE = 10;

export interface PoolScreenProps {
  /** The sponsorship whose student left the program, when the sponsor is choosing someone to carry it over to. */
  afterLeaving?: string;
}

/** Students still waiting for a sponsor, longest-waiting first, with a calm filter bar. */
export function PoolScreen({ afterLeaving }: PoolScreenProps) {
  const t = useT();
  const [filters, setFilters] = useState<PoolFilterValues>({});
  const [options, setOptions] = useState<PoolFilters | null>(null);

  // The choices depend on what is already chosen (and on who is still waiting): asked again on each change.
  const [optionsVersion, setOptionsVersion] = useState(0);
  useEffect(() => {
    let live = true;
    fetchPoolFilters(filters)
      .then((found) => {
        if (live) setOptions(found);
      })
      // The last choices stay offered; the list itself still works.
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [filters, optionsVersion]);

  const fetchPage = useCallback((cursor: string | undefined) => fetchPool(filters, { limit: POOL_PAGE_SIZE, cursor }), [filters]);
  const list = usePagedList(fetchPage);

  usePullDownRefresh(() => {
    setOptionsVersion((version) => version + 1);
    void list.reload().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    void list.loadMore();
  });

  return (
    <View className='bx-pool' data-testid='pool-screen'>
      <PageHeader title={t('pool.title')} subtitle={t('pool.intro')} testId='pool-title' />
      {afterLeaving ? (
        <Notice tone='warm' testId='pool-after-leaving'>
          {t('pool.afterLeaving')}
        </Notice>
      ) : null}
      <PoolFilterBar options={options} value={filters} onChange={setFilters} />
      {list.status === 'loading' ? <StateView state='loading' /> : null}
      {list.status === 'error' ? <StateView state='error' message={list.error ?? undefined} onRetry={() => void list.reload()} /> : null}
      {list.status === 'ready' && list.items.length === 0 ? (
        <StateView
          state='empty'
          title={hasFilters(filters) ? t('pool.emptyFilteredTitle') : t('pool.emptyTitle')}
          message={hasFilters(filters) ? t('pool.emptyFilteredBody') : t('pool.emptyBody')}
          testId='pool-empty'
          action={
            hasFilters(filters) ? (
              <Button variant='secondary' testId='pool-empty-clear' onClick={() => setFilters({})}>
                {t('pool.filter.clear')}
              </Button>
            ) : undefined
          }
        />
      ) : null}
      {list.status === 'ready' && list.items.length > 0 ? (
        <View className='bx-pool__list' data-testid='pool-list'>
          <View className='bx-pool__hint'>{t('pool.order')}</View>
          {list.error ? <Notice tone='danger'>{list.error}</Notice> : null}
          {list.items.map((student) => (
            <PoolStudentCard
              key={student.id}
              student={student}
              onOpen={() => void Taro.navigateTo({ url: poolRoutes.student(student.id, afterLeaving) })}
            />
          ))}
          <ListFooter hasMore={list.hasMore} loadingMore={list.loadingMore} onLoadMore={() => void list.loadMore()} />
        </View>
      ) : null}
    </View>
  );
}
