import type { FakeAlipay } from '../../server/test/fake-alipay';
import type { FakeWechatPay } from '../../server/test/fake-wechat-pay';

/** The demo NGOs and their admins (server/db/seed). */
export const DEMO_ADMINS = { sc: 'acc-staff-sc-admin', gs: 'acc-staff-gs-admin' } as const;

async function signIn(baseUrl: string, accountId: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/demo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ accountId }) });
  const session = (await response.json()) as { token?: string };
  if (!session.token) throw new Error(`demo sign-in as ${accountId} failed (${response.status})`);
  return session.token;
}

/**
 * Sets up both demo NGOs' merchants through the admin's own API, as an NGO admin would on the
 * merchant page: 凉山 (sc) with its own WeChat Pay merchant and Alipay app; 定西 (gs) as a WeChat Pay
 * sub-merchant under the service provider and with an Alipay authorisation given to the server's app.
 * Re-running replaces them (the fakes make new keys on every start).
 */
export async function configureDemoMerchants(baseUrl: string, wechat: FakeWechatPay, alipay: FakeAlipay): Promise<void> {
  const plans = [
    { admin: DEMO_ADMINS.sc, wechat: { ...wechat.direct, enabled: true }, alipay: { ...alipay.direct, enabled: true } },
    { admin: DEMO_ADMINS.gs, wechat: { mode: 'sub_merchant', subMchId: wechat.subMchId, enabled: true }, alipay: { ...alipay.authorized, enabled: true } },
  ];
  for (const plan of plans) {
    const token = await signIn(baseUrl, plan.admin);
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const current = (await (await fetch(`${baseUrl}/api/staff/ngo/merchants`, { headers })).json()) as Record<'wechat' | 'alipay', { updatedAt: string } | null>;
    for (const platform of ['wechat', 'alipay'] as const) {
      const settings = plan[platform] as Record<string, unknown>;
      const body =
        settings.mode === 'direct' && platform === 'wechat'
          ? { ...settings, platformKeys: (settings.platformKeys as { id: string; pem: string }[]).map(({ id, pem }) => ({ id, pem })) }
          : settings;
      const response = await fetch(`${baseUrl}/api/staff/ngo/merchants/${platform}`, {
        method: 'PUT',
        headers,
        body: JSON.stringify({ ...body, expectedUpdatedAt: current[platform]?.updatedAt ?? null }),
      });
      if (!response.ok) throw new Error(`setting up ${platform} for ${plan.admin} failed: ${response.status} ${await response.text()}`);
    }
  }
}
