import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql, type Generated } from 'kysely';
import { withStatementCache } from './statement-cache';

function openWithRows(): SQLite.Database {
  const sqlite = new SQLite(':memory:');
  sqlite.exec('create table item (id integer primary key, name text not null)');
  sqlite.exec("insert into item (name) values ('a'), ('b'), ('c')");
  return sqlite;
}

describe('withStatementCache', () => {
  it('hands back the statement already prepared for the same SQL text', () => {
    const connection = withStatementCache(openWithRows());
    const first = connection.prepare('select name from item where id = ?');
    expect(connection.prepare('select name from item where id = ?')).toBe(first);
    expect(connection.prepare('select name from item where id > ?')).not.toBe(first);
    expect(first.all([2])).toEqual([{ name: 'b' }]);
    expect(first.all([3])).toEqual([{ name: 'c' }]);
  });

  it('forgets the least recently used statement beyond its capacity', () => {
    const connection = withStatementCache(openWithRows(), 2);
    const a = connection.prepare('select 1');
    const b = connection.prepare('select 2');
    expect(connection.prepare('select 1')).toBe(a);
    connection.prepare('select 3');
    expect(connection.prepare('select 1')).toBe(a);
    expect(connection.prepare('select 2')).not.toBe(b);
  });

  it('prepares a fresh statement while the kept one is still being iterated', () => {
    const connection = withStatementCache(openWithRows());
    const streaming = connection.prepare('select name from item order by id');
    const rows = streaming.iterate([]);
    expect(rows.next().value).toEqual({ name: 'a' });
    const meanwhile = connection.prepare('select name from item order by id');
    expect(meanwhile).not.toBe(streaming);
    expect(meanwhile.all([])).toHaveLength(3);
    expect([...rows]).toEqual([{ name: 'b' }, { name: 'c' }]);
  });

  it('sees a schema change made after the statement was prepared', () => {
    const sqlite = openWithRows();
    const connection = withStatementCache(sqlite);
    expect(connection.prepare('select * from item where id = 1').all([])).toEqual([{ id: 1, name: 'a' }]);
    sqlite.exec("alter table item add column colour text not null default 'red'");
    expect(connection.prepare('select * from item where id = 1').all([])).toEqual([{ id: 1, name: 'a', colour: 'red' }]);
  });

  it('closes the database', () => {
    const sqlite = openWithRows();
    withStatementCache(sqlite).close();
    expect(sqlite.open).toBe(false);
  });

  it('serves Kysely reads, writes, streams and a rolled-back immediate transaction', async () => {
    const db = new Kysely<{ item: { id: Generated<number>; name: string } }>({
      dialect: new SqliteDialect({ database: withStatementCache(openWithRows()) }),
    });
    const named = (id: number) => db.selectFrom('item').select('name').where('id', '=', id).executeTakeFirst();
    expect(await named(1)).toEqual({ name: 'a' });
    expect(await named(2)).toEqual({ name: 'b' });

    const inserted = await db.insertInto('item').values({ name: 'd' }).executeTakeFirstOrThrow();
    expect(inserted.insertId).toBe(4n);

    const streamed: string[] = [];
    for await (const row of db.selectFrom('item').select('name').orderBy('id').stream()) streamed.push(row.name);
    expect(streamed).toEqual(['a', 'b', 'c', 'd']);

    await db.connection().execute(async (conn) => {
      await sql`begin immediate`.execute(conn);
      await conn.deleteFrom('item').execute();
      await sql`rollback`.execute(conn);
    });
    expect(await db.selectFrom('item').select(db.fn.countAll<number>().as('count')).executeTakeFirst()).toEqual({ count: 4 });
    await db.destroy();
  });
});
