import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { Notice, PageHeader, StateView } from '@/components/ui';
import { PrivacyPopup } from '@/features/privacy';
import { useResource } from '@/hooks/use-resource';
import { useT } from '@/lib/i18n';
import { fetchMerchants } from '../api';
import { AlipayMerchantCard } from './alipay-merchant-card';
import { WechatMerchantCard } from './wechat-merchant-card';
import './merchant-settings.css';

/**
 * The NGO admin sets up the NGO's own WeChat Pay and Alipay merchants, so sponsors pay the NGO in the
 * app. Secrets are write-only; without a merchant, sponsors keep the bank-transfer instructions.
 */
export function MerchantSettings({ headerAction }: { headerAction?: ReactNode }) {
  const t = useT();
  const resource = useResource('merchants', fetchMerchants);
  const merchants = resource.data;
  const reload = () => void resource.reload();

  return (
    <View className='bx-merchants' data-testid='merchant-settings'>
      <PageHeader title={t('merchants.title')} subtitle={t('merchants.subtitle')} action={headerAction} />
      {!merchants ? (
        resource.status === 'error' ? <StateView state='error' message={resource.error ?? undefined} onRetry={reload} /> : <StateView state='loading' />
      ) : (
        <>
          <Notice tone='info'>{t('merchants.intro')}</Notice>
          {resource.error ? <Notice tone='danger'>{resource.error}</Notice> : null}
          <View className='bx-merchants__grid'>
            {/* Rebuilt from what the server holds after every save or removal. */}
            <WechatMerchantCard key={`wechat-${merchants.wechat?.updatedAt ?? 'none'}`} merchants={merchants} onChanged={reload} />
            <AlipayMerchantCard key={`alipay-${merchants.alipay?.updatedAt ?? 'none'}`} merchants={merchants} onChanged={reload} />
          </View>
        </>
      )}
      {/* Copying a notice address goes through WeChat's privacy step. */}
      <PrivacyPopup />
    </View>
  );
}
