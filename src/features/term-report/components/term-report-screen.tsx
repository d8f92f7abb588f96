import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Image, Input, Textarea, View } from '@tarojs/components';
import { useCallback, useEffect, useState } from 'react';
import { Button, Card, Notice, PageHeader, Section, StateView, cx } from '@/components/ui';
import { SupportCard, supportLevelOf } from '@/features/checkin';
import { pickPhotos, PrivacyPopup } from '@/features/privacy';
import { errorMessage } from '@/lib/api-client';
import { chinaToday } from '@/lib/china-date';
import { formatDate, formatGrade } from '@/lib/format';
import { useLocale, useT } from '@/lib/i18n';
import { kickOutbox, refusalMessage, useOutbox } from '@/lib/outbox';
import { termName } from '@/lib/term-name';
import { normaliseTerm, recentTerms } from '../../../../domain/terms';
import { fetchTermReports, queueTermReport, type StudentTermReports } from '../api';
import { GRADE_MAX, GRADE_MIN, TERM_RESULT_MAX, TERMS_OFFERED } from '../rules';
import './term-report.css';

type Load = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; data: StudentTermReports };

export interface TermReportScreenProps {
  /** The term to start with (from `?term=`). */
  initialTerm?: string;
  /** The student's grade now, to start with. */
  initialGrade?: number;
}

