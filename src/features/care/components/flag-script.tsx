import { Text, View } from '@tarojs/components';
import { Card, cx } from '@/components/ui';
import { useT } from '@/lib/i18n';
import { HOTLINES } from '../hotlines';
import { PhoneCall } from './phone-call';

const STEPS = ['reach', 'listen', 'noSecret', 'noGuardian', 'danger', 'record'] as const;

/** What to do now, what to say, and the national helplines, each a tap away. */
export function FlagScript() {
  const t = useT();
  return (
    <Card title={t('care.script.title')} testId='flag-script'>
      <View className='bx-care-script' role='list'>
        {STEPS.map((step, index) => (
          <View key={step} className={cx('bx-care-script__step', step === 'danger' && 'bx-care-script__step--danger')} role='listitem' data-testid='flag-script-step' data-step={step}>
            {index + 1}. {t(`care.script.${step}`)}
          </View>
        ))}
      </View>
      <View className='bx-care-script__say'>
        <View className='bx-care-line__head'>{t('care.script.sayTitle')}</View>
        <View className='bx-care-line__note'>{t('care.script.say')}</View>
      </View>
      <View className='bx-care-hotlines' data-testid='flag-hotlines'>
        <View className='bx-care-line__head' role='heading' aria-level={3}>
          {t('care.hotlines')}
        </View>
        <View className='bx-care__hint'>{t('care.hotlinesHint')}</View>
        {HOTLINES.map((line) => {
          const name = t(`care.hotline.${line.key}`);
          return (
            <View key={line.key} className='bx-care-hotline' data-testid='flag-hotline' data-phone={line.phone}>
              <Text className='bx-care-hotline__name'>{name}</Text>
              <PhoneCall phone={line.phone} label={t('care.callHotlineLabel', { name, phone: line.phone })} testId='flag-hotline-call' />
            </View>
          );
        })}
      </View>
    </Card>
  );
}
