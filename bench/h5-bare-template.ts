/**
 * Taro's bare template for comparison: one React page with one View and a line of text, built with the
 * Taro packages this project has installed (no `taro init`, which downloads), into a temporary folder.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const FILES: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'bare', private: true, templateInfo: { name: 'default', typescript: true, css: 'None', framework: 'React' } }),
  'babel.config.js': "module.exports = { presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]] };\n",
  'config/index.ts': `export default {
  projectName: 'bare',
  date: '2026-12-06',
  designWidth: 750,
  deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
  sourceRoot: 'src',
  outputRoot: process.env.BARE_OUTPUT_ROOT,
  framework: 'react',
  compiler: 'webpack5',
  cache: { enable: false },
  plugins: [],
  h5: {
    publicPath: '/',
    staticDirectory: 'static',
    router: { mode: 'browser' },
    output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[contenthash:8].js' },
    miniCssExtractPluginOption: { ignoreOrder: true, filename: 'css/[name].[contenthash:8].css', chunkFilename: 'css/[name].[contenthash:8].css' },
  },
};
`,
  'src/index.html': `<!DOCTYPE html>
<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>bare</title></head>
<body><div id="app"></div></body></html>
`,
  'src/app.config.ts': "export default { pages: ['pages/index/index'], window: { navigationBarTitleText: 'bare' } };\n",
  'src/app.ts': `import type { PropsWithChildren } from 'react';
function App({ children }: PropsWithChildren) {
  return children;
}
export default App;
`,
  'src/pages/index/index.config.ts': "export default { navigationBarTitleText: '首页' };\n",
  'src/pages/index/index.tsx': `import { Text, View } from '@tarojs/components';
export default function Index() {
  return (
    <View className='index'>
      <Text>Hello world!</Text>
    </View>
  );
}
`,
};

/** Builds the bare template's h5 app into `outDir` (skipped when `reuse` and a build is there). */
export function buildBareTemplate(repoRoot: string, outDir: string, reuse: boolean): void {
  if (reuse && fs.existsSync(path.join(outDir, 'index.html'))) return;
  const project = fs.mkdtempSync(path.join(os.tmpdir(), 'banxue-bare-taro-'));
  try {
    for (const [file, text] of Object.entries(FILES)) {
      fs.mkdirSync(path.dirname(path.join(project, file)), { recursive: true });
      fs.writeFileSync(path.join(project, file), text);
    }
    fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(project, 'node_modules'), 'dir');
    fs.rmSync(outDir, { recursive: true, force: true });
    const result = spawnSync(path.join(repoRoot, 'node_modules/.bin/taro'), ['build', '--type', 'h5'], {
      cwd: project,
      env: { ...process.env, BARE_OUTPUT_ROOT: outDir },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (result.status !== 0) throw new Error(`the bare template h5 build failed:\n${result.stderr}`);
  } finally {
    fs.rmSync(project, { recursive: true, force: true });
  }
}
