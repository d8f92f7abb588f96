import { PageShell } from '@/components/ui';
import { LoginScreen } from '@/features/auth';
import { InviteLink } from '@/features/invite';
import { LanguageSwitch } from '@/features/settings';
import { useT } from '@/lib/i18n';

export default function LoginPage() {
  const t = useT();
  return (
    <PageShell title={t('login.title')} testId='login-page'>
      <LoginScreen headerAction={<LanguageSwitch />} />
      <InviteLink />
    </PageShell>
  );
}
