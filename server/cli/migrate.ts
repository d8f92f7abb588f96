import { loadConfig } from '../config';
import { connectDatabase } from '../db/connect';
import { migrateToLatest } from '../db/migrate';

async function main() {
  const config = loadConfig();
  const { db, dialect } = connectDatabase({ databaseUrl: config.database.url, sqlitePath: config.database.sqlitePath });
  try {
    const applied = await migrateToLatest(db);
    console.log(applied.length ? `Applied on ${dialect}: ${applied.join(', ')}` : `The ${dialect} database is up to date.`);
  } finally {
    await db.destroy();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
