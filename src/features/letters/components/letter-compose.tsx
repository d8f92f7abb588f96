import Taro from '@tarojs/taro';
import { Image, Text, Textarea, View } from '@tarojs/components';
import { useCallback, useEffect, useState } from 'react';
import { LETTER_BODY_MAX, LETTER_PHOTOS_MAX } from '../limits';
import { Button, Card, Notice, PageHeader, Section, StateView, cx } from '@/components/ui';
import { useMe } from '@/features/auth';
import { SupportCard, supportLevelOf } from '@/features/checkin';
import { pickPhotos, PrivacyPopup } from '@/features/privacy';
import { errorMessage } from '@/lib/api-client';
import { confirmAction, note, toast } from '@/lib/dialog';
import { useLocale, useT } from '@/lib/i18n';
import { kickOutbox, outbox, refusalMessage } from '@/lib/outbox';
import { letterRoutes, type LetterRole } from '@/lib/routes';
import { fetchLetter, queueLetter, uploadLetterPhoto, type LetterDetail } from '../api';
import { draftKey, EMPTY_DRAFT, isDraftEmpty, useLetterDraftStore, type DraftPhoto, type DraftTarget } from '@/lib/letter-drafts';
import { useLiveScreening } from '../live-screening';
import { BackLink } from './back-link';
import { FindingList } from './letter-text';
import './letters.css';

export interface LetterComposeProps {
  role: LetterRole;
  target: DraftTarget;
  /** The addressee's name for a new letter, when the page was given it. */
  name?: string;
  /** A new letter starts from this text (unless a draft exists); the writer may change all of it. */
  suggestedBody?: string;
}

type Original = { state: 'none' } | { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; letter: LetterDetail };
/** Sent (or safely queued), with a student's words that call for the support card first: where to go after it. */
type AfterSend = { level: 'urgent' | 'concern'; leave: () => void };

let photoSequence = 0;
function nextPhotoKey(): string {
  photoSequence += 1;
  return `p${Date.now().toString(36)}${photoSequence}`;
}

/**
 * Writing a letter, a reply, or a returned letter again. The draft (text, uploaded photos and the send
 * key) lives on the device, so closing the page or losing the network loses nothing.
 */
