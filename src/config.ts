// The site's settings: this module finds and loads `site.config.ts` (or .mts/.js/.mjs/.json),
// validates it against the schema (config-schema.ts, where every option, its default and its
// meaning are written), and resolves folders against the root. It does not read content or templates.

import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { folderProblems, foldersOutside } from './config-folders.js';
import { importConfigModule, settledConfig } from './config-import.js';
import { configSchema, type SiteConfigInput } from './config-schema.js';
import { BuildFailure, problem, type Problem, positionAt } from './problems/index.js';

export { configSchema, type SiteConfigInput } from './config-schema.js';


/** Validated settings with defaults applied and folders resolved. */
export interface SiteConfig extends Omit<z.output<typeof configSchema>, 'publisher'> {
  publisher: string;
  /** Absolute path of the site root. */
  root: string;
  /** baseUrl with a trailing slash. */
  baseUrl: string;
  /** The path part of baseUrl, with leading and trailing slash: "/" or "/news/". */
  basePath: string;
  /**
   * What comes before every site path of the pages being made: '' for a one-language site and for
   * the default language, "/ru" when another language's pages are made (languages.ts configFor).
   */
  urlPrefix: string;
  /** Absolute folders. */
  contentPath: string;
  outPath: string;
  templatesPath: string;
  staticPath: string;
  cachePath: string;
  /** allowOutside's folders, absolute. */
  allowOutsidePaths: string[];
  /** The config file that was loaded, relative to the root, if any. */
  configFile?: string;
}

/** Helper for typed config files: `export default defineConfig({ ... })`. */
export function defineConfig(config: SiteConfigInput): SiteConfigInput {
  return config;
}

/** The config file names looked for in the site root, first found wins. */
export const CONFIG_FILES = ['site.config.ts', 'site.config.mts', 'site.config.js', 'site.config.mjs', 'site.config.json'];

/** The site's config file in `root`, or undefined when it has none (the defaults apply). */
export function findConfigFile(root: string): string | undefined {
  return CONFIG_FILES.find((name) => existsSync(path.join(root, name)));
}

/**
 * Load, validate and resolve the config of the site in `root`. `overrides` (from CLI flags) win
 * over the file. Throws BuildFailure with every problem, each naming the file, line and key.
 */
export async function loadConfig(root: string, overrides: SiteConfigInput = {}, options: { signal?: AbortSignal } = {}): Promise<SiteConfig> {
  const absoluteRoot = path.resolve(root);
  const configFile = findConfigFile(absoluteRoot);
  let input: unknown = {};
  if (configFile) input = await importConfig(absoluteRoot, configFile, options.signal);
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new BuildFailure([
      problem('config-invalid', configFile ?? 'site.config.ts', { line: 1, column: 1 }, { kind: 'not-an-object', value: input }),
    ]);
  }
  const flags = stripUndefined(overrides);
  return resolveConfig({ ...input, ...flags }, absoluteRoot, configFile, new Set(Object.keys(flags)));
}

/** The command-line flag that sets each setting a flag can set: a problem with its value names it, not the config file. */
const FLAG_OF: Readonly<Record<string, string>> = { outDir: '--out', baseUrl: '--base-url' };

