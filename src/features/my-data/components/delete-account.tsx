import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useState } from 'react';
import { Button, Notice } from '@/components/ui';
import { clearSession } from '@/features/auth';
import { ApiError, errorMessage } from '@/lib/api-client';
import { confirmAction } from '@/lib/dialog';
import { useT } from '@/lib/i18n';
import { useOperationKey } from '@/lib/idempotency';
import { ROUTES } from '@/lib/routes';
import { deleteMyAccount } from '../api';

/**
 * "Delete my account": what it does, one confirmation, then done — the device forgets the person and
 * the login page says the account is gone. A retry reuses the key; a retry of a deletion that went
 * through (its answer lost) is told `ACCOUNT_DELETED` and ends the same way.
 */
export function DeleteAccount() {
  const t = useT();
  const operation = useOperationKey();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const start = async () => {
    if (busy) return;
    setError(null);
    const yes = await confirmAction({
      title: t('myData.delete.confirmTitle'),
      content: t('myData.delete.confirmBody'),
      confirm: 'myData.delete.confirm',
      danger: true,
    });
    if (!yes) return;
    setBusy(true);
    try {
      await deleteMyAccount(operation.for('delete-account'));
    } catch (failure) {
      if (!(failure instanceof ApiError && failure.code === 'ACCOUNT_DELETED')) {
        setError(errorMessage(failure));
        setBusy(false);
        return;
      }
    }
    operation.done();
    clearSession();
    await Taro.reLaunch({ url: `${ROUTES.login}?reason=deleted` });
  };

  return (
    <View className='bx-my-data__delete' data-testid='delete-account'>
      <View className='bx-my-data__subtitle' role='heading' aria-level={3}>
        {t('myData.delete.title')}
      </View>
      <View className='bx-my-data__text'>{t('myData.delete.intro')}</View>
      <View className='bx-my-data__list'>
        {(['signIn', 'sponsorships', 'kept', 'erased'] as const).map((point) => (
          <View key={point} className='bx-my-data__item'>
            {t(`myData.delete.${point}`)}
          </View>
        ))}
      </View>
      {error ? (
        <Notice tone='danger' testId='delete-account-error'>
          {error}
        </Notice>
      ) : null}
      <Button variant='secondary' block loading={busy} className='bx-my-data__delete-button' onClick={() => void start()} testId='delete-account-button'>
        {t('myData.delete.button')}
      </Button>
    </View>
  );
}
