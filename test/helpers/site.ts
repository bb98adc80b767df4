// Test helpers: tiny sites written inline into temp folders, the CLI run as a user runs it, and
// pages read back as parsed HTML.

import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as cheerio from 'cheerio';
import { tracked } from './children.js';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
const CLI = path.join(REPO, 'bin/broadsheet.js');

const made: string[] = [];

/**
 * Remove the temp folders made so far. test/setup.ts calls it after each test file: a hook
 * registered here, at the top of a shared module, would run only for the first file that loads
 * it (test files share modules, see vitest.config.ts).
 */
export function removeTempSites(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Write `files` (path -> text, or bytes for images) into a new temp folder and return its path. */
export function makeSite(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'broadsheet-test-'));
  made.push(root);
  writeFiles(root, files);
  return root;
}

export function writeFiles(root: string, files: Record<string, string | Uint8Array>): void {
  for (const [file, text] of Object.entries(files)) {
    const absolute = path.join(root, file);
    mkdirSync(path.dirname(absolute), { recursive: true });
    writeFileSync(absolute, text);
  }
}

/**
 * A copy of the seed site (the repository's content/ and site.config.ts, its import of
 * src/config pointed at this checkout) in a new temp folder, with `files` added: a build of the
 * copy takes its own lock, not the repository's (test/seed.test.ts builds that).
 */
export function seedCopy(files: Record<string, string | Uint8Array> = {}): string {
  const config = readFileSync(path.join(REPO, 'site.config.ts'), 'utf8').replace("'./src/config.js'", JSON.stringify(path.join(REPO, 'src/config.ts')));
  const root = makeSite({ 'site.config.ts': config });
  cpSync(path.join(REPO, 'content'), path.join(root, 'content'), { recursive: true });
  writeFiles(root, files);
  return root;
}

/** An article file's text from front-matter lines and a body. */
export function article(frontMatter: Record<string, string>, body = 'Some text.'): string {
  const lines = Object.entries(frontMatter).map(([key, value]) => `${key}: ${value}`);
  return `---\n${lines.join('\n')}\n---\n\n${body}\n`;
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run `broadsheet ...args` in `cwd`, as a user would. */
export function runCli(args: string[], cwd: string, env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    tracked(
      execFile(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', ...env } }, (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      }),
    );
  });
}

/** Every file under `dir`, relative, with forward slashes, sorted. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

/** The page served at a site path ("/topics/culture/") from an output folder, parsed. */
export function page(outDir: string, url: string): cheerio.CheerioAPI {
  const file = url.endsWith('/') ? `${url}index.html` : url;
  return cheerio.load(readFileSync(path.join(outDir, file), 'utf8'));
}
