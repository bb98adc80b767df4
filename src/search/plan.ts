// The plan of the search index: which shards the site's articles make, each one's fingerprint,
// and whether the output already holds its bundle (search/output.ts indexes and writes what is
// not). A shard is fingerprinted by what its documents are made of (Pagefind's and Broadsheet's
// versions, the settings documents show, each article's content, URL and link targets), never by
// the navigation or the templates. A whole build plans every shard; an update plans the shards
// of the months it can have changed (searchReach) and leaves the others as the output has them.
//
// Pagefind's runtime (its script, worker and WebAssembly: ~200 KB, the same for every bundle) is
// written once, in the newest shard's folder, where the search page loads Pagefind from: merged
// bundles need only their index. It has its own fingerprint, so it moves to a new month's folder
// without any older bundle being indexed again.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SiteConfig } from '../config.js';
import { configFor } from '../languages.js';
import { allSites } from '../model/languages.js';
import { codeIdentity } from '../version.js';
import type { Progress } from '../report.js';
import { articleIdentity, type ArticleMeta, type PublishOptions, type Site, type SiteLanguage } from '../types/index.js';
import { fingerprint } from '../write/fingerprint.js';
import type { OutputManifest } from '../write/manifest.js';
import type { OutputWriter } from '../write/output-writer.js';
import { searchShards, searchShardsIn, searchTopics, shardMonth, type SearchShard } from './documents.js';

/** What the search output needs of the build it belongs to (the pipeline's output context has it all). */
export interface SearchContext {
  config: SiteConfig;
  site: Site;
  /** The build time: which articles are published (scheduled and expired ones are not indexed). */
  now: number;
  progress: Progress;
  manifest: OutputManifest;
  writer: OutputWriter;
  /** Body HTML of an article, its links to other articles resolved. */
  bodyOf(article: ArticleMeta): Promise<string>;
  /** The URLs an article's links to other articles resolve to: part of its shard's fingerprint. */
  linkTargets(article: ArticleMeta): string[];
}

/** The folder of the search bundles in the output (a one-language site's, or the default language's). */
export const SEARCH_FOLDER = 'pagefind/';

/** The folder of a language's search bundles: pagefind/ for the default language, ru/pagefind/ under its prefix. */
export function searchFolder(language: Pick<SiteLanguage, 'prefix'>): string {
  return language.prefix ? `${language.prefix.slice(1)}/${SEARCH_FOLDER}` : SEARCH_FOLDER;
}

/** One language's index: its articles, the config as its pages see it, and its folder. */
export interface SearchScope {
  site: Site;
  config: SiteConfig;
  folder: string;
}

/**
 * Pagefind's version: bundles of two versions must never be merged on one search page. Its
 * package exports no package.json, so it is found the way Node finds the package, up the folders.
 */
const PAGEFIND_VERSION = pagefindVersion();

function pagefindVersion(): string {
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'node_modules', 'pagefind', 'package.json');
    if (existsSync(file)) return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
    if (path.dirname(dir) === dir) return 'unknown';
  }
}

/**
 * The index a site needs, for each language (one for a one-language site): every shard with its
 * fingerprint, and whether the output has its bundle already; and the fingerprint of Pagefind's
 * runtime, which the newest shard's folder holds. Reads the manifest; records nothing.
 */
export interface SearchPlan {
  languages: LanguagePlan[];
}

interface LanguagePlan {
  scope: SearchScope;
  /** The shards planned, newest first: every one, or (an update's plan) those of the months it reaches and the newest. */
  shards: Array<{ shard: SearchShard; print: string; current: string[] | undefined }>;
  /** Every shard's period, newest first, and the topics the index holds: pagefind/shards.json. */
  listing: { periods: string[]; topics: string[] };
  /** The runtime's fingerprint and, when the newest shard's folder has it, its files. */
  runtime: { print: string; current: string[] | undefined };
}

/**
 * Plan the search index of `context.site` (callers skip it when the config turns search off).
 * With `months` (an update's reach: searchReach), only the shards of those months are planned, and
 * the newest shard, where the runtime is: the others stay as the output has them.
 */
export function planSearch(context: SearchContext, months?: ReadonlySet<string>): SearchPlan {
  const languages = allSites(context.site).map((site): LanguagePlan => {
    const scope = { site, config: configFor(context.config, site.language), folder: searchFolder(site.language) };
    let planned: SearchShard[];
    let listing: LanguagePlan['listing'];
    if (months) {
      const newest = site.articles[0];
      const within = searchShardsIn(site, newest ? new Set([...months, shardMonth(newest.date)]) : months);
      planned = within.shards;
      listing = { periods: within.periods, topics: within.topics };
    } else {
      planned = searchShards(site, context.now);
      listing = { periods: planned.map((shard) => shard.period), topics: searchTopics(planned.flatMap((shard) => shard.articles)) };
    }
    const recorded = recordedByFolder(context.manifest, scope.folder, months && planned.map((shard) => shardFolder(scope, shard)));
    const shards = planned.map((shard) => {
      const print = shardFingerprint(context, scope, shard);
      return { shard, print, current: currentFiles(recorded, shardFolder(scope, shard), print, ENTRY_FILE) };
    });
    const print = fingerprint(codeIdentity(), PAGEFIND_VERSION, searchLanguage(scope.config));
    const newest = shards[0];
    const runtime = { print, current: newest && currentFiles(recorded, shardFolder(scope, newest.shard), print, RUNTIME_MARK) };
    // The runtime comes with an index Pagefind makes: a newest shard without it is indexed again
    // (rare: only when the newest month loses all its articles).
    if (newest && !runtime.current) newest.current = undefined;
    return { scope, shards, listing, runtime };
  });
  return { languages };
}