export function LetterCompose({ role, target, name, suggestedBody }: LetterComposeProps) {
  const t = useT();
  const locale = useLocale();
  const me = useMe();
  const routes = letterRoutes(role);
  const key = draftKey(target, me?.accountId);
  const draft = useLetterDraftStore((state) => state.drafts[key]) ?? EMPTY_DRAFT;
  const store = useLetterDraftStore.getState;

  const [original, setOriginal] = useState<Original>(target.kind === 'new' ? { state: 'none' } : { state: 'loading' });
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [afterSend, setAfterSend] = useState<AfterSend | null>(null);
  const liveFindings = useLiveScreening(draft.body, locale);

  const letterId = target.kind === 'new' ? null : target.letterId;
  const loadOriginal = useCallback(async () => {
    if (!letterId) return;
    setOriginal({ state: 'loading' });
    try {
      const letter = await fetchLetter(letterId);
      setOriginal({ state: 'ready', letter });
    } catch (failure) {
      setOriginal({ state: 'error', message: errorMessage(failure) });
    }
  }, [letterId]);

  useEffect(() => {
    void loadOriginal();
  }, [loadOriginal]);

  // Editing a returned letter starts from its text and photos (unless a draft of the edit exists).
  useEffect(() => {
    if (target.kind !== 'resubmit' || original.state !== 'ready' || !original.letter.canEdit) return;
    store().ensure(key, {
      body: original.letter.body,
      photos: original.letter.photos.map((photo) => ({ key: `orig-${photo.id}`, src: photo.url, id: photo.id, status: 'done' })),
    });
  }, [target.kind, original, key, store]);

  useEffect(() => {
    if (target.kind === 'new' && suggestedBody) store().ensure(key, { body: suggestedBody });
  }, [target.kind, suggestedBody, key, store]);

  const upload = async (photoKey: string, path: string) => {
    store().updatePhoto(key, photoKey, { status: 'uploading' });
    try {
      const uploaded = await uploadLetterPhoto(path);
      store().updatePhoto(key, photoKey, { status: 'done', id: uploaded.id });
    } catch (failure) {
      store().updatePhoto(key, photoKey, { status: 'failed' });
      setNotice(errorMessage(failure));
    }
  };

  const addPhotos = async () => {
    setNotice(null);
    const left = LETTER_PHOTOS_MAX - draft.photos.length;
    if (left <= 0) {
      setNotice(t('compose.photosFull', { max: LETTER_PHOTOS_MAX }));
      return;
    }
    // The privacy step first (weapp), then the picker; photos come back compressed.
    const picked = await pickPhotos(left);
    if (!('paths' in picked)) {
      // Changing one's mind is not an error; anything else (no permission, no album) is said kindly.
      if ('failed' in picked) setNotice(t('compose.photoPickFailed'));
      return;
    }
    const paths = picked.paths;
    // The count is checked again here: some platforms let people pick more than asked.
    const room = LETTER_PHOTOS_MAX - (store().drafts[key]?.photos.length ?? 0);
    if (paths.length > room) setNotice(t('compose.photosFull', { max: LETTER_PHOTOS_MAX }));
    const added: DraftPhoto[] = paths.slice(0, Math.max(0, room)).map((path) => ({ key: nextPhotoKey(), src: path, id: null, status: 'uploading' }));
    if (added.length === 0) return;
    store().addPhotos(key, added);
    await Promise.all(added.map((photo) => upload(photo.key, photo.src)));
  };

  const send = async () => {
    if (sending) return;
    setError(null);
    const text = draft.body.trim();
    if (!text) {
      setError(t('compose.empty'));
      return;
    }
    if (draft.body.length > LETTER_BODY_MAX) {
      setError(t('compose.tooLong', { max: LETTER_BODY_MAX }));
      return;
    }
    if (draft.photos.some((photo) => photo.status === 'uploading')) {
      setError(t('compose.waitUploads'));
      return;
    }
    // Uploaded photos go by id; one whose upload failed (offline) goes with the letter: the outbox
    // uploads it first when it sends.
    const photoIds = draft.photos.filter((photo) => photo.status === 'done' && photo.id).map((photo) => photo.id as string);
    const later = draft.photos.filter((photo) => photo.status !== 'done' || !photo.id).map((photo) => photo.src);
    const idempotencyKey = store().sendKey(key);
    let itemId: string;
    try {
      itemId = queueLetter(target, { body: text, photoIds }, later, idempotencyKey).id;
    } catch (failure) {
      setError(refusalMessage(failure));
      return;
    }
    setSending(true);
    try {
      await kickOutbox();
    } finally {
      setSending(false);
    }
    const outcome = outbox.outcomeOf(itemId);
    if (outcome === 'failed') {
      // Refused (e.g. a rule): the draft and its key stay for editing; the outbox need not keep it.
      setError(outbox.get(itemId)?.lastError ?? t('errors.generic'));
      outbox.discard(itemId);
      return;
    }
    store().clear(key);
    let leave: () => void;
    if (outcome === 'sent') {
      const sent = outbox.sentRecord(itemId)?.response as LetterDetail | undefined;
      toast('compose.sent');
      leave = () => {
        if (target.kind === 'resubmit' && Taro.getCurrentPages().length > 1) void Taro.navigateBack({ delta: 1 });
        else void Taro.redirectTo({ url: sent?.id ? routes.letter(sent.id) : routes.list() });
      };
    } else {
      // Offline or the server busy: it is safe on the phone and goes by itself, with the same key.
      note(t('outbox.savedOffline'));
      leave = () => {
        if (Taro.getCurrentPages().length > 1) void Taro.navigateBack({ delta: 1 });
        else void Taro.redirectTo({ url: routes.list() });
      };
    }
    // A student whose words may show they are struggling sees how to reach a person before anything else.
    const support = role === 'student' ? supportLevelOf(text) : null;
    if (support) setAfterSend({ level: support, leave });
    else leave();
  };

  const discard = async () => {
    if (!isDraftEmpty(draft)) {
      const yes = await confirmAction({ title: t('compose.discardTitle'), content: t('compose.discardBody'), confirm: 'compose.discardConfirm' });
      if (!yes) return;
    }
    store().clear(key);
    if (Taro.getCurrentPages().length > 1) void Taro.navigateBack({ delta: 1 });
    else void Taro.redirectTo({ url: routes.list() });
  };

  const title =
    target.kind === 'reply' ? t('compose.titleReply') : target.kind === 'resubmit' ? t('compose.titleResubmit') : t('compose.titleNew');
  const head = <PageHeader title={title} action={<BackLink fallback={routes.list()} />} testId='compose-title' />;

  if (original.state === 'loading' || original.state === 'error') {
    return (
      <View className='bx-letters' data-testid='letter-compose'>
        {head}
        {original.state === 'loading' ? (
          <StateView state='loading' />
        ) : (
          <StateView state='error' message={original.message} onRetry={() => void loadOriginal()} />
        )}
      </View>
    );
  }
  if (afterSend) {
    return (
      <View className='bx-letters' data-testid='letter-compose'>
        {head}
        <SupportCard level={afterSend.level} />
        <View className='bx-letters__actions'>
          <Button block testId='compose-support-continue' onClick={afterSend.leave}>
            {t('compose.supportContinue')}
          </Button>
        </View>
      </View>
    );
  }
  if (target.kind === 'resubmit' && original.state === 'ready' && !original.letter.canEdit) {
    return (
      <View className='bx-letters' data-testid='letter-compose'>
        {head}
        <Notice tone='info' testId='compose-not-editable'>
          {t('compose.notEditable')}
        </Notice>
      </View>
    );
  }

  const counterpart = original.state === 'ready' ? original.letter.counterpartName : name;
  let addressee: string;
  if (target.kind === 'reply' && counterpart) addressee = t('compose.replyTo', { name: counterpart });
  else if (counterpart) addressee = t('compose.to', { name: counterpart });
  else addressee = role === 'student' ? t('compose.toSponsor') : t('compose.toStudent');

  const count = draft.body.length;
  const left = LETTER_PHOTOS_MAX - draft.photos.length;

  return (
    <View className='bx-letters' data-testid='letter-compose'>
      <PrivacyPopup />
      {head}
      <View className='bx-compose__to' data-testid='compose-to'>
        {addressee}
      </View>

      {target.kind === 'resubmit' && original.state === 'ready' && original.letter.status === 'held' ? (
        <Notice tone='info' testId='compose-held'>
          {t('compose.heldTitle')}
        </Notice>
      ) : null}
      {target.kind === 'resubmit' && original.state === 'ready' && original.letter.status === 'returned' ? (
        <Notice tone='danger' testId='compose-return-reason'>
          {original.letter.returnReason
            ? t('letter.returnReason', { reason: original.letter.returnReason })
            : t('letter.returnedTitle')}
        </Notice>
      ) : null}
      {target.kind === 'resubmit' && original.state === 'ready' && original.letter.findings.length > 0 ? (
        <FindingList findings={original.letter.findings} />
      ) : null}

      {suggestedBody && target.kind === 'new' ? (
        <Notice tone='info' testId='compose-suggested'>
          {t('compose.suggestHint')}
        </Notice>
      ) : null}
      <Notice tone='warm' testId='compose-rules'>
        {t('compose.rules')}
      </Notice>
      {role === 'student' ? (
        <Notice tone='info' testId='compose-student-note'>
          {t('compose.studentNote')}
        </Notice>
      ) : null}

      <Card>
        <Textarea
          className='bx-compose__text'
          value={draft.body}
          maxlength={LETTER_BODY_MAX}
          placeholder={t('compose.placeholder')}
          ariaLabel={t('compose.bodyLabel')}
          autoHeight
          disabled={sending || undefined}
          data-testid='compose-body'
          onInput={(event) => {
            setError(null);
            store().setBody(key, event.detail.value);
          }}
        />
        <View
          className={cx('bx-compose__counter', count > LETTER_BODY_MAX * 0.9 && 'bx-compose__counter--near')}
          data-testid='compose-counter'
          aria-live='polite'
        >
          {t('compose.counter', { count, max: LETTER_BODY_MAX })}
        </View>
      </Card>
      {liveFindings.length > 0 ? (
        <View aria-live='polite' data-testid='compose-live-findings'>
          <Notice tone='warm'>
            <View className='bx-letter__notice-title'>{t('compose.liveTitle')}</View>
            <View>{t('compose.liveIntro')}</View>
          </Notice>
          <FindingList findings={liveFindings} />
        </View>
      ) : null}

      <Section title={t('compose.photos', { max: LETTER_PHOTOS_MAX })} testId='compose-photos'>
        <View className='bx-photos'>
          {draft.photos.map((photo, index) => (
            <View
              key={photo.key}
              className={cx('bx-photos__item', `bx-photos__item--${photo.status}`)}
              data-testid='compose-photo'
              data-status={photo.status}
            >
              <Image className='bx-photos__image' src={photo.src} mode='aspectFill' ariaLabel={t('compose.photoAlt', { index: index + 1 })} />
              {photo.status === 'uploading' ? <Text className='bx-photos__state'>{t('compose.photoUploading')}</Text> : null}
              {photo.status === 'failed' ? <Text className='bx-photos__state'>{t('compose.photoFailed')}</Text> : null}
              <View className='bx-photos__tools'>
                {photo.status === 'failed' ? (
                  <Button
                    variant='secondary'
                    label={t('compose.photoRetryLabel', { index: index + 1 })}
                    testId='compose-photo-retry'
                    onClick={() => void upload(photo.key, photo.src)}
                  >
                    {t('compose.photoRetry')}
                  </Button>
                ) : null}
                <Button
                  variant='secondary'
                  label={t('compose.removePhotoLabel', { index: index + 1 })}
                  testId='compose-photo-remove'
                  onClick={() => store().removePhoto(key, photo.key)}
                >
                  {t('compose.removePhoto')}
                </Button>
              </View>
            </View>
          ))}
        </View>
        {left > 0 ? (
          <Button
            variant='secondary'
            label={t('compose.addPhotoLabel', { left })}
            testId='compose-add-photo'
            disabled={sending}
            onClick={() => void addPhotos()}
          >
            {t('compose.addPhoto')}
          </Button>
        ) : null}
        {notice ? (
          <Notice tone='warm' testId='compose-photo-notice'>
            {notice}
          </Notice>
        ) : null}
      </Section>

      {error ? (
        <Notice tone='danger' testId='compose-error'>
          {error}
        </Notice>
      ) : null}
      <View className='bx-letters__actions'>
        <Button block loading={sending} label={t('compose.sendLabel')} testId='compose-send' onClick={() => void send()}>
          {t('compose.send')}
        </Button>
        <Button block variant='quiet' disabled={sending} testId='compose-discard' onClick={() => void discard()}>
          {t('compose.discard')}
        </Button>
      </View>
      <View className='bx-compose__hint'>{t('compose.draftSaved')}</View>
    </View>
  );
}
