import fp from 'fastify-plugin';
import { sql } from 'kysely';
import type { Db } from '../db/connect';

/** Shares one Kysely instance with every route and closes it when the server stops. */
export default fp<{ db: Db; dialect: 'sqlite' | 'postgres' }>(
  async (app, { db, dialect }) => {
    app.decorate('db', db);
    app.decorate('dialect', dialect);
    app.addHook('onClose', async () => {
      await db.destroy();
    });
  },
  { name: 'database' },
);

export async function pingDatabase(db: Db): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
