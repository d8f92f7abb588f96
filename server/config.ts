import { createPrivateKey, createPublicKey, randomBytes, type KeyObject } from 'node:crypto';
import path from 'node:path';
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { PUSH_EVENTS, type PushEvent } from '../domain/messaging';
import type { S3Settings } from './files/s3-storage';
import { loadPaymentsConfig, PaymentsEnv, type PaymentsConfig } from './payments-config';

const repoRoot = path.resolve(__dirname, '..');

const Bool = Type.Union([Type.Literal('true'), Type.Literal('false')]);
/** `event=templateId` pairs separated by commas, e.g. `checkin_reminder=AbC123,student_checking_in=XyZ`. */
const TEMPLATE_LIST = '^[a-z_]+=[A-Za-z0-9_-]+(,[a-z_]+=[A-Za-z0-9_-]+)*$';

const EnvSchema = Type.Object({
  BANXUE_MODE: Type.Optional(Type.Union([Type.Literal('local'), Type.Literal('production')])),
  NODE_ENV: Type.Optional(Type.String()),
  HOST: Type.Optional(Type.String({ minLength: 1 })),
  PORT: Type.Optional(Type.String({ pattern: '^[0-9]{1,5}$' })),
  LOG_LEVEL: Type.Optional(
    Type.Union(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l))),
  ),
  DATABASE_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  BANXUE_SQLITE_PATH: Type.Optional(Type.String({ minLength: 1 })),
  BANXUE_DEMO_LOGIN: Type.Optional(Bool),
  BANXUE_SEED_ON_START: Type.Optional(Bool),
  BANXUE_H5_DIR: Type.Optional(Type.String({ minLength: 1 })),
  SESSION_TTL_HOURS: Type.Optional(Type.String({ pattern: '^[0-9]{1,5}$' })),
  PLATFORM_TIMEOUT_MS: Type.Optional(Type.String({ pattern: '^[0-9]{3,6}$' })),
  WECHAT_APP_ID: Type.Optional(Type.String({ minLength: 1 })),
  WECHAT_APP_SECRET: Type.Optional(Type.String({ minLength: 1 })),
  WECHAT_API_BASE_URL: Type.Optional(Type.String({ pattern: '^https?://' })),
  ALIPAY_APP_ID: Type.Optional(Type.String({ minLength: 1 })),
  ALIPAY_PRIVATE_KEY: Type.Optional(Type.String({ minLength: 1 })),
  ALIPAY_PUBLIC_KEY: Type.Optional(Type.String({ minLength: 1 })),
  ALIPAY_GATEWAY_URL: Type.Optional(Type.String({ pattern: '^https?://' })),
  BANXUE_FILES_DIR: Type.Optional(Type.String({ minLength: 1 })),
  BANXUE_S3_BUCKET: Type.Optional(Type.String({ pattern: '^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$' })),
  BANXUE_S3_ENDPOINT: Type.Optional(Type.String({ pattern: '^https?://' })),
  BANXUE_S3_REGION: Type.Optional(Type.String({ minLength: 1 })),
  BANXUE_S3_ACCESS_KEY_ID: Type.Optional(Type.String({ minLength: 1 })),
  BANXUE_S3_SECRET_ACCESS_KEY: Type.Optional(Type.String({ minLength: 1 })),
  BANXUE_S3_FORCE_PATH_STYLE: Type.Optional(Bool),
  BANXUE_S3_PREFIX: Type.Optional(Type.String({ pattern: '^[a-z0-9-]+/$' })),
  BANXUE_FILE_URL_SECRET: Type.Optional(Type.String({ minLength: 32 })),
  BANXUE_MSG_SEC_CHECK: Type.Optional(Bool),
  BANXUE_JOBS: Type.Optional(Bool),
  BANXUE_IDEMPOTENCY_LEASE_SECONDS: Type.Optional(Type.String({ pattern: '^[0-9]{1,4}$' })),
  BANXUE_JOB_INTERVAL_SECONDS: Type.Optional(Type.String({ pattern: '^[0-9]{1,2}$' })),
  BANXUE_CLOCK_FILE: Type.Optional(Type.String({ minLength: 1 })),
  WECHAT_SUBSCRIBE_TEMPLATES: Type.Optional(Type.String({ pattern: TEMPLATE_LIST })),
  ALIPAY_TEMPLATES: Type.Optional(Type.String({ pattern: TEMPLATE_LIST })),
  ...PaymentsEnv,
});
type Env = Static<typeof EnvSchema>;

