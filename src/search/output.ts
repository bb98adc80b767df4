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
// and each shard is fingerprinted by what its documents are made of (search/plan.ts): a build
// indexes again only the shards whose articles changed, and keeps the others' files as they are.
// An edit re-indexes its month (or part of a month), whatever its year; a new month or year
// re-indexes only itself.

import { availableParallelism } from 'node:os';
import { writeUnlessCurrent } from '../write/manifest.js';
import { fingerprint } from '../write/fingerprint.js';
import { periodNames, searchDocument } from './documents.js';
import { indexDocuments, isRuntimeFile, type BundleFile } from './pagefind.js';
import { ENTRY_FILE, RUNTIME_MARK, searchLanguage, shardFolder, type SearchContext, type SearchPlan } from './plan.js';

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
        for (const article of shard.articles) yield await searchDocument(article, await context.bodyOf(article), scope.config, scope.site.language.locale);
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
  for (const { scope, shards, listing, runtime } of plan.languages) {
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
    const list = `${JSON.stringify({ shards: listing.periods, names: periodNames(listing.periods, scope.site.language.locale), topics: listing.topics })}\n`;
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
