import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useCallback, useEffect, useRef } from 'react';
import { Button, ListFooter, Notice, PageHeader, StateView } from '@/components/ui';
import { OutboxPanel } from '@/features/outbox';
import { usePagedList } from '@/hooks/use-paged-list';
import { useReloadOnReturn } from '@/hooks/use-reload-on-return';
import { useT } from '@/lib/i18n';
import { useOutbox } from '@/lib/outbox';
import { homeFor, letterRoutes, type LetterRole } from '@/lib/routes';
import { fetchLetters } from '../api';
import { BackLink } from './back-link';
import { LetterRow } from './letter-row';
import './letters.css';

const PAGE_SIZE = 20;

export interface LetterListProps {
  role: LetterRole;
  /** Only the letters of this sponsorship (a sponsor may have several). */
  sponsorshipId?: string;
  /** The other side's name, when the page was opened for one sponsorship. */
  name?: string;
}

/** Letters both ways, newest first, with where each of the caller's own letters has got to. */
export function LetterList({ role, sponsorshipId, name }: LetterListProps) {
  const t = useT();
  const routes = letterRoutes(role);
  const fetchPage = useCallback(
    (cursor: string | undefined) => fetchLetters({ sponsorshipId, limit: PAGE_SIZE, cursor }),
    [sponsorshipId],
  );
  const list = usePagedList(fetchPage);
  // A letter waiting in the outbox has gone out: show it in the list.
  const sentLetters = useOutbox().sent.filter((record) => record.kind !== 'checkin' && record.kind !== 'termReport').length;
  const seenSent = useRef(sentLetters);
  useEffect(() => {
    if (sentLetters === seenSent.current) return;
    seenSent.current = sentLetters;
    void list.reload();
  }, [sentLetters, list]);

  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    void list.loadMore();
  });
  // Coming back from a letter or from writing one: statuses may have moved.
  useReloadOnReturn(list.reload);

  // A new letter needs its sponsorship: the one asked for, or the only one the letters belong to.
  const sponsorships = new Set(list.items.map((letter) => letter.sponsorshipId));
  const writeTo = sponsorshipId ?? (sponsorships.size === 1 ? [...sponsorships][0] : undefined);
  const counterpart = name ?? list.items[0]?.counterpartName;
  const write = writeTo ? (
    <Button
      label={counterpart ? t('letters.writeLabel', { name: counterpart }) : t('letters.writeLabelAny')}
      testId='letters-write'
      onClick={() => void Taro.navigateTo({ url: routes.compose(writeTo, counterpart) })}
    >
      {t('letters.write')}
    </Button>
  ) : null;

  return (
    <View className='bx-letters' data-testid='letter-list'>
      <PageHeader
        title={counterpart ? t('letters.titleWith', { name: counterpart }) : t('letters.title')}
        subtitle={t('letters.intro')}
        action={<BackLink fallback={homeFor(role)} />}
        testId='letters-title'
      />
      <OutboxPanel />
      {write ? <View className='bx-letters__actions'>{write}</View> : null}
      {list.status === 'loading' ? <StateView state='loading' /> : null}
      {list.status === 'error' ? (
        <StateView state='error' message={list.error ?? undefined} onRetry={() => void list.reload()} />
      ) : null}
      {list.status === 'ready' && list.items.length === 0 ? (
        <StateView state='empty' title={t('letters.emptyTitle')} message={t('letters.emptyBody')} testId='letters-empty' />
      ) : null}
      {list.status === 'ready' && list.items.length > 0 ? (
        <View className='bx-letters__list'>
          {list.error ? <Notice tone='danger'>{list.error}</Notice> : null}
          {list.items.map((letter) => (
            <LetterRow key={letter.id} letter={letter} onOpen={(l) => void Taro.navigateTo({ url: routes.letter(l.id) })} />
          ))}
          <ListFooter hasMore={list.hasMore} loadingMore={list.loadingMore} onLoadMore={() => void list.loadMore()} />
        </View>
      ) : null}
    </View>
  );
}
