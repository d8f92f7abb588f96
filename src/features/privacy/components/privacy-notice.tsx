import { View } from '@tarojs/components';
import { Card, PageHeader } from '@/components/ui';
import { useT, type MessageKey } from '@/lib/i18n';
import './privacy.css';

const PARTS = ['collected', 'why', 'shared', 'rights'] as const;

/** What the app collects and why, in the reader's language (the language switch is on the page). */
export function PrivacyNotice() {
  const t = useT();
  return (
    <View className='bx-privacy' data-testid='privacy-notice'>
      <PageHeader title={t('privacy.title')} />
      {PARTS.map((part) => (
        <Card key={part} title={t(`privacy.${part}Title` as MessageKey)} testId={`privacy-${part}`}>
          <View className='bx-privacy__text'>{t(`privacy.${part}` as MessageKey)}</View>
        </Card>
      ))}
    </View>
  );
}
