// The site's settings: the zod schema below is the single source of truth for every option, its
// default and its meaning: docs/configuration.md's table is generated from the schema and the doc
// comment on each option (scripts/config-reference.ts), which is Markdown. This module finds and loads
// `site.config.ts` (or .mts/.js/.mjs/.json), validates it, and resolves folders against the root.
// It does not read content or templates.

import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { folderProblems } from './config-folders.js';
import { importConfigModule, settledConfig } from './config-import.js';
import { isValidTimeZone } from './dates.js';
import { BuildFailure, problem, type Problem, positionAt } from './problems/index.js';

const relativeFolder = z.string().min(1, 'expected a folder path');
const languageTag = z.string().regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, 'expected a language tag such as en, kk or en-GB');

/** What a language of a multilingual site may set (languages.ts fills in the rest). */
const languageSchema = z
  .object({
    /** The site's name in this language (default: `title`). */
    title: z.string().min(1).optional(),
    /** One sentence about the site in this language (default: `description`). */
    description: z.string().optional(),
    /** The Intl locale dates and numbers are written in (default: kk-KZ for kk, ru-RU for ru, en-GB for en, else the code). */
    locale: languageTag.optional(),
    /** The script's direction: rtl gives pages dir="rtl" and a mirrored theme. */
    direction: z.enum(['ltr', 'rtl']).default('ltr'),
  })
  .strict();

