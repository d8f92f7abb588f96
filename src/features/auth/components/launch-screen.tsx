import Taro from '@tarojs/taro';
import { useEffect } from 'react';
import { StateView } from '@/components/ui';
import { useT } from '@/lib/i18n';
import { entryRoute } from '../session';

/** The entry page: straight to the role's home with a live session, to login otherwise. */
export function LaunchScreen() {
  const t = useT();
  useEffect(() => {
    void Taro.reLaunch({ url: entryRoute() });
  }, []);
  return <StateView state='loading' message={t('launch.opening')} />;
}
