import path from 'node:path';
import zlib from 'node:zlib';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import CompressionPlugin from 'compression-webpack-plugin';
import { PreloadPagesPlugin } from './preload-pages-plugin';

const platform = process.env.TARO_ENV ?? 'h5';
// The h5 build is served by the API server on the same origin; mini-programs need an absolute URL.
const apiBaseUrl = process.env.BANXUE_API_BASE_URL ?? (platform === 'h5' ? '' : 'http://127.0.0.1:3000');
// Pure rules the app shares with the server (no I/O, no schema library) are compiled from domain/.
const sharedDomain = { include: [path.resolve(__dirname, '..', 'domain')] };
// h5: what two or more lazily loaded pages use goes in a chunk of its own, loaded once for all of them.
const sharedByPages = { chunks: 'async', minChunks: 2, minSize: 20_000, priority: 0, reuseExistingChunk: true };
const PRECOMPRESSED = /\.(js|css|html|svg|json)$/;

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
      // JS (terser) and CSS (csso) are minified in production builds; WXML is minified by WeChat on upload
      // (project.config.json). Not `minifyXML`: its html-minifier drops `</input>`, which WeChat rejects.
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
      webpackChain(chain) {
        // Taro splits only the initial chunks, so every page chunk carried its own copy of what it shares
        // with other pages (Swiper behind Taro.previewImage, the screening tables): share one copy instead.
        chain.optimization.splitChunks({
          ...chain.optimization.get('splitChunks'),
          cacheGroups: { ...chain.optimization.get('splitChunks').cacheGroups, sharedByPages },
        });
        // Opening the app cold goes through the launch page to the login page: fetch both with app.js.
        chain.plugin('preload-entry-pages').use(PreloadPagesPlugin, [['pages/launch/index', 'pages/login/index']]);
        if (chain.get('mode') === 'production') {
          // The server sends these instead of compressing on every request (@fastify/static preCompressed).
          chain.plugin('precompress-gzip').use(CompressionPlugin, [{ algorithm: 'gzip', test: PRECOMPRESSED, filename: '[path][base].gz', compressionOptions: { level: 9 } }]);
          chain.plugin('precompress-brotli').use(CompressionPlugin, [{ algorithm: 'brotliCompress', test: PRECOMPRESSED, filename: '[path][base].br', compressionOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } } }]);
        }
      },
    },
  };
  return config;
});