/** The site config's schema: every option, its type, default and rule (docs/configuration.md is generated from it). */
export const configSchema = z
  .object({
    /** Site name: page titles, header, feeds. */
    title: z.string().min(1).default('Broadsheet'),
    /** One sentence about the site: home page description and feeds. */
    description: z.string().default(''),
    /** Absolute URL the site is served from; a path after the host (https://x.org/news/) is the base path. */
    baseUrl: z
      .url({ protocol: /^https?$/, error: 'expected an absolute http(s) URL such as https://example.org/news/' })
      .default('http://localhost:4321/'),
    /** Language of the site (BCP 47): `<html lang>`, date formatting, feeds. On a multilingual site, the default language's. */
    language: languageTag.default('en'),
    /**
     * A site in several languages: each language's code with its settings, all optional, e.g.
     * `{ kk: { title: 'Дала жаңалықтары' }, ru: {}, en: {} }`. The default language's pages live at
     * the site's root, every other's under `/<code>/` (docs/languages.md). Unset: one language.
     */
    languages: z.record(languageTag, languageSchema.prefault({})).optional(),
    /** Which of `languages` lives at the site's root (default: `language` when set and listed, else the first). */
    defaultLanguage: languageTag.optional(),
    /** IANA time zone that dates without an offset are read in and pages are grouped by. */
    timeZone: z
      .string()
      .refine(isValidTimeZone, 'expected an IANA time zone such as Asia/Almaty or Europe/Vienna')
      .default('Asia/Almaty'),
    /** Articles per list page (home, topics, tags, archives). */
    pageSize: z.int().min(1).max(1000).default(20),
    /** Topic of an article whose front-matter names none. */
    defaultTopic: z.string().min(1).default('News'),
    /** How many topics the header navigation shows: the largest, listed alphabetically. */
    navTopics: z.int().min(0).max(50).default(6),
    /**
     * The header's topics by name, in this order, instead of the largest. Fixed menus also spare
     * warm builds: a nav chosen by size changes (and re-renders every page) when sizes cross.
     */
    nav: z.array(z.string().min(1)).optional(),
    /**
     * The home's first page as a front page: the newest article as the lead, the next newest as
     * secondary stories, a section per topic, then "More news" with the rest of the page's
     * articles (docs/theme.md). Later pages are plain lists.
     */
    frontPage: z
      .object({
        /** Secondary stories after the lead. */
        secondary: z.int().min(0).max(4).default(3),
        /** The topics of the sections by name, in this order. Unset: the `sectionCount` largest, largest first. */
        sections: z.array(z.string().min(1)).optional(),
        /** How many sections when `sections` is unset; 0: none. */
        sectionCount: z.int().min(0).max(50).default(4),
        /** The latest stories each section shows (none already shown above it). */
        perSection: z.int().min(1).max(100).default(4),
      })
      .strict()
      .prefault({}),
    /**
     * Luxon format of dates with a time shown on pages, e.g. "d MMMM yyyy, HH:mm" -> 18 December
     * 2025, 19:20. Unset: the language's long date and time ("December 18, 2025 at 7:20 PM" in en).
     */
    dateFormat: z.string().min(1).optional(),
    /**
     * Luxon format of dates given without a time (`date: 2025-12-18`), e.g. "d MMMM yyyy". Unset:
     * the language's long date ("December 18, 2025" in en). Never a time: the author gave none.
     */
    dayFormat: z.string().min(1).optional(),
    /** Longest automatic summary, in characters (cut at a word). */
    summaryLength: z.int().min(20).max(2000).default(200),
    /** Name of the publisher: JSON-LD publisher, feeds' author, news sitemap publication; defaults to the title. */
    publisher: z.string().min(1).optional(),
    /** Entries in each feed (newest first). */
    feedLimit: z.int().min(1).max(1000).default(50),
    /** What the site feeds (/feed.xml, /atom.xml, /feed.json) carry per entry: the full body or the summary only. */
    feedContent: z.enum(['full', 'summary']).default('full'),
    /**
     * The same for every topic, tag and author feed. Summary by default: with hundreds of tags, full
     * bodies in every tag feed would write hundreds of megabytes per build on a large archive.
     */
    termFeedContent: z.enum(['full', 'summary']).default('summary'),
    /**
     * Tags an article may have: beyond this many, a warning, and only the first ones get tag pages
     * and feeds (an article with 5,000 tags would otherwise add 5,000 pages and 15,000 feed files).
     */
    tagLimit: z.int().min(1).max(1000).default(50),
    /**
     * Most CPU time, in milliseconds, that rendering one article may use before the render guard
     * stops it (render-timeout): a backstop against faults in the Markdown libraries. Limits that
     * count (docs/limits.md) decide what is refused; articles within them stay far below this.
     */
    renderBudgetMs: z.int().min(1).max(600_000).default(120_000),
    /**
     * The "Related" list at the end of each article page: other articles sharing its tags or
     * topic, scored by what they share and how near they are in time. `count: 0` turns it off.
     */
    related: z
      .object({
        /** Most related articles an article page lists; 0: none, and no section. */
        count: z.int().min(0).max(50).default(4),
        /** Score for each tag a candidate shares with the article. */
        tagWeight: z.number().min(0).max(100).default(1),
        /** Score for sharing the article's topic (broader than a tag, so it weighs less). */
        topicWeight: z.number().min(0).max(100).default(0.5),
        /** A candidate is listed only when its score (before recency) is above this: 0 lists anything sharing a tag or the topic. */
        threshold: z.number().min(0).default(0),
        /** Days apart at which a candidate's score is halved (one 3 × further apart, quartered); 0: time does not count. */
        recencyDays: z.number().min(0).default(30),
        /**
         * Articles examined per tag and topic of an article: the ones nearest to it in time. Keeps
         * the work linear in the archive however large a tag grows.
         */
        candidatesPerTerm: z.int().min(1).max(1000).default(40),
      })
      .strict()
      .prefault({}),
    /**
     * Search with Pagefind: the /search/ page, a search box in every page's header, and the index
     * under /pagefind/. false: none of them.
     */
    search: z.boolean().default(true),
    /** Article images (docs/writing.md). */
    images: z
      .object({
        /** The responsive widths made of every local image, in pixels; none wider than the source (never enlarged). */
        widths: z.array(z.int().min(16).max(8000)).min(1).max(12).default([480, 800, 1200, 1600]),
      })
      .strict()
      .prefault({}),
    /** Image for social cards of pages without one of their own (site path or URL). */
    socialImage: z.string().min(1).optional(),
    /** The site's X/Twitter account for cards, e.g. "@qazinform". */
    twitterSite: z.string().regex(/^@\w{1,15}$/, 'expected an account name such as @broadsheet').optional(),
    /** The articles' folder, relative to the site root (as every folder below). */
    contentDir: relativeFolder.default('content'),
    /**
     * The output folder: a link to the latest whole build, kept in `.<outDir>.builds/` beside it.
     * A folder holding files Broadsheet did not write is refused, never emptied (docs/output-and-safety.md).
     */
    outDir: relativeFolder.default('dist'),
    /** The site's own templates and assets; any template it lacks comes from the default theme (docs/theme.md). */
    templatesDir: relativeFolder.default('templates'),
    /** Files copied as they are to the output folder (images, favicon, ...): static/images/a.jpg -> /images/a.jpg. */
    staticDir: relativeFolder.default('static'),
    /** The build cache: rendered articles, image variants and what the last build wrote. Safe to delete; a folder of its own, like `outDir`. */
    cacheDir: relativeFolder.default('.cache'),
    /**
     * Folders outside the site that symbolic links in content/, static/ and templates/ may lead
     * into (relative to the root, or absolute), e.g. ['/srv/shared-photos']. Any other link whose
     * real path is outside the site folder is an error.
     */
    allowOutside: z.array(relativeFolder).default([]),
  })
  .strict();

/** What a `site.config.ts` may export: every option optional. */
export type SiteConfigInput = z.input<typeof configSchema>;

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
  return resolveConfig({ ...input, ...stripUndefined(overrides) }, absoluteRoot, configFile);
}

/** Validate a config object (already merged with overrides) and resolve its paths. */
export function resolveConfig(input: unknown, root: string, configFile?: string): SiteConfig {
  const parsed = configSchema.safeParse(input);
  if (!parsed.success) {
    const file = configFile ?? 'site.config.ts';
    const text = configFile ? safeRead(path.join(root, configFile)) : '';
    throw new BuildFailure(
      parsed.error.issues.map((issue): Problem => {
        const key = issue.code === 'unrecognized_keys' ? issue.keys[0] ?? '' : issue.path.join('.');
        const lastKey = key.split('.').pop() ?? '';
        return problem(
          'config-invalid',
          file,
          locateKey(text, lastKey),
          issue.code === 'unrecognized_keys'
            ? { kind: 'unknown-option', key, known: Object.keys(configSchema.shape) }
            : { kind: 'invalid-option', key, message: issue.message },
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
    problem('config-invalid', file, locateKey(source, key), { kind: 'folder-clash', key, value, clash }),
  );
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
