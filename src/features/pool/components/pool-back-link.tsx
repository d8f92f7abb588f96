import Taro from '@tarojs/taro';
import { Button } from '@/components/ui';
import { useT } from '@/lib/i18n';
import { currentPlatform } from '@/lib/platform';
import { ROUTES } from '@/lib/routes';

/** On h5 there is no native navigation bar: a way back, or to the sponsor home when opened directly. */
export function PoolBackLink({ fallback = ROUTES.sponsorHome }: { fallback?: string }) {
  const t = useT();
  if (currentPlatform() !== 'h5') return null;
  const goBack = () => {
    if (Taro.getCurrentPages().length > 1) void Taro.navigateBack({ delta: 1 });
    else void Taro.reLaunch({ url: fallback });
  };
  return (
    <Button variant='quiet' label={t('common.backLabel')} testId='pool-back' onClick={goBack}>
      {t('common.back')}
    </Button>
  );
}
