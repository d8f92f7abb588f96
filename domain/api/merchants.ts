import { Type, type Static } from '@sinclair/typebox';
import { IsoDateTime, literals } from './common';

/**
 * An NGO's own merchant on WeChat Pay and Alipay (DESIGN §7: the NGO is the merchant). Secrets are
 * write-only: a view says whether each one is stored (`…Set`), never what it is. A save carries the
 * `updatedAt` of the view it was edited from (`null` when setting a platform up): a save made from an
 * older view is refused (409 `MERCHANT_VERSION_STALE`) rather than silently mixing two people's keys.
 */

export const MerchantPlatform = literals(['wechat', 'alipay'] as const);
export type MerchantPlatform = Static<typeof MerchantPlatform>;

/** A key WeChat Pay signs notices with: a platform certificate (id = its serial) or the WeChat Pay public key (`PUB_KEY_ID_…`). */
export const PlatformKeyView = Type.Object({
  id: Type.String(),
  kind: literals(['certificate', 'public_key'] as const),
  /** When a certificate stops being valid; null for a public key (it does not expire). */
  expiresAt: Type.Union([IsoDateTime, Type.Null()]),
});
export type PlatformKeyView = Static<typeof PlatformKeyView>;

export const WechatMerchantView = Type.Object({
  /** `direct`: the NGO's own mchid and API keys; `sub_merchant`: a sub_mchid under the server's service provider, which holds the keys. */
  mode: literals(['direct', 'sub_merchant'] as const),
  /** mchid (direct) or sub_mchid. */
  merchantId: Type.String(),
  /** Serial number of the merchant API certificate (direct). */
  serialNo: Type.Union([Type.String(), Type.Null()]),
  platformKeys: Type.Array(PlatformKeyView),
  privateKeySet: Type.Boolean(),
  apiV3KeySet: Type.Boolean(),
  enabled: Type.Boolean(),
  updatedAt: IsoDateTime,
});
export type WechatMerchantView = Static<typeof WechatMerchantView>;

export const AlipayMerchantView = Type.Object({
  /** `direct`: the NGO's own Alipay app; `authorized`: the NGO authorised the server's app (app_auth_token). */
  mode: literals(['direct', 'authorized'] as const),
  /** App id (direct) or the NGO's seller id, 2088… (authorized). */
  merchantId: Type.String(),
  /** SHA-256 of the Alipay public key (direct), `AB:CD:…`, to compare with the key in Alipay's console. */
  alipayPublicKeyFingerprint: Type.Union([Type.String(), Type.Null()]),
  privateKeySet: Type.Boolean(),
  appAuthTokenSet: Type.Boolean(),
  enabled: Type.Boolean(),
  updatedAt: IsoDateTime,
});
export type AlipayMerchantView = Static<typeof AlipayMerchantView>;

export const MerchantsView = Type.Object({
  wechat: Type.Union([WechatMerchantView, Type.Null()]),
  alipay: Type.Union([AlipayMerchantView, Type.Null()]),
  /** Where each platform sends this NGO's payment notices (known once the platform is set up). */
  noticeUrls: Type.Object({ wechat: Type.Union([Type.String(), Type.Null()]), alipay: Type.Union([Type.String(), Type.Null()]) }),
  /** The server has a WeChat Pay service provider, so `sub_merchant` can be chosen. */
  providerAvailable: Type.Boolean(),
  /** The server has its own Alipay app, so `authorized` can be chosen. */
  alipayAuthorizedAvailable: Type.Boolean(),
});
export type MerchantsView = Static<typeof MerchantsView>;

const ExpectedUpdatedAt = Type.Union([IsoDateTime, Type.Null()]);
/** PEM text (or, for Alipay keys, the bare base64 its console shows). */
const KeyText = Type.String({ maxLength: 10000 });
const ShortText = (maxLength: number) => Type.String({ maxLength });

export const PlatformKeyInput = Type.Object(
  {
    /** Optional for a certificate (its serial is used); required for a public key (`PUB_KEY_ID_…`). */
    id: Type.Optional(ShortText(64)),
    pem: KeyText,
  },
  { additionalProperties: false },
);
export type PlatformKeyInput = Static<typeof PlatformKeyInput>;

export const WechatDirectBody = Type.Object(
  {
    mode: Type.Literal('direct'),
    mchId: ShortText(32),
    serialNo: ShortText(64),
    /** apiclient_key.pem; omit to keep the stored one. */
    privateKey: Type.Optional(KeyText),
    /** The 32-character APIv3 key; omit to keep the stored one. */
    apiV3Key: Type.Optional(ShortText(64)),
    platformKeys: Type.Array(PlatformKeyInput, { maxItems: 5 }),
    enabled: Type.Boolean(),
    expectedUpdatedAt: ExpectedUpdatedAt,
  },
  { additionalProperties: false },
);
export const WechatSubMerchantBody = Type.Object(
  { mode: Type.Literal('sub_merchant'), subMchId: ShortText(32), enabled: Type.Boolean(), expectedUpdatedAt: ExpectedUpdatedAt },
  { additionalProperties: false },
);
export const SaveWechatMerchantBody = Type.Union([WechatDirectBody, WechatSubMerchantBody]);
export type SaveWechatMerchantBody = Static<typeof SaveWechatMerchantBody>;

export const AlipayDirectBody = Type.Object(
  {
    mode: Type.Literal('direct'),
    appId: ShortText(32),
    /** The app's private key; omit to keep the stored one. */
    privateKey: Type.Optional(KeyText),
    /** Alipay's public key (支付宝公钥), not the app's own public key. */
    alipayPublicKey: KeyText,
    enabled: Type.Boolean(),
    expectedUpdatedAt: ExpectedUpdatedAt,
  },
  { additionalProperties: false },
);
export const AlipayAuthorizedBody = Type.Object(
  {
    mode: Type.Literal('authorized'),
    sellerId: ShortText(32),
    /** The app_auth_token the NGO's authorisation gave; omit to keep the stored one. */
    appAuthToken: Type.Optional(ShortText(128)),
    enabled: Type.Boolean(),
    expectedUpdatedAt: ExpectedUpdatedAt,
  },
  { additionalProperties: false },
);
export const SaveAlipayMerchantBody = Type.Union([AlipayDirectBody, AlipayAuthorizedBody]);
export type SaveAlipayMerchantBody = Static<typeof SaveAlipayMerchantBody>;

export const MerchantPlatformParams = Type.Object({ platform: MerchantPlatform }, { additionalProperties: false });
export type MerchantPlatformParams = Static<typeof MerchantPlatformParams>;
