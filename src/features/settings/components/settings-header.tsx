import Taro from '@tarojs/taro';
import { Button, PageHeader } from '@/components/ui';
import { useT } from '@/lib/i18n';
import { currentPlatform } from '@/lib/platform';
import { ROUTES } from '@/lib/routes';

function goBack() {
  // Opened directly (a bookmark or a reload on h5) there is no page to go back to: start from launch,
  // which sends the user to their home.
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack({ delta: 1 });
  else void Taro.reLaunch({ url: ROUTES.launch });
}

/** The settings page title; on h5, where there is no native navigation bar, with a way back. */
export function SettingsHeader() {
  const t = useT();
  const back =
    currentPlatform() === 'h5' ? (
      <Button variant='quiet' label={t('common.backLabel')} testId='settings-back' onClick={goBack}>
        {t('common.back')}
      </Button>
    ) : undefined;
  return <PageHeader title={t('settings.title')} action={back} testId='settings-title' />;
}
