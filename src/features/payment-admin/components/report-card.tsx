import { Text, View } from '@tarojs/components';
import { Button, Card, StatusBadge, type BadgeTone } from '@/components/ui';
import { formatDate } from '@/lib/format';
import { useLocale, useT } from '@/lib/i18n';
import { differenceWords } from '../alert-words';
import type { ReconciliationReportView } from '../api';

const REPORT_TONE: Record<ReconciliationReportView['status'], BadgeTone> = { matched: 'success', differences: 'warning', failed: 'danger' };

export interface ReportCardProps {
  report: ReconciliationReportView;
  busy: boolean;
  onRerun: (report: ReconciliationReportView) => void;
}

/** One day's comparison of a platform's bill with the ledger: matched, each difference in words, or why the bill could not be had. */
export function ReportCard({ report, busy, onRerun }: ReportCardProps) {
  const t = useT();
  const locale = useLocale();
  return (
    <Card testId='reconciliation-report' data={{ 'data-id': report.id, 'data-date': report.billDate }} className='bx-payment-admin__card'>
      <View className='bx-payment-admin__head'>
        <Text className='bx-payment-admin__name'>
          {t('paymentAdmin.report.title', { day: formatDate(report.billDate, locale), platform: t(`paymentAdmin.platform.${report.platform}`) })}
        </Text>
        <StatusBadge tone={REPORT_TONE[report.status]} value={report.status} testId='reconciliation-report-status'>
          {t(`paymentAdmin.reportStatus.${report.status}`)}
        </StatusBadge>
      </View>
      <View className='bx-payment-admin__meta'>{t('paymentAdmin.report.matched', { count: report.matchedCount })}</View>
      {report.status === 'failed' && report.error ? (
        <View className='bx-payment-admin__line' data-testid='reconciliation-report-error'>
          {t('paymentAdmin.report.failed', { error: report.error })}
        </View>
      ) : null}
      {report.differences.length > 0 ? (
        <View className='bx-payment-admin__refunds' data-testid='reconciliation-differences'>
          {report.differences.map((difference, index) => (
            <View key={`${difference.outTradeNo}-${difference.outRefundNo ?? ''}-${index}`} className='bx-payment-admin__difference' data-testid='reconciliation-difference' data-kind={difference.kind}>
              {differenceWords(t, difference)}
            </View>
          ))}
        </View>
      ) : null}
      <Button variant='quiet' loading={busy} testId='reconciliation-rerun' onClick={() => onRerun(report)}>
        {t('paymentAdmin.report.rerun')}
      </Button>
    </Card>
  );
}
