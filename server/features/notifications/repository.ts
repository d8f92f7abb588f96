import type { NotificationItem } from '../../../domain/api/letters';
import type { Db } from '../../db/connect';
import { insertRows, isPostgres } from '../../db/insert-rows';
import { decodeCursor, toPage } from '../../lib/cursor';
import { newId } from '../../lib/ids';

export interface NewNotification {
  accountId: string;
  kind: string;
  payload: Record<string, unknown>;
  /** Unique across all notifications: the same event never notifies twice, even when retried or raced. */
  dedupeKey: string;
}

/** Adds to a person's in-app inbox, once per dedupe key. Returns whether it was new. */
export async function notify(db: Db, n: NewNotification, now: Date): Promise<boolean> {
  return (await notifyMany(db, [n], now)).has(n.dedupeKey);
}

/**
 * `notify` for many notices (a sweep's batch): one insert on PostgreSQL (the rows go as arrays), one
 * per 500 on SQLite (a parameter per cell). Returns the dedupe keys that were new.
 */
export async function notifyMany(db: Db, list: readonly NewNotification[], now: Date): Promise<Set<string>> {
  const fresh = new Set<string>();
  const perInsert = isPostgres(db) ? list.length : 500;
  for (let i = 0; i < list.length; i += perInsert) {
    const inserted = await insertRows(
      db,
      'notifications',
      list.slice(i, i + perInsert).map((n) => ({
        id: newId(),
        account_id: n.accountId,
        kind: n.kind,
        payload: JSON.stringify(n.payload),
        dedupe_key: n.dedupeKey,
        created_at: now.toISOString(),
        read_at: null,
      })),
    )
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .returning('dedupe_key')
      .execute();
    for (const row of inserted) fresh.add(row.dedupe_key);
  }
  return fresh;
}

function parsePayload(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The caller's inbox, newest first, with how many are unread. */
export async function listNotifications(db: Db, accountId: string, page: { limit: number; cursor?: string }) {
  const after = decodeCursor(page.cursor, ['text', 'text']);
  let query = db
    .selectFrom('notifications')
    .select(['id', 'kind', 'payload', 'created_at', 'read_at'])
    .where('account_id', '=', accountId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit + 1);
  if (after) {
    const [createdAt, id] = after;
    query = query.where((eb) => eb.or([eb('created_at', '<', createdAt), eb.and([eb('created_at', '=', createdAt), eb('id', '<', id)])]));
  }
  const rows = await query.execute();
  const { items, nextCursor } = toPage(rows, page.limit, (r) => [r.created_at, r.id]);
  const unread = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('account_id', '=', accountId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  const notifications: NotificationItem[] = items.map((r) => ({
    id: r.id,
    kind: r.kind,
    payload: parsePayload(r.payload),
    createdAt: r.created_at,
    readAt: r.read_at,
  }));
  return { items: notifications, nextCursor, unread: Number(unread.n) };
}

/** Marks one of the caller's notifications read; false when it is not theirs (or does not exist). */
export async function markNotificationRead(db: Db, accountId: string, id: string, now: Date): Promise<boolean> {
  const row = await db.selectFrom('notifications').select(['id', 'read_at']).where('id', '=', id).where('account_id', '=', accountId).executeTakeFirst();
  if (!row) return false;
  if (!row.read_at) {
    await db.updateTable('notifications').set({ read_at: now.toISOString() }).where('id', '=', id).where('read_at', 'is', null).execute();
  }
  return true;
}
