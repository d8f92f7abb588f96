import type { Compiler } from 'webpack';

const NAME = 'PreloadPagesPlugin';

/**
 * h5: adds `<link rel="preload">` to index.html for the chunks of a few pages, so that opening the app
 * cold fetches them beside app.js instead of one round trip after another (the launch page's chunks,
 * then, once it has decided, the login page's). `pages` are paths as in app.config (`pages/login/index`).
 */
export class PreloadPagesPlugin {
  constructor(private readonly pages: string[]) {}

  apply(compiler: Compiler) {
    const { Compilation, sources } = compiler.webpack;
    const publicPath = String(compiler.options.output.publicPath ?? '/');
    compiler.hooks.thisCompilation.tap(NAME, (compilation) => {
      // After html-webpack-plugin writes index.html, before its compressed copies are made.
      compilation.hooks.processAssets.tap({ name: NAME, stage: Compilation.PROCESS_ASSETS_STAGE_SUMMARIZE }, () => {
        const html = compilation.getAsset('index.html');
        if (!html) return;
        const files = new Set<string>();
        for (const group of compilation.chunkGroups) {
          const loadsPage = group.origins.some(({ request }) => this.pages.some((page) => request?.replace(/\\/g, '/').endsWith(`/${page}`)));
          if (!loadsPage) continue;
          for (const chunk of group.chunks) for (const file of chunk.files) files.add(file);
        }
        const links = [...files]
          .filter((file) => /\.(js|css)$/.test(file))
          .map((file) => `<link rel="preload" href="${publicPath}${file}" as="${file.endsWith('.css') ? 'style' : 'script'}">`)
          .join('');
        const text = html.source.source().toString().replace('</head>', `${links}</head>`);
        compilation.updateAsset('index.html', new sources.RawSource(text));
      });
    });
  }
}
