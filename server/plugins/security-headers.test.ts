import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestApp, type TestApp } from '../test/test-app';

/** The CSP header as directive → sources. */
function policy(header: unknown): Map<string, string[]> {
  expect(typeof header).toBe('string');
  return new Map(
    String(header)
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name, sources]),
  );
}

const h5Dir = fs.mkdtempSync(path.join(os.tmpdir(), 'banxue-headers-'));
let t: TestApp;

beforeAll(async () => {
  fs.writeFileSync(path.join(h5Dir, 'index.html'), '<!doctype html><div id="app"></div>');
  t = await createTestApp({ BANXUE_H5_DIR: h5Dir });
});
afterAll(async () => {
  await t.close();
  fs.rmSync(h5Dir, { recursive: true, force: true });
});

describe('security headers', () => {
  it('put a strict Content-Security-Policy on the h5 page: own scripts only, no eval, nothing may frame it', async () => {
    const page = await t.app.inject({ url: '/packages/sponsor/pages/home/index' });
    expect(page.body).toContain('<div id="app">');
    const csp = policy(page.headers['content-security-policy']);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('script-src-attr')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'self'"]);
    // Photo previews and the picked photo read back for upload.
    expect(csp.get('img-src')).toEqual(expect.arrayContaining(["'self'", 'blob:']));
    expect(csp.get('connect-src')).toEqual(expect.arrayContaining(["'self'", 'blob:']));
    expect(String(page.headers['content-security-policy'])).not.toMatch(/unsafe-eval|\*/);
    // Served over plain HTTP locally: no upgrade, no HSTS.
    expect(csp.has('upgrade-insecure-requests')).toBe(false);
    expect(page.headers['strict-transport-security']).toBeUndefined();

    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(page.headers['cross-origin-resource-policy']).toBe('same-origin');
  });

  it('are on every API answer too: success, refusal, a miss and the health check', async () => {
    const answers = await Promise.all([
      t.app.inject({ url: '/api/auth/demo-users' }),
      t.app.inject({ url: '/api/sponsor/sponsorships' }),
      t.app.inject({ url: '/api/no-such-route' }),
      t.app.inject({ url: '/healthz' }),
    ]);
    expect(answers.map((answer) => answer.statusCode)).toEqual([200, 401, 404, 200]);
    for (const answer of answers) {
      expect(policy(answer.headers['content-security-policy']).get('default-src')).toEqual(["'self'"]);
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
      expect(answer.headers['x-frame-options']).toBe('DENY');
    }
  });

  it('let the API docs load their own files under the same policy', async () => {
    const ui = await t.app.inject({ url: '/api/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.body).toContain('swagger-ui-bundle.js');
    // Swagger UI's page has no inline script, so the app's policy serves it unchanged.
    expect(ui.body).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
    expect(policy(ui.headers['content-security-policy']).get('script-src')).toEqual(["'self'"]);
    const spec = await t.app.inject({ url: '/api/docs/json' });
    expect(spec.json().openapi).toMatch(/^3\./);
  });

  it('in production also ask browsers to use HTTPS only', async () => {
    const production = await createTestApp({ BANXUE_MODE: 'production', BANXUE_FILE_URL_SECRET: 'x'.repeat(40), BANXUE_SECRETS_KEY: 'ab'.repeat(32), BANXUE_PUBLIC_URL: 'https://banxue.example.org', BANXUE_H5_DIR: h5Dir });
    try {
      const page = await production.app.inject({ url: '/' });
      expect(page.headers['strict-transport-security']).toBe('max-age=15552000');
      expect(policy(page.headers['content-security-policy']).has('upgrade-insecure-requests')).toBe(true);
    } finally {
      await production.close();
    }
  });
});
