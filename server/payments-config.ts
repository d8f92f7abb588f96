import { createHash, createPrivateKey, createPublicKey } from 'node:crypto';
import { Type } from '@sinclair/typebox';

/** The environment variables of in-app payment (DESIGN §7); each NGO's own merchant is stored per NGO. */
export const PaymentsEnv = {
  /** Where the platforms send their notices: this server's public https address. */
  BANXUE_PUBLIC_URL: Type.Optional(Type.String({ pattern: '^https?://[^\\s]+$' })),
  /** 32 bytes as 64 hex characters: seals each NGO's merchant keys at rest. */
  BANXUE_SECRETS_KEY: Type.Optional(Type.String({ pattern: '^[0-9a-fA-F]{64}$' })),
  WECHATPAY_BASE_URL: Type.Optional(Type.String({ pattern: '^https?://' })),
  WECHATPAY_SP_MCHID: Type.Optional(Type.String({ pattern: '^[0-9]{6,32}$' })),
  WECHATPAY_SP_SERIAL_NO: Type.Optional(Type.String({ pattern: '^[0-9A-Fa-f]{8,64}$' })),
  WECHATPAY_SP_PRIVATE_KEY: Type.Optional(Type.String({ minLength: 1 })),
  WECHATPAY_SP_APIV3_KEY: Type.Optional(Type.String({ pattern: '^[0-9A-Za-z]{32}$' })),
  /** JSON `[{ "id": "<certificate serial or PUB_KEY_ID_…>", "pem": "…" }]`. */
  WECHATPAY_SP_PLATFORM_KEYS: Type.Optional(Type.String({ minLength: 1 })),
  ALIPAY_PAY_GATEWAY_URL: Type.Optional(Type.String({ pattern: '^https?://' })),
  BANXUE_STATEMENT_FONT: Type.Optional(Type.String({ minLength: 1 })),
};

export interface PlatformKey {
  /** The `Wechatpay-Serial` a notice names: a platform certificate's serial or a `PUB_KEY_ID_…`. */
  id: string;
  pem: string;
}

export interface PaymentsConfig {
  /** Base of the notify URLs given to the platforms. */
  publicUrl: string;
  secretsKey: Buffer;
  wechatPayBaseUrl: string;
  /** The service provider (服务商) that NGOs in `sub_merchant` mode are under; its app is the mini-program (`WECHAT_APP_ID`). */
  wechatPayProvider?: { mchId: string; serialNo: string; privateKey: string; apiV3Key: string; platformKeys: PlatformKey[] };
  alipayGatewayUrl: string;
  /** A font file with CJK glyphs for the yearly statement PDF (a .ttc names its face). */
  statementFont: string;
}

type Env = Partial<Record<keyof typeof PaymentsEnv, string>>;

const pemFromEnv = (value: string) => value.replace(/\\n/g, '\n');

/** Parses `[{ id, pem }]`; pushes a problem and returns [] when it is not a list of readable public keys or certificates. */
export function parsePlatformKeys(name: string, text: string, problems: string[]): PlatformKey[] {
  try {
    const list = JSON.parse(text) as unknown;
    if (!Array.isArray(list) || list.length === 0) throw new Error('empty');
    return list.map((entry: { id?: unknown; pem?: unknown }) => {
      if (typeof entry?.id !== 'string' || typeof entry?.pem !== 'string') throw new Error('shape');
      const pem = pemFromEnv(entry.pem);
      createPublicKey(pem);
      return { id: entry.id, pem };
    });
  } catch {
    problems.push(`${name}: give a JSON list [{"id": "<certificate serial or PUB_KEY_ID_…>", "pem": "<certificate or public key PEM>"}]`);
    return [];
  }
}

export function loadPaymentsConfig(env: Env, mode: 'local' | 'production', port: number, problems: string[]): PaymentsConfig {
  if (mode === 'production' && !env.BANXUE_SECRETS_KEY) {
    problems.push('BANXUE_SECRETS_KEY: required in production (64 hex characters, e.g. `openssl rand -hex 32`); it seals each NGO’s payment keys at rest');
  }
  if (mode === 'production' && !env.BANXUE_PUBLIC_URL?.startsWith('https://')) {
    problems.push('BANXUE_PUBLIC_URL: required in production as this server’s public https address; WeChat Pay and Alipay send payment notices to it');
  }
  const spNames = ['WECHATPAY_SP_MCHID', 'WECHATPAY_SP_SERIAL_NO', 'WECHATPAY_SP_PRIVATE_KEY', 'WECHATPAY_SP_APIV3_KEY', 'WECHATPAY_SP_PLATFORM_KEYS'] as const;
  const spSet = spNames.filter((n) => env[n]);
  let wechatPayProvider: PaymentsConfig['wechatPayProvider'];
  if (spSet.length > 0 && spSet.length < spNames.length) {
    problems.push(`WECHATPAY_SP_*: a service provider needs all of ${spNames.join(', ')} (missing: ${spNames.filter((n) => !env[n]).join(', ')})`);
  } else if (spSet.length === spNames.length) {
    const privateKey = pemFromEnv(env.WECHATPAY_SP_PRIVATE_KEY!);
    try {
      createPrivateKey(privateKey);
    } catch {
      problems.push('WECHATPAY_SP_PRIVATE_KEY: not a readable private key; give the merchant API private key (apiclient_key.pem) as PEM, `\\n` escapes allowed');
    }
    wechatPayProvider = {
      mchId: env.WECHATPAY_SP_MCHID!,
      serialNo: env.WECHATPAY_SP_SERIAL_NO!.toUpperCase(),
      privateKey,
      apiV3Key: env.WECHATPAY_SP_APIV3_KEY!,
      platformKeys: parsePlatformKeys('WECHATPAY_SP_PLATFORM_KEYS', env.WECHATPAY_SP_PLATFORM_KEYS!, problems),
    };
  }
  return {
    publicUrl: (env.BANXUE_PUBLIC_URL ?? `http://127.0.0.1:${port}`).replace(/\/$/, ''),
    // Local mode only: a fixed key, so sealed demo settings survive a restart.
    secretsKey: env.BANXUE_SECRETS_KEY ? Buffer.from(env.BANXUE_SECRETS_KEY, 'hex') : createHash('sha256').update('banxue local secrets key').digest(),
    wechatPayBaseUrl: (env.WECHATPAY_BASE_URL ?? 'https://api.mch.weixin.qq.com').replace(/\/$/, ''),
    wechatPayProvider,
    alipayGatewayUrl: env.ALIPAY_PAY_GATEWAY_URL ?? 'https://openapi.alipay.com/gateway.do',
    statementFont: env.BANXUE_STATEMENT_FONT ?? '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  };
}
