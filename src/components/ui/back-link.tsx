import Taro from '@tarojs/taro';
import { useT } from '@/lib/i18n';
import { currentPlatform } from '@/lib/platform';
import { Button } from './button';

/** On h5 there is no native navigation bar: a way back, or to `fallback` when opened directly. */
export function BackLink({ fallback, testId = 'back-link' }: { fallback: string; testId?: string }) {
  const t = useT();
  if (currentPlatform() !== 'h5') return null;
  const goBack = () => {
    if (Taro.getCurrentPages().length > 1) void Taro.navigateBack({ delta: 1 });
    else void Taro.reLaunch({ url: fallback });
  };
  return (
    <Button variant='quiet' label={t('common.backLabel')} testId={testId} onClick={goBack}>
      {t('common.back')}
    </Button>
  );
}
