import type { Selectable } from 'kysely';
import type { Db } from '../../db/connect';
import type { NgoMerchantTable, PayPlatform } from '../../db/schema';
import { newId } from '../../lib/ids';
import { openSecret, sealSecret } from '../../lib/secrets';
import { isUniqueViolation } from '../pledges/repository';
import type { AlipayMerchant, WechatMerchant } from '../../platforms/payments/gateway';

/**
 * Each NGO's merchant settings, one row per platform: what may be shown in `public_config` (JSON), the
 * keys sealed in `secret_config`. The only code that opens the seal; nothing here is ever logged.
 */
export type MerchantSettings = ({ platform: 'wechat' } & WechatMerchant) | ({ platform: 'alipay' } & AlipayMerchant);

export interface StoredMerchant {
  id: string;
  ngoId: string;
  platform: PayPlatform;
  mode: NgoMerchantTable['mode'];
  merchantId: string;
  enabled: boolean;
  publicConfig: Record<string, unknown>;
  updatedAt: string;
  /** Set when the NGO admin removed it: kept (switched off) only so existing orders still settle and refund. */
  removedAt: string | null;
}

/** A save made from settings someone else has changed since (compare-and-set on `updated_at`). */
export class MerchantChanged extends Error {
  constructor() {
    super('merchant settings changed since they were read');
    this.name = 'MerchantChanged';
  }
}

/** Splits settings into the row's id, public part and secret part. */
function split(settings: MerchantSettings): { merchantId: string; publicConfig: Record<string, unknown>; secrets: Record<string, string> } {
  if (settings.platform === 'wechat') {
    if (settings.mode === 'direct') {
      return {
        merchantId: settings.mchId,
        publicConfig: { serialNo: settings.serialNo, platformKeys: settings.platformKeys },
        secrets: { privateKey: settings.privateKey, apiV3Key: settings.apiV3Key },
      };
    }
    return { merchantId: settings.subMchId, publicConfig: {}, secrets: {} };
  }
  if (settings.mode === 'direct') {
    return { merchantId: settings.appId, publicConfig: { alipayPublicKey: settings.alipayPublicKey }, secrets: { privateKey: settings.privateKey } };
  }
  return { merchantId: settings.sellerId, publicConfig: {}, secrets: { appAuthToken: settings.appAuthToken } };
}

function join(row: Selectable<NgoMerchantTable>, secrets: Record<string, string>): MerchantSettings {
  const pub = JSON.parse(row.public_config) as Record<string, never>;
  if (row.platform === 'wechat') {
    return row.mode === 'direct'
      ? { platform: 'wechat', mode: 'direct', mchId: row.merchant_id, serialNo: pub.serialNo, platformKeys: pub.platformKeys, privateKey: secrets.privateKey, apiV3Key: secrets.apiV3Key }
      : { platform: 'wechat', mode: 'sub_merchant', subMchId: row.merchant_id };
  }
  return row.mode === 'direct'
    ? { platform: 'alipay', mode: 'direct', appId: row.merchant_id, alipayPublicKey: pub.alipayPublicKey, privateKey: secrets.privateKey }
    : { platform: 'alipay', mode: 'authorized', sellerId: row.merchant_id, appAuthToken: secrets.appAuthToken };
}

const stored = (row: Selectable<NgoMerchantTable>): StoredMerchant => ({
  id: row.id,
  ngoId: row.ngo_id,
  platform: row.platform,
  mode: row.mode,
  merchantId: row.merchant_id,
  enabled: row.enabled === 1,
  publicConfig: JSON.parse(row.public_config) as Record<string, unknown>,
  updatedAt: row.updated_at,
  removedAt: (JSON.parse(row.public_config) as { removedAt?: string }).removedAt ?? null,
});

/**
 * Creates or replaces the NGO's merchant on the settings' platform; returns the row id (stable across
 * updates). With `ifUpdatedAt` (null: no row yet) the write happens only if the row is still as read,
 * otherwise it throws MerchantChanged.
 */
