import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useT } from '@/lib/i18n';
import { ROUTES } from '@/lib/routes';
import './invite.css';

/** On the login page: the way in for a student who has a code from their NGO. */
export function InviteLink() {
  const t = useT();
  return (
    <View className='bx-invite__link' role='link' data-testid='login-invite-link' onClick={() => void Taro.navigateTo({ url: ROUTES.invite })}>
      {t('invite.link')}
    </View>
  );
}
