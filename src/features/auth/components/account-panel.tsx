import { View } from '@tarojs/components';
import { useState } from 'react';
import { Button, Section } from '@/components/ui';
import { confirmAction } from '@/lib/dialog';
import { useLetterDraftCount } from '@/lib/letter-drafts';
import { useT } from '@/lib/i18n';
import { useOutbox } from '@/lib/outbox';
import { logout } from '../session';
import { useMe } from '../session-store';
import './login.css';

/** Who is signed in, and the way to sign out (after a confirmation). */
export function AccountPanel() {
  const t = useT();
  const me = useMe();
  const [leaving, setLeaving] = useState(false);
  const unsent = useOutbox().items.filter((item) => item.ownerAccountId === me?.accountId).length;
  const drafts = useLetterDraftCount(me?.accountId);

  const confirmLogout = async () => {
    // Signing out deletes what has not been sent yet and letters still being written: say so, and how much.
    const body = unsent > 0 ? t('settings.logoutConfirmBodyWaiting', { count: unsent }) : t('settings.logoutConfirmBody');
    const yes = await confirmAction({
      title: t('settings.logoutConfirmTitle'),
      content: drafts > 0 ? `${body}\n${t('settings.logoutConfirmDrafts', { count: drafts })}` : body,
      confirm: unsent > 0 || drafts > 0 ? 'settings.logoutDiscardConfirm' : 'settings.logoutConfirm',
    });
    if (!yes) return;
    setLeaving(true);
    try {
      await logout();
    } finally {
      setLeaving(false);
    }
  };

  return (
    <Section title={t('settings.account')} testId='account-panel'>
      {me ? (
        <View className='bx-account' data-testid='current-user'>
          <View className='bx-account__name'>{me.displayName}</View>
          <View className='bx-account__role'>
            {me.ngo ? `${t(`role.${me.role}`)} · ${me.ngo.name}` : t(`role.${me.role}`)}
          </View>
        </View>
      ) : (
        <View className='bx-account__role'>{t('settings.notSignedIn')}</View>
      )}
      {me ? (
        <Button variant='secondary' block loading={leaving} onClick={confirmLogout} testId='logout'>
          {t('settings.logout')}
        </Button>
      ) : null}
    </Section>
  );
}
