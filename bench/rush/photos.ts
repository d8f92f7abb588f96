import sharp from 'sharp';
import { FormData } from 'undici';
import type { Db } from '../../server/db/connect';
import type { RoundRobinClient } from './client';

const CONCURRENT_UPLOADS = 4;

/** Where each student's photo was stored from, and how many bytes the store kept. */
export type StoredPhotos = Map<string, { instance: number; bytes: number }>;

/** A small photo of its own for each student: a colour and some grain, as a phone camera gives. */
function photoFor(index: number): Promise<Buffer> {
  const hue = (index * 47) % 360;
  return sharp({
    create: { width: 480, height: 640, channels: 3, background: `hsl(${hue}, 60%, 55%)`, noise: { type: 'gaussian', mean: 0, sigma: 12 } },
  })
    .jpeg({ quality: 85 })
    .toBuffer();
}

/**
 * Uploads a photo for each student through the real upload route of instance `i mod n` (multipart,
 * as NGO staff: re-encoded and written to the file store by that instance), then makes it the
 * student's profile photo. The app has no staff route for profile photos yet, so that one link is
 * set in SQL.
 */
export async function uploadStudentPhotos(client: RoundRobinClient, db: Db, adminToken: string, studentIds: string[]): Promise<StoredPhotos> {
  const stored: StoredPhotos = new Map();
  let next = 0;
  const worker = async () => {
    while (next < studentIds.length) {
      const index = next++;
      const instance = index % client.origins.length;
      const form = new FormData();
      form.append('receipt', new Blob([new Uint8Array(await photoFor(index))], { type: 'image/jpeg' }), `student-${index}.jpg`);
      const answer = await client.call('upload', 'POST', '/api/staff/receipts', { token: adminToken, body: form, instance });
      if (answer.status !== 201) throw new Error(`photo upload on instance ${instance} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
      const upload = answer.body as { id: string; bytes: number };
      const { storage_key } = await db.selectFrom('uploads').select('storage_key').where('id', '=', upload.id).executeTakeFirstOrThrow();
      await db.updateTable('students').set({ photo_key: storage_key }).where('id', '=', studentIds[index]).execute();
      stored.set(studentIds[index], { instance, bytes: upload.bytes });
    }
  };
  await Promise.all(Array.from({ length: CONCURRENT_UPLOADS }, worker));
  return stored;
}
