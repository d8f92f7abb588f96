import Taro, { useDidShow } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui';
import { useT } from '@/lib/i18n';
import { fetchNotifications, markNotificationRead } from '../api';

/** How many unread notifications are marked read when the badge is opened. */
const OPEN_BATCH = 20;

export interface UnreadBadgeProps {
  /** Where the notifications lead (the letters list, or the inbox). */
  url: string;
  /**
   * `letters` (default): opening marks what it showed as read, the letters list highlights the new ones.
   * `inbox`: the inbox lists each notification and marks it read when it is opened.
   */
  opens?: 'letters' | 'inbox';
}

/**
 * "3 new" beside the greeting on the sponsor's and student's homes. Opening it marks what it showed as
 * read and goes to the letters, where the new ones are highlighted. Nothing shows when all is read.
 */
export function UnreadBadge({ url, opens = 'letters' }: UnreadBadgeProps) {
  const t = useT();
  const [unread, setUnread] = useState(0);

  const load = useCallback(async () => {
    try {
      setUnread((await fetchNotifications({ limit: 1 })).unread);
    } catch {
      // A badge is a nicety: without the network it simply does not show.
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

  if (unread <= 0) return null;

  const open = async () => {
    void Taro.navigateTo({ url });
    if (opens === 'inbox') return;
    try {
      const page = await fetchNotifications({ limit: OPEN_BATCH });
      const fresh = page.items.filter((item) => item.readAt === null);
      await Promise.all(fresh.map((item) => markNotificationRead(item.id)));
      setUnread(Math.max(0, page.unread - fresh.length));
    } catch {
      // They stay unread and are offered again next time.
    }
  };

  return (
    <Button variant='primary' label={t(opens === 'inbox' ? 'inbox.badgeLabel' : 'notifications.unreadLabel', { count: unread })} testId='notifications-unread' onClick={() => void open()}>
      {t('notifications.unread', { count: unread })}
    </Button>
  );
}
