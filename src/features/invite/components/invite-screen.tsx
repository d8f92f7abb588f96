import Taro from '@tarojs/taro';
import { Input, View } from '@tarojs/components';
import { useState, type ReactNode } from 'react';
import { Button, Notice, PageHeader } from '@/components/ui';
import { startSession } from '@/features/auth';
import { errorMessage } from '@/lib/api-client';
import { useT } from '@/lib/i18n';
import { useOperationKey } from '@/lib/idempotency';
import { currentPlatform } from '@/lib/platform';
import { homeFor, ROUTES } from '@/lib/routes';
import { loginWithInvite } from '../api';
import { parseInviteCode, type InvitePlatform } from '../code';
import './invite.css';

export interface InviteScreenProps {
  /** From the page's `?code=` (a scanned QR code opened the app here). */
  initialCode?: string;
  headerAction?: ReactNode;
}

async function platformLogin(): Promise<{ platform: InvitePlatform; loginCode?: string }> {
  const platform = currentPlatform();
  if (platform === 'h5') return { platform: 'demo' };
  const result = (await Taro.login()) as { code?: string; authCode?: string };
  const loginCode = result.code ?? result.authCode;
  if (!loginCode) throw new Error('no login code');
  return { platform: platform === 'weapp' ? 'wechat' : 'alipay', loginCode };
}

/** A student's first way in: the invite code from their NGO (typed or scanned) binds this account. */
export function InviteScreen({ initialCode, headerAction }: InviteScreenProps) {
  const t = useT();
  const operationKey = useOperationKey();
  const [code, setCode] = useState(parseInviteCode(initialCode) ?? initialCode ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const canScan = currentPlatform() !== 'h5';

  const scan = async () => {
    setError(null);
    try {
      const scanned = await Taro.scanCode({ onlyFromCamera: false, scanType: ['qrCode'] });
      const found = parseInviteCode(scanned.result);
      if (found) setCode(found);
      else setError(t('invite.scanFailed'));
    } catch (failure) {
      const text = String((failure as { errMsg?: unknown } | null)?.errMsg ?? '');
      if (!/cancel/i.test(text)) setError(t('invite.scanFailed'));
    }
  };

  const submit = async () => {
    if (busy) return;
    setError(null);
    const parsed = parseInviteCode(code);
    if (!parsed) {
      setError(t('invite.codeFormat'));
      return;
    }
    setBusy(true);
    try {
      let login: { platform: InvitePlatform; loginCode?: string };
      try {
        login = await platformLogin();
      } catch {
        setError(t('login.platformCodeFailed'));
        return;
      }
      // A platform login code is single-use: each attempt is its own operation.
      const session = await loginWithInvite({ code: parsed, ...login }, operationKey.for(`${parsed}:${login.loginCode ?? 'demo'}`));
      operationKey.done();
      startSession(session);
      await Taro.reLaunch({ url: homeFor(session.me.role) });
    } catch (failure) {
      // Used, expired or unknown codes: the server's message says what to do, in the student's language.
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className='bx-invite' data-testid='invite-screen'>
      <PageHeader title={t('invite.title')} subtitle={t('invite.intro')} action={headerAction} />
      <View className='bx-invite__label'>{t('invite.codeLabel')}</View>
      <Input
        className='bx-invite__input'
        value={code}
        maxlength={40}
        placeholder={t('invite.codePlaceholder')}
        ariaLabel={t('invite.codeLabel')}
        data-testid='invite-code'
        onInput={(event) => {
          setError(null);
          setCode(event.detail.value);
        }}
      />
      {canScan ? (
        <Button variant='secondary' block testId='invite-scan' disabled={busy} onClick={() => void scan()}>
          {t('invite.scan')}
        </Button>
      ) : null}
      {error ? (
        <Notice tone='danger' testId='invite-error'>
          {error}
        </Notice>
      ) : null}
      <Button block loading={busy} testId='invite-submit' onClick={() => void submit()}>
        {t('invite.submit')}
      </Button>
      <Button variant='quiet' block testId='invite-back' onClick={() => void Taro.redirectTo({ url: ROUTES.login })}>
        {t('invite.back')}
      </Button>
      <View className='bx-invite__privacy' role='link' data-testid='invite-privacy' onClick={() => void Taro.navigateTo({ url: `${ROUTES.privacy}?role=student` })}>
        {t('privacy.read')}
      </View>
    </View>
  );
}
