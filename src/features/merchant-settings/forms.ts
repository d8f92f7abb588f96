import { ALIPAY_APP_ID, ALIPAY_SELLER_ID, APIV3_KEY, MCH_ID, SERIAL_NO } from '../../../domain/ngo/merchant-settings';
import type { MessageKey } from '@/lib/i18n';
import { ApiError } from '@/lib/api-client';
import type { AlipayMerchantView, PlatformKeyView, SaveAlipayMerchantBody, SaveWechatMerchantBody, WechatMerchantView } from './api';

/** A platform key pasted in this session, not saved yet. */
export interface NewPlatformKey {
  id: string;
  pem: string;
}

export interface WechatForm {
  mode: 'direct' | 'sub_merchant';
  mchId: string;
  serialNo: string;
  /** Secrets start empty: empty keeps what is stored. */
  privateKey: string;
  apiV3Key: string;
  subMchId: string;
  /** Stored keys the admin keeps (sent by id: the server holds their text). */
  keptKeys: PlatformKeyView[];
  newKeys: NewPlatformKey[];
  enabled: boolean;
}

export interface AlipayForm {
  mode: 'direct' | 'authorized';
  appId: string;
  privateKey: string;
  alipayPublicKey: string;
  sellerId: string;
  appAuthToken: string;
  enabled: boolean;
}

export type WechatField = 'mchId' | 'serialNo' | 'privateKey' | 'apiV3Key' | 'subMchId' | 'platformKeys';
export type AlipayField = 'appId' | 'privateKey' | 'alipayPublicKey' | 'sellerId' | 'appAuthToken';

export function wechatFormOf(view: WechatMerchantView | null): WechatForm {
  const direct = view?.mode !== 'sub_merchant';
  return {
    mode: view?.mode ?? 'direct',
    mchId: view && direct ? view.merchantId : '',
    serialNo: view?.serialNo ?? '',
    privateKey: '',
    apiV3Key: '',
    subMchId: view && !direct ? view.merchantId : '',
    keptKeys: view?.platformKeys ?? [],
    newKeys: [],
    enabled: view?.enabled ?? true,
  };
}

export function alipayFormOf(view: AlipayMerchantView | null): AlipayForm {
  const direct = view?.mode !== 'authorized';
  return {
    mode: view?.mode ?? 'direct',
    appId: view && direct ? view.merchantId : '',
    privateKey: '',
    alipayPublicKey: '',
    sellerId: view && !direct ? view.merchantId : '',
    appAuthToken: '',
    enabled: view?.enabled ?? true,
  };
}

/** A secret is stored for the mode being edited, so leaving it empty keeps it. */
export function wechatSecretStored(view: WechatMerchantView | null, secret: 'privateKey' | 'apiV3Key'): boolean {
  if (view?.mode !== 'direct') return false;
  return secret === 'privateKey' ? view.privateKeySet : view.apiV3KeySet;
}

export function alipaySecretStored(view: AlipayMerchantView | null, secret: 'privateKey' | 'appAuthToken' | 'alipayPublicKey'): boolean {
  if (!view) return false;
  if (secret === 'appAuthToken') return view.mode === 'authorized' && view.appAuthTokenSet;
  if (view.mode !== 'direct') return false;
  return secret === 'privateKey' ? view.privateKeySet : view.alipayPublicKeyFingerprint !== null;
}

type Problems<F extends string> = Partial<Record<F, MessageKey>>;

function checkShape<F extends string>(problems: Problems<F>, field: F, value: string, pattern: RegExp, problem: MessageKey) {
  const text = value.trim();
  if (!text) problems[field] = 'merchants.problem.required';
  else if (!pattern.test(text)) problems[field] = problem;
}

