import { AsyncLocalStorage } from 'node:async_hooks';
import { CompiledQuery, type DatabaseConnection, type Dialect as KyselyDialect, type Driver, type QueryResult } from 'kysely';
import type { Dialect } from './dialect';

/** The idempotency key a request's writes are made under. */
export interface WriteGuard {
  accountId: string;
  key: string;
}

const guards = new AsyncLocalStorage<WriteGuard>();

/** Runs `work` so that every write it commits also marks `guard`'s key committed, in the same transaction. */
export function runGuarded<T>(guard: WriteGuard, work: () => T): T {
  return guards.run(guard, work);
}

const TRANSACTION_START = /^\s*(begin|start\s+transaction)\b/i;
const TRANSACTION_END = /^\s*(commit|end)\b/i;
const TRANSACTION_ABORT = /^\s*rollback\b(?!\s+to)/i;
const WRITE_NODES = new Set(['InsertQueryNode', 'UpdateQueryNode', 'DeleteQueryNode', 'MergeQueryNode']);
const RAW_WRITE = /^\s*(with\b[\s\S]*\b)?(insert|update|delete|replace|merge)\b/i;
const OWN_TABLE = /\bidempotency_keys\b/;

function isWrite(query: CompiledQuery): boolean {
  if (OWN_TABLE.test(query.sql)) return false;
  return WRITE_NODES.has(query.query.kind) || (query.query.kind === 'RawNode' && RAW_WRITE.test(query.sql));
}

/** Per underlying connection: whether a transaction is open on it and whether it has written. */
interface ConnectionState {
  inTransaction: boolean;
  wrote: boolean;
}

function markCommitted(dialect: Dialect, guard: WriteGuard): CompiledQuery {
  const [account, key] = dialect === 'postgres' ? ['$1', '$2'] : ['?', '?'];
  return CompiledQuery.raw(
    `update idempotency_keys set state = 'committed', lease_until = null where account_id = ${account} and key = ${key} and state = 'in_progress'`,
    [guard.accountId, guard.key],
  );
}

function guardedConnection(connection: DatabaseConnection, state: ConnectionState, dialect: Dialect): DatabaseConnection {
  async function executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const guard = guards.getStore();
    if (TRANSACTION_START.test(query.sql)) {
      const result = await connection.executeQuery<R>(query);
      Object.assign(state, { inTransaction: true, wrote: false });
      return result;
    }
    if (TRANSACTION_END.test(query.sql)) {
      if (guard && state.wrote) await connection.executeQuery(markCommitted(dialect, guard));
      Object.assign(state, { inTransaction: false, wrote: false });
      return connection.executeQuery<R>(query);
    }
    if (TRANSACTION_ABORT.test(query.sql)) {
      Object.assign(state, { inTransaction: false, wrote: false });
      return connection.executeQuery<R>(query);
    }
    if (!isWrite(query)) return connection.executeQuery<R>(query);
    if (state.inTransaction) {
      state.wrote = true;
      return connection.executeQuery<R>(query);
    }
    if (!guard) return connection.executeQuery<R>(query);
    // A lone write under a key: give it a transaction of its own so the key's mark commits with it.
    await connection.executeQuery(CompiledQuery.raw('begin'));
    try {
      const result = await connection.executeQuery<R>(query);
      await connection.executeQuery(markCommitted(dialect, guard));
      await connection.executeQuery(CompiledQuery.raw('commit'));
      return result;
    } catch (error) {
      await connection.executeQuery(CompiledQuery.raw('rollback'));
      throw error;
    }
  }
  return new Proxy(connection, {
    get(target, property, receiver) {
      if (property === 'executeQuery') return executeQuery;
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

function guardedDriver(driver: Driver, dialect: Dialect): Driver {
  const wrappers = new WeakMap<DatabaseConnection, DatabaseConnection>();
  return new Proxy(driver, {
    get(target, property, receiver) {
      if (property === 'acquireConnection') {
        return async () => {
          const connection = await target.acquireConnection();
          let wrapper = wrappers.get(connection);
          if (!wrapper) {
            wrapper = guardedConnection(connection, { inTransaction: false, wrote: false }, dialect);
            wrappers.set(connection, wrapper);
          }
          return wrapper;
        };
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/**
 * A dialect whose connections mark the current request's idempotency key `committed` inside every
 * transaction that writes (and around a lone write), so the key and the write commit or vanish
 * together: after a crash, a retry can tell a write that happened from one that never did.
 */
export function withGuardedWrites(inner: KyselyDialect, dialect: Dialect): KyselyDialect {
  return {
    createAdapter: () => inner.createAdapter(),
    createDriver: () => guardedDriver(inner.createDriver(), dialect),
    createQueryCompiler: () => inner.createQueryCompiler(),
    createIntrospector: (db) => inner.createIntrospector(db),
  };
}
