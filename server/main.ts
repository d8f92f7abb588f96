import { loadConfig, ConfigError } from './config';
import { buildApp } from './app';
import { isDatabaseEmpty, seedDemoData } from './db/seed';

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78);
    }
    throw error;
  }

  const app = await buildApp({ config });
  if (config.seedOnStart && (await isDatabaseEmpty(app.db))) {
    const summary = await seedDemoData(app.db, { now: app.clock.now() });
    app.log.info({ summary }, 'seeded demo data into the empty database');
  }

  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  const address = await app.listen({ host: config.host, port: config.port });
  const url = address.replace('[::1]', 'localhost');
  console.log(`\n  伴学 Banxue is running at ${url}${config.demoLogin ? '  (demo login on: pick any role)' : ''}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
