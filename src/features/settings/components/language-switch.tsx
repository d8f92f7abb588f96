import { Segmented } from '@/components/ui';
import { LOCALES, useLocaleStore, useT, type Locale } from '@/lib/i18n';

/** 中文 / English; each language is named in itself. */
export function LanguageSwitch() {
  const t = useT();
  const locale = useLocaleStore((state) => state.locale);
  const setLocale = useLocaleStore((state) => state.setLocale);
  return (
    <Segmented<Locale>
      label={t('settings.language')}
      options={LOCALES.map((value) => ({ value, label: t(`locale.${value}`) }))}
      value={locale}
      onChange={setLocale}
      testIdPrefix='locale'
    />
  );
}
