import { PageShell } from '@/components/ui';
import { AccountPanel } from '@/features/auth';
import { PrivacyLink } from '@/features/privacy/components/privacy-link';
import { MyDataLink, PreferencesPanel, SettingsHeader } from '@/features/settings';
import { useT } from '@/lib/i18n';

export default function SettingsPage() {
  const t = useT();
  return (
    <PageShell title={t('settings.title')} testId='settings-page'>
      <SettingsHeader />
      <PreferencesPanel />
      <MyDataLink />
      <AccountPanel />
      <PrivacyLink />
    </PageShell>
  );
}
