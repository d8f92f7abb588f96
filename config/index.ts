import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';

const platform = process.env.TARO_ENV ?? 'h5';
// The h5 build is served by the API server on the same origin; mini-programs need an absolute URL.
const apiBaseUrl = process.env.BANXUE_API_BASE_URL ?? (platform === 'h5' ? '' : 'http://127.0.0.1:3000');
// Pure rules the app shares with the server (no I/O, no schema library) are compiled from domain/.
const sharedDomain = { include: [path.resolve(__dirname, '..', 'domain')] };

export default defineConfig<'webpack5'>(() => {
  const config: UserConfigExport<'webpack5'> = {
    projectName: 'banxue',
    date: '2026-11-29',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    // A private output folder lets two builds run side by side (BANXUE_H5_DIR points the server at it).
    outputRoot: process.env.BANXUE_OUTPUT_ROOT ?? `dist/${platform}`,
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    alias: { '@': path.resolve(__dirname, '..', 'src') },
    defineConstants: {
      BANXUE_API_BASE_URL: JSON.stringify(apiBaseUrl),
    },
    plugins: [],
    // Chinese text (the app's own strings, and the character tables screening reads) stays UTF-8 instead
    // of \uXXXX escapes, which would take six bytes a character instead of three.
    terser: { enable: true, config: { output: { ascii_only: false } } },
    mini: {
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      optimizeMainPackage: { enable: true },
      compile: sharedDomain,
    },
    h5: {
      publicPath: '/',
      compile: sharedDomain,
      staticDirectory: 'static',
      router: { mode: 'browser' },
      output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[contenthash:8].js' },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
  };
  return config;
});
