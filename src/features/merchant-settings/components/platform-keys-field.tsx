import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { Button, FormField, TextInput } from '@/components/ui';
import { formatDate } from '@/lib/format';
import { useLocale, useT } from '@/lib/i18n';
import type { PlatformKeyView } from '../api';
import type { NewPlatformKey } from '../forms';

export interface PlatformKeysFieldProps {
  kept: PlatformKeyView[];
  added: NewPlatformKey[];
  onChange: (kept: PlatformKeyView[], added: NewPlatformKey[]) => void;
  error: string | null;
  disabled: boolean;
}

/**
 * The keys WeChat Pay signs its notices with: platform certificates and/or the WeChat Pay public key
 * (`PUB_KEY_ID_…`). Stored ones show their id and expiry; new ones are pasted, then saved with the form.
 */
export function PlatformKeysField({ kept, added, onChange, error, disabled }: PlatformKeysFieldProps) {
  const t = useT();
  const locale = useLocale();
  const [id, setId] = useState('');
  const [pem, setPem] = useState('');

  const add = () => {
    if (!pem.trim()) return;
    onChange(kept, [...added, { id: id.trim(), pem: pem.trim() }]);
    setId('');
    setPem('');
  };

  return (
    <FormField name='platformKeys' label={t('merchants.wechat.platformKeys')} hint={t('merchants.wechat.platformKeysHint')} error={error}>
      <View className='bx-merchants__keys' data-testid='wechat-platform-keys'>
        {kept.map((key) => (
          <View key={key.id} className='bx-merchants__key' data-testid='wechat-platform-key' data-id={key.id}>
            <Text className='bx-merchants__key-id'>{key.id}</Text>
            <Text className='bx-merchants__hint'>
              {key.kind === 'public_key'
                ? t('merchants.wechat.publicKey')
                : key.expiresAt
                  ? t('merchants.wechat.certificateUntil', { date: formatDate(key.expiresAt, locale) })
                  : t('merchants.wechat.certificate')}
            </Text>
            <Button variant='quiet' disabled={disabled} label={t('merchants.wechat.removeKeyLabel', { id: key.id })} onClick={() => onChange(kept.filter((k) => k !== key), added)}>
              {t('merchants.wechat.removeKey')}
            </Button>
          </View>
        ))}
        {added.map((key, index) => (
          <View key={`new-${index}`} className='bx-merchants__key' data-testid='wechat-platform-key-new'>
            <Text className='bx-merchants__key-id'>{key.id || t('merchants.wechat.idFromCertificate')}</Text>
            <Text className='bx-merchants__hint'>{t('merchants.wechat.notSavedYet')}</Text>
            <Button variant='quiet' disabled={disabled} label={t('merchants.wechat.removeKeyLabel', { id: key.id || '' })} onClick={() => onChange(kept, added.filter((k) => k !== key))}>
              {t('merchants.wechat.removeKey')}
            </Button>
          </View>
        ))}
        <TextInput name='newKeyPem' label={t('merchants.wechat.newKeyPem')} value={pem} onChange={setPem} multiline testId='wechat-new-key-pem' disabled={disabled} />
        <TextInput name='newKeyId' label={t('merchants.wechat.newKeyId')} hint={t('merchants.wechat.newKeyIdHint')} value={id} onChange={setId} testId='wechat-new-key-id' disabled={disabled} maxlength={64} />
        <Button variant='secondary' disabled={disabled || !pem.trim()} testId='wechat-add-key' onClick={add}>
          {t('merchants.wechat.addKey')}
        </Button>
      </View>
    </FormField>
  );
}
