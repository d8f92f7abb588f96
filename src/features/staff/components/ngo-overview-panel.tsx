import { View } from '@tarojs/components';
import type { NgoOverview } from '../../../../domain/api/homes';
import { cx, ListItem, Section } from '@/components/ui';
import { useT, type MessageKey } from '@/lib/i18n';
import './staff.css';

type CountKey = keyof NgoOverview['counts'];

const COUNTS: ReadonlyArray<{ key: CountKey; label: MessageKey; attention?: boolean }> = [
  { key: 'students', label: 'staff.counts.students' },
  { key: 'sponsored', label: 'staff.counts.sponsored' },
  { key: 'waiting', label: 'staff.counts.waiting' },
  { key: 'overdue', label: 'staff.counts.overdue', attention: true },
  { key: 'openAlerts', label: 'staff.counts.openAlerts', attention: true },
];

export interface NgoOverviewPanelProps {
  overview: NgoOverview;
  /** NGO admins also see how students are spread across caseworkers. */
  showCaseworkers: boolean;
}

export function NgoOverviewPanel({ overview, showCaseworkers }: NgoOverviewPanelProps) {
  const t = useT();
  return (
    <>
      <View className='bx-staff__counts' data-testid='staff-counts'>
        {COUNTS.map(({ key, label, attention }) => {
          const value = overview.counts[key];
          return (
            <View
              key={key}
              className={cx('bx-staff__count', attention && value > 0 && 'bx-staff__count--attention')}
              data-testid={`staff-count-${key}`}
              data-value={String(value)}
            >
              <View className='bx-staff__count-value'>{value}</View>
              <View className='bx-staff__count-label'>{t(label)}</View>
            </View>
          );
        })}
      </View>
      {showCaseworkers && overview.caseworkers.length > 0 ? (
        <Section title={t('staff.caseworkers')} testId='staff-caseworkers'>
          <View>
            {overview.caseworkers.map((caseworker) => (
              <ListItem
                key={caseworker.id}
                testId='staff-caseworker'
                title={caseworker.name}
                extra={t('staff.caseworkerLoad', { count: caseworker.studentCount })}
              />
            ))}
          </View>
        </Section>
      ) : null}
    </>
  );
}
