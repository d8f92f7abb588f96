import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import type { ReactNode } from 'react';
import { ListFooter, Notice, StateView } from '@/components/ui';
import type { PagedList } from '@/hooks/use-paged-list';

/** Pull-to-refresh and reaching the bottom act on the list of the tab shown. */
export function usePageListEvents(list: PagedList<unknown>) {
  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    void list.loadMore();
  });
}

/** Loading, error, empty, or the items with "load more". */
export function ListState({ list, emptyTitle, testId, children }: { list: PagedList<unknown>; emptyTitle: string; testId: string; children: ReactNode }) {
  if (list.status === 'loading') return <StateView state='loading' />;
  if (list.status === 'error') return <StateView state='error' message={list.error ?? undefined} onRetry={() => void list.reload()} />;
  if (list.items.length === 0) return <StateView state='empty' title={emptyTitle} testId={testId} />;
  return (
    <>
      {list.error ? <Notice tone='danger'>{list.error}</Notice> : null}
      {children}
      <ListFooter hasMore={list.hasMore} loadingMore={list.loadingMore} onLoadMore={() => void list.loadMore()} />
    </>
  );
}
