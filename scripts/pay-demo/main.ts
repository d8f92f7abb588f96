/**
 * `npm run demo:payments`: the whole app with paying in it, against local stand-ins for WeChat Pay
 * and Alipay (the same fakes the tests use: real HTTP, real signatures, test keys). It starts both
 * fakes, a "payer's phone" page that pays their open orders, and the server (its own SQLite file,
 * seeded), then sets up both demo NGOs' merchants through the admin API. Ctrl-C stops everything.
 *
 *   PORT (default 3000)            the app
 *   CASHIER_PORT (default PORT+1)  the payer's phone
 *   BANXUE_SQLITE_PATH             default data/pay-demo.sqlite
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { startFakeAlipay } from '../../server/test/fake-alipay';
import { startFakeWechatPay } from '../../server/test/fake-wechat-pay';
import { startCashier } from './cashier';
import { fakePlatformEnv } from '../../server/test/fake-payment-env';
import { configureDemoMerchants } from './merchants';

const repoRoot = path.resolve(__dirname, '../..');

async function waitHealthy(baseUrl: string, child: ReturnType<typeof spawn>) {
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${baseUrl}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('the server did not become healthy within 2 minutes');
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

async function main() {
  const port = Number(process.env.PORT ?? 3000);
  const cashierPort = Number(process.env.CASHIER_PORT ?? port + 1);
  const baseUrl = `http://127.0.0.1:${port}`;
  const wechat = await startFakeWechatPay({ keyMode: 'public_key' });
  const alipay = await startFakeAlipay();
  const cashier = await startCashier(cashierPort, wechat, alipay);

  const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: repoRoot,
    stdio: 'inherit',
    env: {
      ...process.env,
      PORT: String(port),
      BANXUE_SQLITE_PATH: process.env.BANXUE_SQLITE_PATH ?? 'data/pay-demo.sqlite',
      ...fakePlatformEnv(wechat, alipay, baseUrl),
    },
  });
  const stop = async () => {
    if (server.exitCode === null) server.kill('SIGTERM');
    cashier.close();
    await Promise.all([wechat.close(), alipay.close()]);
  };
  process.once('SIGINT', () => void stop().then(() => process.exit(0)));
  process.once('SIGTERM', () => void stop().then(() => process.exit(0)));

  try {
    await waitHealthy(baseUrl, server);
    await configureDemoMerchants(baseUrl, wechat, alipay);
  } catch (error) {
    console.error(error);
    await stop();
    process.exit(1);
  }
  console.log(`
伴学 Banxue with in-app payment (local stand-ins for WeChat Pay and Alipay)
  app:             ${baseUrl}   (sign in as a sponsor, open a sponsorship's ledger, 支付)
  payer's phone:   http://127.0.0.1:${cashierPort}   (pays the open order; the platform then notifies the server)
  NGO admin:       sign in as 凉山 or 定西's admin → 收款设置 / 在线收款
Ctrl-C stops everything.`);
}

void main();
