import { View } from '@tarojs/components';
import { useState } from 'react';
import { Button, Notice } from '@/components/ui';
import { ApiError } from '@/lib/api-client';
import { useT } from '@/lib/i18n';
import { fetchStatementLinks } from '../api';
import { NotOpenableHere, openStatementFile, type StatementFormat } from '../download';

/** "Download PDF" / "Download CSV": fresh signed links each time, opened the way the platform can. */
export function StatementDownloads({ year }: { year: number }) {
  const t = useT();
  const [busy, setBusy] = useState<StatementFormat | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const download = async (format: StatementFormat) => {
    setBusy(format);
    setFailure(null);
    try {
      const links = await fetchStatementLinks(year);
      await openStatementFile(format === 'pdf' ? links.pdfUrl : links.csvUrl, format, year);
    } catch (error) {
      setFailure(error instanceof NotOpenableHere ? t('statement.csvNotHere') : error instanceof ApiError ? error.message : t('statement.downloadFailed'));
    } finally {
      setBusy(null);
    }
  };

  return (
    <View className='bx-statement__actions' data-testid='statement-downloads'>
      <Button block loading={busy === 'pdf'} disabled={busy !== null} onClick={() => void download('pdf')} testId='statement-download-pdf'>
        {t('statement.downloadPdf')}
      </Button>
      <Button block variant='secondary' loading={busy === 'csv'} disabled={busy !== null} onClick={() => void download('csv')} testId='statement-download-csv'>
        {t('statement.downloadCsv')}
      </Button>
      <View className='bx-statement__detail'>{t('statement.downloadHint')}</View>
      {failure ? (
        <Notice tone='danger' testId='statement-download-failure'>
          {failure}
        </Notice>
      ) : null}
    </View>
  );
}