/** What the form can tell before asking the server (the same shapes as `domain/ngo/merchant-settings`; the server also reads the keys). */
export function wechatProblems(form: WechatForm, view: WechatMerchantView | null): Problems<WechatField> {
  const problems: Problems<WechatField> = {};
  if (form.mode === 'sub_merchant') {
    checkShape(problems, 'subMchId', form.subMchId, MCH_ID, 'merchants.problem.mchId');
    return problems;
  }
  checkShape(problems, 'mchId', form.mchId, MCH_ID, 'merchants.problem.mchId');
  checkShape(problems, 'serialNo', form.serialNo, SERIAL_NO, 'merchants.problem.serialNo');
  if (!form.privateKey.trim() && !wechatSecretStored(view, 'privateKey')) problems.privateKey = 'merchants.problem.required';
  if (form.apiV3Key.trim() || !wechatSecretStored(view, 'apiV3Key')) checkShape(problems, 'apiV3Key', form.apiV3Key, APIV3_KEY, 'merchants.problem.apiV3Key');
  if (form.keptKeys.length + form.newKeys.length === 0) problems.platformKeys = 'merchants.problem.platformKeyNeeded';
  return problems;
}

export function alipayProblems(form: AlipayForm, view: AlipayMerchantView | null): Problems<AlipayField> {
  const problems: Problems<AlipayField> = {};
  if (form.mode === 'authorized') {
    checkShape(problems, 'sellerId', form.sellerId, ALIPAY_SELLER_ID, 'merchants.problem.sellerId');
    if (!form.appAuthToken.trim() && !alipaySecretStored(view, 'appAuthToken')) problems.appAuthToken = 'merchants.problem.required';
    return problems;
  }
  checkShape(problems, 'appId', form.appId, ALIPAY_APP_ID, 'merchants.problem.appId');
  if (!form.privateKey.trim() && !alipaySecretStored(view, 'privateKey')) problems.privateKey = 'merchants.problem.required';
  if (!form.alipayPublicKey.trim() && !alipaySecretStored(view, 'alipayPublicKey')) problems.alipayPublicKey = 'merchants.problem.required';
  return problems;
}

/** Only what was typed: an empty secret is left out so the stored one stays. */
export function wechatBodyOf(form: WechatForm, view: WechatMerchantView | null): SaveWechatMerchantBody {
  const expectedUpdatedAt = view?.updatedAt ?? null;
  if (form.mode === 'sub_merchant') return { mode: 'sub_merchant', subMchId: form.subMchId.trim(), enabled: form.enabled, expectedUpdatedAt };
  const privateKey = form.privateKey.trim();
  const apiV3Key = form.apiV3Key.trim();
  return {
    mode: 'direct',
    mchId: form.mchId.trim(),
    serialNo: form.serialNo.trim(),
    ...(privateKey ? { privateKey } : {}),
    ...(apiV3Key ? { apiV3Key } : {}),
    platformKeys: [
      ...form.keptKeys.map((key) => ({ id: key.id, pem: '' })),
      ...form.newKeys.map((key) => ({ ...(key.id.trim() ? { id: key.id.trim() } : {}), pem: key.pem.trim() })),
    ],
    enabled: form.enabled,
    expectedUpdatedAt,
  };
}

export function alipayBodyOf(form: AlipayForm, view: AlipayMerchantView | null): SaveAlipayMerchantBody {
  const expectedUpdatedAt = view?.updatedAt ?? null;
  if (form.mode === 'authorized') {
    const appAuthToken = form.appAuthToken.trim();
    return { mode: 'authorized', sellerId: form.sellerId.trim(), ...(appAuthToken ? { appAuthToken } : {}), enabled: form.enabled, expectedUpdatedAt };
  }
  const privateKey = form.privateKey.trim();
  return {
    mode: 'direct',
    appId: form.appId.trim(),
    ...(privateKey ? { privateKey } : {}),
    alipayPublicKey: form.alipayPublicKey.trim(),
    enabled: form.enabled,
    expectedUpdatedAt,
  };
}

/** The server's field messages (`body.mchId`, `body.platformKeys/1/pem`) by top-level field. */
export function serverFieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const detail of error.details) {
    const field = detail.field.replace(/^body[./]/, '').split(/[./[]/)[0];
    if (field && !out[field]) out[field] = detail.message;
  }
  return out;
}
