import { useRouter } from '@tarojs/taro';
import { PageShell } from '@/components/ui';
import { InviteScreen } from '@/features/invite';
import { LanguageSwitch } from '@/features/settings';
import { useT } from '@/lib/i18n';
import { readParam } from '@/lib/routes';

/** Main package: a student arrives here before signing in (`?code=` when a QR code opened the app). */
export default function InvitePage() {
  const t = useT();
  const { params } = useRouter();
  return (
    <PageShell title={t('invite.title')} testId='invite-page'>
      <InviteScreen initialCode={readParam(params, 'code')} headerAction={<LanguageSwitch />} />
    </PageShell>
  );
}
