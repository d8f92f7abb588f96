import { View } from '@tarojs/components';
import { Button, Card, ChoiceField, FormFooter, StatusBadge, TextInput } from '@/components/ui';
import { useT } from '@/lib/i18n';
import { saveAlipayMerchant, type MerchantsView } from '../api';
import { alipayBodyOf, alipayFormOf, alipayProblems, alipaySecretStored, type AlipayField, type AlipayForm } from '../forms';
import { useMerchantEditor } from '../use-merchant-editor';
import { EnabledSwitch } from './enabled-switch';
import { NoticeUrl } from './notice-url';
import { SecretInput } from './secret-input';

/** The NGO's Alipay: its own app (direct), or authorised to the server's app (app_auth_token). */
export function AlipayMerchantCard({ merchants, onChanged }: { merchants: MerchantsView; onChanged: () => void }) {
  const t = useT();
  const view = merchants.alipay;
  const editor = useMerchantEditor<AlipayForm, AlipayField>({
    platform: 'alipay',
    initial: alipayFormOf(view),
    problems: (form) => alipayProblems(form, view),
    confirm: (form) => ({
      title: t('merchants.alipay.confirmTitle'),
      content: t(form.enabled ? 'merchants.alipay.confirmBody' : 'merchants.confirmBodyDisabled', { id: form.mode === 'direct' ? form.appId.trim() : form.sellerId.trim() }),
      confirm: 'merchants.confirmSave',
    }),
    send: (form) => saveAlipayMerchant(alipayBodyOf(form, view)),
    onChanged,
  });
  const { form, set, errorOf, busy } = editor;
  const modes = [
    { value: 'direct' as const, label: t('merchants.alipay.mode.direct') },
    ...(merchants.alipayAuthorizedAvailable || view?.mode === 'authorized' ? [{ value: 'authorized' as const, label: t('merchants.alipay.mode.authorized') }] : []),
  ];
  const fingerprint = view?.mode === 'direct' ? view.alipayPublicKeyFingerprint : null;

  return (
    <Card title={t('merchants.alipay.title')} testId='merchant-alipay'>
      <View className='bx-merchants__state'>
        <StatusBadge tone={view ? (view.enabled ? 'success' : 'warning') : 'neutral'} value={view ? (view.enabled ? 'enabled' : 'disabled') : 'none'} testId='merchant-alipay-state'>
          {t(view ? (view.enabled ? 'merchants.state.enabled' : 'merchants.state.disabled') : 'merchants.state.none')}
        </StatusBadge>
      </View>
      {modes.length > 1 ? (
        <ChoiceField name='mode' label={t('merchants.mode')} options={modes} value={form.mode} onChange={set('mode')} testIdPrefix='alipay-mode' />
      ) : null}
      {form.mode === 'authorized' ? (
        <>
          <TextInput name='sellerId' label={t('merchants.alipay.sellerId')} hint={t('merchants.alipay.sellerIdHint')} value={form.sellerId} onChange={set('sellerId')} error={errorOf('sellerId')} testId='alipay-sellerId' disabled={busy} maxlength={32} />
          <SecretInput
            name='appAuthToken'
            label={t('merchants.alipay.appAuthToken')}
            stored={alipaySecretStored(view, 'appAuthToken')}
            value={form.appAuthToken}
            onChange={set('appAuthToken')}
            error={errorOf('appAuthToken')}
            testId='alipay-appAuthToken'
            disabled={busy}
          />
        </>
      ) : (
        <>
          <TextInput name='appId' label={t('merchants.alipay.appId')} value={form.appId} onChange={set('appId')} error={errorOf('appId')} testId='alipay-appId' disabled={busy} maxlength={32} />
          <SecretInput
            name='privateKey'
            label={t('merchants.alipay.privateKey')}
            stored={alipaySecretStored(view, 'privateKey')}
            value={form.privateKey}
            onChange={set('privateKey')}
            error={errorOf('privateKey')}
            testId='alipay-privateKey'
            disabled={busy}
            multiline
          />
          <TextInput
            name='alipayPublicKey'
            label={t('merchants.alipay.publicKey')}
            hint={fingerprint ? t('merchants.alipay.publicKeyStored', { fingerprint }) : t('merchants.alipay.publicKeyHint')}
            value={form.alipayPublicKey}
            onChange={set('alipayPublicKey')}
            error={errorOf('alipayPublicKey')}
            testId='alipay-alipayPublicKey'
            disabled={busy}
            multiline
          />
        </>
      )}
      <EnabledSwitch checked={form.enabled} onChange={set('enabled')} disabled={busy} testId='alipay-enabled' />
      <NoticeUrl url={merchants.noticeUrls.alipay} testId='alipay-notice-url' />
      <FormFooter
        error={editor.failure}
        errorTestId='alipay-failure'
        busy={busy}
        submitLabel={t('merchants.save')}
        submitTestId='alipay-save'
        onSubmit={() => void editor.submit()}
        onCancel={editor.reset}
        cancelTestId='alipay-reset'
      />
      {view ? (
        <Button variant='quiet' disabled={busy} testId='alipay-remove' onClick={() => void editor.remove()}>
          {t('merchants.remove')}
        </Button>
      ) : null}
    </Card>
  );
}
