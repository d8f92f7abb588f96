import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useState } from 'react';
import { Button, Notice, PageHeader, Section, StateView } from '@/components/ui';
import { PrivacyPopup } from '@/features/privacy';
import { useResource } from '@/hooks/use-resource';
import { useT } from '@/lib/i18n';
import { currentPlatform } from '@/lib/platform';
import { fetchMyData, type SponsorDataExport } from '../api';
import { saveExport } from '../save-export';
import { AccountSection, ConsentsSection, SignInSection, UploadsSection } from './account-sections';
import { LettersSection, NotificationsSection, SponsorshipsSection } from './activity-sections';
import { DeleteAccount } from './delete-account';
import './my-data.css';

function SaveButton({ data }: { data: SponsorDataExport | null }) {
  const t = useT();
  const [outcome, setOutcome] = useState<{ tone: 'info' | 'danger'; text: string } | null>(null);
  const save = async () => {
    if (!data) return;
    try {
      const saved = await saveExport(data);
      if (saved.kind === 'declined') setOutcome(null);
      else setOutcome({ tone: 'info', text: saved.kind === 'downloaded' ? t('myData.downloaded', { file: saved.file }) : t('myData.copied') });
    } catch {
      setOutcome({ tone: 'danger', text: t('myData.saveFailed') });
    }
  };
  return (
    <>
      <Button block disabled={!data} onClick={() => void save()} testId='my-data-download'>
        {currentPlatform() === 'h5' ? t('myData.download') : t('myData.copy')}
      </Button>
      {outcome ? (
        <Notice tone={outcome.tone} testId='my-data-saved'>
          {outcome.text}
        </Notice>
      ) : null}
    </>
  );
}

/**
 * The sponsor's data rights in one page: all the data Banxue holds about them, readable here and
 * downloadable as JSON, and the way to delete the account.
 */
export function MyDataScreen() {
  const t = useT();
  const state = useResource('my-data', fetchMyData);
  usePullDownRefresh(() => {
    void state.reload().finally(() => Taro.stopPullDownRefresh());
  });
  const data = state.data;
  return (
    <View className='bx-my-data' data-testid='my-data'>
      <PageHeader title={t('myData.title')} subtitle={t('myData.intro')} />
      <Section title={t('myData.rights')} testId='my-data-rights'>
        <SaveButton data={data} />
        <DeleteAccount />
      </Section>
      {state.status === 'idle' || state.status === 'loading' ? <StateView state='loading' /> : null}
      {state.status === 'error' ? <StateView state='error' message={state.error ?? undefined} onRetry={() => void state.reload()} /> : null}
      {data ? (
        <>
          {data.truncated.length > 0 ? (
            <Notice tone='warm' testId='my-data-truncated'>
              {t('myData.truncated', { sections: data.truncated.map((section) => t(`myData.section.${section}`)).join(' · ') })}
            </Notice>
          ) : null}
          <AccountSection data={data} />
          <SignInSection data={data} />
          <SponsorshipsSection data={data} />
          <LettersSection data={data} />
          <NotificationsSection data={data} />
          <ConsentsSection data={data} />
          <UploadsSection data={data} />
        </>
      ) : null}
      {/* Copying the export in a mini-program is a privacy API: WeChat's privacy step opens here. */}
      <PrivacyPopup />
    </View>
  );
}
