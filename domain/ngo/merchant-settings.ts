/**
 * What an NGO admin may enter as its WeChat Pay or Alipay merchant, checked by shape: the editor
 * checks as typed, the server checks the same and then reads the keys themselves (which needs
 * crypto, so it is done on the server only). A problem names its field (`platformKeys.1.pem` for a
 * list item) and a code the locale files translate.
 */

export type MerchantProblemCode =
  | 'required'
  | 'mch_id'
  | 'serial_no'
  | 'apiv3_key'
  | 'private_key_unreadable'
  | 'private_key_not_rsa'
  | 'private_key_too_short'
  | 'private_key_is_public'
  | 'platform_keys_missing'
  | 'platform_key_unreadable'
  | 'platform_key_expired'
  | 'platform_key_is_own'
  | 'platform_key_id_mismatch'
  | 'public_key_id'
  | 'platform_key_duplicate'
  | 'app_id'
  | 'alipay_public_key_unreadable'
  | 'alipay_public_key_is_app_key'
  | 'seller_id'
  | 'app_auth_token'
  | 'provider_unavailable'
  | 'alipay_app_unavailable';

export interface MerchantProblem {
  field: string;
  code: MerchantProblemCode;
}

/** WeChat Pay merchant numbers (mchid, sub_mchid): 8 to 12 digits. */
export const MCH_ID = /^\d{8,12}$/;
/** A certificate serial number as WeChat Pay shows it: hexadecimal. */
export const SERIAL_NO = /^[0-9A-Fa-f]{8,64}$/;
/** The APIv3 key the merchant set in its console: exactly 32 letters and digits. */
export const APIV3_KEY = /^[0-9A-Za-z]{32}$/;
/** The id WeChat Pay gives its public key (the newer alternative to platform certificates). */
export const PUBLIC_KEY_ID = /^PUB_KEY_ID_[0-9A-Za-z_]{1,64}$/;
/** Alipay app ids are 16 digits. */
export const ALIPAY_APP_ID = /^\d{16}$/;
/** Alipay user and seller ids: 2088 and 12 more digits. */
export const ALIPAY_SELLER_ID = /^2088\d{12}$/;
export const APP_AUTH_TOKEN = /^[0-9A-Za-z_.-]{16,128}$/;
/** How many WeChat Pay keys a merchant may list (the current and the next certificate, the public key). */
export const MAX_PLATFORM_KEYS = 5;

export interface WechatMerchantInput {
  mode: 'direct' | 'sub_merchant';
  mchId?: string;
  serialNo?: string;
  privateKey?: string;
  apiV3Key?: string;
  platformKeys?: { id?: string; pem: string }[];
  subMchId?: string;
}

export interface AlipayMerchantInput {
  mode: 'direct' | 'authorized';
  appId?: string;
  privateKey?: string;
  alipayPublicKey?: string;
  sellerId?: string;
  appAuthToken?: string;
}

/** What the server offers and what is already stored (a secret left out keeps the stored one). */
export interface MerchantContext {
  privateKeyStored: boolean;
  apiV3KeyStored?: boolean;
  appAuthTokenStored?: boolean;
  providerAvailable?: boolean;
  alipayAuthorizedAvailable?: boolean;
  /** Ids of the WeChat Pay platform keys already stored: one of them given with no text keeps the stored key. */
  storedPlatformKeyIds?: readonly string[];
  /** An Alipay public key is stored: left empty, it is kept. */
  alipayPublicKeyStored?: boolean;
}

const blank = (value: string | undefined) => (value ?? '').trim() === '';

function check(problems: MerchantProblem[], field: string, value: string | undefined, pattern: RegExp, code: MerchantProblemCode) {
  if (blank(value)) problems.push({ field, code: 'required' });
  else if (!pattern.test(value!.trim())) problems.push({ field, code });
}

/** A secret is needed when none is stored; when given, it must have the right shape. */
function checkSecret(problems: MerchantProblem[], field: string, value: string | undefined, stored: boolean, pattern: RegExp | null, code: MerchantProblemCode) {
  if (value === undefined || value.trim() === '') {
    if (!stored) problems.push({ field, code: 'required' });
  } else if (pattern && !pattern.test(value.trim())) {
    problems.push({ field, code });
  }
}

export function wechatMerchantProblems(input: WechatMerchantInput, context: MerchantContext): MerchantProblem[] {
  const problems: MerchantProblem[] = [];
  if (input.mode === 'sub_merchant') {
    if (!context.providerAvailable) problems.push({ field: 'mode', code: 'provider_unavailable' });
    check(problems, 'subMchId', input.subMchId, MCH_ID, 'mch_id');
    return problems;
  }
  check(problems, 'mchId', input.mchId, MCH_ID, 'mch_id');
  check(problems, 'serialNo', input.serialNo, SERIAL_NO, 'serial_no');
  checkSecret(problems, 'privateKey', input.privateKey, context.privateKeyStored, null, 'private_key_unreadable');
  checkSecret(problems, 'apiV3Key', input.apiV3Key, Boolean(context.apiV3KeyStored), APIV3_KEY, 'apiv3_key');
  const keys = input.platformKeys ?? [];
  if (keys.length === 0) problems.push({ field: 'platformKeys', code: 'platform_keys_missing' });
  const seen = new Set<string>();
  keys.forEach((key, index) => {
    const id = key.id?.trim();
    const kept = Boolean(id) && (context.storedPlatformKeyIds ?? []).some((stored) => stored.toUpperCase() === id!.toUpperCase());
    if (blank(key.pem) && !kept) problems.push({ field: `platformKeys.${index}.pem`, code: 'required' });
    if (!id) return;
    if (id.startsWith('PUB_KEY_ID') && !PUBLIC_KEY_ID.test(id)) problems.push({ field: `platformKeys.${index}.id`, code: 'public_key_id' });
    else if (seen.has(id.toUpperCase())) problems.push({ field: `platformKeys.${index}.id`, code: 'platform_key_duplicate' });
    seen.add(id.toUpperCase());
  });
  return problems;
}

export function alipayMerchantProblems(input: AlipayMerchantInput, context: MerchantContext): MerchantProblem[] {
  const problems: MerchantProblem[] = [];
  if (input.mode === 'authorized') {
    if (!context.alipayAuthorizedAvailable) problems.push({ field: 'mode', code: 'alipay_app_unavailable' });
    check(problems, 'sellerId', input.sellerId, ALIPAY_SELLER_ID, 'seller_id');
    checkSecret(problems, 'appAuthToken', input.appAuthToken, Boolean(context.appAuthTokenStored), APP_AUTH_TOKEN, 'app_auth_token');
    return problems;
  }
  check(problems, 'appId', input.appId, ALIPAY_APP_ID, 'app_id');
  checkSecret(problems, 'privateKey', input.privateKey, context.privateKeyStored, null, 'private_key_unreadable');
  if (blank(input.alipayPublicKey) && !context.alipayPublicKeyStored) problems.push({ field: 'alipayPublicKey', code: 'required' });
  return problems;
}
