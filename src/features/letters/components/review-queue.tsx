import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useCallback, useState } from 'react';
import { ListFooter, Notice, PageHeader, StateView } from '@/components/ui';
import { usePagedList } from '@/hooks/use-paged-list';
import { useT } from '@/lib/i18n';
import { ROUTES } from '@/lib/routes';
import { fetchHeldLetters } from '../api';
import { BackLink } from './back-link';
import { HeldLetterCard } from './held-letter-card';
import './letters.css';

const PAGE_SIZE = 20;

/** The NGO's held letters, oldest first, for a caseworker or NGO admin to approve, return or redact. */
export function ReviewQueue() {
  const t = useT();
  const fetchPage = useCallback((cursor: string | undefined) => fetchHeldLetters({ limit: PAGE_SIZE, cursor }), []);
  const list = usePagedList(fetchPage);
  // Decided letters leave the list at once; a refresh would not bring them back either.
  const [decided, setDecided] = useState<ReadonlySet<string>>(new Set());

  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    void list.loadMore();
  });

  const items = list.items.filter((letter) => !decided.has(letter.id));

  return (
    <View className='bx-letters bx-review' data-testid='review-queue'>
      <PageHeader
        title={t('review.title')}
        subtitle={t('review.intro')}
        action={<BackLink fallback={ROUTES.staffHome} />}
        testId='review-title'
      />
      {list.status === 'loading' ? <StateView state='loading' /> : null}
      {list.status === 'error' ? (
        <StateView state='error' message={list.error ?? undefined} onRetry={() => void list.reload()} />
      ) : null}
      {list.status === 'ready' && items.length === 0 && !list.hasMore ? (
        <StateView state='empty' title={t('review.emptyTitle')} message={t('review.emptyBody')} testId='review-empty' />
      ) : null}
      {list.status === 'ready' && (items.length > 0 || list.hasMore) ? (
        <View className='bx-review__list'>
          {list.error ? <Notice tone='danger'>{list.error}</Notice> : null}
          {items.map((letter) => (
            <HeldLetterCard
              key={letter.id}
              letter={letter}
              onDone={() => setDecided((current) => new Set(current).add(letter.id))}
            />
          ))}
          <ListFooter hasMore={list.hasMore} loadingMore={list.loadingMore} onLoadMore={() => void list.loadMore()} />
        </View>
      ) : null}
    </View>
  );
}