export async function saveMerchant(
  db: Db,
  secretsKey: Buffer,
  input: { ngoId: string; settings: MerchantSettings; enabled: boolean; updatedBy: string | null; ifUpdatedAt?: string | null },
  now: Date,
): Promise<string> {
  const { merchantId, publicConfig, secrets } = split(input.settings);
  const values = {
    mode: input.settings.mode,
    merchant_id: merchantId,
    public_config: JSON.stringify(publicConfig),
    secret_config: sealSecret(secretsKey, JSON.stringify(secrets)),
    enabled: input.enabled ? 1 : 0,
    updated_at: now.toISOString(),
    updated_by: input.updatedBy,
  };
  const existing = await db
    .selectFrom('ngo_merchants')
    .select('id')
    .where('ngo_id', '=', input.ngoId)
    .where('platform', '=', input.settings.platform)
    .executeTakeFirst();
  if (existing) {
    if (input.ifUpdatedAt === null) throw new MerchantChanged();
    let update = db.updateTable('ngo_merchants').set(values).where('id', '=', existing.id);
    if (input.ifUpdatedAt !== undefined) update = update.where('updated_at', '=', input.ifUpdatedAt);
    const { numUpdatedRows } = await update.executeTakeFirst();
    if (numUpdatedRows === 0n) throw new MerchantChanged();
    return existing.id;
  }
  if (typeof input.ifUpdatedAt === 'string') throw new MerchantChanged();
  const id = newId();
  try {
    await db
      .insertInto('ngo_merchants')
      .values({ id, ngo_id: input.ngoId, platform: input.settings.platform, created_at: now.toISOString(), ...values })
      .execute();
  } catch (error) {
    // Someone else set the platform up at the same moment.
    if (input.ifUpdatedAt === null && isUniqueViolation(error)) throw new MerchantChanged();
    throw error;
  }
  return id;
}

/**
 * Switches the merchant off and marks it removed: the NGO shows bank transfer again, while its sealed
 * keys stay for the notices, queries and refunds of orders already made. False when there is none.
 */
export async function removeMerchant(db: Db, where: { ngoId: string; platform: PayPlatform }, updatedBy: string | null, now: Date): Promise<boolean> {
  const row = await findMerchant(db, where);
  if (!row || row.removedAt) return false;
  const { numUpdatedRows } = await db
    .updateTable('ngo_merchants')
    .set({ enabled: 0, public_config: JSON.stringify({ ...row.publicConfig, removedAt: now.toISOString() }), updated_at: now.toISOString(), updated_by: updatedBy })
    .where('id', '=', row.id)
    .where('updated_at', '=', row.updatedAt)
    .executeTakeFirst();
  if (numUpdatedRows === 0n) throw new MerchantChanged();
  return true;
}

/** The merchant's row without its secrets (for views and listings). */
export async function findMerchant(db: Db, where: { ngoId: string; platform: PayPlatform } | { id: string }): Promise<StoredMerchant | null> {
  let query = db.selectFrom('ngo_merchants').selectAll();
  query = 'id' in where ? query.where('id', '=', where.id) : query.where('ngo_id', '=', where.ngoId).where('platform', '=', where.platform);
  const row = await query.executeTakeFirst();
  return row ? stored(row) : null;
}

/** The merchant with its secrets opened, for building a gateway; null when none is stored. */
export async function loadMerchant(
  db: Db,
  secretsKey: Buffer,
  where: { ngoId: string; platform: PayPlatform } | { id: string },
): Promise<{ merchant: StoredMerchant; settings: MerchantSettings } | null> {
  let query = db.selectFrom('ngo_merchants').selectAll();
  query = 'id' in where ? query.where('id', '=', where.id) : query.where('ngo_id', '=', where.ngoId).where('platform', '=', where.platform);
  const row = await query.executeTakeFirst();
  if (!row) return null;
  const secrets = JSON.parse(openSecret(secretsKey, row.secret_config)) as Record<string, string>;
  return { merchant: stored(row), settings: join(row, secrets) };
}
