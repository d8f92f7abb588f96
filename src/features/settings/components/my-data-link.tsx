import Taro from '@tarojs/taro';
import { ListItem, Section } from '@/components/ui';
import { useMe } from '@/features/auth';
import { useT } from '@/lib/i18n';
import { ROUTES } from '@/lib/routes';

/** A sponsor's way to their yearly giving statement, their data and deleting their account (pages in the sponsor sub-package). */
export function MyDataLink() {
  const t = useT();
  const me = useMe();
  if (me?.role !== 'sponsor') return null;
  return (
    <>
      <Section title={t('settings.statement')} testId='statement-link'>
        <ListItem title={t('settings.statement')} label={t('settings.statementLabel')} testId='open-statement' onClick={() => void Taro.navigateTo({ url: ROUTES.sponsorStatement })} />
      </Section>
      <Section title={t('myData.rights')} testId='my-data-link'>
        <ListItem title={t('settings.myData')} label={t('settings.myDataLabel')} testId='open-my-data' onClick={() => void Taro.navigateTo({ url: ROUTES.sponsorMyData })} />
      </Section>
    </>
  );
}
