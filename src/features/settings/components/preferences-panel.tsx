import { Section } from '@/components/ui';
import { useT } from '@/lib/i18n';
import { LanguageSwitch } from './language-switch';
import { LargeTextSwitch } from './large-text-switch';

/** Language and text size: device preferences, kept across sign-outs. */
export function PreferencesPanel() {
  const t = useT();
  return (
    <>
      <Section title={t('settings.language')} testId='language-settings'>
        <LanguageSwitch />
      </Section>
      <Section title={t('settings.display')} testId='display-settings'>
        <LargeTextSwitch />
      </Section>
    </>
  );
}
