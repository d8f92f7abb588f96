import type { SaveAlipayMerchantBody, SaveWechatMerchantBody } from '../../../domain/api/merchants';
import { alipayMerchantProblems, wechatMerchantProblems, type MerchantProblem } from '../../../domain/ngo/merchant-settings';
import type { PlatformKey } from '../../payments-config';
import { pairs, readPlatformKey, readPrivateKey, readPublicKey } from './keys';
import type { MerchantSettings } from './store';

type WechatSettings = Extract<MerchantSettings, { platform: 'wechat' }>;
type AlipaySettings = Extract<MerchantSettings, { platform: 'alipay' }>;

/** Every problem at once, or the complete settings to store and the names of the secrets the save replaces. */
export type Checked<S> = { problems: MerchantProblem[] } | { problems: []; settings: S; replacedSecrets: string[] };

const given = (value: string | undefined): value is string => value !== undefined && value.trim() !== '';

/** The private key to use: the one given (read and normalized) or the one stored. */
function privateKeyOf(value: string | undefined, stored: string | undefined, problems: MerchantProblem[]) {
  if (!given(value)) return stored === undefined ? undefined : readPrivateKey(stored);
  const reading = readPrivateKey(value);
  if (!reading.ok) problems.push({ field: 'privateKey', code: reading.reason });
  return reading;
}

export function checkWechatMerchant(
  body: SaveWechatMerchantBody,
  stored: WechatSettings | null,
  offer: { providerAvailable: boolean },
  now: Date,
): Checked<WechatSettings> {
  const storedDirect = stored?.mode === 'direct' ? stored : null;
  const problems = wechatMerchantProblems(body, {
    privateKeyStored: Boolean(storedDirect),
    apiV3KeyStored: Boolean(storedDirect),
    providerAvailable: offer.providerAvailable,
    storedPlatformKeyIds: storedDirect?.platformKeys.map((k) => k.id),
  });
  if (body.mode === 'sub_merchant') {
    if (problems.length > 0) return { problems };
    return { problems: [], settings: { platform: 'wechat', mode: 'sub_merchant', subMchId: body.subMchId.trim() }, replacedSecrets: [] };
  }

  const privateKey = privateKeyOf(body.privateKey, storedDirect?.privateKey, problems);
  const platformKeys: PlatformKey[] = [];
  const ids = new Set<string>();
  body.platformKeys.forEach((input, index) => {
    const at = (part: 'id' | 'pem') => `platformKeys.${index}.${part}`;
    if (problems.some((p) => p.field.startsWith(`platformKeys.${index}.`))) return;
    if (!given(input.pem)) {
      // An id with no text keeps that stored key (the editor never shows key text back).
      const kept = storedDirect?.platformKeys.find((k) => k.id.toUpperCase() === input.id?.trim().toUpperCase());
      if (kept && !ids.has(kept.id)) {
        ids.add(kept.id);
        platformKeys.push(kept);
      }
      return;
    }
    const key = readPlatformKey(input.pem);
    if (!key) {
      problems.push({ field: at('pem'), code: 'platform_key_unreadable' });
      return;
    }
    if (privateKey?.ok && pairs(privateKey.key, key.key)) problems.push({ field: at('pem'), code: 'platform_key_is_own' });
    let id = input.id?.trim() ?? '';
    if (key.kind === 'certificate') {
      if (key.validTo.getTime() <= now.getTime()) problems.push({ field: at('pem'), code: 'platform_key_expired' });
      if (id && id.toUpperCase() !== key.serial) problems.push({ field: at('id'), code: 'platform_key_id_mismatch' });
      id = key.serial;
    } else if (!id) {
      problems.push({ field: at('id'), code: 'required' });
    } else if (!id.startsWith('PUB_KEY_ID_')) {
      problems.push({ field: at('id'), code: 'public_key_id' });
    }
    if (ids.has(id)) problems.push({ field: at('id'), code: 'platform_key_duplicate' });
    ids.add(id);
    platformKeys.push({ id, pem: key.pem });
  });
  if (problems.length > 0 || !privateKey?.ok) return { problems };

  const apiV3Key = given(body.apiV3Key) ? body.apiV3Key.trim() : storedDirect!.apiV3Key;
  return {
    problems: [],
    settings: { platform: 'wechat', mode: 'direct', mchId: body.mchId.trim(), serialNo: body.serialNo.trim().toUpperCase(), privateKey: privateKey.pem, apiV3Key, platformKeys },
    replacedSecrets: [...(given(body.privateKey) ? ['privateKey'] : []), ...(given(body.apiV3Key) ? ['apiV3Key'] : [])],
  };
}

export function checkAlipayMerchant(body: SaveAlipayMerchantBody, stored: AlipaySettings | null, offer: { authorizedAvailable: boolean }): Checked<AlipaySettings> {
  const storedDirect = stored?.mode === 'direct' ? stored : null;
  const storedAuthorized = stored?.mode === 'authorized' ? stored : null;
  const problems = alipayMerchantProblems(body, {
    privateKeyStored: Boolean(storedDirect),
    appAuthTokenStored: Boolean(storedAuthorized),
    alipayAuthorizedAvailable: offer.authorizedAvailable,
    alipayPublicKeyStored: Boolean(storedDirect),
  });
  if (body.mode === 'authorized') {
    if (problems.length > 0) return { problems };
    const appAuthToken = given(body.appAuthToken) ? body.appAuthToken.trim() : storedAuthorized!.appAuthToken;
    return {
      problems: [],
      settings: { platform: 'alipay', mode: 'authorized', sellerId: body.sellerId.trim(), appAuthToken },
      replacedSecrets: given(body.appAuthToken) ? ['appAuthToken'] : [],
    };
  }

  const privateKey = privateKeyOf(body.privateKey, storedDirect?.privateKey, problems);
  const alipayPublicKey = given(body.alipayPublicKey) ? readPublicKey(body.alipayPublicKey) : storedDirect && readPublicKey(storedDirect.alipayPublicKey);
  if (given(body.alipayPublicKey) && !alipayPublicKey) problems.push({ field: 'alipayPublicKey', code: 'alipay_public_key_unreadable' });
  if (alipayPublicKey && privateKey?.ok && pairs(privateKey.key, alipayPublicKey.key)) {
    problems.push({ field: 'alipayPublicKey', code: 'alipay_public_key_is_app_key' });
  }
  if (problems.length > 0 || !privateKey?.ok || !alipayPublicKey) return { problems };
  return {
    problems: [],
    settings: { platform: 'alipay', mode: 'direct', appId: body.appId.trim(), privateKey: privateKey.pem, alipayPublicKey: alipayPublicKey.pem },
    replacedSecrets: given(body.privateKey) ? ['privateKey'] : [],
  };
}
