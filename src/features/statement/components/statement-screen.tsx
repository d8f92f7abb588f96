import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useState } from 'react';
import { Notice, PageHeader, Section, Segmented, StateView } from '@/components/ui';
import { useResource } from '@/hooks/use-resource';
import { chinaToday } from '@/lib/china-date';
import { useT } from '@/lib/i18n';
import { fetchStatement, fetchStatementYears } from '../api';
import { SelfReportedGifts } from './self-reported-gifts';
import { StatementDownloads } from './statement-downloads';
import { StatementLines } from './statement-lines';
import './statement.css';

/** The years to offer: this year first (even with nothing in it yet), then the others with something, newest first. */
export function yearChoices(currentYear: number, withEntries: readonly number[]): number[] {
  return [currentYear, ...withEntries.filter((y) => y !== currentYear).sort((a, b) => b - a)];
}

/**
 * The sponsor's yearly giving statement: pick a year, see each payment and refund with the NGO, its
 * credit code, the transaction and receipt numbers, download it as PDF or CSV, and keep a list of
 * gifts made elsewhere. It says, first, that it is not a donation receipt.
 */
export function StatementScreen({ now }: { now?: Date }) {
  const t = useT();
  const currentYear = Number(chinaToday(now).slice(0, 4));
  const [year, setYear] = useState(currentYear);
  const years = useResource('statement-years', fetchStatementYears);
  const statement = useResource(`statement-${year}`, () => fetchStatement(year));
  usePullDownRefresh(() => {
    void Promise.all([years.reload(), statement.reload()]).finally(() => Taro.stopPullDownRefresh());
  });
  const choices = yearChoices(currentYear, years.data?.years ?? []);
  const data = statement.data;

  return (
    <View className='bx-statement' data-testid='statement'>
      <PageHeader title={t('statement.title')} subtitle={t('statement.intro')} />
      <Notice tone='warm' testId='statement-disclaimer'>
        {t('statement.disclaimer')}
      </Notice>
      <Segmented
        label={t('statement.year')}
        options={choices.map((y) => ({ value: String(y), label: t('statement.yearOption', { year: y }) }))}
        value={String(year)}
        onChange={(value) => setYear(Number(value))}
        testIdPrefix='statement-year'
      />
      {statement.status === 'idle' || statement.status === 'loading' ? <StateView state='loading' /> : null}
      {statement.status === 'error' ? <StateView state='error' message={statement.error ?? undefined} onRetry={() => void statement.reload()} /> : null}
      {data && data.year === year ? (
        <>
          <Section title={t('statement.lines')} hint={t('statement.count', { count: data.lines.length })} testId='statement-payments'>
            <StatementLines statement={data} />
          </Section>
          <StatementDownloads year={year} />
          <SelfReportedGifts
            statement={data}
            now={now}
            onChanged={(added) => {
              void years.reload();
              const addedYear = added ? Number(added.givenOn.slice(0, 4)) : year;
              if (addedYear !== year) setYear(addedYear);
              else void statement.reload();
            }}
          />
        </>
      ) : null}
    </View>
  );
}
