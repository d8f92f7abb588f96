import { PageShell } from '@/components/ui';
import { PrivacyNotice } from '@/features/privacy/components/privacy-notice';
import { LanguageSwitch } from '@/features/settings';
import { useT } from '@/lib/i18n';

/** What the app collects and why; in the main package so it opens before signing in too. */
export default function PrivacyPage() {
  const t = useT();
  return (
    <PageShell title={t('privacy.title')} testId='privacy-page'>
      <LanguageSwitch />
      <PrivacyNotice />
    </PageShell>
  );
}
