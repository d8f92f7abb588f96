import sharp from 'sharp';
import { createTestApp, type TestApp } from '../../test/test-app';
import { bearerFor, insertWorld } from '../../test/fixtures';
import { multipartBody } from '../../test/multipart';

let t: TestApp;
const as: Record<string, { authorization: string }> = {};
const START = new Date('2026-11-29T04:00:00.000Z');

beforeAll(async () => {
  t = await createTestApp();
  await insertWorld(t.app.db);
  for (const account of ['acc-sponsor-1', 'acc-sponsor-2', 'acc-student-a1', 'acc-cw-a']) as[account] = await bearerFor(t.app.db, account);
});
afterAll(() => t.close());
afterEach(() => t.clock.set(START));

/** A phone photo: 400×200 pixels stored sideways (EXIF orientation 6), with camera and GPS tags. */
const phonePhoto = () =>
  sharp({ create: { width: 400, height: 200, channels: 3, background: '#3a7' } })
    .jpeg()
    .withExif({ IFD0: { Make: 'PhoneMaker', Model: 'X1' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '30/1 39/1 0/1' } })
    .withMetadata({ orientation: 6 })
    .toBuffer();

const upload = (who: string, file: Buffer, filename?: string, type?: string, headers: Record<string, string> = {}) => {
  const { payload, headers: multipartHeaders } = multipartBody('photo', file, filename, type);
  return t.app.inject({ method: 'POST', url: '/api/letter-photos', payload, headers: { ...as[who], ...multipartHeaders, ...headers } });
};

it('re-encodes a photo upright, as a plain JPEG with no EXIF or GPS left', async () => {
  const original = await phonePhoto();
  const before = await sharp(original).metadata();
  expect(before.exif?.toString('latin1')).toContain('PhoneMaker');
  expect(before.orientation).toBe(6);

  const response = await upload('acc-sponsor-1', original);
  expect(response.statusCode).toBe(201);
  const photo = response.json();
  expect(photo).toEqual({ id: expect.any(String), width: 200, height: 400, bytes: expect.any(Number) });

  const row = await t.app.db.selectFrom('uploads').selectAll().where('id', '=', photo.id).executeTakeFirstOrThrow();
  expect(row).toMatchObject({ owner_account_id: 'acc-sponsor-1', width: 200, height: 400, bytes: photo.bytes, letter_id: null, attached_at: null });
  const stored = (await t.app.files.get(row.storage_key))!;
  expect(stored.length).toBe(photo.bytes);
  const after = await sharp(stored).metadata();
  expect(after).toMatchObject({ format: 'jpeg', width: 200, height: 400 });
  expect(after.exif).toBeUndefined();
  expect(after.xmp).toBeUndefined();
  expect(after.orientation).toBeUndefined();
  expect(stored.toString('latin1')).not.toContain('PhoneMaker');
});

it('takes photos of several megabytes (the 1 MB JSON body limit does not apply)', async () => {
  const noisy = await sharp({ create: { width: 1500, height: 1000, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 128, sigma: 40 } } }).png().toBuffer();
  expect(noisy.length).toBeGreaterThan(2 * 1024 * 1024);
  const response = await upload('acc-sponsor-1', noisy, 'noisy.png', 'image/png');
  expect(response.statusCode).toBe(201);
  expect(response.json()).toMatchObject({ width: 1500, height: 1000 });
});

it('scales large photos to fit 1600×1600', async () => {
  const big = await sharp({ create: { width: 4000, height: 3000, channels: 3, background: '#888' } }).png().toBuffer();
  const response = await upload('acc-student-a1', big, 'big.png', 'image/png');
  expect(response.statusCode).toBe(201);
  expect(response.json()).toMatchObject({ width: 1600, height: 1200 });
});

