import type { Db } from '../../db/connect';

export interface UploadRow {
  id: string;
  ownerAccountId: string;
  storageKey: string;
  width: number;
  height: number;
  bytes: number;
}

export async function insertUpload(db: Db, row: UploadRow, now: Date): Promise<void> {
  await db
    .insertInto('uploads')
    .values({
      id: row.id,
      owner_account_id: row.ownerAccountId,
      storage_key: row.storageKey,
      width: row.width,
      height: row.height,
      bytes: row.bytes,
      created_at: now.toISOString(),
      letter_id: null,
      attached_at: null,
    })
    .execute();
}
