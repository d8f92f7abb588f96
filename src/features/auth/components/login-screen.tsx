import Taro, { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { AuthOptionsResponse, DemoUser } from '../../../../domain/api/auth';
import { Button, Notice, PageHeader, StateView } from '@/components/ui';
import { errorMessage } from '@/lib/api-client';
import { useLocale, useT } from '@/lib/i18n';
import { useOutbox } from '@/lib/outbox';
import { currentPlatform } from '@/lib/platform';
import { fetchAuthOptions, fetchDemoUsers, loginWithAlipay, loginWithWechat } from '../api';
import { useLogin } from '../use-login';
import { DemoAccounts } from './demo-accounts';
import { PasswordLoginForm } from './password-login-form';
import './login.css';

type Load<T> = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; data: T };

async function platformCode(): Promise<string> {
  const result = (await Taro.login()) as { code?: string; authCode?: string };
  const code = result.code ?? result.authCode;
  if (!code) throw new Error('no login code');
  return code;
}

export interface LoginScreenProps {
  /** Shown beside the welcome (the page puts the language switch there, for people who cannot read it yet). */
  headerAction?: ReactNode;
}

/** The login page body: what the server offers (GET /api/auth/options) decides what is shown. */
export function LoginScreen({ headerAction }: LoginScreenProps) {
  const t = useT();
  const locale = useLocale();
  const router = useRouter();
  const login = useLogin();
  const platform = currentPlatform();
  // Whatever is still queued belongs to the account whose session ended (a sign-in keeps only its own).
  const waiting = useOutbox().items.length;
  const [options, setOptions] = useState<Load<AuthOptionsResponse>>({ state: 'loading' });
  const [demoUsers, setDemoUsers] = useState<Load<DemoUser[]>>({ state: 'loading' });

  const loadOptions = useCallback(async () => {
    setOptions({ state: 'loading' });
    try {
      setOptions({ state: 'ready', data: await fetchAuthOptions() });
    } catch (failure) {
      setOptions({ state: 'error', message: errorMessage(failure) });
    }
  }, []);

  const demoEnabled = options.state === 'ready' && options.data.demo;
  const loadDemoUsers = useCallback(async () => {
    setDemoUsers({ state: 'loading' });
    try {
      setDemoUsers({ state: 'ready', data: (await fetchDemoUsers()).users });
    } catch (failure) {
      setDemoUsers({ state: 'error', message: errorMessage(failure) });
    }
  }, []);

  useEffect(() => {
    void loadOptions();
  }, [loadOptions]);

  useEffect(() => {
    // Descriptions come back in the requested language, so ask again when it changes.
    if (demoEnabled) void loadDemoUsers();
  }, [demoEnabled, loadDemoUsers, locale]);

  const platformLogin = async (kind: 'wechat' | 'alipay') => {
    let code: string;
    try {
      code = await platformCode();
    } catch {
      login.setError(t('login.platformCodeFailed'));
      return;
    }
    await login.run(`${kind}:${code}`, (key) =>
      kind === 'wechat' ? loginWithWechat({ code }, key) : loginWithAlipay({ authCode: code }, key),
    );
  };

  const intro = (
    <PageHeader title={t('login.welcome')} subtitle={t('login.tagline')} action={headerAction} testId='login-welcome' />
  );
  if (options.state !== 'ready') {
    return (
      <View className='bx-login' data-testid='login-screen'>
        {intro}
        {options.state === 'loading' ? (
          <StateView state='loading' />
        ) : (
          <StateView state='error' message={options.message} onRetry={loadOptions} />
        )}
      </View>
    );
  }

  const offered = options.data;
  const showWechat = platform === 'weapp' && offered.wechat;
  const showAlipay = platform === 'alipay' && offered.alipay;
  const showPassword = platform === 'h5' && offered.password;
  const nothingOffered = !showWechat && !showAlipay && !showPassword && !offered.demo;

  return (
    <View className='bx-login' data-testid='login-screen'>
      {intro}

      {router.params?.reason === 'expired' && !login.error ? (
        <Notice tone='info' testId='login-expired'>
          {t('errors.sessionExpired')}
        </Notice>
      ) : null}
      {router.params?.reason === 'deleted' && !login.error ? (
        <Notice tone='info' testId='login-account-deleted'>
          {t('login.accountDeleted')}
        </Notice>
      ) : null}
      {waiting > 0 ? (
        <Notice tone='info' testId='login-outbox-waiting'>
          {t('login.outboxWaiting', { count: waiting })}
        </Notice>
      ) : null}
      {login.error ? (
        <Notice tone='danger' testId='login-error'>
          {login.error}
        </Notice>
      ) : null}

      {showWechat ? (
        <Button block loading={login.pending?.startsWith('wechat:')} disabled={login.pending !== null} onClick={() => platformLogin('wechat')} testId='login-wechat'>
          {t('login.wechat')}
        </Button>
      ) : null}
      {showAlipay ? (
        <Button block loading={login.pending?.startsWith('alipay:')} disabled={login.pending !== null} onClick={() => platformLogin('alipay')} testId='login-alipay'>
          {t('login.alipay')}
        </Button>
      ) : null}
      {offered.demo && demoUsers.state === 'loading' ? <StateView state='loading' /> : null}
      {offered.demo && demoUsers.state === 'error' ? (
        <StateView state='error' message={demoUsers.message} onRetry={loadDemoUsers} />
      ) : null}
      {offered.demo && demoUsers.state === 'ready' ? <DemoAccounts users={demoUsers.data} login={login} /> : null}

      {/* Last: sponsors and students (most people, on a phone) should not scroll past a staff form. */}
      {showPassword ? <PasswordLoginForm login={login} /> : null}

      {nothingOffered ? <StateView state='empty' message={t('login.noMethods')} /> : null}
    </View>
  );
}
