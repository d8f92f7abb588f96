import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button } from '@/components/ui';
import { useT } from '@/lib/i18n';
import { poolRoutes } from '../routes';
import './pool.css';

/** The sponsor home's way to the pool: a quiet line and a button. */
export function PoolEntry({ variant = 'secondary' }: { variant?: 'primary' | 'secondary' }) {
  const t = useT();
  return (
    <View className='bx-pool-entry' data-testid='pool-entry'>
      <Button variant={variant} block testId='pool-entry-open' onClick={() => void Taro.navigateTo({ url: poolRoutes.pool() })}>
        {t('pool.entry')}
      </Button>
    </View>
  );
}
