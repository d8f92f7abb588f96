import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { createTestApp, type TestApp } from '../test/test-app';
import { CACHE_FOREVER, CACHE_REVALIDATE } from './h5';

let t: TestApp;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'banxue-h5-'));
const HASHED_JS = '/js/app.1234abcd.js';
const UNHASHED_JS = '/js/plain.js';
const script = `console.log(${JSON.stringify('伴学 '.repeat(2000))});`;
const html = `<!doctype html><div id="app"></div><script src="${HASHED_JS}"></script>`;

function write(url: string, text: string, copies: boolean) {
  const file = path.join(dir, url);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  if (!copies) return;
  fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(text, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
  fs.writeFileSync(`${file}.gz`, zlib.gzipSync(text, { level: 9 }));
}

const precompressed = (url: string, extension: 'br' | 'gz') => fs.readFileSync(path.join(dir, `${url}.${extension}`));

beforeAll(async () => {
  write('/index.html', html, true);
  write(HASHED_JS, script, true);
  write(UNHASHED_JS, script, false);
  t = await createTestApp({ BANXUE_H5_DIR: dir });
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

it('serves the h5 app for every page path and its assets as files', async () => {
  for (const url of ['/', '/pages/login/index', '/packages/sponsor/pages/home/index?x=1']) {
    const response = await t.app.inject({ url });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<div id="app">');
  }
  const asset = await t.app.inject({ url: HASHED_JS });
  expect(asset.body).toBe(script);
  expect((await t.app.inject({ url: '/js/missing.js' })).statusCode).toBe(404);
});

it('keeps API misses as JSON', async () => {
  const response = await t.app.inject({ url: '/api/pages/login' });
  expect(response.headers['content-type']).toMatch(/application\/json/);
  expect(response.statusCode).toBe(404);
});

describe('compression', () => {
  it("sends the build's brotli copy of a script to a browser that takes brotli", async () => {
    const response = await t.app.inject({ url: HASHED_JS, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['content-type']).toMatch(/javascript/);
    expect(response.headers.vary).toMatch(/accept-encoding/i);
    expect(response.rawPayload.equals(precompressed(HASHED_JS, 'br'))).toBe(true);
    expect(zlib.brotliDecompressSync(response.rawPayload).toString()).toBe(script);
  });

  it('sends the gzip copy when the browser takes gzip only', async () => {
    const response = await t.app.inject({ url: HASHED_JS, headers: { 'accept-encoding': 'gzip' } });
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(response.rawPayload.equals(precompressed(HASHED_JS, 'gz'))).toBe(true);
  });

  it('sends the file as it is to a client that takes no encoding', async () => {
    for (const headers of [{}, { 'accept-encoding': 'identity' }]) {
      const response = await t.app.inject({ url: HASHED_JS, headers });
      expect(response.headers['content-encoding']).toBeUndefined();
      expect(response.body).toBe(script);
    }
  });

  it('compresses a file the build left without copies', async () => {
    const response = await t.app.inject({ url: UNHASHED_JS, headers: { 'accept-encoding': 'gzip' } });
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(response.rawPayload.length).toBeLessThan(Buffer.byteLength(script) / 4);
    expect(zlib.gunzipSync(response.rawPayload).toString()).toBe(script);
  });

  it('sends index.html compressed on every page path', async () => {
    for (const url of ['/', '/packages/sponsor/pages/home/index']) {
      const response = await t.app.inject({ url, headers: { 'accept-encoding': 'br' } });
      expect(response.headers['content-encoding']).toBe('br');
      expect(response.headers['content-type']).toMatch(/text\/html/);
      expect(zlib.brotliDecompressSync(response.rawPayload).toString()).toBe(html);
    }
  });
});

describe('caching', () => {
  it('caches content-hashed files for a year, whichever encoding is sent', async () => {
    for (const encoding of ['br', 'gzip', 'identity']) {
      const response = await t.app.inject({ url: HASHED_JS, headers: { 'accept-encoding': encoding } });
      expect(response.headers['cache-control']).toBe(CACHE_FOREVER);
    }
  });

  it('has index.html, every page path and unhashed files asked about again', async () => {
    for (const url of ['/', '/index.html', '/pages/login/index', '/packages/sponsor/pages/home/index?x=1', UNHASHED_JS]) {
      for (const encoding of ['br', 'identity']) {
        const response = await t.app.inject({ url, headers: { 'accept-encoding': encoding } });
        expect(response.statusCode).toBe(200);
        expect(response.headers['cache-control']).toBe(CACHE_REVALIDATE);
      }
    }
  });

  it('keeps the security headers on the files', async () => {
    for (const url of ['/', HASHED_JS]) {
      const response = await t.app.inject({ url, headers: { 'accept-encoding': 'br' } });
      expect(response.headers['content-security-policy']).toContain("script-src 'self'");
      expect(response.headers['x-content-type-options']).toBe('nosniff');
    }
  });
});
