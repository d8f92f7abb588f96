import fs from 'fs';
import path from 'path';
import ts from 'typescript';

/**
 * WeChat lets a mini-program use these only after the person agreed to its privacy guidelines
 * (用户隐私保护指引: the interfaces and components listed per kind of information).
 */
const PRIVACY_APIS = new Set([
  'getUserInfo', 'getUserProfile', 'authorize',
  'getLocation', 'getFuzzyLocation', 'startLocationUpdate', 'startLocationUpdateBackground', 'choosePoi', 'chooseLocation',
  'chooseAddress', 'chooseInvoice', 'chooseInvoiceTitle', 'getWeRunData', 'chooseLicensePlate',
  'chooseImage', 'chooseMedia', 'chooseVideo', 'chooseMessageFile',
  'startRecord', 'getRecorderManager', 'joinVoIPChat', 'createVKSession',
  'openBluetoothAdapter', 'createBLEPeripheralServer',
  'saveImageToPhotosAlbum', 'saveVideoToPhotosAlbum', 'addPhoneContact', 'addPhoneCalendar', 'addPhoneRepeatCalendar',
  'startAccelerometer', 'startCompass', 'startDeviceMotionListening', 'startGyroscope',
  'setClipboardData', 'getClipboardData',
]);
const PRIVACY_COMPONENTS = new Set(['Camera', 'LivePusher', 'VoipRoom']);
const PRIVACY_OPEN_TYPES = new Set(['getPhoneNumber', 'getRealtimePhoneNumber', 'chooseAvatar']);

const ROOT = path.resolve(__dirname, '../../..');
const SRC = path.join(ROOT, 'src');
const GATE = path.join(SRC, 'features/privacy/gate.ts');
const COMPILER_OPTIONS: ts.CompilerOptions = {
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  module: ts.ModuleKind.ESNext,
  baseUrl: ROOT,
  paths: { '@/*': ['src/*'] },
  jsx: ts.JsxEmit.ReactJSX,
};

interface Use {
  kind: 'api' | 'component';
  what: string;
  line: number;
}

interface ModuleFacts {
  /** Runtime imports: the module and the names taken from it ('*' for all). */
  imports: Array<{ from: string; names: string[] | '*' }>;
  /** `export { a as b } from './x'` (b → a) and `export * from './x'`. */
  reexports: Array<{ from: string; names: Map<string, string> | '*' }>;
  /** Names this module declares and exports itself. */
  ownExports: Set<string>;
  /** Privacy interfaces and components this module's own code uses. */
  privacyUses: Use[];
  rendersPopup: boolean;
}

function resolve(specifier: string, fromFile: string): string | null {
  const { resolvedModule } = ts.resolveModuleName(specifier, fromFile, COMPILER_OPTIONS, ts.sys);
  if (!resolvedModule || resolvedModule.isExternalLibraryImport) return null;
  const file = path.resolve(resolvedModule.resolvedFileName);
  return file.startsWith(SRC + path.sep) ? file : null;
}

const jsxTagName = (node: ts.JsxOpeningLikeElement) => node.tagName.getText();

