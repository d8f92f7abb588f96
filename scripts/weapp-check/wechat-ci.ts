/**
 * WeChat's own compiler and code-quality check (miniprogram-ci, the same as DevTools), run offline.
 */
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as ci from 'miniprogram-ci';

export interface QualityItem {
  name: string;
  success: boolean;
  text: string;
  detail?: unknown;
}

export type CompileOutcome = { ok: true; files: number; milliseconds: number } | { ok: false; error: string; milliseconds: number };

export interface WeappCheck {
  compile: CompileOutcome;
  quality: QualityItem[];
}

/** Compiling needs a signing key but never uploads, so any RSA key will do. */
function throwawayKey(folder: string): string {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keyPath = path.join(folder, 'private.key');
  fs.writeFileSync(keyPath, privateKey.export({ type: 'pkcs1', format: 'pem' }), { mode: 0o600 });
  return keyPath;
}

function openProject(dir: string, keyPath: string): ci.Project {
  const { appid } = JSON.parse(fs.readFileSync(path.join(dir, 'project.config.json'), 'utf8')) as { appid: string };
  const project = new ci.Project({ appid, type: 'miniProgram', projectPath: dir, privateKeyPath: keyPath });
  // The compiler first asks WeChat's servers for the app's attributes; offline, the defaults stand in.
  project.attr = async () => ({ ...ci.DefaultProjectAttr });
  return project;
}

async function compile(project: ci.Project): Promise<CompileOutcome> {
  const started = performance.now();
  const milliseconds = () => Math.round(performance.now() - started);
  try {
    // As an upload would: with the settings of the build's project.config.json (minification included).
    const files = await ci.getCompiledResult({ project, version: '0.0.0', setting: { useProjectConfig: true } });
    return { ok: true, files: Object.keys(files).length, milliseconds: milliseconds() };
  } catch (error) {
    return { ok: false, error: describeCompileError(error), milliseconds: milliseconds() };
  }
}

/** The compiler's errors carry the file (`path`) and an error code beside the message. */
function describeCompileError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const { path: file, code } = error as Error & { path?: string; code?: number };
  return [file, error.message, code === undefined ? '' : `(code ${code})`].filter(Boolean).join(' ');
}

export async function checkWeapp(dir: string): Promise<WeappCheck> {
  const keyFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'banxue-weapp-key-'));
  try {
    const project = openProject(dir, throwawayKey(keyFolder));
    const compiled = await compile(project);
    const quality = (await ci.checkCodeQuality(project)).map((item) => ({
      name: String(item.name),
      success: Boolean(item.success),
      text: item.text ?? '',
      detail: item.detail,
    }));
    return { compile: compiled, quality };
  } finally {
    fs.rmSync(keyFolder, { recursive: true, force: true });
  }
}
