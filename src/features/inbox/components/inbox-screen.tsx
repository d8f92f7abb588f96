import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useCallback, useState } from 'react';
import { ListFooter, Notice, PageHeader, StateView, StatusBadge } from '@/components/ui';
import { fetchNotifications, markNotificationRead, type NotificationItem } from '@/features/notifications';
import { usePagedList } from '@/hooks/use-paged-list';
import { formatDateTime } from '@/lib/format';
import { useLocale, useT } from '@/lib/i18n';
import { describeNotification, notificationTarget } from '../describe';
import './inbox.css';

const PAGE_SIZE = 20;

/**
 * The sponsor's notifications, newest first, unread ones highlighted. Opening one marks it read and
 * goes where it is about: a letter, the ledger, the sponsorship.
 */
export function InboxScreen() {
  const t = useT();
  const locale = useLocale();
  const [unread, setUnread] = useState<number | null>(null);
  // Read here since the list was loaded (the server knows too; this saves reloading the list).
  const [readHere, setReadHere] = useState<Record<string, true>>({});
  const fetchPage = useCallback(async (cursor: string | undefined) => {
    const page = await fetchNotifications({ limit: PAGE_SIZE, cursor });
    if (!cursor) {
      setUnread(page.unread);
      setReadHere({});
    }
    return page;
  }, []);
  const list = usePagedList<NotificationItem>(fetchPage);

  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    void list.loadMore();
  });

  const open = (item: NotificationItem) => {
    const isUnread = item.readAt === null && !readHere[item.id];
    if (isUnread) {
      setReadHere((current) => ({ ...current, [item.id]: true }));
      setUnread((count) => (count === null ? count : Math.max(0, count - 1)));
      // Marking read is best effort: if it fails it is simply offered again next time.
      void markNotificationRead(item.id).catch(() => undefined);
    }
    const url = notificationTarget(item);
    if (url) void Taro.navigateTo({ url });
  };

  return (
    <View className='bx-inbox' data-testid='inbox'>
      <PageHeader
        title={t('inbox.title')}
        subtitle={
          unread === null ? undefined : (
            <Text data-testid='inbox-unread-count' data-count={String(unread)}>
              {unread > 0 ? t('inbox.unreadCount', { count: unread }) : t('inbox.allRead')}
            </Text>
          )
        }
      />
      {list.status === 'loading' ? <StateView state='loading' /> : null}
      {list.status === 'error' ? <StateView state='error' message={list.error ?? undefined} onRetry={() => void list.reload()} /> : null}
      {list.status === 'ready' && list.items.length === 0 ? (
        <StateView state='empty' title={t('inbox.emptyTitle')} message={t('inbox.emptyBody')} testId='inbox-empty' />
      ) : null}
      {list.status === 'ready' && list.items.length > 0 ? (
        <View className='bx-inbox__list'>
          {list.error ? <Notice tone='danger'>{list.error}</Notice> : null}
          {list.items.map((item) => {
            const isUnread = item.readAt === null && !readHere[item.id];
            const text = describeNotification(t, locale, item);
            return (
              <View
                key={item.id}
                className={isUnread ? 'bx-inbox__item bx-inbox__item--unread' : 'bx-inbox__item'}
                role='button'
                ariaLabel={isUnread ? t('inbox.unreadItemLabel', { text }) : text}
                hoverClass='bx-inbox__item--pressed'
                data-testid='inbox-item'
                data-id={item.id}
                data-kind={item.kind}
                data-read={isUnread ? 'false' : 'true'}
                onClick={() => open(item)}
              >
                <View className='bx-inbox__head'>
                  <Text className='bx-inbox__date'>{formatDateTime(item.createdAt, locale)}</Text>
                  {isUnread ? (
                    <StatusBadge tone='warning' testId='inbox-item-new'>
                      {t('inbox.new')}
                    </StatusBadge>
                  ) : null}
                </View>
                <View className='bx-inbox__text' data-testid='inbox-item-text'>
                  {text}
                </View>
              </View>
            );
          })}
          <ListFooter hasMore={list.hasMore} loadingMore={list.loadingMore} onLoadMore={() => void list.loadMore()} />
        </View>
      ) : null}
    </View>
  );
}
