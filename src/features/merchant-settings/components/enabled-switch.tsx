import { Switch, View } from '@tarojs/components';
import { useT } from '@/lib/i18n';

/** Whether sponsors may pay through this platform now (settings stay stored either way). */
export function EnabledSwitch({ checked, onChange, disabled, testId }: { checked: boolean; onChange: (on: boolean) => void; disabled: boolean; testId: string }) {
  const t = useT();
  return (
    <View className='bx-merchants__switch'>
      <View className='bx-merchants__switch-text'>
        <View className='bx-merchants__label'>{t('merchants.enabled')}</View>
        <View className='bx-merchants__hint'>{t('merchants.enabledHint')}</View>
      </View>
      <Switch
        checked={checked}
        disabled={disabled || undefined}
        color='#1f6f6b'
        ariaLabel={t('merchants.enabled')}
        data-testid={testId}
        onChange={(event) => onChange(Boolean(event.detail.value))}
      />
    </View>
  );
}
