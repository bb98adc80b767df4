// The search output: the Pagefind index of the site's articles, one bundle per shard under
// /pagefind/<period>/ (a month, or a part of a large month: search/documents.ts), and
// /pagefind/shards.json listing them newest first with the topics the search page's menu offers.
// A multilingual site has an index per language, under its prefix (/ru/pagefind/), each of its
// own language's articles, in Pagefind's language for it (its stemming, where Pagefind has one):
// a language's search page finds its own articles.
// The search page opens the newest bundle first and merges older ones into it only as a query
// needs them (templates/assets/search.js).
//
// Pagefind cannot update an index in place (search/pagefind.ts), so the index is split by period
// and each shard is fingerprinted by what its documents are made of: a build indexes again only
// the shards whose articles changed, and keeps the others' files as they are. An edit re-indexes
// its month (or part of a month), whatever its year; a new month or year re-indexes only itself.
//
// Pagefind's runtime (its script, worker and WebAssembly: ~200 KB, the same for every bundle) is
// written once, in the newest shard's folder, where the search page loads Pagefind from: merged
// bundles need only their index. It has its own fingerprint, so it moves to a new month's folder
// without any older bundle being indexed again.

import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SiteConfig } from '../config.js';
import { configFor } from '../languages.js';
import { allSites } from '../model/languages.js';
import { codeIdentity } from '../version.js';
import type { Progress } from '../report.js';
import { articleIdentity, type ArticleMeta, type Site, type SiteLanguage } from '../types/index.js';
import { fingerprint } from '../write/fingerprint.js';
import { writeUnlessCurrent, type OutputManifest } from '../write/manifest.js';
import type { OutputWriter } from '../write/output-writer.js';
import { searchDocument, searchShards, type SearchShard } from './documents.js';
import { indexDocuments, isRuntimeFile, type BundleFile } from './pagefind.js';

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
interface SearchScope {
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
  shards: Array<{ shard: SearchShard; print: string; current: string[] | undefined }>;
  /** The runtime's fingerprint and, when the newest shard's folder has it, its files. */
  runtime: { print: string; current: string[] | undefined };
}

/** Plan the search index of `context.site` (callers skip it when the config turns search off). */
export function planSearch(context: SearchContext): SearchPlan {
  const languages = allSites(context.site).map((site): LanguagePlan => {
    const scope = { site, config: configFor(context.config, site.language), folder: searchFolder(site.language) };
    const recorded = recordedByFolder(context.manifest, scope.folder);
    const shards = searchShards(site, context.now).map((shard) => {
      const print = shardFingerprint(context, scope, shard);
      return { shard, print, current: currentFiles(recorded, shardFolder(scope, shard), print, ENTRY_FILE) };
    });
    const print = fingerprint(codeIdentity(), PAGEFIND_VERSION, searchLanguage(scope.config));
    const newest = shards[0];
    const runtime = { print, current: newest && currentFiles(recorded, shardFolder(scope, newest.shard), print, RUNTIME_MARK) };
    // The runtime comes with an index Pagefind makes: a newest shard without it is indexed again
    // (rare: only when the newest month loses all its articles).
    if (newest && !runtime.current) newest.current = undefined;
    return { scope, shards, runtime };
  });
  return { languages };
}

/** Does the output hold every bundle `plan` needs, as it is? */
export function isSearchCurrent(plan: SearchPlan): boolean {
  return plan.languages.every((language) => language.shards.every((entry) => entry.current !== undefined));
}

/** What indexStaleShards made: each shard folder's bundle files not written yet, and those it wrote. */
export interface IndexedShards {
  /** Bundle files to write, by shard folder (with `writeIndexes`, only the runtime's). */
  files: Map<string, BundleFile[]>;
  /** Index files already written through the context's writer (`writeIndexes`), by shard folder. */
  written: Map<string, string[]>;
}

/**
 * Index the shards of `plan` that have no current bundle: the slow part (Pagefind's process does
 * the work). Writes nothing unless `writeIndexes`: then each shard's index goes through the
 * context's writer and manifest as soon as it is made, not held until writeSearchBundles (at
 * 100,000 articles the index is 104,000 files, held in memory through the page phase before).
 */
