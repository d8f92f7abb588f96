import Taro, { useDidShow } from '@tarojs/taro';
import { Button as TaroButton, View } from '@tarojs/components';
import { useEffect, useSyncExternalStore } from 'react';
import { Button } from '@/components/ui';
import { useT } from '@/lib/i18n';
import { ROUTES } from '@/lib/routes';
import { AGREE_BUTTON_ID, agreePrivacy, declinePrivacy, installPrivacyHandler, privacyAsked, subscribePrivacy } from '../gate';
import './privacy.css';

/**
 * The small popup WeChat's privacy step needs: what it is for, a link to the full notice, and an agree
 * button with openType="agreePrivacyAuthorization". Every page that can reach a privacy API (photos,
 * clipboard) mounts it once, which `privacy-coverage.test.ts` checks; on h5 and Alipay it never opens.
 */
export function PrivacyPopup() {
  const t = useT();
  const open = useSyncExternalStore(subscribePrivacy, privacyAsked, privacyAsked);
  // WeChat keeps one listener: the page in front installs it again when it shows.
  useEffect(() => installPrivacyHandler(), []);
  useDidShow(() => installPrivacyHandler());
  if (!open) return null;
  return (
    <View className='bx-privacy-popup' data-testid='privacy-popup'>
      <View className='bx-privacy-popup__box' role='dialog' aria-modal='true' aria-label={t('privacy.popupTitle')}>
        <View className='bx-privacy-popup__title'>{t('privacy.popupTitle')}</View>
        <View className='bx-privacy-popup__body'>{t('privacy.popupBody')}</View>
        <View className='bx-privacy-popup__link' role='link' data-testid='privacy-read' onClick={() => void Taro.navigateTo({ url: ROUTES.privacy })}>
          {t('privacy.read')}
        </View>
        <TaroButton
          id={AGREE_BUTTON_ID}
          className='bx-button bx-button--primary bx-button--block'
          openType='agreePrivacyAuthorization'
          data-testid='privacy-agree'
          onAgreePrivacyAuthorization={agreePrivacy}
          onClick={process.env.TARO_ENV === 'weapp' ? undefined : agreePrivacy}
        >
          {t('privacy.agree')}
        </TaroButton>
        <Button block variant='quiet' testId='privacy-decline' onClick={declinePrivacy}>
          {t('privacy.decline')}
        </Button>
      </View>
    </View>
  );
}
