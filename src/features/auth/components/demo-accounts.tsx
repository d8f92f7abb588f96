import { Text, View } from '@tarojs/components';
import type { DemoUser } from '../../../../domain/api/auth';
import type { Role } from '../../../../domain/roles';
import { Button, Section } from '@/components/ui';
import { useT } from '@/lib/i18n';
import { loginWithDemo } from '../api';
import type { LoginRunner } from '../use-login';
import './login.css';

const ROLE_ORDER: readonly Role[] = ['sponsor', 'student', 'caseworker', 'ngo_admin'];

export interface DemoAccountsProps {
  users: DemoUser[];
  login: LoginRunner;
}

/** "Try a demo account": the seeded people, grouped by role, one tap to sign in as each. */
export function DemoAccounts({ users, login }: DemoAccountsProps) {
  const t = useT();
  const groups = ROLE_ORDER.map((role) => ({ role, users: users.filter((user) => user.role === role) })).filter(
    (group) => group.users.length > 0,
  );

  return (
    <Section title={t('login.demoTitle')} hint={t('login.demoHint')} testId='demo-accounts'>
      {groups.length === 0 ? <View className='bx-section__hint'>{t('login.demoEmpty')}</View> : null}
      {groups.map((group) => (
        <View key={group.role} className='bx-login__group' data-testid={`demo-group-${group.role}`}>
          <View className='bx-login__group-title' role='heading' aria-level={3}>
            {t(`role.${group.role}`)}
          </View>
          {group.users.map((user) => {
            const operation = `demo:${user.accountId}`;
            return (
              <Button
                key={user.accountId}
                variant='secondary'
                block
                className='bx-login__demo-button'
                label={t('login.demoAs', { role: t(`role.${user.role}`), name: user.displayName })}
                testId={`demo-user-${user.accountId}`}
                loading={login.pending === operation}
                disabled={login.pending !== null && login.pending !== operation}
                onClick={() => login.run(operation, (key) => loginWithDemo({ accountId: user.accountId }, key))}
              >
                <Text className='bx-login__demo-name'>{user.displayName}</Text>
                {user.description ? <Text className='bx-login__demo-desc'>{user.description}</Text> : null}
              </Button>
            );
          })}
        </View>
      ))}
    </Section>
  );
}
