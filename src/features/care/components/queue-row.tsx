import { Text, View } from '@tarojs/components';
import { cx, pressableProps, StatusBadge } from '@/components/ui';
import { daysOverdue } from '@/lib/china-date';
import { formatDate, formatGrade, formatRelative } from '@/lib/format';
import { useLocale, useT } from '@/lib/i18n';
import type { AlertRow, FlagRow, TaskRow } from '../api';
import { categoryWords } from '../flag-words';
import { FlagDueLine, SlaLine } from './sla-line';
import { TaskDone } from './task-done';

function StudentLine({ student }: { student: AlertRow['student'] }) {
  const locale = useLocale();
  return (
    <View className='bx-care-row__student'>
      <Text className='bx-care-row__name' data-testid='queue-row-name'>
        {student.displayName}
      </Text>
      <Text className='bx-care-row__legal'>{student.legalName}</Text>
      <Text className='bx-care-row__meta'>{`${formatGrade(locale, student.grade, student.schoolStage)} · ${student.city}`}</Text>
    </View>
  );
}

function LastHeard({ at, now }: { at: string | null; now: Date }) {
  const t = useT();
  const locale = useLocale();
  return <Text className='bx-care-row__meta'>{at ? t('care.lastHeard', { when: formatRelative(at, locale, now) }) : t('care.lastHeardNever')}</Text>;
}

/** An open alert: who, how urgent, whose. The whole row opens the case. */
export function AlertQueueRow({ alert, now, onOpen }: { alert: AlertRow; now: Date; onOpen: (id: string) => void }) {
  const t = useT();
  return (
    <View
      className='bx-care-row bx-care-row--alert'
      {...pressableProps(() => onOpen(alert.id))}
      ariaLabel={t('care.openCaseLabel', { name: alert.student.displayName })}
      data-testid='queue-alert'
      data-id={alert.id}
      onClick={() => onOpen(alert.id)}
    >
      <View className='bx-care-row__head'>
        <StudentLine student={alert.student} />
        <View className='bx-care-row__badges'>
          <StatusBadge tone={alert.status === 'open' ? 'warning' : 'info'} value={alert.status} testId='queue-alert-status'>
            {t(`care.status.${alert.status}`)}
          </StatusBadge>
          {alert.escalatedAt ? (
            <StatusBadge tone='danger' testId='queue-alert-escalated'>
              {t('care.escalated')}
            </StatusBadge>
          ) : null}
        </View>
      </View>
      <SlaLine deadline={alert.nextDeadline} now={now} />
      <View className='bx-care-row__facts'>
        <Text className='bx-care-row__meta' data-testid='queue-alert-assignee'>
          {alert.mine ? t('care.assignedToMe') : alert.assignee ? t('care.assignedTo', { name: alert.assignee.name }) : t('care.unassigned')}
        </Text>
        <LastHeard at={alert.student.lastHeardAt} now={now} />
        <Text className='bx-care-row__meta'>{t('care.attemptCount', { count: alert.attemptCount })}</Text>
      </View>
      {alert.heardSinceOpened ? (
        <View className='bx-care-row__heard' data-testid='queue-alert-heard'>
          {t('care.heardSinceOpened')}
        </View>
      ) : null}
    </View>
  );
}

function TaskDue({ dueAt, now }: { dueAt: string; now: Date }) {
  const t = useT();
  const date = formatDate(dueAt, useLocale());
  const days = daysOverdue(dueAt, now);
  return (
    <Text className='bx-care-row__meta' data-testid='queue-task-due'>
      {days > 0 ? t('care.taskOverdue', { date, days }) : t('care.taskDue', { date })}
    </Text>
  );
}

/** A caseworker task (watch list, exam season, wants to talk), which can be marked done. */
export function TaskQueueRow({ task, now, onDone, onOpenStudent }: { task: TaskRow; now: Date; onDone: (id: string) => void; onOpenStudent?: (id: string) => void }) {
  const t = useT();
  return (
    <View className='bx-care-row' data-testid='queue-task' data-id={task.id} data-kind={task.taskKind}>
      <View className='bx-care-row__head'>
        <StudentLine student={task.student} />
        <StatusBadge tone='info' value={task.taskKind}>
          {task.exam ? t('care.taskExam', { exam: t(`care.exam.${task.exam.exam}`), year: task.exam.year }) : t(`care.task.${task.taskKind}`)}
        </StatusBadge>
      </View>
      <View className='bx-care-row__facts'>
        <Text className='bx-care-row__meta' data-testid='queue-task-assignee'>
          {task.mine ? t('care.assignedToMe') : task.assignee ? t('care.assignedTo', { name: task.assignee.name }) : t('care.unassigned')}
        </Text>
        <LastHeard at={task.student.lastHeardAt} now={now} />
        {task.dueAt ? <TaskDue dueAt={task.dueAt} now={now} /> : null}
      </View>
      <TaskDone task={task} onDone={onDone} onOpenStudent={onOpenStudent} />
    </View>
  );
}

/** A wellbeing flag: who, how serious, what the words may show, and how long is left. The whole row opens the flag. */
export function FlagQueueRow({ flag, now, onOpen }: { flag: FlagRow; now: Date; onOpen: (id: string) => void }) {
  const t = useT();
  return (
    <View
      className={cx('bx-care-row', 'bx-care-row--alert', `bx-care-row--${flag.level}`)}
      {...pressableProps(() => onOpen(flag.id))}
      ariaLabel={t('care.openFlagLabel', { name: flag.student.displayName })}
      data-testid='queue-flag'
      data-id={flag.id}
      data-level={flag.level}
      onClick={() => onOpen(flag.id)}
    >
      <View className='bx-care-row__head'>
        <StudentLine student={flag.student} />
        <View className='bx-care-row__badges'>
          <StatusBadge tone={flag.level === 'urgent' ? 'danger' : 'warning'} value={flag.level} testId='queue-flag-level'>
            {t(`care.level.${flag.level}`)}
          </StatusBadge>
          <StatusBadge tone={flag.status === 'open' ? 'warning' : 'info'} value={flag.status} testId='queue-flag-status'>
            {t(`care.status.${flag.status}`)}
          </StatusBadge>
          {flag.escalatedAt ? (
            <StatusBadge tone='danger' testId='queue-flag-escalated'>
              {t('care.escalated')}
            </StatusBadge>
          ) : null}
        </View>
      </View>
      <View className='bx-care-row__categories' data-testid='queue-flag-categories'>
        {categoryWords(t, flag.categories)}
      </View>
      <FlagDueLine flag={flag} now={now} />
      <View className='bx-care-row__facts'>
        <Text className='bx-care-row__meta' data-testid='queue-flag-assignee'>
          {flag.mine ? t('care.assignedToMe') : flag.assignee ? t('care.assignedTo', { name: flag.assignee.name }) : t('care.unassigned')}
        </Text>
        <Text className='bx-care-row__meta'>{t(`care.flagSource.${flag.sourceKind}`)}</Text>
      </View>
    </View>
  );
}