/**
 * The months ("2025-12") whose search shards an update can have changed: those of the changed
 * articles, before and after, and of the articles linking to them (a shard's fingerprint has the
 * URLs its articles' links resolve to), and the newest month before and after (the runtime moves
 * with it). Undefined when only every shard will do: the site is built with --drafts, --future or
 * --expired, so that not every published article is searchable (search/documents.ts).
 */
export function searchReach(
  publish: Pick<PublishOptions, 'drafts' | 'future' | 'expired'>,
  sites: { before: Site; after: Site },
  articles: Iterable<ArticleMeta | undefined>,
): Set<string> | undefined {
  if (publish.drafts || publish.future || publish.expired) return undefined;
  const months = new Set<string>();
  for (const article of [...articles, sites.before.articles[0], sites.after.articles[0]]) if (article) months.add(shardMonth(article.date));
  return months;
}

/** The output files of `months`' shards (searchReach) in a one-language site's index, as the manifest has them. */
export function reachedSearchFiles(manifest: OutputManifest, months: Iterable<string>): string[] {
  return [...months].flatMap((month) => [...manifest.currentUnder(`${SEARCH_FOLDER}${month}`).keys()]);
}

/** Does the output hold every bundle `plan` needs, as it is? */
export function isSearchCurrent(plan: SearchPlan): boolean {
  return plan.languages.every((language) => language.shards.every((entry) => entry.current !== undefined));
}

/** A bundle's index entry: its record in the manifest carries how many files the bundle's index has. */
export const ENTRY_FILE = 'pagefind-entry.json';
/** The runtime's script: its record in the manifest carries how many runtime files there are. */
export const RUNTIME_MARK = 'pagefind.js';

/** A shard's folder in the output: its period under its language's search folder. */
export function shardFolder(scope: SearchScope, shard: SearchShard): string {
  return `${scope.folder}${shard.period}/`;
}

/**
 * The files under `searchFolder` the previous build left as it wrote them, with their prints, by
 * bundle folder: of every folder, or of `only` these.
 */
function recordedByFolder(manifest: OutputManifest, searchFolder: string, only?: readonly string[]): Map<string, Map<string, string>> {
  const folders = new Map<string, Map<string, string>>();
  const files = only ? only.flatMap((folder) => [...manifest.currentUnder(folder)]) : manifest.currentUnder(searchFolder);
  for (const [file, print] of files) {
    const folder = file.slice(0, file.indexOf('/', searchFolder.length) + 1);
    if (!folders.has(folder)) folders.set(folder, new Map());
    folders.get(folder)!.set(file, print);
  }
  return folders;
}

/**
 * The files of `folder` recorded with `print` (a bundle's index, or the runtime), when the one
 * named `mark` says how many there are and they all are.
 */
function currentFiles(recorded: Map<string, Map<string, string>>, folder: string, print: string, mark: string): string[] | undefined {
  const current = recorded.get(folder);
  const entry = current?.get(folder + mark);
  if (current === undefined || entry === undefined || !entry.startsWith(`${print}:`)) return undefined;
  const count = Number(entry.slice(print.length + 1));
  const files = [...current].filter(([file, filePrint]) => file !== folder + mark && filePrint === print).map(([file]) => file);
  return files.length === count - 1 ? [folder + mark, ...files] : undefined;
}

/**
 * What a shard's bundle is made of: Pagefind and Broadsheet's code, the settings its documents
 * show (base path, language, zone, date formats), and each article's content (its cache key),
 * URL and the URLs its links resolve to. Not the navigation or the templates: no document shows them.
 */
function shardFingerprint(context: SearchContext, scope: SearchScope, shard: SearchShard): string {
  const { config } = scope;
  const settings = [config.basePath, config.language, scope.site.language.locale, config.timeZone, config.dateFormat ?? '', config.dayFormat ?? ''];
  // Each article as a line of JSON, made natively: a whole build prints every shard (100,000
  // articles at 100,000), and the general serialiser's walk of the nested arrays took twice as long.
  const articles = shard.articles.map((article) => JSON.stringify([articleIdentity(article), article.url, context.linkTargets(article)])).join('\n');
  return fingerprint(codeIdentity(), PAGEFIND_VERSION, settings, shard.period, articles);
}

/**
 * Pagefind's language for a whole index: its language's primary subtag, so that every article in
 * it is found from its search page, whatever `lang` an article gives.
 */
export function searchLanguage(config: SiteConfig): string {
  return config.language.split('-')[0]!.toLowerCase();
}
