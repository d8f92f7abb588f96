import { Text, View } from '@tarojs/components';
import type { CredibilityMetric, NgoCredibility } from '../../../../domain/api/credibility';
import { Card } from '@/components/ui';
import { formatDate } from '@/lib/format';
import { useLocale, useT, type MessageKey, type Translate } from '@/lib/i18n';
import './credibility.css';

export type MetricKey = 'alertAckMedianHours' | 'alertsResolvedWithinSla' | 'letterDeliveryMedianDays' | 'disbursementsReportedOnTime';

/** The four metrics, in the order a sponsor reads them, with how each value is written. */
const METRICS: ReadonlyArray<{ key: MetricKey; prefix: string; unit: 'hours' | 'share' | 'days' }> = [
  { key: 'alertAckMedianHours', prefix: 'credibility.alertAck', unit: 'hours' },
  { key: 'alertsResolvedWithinSla', prefix: 'credibility.alertSla', unit: 'share' },
  { key: 'letterDeliveryMedianDays', prefix: 'credibility.letterDelivery', unit: 'days' },
  { key: 'disbursementsReportedOnTime', prefix: 'credibility.disbursement', unit: 'share' },
];

/** One decimal at most: 3 → "3", 2.25 → "2.3". */
function oneDecimal(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** A time that rounds to nothing reads as words ("当天", "不到 1 小时"), never "0 天". */
export function formatMetricValue(t: Translate, unit: 'hours' | 'share' | 'days', value: number): string {
  if (unit === 'share') return t('credibility.percent', { percent: Math.round(value * 100) });
  const rounded = oneDecimal(value);
  if (unit === 'hours') return rounded === '0' ? t('credibility.underAnHour') : t('credibility.hours', { hours: rounded });
  return rounded === '0' ? t('credibility.sameDay') : t('credibility.days', { days: rounded });
}

export interface CredibilityPanelProps {
  credibility: NgoCredibility;
  testId?: string;
}

/**
 * A partner NGO's track record from its own records: how fast it answers lost-contact alerts, how
 * many it resolves in time, how long letters take, whether disbursements are reported on time. Each
 * metric says its sample size; below the minimum sample it says "not enough data yet", never a number.
 */
export function CredibilityPanel({ credibility, testId = 'credibility-panel' }: CredibilityPanelProps) {
  const t = useT();
  const locale = useLocale();
  const { period } = credibility;
  return (
    <Card testId={testId} className='bx-credibility' title={t('credibility.title', { ngo: credibility.ngo.name })} data={{ 'data-ngo': credibility.ngo.id }}>
      <View className='bx-credibility__intro'>{t('credibility.intro')}</View>
      <View className='bx-credibility__period' data-testid='credibility-period'>
        {t('credibility.period', { from: formatDate(period.from, locale), to: formatDate(period.to, locale) })}
      </View>
      <View className='bx-credibility__metrics'>
        {METRICS.map(({ key, prefix, unit }) => {
          const metric: CredibilityMetric = credibility[key];
          const enough = metric.value !== null;
          return (
            <View key={key} className='bx-credibility__metric' data-testid='credibility-metric' data-metric={key}>
              <View className='bx-credibility__row'>
                <Text className='bx-credibility__label'>{t(`${prefix}.label` as MessageKey)}</Text>
                <Text
                  className={enough ? 'bx-credibility__value' : 'bx-credibility__value bx-credibility__value--none'}
                  data-testid={enough ? 'credibility-value' : 'credibility-not-enough'}
                >
                  {metric.value !== null ? formatMetricValue(t, unit, metric.value) : t('credibility.notEnough')}
                </Text>
              </View>
              <View className='bx-credibility__explain'>{t(`${prefix}.explain` as MessageKey)}</View>
              <View className='bx-credibility__sample' data-testid='credibility-sample'>
                {t(`${prefix}.sample` as MessageKey, { count: metric.sample })}
                {enough ? '' : ` · ${t('credibility.minimum', { count: credibility.minimumSample })}`}
              </View>
            </View>
          );
        })}
      </View>
    </Card>
  );
}
