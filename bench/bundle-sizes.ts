/**
 * Package sizes of the mini-program builds and the h5 initial JS, against the budgets in DESIGN.md §5.
 *   npm run bench:sizes                 builds weapp, alipay and h5, then measures
 *   npm run bench:sizes -- --skip-build measures what is in dist/
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const root = path.resolve(__dirname, '..');
const MINI_PACKAGE_LIMIT = 2 * 1024 * 1024;
const MAIN_PACKAGE_AIM = 600 * 1024;

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

const bytes = (files: string[]) => files.reduce((sum, file) => sum + fs.statSync(file).size, 0);
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

function measureMini(platform: 'weapp' | 'alipay') {
  const dir = path.join(root, 'dist', platform);
  const appJson = JSON.parse(fs.readFileSync(path.join(dir, 'app.json'), 'utf8')) as { subPackages?: { root: string }[]; subpackages?: { root: string }[] };
  const roots = (appJson.subPackages ?? appJson.subpackages ?? []).map((p) => p.root.replace(/\/$/, ''));
  const all = filesUnder(dir).filter((f) => !f.endsWith('.LICENSE.txt') && !f.endsWith('.map'));
  const inPackage = (file: string, pkg: string) => path.relative(dir, file).startsWith(`${pkg}/`);
  const main = all.filter((file) => !roots.some((pkg) => inPackage(file, pkg)));
  const rows = [{ package: 'main', bytes: bytes(main) }, ...roots.map((pkg) => ({ package: pkg, bytes: bytes(all.filter((f) => inPackage(f, pkg))) }))];
  return { platform, rows, total: bytes(all) };
}

function measureH5() {
  const dir = path.join(root, 'dist', 'h5');
  const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<script[^>]+src="\/?([^"]+)"/g)].map((m) => path.join(dir, m[1]));
  const styles = [...html.matchAll(/<link(?![^>]*rel="preload")[^>]+href="\/?([^"]+\.css)"/g)].map((m) => path.join(dir, m[1]));
  const gzip = (files: string[]) => files.reduce((sum, file) => sum + gzipSync(fs.readFileSync(file)).length, 0);
  return { js: bytes(scripts), jsGzip: gzip(scripts), css: bytes(styles), files: scripts.map((f) => path.relative(dir, f)) };
}

if (!process.argv.includes('--skip-build')) {
  for (const type of ['weapp', 'alipay', 'h5']) {
    const result = spawnSync(path.join(root, 'node_modules/.bin/taro'), ['build', '--type', type], { cwd: root, stdio: 'ignore' });
    if (result.status !== 0) throw new Error(`taro build --type ${type} failed`);
  }
}

let overBudget = false;
for (const platform of ['weapp', 'alipay'] as const) {
  if (!fs.existsSync(path.join(root, 'dist', platform, 'app.json'))) continue;
  const { rows, total } = measureMini(platform);
  console.log(`\n${platform} (total ${total} B, ${kb(total)})`);
  for (const row of rows) {
    const note = row.bytes > MINI_PACKAGE_LIMIT ? '  OVER the 2 MB platform limit' : row.package === 'main' && row.bytes > MAIN_PACKAGE_AIM ? '  over the 600 KB aim' : '';
    if (row.bytes > MINI_PACKAGE_LIMIT) overBudget = true;
    console.log(`  ${row.package.padEnd(20)} ${String(row.bytes).padStart(9)} B  ${kb(row.bytes).padStart(9)}${note}`);
  }
}
if (fs.existsSync(path.join(root, 'dist', 'h5', 'index.html'))) {
  const h5 = measureH5();
  console.log(`\nh5 initial JS: ${h5.js} B (${kb(h5.js)}), gzipped ${h5.jsGzip} B (${kb(h5.jsGzip)}); CSS ${h5.css} B`);
  console.log(`  ${h5.files.join(', ')}`);
}
process.exit(overBudget ? 1 : 0);
