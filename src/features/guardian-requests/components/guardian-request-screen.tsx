import Taro, { useDidShow } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useRef, useState, type ReactNode } from 'react';
import { Button, Card, Notice, PageHeader, Section, StateView, StatusBadge, TextInput } from '@/components/ui';
import { copyText, PrivacyPopup } from '@/features/privacy';
import { useResource } from '@/hooks/use-resource';
import { errorMessage } from '@/lib/api-client';
import { confirmAction, toast } from '@/lib/dialog';
import { formatDate, formatDateTime } from '@/lib/format';
import { useLocale, useT } from '@/lib/i18n';
import { saveJsonFile } from '@/lib/save-json';
import {
  completeRequest,
  eraseForRequest,
  fetchRequest,
  produceDataPackage,
  refuseRequest,
  type ErasureResult,
  type GuardianRequestDetail,
  type StudentDataPackage,
} from '../api';
import { guardianRequestRoutes } from '../routes';
import { GUARDIAN_REQUEST_LIMITS, requestActions } from '../rules';
import { DataPackageView } from './data-package-view';
import { statusTone } from './status';
import './guardian-requests.css';

export interface GuardianRequestScreenProps {
  requestId: string;
  headerAction?: ReactNode;
}

/** One guardian request: what was asked, and the steps that answer it (each confirmed, each audited on the server). */
export function GuardianRequestScreen({ requestId, headerAction }: GuardianRequestScreenProps) {
  const t = useT();
  const locale = useLocale();
  const resource = useResource(`guardian-request:${requestId}`, () => fetchRequest(requestId));
  const [dataPackage, setDataPackage] = useState<StudentDataPackage | null>(null);
  const [erasure, setErasure] = useState<ErasureResult | null>(null);
  const [busy, setBusy] = useState<'package' | 'save' | 'erase' | 'complete' | 'refuse' | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  // Back from correcting the record: the request now shows it was acted on.
  const shownOnce = useRef(false);
  useDidShow(() => {
    if (shownOnce.current) void resource.reload();
    shownOnce.current = true;
  });

  if (resource.status === 'loading' || resource.status === 'idle') return <StateView state='loading' />;
  if (!resource.data) return <StateView state='error' message={resource.error ?? undefined} onRetry={() => void resource.reload()} />;
  const { request: r, student } = resource.data;
  const actions = requestActions(r.kind, r.status);
  const kind = t(`rights.kind.${r.kind}`);
  const update = (next: Partial<GuardianRequestDetail>) => resource.replace({ ...resource.data!, ...next });

  /** Runs one step at a time; true when it succeeded (a failure is shown above the steps). */
  const run = async (step: NonNullable<typeof busy>, work: () => Promise<void>): Promise<boolean> => {
    if (busy) return false;
    setFailure(null);
    setBusy(step);
    try {
      await work();
      return true;
    } catch (error) {
      setFailure(errorMessage(error));
      return false;
    } finally {
      setBusy(null);
    }
  };

  const produce = () =>
    run('package', async () => {
      const answer = await produceDataPackage(r.id);
      setDataPackage(answer.dataPackage);
      update({ request: answer.request });
    });

  const save = () =>
    run('save', async () => {
      if (!dataPackage) return;
      const result = await saveJsonFile(`banxue-student-data-${dataPackage.generatedAt.slice(0, 10)}.json`, dataPackage, copyText);
      if (result.kind === 'declined') return;
      setSaved(result.kind === 'downloaded' ? t('rights.pkg.downloaded', { file: result.file }) : t('rights.pkg.copied'));
    });

  const erase = async () => {
    const yes = await confirmAction({
      title: t('rights.delete.confirmTitle', { name: student.legalName }),
      content: t('rights.delete.confirmBody'),
      confirm: 'rights.delete.confirm',
      danger: true,
    });
    if (!yes) return;
    const done = await run('erase', async () => {
      const result = await eraseForRequest(r.id);
      setErasure(result);
      update({ request: result.request, student: result.student });
    });
    if (done) toast('rights.completed');
  };

  return (
    <View className='bx-rights' data-testid='guardian-request' data-id={r.id}>
      <PageHeader title={t('rights.requestTitle', { kind })} subtitle={student.legalName} action={headerAction} />
      <Card>
        <View className='bx-rights__facts'>
          <View className='bx-rights__label'>{t('rights.fact.status')}</View>
          <View>
            <StatusBadge tone={statusTone(r.status)} value={r.status} testId='rights-status'>
              {t(`rights.status.${r.status}`)}
            </StatusBadge>
          </View>
          <View className='bx-rights__label'>{t('rights.fact.guardian')}</View>
          <View>{`${r.guardianName}（${r.guardianRelation}）`}</View>
          <View className='bx-rights__label'>{t('rights.fact.received')}</View>
          <View>{t('rights.itemSubtitle', { date: formatDate(r.receivedOn, locale), via: t(`rights.channel.${r.receivedVia}`) })}</View>
          <View className='bx-rights__label'>{t('rights.fact.details')}</View>
          <View className='bx-rights__text'>{r.details || '—'}</View>
          <View className='bx-rights__label'>{t('rights.fact.recorded')}</View>
          <View>{`${r.recordedByName} · ${formatDateTime(r.recordedAt, locale)}`}</View>
          {r.actedAt ? (
            <>
              <View className='bx-rights__label'>{t('rights.fact.acted')}</View>
              <View>{formatDateTime(r.actedAt, locale)}</View>
            </>
          ) : null}
          {r.closedAt ? (
            <>
              <View className='bx-rights__label'>{t('rights.fact.closed')}</View>
              <View data-testid='rights-closed'>{`${r.closedByName ?? ''} · ${formatDateTime(r.closedAt, locale)}${r.closingNote ? ` · ${r.closingNote}` : ''}`}</View>
            </>
          ) : null}
        </View>
      </Card>
      {student.anonymisedAt ? (
        <Notice tone='warm' testId='rights-anonymised'>
          {t('rights.anonymised', { date: formatDate(student.anonymisedAt, locale) })}
        </Notice>
      ) : null}
      {erasure ? (
        <Notice tone='info' testId='rights-erased'>
          {erasure.erasedNow ? t('rights.delete.done', { letters: erasure.counts.letters, photos: erasure.counts.photos, contacts: erasure.counts.contacts }) : t('rights.delete.already')}
        </Notice>
      ) : null}
      {failure ? (
        <Notice tone='danger' testId='rights-failure'>
          {failure}
        </Notice>
      ) : null}

      {actions.act && r.kind === 'access' ? (
        <Section title={t('rights.access.title')} hint={t('rights.access.hint')}>
          <Button variant={dataPackage ? 'secondary' : 'primary'} loading={busy === 'package'} onClick={() => void produce()} testId='rights-produce'>
            {t('rights.access.produce')}
          </Button>
          {saved ? <Notice tone='info' testId='rights-package-saved'>{saved}</Notice> : null}
          {dataPackage ? <DataPackageView data={dataPackage} onSave={() => void save()} saving={busy === 'save'} /> : null}
          {/* Copying the package in a mini-program is a privacy API: WeChat's privacy step opens here. */}
          <PrivacyPopup />
        </Section>
      ) : null}

      {actions.act && r.kind === 'correct' ? (
        <Section title={t('rights.correct.title')} hint={t('rights.correct.hint')}>
          <Button onClick={() => void Taro.navigateTo({ url: guardianRequestRoutes.correction(r.studentId, r.id) })} testId='rights-correct' disabled={student.anonymisedAt !== null}>
            {t('rights.correct.edit')}
          </Button>
        </Section>
      ) : null}

      {actions.act && r.kind === 'delete' ? (
        <Section title={t('rights.delete.title')} hint={t('rights.delete.hint')}>
          <Button loading={busy === 'erase'} onClick={() => void erase()} testId='rights-erase' label={t('rights.delete.eraseLabel', { name: student.legalName })}>
            {t('rights.delete.erase')}
          </Button>
        </Section>
      ) : null}

      {actions.complete ? <CompleteForm busy={busy === 'complete'} kind={r.kind} onComplete={(note) => run('complete', async () => update({ request: await completeRequest(r.id, { note }) }))} /> : null}
      {actions.refuse ? <RefuseForm busy={busy === 'refuse'} onRefuse={(reason) => run('refuse', async () => update({ request: await refuseRequest(r.id, reason) }))} /> : null}
    </View>
  );
}

