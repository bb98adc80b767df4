// The dev server's incremental update: a change to some article files, brought into the output.
//
// It re-reads only the changed files (through the article cache), patches the site model
// (metadata only, a few milliseconds at 10,000 articles) and carries the related lists over to it
// (model/related-patch.ts: only those the change can reach are scored again), and works out which
// page groups the change can touch (impact.ts). Only those groups are planned; of a list whose articles are the
// same, only the pages that show a changed article. The plan then goes through the same output
// tail as a full build (pipeline/outputs.ts): only pages whose fingerprint changed are rendered, only
// the feeds of touched lists are looked at. Pages a group no longer has are deleted. The result is
// byte for byte what a full build of the same content writes (test/dev.test.ts proves it over
// edits, adds, deletes and renames).

import path from 'node:path';
import { publishOptions } from '../build.js';
import { buildTime } from '../dates.js';
import { prepareImages } from '../images/stage.js';
import { displayPath } from '../load/discover.js';
import { checkLinks, pathServedBy } from '../model/links.js';
import { updateSite } from '../model/patch.js';
import { numberedPages, pageOf } from '../model/paginate.js';
import { sortedIndexOf } from '../model/site.js';
import { groupIds, type GroupSet } from '../pages/groups.js';
import { pageGroups, pageGroupsIn } from '../pages/index.js';
import { siteGlobals } from '../pages/render-page.js';
import { TERM_KINDS } from '../pages/terms.js';
import { stopOnErrors, type Problem } from '../problems/index.js';
import { collectArticles } from '../pipeline/collect.js';
import { noProgress } from '../report.js';
import type { ArticleChange, ArticleIndex, ArticleMeta, PageGroup, PageSpec, WrittenPage } from '../types/index.js';
import { outputFileFor } from '../urls.js';
import { WorkerPool } from '../workers/pool.js';
import { fingerprint } from '../write/manifest.js';
import { writeOutputs } from '../pipeline/outputs.js';
import { allPages, writtenPage } from '../pipeline/state.js';
import { writeTransaction } from '../pipeline/transaction.js';
import { DirectWriter } from '../write/direct-writer.js';
import { affectedGroups, sameDates, sameGroups, sameListsAs, samePages, showsAny } from './impact.js';
import { addLinks, removeLinks } from './linkers.js';
import { rememberOtherFiles, stops, storesOf, type DevOptions, type DevState, type GoodSite, type UpdateResult } from './state.js';

/**
 * Bring these changed article files (content paths) into the output, updating `state` on success.
 * Returns 'full' when only a full build is right (time alone changed what is published, or the
 * navigation changed); throws BuildFailure when the change has errors (nothing is written then).
 */
