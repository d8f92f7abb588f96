import { Text, View } from '@tarojs/components';
import { ListItem, StateView } from '@/components/ui';
import { formatDate, formatYuan } from '@/lib/format';
import { useLocale, useT } from '@/lib/i18n';
import type { Statement, StatementLine } from '../api';

function LineDetail({ line }: { line: StatementLine }) {
  const t = useT();
  const details = [
    line.ngoName,
    line.ngoCreditCode ? t('statement.creditCode', { code: line.ngoCreditCode }) : t('statement.creditCodeMissing'),
    line.platform && line.transactionId ? t(`statement.${line.platform}`, { id: line.transactionId }) : t('statement.recordedByNgo'),
    line.receiptNumber ? t('statement.receipt', { number: line.receiptNumber }) : t('statement.noReceipt'),
    ...(line.studentDisplayName ? [t('statement.forStudent', { name: line.studentDisplayName })] : []),
  ];
  return (
    <View>
      {details.map((text) => (
        <View key={text} className='bx-statement__detail'>
          {text}
        </View>
      ))}
    </View>
  );
}

/** One year's payments and refunds as Banxue recorded them, and their total. */
export function StatementLines({ statement }: { statement: Statement }) {
  const t = useT();
  const locale = useLocale();
  if (statement.lines.length === 0) return <StateView state='empty' message={t('statement.empty', { year: statement.year })} testId='statement-empty' />;
  return (
    <View data-testid='statement-lines'>
      {statement.lines.map((line) => (
        <ListItem
          key={line.id}
          testId='statement-line'
          title={`${formatDate(line.occurredOn, locale)} · ${t(line.kind === 'refund' ? 'statement.refund' : 'statement.payment')}`}
          extra={<Text>{formatYuan(line.amountFen)}</Text>}
          subtitle={<LineDetail line={line} />}
        />
      ))}
      {statement.truncated ? <View className='bx-statement__detail'>{t('statement.truncated')}</View> : null}
      <View className='bx-statement__total' data-testid='statement-total'>
        {t('statement.total', { amount: formatYuan(statement.totalFen) })}
      </View>
    </View>
  );
}