function readModule(file: string): ModuleFacts {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const facts: ModuleFacts = { imports: [], reexports: [], ownExports: new Set(), privacyUses: [], rendersPopup: false };
  const lineOf = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart()).line + 1;

  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && !statement.importClause?.isTypeOnly) {
      const from = resolve((statement.moduleSpecifier as ts.StringLiteral).text, file);
      if (!from) continue;
      const clause = statement.importClause;
      const bindings = clause?.namedBindings;
      if (!clause || (bindings && ts.isNamespaceImport(bindings))) {
        facts.imports.push({ from, names: '*' });
        continue;
      }
      const names = clause.name ? ['default'] : [];
      if (bindings && ts.isNamedImports(bindings)) {
        for (const element of bindings.elements) if (!element.isTypeOnly) names.push((element.propertyName ?? element.name).text);
      }
      if (names.length > 0) facts.imports.push({ from, names });
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && !statement.isTypeOnly) {
      const from = resolve((statement.moduleSpecifier as ts.StringLiteral).text, file);
      if (!from) continue;
      if (!statement.exportClause) facts.reexports.push({ from, names: '*' });
      else if (ts.isNamedExports(statement.exportClause)) {
        const names = new Map<string, string>();
        for (const element of statement.exportClause.elements) {
          if (!element.isTypeOnly) names.set(element.name.text, (element.propertyName ?? element.name).text);
        }
        facts.reexports.push({ from, names });
      }
    } else if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      for (const element of statement.exportClause.elements) facts.ownExports.add(element.name.text);
    } else if (ts.isExportAssignment(statement)) {
      facts.ownExports.add('default');
    } else if (ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) {
      if (ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword)) facts.ownExports.add('default');
      else if (ts.isVariableStatement(statement)) {
        for (const declaration of statement.declarationList.declarations) facts.ownExports.add(declaration.name.getText());
      } else if ('name' in statement && statement.name && ts.isIdentifier(statement.name as ts.Node)) {
        facts.ownExports.add((statement.name as ts.Identifier).text);
      }
    }
  }

  const visit = (node: ts.Node) => {
    if (ts.isPropertyAccessExpression(node) && PRIVACY_APIS.has(node.name.text)) {
      facts.privacyUses.push({ kind: 'api', what: node.name.text, line: lineOf(node) });
    } else if (ts.isJsxOpeningElement(node) || ts.isJsxSelfClosingElement(node)) {
      const tag = jsxTagName(node);
      if (tag === 'PrivacyPopup') facts.rendersPopup = true;
      if (PRIVACY_COMPONENTS.has(tag)) facts.privacyUses.push({ kind: 'component', what: `<${tag}>`, line: lineOf(node) });
      for (const attribute of node.attributes.properties) {
        if (!ts.isJsxAttribute(attribute) || !attribute.initializer || !ts.isStringLiteral(attribute.initializer)) continue;
        const name = attribute.name.getText();
        const value = attribute.initializer.text;
        if ((name === 'openType' && PRIVACY_OPEN_TYPES.has(value)) || (tag === 'Input' && name === 'type' && value === 'nickname')) {
          facts.privacyUses.push({ kind: 'component', what: `<${tag} ${name}="${value}">`, line: lineOf(node) });
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return facts;
}

const cache = new Map<string, ModuleFacts>();
const facts = (file: string) => {
  if (!cache.has(file)) cache.set(file, readModule(file));
  return cache.get(file)!;
};

/** Where `file` takes `name` from when it only re-exports it (directly or through `export *`). */
function reexportSource(file: string, name: string): { from: string; name: string } | null {
  if (facts(file).ownExports.has(name)) return null;
  for (const reexport of facts(file).reexports) {
    if (reexport.names === '*') {
      if (name !== 'default' && (facts(reexport.from).ownExports.has(name) || reexportSource(reexport.from, name))) return { from: reexport.from, name };
    } else if (reexport.names.has(name)) {
      return { from: reexport.from, name: reexport.names.get(name)! };
    }
  }
  return null;
}

/**
 * The modules whose own code a page runs: from the page, every runtime import, following barrels
 * (`index.ts` re-exports) only to the modules that define the names actually imported.
 */
function modulesOfPage(pageFile: string): Set<string> {
  const reached = new Set<string>();
  const include = (file: string) => {
    if (reached.has(file)) return;
    reached.add(file);
    for (const { from, names } of facts(file).imports) {
      if (names === '*') includeAll(from);
      else for (const name of names) take(from, name);
    }
  };
  const includeAll = (file: string) => {
    include(file);
    for (const { from, names } of facts(file).reexports) {
      if (names === '*') includeAll(from);
      else for (const original of names.values()) take(from, original);
    }
  };
  const take = (file: string, name: string) => {
    const source = reexportSource(file, name);
    if (source) take(source.from, source.name);
    else include(file);
  };
  include(pageFile);
  return reached;
}

/** Every page the app registers (main package and sub-packages), as its source file. */
function registeredPages(): string[] {
  (globalThis as { defineAppConfig?: (config: unknown) => unknown }).defineAppConfig = (config) => config;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = require('@/app.config').default as { pages: string[]; subPackages?: Array<{ root: string; pages: string[] }> };
  const pages = [...config.pages, ...(config.subPackages ?? []).flatMap((pkg) => pkg.pages.map((page) => `${pkg.root}/${page}`))];
  return pages.map((page) => {
    const file = resolve(`@/${page}`, path.join(SRC, 'app.ts'));
    if (!file) throw new Error(`page ${page} has no source file`);
    return file;
  });
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'test' ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const relative = (file: string) => path.relative(SRC, file);

/** Pages that can reach a privacy interface, each with the modules that use one. */
function pagesUsingPrivacy(): Map<string, string[]> {
  const result = new Map<string, string[]>();
  for (const page of registeredPages()) {
    const users = [...modulesOfPage(page)].filter((file) => facts(file).privacyUses.length > 0);
    if (users.length > 0) result.set(relative(page), users.map(relative));
  }
  return result;
}

describe('WeChat privacy APIs', () => {
  it('are called only through the privacy gate (which runs requirePrivacyAuthorize first)', () => {
    const direct = sourceFiles(SRC)
      .filter((file) => file !== GATE)
      .flatMap((file) => facts(file).privacyUses.filter((use) => use.kind === 'api').map((use) => `${relative(file)}:${use.line} ${use.what}`));
    expect(direct).toEqual([]);
    expect(facts(GATE).privacyUses.map((use) => use.what)).toContain('chooseImage');
  });

  it('are found on the pages that choose photos, and not on a page that only links to the notice', () => {
    const pages = [...pagesUsingPrivacy().keys()];
    expect(pages).toEqual(
      expect.arrayContaining([
        'packages/sponsor/pages/compose/index.tsx',
        'packages/staff/pages/sponsorships/index.tsx',
        'packages/student/pages/compose/index.tsx',
        'packages/student/pages/term-report/index.tsx',
      ]),
    );
    expect(pages).not.toContain('pages/privacy/index.tsx');
    expect(pages).not.toContain('pages/settings/index.tsx');
  });

  it('every page that can reach one mounts the privacy popup, so WeChat’s question is answered on that page', () => {
    const missing = [...pagesUsingPrivacy()]
      .filter(([page]) => ![...modulesOfPage(path.join(SRC, page))].some((file) => facts(file).rendersPopup))
      .map(([page, users]) => `${page} (through ${users.join(', ')})`);
    expect(missing).toEqual([]);
  });
});