export async function updateContent(state: DevState, changedFiles: readonly string[], options: DevOptions): Promise<UpdateResult | 'full'> {
  const started = performance.now();
  const { config, good } = state;
  const strict = options.strict ?? false;
  const now = options.now?.() ?? buildTime();

  const { changes, changed, warnings } = await readChanges(state, changedFiles, strict);
  if (changes.length === 0) {
    state.dirty.clear();
    return { ok: true, mode: 'none', changed: [], pagesRendered: 0, warnings, milliseconds: performance.now() - started };
  }

  const patched = updateSite(good.site, changes, publishOptions(options, now));
  // Time alone changed what is published (a scheduled article came due): build it all.
  if (!patched) return 'full';
  const { site } = patched;
  const index: ArticleIndex = { get: (file) => state.sources.get(file)?.meta };
  stopOnErrors(patched.problems, strict);

  // The navigation changed (a topic entered the top N): every page shows it, so build it all.
  const globalsPrint = fingerprint(siteGlobals(site, config));
  if (globalsPrint !== good.globalsPrint) return 'full';

  // The unchanged articles whose related list changed are affected too.
  const affected = affectedGroups(changed, { site: good.site, metas: state.goodMetas }, site, index, state.linkers, patched.relatedChanged);
  const stable = sameGroups(good.site, site, changes);
  if (stable && changes.every(sameDates)) {
    // No article came, went, moved or changed its dates: the archive and year pages (counts
    // and newest change) are as they were. Month and day lists still show the article.
    affected.delete(groupIds.archive());
    for (const { after } of changes) if (after) affected.delete(groupIds.year(after.date.year));
  }

  const writer = new DirectWriter(config.outPath);
  // The same groups in the same order as before (no article moved, came or went; no term or
  // date group came or went): only the affected ones need making. Else list them all.
  let groups: PageGroup[] = [];
  let order: string[];
  if (stable) {
    order = good.order;
    groups = pageGroupsIn(site, config, affected, (file) => {
      const meta = index.get(file);
      return meta ? sortedIndexOf(site.articles, meta) : -1;
    });
  } else {
    order = [];
    for (const group of pageGroups(site, config)) {
      order.push(group.key);
      if (affected.has(group.key)) groups.push(group);
    }
  }
  const changedMetas = [...changed].map((file) => index.get(file)).filter((meta) => meta !== undefined);
  // The changed articles' images, read and processed again (the cache makes unchanged ones free).
  const shownImages = await prepareImages(config, changedMetas.filter((meta) => sortedIndexOf(site.articles, meta) !== -1), state.imageStore);
  warnings.push(...stopOnErrors(shownImages.problems, strict));
  const images = state.images.withArticles(shownImages.images, changed);
  const plan = planGroups(groups, { good, unchangedList: sameListsAs(good.site, site), changed, changedMetas, keep: (file) => writer.keep(file) });

  // The affected groups' pages before the change: those they no longer have are deleted.
  const removed = new Set<string>();
  for (const key of affected.keys()) {
    if (plan.narrowed.has(key)) continue;
    for (const page of good.pagesByGroup.get(key) ?? []) removed.add(outputFileFor(page.url));
  }
  // The groups' pages after it: the affected ones as planned (or gone), the rest as they were.
  const pagesByGroup = { get: (key: string) => (affected.has(key) ? plan.planned.get(key) : good.pagesByGroup.get(key)) };
  let pagesUnchanged = order === good.order || (order.length === good.order.length && order.every((key, i) => key === good.order[i]));
  for (const group of groups) if (pagesUnchanged) pagesUnchanged = samePages(good.pagesByGroup.get(group.key), plan.planned.get(group.key)!);
  const next: GoodSite = { site, index, globalsPrint, pagesByGroup, order, sitemapFiles: good.sitemapFiles, otherFiles: new Set() };
  // Feeds follow their lists: the site's, and those of affected topics, tags and authors.
  const affectedLists = new Set(['/']);
  for (const id of affected) if (id.kind === 'term') affectedLists.add(TERM_KINDS[id.terms].termUrl(id.slug));

  const { stats, value: outputs } = await writeTransaction({ ...storesOf(state), site, index, writer, now, images }, async (context) => {
    const outputs = await writeOutputs(context, {
      pages: () => plan.specs,
      feeds: (feed) => affectedLists.has(feed.listUrl),
      // No page's URL or lastmod changed: the sitemap files stay as they are.
      sitemap: pagesUnchanged ? { keep: good.sitemapFiles } : { pages: () => allPages(next.order, next.pagesByGroup) },
      files: false,
    });
    rememberOtherFiles(next, outputs);
    for (const file of good.otherFiles) removed.add(file);
    warnings.push(...stopOnErrors(outputs.problems, strict));
    // Links from the changed articles, against the site as it will be.
    const isPublished = (meta: ArticleMeta) => sortedIndexOf(site.articles, meta) !== -1;
    const checked = changedMetas.filter(isPublished);
    const serves = pathServedBy({ has: (file) => writer.files.has(file) || (state.manifest.has(file) && !removed.has(file)) });
    warnings.push(...stopOnErrors(checkLinks(checked, index, isPublished, serves), strict));
    return { removed, value: outputs };
  });
  commitState(state, { changes, changed, affected, planned: plan.planned, next });
  state.images = images;
  return { ok: true, mode: 'content', changed: stats.changed, pagesRendered: outputs.pages.rendered, warnings, milliseconds: performance.now() - started };
}

/**
 * Read the changed files again (an unchanged file comes back from the cache as the same object) and
 * record their problems; returns the files changed since the last good update, with their article
 * then and now. Throws BuildFailure while any file's problems stop the build.
 */
