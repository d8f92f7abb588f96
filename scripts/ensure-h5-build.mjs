// Builds the h5 app before `npm start` when the build is missing or older than its sources.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const builtIndex = path.join(root, 'dist', 'h5', 'index.html');
const sources = ['src', 'domain', 'config', 'babel.config.js', 'package.json'].map((p) => path.join(root, p));

function newestChange(entry) {
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs
    .readdirSync(entry)
    .reduce((newest, name) => Math.max(newest, newestChange(path.join(entry, name))), stat.mtimeMs);
}

const builtAt = fs.existsSync(builtIndex) ? fs.statSync(builtIndex).mtimeMs : 0;
const changedAt = Math.max(...sources.filter((p) => fs.existsSync(p)).map(newestChange));

if (builtAt >= changedAt) {
  console.log('h5 build is up to date.');
} else {
  console.log(builtAt ? 'Sources changed since the last h5 build; rebuilding…' : 'Building the h5 app (first start, about a minute)…');
  const taro = path.join(root, 'node_modules', '.bin', 'taro');
  const result = spawnSync(taro, ['build', '--type', 'h5'], { cwd: root, stdio: 'inherit', env: { ...process.env, TARO_ENV: 'h5' } });
  if (result.status !== 0) {
    console.error('The h5 build failed; see the output above.');
    process.exit(result.status ?? 1);
  }
}
