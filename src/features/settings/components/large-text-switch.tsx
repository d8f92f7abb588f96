import { Switch, View } from '@tarojs/components';
import { useT } from '@/lib/i18n';
import { usePreferencesStore } from '@/lib/preferences';
import './settings.css';

export function LargeTextSwitch() {
  const t = useT();
  const largeText = usePreferencesStore((state) => state.largeText);
  const setLargeText = usePreferencesStore((state) => state.setLargeText);
  return (
    <View className='bx-settings__row'>
      <View className='bx-settings__text'>
        <View className='bx-settings__label'>{t('settings.largeText')}</View>
        <View className='bx-settings__hint'>{t('settings.largeTextHint')}</View>
      </View>
      <Switch
        checked={largeText}
        color='#1f6f6b'
        ariaLabel={t('settings.largeText')}
        data-testid='large-text-switch'
        onChange={(event) => setLargeText(Boolean(event.detail.value))}
      />
    </View>
  );
}