export interface AppConfig {
  mode: 'local' | 'production';
  host: string;
  port: number;
  logLevel: string;
  database: { url?: string; sqlitePath: string };
  demoLogin: boolean;
  seedOnStart: boolean;
  h5Dir: string;
  sessionTtlHours: number;
  platformTimeoutMs: number;
  wechat?: { appId: string; appSecret: string; baseUrl: string };
  /** `publicKey` (Alipay's, PEM) checks response signatures; always set in production. */
  alipay?: { appId: string; privateKey: string; publicKey?: string; gatewayUrl: string };
  /** Where uploaded photos are kept (the local-folder storage). */
  filesDir: string;
  /** When set, photos and receipts live in this S3-compatible bucket instead of `filesDir` (several instances). */
  s3?: S3Settings;
  /** HMAC key for the short-lived file URLs; random per start in local mode, required in production. */
  fileUrlSecret: string;
  /** Also check letter text with WeChat msgSecCheck (needs the WeChat app id and secret). */
  msgSecCheck: boolean;
  /** Run the silence sweep and the message outbox on their schedules inside this process. */
  jobs: boolean;
  /** How long an idempotent write's in-progress claim holds before a retry may take it over (its request crashed). */
  idempotencyLeaseSeconds: number;
  /** Seconds between runs of each job (a divisor of 60); 60 in normal running. */
  jobIntervalSeconds: number;
  /** Local mode only: read the current time from this file (an ISO-8601 instant) instead of the system clock. */
  clockFile?: string;
  /** Platform template ids per event; an event without one is sent in-app only. */
  templates: { wechat: Partial<Record<PushEvent, string>>; alipay: Partial<Record<PushEvent, string>> };
  payments: PaymentsConfig;
}

