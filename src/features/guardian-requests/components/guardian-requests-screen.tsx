import Taro, { useDidShow } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useRef, useState, type ReactNode } from 'react';
import { Button, Card, ChoiceField, DateField, ListFooter, ListItem, Notice, PageHeader, Section, StateView, StatusBadge, TextInput } from '@/components/ui';
import { chinaToday } from '@/lib/china-date';
import { useResource } from '@/hooks/use-resource';
import { errorMessage } from '@/lib/api-client';
import { note, toast } from '@/lib/dialog';
import { formatDate } from '@/lib/format';
import { useLocale, useT } from '@/lib/i18n';
import { useOperationKey } from '@/lib/idempotency';
import { fetchRequests, recordRequest, type GuardianRequestList, type GuardianRequestView } from '../api';
import { guardianRequestRoutes } from '../routes';
import { checkRequestForm, GUARDIAN_REQUEST_CHANNELS, GUARDIAN_REQUEST_KINDS, GUARDIAN_REQUEST_LIMITS, type RequestFormErrors, type RequestFormValues } from '../rules';
import { statusTone } from './status';
import './guardian-requests.css';

export interface GuardianRequestsScreenProps {
  studentId: string;
  headerAction?: ReactNode;
  now?: Date;
}

/** A student's guardian requests (access, correction, deletion) and recording a new one. Staff of the student's NGO. */
export function GuardianRequestsScreen({ studentId, headerAction, now }: GuardianRequestsScreenProps) {
  const t = useT();
  const locale = useLocale();
  const resource = useResource(`guardian-requests:${studentId}`, () => fetchRequests(studentId));
  const [more, setMore] = useState<{ items: GuardianRequestView[]; cursor: string | null; loading: boolean }>({ items: [], cursor: null, loading: false });
  const [recording, setRecording] = useState(false);

  // Back from a request's page: show where it stands now.
  const shownOnce = useRef(false);
  useDidShow(() => {
    if (shownOnce.current) void resource.reload();
    shownOnce.current = true;
  });

  if (resource.status === 'loading' || resource.status === 'idle') return <StateView state='loading' />;
  if (!resource.data) return <StateView state='error' message={resource.error ?? undefined} onRetry={() => void resource.reload()} />;
  const list: GuardianRequestList = resource.data;
  const items = [...list.items, ...more.items.filter((m) => !list.items.some((i) => i.id === m.id))];
  const cursor = more.cursor ?? (more.items.length === 0 ? list.nextCursor : null);

  const loadMore = async () => {
    if (!cursor || more.loading) return;
    setMore((m) => ({ ...m, loading: true }));
    try {
      const page = await fetchRequests(studentId, cursor);
      setMore((m) => ({ items: [...m.items, ...page.items], cursor: page.nextCursor, loading: false }));
    } catch (error) {
      setMore((m) => ({ ...m, loading: false }));
      note(errorMessage(error));
    }
  };

  return (
    <View className='bx-rights' data-testid='guardian-requests'>
      <PageHeader title={t('rights.title')} subtitle={list.student.legalName} action={headerAction} />
      <Notice tone='info'>{t('rights.intro')}</Notice>
      {list.student.anonymisedAt ? (
        <Notice tone='warm' testId='rights-anonymised'>
          {t('rights.anonymised', { date: formatDate(list.student.anonymisedAt, locale) })}
        </Notice>
      ) : null}

      <Section title={t('rights.recordTitle')}>
        {recording ? (
          <RequestForm
            studentId={studentId}
            now={now}
            onCancel={() => setRecording(false)}
            onSaved={(saved) => {
              setRecording(false);
              void resource.reload();
              void Taro.navigateTo({ url: guardianRequestRoutes.request(saved.id) });
            }}
          />
        ) : (
          <Button variant='secondary' onClick={() => setRecording(true)} testId='rights-record-open'>
            {t('rights.recordOpen')}
          </Button>
        )}
      </Section>

      <Section title={t('rights.listTitle')} testId='rights-list'>
        {items.length === 0 ? <View className='bx-rights__meta'>{t('rights.none')}</View> : null}
        {items.map((r) => (
          <ListItem
            key={r.id}
            testId='rights-item'
            title={`${t(`rights.kind.${r.kind}`)} · ${r.guardianName}（${r.guardianRelation}）`}
            subtitle={t('rights.itemSubtitle', { date: formatDate(r.receivedOn, locale), via: t(`rights.channel.${r.receivedVia}`) })}
            extra={
              <StatusBadge tone={statusTone(r.status)} value={r.status}>
                {t(`rights.status.${r.status}`)}
              </StatusBadge>
            }
            label={t('rights.openRequest', { kind: t(`rights.kind.${r.kind}`) })}
            onClick={() => void Taro.navigateTo({ url: guardianRequestRoutes.request(r.id) })}
          />
        ))}
        {items.length > 0 ? <ListFooter hasMore={cursor !== null} loadingMore={more.loading} onLoadMore={() => void loadMore()} /> : null}
      </Section>
    </View>
  );
}

