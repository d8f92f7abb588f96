import { View } from '@tarojs/components';
import { useCallback, useState } from 'react';
import dayjs from 'dayjs';
import { Button, ChoiceField, DateField, Notice } from '@/components/ui';
import { useConfirmedSave } from '@/hooks/use-confirmed-save';
import { usePagedList } from '@/hooks/use-paged-list';
import { chinaToday } from '@/lib/china-date';
import { useT } from '@/lib/i18n';
import { fetchReconciliationReports, runReconciliation, type PayPlatform, type RunReconciliationBody } from '../api';
import { ListState, usePageListEvents } from './list-state';
import { ReportCard } from './report-card';

/** Daily reconciliation reports, newest first; any day can be compared again. */
export function ReportsTab({ now }: { now?: Date }) {
  const t = useT();
  const today = chinaToday(now);
  const [platform, setPlatform] = useState<PayPlatform>('wechat');
  const [day, setDay] = useState(dayjs(today).subtract(1, 'day').format('YYYY-MM-DD'));
  const [running, setRunning] = useState<string | null>(null);
  const fetchPage = useCallback((cursor: string | undefined) => fetchReconciliationReports(cursor), []);
  const list = usePagedList(fetchPage);
  usePageListEvents(list);
  const { failure, save } = useConfirmedSave();

  const run = async (body: RunReconciliationBody) => {
    setRunning(`${body.platform}:${body.billDate}`);
    const done = await save({ identity: JSON.stringify(body), send: (key) => runReconciliation(body, key), done: 'paymentAdmin.report.done' });
    setRunning(null);
    if (done) await list.reload();
  };

  return (
    <View className='bx-payment-admin__tab' data-testid='reconciliation-reports'>
      <View className='bx-payment-admin__run'>
        <ChoiceField<PayPlatform>
          name='platform'
          label={t('paymentAdmin.report.platform')}
          options={[
            { value: 'wechat', label: t('paymentAdmin.platform.wechat') },
            { value: 'alipay', label: t('paymentAdmin.platform.alipay') },
          ]}
          value={platform}
          onChange={setPlatform}
          testIdPrefix='reconcile-platform'
        />
        <DateField name='billDate' label={t('paymentAdmin.report.day')} placeholder={t('form.pickDate')} value={day} onChange={setDay} end={today} testId='reconcile-day' />
        <Button loading={running === `${platform}:${day}`} disabled={running !== null} testId='reconcile-run' onClick={() => void run({ platform, billDate: day })}>
          {t('paymentAdmin.report.run')}
        </Button>
        <View className='bx-payment-admin__meta'>{t('paymentAdmin.report.runHint')}</View>
      </View>
      {failure ? (
        <Notice tone='danger' testId='reconcile-failure'>
          {failure}
        </Notice>
      ) : null}
      <ListState list={list} emptyTitle={t('paymentAdmin.reportsEmpty')} testId='reconciliation-reports-empty'>
        <View className='bx-payment-admin__grid'>
          {list.items.map((report) => (
            <ReportCard
              key={report.id}
              report={report}
              busy={running === `${report.platform}:${report.billDate}`}
              onRerun={(r) => void run({ platform: r.platform, billDate: r.billDate })}
            />
          ))}
        </View>
      </ListState>
    </View>
  );
}