/** Writing a term report (grade, a line on how it went, an optional report-card photo) and the ones before. */
export function TermReportScreen({ initialTerm, initialGrade }: TermReportScreenProps) {
  const t = useT();
  const locale = useLocale();
  const { items: queued, sent } = useOutbox();
  const terms = recentTerms(chinaToday(), TERMS_OFFERED);
  const asked = initialTerm ? normaliseTerm(initialTerm) : null;
  if (asked && !terms.includes(asked)) terms.unshift(asked);
  const [term, setTerm] = useState(asked ?? terms[0]);
  const [grade, setGrade] = useState(String(initialGrade ?? ''));
  const [result, setResult] = useState('');
  const [photo, setPhoto] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [queuedId, setQueuedId] = useState<string | null>(null);
  const [support, setSupport] = useState<'urgent' | 'concern' | null>(null);
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  // One report per term: a term already reported is shown as such and cannot be chosen again.
  const sentTerms = load.state === 'ready' ? load.data.items.map((r) => r.term) : [];
  const sentKey = sentTerms.join();
  useEffect(() => {
    if (!sentTerms.includes(term)) return;
    const open = terms.find((value) => !sentTerms.includes(value));
    if (open) setTerm(open);
    // Only when the reports arrive, not on every choice.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sentKey]);

  const reload = useCallback(async () => {
    try {
      setLoad({ state: 'ready', data: await fetchTermReports() });
    } catch (failure) {
      setLoad((current) => (current.state === 'ready' ? current : { state: 'error', message: errorMessage(failure) }));
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh());
  });

  // Once the outbox has sent ours, show it in the list.
  const justSent = queuedId !== null && sent.some((s) => s.id === queuedId);
  useEffect(() => {
    if (justSent) void reload();
  }, [justSent, reload]);

  const choosePhoto = async () => {
    const picked = await pickPhotos(1);
    if ('failed' in picked) setError(t('termReport.photoPickFailed'));
    else if ('paths' in picked && picked.paths[0]) setPhoto(picked.paths[0]);
  };

  const submit = () => {
    setError(null);
    const gradeNumber = Number(grade);
    if (!Number.isInteger(gradeNumber) || gradeNumber < GRADE_MIN || gradeNumber > GRADE_MAX) {
      setError(t('termReport.gradeLabel') + ` ${GRADE_MIN}–${GRADE_MAX}`);
      return;
    }
    const text = result.trim();
    if (!text) {
      setError(t('termReport.resultRequired'));
      return;
    }
    try {
      const item = queueTermReport({ term, grade: gradeNumber, overallResult: text.slice(0, TERM_RESULT_MAX) }, termName(t, term), photo);
      setQueuedId(item.id);
      setSupport(supportLevelOf(text));
      setResult('');
      setPhoto(null);
      void kickOutbox();
    } catch (failure) {
      setError(refusalMessage(failure));
    }
  };

  const mine = queuedId ? queued.find((item) => item.id === queuedId) : undefined;
  let status = null;
  if (queuedId) {
    const state = mine ? (mine.status === 'failed' ? 'failed' : 'waiting') : 'sent';
    status = (
      <View data-testid='term-report-status' data-state={state}>
        <Notice tone={state === 'failed' ? 'danger' : 'warm'}>
          {state === 'sent' ? t('termReport.sent') : state === 'failed' ? (mine?.lastError ?? '') : t('outbox.savedOffline')}
        </Notice>
        {support ? <SupportCard level={support} /> : null}
      </View>
    );
  }

  return (
    <View className='bx-term' data-testid='term-report-screen'>
      <PrivacyPopup />
      <PageHeader title={t('termReport.title')} subtitle={t('termReport.intro')} />
      <Card>
        <View className='bx-term__label'>{t('termReport.termLabel')}</View>
        <View className='bx-term__terms' role='radiogroup' aria-label={t('termReport.termLabel')}>
          {terms.map((value) => {
            const alreadySent = sentTerms.includes(value);
            return (
              <View
                key={value}
                role='radio'
                aria-checked={term === value}
                aria-disabled={alreadySent}
                className={cx('bx-term__term', term === value && 'is-selected', alreadySent && 'is-sent')}
                data-testid={`term-option-${value}`}
                onClick={() => !alreadySent && setTerm(value)}
              >
                {alreadySent ? `${termName(t, value)} · ${t('termReport.alreadySent')}` : termName(t, value)}
              </View>
            );
          })}
        </View>
        <View className='bx-term__label'>{t('termReport.gradeLabel')}</View>
        <Input className='bx-term__input' type='number' value={grade} ariaLabel={t('termReport.gradeLabel')} data-testid='term-report-grade' onInput={(e) => setGrade(e.detail.value)} />
        <View className='bx-term__label'>{t('termReport.resultLabel')}</View>
        <Textarea
          className='bx-term__text'
          value={result}
          maxlength={TERM_RESULT_MAX}
          placeholder={t('termReport.resultPlaceholder')}
          ariaLabel={t('termReport.resultLabel')}
          data-testid='term-report-result'
          onInput={(e) => setResult(e.detail.value)}
        />
        <View className='bx-term__label'>{t('termReport.photoLabel')}</View>
        {photo ? (
          <View className='bx-term__photo'>
            <Image className='bx-term__image' src={photo} mode='aspectFill' data-testid='term-report-photo' />
            <Button variant='quiet' testId='term-report-remove-photo' onClick={() => setPhoto(null)}>
              {t('termReport.removePhoto')}
            </Button>
          </View>
        ) : (
          <Button variant='secondary' testId='term-report-add-photo' onClick={() => void choosePhoto()}>
            {t('termReport.addPhoto')}
          </Button>
        )}
        {error ? (
          <Notice tone='danger' testId='term-report-error'>
            {error}
          </Notice>
        ) : null}
        <Button block testId='term-report-submit' onClick={submit}>
          {t('termReport.submit')}
        </Button>
        {status}
      </Card>

      <Section title={t('termReport.past')} testId='term-report-past'>
        {load.state === 'loading' ? <StateView state='loading' /> : null}
        {load.state === 'error' ? <StateView state='error' message={load.message} onRetry={() => void reload()} /> : null}
        {load.state === 'ready' && load.data.items.length === 0 ? <StateView state='empty' message={t('termReport.none')} /> : null}
        {load.state === 'ready'
          ? load.data.items.map((report) => (
              <Card key={report.id} testId='term-report-item' data={{ 'data-id': report.id }}>
                <View className='bx-term__item-head'>
                  {termName(t, report.term)} · {formatGrade(locale, report.grade, load.data.schoolStage)}
                </View>
                <View className='bx-term__item-text'>{report.overallResult}</View>
                <View className='bx-term__muted' data-testid='term-report-author'>
                  {report.authoredBy === 'student' ? t('termReport.byStudent') : t('termReport.byCaseworker')} · {formatDate(report.createdAt, locale)}
                  {report.photoUrl ? ` · ${t('termReport.withPhoto')}` : ''}
                </View>
              </Card>
            ))
          : null}
      </Section>
    </View>
  );
}
