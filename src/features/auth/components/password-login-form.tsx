import { Input, View } from '@tarojs/components';
import { useState } from 'react';
import { Button, Section } from '@/components/ui';
import { useT } from '@/lib/i18n';
import { loginWithPassword } from '../api';
import type { LoginRunner } from '../use-login';
import './login.css';

/** Username and password for NGO staff, on the h5 build (desktop browsers). */
export function PasswordLoginForm({ login }: { login: LoginRunner }) {
  const t = useT();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const busy = login.pending !== null;

  const submit = () => {
    if (busy) return;
    const name = username.trim();
    if (!name || !password) {
      login.setError(t('login.missingFields'));
      return;
    }
    void login.run(`password:${name}`, (key) => loginWithPassword({ username: name, password }, key));
  };

  return (
    <Section title={t('login.staffTitle')} testId='password-login'>
      <View className='bx-field'>
        <View className='bx-field__label'>{t('login.username')}</View>
        <Input
          className='bx-field__input'
          value={username}
          ariaLabel={t('login.username')}
          data-testid='login-username'
          disabled={busy || undefined}
          onInput={(event) => setUsername(event.detail.value)}
          onConfirm={submit}
        />
      </View>
      <View className='bx-field'>
        <View className='bx-field__label'>{t('login.password')}</View>
        <Input
          className='bx-field__input'
          password
          value={password}
          ariaLabel={t('login.password')}
          data-testid='login-password'
          disabled={busy || undefined}
          onInput={(event) => setPassword(event.detail.value)}
          onConfirm={submit}
        />
      </View>
      <Button block loading={login.pending?.startsWith('password:')} disabled={busy} onClick={submit} testId='login-submit'>
        {t('login.submit')}
      </Button>
    </Section>
  );
}
