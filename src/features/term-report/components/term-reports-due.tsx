import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { Button, Card } from '@/components/ui';
import { useT } from '@/lib/i18n';
import { ROUTES } from '@/lib/routes';
import { termName } from '@/lib/term-name';
import { fetchTermReports } from '../api';

/**
 * On the student's home: terms a report would be welcome for (never required). Shows nothing while
 * loading, on error or when nothing is due — the home stays calm.
 */
export function TermReportsDue() {
  const t = useT();
  const [due, setDue] = useState<string[]>([]);
  useEffect(() => {
    let live = true;
    fetchTermReports()
      .then((answer) => live && setDue(answer.dueTerms))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  if (due.length === 0) return null;
  return (
    <Card title={t('termReport.dueTitle')} testId='term-reports-due'>
      {due.map((term) => (
        <View key={term} className='bx-term__due' data-testid='term-report-due' data-term={term}>
          {t('termReport.due', { term: termName(t, term) })}
        </View>
      ))}
      <Button variant='secondary' testId='term-report-write' onClick={() => void Taro.navigateTo({ url: `${ROUTES.studentTermReport}?term=${due[0]}` })}>
        {t('termReport.write')}
      </Button>
    </Card>
  );
}
