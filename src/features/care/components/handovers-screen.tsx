import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useCallback, useState, type ReactNode } from 'react';
import { Button, Card, FormField, ListFooter, Notice, PageHeader, Segmented, StateView, TextInput } from '@/components/ui';
import { fetchNgoOverview } from '@/features/staff';
import { usePagedList } from '@/hooks/use-paged-list';
import { useResource } from '@/hooks/use-resource';
import { errorMessage } from '@/lib/api-client';
import { confirmAction, toast, type ConfirmRequest } from '@/lib/dialog';
import { formatDate, formatDateTime, formatGrade } from '@/lib/format';
import { useLocale, useT } from '@/lib/i18n';
import { useOperationKey } from '@/lib/idempotency';
import { acceptHandover, fetchHandovers, rejectHandover, type Handover } from '../api';
import { CONSENT_METHODS } from '../outcome';
import './care.css';

const PAGE_SIZE = 20;
const REASON_MAX = 500;
type Caseworker = { id: string; name: string };
type ConsentMethod = (typeof CONSENT_METHODS)[number];
const isConsentMethod = (value: string): value is ConsentMethod => (CONSENT_METHODS as readonly string[]).includes(value);

/** The NGO admin's incoming handovers: accept (choosing a caseworker) or reject (with a reason). */
export function HandoversScreen({ headerAction }: { headerAction?: ReactNode }) {
  const t = useT();
  const fetchPage = useCallback((cursor: string | undefined) => fetchHandovers({ status: 'pending', limit: PAGE_SIZE, cursor }), []);
  const list = usePagedList<Handover>(fetchPage);
  const overview = useResource('ngo-overview', fetchNgoOverview);
  const [decided, setDecided] = useState<ReadonlySet<string>>(new Set());

  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    void list.loadMore();
  });

  const items = list.items.filter((h) => !decided.has(h.id));
  const caseworkers = overview.data?.caseworkers ?? [];
  return (
    <View className='bx-care' data-testid='handovers'>
      <PageHeader title={t('care.handoversTitle')} subtitle={t('care.handoversIntro')} action={headerAction} />
      {list.status === 'loading' ? <StateView state='loading' /> : null}
      {list.status === 'error' ? <StateView state='error' message={list.error ?? undefined} onRetry={() => void list.reload()} /> : null}
      {list.status === 'ready' && items.length === 0 && !list.hasMore ? (
        <StateView state='empty' title={t('care.handoversEmpty')} testId='handovers-empty' />
      ) : null}
      {list.status === 'ready' && (items.length > 0 || list.hasMore) ? (
        <View className='bx-care__list'>
          {list.error ? <Notice tone='danger'>{list.error}</Notice> : null}
          <View className='bx-care__grid'>
            {items.map((handover) => (
              <HandoverCard key={handover.id} handover={handover} caseworkers={caseworkers} onDone={() => setDecided((s) => new Set(s).add(handover.id))} />
            ))}
          </View>
          <ListFooter hasMore={list.hasMore} loadingMore={list.loadingMore} onLoadMore={() => void list.loadMore()} />
        </View>
      ) : null}
    </View>
  );
}

function HandoverCard({ handover, caseworkers, onDone }: { handover: Handover; caseworkers: Caseworker[]; onDone: () => void }) {
  const t = useT();
  const locale = useLocale();
  const [mode, setMode] = useState<'idle' | 'accept' | 'reject'>('idle');
  const [caseworkerId, setCaseworkerId] = useState('');
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const operation = useOperationKey();
  const { student, consent } = handover;

  const decide = async (question: ConfirmRequest, identity: string, send: (key: string) => Promise<void>) => {
    if (busy) return;
    setError(null);
    if (!(await confirmAction(question))) return;
    setBusy(true);
    try {
      await send(operation.for(identity));
      operation.done();
      toast('care.handoverDecided');
      onDone();
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(false);
    }
  };

  const accept = () => {
    if (!caseworkerId) return setFieldError(t('care.error.chooseCaseworker'));
    setFieldError(null);
    const name = caseworkers.find((c) => c.id === caseworkerId)?.name ?? '';
    return decide(
      { title: t('care.acceptTitle'), content: t('care.acceptBody', { name: student.displayName, caseworker: name }), confirm: 'care.confirmAccept' },
      `accept:${caseworkerId}`,
      (key) => acceptHandover(handover.id, { caseworkerId }, key),
    );
  };
  const reject = () => {
    const text = reason.trim();
    if (!text) return setFieldError(t('care.error.required'));
    setFieldError(null);
    return decide(
      { title: t('care.rejectTitle'), content: t('care.rejectBody', { name: student.displayName, ngo: handover.fromNgo.name }), confirm: 'care.confirmReject' },
      `reject:${text}`,
      (key) => rejectHandover(handover.id, { reason: text }, key),
    );
  };

  return (
    <Card testId='handover' data={{ 'data-id': handover.id }} title={t('care.handoverFrom', { name: student.displayName, ngo: handover.fromNgo.name })}>
      <View className='bx-care-case__facts'>{`${formatGrade(locale, student.grade, student.schoolStage)} · ${student.city}`}</View>
      <View className='bx-care-case__facts' data-testid='handover-consent'>
        {t('care.handoverConsent', { guardian: consent.guardianName, relation: consent.relation, method: isConsentMethod(consent.method) ? t(`consent.method.${consent.method}`) : consent.method, date: formatDate(consent.consentedOn, locale) })}
      </View>
      {handover.note ? <View className='bx-care-line__note'>{handover.note}</View> : null}
      <View className='bx-care-line__meta'>{t('care.requestedAt', { when: formatDateTime(handover.requestedAt, locale) })}</View>

      {mode === 'accept' ? (
        <FormField name='caseworkerId' label={t('care.acceptCaseworker')} error={fieldError}>
          <Segmented label={t('care.acceptCaseworker')} options={caseworkers.map((c) => ({ value: c.id, label: c.name }))} value={caseworkerId} onChange={setCaseworkerId} testIdPrefix='handover-caseworker' />
        </FormField>
      ) : null}
      {mode === 'reject' ? (
        <TextInput name='reason' label={t('care.rejectReason')} value={reason} onChange={setReason} maxlength={REASON_MAX} multiline error={fieldError} testId='handover-reason' disabled={busy} />
      ) : null}
      {error ? (
        <Notice tone='danger' testId='handover-error'>
          {error}
        </Notice>
      ) : null}
      <View className='bx-care__actions'>
        {mode === 'idle' ? (
          <>
            <Button testId='handover-accept' label={t('care.acceptLabel', { name: student.displayName })} onClick={() => setMode('accept')}>
              {t('care.accept')}
            </Button>
            <Button variant='secondary' testId='handover-reject' label={t('care.rejectLabel', { name: student.displayName })} onClick={() => setMode('reject')}>
              {t('care.reject')}
            </Button>
          </>
        ) : (
          <>
            <Button loading={busy} testId='handover-confirm' onClick={() => void (mode === 'accept' ? accept() : reject())}>
              {mode === 'accept' ? t('care.acceptSave') : t('care.rejectSave')}
            </Button>
            <Button
              variant='quiet'
              disabled={busy}
              onClick={() => {
                setMode('idle');
                setFieldError(null);
              }}
            >
              {t('common.cancel')}
            </Button>
          </>
        )}
      </View>
    </Card>
  );
}
