import type { SponsorCareView } from '../../../../domain/api/care';
import { Notice } from '@/components/ui';
import { useT } from '@/lib/i18n';

/**
 * The one thing a sponsor hears about their student's care: the partner is checking in, or the
 * student is back in touch (and, if so, what kind of change). Nothing while all is well, and never
 * attempts, notes or who was called.
 */
export function CareStatusLine({ care, name, ngo }: { care: SponsorCareView | undefined; name: string; ngo: string }) {
  const t = useT();
  if (!care || care.state === 'in_touch') return null;
  const text =
    care.state === 'checking_in'
      ? t('sponsorCare.checkingIn', { ngo, name })
      : care.change
        ? t('sponsorCare.backInTouchChanged', { ngo, name, change: t(`sponsorCare.change.${care.change}`) })
        : t('sponsorCare.backInTouch', { ngo, name });
  return (
    <Notice tone={care.state === 'checking_in' ? 'warm' : 'info'} testId='sponsorship-care'>
      {text}
    </Notice>
  );
}