function CompleteForm({ busy, kind, onComplete }: { busy: boolean; kind: 'access' | 'correct' | 'delete'; onComplete: (note: string | undefined) => Promise<boolean> }) {
  const t = useT();
  const [note, setNote] = useState('');
  const submit = async () => {
    const yes = await confirmAction({ title: t('rights.complete.confirmTitle'), content: t('rights.complete.confirmBody'), confirm: 'rights.complete.confirm' });
    if (!yes) return;
    if (await onComplete(note.trim() || undefined)) toast('rights.completed');
  };
  return (
    <Section title={t('rights.complete.title')}>
      <TextInput name='note' label={t('rights.complete.note')} value={note} onChange={setNote} testId='rights-complete-note' maxlength={GUARDIAN_REQUEST_LIMITS.note} multiline disabled={busy} />
      <Button loading={busy} onClick={() => void submit()} testId='rights-complete'>
        {kind === 'access' ? t('rights.complete.access') : t('rights.complete.correct')}
      </Button>
    </Section>
  );
}

function RefuseForm({ busy, onRefuse }: { busy: boolean; onRefuse: (reason: string) => Promise<boolean> }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (!open) {
    return (
      <Button variant='quiet' onClick={() => setOpen(true)} testId='rights-refuse-open'>
        {t('rights.refuse.open')}
      </Button>
    );
  }
  const submit = async () => {
    const text = reason.trim();
    if (!text) return setError(t('rights.problem.required'));
    setError(null);
    const yes = await confirmAction({ title: t('rights.refuse.confirmTitle'), content: t('rights.refuse.confirmBody', { reason: text }), confirm: 'rights.refuse.confirm' });
    if (!yes) return;
    if (await onRefuse(text)) toast('rights.refused');
  };
  return (
    <Section title={t('rights.refuse.title')}>
      <TextInput
        name='reason'
        label={t('rights.refuse.reason')}
        hint={t('rights.refuse.hint')}
        value={reason}
        onChange={setReason}
        error={error}
        testId='rights-refuse-reason'
        maxlength={GUARDIAN_REQUEST_LIMITS.note}
        multiline
        disabled={busy}
      />
      <Button loading={busy} onClick={() => void submit()} testId='rights-refuse'>
        {t('rights.refuse.submit')}
      </Button>
    </Section>
  );
}
