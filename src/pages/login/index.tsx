import { PageShell, Section } from '@/components/ui';
import { LoginScreen } from '@/features/auth';
import { LanguageSwitch } from '@/features/settings';
import { useT } from '@/lib/i18n';

export default function LoginPage() {
  const t = useT();
  return (
    <PageShell title={t('login.title')} testId='login-page'>
      <LoginScreen />
      <Section title={t('settings.language')}>
        <LanguageSwitch />
      </Section>
    </PageShell>
  );
}
