import { View } from '@tarojs/components';
import { Button, Card, ChoiceField, FormFooter, StatusBadge, TextInput } from '@/components/ui';
import { useT } from '@/lib/i18n';
import { saveWechatMerchant, type MerchantsView } from '../api';
import { wechatBodyOf, wechatFormOf, wechatProblems, wechatSecretStored, type WechatField, type WechatForm } from '../forms';
import { useMerchantEditor } from '../use-merchant-editor';
import { EnabledSwitch } from './enabled-switch';
import { NoticeUrl } from './notice-url';
import { PlatformKeysField } from './platform-keys-field';
import { SecretInput } from './secret-input';

/** The NGO's WeChat Pay merchant: its own (direct) or a sub-merchant under the server's service provider. */
export function WechatMerchantCard({ merchants, onChanged }: { merchants: MerchantsView; onChanged: () => void }) {
  const t = useT();
  const view = merchants.wechat;
  const editor = useMerchantEditor<WechatForm, WechatField>({
    platform: 'wechat',
    initial: wechatFormOf(view),
    problems: (form) => wechatProblems(form, view),
    confirm: (form) => ({
      title: t('merchants.wechat.confirmTitle'),
      content: t(form.enabled ? 'merchants.wechat.confirmBody' : 'merchants.confirmBodyDisabled', { id: form.mode === 'direct' ? form.mchId.trim() : form.subMchId.trim() }),
      confirm: 'merchants.confirmSave',
    }),
    send: (form) => saveWechatMerchant(wechatBodyOf(form, view)),
    onChanged,
  });
  const { form, set, errorOf, busy } = editor;
  const modes = [
    { value: 'direct' as const, label: t('merchants.wechat.mode.direct') },
    ...(merchants.providerAvailable || view?.mode === 'sub_merchant' ? [{ value: 'sub_merchant' as const, label: t('merchants.wechat.mode.sub_merchant') }] : []),
  ];

  return (
    <Card title={t('merchants.wechat.title')} testId='merchant-wechat'>
      <View className='bx-merchants__state'>
        <StatusBadge tone={view ? (view.enabled ? 'success' : 'warning') : 'neutral'} value={view ? (view.enabled ? 'enabled' : 'disabled') : 'none'} testId='merchant-wechat-state'>
          {t(view ? (view.enabled ? 'merchants.state.enabled' : 'merchants.state.disabled') : 'merchants.state.none')}
        </StatusBadge>
      </View>
      {modes.length > 1 ? (
        <ChoiceField name='mode' label={t('merchants.mode')} options={modes} value={form.mode} onChange={set('mode')} testIdPrefix='wechat-mode' />
      ) : null}
      {form.mode === 'sub_merchant' ? (
        <TextInput name='subMchId' label={t('merchants.wechat.subMchId')} hint={t('merchants.wechat.subMchIdHint')} value={form.subMchId} onChange={set('subMchId')} error={errorOf('subMchId')} testId='wechat-subMchId' disabled={busy} maxlength={32} />
      ) : (
        <>
          <TextInput name='mchId' label={t('merchants.wechat.mchId')} value={form.mchId} onChange={set('mchId')} error={errorOf('mchId')} testId='wechat-mchId' disabled={busy} maxlength={32} />
          <TextInput name='serialNo' label={t('merchants.wechat.serialNo')} hint={t('merchants.wechat.serialNoHint')} value={form.serialNo} onChange={set('serialNo')} error={errorOf('serialNo')} testId='wechat-serialNo' disabled={busy} maxlength={64} />
          <SecretInput
            name='privateKey'
            label={t('merchants.wechat.privateKey')}
            hint={t('merchants.wechat.privateKeyHint')}
            stored={wechatSecretStored(view, 'privateKey')}
            value={form.privateKey}
            onChange={set('privateKey')}
            error={errorOf('privateKey')}
            testId='wechat-privateKey'
            disabled={busy}
            multiline
          />
          <SecretInput
            name='apiV3Key'
            label={t('merchants.wechat.apiV3Key')}
            hint={t('merchants.wechat.apiV3KeyHint')}
            stored={wechatSecretStored(view, 'apiV3Key')}
            value={form.apiV3Key}
            onChange={set('apiV3Key')}
            error={errorOf('apiV3Key')}
            testId='wechat-apiV3Key'
            disabled={busy}
          />
          <PlatformKeysField
            kept={form.keptKeys}
            added={form.newKeys}
            onChange={(keptKeys, newKeys) => editor.setForm((current) => ({ ...current, keptKeys, newKeys }))}
            error={errorOf('platformKeys')}
            disabled={busy}
          />
        </>
      )}
      <EnabledSwitch checked={form.enabled} onChange={set('enabled')} disabled={busy} testId='wechat-enabled' />
      <NoticeUrl url={merchants.noticeUrls.wechat} testId='wechat-notice-url' />
      <FormFooter
        error={editor.failure}
        errorTestId='wechat-failure'
        busy={busy}
        submitLabel={t('merchants.save')}
        submitTestId='wechat-save'
        onSubmit={() => void editor.submit()}
        onCancel={editor.reset}
        cancelTestId='wechat-reset'
      />
      {view ? (
        <Button variant='quiet' disabled={busy} testId='wechat-remove' onClick={() => void editor.remove()}>
          {t('merchants.remove')}
        </Button>
      ) : null}
    </Card>
  );
}
