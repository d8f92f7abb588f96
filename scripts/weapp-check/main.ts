/**
 * Compiles the production weapp build with WeChat's own compiler and runs DevTools' code-quality check,
 * offline (miniprogram-ci). Exits 1 on a compile error or any failed quality item.
 *
 *   npm run check:weapp                      builds dist/weapp for production, then checks it
 *   npm run check:weapp -- --skip-build      checks dist/weapp as it is
 *   npm run check:weapp -- --dir DIR         builds into DIR (or, with --skip-build, checks DIR)
 *
 * The npm script runs it with the tsx CLI, not `node --import tsx`: miniprogram-ci forks its compiler with this
 * process's flags and the build folder as working directory, from where a bare `--import tsx` does not resolve.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkWeapp, type WeappCheck } from './wechat-ci';

const root = path.resolve(__dirname, '../..');

function options() {
  const { values } = parseArgs({ options: { 'skip-build': { type: 'boolean', default: false }, dir: { type: 'string' } } });
  return { skipBuild: values['skip-build'], dir: path.resolve(root, values.dir ?? 'dist/weapp') };
}

function buildWeapp(dir: string): void {
  console.log(`building weapp (production) into ${path.relative(root, dir) || '.'}`);
  const result = spawnSync(path.join(root, 'node_modules/.bin/taro'), ['build', '--type', 'weapp'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', BANXUE_OUTPUT_ROOT: dir },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (result.status !== 0) throw new Error('taro build --type weapp failed');
}

function report({ compile, quality }: WeappCheck): boolean {
  const seconds = (compile.milliseconds / 1000).toFixed(1);
  console.log(compile.ok ? `compile: ok, ${compile.files} files in ${seconds} s` : `compile: FAILED after ${seconds} s\n${compile.error}`);
  console.log(`code quality: ${quality.filter((item) => item.success).length} of ${quality.length} items pass`);
  for (const item of quality) {
    // An item's text reads as its failure message, so it is shown only when the item fails.
    console.log(item.success ? `  pass  ${item.name}` : `  FAIL  ${item.name}: ${item.text}`);
    if (item.detail !== undefined && (item.name === 'PACKAGE_SIZE_LIMIT' || !item.success)) console.log(`        ${JSON.stringify(item.detail)}`);
  }
  return compile.ok && quality.length > 0 && quality.every((item) => item.success);
}

async function main(): Promise<number> {
  const { skipBuild, dir } = options();
  if (!skipBuild) buildWeapp(dir);
  if (!fs.existsSync(path.join(dir, 'app.json'))) throw new Error(`no weapp build in ${dir} (app.json missing)`);
  return report(await checkWeapp(dir)) ? 0 : 1;
}

// miniprogram-ci leaves a file watcher and its compiler process running: end explicitly.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
