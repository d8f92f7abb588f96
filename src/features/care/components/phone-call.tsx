import Taro from '@tarojs/taro';
import { Button } from '@/components/ui';
import { confirmAction, type ConfirmRequest } from '@/lib/dialog';
import { useT } from '@/lib/i18n';
import { currentPlatform } from '@/lib/platform';

export interface PhoneCallProps {
  phone: string;
  /** Who is called, for screen readers ("拨打王芳的电话 138…"). */
  label: string;
  /** Asked first; the call is made only on "yes". */
  confirm?: ConfirmRequest;
  testId: string;
}

/** A number to call: one tap in the mini-program, a `tel:` link on h5 (where the number also shows as text). */
export function PhoneCall({ phone, label, confirm, testId }: PhoneCallProps) {
  const t = useT();
  const dial = phone.replace(/[^\d+]/g, '');
  const call = async () => {
    if (confirm && !(await confirmAction(confirm))) return;
    if (currentPlatform() === 'h5') window.location.href = `tel:${dial}`;
    else await Promise.resolve(Taro.makePhoneCall({ phoneNumber: dial })).catch(() => undefined);
  };

  if (currentPlatform() === 'h5') {
    return (
      <a
        className='bx-care-call'
        href={`tel:${dial}`}
        aria-label={label}
        data-testid={testId}
        onClick={
          confirm
            ? (event) => {
                event.preventDefault();
                void call();
              }
            : undefined
        }
      >
        {phone}
      </a>
    );
  }
  return (
    <Button variant='secondary' label={label} testId={testId} onClick={() => void call()}>
      {t('care.call', { phone })}
    </Button>
  );
}
