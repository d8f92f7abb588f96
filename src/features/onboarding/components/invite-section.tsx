import { Image, View } from '@tarojs/components';
import { useState } from 'react';
import { Button, Notice, Section, StatusBadge } from '@/components/ui';
import { errorMessage } from '@/lib/api-client';
import { formatDateTime } from '@/lib/format';
import { useLocale, useT } from '@/lib/i18n';
import { issueInvite } from '../api';
import { qrImageSrc } from '../routes';
import type { IssuedInvite, StaffStudentDetail } from '../types';
import { confirmAction } from '@/lib/dialog';

/** The code (and QR image) the student uses to bind their account; single use, expiring, re-issuable. */
export function InviteSection({ student, onChanged }: { student: StaffStudentDetail; onChanged: () => void }) {
  const t = useT();
  const locale = useLocale();
  const [issued, setIssued] = useState<IssuedInvite | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const state = student.invite.state;

  const issue = async () => {
    if (busy) return;
    setFailure(null);
    if (issued || state === 'open' || student.accountBound) {
      const yes = await confirmAction({
        title: t('onboarding.invite.reissueTitle'),
        content: student.accountBound ? t('onboarding.invite.reissueBound') : t('onboarding.invite.reissueBody'),
        confirm: 'onboarding.invite.reissueConfirm',
        cancel: 'onboarding.back',
      });
      if (!yes) return;
    }
    setBusy(true);
    try {
      setIssued(await issueInvite(student.id));
      onChanged();
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  const src = issued ? qrImageSrc(issued) : null;
  return (
    <Section title={t('onboarding.invite.title')} hint={t('onboarding.invite.hint')} testId='invite-section'>
      <View className='bx-ob__row-head'>
        <StatusBadge tone={student.accountBound ? 'success' : state === 'open' ? 'info' : 'neutral'} testId='invite-state' value={student.accountBound ? 'bound' : state}>
          {student.accountBound
            ? t('onboarding.invite.bound')
            : state === 'open'
              ? t('onboarding.invite.open', { when: formatDateTime(student.invite.expiresAt ?? '', locale) })
              : state === 'expired'
                ? t('onboarding.invite.expired')
                : state === 'used'
                  ? t('onboarding.invite.used')
                  : t('onboarding.invite.none')}
        </StatusBadge>
      </View>
      {issued ? (
        <View className='bx-ob-invite' data-testid='invite-issued'>
          <View className='bx-ob-invite__code' data-testid='invite-code' aria-label={t('onboarding.invite.codeLabel')}>
            {issued.code}
          </View>
          {src ? <Image className='bx-ob-invite__qr' src={src} mode='aspectFit' ariaLabel={t('onboarding.invite.qrLabel')} data-testid='invite-qr' /> : null}
          <View className='bx-ob__meta' data-testid='invite-expires'>
            {t('onboarding.invite.expires', { when: formatDateTime(issued.expiresAt, locale) })}
          </View>
          <Notice tone='info'>{t('onboarding.invite.once')}</Notice>
        </View>
      ) : null}
      {failure ? <Notice tone='danger'>{failure}</Notice> : null}
      <Button variant={issued ? 'secondary' : 'primary'} loading={busy} onClick={() => void issue()} testId='invite-issue'>
        {issued || state === 'open' ? t('onboarding.invite.reissue') : t('onboarding.invite.issue')}
      </Button>
      <View className='bx-ob__meta'>{t('onboarding.invite.revokes')}</View>
    </Section>
  );
}
