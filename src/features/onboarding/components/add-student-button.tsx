import Taro from '@tarojs/taro';
import { Button } from '@/components/ui';
import { useT } from '@/lib/i18n';
import { onboardingRoutes } from '../routes';

/** On the staff home: to the form for a new student. */
export function AddStudentButton() {
  const t = useT();
  return (
    <Button variant='secondary' testId='staff-add-student' onClick={() => void Taro.navigateTo({ url: onboardingRoutes.create() })}>
      {t('onboarding.add')}
    </Button>
  );
}
