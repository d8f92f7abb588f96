import type { FastifyInstance } from 'fastify';
import type { MerchantPlatform, SaveAlipayMerchantBody, SaveWechatMerchantBody } from '../../../domain/api/merchants';
import type { MerchantProblem } from '../../../domain/ngo/merchant-settings';
import type { PrincipalOf } from '../../access/principal';
import { recordAudit } from '../../audit/record';
import { AppError } from '../../lib/errors';
import { checkAlipayMerchant, checkWechatMerchant, type Checked } from './validate';
import { loadMerchant, MerchantChanged, removeMerchant, saveMerchant, type MerchantSettings } from './store';

/** An NGO admin (`PrincipalOf<'ngo_admin'>` alone is empty: staff principals share one shape). */
export type Admin = PrincipalOf<'caseworker' | 'ngo_admin'> & { role: 'ngo_admin' };
type SaveBody = { platform: 'wechat'; body: SaveWechatMerchantBody } | { platform: 'alipay'; body: SaveAlipayMerchantBody };

const invalid = (problems: MerchantProblem[]) =>
  new AppError('MERCHANT_SETTINGS_INVALID', { details: problems.map((p) => ({ field: `body.${p.field}`, message: `merchant:${p.code}` })) });

/**
 * Saves the NGO's merchant on one platform. Versioned: the body names the `updatedAt` it was edited
 * from, and the write is a compare-and-set on it, so two admins never silently mix their keys. Audited
 * with ids and which secrets were replaced, never their values.
 */
export async function saveMerchantSettings(app: FastifyInstance, admin: Admin, input: SaveBody, now: Date): Promise<void> {
  const loaded = await loadMerchant(app.db, app.config.payments.secretsKey, { ngoId: admin.ngoId, platform: input.platform });
  const current = loaded && !loaded.merchant.removedAt ? loaded : null;
  if (input.body.expectedUpdatedAt !== (current?.merchant.updatedAt ?? null)) throw new AppError('MERCHANT_VERSION_STALE');

  let checked: Checked<MerchantSettings>;
  if (input.platform === 'wechat') {
    const stored = current?.settings.platform === 'wechat' ? current.settings : null;
    checked = checkWechatMerchant(input.body, stored, { providerAvailable: Boolean(app.config.payments.wechatPayProvider) }, now);
  } else {
    const stored = current?.settings.platform === 'alipay' ? current.settings : null;
    checked = checkAlipayMerchant(input.body, stored, { authorizedAvailable: Boolean(app.config.alipay?.publicKey) });
  }
  if (!('settings' in checked)) throw invalid(checked.problems);
  const { settings, replacedSecrets } = checked;

  try {
    await app.db.transaction().execute(async (trx) => {
      const id = await saveMerchant(
        trx,
        app.config.payments.secretsKey,
        { ngoId: admin.ngoId, settings, enabled: input.body.enabled, updatedBy: admin.accountId, ifUpdatedAt: loaded?.merchant.updatedAt ?? null },
        now,
      );
      const previous = current && { mode: current.merchant.mode, merchantId: current.merchant.merchantId, enabled: current.merchant.enabled };
      await recordAudit(trx, admin, now, {
        action: 'ngo_merchants.save',
        entityType: 'ngo_merchant',
        entityId: id,
        detail: {
          platform: input.platform,
          mode: settings.mode,
          merchantId: merchantIdOf(settings),
          enabled: input.body.enabled,
          ...(settings.platform === 'wechat' && settings.mode === 'direct' ? { serialNo: settings.serialNo, platformKeyIds: settings.platformKeys.map((k) => k.id) } : {}),
          secretsReplaced: replacedSecrets,
          previous,
        },
      });
    });
  } catch (error) {
    if (error instanceof MerchantChanged) throw new AppError('MERCHANT_VERSION_STALE');
    throw error;
  }
}

function merchantIdOf(settings: MerchantSettings): string {
  if (settings.platform === 'wechat') return settings.mode === 'direct' ? settings.mchId : settings.subMchId;
  return settings.mode === 'direct' ? settings.appId : settings.sellerId;
}

/** Removes the NGO's merchant on a platform (sponsors see bank transfer again); audited. */
export async function removeMerchantSettings(app: FastifyInstance, admin: Admin, platform: MerchantPlatform, now: Date): Promise<void> {
  try {
    await app.db.transaction().execute(async (trx) => {
      const removed = await removeMerchant(trx, { ngoId: admin.ngoId, platform }, admin.accountId, now);
      if (!removed) throw new AppError('NOT_FOUND');
      await recordAudit(trx, admin, now, { action: 'ngo_merchants.remove', entityType: 'ngo', entityId: admin.ngoId, detail: { platform } });
    });
  } catch (error) {
    if (error instanceof MerchantChanged) throw new AppError('MERCHANT_VERSION_STALE');
    throw error;
  }
}
