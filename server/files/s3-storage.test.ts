import { startLocalS3 } from '../test/local-s3';
import { createTestApp, type TestApp } from '../test/test-app';
import { S3Storage } from './s3-storage';

let s3: Awaited<ReturnType<typeof startLocalS3>>;
beforeAll(async () => {
  s3 = await startLocalS3();
});
afterAll(async () => {
  await s3.close();
});

describe('S3-compatible file storage', () => {
  it('stores, reads back and deletes bytes; a missing key reads as null', async () => {
    const storage = new S3Storage(s3.settings);
    const photo = Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x01, 0x02, 0xfe]);
    await storage.put('letters/abc-1.jpg', photo);
    expect(await storage.get('letters/abc-1.jpg')).toEqual(photo);
    expect(await storage.get('letters/never-stored.jpg')).toBeNull();
    await storage.delete('letters/abc-1.jpg');
    expect(await storage.get('letters/abc-1.jpg')).toBeNull();
    storage.close();
  });

  it('keeps a deployment to its prefix and refuses keys that are not ours', async () => {
    const staging = new S3Storage({ ...s3.settings, prefix: 'staging/' });
    const production = new S3Storage(s3.settings);
    await staging.put('receipts/r-1.jpg', Buffer.from('staging receipt'));
    expect(await production.get('receipts/r-1.jpg')).toBeNull();
    expect((await staging.get('receipts/r-1.jpg'))?.toString()).toBe('staging receipt');
    await expect(staging.put('../outside.jpg', Buffer.from('x'))).rejects.toThrow(/invalid storage key/);
    staging.close();
    production.close();
  });
});

describe('two instances behind a load balancer', () => {
  const secret = 'a-shared-file-url-secret-of-enough-length';
  let apps: TestApp[] = [];
  afterEach(async () => {
    await Promise.all(apps.map((t) => t.close()));
    apps = [];
  });

  it('with the object store, one instance serves by signed link what the other stored', async () => {
    apps = [await createTestApp({ ...s3.env, BANXUE_FILE_URL_SECRET: secret }), await createTestApp({ ...s3.env, BANXUE_FILE_URL_SECRET: secret })];
    const [first, second] = apps.map((t) => t.app);
    const bytes = Buffer.from('a receipt photo taken on instance one');
    await first.files.put('receipts/shared-1.jpg', bytes);
    const served = await second.inject({ url: first.signedFileUrl('receipts/shared-1.jpg') });
    expect(served.statusCode).toBe(200);
    expect(served.rawPayload).toEqual(bytes);
  });

  it('with local folders (the default), the other instance cannot find it: why the object store exists', async () => {
    apps = [await createTestApp({ BANXUE_FILE_URL_SECRET: secret }), await createTestApp({ BANXUE_FILE_URL_SECRET: secret })];
    const [first, second] = apps.map((t) => t.app);
    await first.files.put('receipts/local-1.jpg', Buffer.from('only on instance one'));
    expect((await first.inject({ url: first.signedFileUrl('receipts/local-1.jpg') })).statusCode).toBe(200);
    expect((await second.inject({ url: first.signedFileUrl('receipts/local-1.jpg') })).statusCode).toBe(404);
  });
});