function parseTemplates(name: string, list: string | undefined, problems: string[]): Partial<Record<PushEvent, string>> {
  const out: Partial<Record<PushEvent, string>> = {};
  for (const pair of list ? list.split(',') : []) {
    const [event, id] = pair.split('=');
    if ((PUSH_EVENTS as readonly string[]).includes(event)) out[event as PushEvent] = id;
    else problems.push(`${name}: unknown event "${event}" (known: ${PUSH_EVENTS.join(', ')})`);
  }
  return out;
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

function pair<T>(name: string, a: string | undefined, b: string | undefined, build: () => T, problems: string[]) {
  if (!a && !b) return undefined;
  if (!a || !b) {
    problems.push(`${name}: set both the app id and its secret/key, or neither`);
    return undefined;
  }
  return build();
}

const pemFromEnv = (value: string) => value.replace(/\\n/g, '\n');

function readKey<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

/** The app's RSA2 signing key, as PEM; undefined (with a problem) when unreadable. */
function alipayPrivateKey(value: string, problems: string[]): string | undefined {
  const pem = pemFromEnv(value);
  const key = readKey(() => createPrivateKey(pem));
  if (key?.asymmetricKeyType === 'rsa') return pem;
  problems.push('ALIPAY_PRIVATE_KEY: not an RSA private key; give the app private key as PEM (PKCS#8 or PKCS#1, `\\n` escapes allowed)');
  return undefined;
}

/**
 * Alipay's public key, which checks the signature on every gateway response, as PEM. Accepts PEM or
 * the bare base64 line the open platform console shows; refuses the app's own public key, the usual
 * mix-up, since Alipay never signs with it.
 */
function alipayPublicKey(value: string | undefined, appPrivateKey: string | undefined, mode: AppConfig['mode'], problems: string[]) {
  if (!value) {
    if (mode === 'production') {
      problems.push('ALIPAY_PUBLIC_KEY: required in production with Alipay credentials, to check the signature on Alipay’s responses (the Alipay public key, 支付宝公钥, from the open platform console)');
    }
    return undefined;
  }
  const text = pemFromEnv(value).trim();
  if (text.includes('PRIVATE KEY')) {
    problems.push('ALIPAY_PUBLIC_KEY: this is a private key; give the Alipay public key (支付宝公钥) from the open platform console');
    return undefined;
  }
  const key: KeyObject | undefined = text.startsWith('-----BEGIN')
    ? readKey(() => createPublicKey(text))
    : readKey(() => createPublicKey({ key: Buffer.from(text, 'base64'), format: 'der', type: 'spki' }));
  if (key?.asymmetricKeyType !== 'rsa') {
    problems.push('ALIPAY_PUBLIC_KEY: not an RSA public key; give the Alipay public key as PEM (`\\n` escapes allowed) or as the base64 line the console shows');
    return undefined;
  }
  const appPublicKey = appPrivateKey && readKey(() => createPublicKey(appPrivateKey));
  if (appPublicKey && key.equals(appPublicKey)) {
    problems.push('ALIPAY_PUBLIC_KEY: this is the app’s own public key (it matches ALIPAY_PRIVATE_KEY); give the Alipay public key (支付宝公钥) shown next to it in the open platform console');
    return undefined;
  }
  return key.export({ type: 'spki', format: 'pem' }).toString();
}

const S3_REQUIRED = ['BANXUE_S3_BUCKET', 'BANXUE_S3_ENDPOINT', 'BANXUE_S3_ACCESS_KEY_ID', 'BANXUE_S3_SECRET_ACCESS_KEY'] as const;

/** The object store, when its bucket, endpoint and keys are all given (a partial set is a listed problem). */
function s3Settings(env: Env, problems: string[]): S3Settings | undefined {
  const given = S3_REQUIRED.filter((name) => env[name]);
  if (given.length === 0) return undefined;
  if (given.length < S3_REQUIRED.length) {
    problems.push(`BANXUE_S3_*: an object store needs all of ${S3_REQUIRED.join(', ')} (missing: ${S3_REQUIRED.filter((n) => !env[n]).join(', ')})`);
    return undefined;
  }
  return {
    bucket: env.BANXUE_S3_BUCKET!,
    endpoint: env.BANXUE_S3_ENDPOINT!.replace(/\/$/, ''),
    region: env.BANXUE_S3_REGION ?? 'us-east-1',
    accessKeyId: env.BANXUE_S3_ACCESS_KEY_ID!,
    secretAccessKey: env.BANXUE_S3_SECRET_ACCESS_KEY!,
    forcePathStyle: env.BANXUE_S3_FORCE_PATH_STYLE === 'true',
    prefix: env.BANXUE_S3_PREFIX ?? '',
  };
}

/** Reads and validates the environment; throws a ConfigError listing every problem at once. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): AppConfig {
  const picked = Object.fromEntries(
    Object.keys(EnvSchema.properties).flatMap((key) => (source[key] === undefined || source[key] === '' ? [] : [[key, source[key]]])),
  );
  const problems = [...Value.Errors(EnvSchema, picked)].map((e) => `${e.path.slice(1) || 'environment'}: ${e.message}`);
  if (problems.length > 0) throw new ConfigError(problems);
  const env = picked as Env;

  const production = env.BANXUE_MODE === 'production' || env.NODE_ENV === 'production';
  const mode = production ? 'production' : 'local';
  const demoLogin = env.BANXUE_DEMO_LOGIN ? env.BANXUE_DEMO_LOGIN === 'true' : mode === 'local';
  if (demoLogin && mode === 'production') {
    problems.push('BANXUE_DEMO_LOGIN: the demo login lets anyone act as any user and cannot be enabled in production');
  }
  const port = Number(env.PORT ?? 3000);
  if (port > 65535) problems.push('PORT: must be between 0 and 65535');

  const wechat = pair('WECHAT_APP_ID/WECHAT_APP_SECRET', env.WECHAT_APP_ID, env.WECHAT_APP_SECRET, () => ({
    appId: env.WECHAT_APP_ID!,
    appSecret: env.WECHAT_APP_SECRET!,
    baseUrl: (env.WECHAT_API_BASE_URL ?? 'https://api.weixin.qq.com').replace(/\/$/, ''),
  }), problems);
  const alipay = pair('ALIPAY_APP_ID/ALIPAY_PRIVATE_KEY', env.ALIPAY_APP_ID, env.ALIPAY_PRIVATE_KEY, () => {
    const privateKey = alipayPrivateKey(env.ALIPAY_PRIVATE_KEY!, problems);
    return {
      appId: env.ALIPAY_APP_ID!,
      // An unreadable key is a listed problem, so this config is never returned without one.
      privateKey: privateKey ?? '',
      publicKey: alipayPublicKey(env.ALIPAY_PUBLIC_KEY, privateKey, mode, problems),
      gatewayUrl: env.ALIPAY_GATEWAY_URL ?? 'https://openapi.alipay.com/gateway.do',
    };
  }, problems);
  if (env.ALIPAY_PUBLIC_KEY && !env.ALIPAY_APP_ID && !env.ALIPAY_PRIVATE_KEY) {
    problems.push('ALIPAY_PUBLIC_KEY: set ALIPAY_APP_ID and ALIPAY_PRIVATE_KEY too, or remove it');
  }
  if (mode === 'production' && !env.BANXUE_FILE_URL_SECRET) {
    problems.push('BANXUE_FILE_URL_SECRET: required in production (at least 32 characters), so photo links stay valid across restarts and instances');
  }
  const msgSecCheck = env.BANXUE_MSG_SEC_CHECK === 'true';
  if (msgSecCheck && !wechat) {
    problems.push('BANXUE_MSG_SEC_CHECK: the WeChat text check needs WECHAT_APP_ID and WECHAT_APP_SECRET');
  }
  const jobIntervalSeconds = Number(env.BANXUE_JOB_INTERVAL_SECONDS ?? 60);
  if (jobIntervalSeconds < 1 || 60 % jobIntervalSeconds !== 0) {
    problems.push('BANXUE_JOB_INTERVAL_SECONDS: must divide 60 (1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30 or 60), so the runs stay evenly spaced');
  }
  if (env.BANXUE_CLOCK_FILE && mode === 'production') {
    problems.push('BANXUE_CLOCK_FILE: lets a file set the server’s time, for tests that move time; it cannot be used in production');
  }
  const idempotencyLeaseSeconds = Number(env.BANXUE_IDEMPOTENCY_LEASE_SECONDS ?? 30);
  if (idempotencyLeaseSeconds < 1 || idempotencyLeaseSeconds > 600) {
    problems.push('BANXUE_IDEMPOTENCY_LEASE_SECONDS: must be between 1 and 600; longer than any request takes, short enough that a retry after a crash is not kept waiting');
  }
  const templates = {
    wechat: parseTemplates('WECHAT_SUBSCRIBE_TEMPLATES', env.WECHAT_SUBSCRIBE_TEMPLATES, problems),
    alipay: parseTemplates('ALIPAY_TEMPLATES', env.ALIPAY_TEMPLATES, problems),
  };
  const payments = loadPaymentsConfig(env, mode, port, problems);
  const s3 = s3Settings(env, problems);
  if (problems.length > 0) throw new ConfigError(problems);

  return {
    mode,
    host: env.HOST ?? '127.0.0.1',
    port,
    logLevel: env.LOG_LEVEL ?? 'info',
    database: {
      url: env.DATABASE_URL,
      sqlitePath: path.resolve(repoRoot, env.BANXUE_SQLITE_PATH ?? 'data/banxue.sqlite'),
    },
    demoLogin,
    seedOnStart: env.BANXUE_SEED_ON_START ? env.BANXUE_SEED_ON_START === 'true' : mode === 'local',
    h5Dir: path.resolve(repoRoot, env.BANXUE_H5_DIR ?? 'dist/h5'),
    sessionTtlHours: Number(env.SESSION_TTL_HOURS ?? 720),
    platformTimeoutMs: Number(env.PLATFORM_TIMEOUT_MS ?? 5000),
    wechat,
    alipay,
    filesDir: path.resolve(repoRoot, env.BANXUE_FILES_DIR ?? 'data/files'),
    s3,
    fileUrlSecret: env.BANXUE_FILE_URL_SECRET ?? randomBytes(32).toString('hex'),
    msgSecCheck,
    jobs: env.BANXUE_JOBS ? env.BANXUE_JOBS === 'true' : true,
    idempotencyLeaseSeconds,
    jobIntervalSeconds,
    clockFile: env.BANXUE_CLOCK_FILE && path.resolve(repoRoot, env.BANXUE_CLOCK_FILE),
    templates,
    payments,
  };
}
