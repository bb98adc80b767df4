// The search output: the Pagefind index of the site's articles, one bundle per period under
// /pagefind/<period>/ (a month of the newest year, or an earlier year: search/documents.ts), and
// /pagefind/shards.json listing them newest first (the search page merges them in the browser:
// templates/assets/search.js).
//
// Pagefind cannot update an index in place (search/pagefind.ts), so the index is split by period
// and each period is fingerprinted by what its documents are made of: a build indexes again only
// the periods whose articles changed, and keeps the others' files as they are. An edit to this
// month's news re-indexes this month; last year's bundle is never touched.

import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SiteConfig } from '../config.js';
import { codeIdentity } from '../version.js';
import type { Progress } from '../report.js';
import { articleIdentity, type ArticleMeta, type Site } from '../types/index.js';
import { fingerprint, writeUnlessCurrent, type OutputManifest } from '../write/manifest.js';
import type { OutputWriter } from '../write/output-writer.js';
import { searchDocument, searchShards, type SearchShard } from './documents.js';
import { indexDocuments, type BundleFile } from './pagefind.js';

/** What the search output needs of the build it belongs to (the pipeline's output context has it all). */
export interface SearchContext {
  config: SiteConfig;
  site: Site;
  /** The build time: which periods are months and which are years. */
  now: number;
  progress: Progress;
  manifest: OutputManifest;
  writer: OutputWriter;
  /** Body HTML of an article, its links to other articles resolved. */
  bodyOf(article: ArticleMeta): Promise<string>;
  /** The URLs an article's links to other articles resolve to: part of its shard's fingerprint. */
  linkTargets(article: ArticleMeta): string[];
}

/** The folder of the search bundles in the output. */
export const SEARCH_FOLDER = 'pagefind/';

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
 * The index a site needs: every period's shard with its fingerprint, and whether the output has its
 * bundle already. Reads the manifest; records nothing.
 */
export interface SearchPlan {
  shards: Array<{ shard: SearchShard; print: string; current: string[] | undefined }>;
}

/** Plan the search index of `context.site` (callers skip it when the config turns search off). */
export function planSearch(context: SearchContext): SearchPlan {
  return {
    shards: searchShards(context.site, context.now).map((shard) => {
      const print = shardFingerprint(context, shard);
      return { shard, print, current: currentBundle(context, shard, print) };
    }),
  };
}

/**
 * Index the shards of `plan` that have no current bundle: the slow part (Pagefind's process does
 * the work), which writes nothing. Returns each period's bundle files.
 */
export async function indexStaleShards(context: SearchContext, plan: SearchPlan): Promise<Map<string, BundleFile[]>> {
  const bundles = new Map<string, BundleFile[]>();
  const stale = plan.shards.filter((entry) => entry.current === undefined).map((entry) => entry.shard);
  context.progress.start('Indexing for search', stale.reduce((sum, shard) => sum + shard.articles.length, 0));
  // One Pagefind process per core (search/pagefind.ts), each taking the next stale shard.
  const queue = [...stale];
  const lane = async (number: number) => {
    for (let shard = queue.shift(); shard; shard = queue.shift()) {
      // Made as Pagefind takes them, not all at once: a year's documents are tens of MB.
      const documents = (async function* () {
        for (const article of shard.articles) yield searchDocument(article, await context.bodyOf(article), context.config);
      })();
      bundles.set(shard.period, await indexDocuments(documents, searchLanguage(context.config), number));
      context.progress.tick(shard.articles.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(availableParallelism(), stale.length) }, (_, number) => lane(number)));
  context.progress.end();
  return bundles;
}

/**
 * Write the bundles indexStaleShards made and keep the current ones, through the context's writer
 * and manifest. Returns how many files the index has, written or kept.
 */
export async function writeSearchBundles(context: SearchContext, plan: SearchPlan, bundles: ReadonlyMap<string, BundleFile[]>): Promise<number> {
  let files = 0;
  const { manifest, writer } = context;
  for (const { shard, print, current } of plan.shards) {
    const folder = shardFolder(shard);
    if (current) {
      for (const file of current) {
        manifest.record(file, file === folder + ENTRY_FILE ? `${print}:${current.length}` : print);
        writer.keep(file);
      }
      files += current.length;
      continue;
    }
    const bundle = bundles.get(shard.period) ?? [];
    for (const file of bundle) {
      const output = folder + file.path;
      // The entry file carries the bundle's file count: currentBundle knows the bundle is whole.
      manifest.record(output, file.path === ENTRY_FILE ? `${print}:${bundle.length}` : print);
      await writer.write(output, file.content);
    }
    files += bundle.length;
  }
  const list = `${JSON.stringify({ shards: plan.shards.map(({ shard }) => shard.period) })}\n`;
  await writeUnlessCurrent(writer, manifest, `${SEARCH_FOLDER}shards.json`, fingerprint(list), () => list);
  return files + 1;
}

const ENTRY_FILE = 'pagefind-entry.json';

function shardFolder(shard: SearchShard): string {
  return `${SEARCH_FOLDER}${shard.period}/`;
}

/** The files of the previous build's bundle of `shard`, when it was made from the same documents and is all there. */
function currentBundle(context: SearchContext, shard: SearchShard, print: string): string[] | undefined {
  const folder = shardFolder(shard);
  const current = context.manifest.currentUnder(folder);
  const entry = current.get(folder + ENTRY_FILE);
  if (entry === undefined || !entry.startsWith(`${print}:`)) return undefined;
  const count = Number(entry.slice(print.length + 1));
  const files = [...current].filter(([file, filePrint]) => file !== folder + ENTRY_FILE && filePrint === print).map(([file]) => file);
  return files.length === count - 1 ? [folder + ENTRY_FILE, ...files] : undefined;
}

/**
 * What a shard's bundle is made of: Pagefind and Broadsheet's code, the settings its documents
 * show (base path, language, zone, date formats), and each article's content (its cache key),
 * URL and the URLs its links resolve to. Not the navigation or the templates: no document shows them.
 */
function shardFingerprint(context: SearchContext, shard: SearchShard): string {
  const { config } = context;
  const settings = [config.basePath, config.language, config.timeZone, config.dateFormat ?? '', config.dayFormat ?? ''];
  const articles = shard.articles.map((article) => [articleIdentity(article), article.url, context.linkTargets(article)]);
  return fingerprint(codeIdentity(), PAGEFIND_VERSION, settings, shard.period, articles);
}

/** Pagefind's language for the whole index: the site's (its primary subtag), so that every article is found from the search page. */
function searchLanguage(config: SiteConfig): string {
  return config.language.split('-')[0]!.toLowerCase();
}
