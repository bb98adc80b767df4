// `broadsheet init [DIR]`: a new site folder, ready to write in, build and deploy. It writes the
// config, package.json (scripts and the dependency on Broadsheet), .gitignore, a README, the
// GitHub Pages workflow and a welcome article (files.ts, workflow.ts); then, unless told not to,
// installs the dependencies and starts a git repository.
//
// It never replaces a file: a folder with anything in it is refused unless `force` is given, and
// then the files already there are kept (package.json and .gitignore gain what they lack). What
// `git init` and `npm install broadsheet` leave (.git, node_modules, package.json and its lock)
// does not count: `npm install broadsheet && npx broadsheet init` is the way in from an empty folder.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SystemFailure, shownPath } from '../../write/os-errors.js';
import { gitignoreText, packageJsonText, readmeText, siteConfigText, welcomeArticle } from './files.js';
import type { InitSettings } from './settings.js';
import { workflowText } from './workflow.js';

export { defaultSettings, INIT_TEMPLATES, settingProblem, type AskedSetting, type InitSettings, type InitTemplate } from './settings.js';

/** What a folder may hold and still count as empty (see the top of this file). */
const ALLOWED = new Set(['.git', 'node_modules', 'package.json', 'package-lock.json']);

/** The workflow's path in the site. */
export const WORKFLOW_FILE = '.github/workflows/pages.yml';

/** What init did to the folder: files written new, files that were there and gained lines, files kept as they were. */
export interface InitOutcome {
  dir: string;
  written: string[];
  merged: string[];
  kept: string[];
}

/** The entries of `dir` that make it not empty for init (none when it does not exist). */
export function occupiedBy(dir: string): string[] {
  const info = statSync(dir, { throwIfNoEntry: false });
  if (!info) return [];
  if (!info.isDirectory()) throw new SystemFailure(`${shownPath(dir)} is a file, not a folder. Name a new folder for the site: broadsheet init my-site`);
  return readdirSync(dir).filter((name) => !ALLOWED.has(name)).sort();
}

/** Throw a SystemFailure naming what is in `dir` unless it counts as empty (see occupiedBy). */
export function refuseOccupied(dir: string): void {
  const occupied = occupiedBy(dir);
  if (occupied.length === 0) return;
  const listed = occupied.slice(0, 5).join(', ') + (occupied.length > 5 ? ` and ${occupied.length - 5} more` : '');
  throw new SystemFailure(
    `${shownPath(dir) === '.' ? 'This folder' : `The folder ${shownPath(dir)}`} is not empty (${listed}). Start the site in a new folder (broadsheet init my-site), or add --force to add the files that are missing and keep those there.`,
  );
}

/**
 * Write the new site's files into `dir` (created if missing). Refuses, having written nothing, a
 * folder with anything else in it unless `force`; with it, files already there are kept.
 */
export function initSite(dir: string, settings: InitSettings, options: { force?: boolean } = {}): InitOutcome {
  if (!options.force) refuseOccupied(dir);
  mkdirSync(dir, { recursive: true });
  const outcome: InitOutcome = { dir, written: [], merged: [], kept: [] };
  const read = (file: string) => (existsSync(path.join(dir, file)) ? readFileSync(path.join(dir, file), 'utf8') : undefined);
  const put = (file: string, text: string) => {
    const absolute = path.join(dir, file);
    mkdirSync(path.dirname(absolute), { recursive: true });
    writeFileSync(absolute, text, { flag: 'wx' });
    outcome.written.push(file);
  };
  const merge = (file: string, text: (existing: string | undefined) => string) => {
    const existing = read(file);
    const updated = text(existing);
    if (existing === undefined) put(file, updated);
    else if (updated === existing) outcome.kept.push(file);
    else {
      writeFileSync(path.join(dir, file), updated);
      outcome.merged.push(file);
    }
  };
  const create = (file: string, text: string) => (existsSync(path.join(dir, file)) ? outcome.kept.push(file) : put(file, text));

  merge('package.json', (existing) => packageJsonText(existing === undefined ? undefined : parsePackageJson(existing, dir), path.basename(path.resolve(dir)), installSpec(dir)));
  create('site.config.ts', siteConfigText(settings));
  merge('.gitignore', gitignoreText);
  create('README.md', readmeText(settings));
  create(WORKFLOW_FILE, workflowText());
  if (settings.template === 'sample') {
    const welcome = welcomeArticle(settings);
    create(`content/${welcome.file}`, welcome.text);
  } else if (!existsSync(path.join(dir, 'content'))) {
    // Git keeps no empty folder: without a file, a clone of the site would have no content/.
    create('content/.gitkeep', '');
  }
  return outcome;
}

/**
 * How the nearest project around `dir` depends on Broadsheet (`npm install ../broadsheet-0.1.0.tgz`
 * in a folder, then `broadsheet init my-site` in it), a local path made relative to `dir`: the
 * new site installs what that project did. Undefined when none does (the registry's version).
 */
export function installSpec(dir: string): string | undefined {
  const site = path.resolve(dir);
  for (let folder = path.dirname(site); ; folder = path.dirname(folder)) {
    let spec: unknown;
    try {
      spec = (JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')) as { dependencies?: Record<string, unknown> }).dependencies?.broadsheet;
    } catch {
      spec = undefined;
    }
    if (typeof spec === 'string') {
      const local = /^file:(.+)$/.exec(spec)?.[1];
      if (local === undefined) return spec;
      const relative = path.relative(site, path.resolve(folder, local)).split(path.sep).join('/');
      return `file:${relative}`;
    }
    if (path.dirname(folder) === folder) return undefined;
  }
}

function parsePackageJson(text: string, dir: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new SystemFailure(`${shownPath(path.join(dir, 'package.json'))} is not valid JSON (${(error as Error).message}): fix it, or move it away, and run init again.`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new SystemFailure(`${shownPath(path.join(dir, 'package.json'))} does not hold an object: fix it, or move it away, and run init again.`);
  }
  return parsed as Record<string, unknown>;
}

/** Is Broadsheet already installed in the site (`npm install broadsheet` ran there)? */
export function installedIn(dir: string): boolean {
  return existsSync(path.join(dir, 'node_modules/broadsheet/package.json'));
}

/** Run `npm install` in the site, its output shown; resolves to whether it succeeded. */
export function installDependencies(dir: string): Promise<boolean> {
  return new Promise((resolve) => {
    const npm = spawn(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['install', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'inherit' });
    npm.on('error', () => resolve(false));
    npm.on('close', (code) => resolve(code === 0));
  });
}

/** Start a git repository in the site, unless it is already in one; 'no-git' when git cannot be run. */
export function startRepository(dir: string): 'started' | 'inside' | 'no-git' {
  const inside = spawnSync('git', ['rev-parse', '--is-inside-work-tree'], { cwd: dir, encoding: 'utf8' });
  if (inside.error) return 'no-git';
  if (inside.status === 0 && inside.stdout.trim() === 'true') return 'inside';
  const started = spawnSync('git', ['init', '--quiet'], { cwd: dir });
  return started.status === 0 ? 'started' : 'no-git';
}
