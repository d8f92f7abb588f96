import Taro from '@tarojs/taro';
import { Button } from '@/components/ui';
import { useT } from '@/lib/i18n';
import { ROUTES } from '@/lib/routes';

/** The way from each home to the settings page. */
export function SettingsLink() {
  const t = useT();
  return (
    <Button
      variant='quiet'
      label={t('common.openSettings')}
      testId='open-settings'
      onClick={() => void Taro.navigateTo({ url: ROUTES.settings })}
    >
      {t('common.settings')}
    </Button>
  );
}
