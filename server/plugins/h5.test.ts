import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestApp, type TestApp } from '../test/test-app';

let t: TestApp;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'banxue-h5-'));

beforeAll(async () => {
  fs.mkdirSync(path.join(dir, 'js'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><div id="app"></div>');
  fs.writeFileSync(path.join(dir, 'js', 'app.1234.js'), 'console.log(1)');
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
  const asset = await t.app.inject({ url: '/js/app.1234.js' });
  expect(asset.body).toBe('console.log(1)');
  expect((await t.app.inject({ url: '/js/missing.js' })).statusCode).toBe(404);
});

it('keeps API misses as JSON', async () => {
  const response = await t.app.inject({ url: '/api/pages/login' });
  expect(response.headers['content-type']).toMatch(/application\/json/);
  expect(response.statusCode).toBe(404);
});
