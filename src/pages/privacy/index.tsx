import { useRouter } from '@tarojs/taro';
import { PageShell } from '@/components/ui';
import { isPrivacyRole, PrivacyNotice } from '@/features/privacy/components/privacy-notice';
import { LanguageSwitch } from '@/features/settings';
import { useT } from '@/lib/i18n';
import { readParam } from '@/lib/routes';

/** What the app collects and why; in the main package so it opens before signing in too (`?role=student`). */
export default function PrivacyPage() {
  const t = useT();
  const role = readParam(useRouter().params, 'role');
  return (
    <PageShell title={t('privacy.title')} testId='privacy-page'>
      <LanguageSwitch />
      <PrivacyNotice role={isPrivacyRole(role) ? role : undefined} />
    </PageShell>
  );
}
