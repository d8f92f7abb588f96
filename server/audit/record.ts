import type { Db } from '../db/connect';
import type { Principal } from '../access/principal';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  studentId?: string | null;
  reason?: string | null;
  detail?: Record<string, unknown>;
}

/** Appends to the audit log (the database refuses updates and deletes of it). */
export async function recordAudit(db: Db, actor: Principal | null, at: Date, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: at.toISOString(),
      actor_account_id: actor?.accountId ?? null,
      actor_role: actor?.role ?? null,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      student_id: entry.studentId ?? null,
      reason: entry.reason ?? null,
      detail: entry.detail ? JSON.stringify(entry.detail) : null,
    })
    .execute();
}