/** Validate a config object (already merged with overrides, the keys `fromFlags` came from) and resolve its paths. */
export function resolveConfig(input: unknown, root: string, configFile?: string, fromFlags: ReadonlySet<string> = new Set()): SiteConfig {
  const parsed = configSchema.safeParse(input);
  if (!parsed.success) {
    const file = configFile ?? 'site.config.ts';
    const text = configFile ? safeRead(path.join(root, configFile)) : '';
    throw new BuildFailure(
      parsed.error.issues.map((issue): Problem => {
        const key = issue.code === 'unrecognized_keys' ? issue.keys[0] ?? '' : issue.path.join('.');
        // The innermost key of the path the source shows (nav.1: nav's line; a record's key as written).
        const keys = issue.code === 'unrecognized_keys' ? [key] : issue.path.filter((part) => typeof part === 'string');
        const at = keys.reverse().map((part) => locateKey(text, part)).find((place) => place.line > 1 || place.column > 1);
        return problem(
          'config-invalid',
          file,
          at ?? { line: 1, column: 1 },
          issue.code === 'unrecognized_keys'
            ? { kind: 'unknown-option', key, known: Object.keys(configSchema.shape) }
            : // A record's key that its own rule refuses: that rule's words, not "Invalid key in record".
              { kind: 'invalid-option', key, message: issue.code === 'invalid_key' ? (issue.issues[0]?.message ?? issue.message) : issue.message },
        );
      }),
    );
  }
  const config = parsed.data;
  const baseUrl = config.baseUrl.endsWith('/') ? config.baseUrl : `${config.baseUrl}/`;
  const outPath = path.resolve(root, config.outDir);
  const file = configFile ?? 'site.config.ts';
  const source = configFile ? safeRead(path.join(root, configFile)) : '';
  const given = new Set(typeof input === 'object' && input !== null ? Object.keys(input) : []);
  const problems: Problem[] = folderProblems(root, config, given).map(({ key, value, clash }) =>
    fromFlags.has(key) && FLAG_OF[key]
      ? problem('config-invalid', file, { line: 1, column: 1 }, { kind: 'folder-clash', key, value, clash, flag: FLAG_OF[key] })
      : problem('config-invalid', file, locateKey(source, key), { kind: 'folder-clash', key, value, clash }),
  );
  for (const key of foldersOutside(root, config, config.allowOutside)) {
    problems.push(problem('config-invalid', file, locateKey(source, key), { kind: 'invalid-option', key, message: `expected a folder inside the site folder (or in one allowOutside lists), got ${config[key]}` }));
  }
  if (config.languages) {
    const codes = Object.keys(config.languages);
    if (codes.length === 0) problems.push(problem('config-invalid', file, locateKey(source, 'languages'), { kind: 'invalid-option', key: 'languages', message: 'expected at least one language, such as { en: {} }' }));
    if (config.defaultLanguage && !codes.includes(config.defaultLanguage)) {
      problems.push(problem('config-invalid', file, locateKey(source, 'defaultLanguage'), { kind: 'invalid-option', key: 'defaultLanguage', message: `expected one of the languages: ${codes.join(', ')}` }));
    }
  } else if (config.defaultLanguage) {
    problems.push(problem('config-invalid', file, locateKey(source, 'defaultLanguage'), { kind: 'invalid-option', key: 'defaultLanguage', message: 'expected `languages` too: defaultLanguage says which of them lives at the root' }));
  }
  // A query or fragment would be pasted into the middle of every URL made from it.
  if (/[?#]/.test(config.baseUrl)) problems.push(problem('config-invalid', file, locateKey(source, 'baseUrl'), { kind: 'base-url-extra', value: config.baseUrl }));
  if (problems.length > 0) throw new BuildFailure(problems);
  const codes = config.languages ? Object.keys(config.languages) : [];
  // The default language: as set, else `language` when the config sets it and lists it, else the first listed.
  const defaultLanguage = config.languages ? (config.defaultLanguage ?? (given.has('language') && codes.includes(config.language) ? config.language : codes[0]!)) : undefined;
  return {
    ...config,
    // On a multilingual site, `language` is the default language's code.
    language: defaultLanguage ?? config.language,
    defaultLanguage,
    publisher: config.publisher ?? config.title,
    root,
    baseUrl,
    basePath: new URL(baseUrl).pathname,
    urlPrefix: '',
    contentPath: path.resolve(root, config.contentDir),
    outPath,
    templatesPath: path.resolve(root, config.templatesDir),
    staticPath: path.resolve(root, config.staticDir),
    cachePath: path.resolve(root, config.cacheDir),
    allowOutsidePaths: config.allowOutside.map((folder) => path.resolve(root, folder)),
    configFile,
  };
}

async function importConfig(root: string, configFile: string, signal: AbortSignal | undefined): Promise<unknown> {
  const file = path.join(root, configFile);
  try {
    if (configFile.endsWith('.json')) return JSON.parse(readFileSync(file, 'utf8'));
    return await settledConfig(importConfigModule(file, statSync(file).mtimeMs), signal);
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    const firstLine = error instanceof Error ? error.message.split('\n')[0] ?? '' : String(error);
    // Node names the files it could not load by absolute path or file URL: the site's own, relative to it.
    const message = firstLine.replaceAll(`${pathToFileURL(root).href}/`, '').replaceAll(`${root}${path.sep}`, '');
    throw new BuildFailure([
      problem('config-load', configFile, { line: 1, column: 1 }, { cause: message }),
    ]);
  }
}

/** Best-effort position of `key:` in the config source, so an error points at the line. */
function locateKey(text: string, key: string): { line: number; column: number } {
  if (!text || !key) return { line: 1, column: 1 };
  const match = new RegExp(`(^|[\\s{,"'])${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']?\\s*:`, 'm').exec(
    text,
  );
  if (!match) return { line: 1, column: 1 };
  return positionAt(text, match.index + (match[1]?.length ?? 0));
}

function safeRead(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
