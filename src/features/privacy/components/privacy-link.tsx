import Taro from '@tarojs/taro';
import { ListItem, Section } from '@/components/ui';
import { useT } from '@/lib/i18n';
import { ROUTES } from '@/lib/routes';

/** The way from settings to the privacy notice. */
export function PrivacyLink() {
  const t = useT();
  return (
    <Section title={t('privacy.settingsSection')} testId='privacy-settings'>
      <ListItem
        title={t('privacy.title')}
        subtitle={t('privacy.settingsHint')}
        label={t('privacy.read')}
        testId='open-privacy'
        onClick={() => void Taro.navigateTo({ url: ROUTES.privacy })}
      />
    </Section>
  );
}
