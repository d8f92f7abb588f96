import SQLite from 'better-sqlite3';
import type { Delivery } from './retrying-client';
import { keyPattern } from './workload';

export interface DatabaseFindings {
  /** Rows each key left: check-ins and letters carrying its marker, 1 for a notification it marked read. */
  rowsByKey: Map<string, number>;
  integrity: string[];
  foreignKeyViolations: number;
  /** The crash test's keys still in `idempotency_keys`, by state. */
  keyStates: Record<string, number>;
}

/** Reads what the writes left in the database file (the server stopped). */
export function inspectDatabase(dbFile: string, runId: string, deliveries: Delivery[]): DatabaseFindings {
  const db = new SQLite(dbFile);
  try {
    const rowsByKey = new Map<string, number>();
    const pattern = keyPattern(runId);
    const like = `%ct-${runId}-%`;
    const texts = [
      ...(db.prepare('select note as text from checkins where note like ?').all(like) as { text: string }[]),
      ...(db.prepare('select body as text from letters where body like ?').all(like) as { text: string }[]),
    ];
    for (const { text } of texts) {
      const key = text.match(pattern)?.[0];
      if (key) rowsByKey.set(key, (rowsByKey.get(key) ?? 0) + 1);
    }
    const isRead = db.prepare('select 1 from notifications where id = ? and read_at is not null');
    for (const { write } of deliveries) {
      if (write.notificationId && isRead.get(write.notificationId)) rowsByKey.set(write.key, 1);
    }
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    const foreignKeyViolations = (db.pragma('foreign_key_check') as unknown[]).length;
    const states = db.prepare('select state, count(*) as n from idempotency_keys where key like ? group by state').all(`ct-${runId}-%`) as { state: string; n: number }[];
    return { rowsByKey, integrity, foreignKeyViolations, keyStates: Object.fromEntries(states.map((s) => [s.state, s.n])) };
  } finally {
    db.close();
  }
}

export interface Tally {
  sent: number;
  byKind: Record<string, number>;
  attempts: number;
  acknowledged: number;
  acknowledgedByReplay: number;
  acknowledgedAsCommitted: number;
  /** Acknowledged, yet nothing in the database. */
  lost: number;
  /** One key, more than one row. */
  duplicated: number;
  stuck: number;
  /** Stuck keys whose write is in the database all the same. */
  stuckButSaved: number;
  failed: number;
  unfinished: number;
  failures: string[];
}

export function tally(deliveries: Delivery[], findings: DatabaseFindings): Tally {
  const t: Tally = {
    sent: deliveries.length,
    byKind: {},
    attempts: 0,
    acknowledged: 0,
    acknowledgedByReplay: 0,
    acknowledgedAsCommitted: 0,
    lost: 0,
    duplicated: 0,
    stuck: 0,
    stuckButSaved: 0,
    failed: 0,
    unfinished: 0,
    failures: [],
  };
  for (const { write, outcome, attempts } of deliveries) {
    const rows = findings.rowsByKey.get(write.key) ?? 0;
    t.attempts += attempts;
    t.byKind[write.kind] = (t.byKind[write.kind] ?? 0) + 1;
    if (rows > 1) t.duplicated += 1;
    switch (outcome.kind) {
      case 'acknowledged':
        t.acknowledged += 1;
        if (outcome.how === 'replay') t.acknowledgedByReplay += 1;
        if (outcome.how === 'committed') t.acknowledgedAsCommitted += 1;
        if (rows === 0) t.lost += 1;
        break;
      case 'stuck':
        t.stuck += 1;
        if (rows > 0) t.stuckButSaved += 1;
        break;
      case 'failed':
        t.failed += 1;
        t.failures.push(`${write.kind} ${write.key}: ${outcome.answer}`);
        break;
      case 'unfinished':
        t.unfinished += 1;
        t.failures.push(`${write.kind} ${write.key}: unfinished, last answer ${outcome.answer}`);
        break;
    }
  }
  return t;
}