async function readChanges(state: DevState, changedFiles: readonly string[], strict: boolean): Promise<{ changes: ArticleChange[]; changed: Set<string>; warnings: Problem[] }> {
  const { config, cache, sources } = state;
  const pool = new WorkerPool(1);
  const collected = await collectArticles(config, cache, { pool, progress: noProgress, only: changedFiles });
  await pool.close();
  const fresh = new Map(collected.articles.map((meta) => [meta.contentPath, meta]));
  for (const file of changedFiles) {
    const meta = fresh.get(file);
    const shown = displayPath(config, path.join(config.contentPath, file));
    const problems = collected.problems.filter((problem) => problem.file === shown);
    if (meta || problems.length > 0) sources.set(file, { meta, problems });
    else sources.delete(file);
    state.dirty.add(file);
    if (stops(problems, strict)) state.stopping.set(file, problems);
    else state.stopping.delete(file);
  }
  const changes: ArticleChange[] = [];
  const changed = new Set<string>();
  for (const file of state.dirty) {
    const before = state.goodMetas.get(file);
    const after = sources.get(file)?.meta;
    if (before === after) continue;
    changes.push({ before, after });
    changed.add(file);
  }
  const dirtyProblems = [...state.dirty].flatMap((file) => sources.get(file)?.problems ?? []);
  stopOnErrors([...state.stopping.values()].flat(), strict);
  return { changes, changed, warnings: stopOnErrors(dirtyProblems, strict) };
}

/** The pages an update renders or keeps, and each affected group's pages after it. */
interface GroupsPlan {
  specs: PageSpec[];
  /** Each planned group's pages, by group key. */
  planned: Map<string, WrittenPage[]>;
  /** Lists planned page by page: their other pages are neither kept nor removed, just left. */
  narrowed: Set<string>;
}

/**
 * Plan the affected groups. Of a list whose articles are the same ones in the same order, only
 * the pages showing a changed article can differ: the others are left without planning them in
 * detail (a paginated list), or kept (`keep`) as they are.
 */
function planGroups(
  groups: readonly PageGroup[],
  input: { good: GoodSite; unchangedList: (key: string) => boolean; changed: ReadonlySet<string>; changedMetas: readonly ArticleMeta[]; keep: (file: string) => void },
): GroupsPlan {
  const plan: GroupsPlan = { specs: [], planned: new Map(), narrowed: new Set() };
  for (const group of groups) {
    const narrow = input.unchangedList(group.key);
    const before = input.good.pagesByGroup.get(group.key);
    if (narrow && group.list && before) {
      const { articles, pageSize, pagesNumbered, firstPageShowsMore } = group.list;
      // The first page's number: pages are numbered from the oldest (model/paginate.ts).
      const first = numberedPages(articles.length, pageSize) + 1;
      // The home's first page shows sections by topic too: which stories they hold may change with any edit.
      const numbers = new Set<number>(firstPageShowsMore ? [first] : []);
      for (const meta of input.changedMetas) {
        const at = sortedIndexOf(articles, meta);
        if (at !== -1) numbers.add(pageOf(at, articles.length, pageSize));
      }
      // Pages in plan order: the first page, then the numbered ones from the newest.
      const written = [...before];
      for (const spec of pagesNumbered(numbers)) {
        plan.specs.push(spec);
        written[first - (spec.pagination?.number ?? first)] = writtenPage(spec);
      }
      plan.planned.set(group.key, written);
      plan.narrowed.add(group.key);
      continue;
    }
    const written: WrittenPage[] = [];
    for (const spec of group.pages()) {
      written.push(writtenPage(spec));
      if (!narrow || showsAny(spec, input.changed)) plan.specs.push(spec);
      else input.keep(outputFileFor(spec.url));
    }
    plan.planned.set(group.key, written);
  }
  return plan;
}

/** After a good update: the new site becomes the last good one. */
function commitState(
  state: DevState,
  update: { changes: readonly ArticleChange[]; changed: ReadonlySet<string>; affected: GroupSet; planned: ReadonlyMap<string, WrittenPage[]>; next: GoodSite },
): void {
  for (const { before, after } of update.changes) {
    if (before) removeLinks(state.linkers, before);
    if (after) addLinks(state.linkers, after);
  }
  for (const file of update.changed) {
    const meta = state.sources.get(file)?.meta;
    if (meta) state.goodMetas.set(file, meta);
    else state.goodMetas.delete(file);
  }
  for (const key of update.affected.keys()) {
    const pages = update.planned.get(key);
    if (pages) state.pageLists.set(key, pages);
    else state.pageLists.delete(key);
  }
  update.next.pagesByGroup = state.pageLists;
  state.dirty.clear();
  state.good = update.next;
}