it('refuses what is not a photo, too many bytes, or too many pixels, in the caller’s language', async () => {
  const text = await upload('acc-sponsor-1', Buffer.from('just some notes, not an image'), 'notes.txt', 'text/plain', { 'accept-language': 'en-US' });
  expect(text.statusCode).toBe(415);
  expect(text.json().error).toMatchObject({ code: 'PHOTO_NOT_AN_IMAGE', message: expect.stringContaining('not a photo') });

  const svg = await upload('acc-sponsor-1', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>'), 'x.svg', 'image/svg+xml');
  expect(svg.json().error.code).toBe('PHOTO_NOT_AN_IMAGE');

  const heavy = await upload('acc-sponsor-1', Buffer.concat([await phonePhoto(), Buffer.alloc(9 * 1024 * 1024, 7)]));
  expect(heavy.statusCode).toBe(413);
  expect(heavy.json().error.code).toBe('PHOTO_TOO_LARGE');
  expect(heavy.json().error.message).toContain('8 MB');

  const huge = await sharp({ create: { width: 7000, height: 6000, channels: 3, background: '#fff' } }).png({ compressionLevel: 9 }).toBuffer();
  const tooManyPixels = await upload('acc-sponsor-1', huge, 'huge.png', 'image/png');
  expect(tooManyPixels.statusCode).toBe(413);
  expect(tooManyPixels.json().error.code).toBe('PHOTO_TOO_MANY_PIXELS');

  const count = await t.app.db.selectFrom('uploads').select('id').where('owner_account_id', '=', 'acc-sponsor-1').execute();
  expect(count.length).toBe(2);
});

it('needs a file in the photo field, a multipart body, and a sponsor or student', async () => {
  const { payload, headers } = multipartBody('other', await phonePhoto());
  const wrongField = await t.app.inject({ method: 'POST', url: '/api/letter-photos', payload, headers: { ...as['acc-sponsor-1'], ...headers } });
  expect(wrongField.statusCode).toBe(400);
  expect(wrongField.json().error.code).toBe('PHOTO_MISSING');
  const json = await t.app.inject({ method: 'POST', url: '/api/letter-photos', payload: { photo: 'x' }, headers: as['acc-sponsor-1'] });
  expect(json.statusCode).toBe(415);
  expect((await upload('acc-cw-a', await phonePhoto())).statusCode).toBe(403);
  const anonymous = multipartBody('photo', await phonePhoto());
  expect((await t.app.inject({ method: 'POST', url: '/api/letter-photos', ...anonymous })).statusCode).toBe(401);
});

describe('photos in letters', () => {
  it('are attached once, only by their owner, and served through short-lived signed links', async () => {
    const photo = (await upload('acc-sponsor-1', await phonePhoto())).json();
    const stolen = await t.app.inject({
      method: 'POST',
      url: '/api/letters',
      payload: { sponsorshipId: 'sp-3', body: '你好！', photoIds: [photo.id] },
      headers: as['acc-sponsor-2'],
    });
    expect(stolen.statusCode).toBe(400);
    expect(stolen.json().error.code).toBe('PHOTO_UNAVAILABLE');

    const sent = await t.app.inject({
      method: 'POST',
      url: '/api/letters',
      payload: { sponsorshipId: 'sp-1', body: '阿依你好，这是我家门口的花。', photoIds: [photo.id] },
      headers: as['acc-sponsor-1'],
    });
    expect(sent.statusCode).toBe(201);
    const letter = sent.json();
    expect(letter.photoCount).toBe(1);
    expect(letter.photos).toEqual([{ id: photo.id, url: expect.stringMatching(/^\/api\/files\/[\w.-]+$/), width: 200, height: 400 }]);

    const again = await t.app.inject({
      method: 'POST',
      url: '/api/letters',
      payload: { sponsorshipId: 'sp-1', body: '再发一次', photoIds: [photo.id] },
      headers: as['acc-sponsor-1'],
    });
    expect(again.json().error.code).toBe('PHOTO_UNAVAILABLE');

    const seen = (await t.app.inject({ url: `/api/letters/${letter.id}`, headers: as['acc-student-a1'] })).json();
    const url: string = seen.photos[0].url;
    const file = await t.app.inject({ url });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/jpeg');
    expect(file.headers['cache-control']).toMatch(/^private, max-age=\d+$/);
    expect((await sharp(file.rawPayload).metadata()).exif).toBeUndefined();

    const token = url.split('/').pop()!;
    const [key, expiry, signature] = token.split('.');
    const flipped = `${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`;
    for (const forged of [`${key}.${expiry}.${flipped}`, `${key}.${Number(expiry) + 3600}.${signature}`, `${Buffer.from('photos/other.jpg').toString('base64url')}.${expiry}.${signature}`, 'nonsense']) {
      const response = await t.app.inject({ url: `/api/files/${forged}` });
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('FORBIDDEN');
    }

    t.clock.set(new Date(START.getTime() + 16 * 60_000));
    const expired = await t.app.inject({ url });
    expect(expired.statusCode).toBe(404);
    expect(expired.json().error.code).toBe('FILE_LINK_EXPIRED');
    // A fresh view of the letter hands out a fresh link.
    const fresh = (await t.app.inject({ url: `/api/letters/${letter.id}`, headers: as['acc-student-a1'] })).json();
    expect((await t.app.inject({ url: fresh.photos[0].url })).statusCode).toBe(200);
  });
});

it('a returned letter resent with another photo set drops the removed photos entirely', async () => {
  const kept = (await upload('acc-sponsor-1', await phonePhoto())).json();
  const dropped = (await upload('acc-sponsor-1', await phonePhoto())).json();
  const added = (await upload('acc-sponsor-1', await phonePhoto())).json();
  const droppedKey = (await t.app.db.selectFrom('uploads').select('storage_key').where('id', '=', dropped.id).executeTakeFirstOrThrow()).storage_key;
  const letter = (
    await t.app.inject({
      method: 'POST',
      url: '/api/letters',
      payload: { sponsorshipId: 'sp-1', body: '阿依你好，我的电话是 13800001234。', photoIds: [kept.id, dropped.id] },
      headers: as['acc-sponsor-1'],
    })
  ).json();
  expect(letter.status).toBe('held');
  const cw = await bearerFor(t.app.db, 'acc-cw-a');
  await t.app.inject({ method: 'POST', url: `/api/staff/letters/${letter.id}/return`, payload: { reason: '请删掉电话和第二张照片' }, headers: cw });
  const resent = await t.app.inject({
    method: 'POST',
    url: `/api/letters/${letter.id}/resubmit`,
    payload: { body: '阿依你好，冬天快乐！', photoIds: [added.id, kept.id] },
    headers: as['acc-sponsor-1'],
  });
  expect(resent.statusCode).toBe(200);
  expect(resent.json().status).toBe('delivered');
  expect(resent.json().photos.map((p: { id: string }) => p.id)).toEqual([added.id, kept.id]);
  expect(await t.app.files.get(droppedKey)).toBeNull();
  expect(await t.app.db.selectFrom('uploads').select('id').where('id', '=', dropped.id).executeTakeFirst()).toBeUndefined();
});
