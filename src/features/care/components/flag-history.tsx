import { View } from '@tarojs/components';
import { Section } from '@/components/ui';
import { formatDateTime } from '@/lib/format';
import { useLocale, useT, type Translate } from '@/lib/i18n';
import type { FlagCaseView } from '../api';

interface HistoryLine {
  at: string;
  kind: 'opened' | 'acknowledged' | 'escalated' | 'action' | 'resolved';
  what: string;
  who: string | null;
  note: string | null;
}

/** The flag's story in time order: opened, taken on, escalated, each recorded step, closed. */
function historyLines(view: FlagCaseView, t: Translate): HistoryLine[] {
  const { flag } = view;
  const lines: HistoryLine[] = [{ at: flag.openedAt, kind: 'opened', what: t('care.flagEvent.opened'), who: null, note: t(`care.flagSource.${flag.sourceKind}`) }];
  if (flag.acknowledgedAt) lines.push({ at: flag.acknowledgedAt, kind: 'acknowledged', what: t('care.flagEvent.acknowledged'), who: flag.acknowledgedByName, note: null });
  if (flag.escalatedAt) lines.push({ at: flag.escalatedAt, kind: 'escalated', what: t('care.flagEvent.escalated'), who: null, note: null });
  for (const action of view.actions) lines.push({ at: action.at, kind: 'action', what: t(`care.flagAction.${action.kind}`), who: action.staffName, note: action.note });
  if (flag.resolvedAt && flag.outcome) {
    lines.push({ at: flag.resolvedAt, kind: 'resolved', what: t('care.flagEvent.resolved', { outcome: t(`care.flagOutcome.${flag.outcome}`) }), who: flag.resolvedByName, note: flag.outcomeNote });
  }
  // Stable: lines at the same instant keep the order above.
  return lines.map((line, index) => ({ line, index })).sort((a, b) => Date.parse(a.line.at) - Date.parse(b.line.at) || a.index - b.index).map(({ line }) => line);
}

export function FlagHistory({ view }: { view: FlagCaseView }) {
  const t = useT();
  const locale = useLocale();
  return (
    <Section title={t('care.flagHistory')} testId='flag-history'>
      {view.actions.length === 0 ? <View className='bx-care__hint'>{t('care.flagNoActions')}</View> : null}
      {historyLines(view, t).map((line, index) => (
        <View key={`${line.at}-${index}`} className='bx-care-line' data-testid='flag-event' data-kind={line.kind}>
          <View className='bx-care-line__head'>{line.what}</View>
          <View className='bx-care-line__meta'>
            {formatDateTime(line.at, locale)}
            {line.who ? ` · ${line.who}` : ''}
          </View>
          {line.note ? <View className='bx-care-line__note'>{line.note}</View> : null}
        </View>
      ))}
    </Section>
  );
}