const EMPTY: RequestFormValues = { kind: '', guardianName: '', guardianRelation: '', receivedVia: '', receivedOn: '', details: '' };

function RequestForm({ studentId, now, onCancel, onSaved }: { studentId: string; now?: Date; onCancel: () => void; onSaved: (saved: GuardianRequestView) => void }) {
  const t = useT();
  const [values, setValues] = useState<RequestFormValues>(() => ({ ...EMPTY, receivedOn: chinaToday(now) }));
  const [errors, setErrors] = useState<RequestFormErrors>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const operation = useOperationKey();
  const set = (field: keyof RequestFormValues) => (value: string) => setValues((v) => ({ ...v, [field]: value }));
  const problem = (field: keyof RequestFormValues) => {
    const code = errors[field];
    return code ? t(`rights.problem.${code}`, { max: field === 'details' ? GUARDIAN_REQUEST_LIMITS.details : GUARDIAN_REQUEST_LIMITS.name }) : null;
  };

  const submit = async () => {
    if (busy) return;
    setFailure(null);
    const checked = checkRequestForm(values, chinaToday(now));
    if ('errors' in checked) return setErrors(checked.errors);
    setErrors({});
    setBusy(true);
    try {
      const saved = await recordRequest(studentId, checked.body, operation.for(JSON.stringify(checked.body)));
      operation.done();
      toast('rights.recorded');
      onSaved(saved);
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card testId='rights-form'>
      <ChoiceField
        name='kind'
        label={t('rights.kindLabel')}
        error={problem('kind')}
        options={GUARDIAN_REQUEST_KINDS.map((k) => ({ value: k, label: t(`rights.kind.${k}`) }))}
        value={values.kind}
        onChange={set('kind')}
        testIdPrefix='rights-kind'
      />
      <TextInput name='guardianName' label={t('rights.guardianName')} value={values.guardianName} onChange={set('guardianName')} error={problem('guardianName')} testId='rights-guardian' maxlength={GUARDIAN_REQUEST_LIMITS.name} disabled={busy} />
      <TextInput
        name='guardianRelation'
        label={t('rights.guardianRelation')}
        hint={t('rights.relationHint')}
        value={values.guardianRelation}
        onChange={set('guardianRelation')}
        error={problem('guardianRelation')}
        testId='rights-relation'
        maxlength={GUARDIAN_REQUEST_LIMITS.relation}
        disabled={busy}
      />
      <ChoiceField
        name='receivedVia'
        label={t('rights.receivedVia')}
        error={problem('receivedVia')}
        options={GUARDIAN_REQUEST_CHANNELS.map((c) => ({ value: c, label: t(`rights.channel.${c}`) }))}
        value={values.receivedVia}
        onChange={set('receivedVia')}
        testIdPrefix='rights-via'
      />
      <DateField
        name='receivedOn'
        label={t('rights.receivedOn')}
        placeholder={t('form.pickDate')}
        value={values.receivedOn}
        onChange={set('receivedOn')}
        end={chinaToday(now)}
        error={problem('receivedOn')}
        testId='rights-received-on'
        disabled={busy}
      />
      <TextInput
        name='details'
        label={t('rights.details')}
        hint={t('rights.detailsHint')}
        value={values.details}
        onChange={set('details')}
        error={problem('details')}
        testId='rights-details'
        maxlength={GUARDIAN_REQUEST_LIMITS.details}
        multiline
        disabled={busy}
      />
      {failure ? (
        <Notice tone='danger' testId='rights-form-failure'>
          {failure}
        </Notice>
      ) : null}
      <View className='bx-rights__actions'>
        <Button loading={busy} onClick={() => void submit()} testId='rights-submit'>
          {t('rights.submit')}
        </Button>
        <Button variant='secondary' disabled={busy} onClick={onCancel} testId='rights-cancel'>
          {t('common.cancel')}
        </Button>
      </View>
    </Card>
  );
}