export async function indexStaleShards(context: SearchContext, plan: SearchPlan, { writeIndexes = false } = {}): Promise<IndexedShards> {
  const indexed: IndexedShards = { files: new Map(), written: new Map() };
  const stale = plan.languages.flatMap(({ scope, shards }) => shards.filter((entry) => entry.current === undefined).map((entry) => ({ scope, entry })));
  context.progress.start('Indexing for search', stale.reduce((sum, { entry }) => sum + entry.shard.articles.length, 0));
  // One Pagefind process per core (search/pagefind.ts), each taking the next stale shard.
  const queue = [...stale];
  const lane = async (number: number) => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const { scope, entry } = next;
      const { shard } = entry;
      // Made as Pagefind takes them, not all at once: a large shard's documents are megabytes.
      const documents = (async function* () {
        for (const article of shard.articles) yield searchDocument(article, await context.bodyOf(article), scope.config, scope.site.language.locale);
      })();
      const folder = shardFolder(scope, shard);
      const bundle = await indexDocuments(documents, searchLanguage(scope.config), number);
      if (writeIndexes) {
        const index = bundle.filter((file) => !isRuntimeFile(file));
        await writeBundle(context, folder, index, entry.print);
        indexed.written.set(folder, index.map((file) => folder + file.path));
        indexed.files.set(folder, bundle.filter(isRuntimeFile));
      } else {
        indexed.files.set(folder, bundle);
      }
      context.progress.tick(shard.articles.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(availableParallelism(), stale.length) }, (_, number) => lane(number)));
  context.progress.end();
  return indexed;
}

/**
 * Write the bundles indexStaleShards made (what it has not written) and keep the current ones,
 * through the context's writer and manifest, with Pagefind's runtime in the newest shard's folder.
 * Returns the index's files, written or kept.
 */
export async function writeSearchBundles(context: SearchContext, plan: SearchPlan, indexed: IndexedShards): Promise<string[]> {
  const files: string[] = [];
  const { manifest, writer } = context;
  for (const { scope, shards, runtime } of plan.languages) {
    for (const [position, { shard, print, current }] of shards.entries()) {
      const folder = shardFolder(scope, shard);
      const bundle = current ? undefined : (indexed.files.get(folder) ?? []);
      const early = indexed.written.get(folder);
      if (current) files.push(...keepFiles(context, folder, current, print));
      else if (early) files.push(...early);
      else files.push(...(await writeBundle(context, folder, bundle!.filter((file) => !isRuntimeFile(file)), print)));
      if (position > 0) continue;
      files.push(...(bundle ? await writeBundle(context, folder, bundle.filter(isRuntimeFile), runtime.print, RUNTIME_MARK) : keepFiles(context, folder, runtime.current!, runtime.print, RUNTIME_MARK)));
    }
    // The topics as this language names them, for its search page's menu.
    const topics = [...new Set(shards.flatMap(({ shard }) => shard.articles.map((article) => article.topic.name)))].sort();
    const list = `${JSON.stringify({ shards: shards.map(({ shard }) => shard.period), topics })}\n`;
    await writeUnlessCurrent(writer, manifest, `${scope.folder}shards.json`, fingerprint(list), () => list);
    files.push(`${scope.folder}shards.json`);
  }
  return files;
}

/**
 * Write `bundle`'s files into `folder`, recorded with `print`; the file named `mark` (the index's
 * entry, or the runtime's script) carries the number of files too, so that a later build knows
 * the set is whole (currentFiles). Returns their paths in the output.
 */
async function writeBundle(context: SearchContext, folder: string, bundle: BundleFile[], print: string, mark = ENTRY_FILE): Promise<string[]> {
  for (const file of bundle) {
    context.manifest.record(folder + file.path, file.path === mark ? `${print}:${bundle.length}` : print);
    await context.writer.write(folder + file.path, file.content);
  }
  return bundle.map((file) => folder + file.path);
}

/** Keep the files of a current set as they are (recorded again with the same prints); returns them. */
function keepFiles(context: SearchContext, folder: string, files: string[], print: string, mark = ENTRY_FILE): string[] {
  for (const file of files) {
    context.manifest.record(file, file === folder + mark ? `${print}:${files.length}` : print);
    context.writer.keep(file);
  }
  return files;
}

const ENTRY_FILE = 'pagefind-entry.json';
/** The runtime's script: its record in the manifest carries how many runtime files there are. */
const RUNTIME_MARK = 'pagefind.js';

function shardFolder(scope: SearchScope, shard: SearchShard): string {
  return `${scope.folder}${shard.period}/`;
}

/** The files under `searchFolder` the previous build left as it wrote them, with their prints, by bundle folder. */
function recordedByFolder(manifest: OutputManifest, searchFolder: string): Map<string, Map<string, string>> {
  const folders = new Map<string, Map<string, string>>();
  for (const [file, print] of manifest.currentUnder(searchFolder)) {
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
  // Each article as a line of JSON, made natively: every shard is printed on every build (100,000
  // articles at 100,000), and the general serialiser's walk of the nested arrays took twice as long.
  const articles = shard.articles.map((article) => JSON.stringify([articleIdentity(article), article.url, context.linkTargets(article)])).join('\n');
  return fingerprint(codeIdentity(), PAGEFIND_VERSION, settings, shard.period, articles);
}

/**
 * Pagefind's language for a whole index: its language's primary subtag, so that every article in
 * it is found from its search page, whatever `lang` an article gives.
 */
function searchLanguage(config: SiteConfig): string {
  return config.language.split('-')[0]!.toLowerCase();
}
