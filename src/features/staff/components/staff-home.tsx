import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { NgoOverview } from '../../../../domain/api/homes';
import type { StaffRole } from '../../../../domain/roles';
import { ListFooter, Notice, PageHeader, Section, Segmented, StateView } from '@/components/ui';
import { usePagedList } from '@/hooks/use-paged-list';
import { errorMessage } from '@/lib/api-client';
import { useT } from '@/lib/i18n';
import { fetchNgoOverview, fetchStaffStudents } from '../api';
import { NgoOverviewPanel } from './ngo-overview-panel';
import { StaffStudentRow } from './staff-student-row';
import './staff.css';

const PAGE_SIZE = 20;

type Scope = 'mine' | 'all';
type OverviewLoad = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; data: NgoOverview };

export interface StaffHomeProps {
  role: StaffRole;
  headerAction?: ReactNode;
  /** Below the header: links to other work (the letter review queue). */
  banner?: ReactNode;
  /** Opens a student's record (the rows are not links without it). */
  onOpenStudent?: (id: string) => void;
}

/** The NGO workspace home for caseworkers and NGO admins: the NGO's numbers and its students. */
export function StaffHome({ role, headerAction, banner, onOpenStudent }: StaffHomeProps) {
  const t = useT();
  // A caseworker starts with their own students; an NGO admin sees the whole NGO.
  const [scope, setScope] = useState<Scope>(role === 'caseworker' ? 'mine' : 'all');
  const [overview, setOverview] = useState<OverviewLoad>({ state: 'loading' });

  const loadOverview = useCallback(async (refresh = false) => {
    if (!refresh) setOverview({ state: 'loading' });
    try {
      setOverview({ state: 'ready', data: await fetchNgoOverview() });
    } catch (failure) {
      const message = errorMessage(failure);
      setOverview((current) => (refresh && current.state === 'ready' ? current : { state: 'error', message }));
    }
  }, []);

  useEffect(() => {
    void loadOverview();
  }, [loadOverview]);

  const fetchPage = useCallback(
    (cursor: string | undefined) => fetchStaffStudents({ limit: PAGE_SIZE, cursor, scope }),
    [scope],
  );
  const students = usePagedList(fetchPage);

  // Back from a student's record or a new student: the list may have changed.
  const shownOnce = useRef(false);
  useDidShow(() => {
    if (shownOnce.current) void Promise.all([loadOverview(true), students.reload()]);
    shownOnce.current = true;
  });

  usePullDownRefresh(() => {
    void Promise.all([loadOverview(true), students.reload()]).finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    void students.loadMore();
  });

  return (
    <View className='bx-staff' data-testid='staff-home'>
      <PageHeader
        title={overview.state === 'ready' ? overview.data.ngo.name : t('staff.title')}
        subtitle={overview.state === 'ready' ? `${t(`role.${role}`)} · ${overview.data.ngo.city}` : undefined}
        action={headerAction}
        testId='staff-ngo-name'
      />
      {banner}

      {overview.state === 'loading' ? <StateView state='loading' testId='staff-overview-loading' /> : null}
      {overview.state === 'error' ? (
        <StateView state='error' message={overview.message} onRetry={() => void loadOverview()} testId='staff-overview-error' />
      ) : null}
      {overview.state === 'ready' ? (
        <NgoOverviewPanel overview={overview.data} showCaseworkers={role === 'ngo_admin'} />
      ) : null}

      <Section title={t('staff.students')} testId='staff-students'>
        {role === 'caseworker' ? (
          <Segmented<Scope>
            label={t('staff.scope.label')}
            options={[
              { value: 'mine', label: t('staff.scope.mine') },
              { value: 'all', label: t('staff.scope.all') },
            ]}
            value={scope}
            onChange={setScope}
            testIdPrefix='staff-scope'
          />
        ) : null}

        {students.status === 'loading' ? <StateView state='loading' /> : null}
        {students.status === 'error' ? (
          <StateView state='error' message={students.error ?? undefined} onRetry={() => void students.reload()} />
        ) : null}
        {students.status === 'ready' && students.items.length === 0 ? (
          <StateView
            state='empty'
            title={t('staff.emptyTitle')}
            message={scope === 'mine' ? t('staff.emptyMine') : t('staff.emptyAll')}
            testId='staff-empty'
          />
        ) : null}
        {students.status === 'ready' && students.items.length > 0 ? (
          <View className='bx-staff__rows'>
            {students.error ? <Notice tone='danger'>{students.error}</Notice> : null}
            {students.items.map((student) => (
              <StaffStudentRow key={student.id} student={student} onOpen={onOpenStudent} />
            ))}
            <ListFooter
              hasMore={students.hasMore}
              loadingMore={students.loadingMore}
              onLoadMore={() => void students.loadMore()}
            />
          </View>
        ) : null}
      </Section>
    </View>
  );
}
