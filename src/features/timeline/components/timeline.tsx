import { View } from '@tarojs/components';
import type { SponsorStudentView } from '../../../../domain/api/homes';
import { ListFooter, Notice, StateView } from '@/components/ui';
import type { PagedList } from '@/hooks/use-paged-list';
import { useT } from '@/lib/i18n';
import type { TimelineItem } from '../api';
import { TimelineItemView } from './timeline-item';
import './timeline.css';

export interface TimelineProps {
  list: PagedList<TimelineItem>;
  student: Pick<SponsorStudentView, 'displayName' | 'schoolStage'>;
}

/** The student's timeline, newest first, with its loading, empty and error states and "load more". */
export function Timeline({ list, student }: TimelineProps) {
  const t = useT();
  if (list.status === 'loading') return <StateView state='loading' />;
  if (list.status === 'error') return <StateView state='error' message={list.error ?? undefined} onRetry={() => void list.reload()} />;
  if (list.items.length === 0)
    return <StateView state='empty' title={t('timeline.emptyTitle')} message={t('timeline.emptyBody', { name: student.displayName })} testId='timeline-empty' />;
  return (
    <View className='bx-timeline' data-testid='timeline'>
      {list.error ? <Notice tone='danger'>{list.error}</Notice> : null}
      {list.items.map((item) => (
        <TimelineItemView key={`${item.kind}:${item.id}`} item={item} student={student} />
      ))}
      <ListFooter hasMore={list.hasMore} loadingMore={list.loadingMore} onLoadMore={() => void list.loadMore()} />
    </View>
  );
}
