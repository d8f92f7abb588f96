import { View } from '@tarojs/components';
import { useState } from 'react';
import { Button, cx } from '@/components/ui';
import { useMe } from '@/features/auth';
import { confirmAction } from '@/lib/dialog';
import { useT, type MessageKey } from '@/lib/i18n';
import { kickOutbox, outbox, useOutbox, type OutboxItem } from '@/lib/outbox';
import './outbox.css';

export interface OutboxPanelProps {
  /** Only items for this target (e.g. a sponsorship), or all of the person's. */
  target?: string;
  /** Open to edit a failed item (e.g. a letter put back into its draft); when absent, no edit button. */
  onEdit?: (item: OutboxItem) => void;
}

/**
 * What is still waiting to send, at a glance: a small pill ("2 waiting to send") that opens the list,
 * with each item's state and, for one the server refused, its message and "try again / discard".
 * Nothing shows when nothing waits.
 */
export function OutboxPanel({ target, onEdit }: OutboxPanelProps) {
  const t = useT();
  const me = useMe();
  const { items, online } = useOutbox();
  const [open, setOpen] = useState(false);
  const mine = items.filter((item) => item.ownerAccountId === me?.accountId && (!target || item.target === target));
  if (mine.length === 0) return null;
  const failed = mine.some((item) => item.status === 'failed');

  const discard = async (item: OutboxItem) => {
    if (await confirmAction({ title: t('outbox.discardTitle'), content: t('outbox.discardBody'), confirm: 'outbox.discard' })) outbox.discard(item.id);
  };

  return (
    <View className='bx-outbox' data-testid='outbox-panel'>
      <View
        className={cx('bx-outbox__pill', failed && 'bx-outbox__pill--failed')}
        role='button'
        aria-expanded={open}
        aria-label={t('outbox.pendingLabel')}
        data-testid='outbox-pending'
        data-count={mine.length}
        onClick={() => setOpen(!open)}
      >
        {t('outbox.pending', { count: mine.length })}
      </View>
      {open ? (
        <View className='bx-outbox__list' data-testid='outbox-list'>
          {!online ? <View className='bx-outbox__hint'>{t('outbox.offline')}</View> : null}
          {mine.map((item) => (
            <View key={item.id} className='bx-outbox__item' data-testid='outbox-item' data-status={item.status}>
              <View className='bx-outbox__label'>
                {t(`outbox.kind.${item.kind}` as MessageKey)} · {item.label}
              </View>
              <View className='bx-outbox__state'>
                {t(`outbox.status.${item.status}` as MessageKey)}
                {item.status === 'failed' && item.lastError ? `：${item.lastError}` : ''}
              </View>
              {item.status === 'failed' ? (
                <View className='bx-outbox__tools'>
                  <Button variant='secondary' testId='outbox-retry' onClick={() => { outbox.retry(item.id); void kickOutbox(); }}>
                    {t('outbox.retry')}
                  </Button>
                  {onEdit ? (
                    <Button variant='secondary' testId='outbox-edit' onClick={() => onEdit(item)}>
                      {t('outbox.edit')}
                    </Button>
                  ) : null}
                  <Button variant='quiet' testId='outbox-discard' onClick={() => void discard(item)}>
                    {t('outbox.discard')}
                  </Button>
                </View>
              ) : null}
            </View>
          ))}
          {online && mine.some((item) => item.status === 'pending') ? (
            <Button variant='secondary' testId='outbox-send-now' onClick={() => { outbox.wakeAll(); void kickOutbox(); }}>
              {t('outbox.sendNow')}
            </Button>
          ) : null}
        </View>
      ) : null}
    </View>
  );
}
