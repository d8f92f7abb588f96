import Taro, { useDidHide, useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Switch, View } from '@tarojs/components';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { ListFooter, Notice, PageHeader, Segmented, StateView } from '@/components/ui';
import { usePagedList } from '@/hooks/use-paged-list';
import { useT } from '@/lib/i18n';
import { fetchQueue, type QueueCounts, type QueueItem, type QueueTab } from '../api';
import { useNow } from '../use-now';
import { AlertQueueRow, FlagQueueRow, TaskQueueRow } from './queue-row';
import { UrgentPushButton } from './urgent-push-button';
import './care.css';

const PAGE_SIZE = 20;
/** Repeated from domain/api/care QUEUE_TABS (a test keeps them equal). */
export const QUEUE_TABS = ['urgent', 'alerts', 'concern', 'watch', 'exam_season', 'talk_request'] as const satisfies readonly QueueTab[];
type Scope = 'mine' | 'all';

export interface QueueScreenProps {
  onOpenAlert: (id: string) => void;
  onOpenFlag: (id: string) => void;
  onOpenStudent?: (id: string) => void;
  /** A header action (e.g. back to the staff home). */
  headerAction?: ReactNode;
  /** The tab to open on; without one, urgent when anything is urgent, else alerts. */
  initialTab?: QueueTab;
  now?: Date;
}

/** Which tab to open on: the one asked for, or urgent while anything is urgent (alerts when that cannot be known). */
function useLandingTab(asked: QueueTab | undefined): QueueTab | null {
  const [tab, setTab] = useState<QueueTab | null>(asked ?? null);
  useEffect(() => {
    if (tab) return undefined;
    let live = true;
    void fetchQueue({ tab: 'urgent', limit: 1 })
      .then((page): QueueTab => (page.counts.urgent > 0 ? 'urgent' : 'alerts'))
      .catch((): QueueTab => 'alerts')
      .then((landing) => {
        if (live) setTab(landing);
      });
    return () => {
      live = false;
    };
  }, [tab]);
  return tab;
}

/**
 * The caseworker's queue: wellbeing flags (urgent ones first of all, then concern), open alerts (with
 * SLA countdowns), the watch list, exam-season tasks and students who asked to talk. Mine first;
 * "Mine / All" and "Escalated" filters.
 */
export function QueueScreen({ initialTab, ...props }: QueueScreenProps) {
  const t = useT();
  const landing = useLandingTab(initialTab);
  if (!landing) {
    return (
      <View className='bx-care' data-testid='care-queue'>
        <PageHeader title={t('care.queueTitle')} action={props.headerAction} testId='care-queue-title' />
        <StateView state='loading' />
      </View>
    );
  }
  return <QueueTabs {...props} initialTab={landing} />;
}

function QueueTabs({ onOpenAlert, onOpenFlag, onOpenStudent, headerAction, initialTab, now: fixedNow }: QueueScreenProps & { initialTab: QueueTab }) {
  const t = useT();
  const now = useNow(fixedNow);
  const [tab, setTab] = useState<QueueTab>(initialTab);
  const [scope, setScope] = useState<Scope>('all');
  const [escalated, setEscalated] = useState(false);
  const [counts, setCounts] = useState<QueueCounts | null>(null);
  const [done, setDone] = useState<ReadonlySet<string>>(new Set());

  const fetchPage = useCallback(
    async (cursor: string | undefined) => {
      const page = await fetchQueue({ tab, scope, escalated: tab === 'alerts' && escalated, limit: PAGE_SIZE, cursor });
      if (!cursor) {
        setCounts(page.counts);
        setDone(new Set());
      }
      return page;
    },
    [tab, scope, escalated],
  );
  const list = usePagedList<QueueItem>(fetchPage);

  // Back from a case or a flag: it may have been acknowledged or closed. (This part mounts once the
  // landing tab is known, after the page's first show, so it watches for being hidden rather than counting shows.)
  const hidden = useRef(false);
  useDidHide(() => {
    hidden.current = true;
  });
  useDidShow(() => {
    if (hidden.current) void list.reload();
    hidden.current = false;
  });
  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    void list.loadMore();
  });

  const items = list.items.filter((item) => !done.has(item.id));
  const countOf = (key: QueueTab) => (counts ? t('care.tabCount', { label: t(`care.tab.${key}`), count: counts[key] }) : t(`care.tab.${key}`));

  return (
    <View className='bx-care' data-testid='care-queue'>
      <PageHeader
        title={t('care.queueTitle')}
        subtitle={counts ? t('care.queueSummary', { urgent: counts.urgent, alerts: counts.alerts, escalated: counts.escalated, mine: counts.mine }) : undefined}
        action={headerAction}
        testId='care-queue-title'
      />
      <Segmented<QueueTab>
        label={t('care.tabsLabel')}
        options={QUEUE_TABS.map((key) => ({ value: key, label: countOf(key) }))}
        value={tab}
        onChange={setTab}
        testIdPrefix='queue-tab'
      />
      <View className='bx-care__filters'>
        <Segmented<Scope>
          label={t('care.scopeLabel')}
          options={[
            { value: 'all', label: t('care.scope.all') },
            { value: 'mine', label: t('care.scope.mine') },
          ]}
          value={scope}
          onChange={setScope}
          testIdPrefix='queue-scope'
        />
        {tab === 'alerts' ? (
          <View className='bx-care__toggle'>
            <Switch
              checked={escalated}
              ariaLabel={t('care.escalatedOnly')}
              data-testid='queue-escalated'
              onChange={(event) => setEscalated(Boolean(event.detail.value))}
            />
            <View aria-hidden='true'>{t('care.escalatedOnly')}</View>
          </View>
        ) : null}
      </View>
      {tab === 'urgent' ? <UrgentPushButton /> : null}

      {list.status === 'loading' ? <StateView state='loading' /> : null}
      {list.status === 'error' ? <StateView state='error' message={list.error ?? undefined} onRetry={() => void list.reload()} /> : null}
      {list.status === 'ready' && items.length === 0 && !list.hasMore ? (
        <StateView state='empty' title={t('care.emptyTitle')} message={t(`care.empty.${tab}`)} testId='queue-empty' />
      ) : null}
      {list.status === 'ready' && (items.length > 0 || list.hasMore) ? (
        <View className='bx-care__list'>
          {list.error ? <Notice tone='danger'>{list.error}</Notice> : null}
          <View className='bx-care__grid'>
            {items.map((item) =>
              item.kind === 'alert' ? (
                <AlertQueueRow key={item.id} alert={item} now={now} onOpen={onOpenAlert} />
              ) : item.kind === 'flag' ? (
                <FlagQueueRow key={item.id} flag={item} now={now} onOpen={onOpenFlag} />
              ) : (
                <TaskQueueRow
                  key={item.id}
                  task={item}
                  now={now}
                  onOpenStudent={onOpenStudent}
                  onDone={(id) => {
                    setDone((current) => new Set(current).add(id));
                    setCounts((current) => current && { ...current, [tab]: Math.max(0, current[tab] - 1) });
                  }}
                />
              ),
            )}
          </View>
          <ListFooter hasMore={list.hasMore} loadingMore={list.loadingMore} onLoadMore={() => void list.loadMore()} />
        </View>
      ) : null}
    </View>
  );
}
