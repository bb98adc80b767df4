// The incremental path: some article files changed since the site in a SiteState was written, and
// only what they reach is made again. The dev server takes it after each save; a build takes it
// when its saved state tells it only articles changed (saved-state.ts). One path, so neither can
// drift from the other or from a full build.
//
// It patches the site model (model/patch.ts, the related lists carried over), works out which page
// groups the change can touch (impact.ts), and plans only those (update-plan.ts: of a list whose
// articles are the same, only the pages that show a changed article). The plan goes through the
// same output tail as a full build: only pages whose fingerprint changed are rendered, only the
// feeds of touched lists are looked at, pages a group no longer has are deleted. The result is byte
// for byte what a full build of the same content writes (test/dev.test.ts, test/warm-build.test.ts).

import path from 'node:path';
import { prepareImages } from '../images/stage.js';
import { displayPath } from '../load/discover.js';
import { checkLinks, pathServedBy } from '../model/links.js';
import { updateSite } from '../model/patch.js';
import { sortedIndexOf } from '../model/site.js';
import { groupIds } from '../pages/groups.js';
import { pageGroups, pageGroupsIn } from '../pages/index.js';
import { TERM_KINDS } from '../pages/terms.js';
import { stopOnErrors, type Problem } from '../problems/index.js';
import { noProgress, type Progress } from '../report.js';
import { reachedSearchFiles, SEARCH_FOLDER, searchReach } from '../search/plan.js';
import type { ArticleChange, ArticleIndex, ArticleMeta, PageGroup, PublishOptions } from '../types/index.js';
import { outputFileFor } from '../urls.js';
import type { WorkerPool } from '../workers/pool.js';
import type { OutputWriter, WriteStats } from '../write/output-writer.js';
import { affectedGroups, sameDates, sameGroups, sameListsAs, samePages } from './impact.js';
import { addLinks, removeLinks } from './linkers.js';
import { writeOutputs, type WrittenOutputs } from './outputs.js';
import { allPages, globalsPrintOf, otherFilesOf, type SiteState } from './state.js';
import { writeTransaction } from './transaction.js';
import { OutputChanged } from '../write/tree-files.js';
import { planGroups, sharedFromOldest } from './update-plan.js';

/** Some article files changed: their articles before (the state's) and after, and every article read now. */
export interface ContentChange {
  changes: readonly ArticleChange[];
  /** The changed files' content paths. */
  changed: ReadonlySet<string>;
  /** Every article read now (published or not), by content path: the state's, but for the changed files. */
  index: ArticleIndex;
}

/** How an update runs: its build time and options, where it writes, and (a build) its progress and pool. */
export interface UpdateRun {
  now: number;
  publish: PublishOptions;
  strict: boolean;
  writer: OutputWriter;
  /** Index again the search shards the change reaches (a build); the dev server does it once edits settle. */
  search: boolean;
  progress?: Progress;
  pool?: WorkerPool;
  /**
   * Is the output folder as the last build left it (the manifest's look at every file)? Asked
   * once the update's files are made, before they are committed: false voids them (OutputChanged).
   */
  outputIntact?: () => Promise<boolean>;
}

/** What an update did. */
export interface Applied {
  stats: WriteStats;
  outputs: WrittenOutputs;
  pagesRendered: number;
  warnings: Problem[];
  /** Images the changed articles show, and how many had variants made. */
  images: { sources: number; processed: number };
}

/**
 * Bring `change` into the output and into `state` (on success only). Returns 'full' when only a
 * full build is right: time alone changed what is published (a scheduled article came due), or
 * the navigation changed (every page shows it). Throws BuildFailure on problems, writing nothing.
 */
export async function applyChanges(state: SiteState, change: ContentChange, run: UpdateRun): Promise<Applied | 'full'> {
  const { config } = state;
  const { changes, changed, index } = change;
  const { writer, strict } = run;
  const warnings: Problem[] = [];
  // A multilingual site's changes reach across languages (translations take from their originals): built whole.
  if (state.site.otherLanguages) return 'full';
  const patched = updateSite(state.site, changes, run.publish);
  if (!patched) return 'full';
  const { site } = patched;
  warnings.push(...stopOnErrors(patched.problems, strict));
  const globalsPrint = globalsPrintOf(site, config);
  if (globalsPrint !== state.globalsPrint) return 'full';

  // The unchanged articles whose related list changed are affected too.
  const affected = affectedGroups(changed, { site: state.site, metas: state.metas }, site, index, state.linkers, patched.relatedChanged);
  const stable = sameGroups(state.site, site, changes);
  if (stable && changes.every(sameDates)) {
    // No article came, went, moved or changed its dates: the archive and year pages (counts
    // and newest change) are as they were. Month and day lists still show the article.
    affected.delete(groupIds.archive());
    for (const { after } of changes) if (after) affected.delete(groupIds.year(after.date.year));
  }
  // The same groups in the same order as before (no article moved, came or went; no term or
  // date group came or went): only the affected ones need making. Else list them all.
  let groups: PageGroup[] = [];
  let order: string[];
  if (stable) {
    order = state.pages.order;
    groups = pageGroupsIn(site, config, state.templates.strings, affected, (file) => {
      const meta = index.get(file);
      return meta ? sortedIndexOf(site.articles, meta) : -1;
    });
  } else {
    order = [];
    for (const group of pageGroups(site, config, state.templates.strings)) {
      order.push(group.key);
      if (affected.has(group.key)) groups.push(group);
    }
  }
  const changedMetas = [...changed].map((file) => index.get(file)).filter((meta) => meta !== undefined);
  const isPublished = (meta: ArticleMeta) => sortedIndexOf(site.articles, meta) !== -1;
  // The changed articles' images, read and processed again (the image store makes unchanged ones free).
  const shownImages = await prepareImages(config, changedMetas.filter(isPublished), state.imageStore);
  warnings.push(...stopOnErrors(shownImages.problems, strict));
  const images = state.images.withArticles(shownImages.images, changed);
  // The affected lists as they were: the numbered pages a change leaves as they are are not planned.
  let groupsBefore: Map<string, PageGroup> | undefined;
  const before = (key: string) => {
    groupsBefore ??= new Map(
      pageGroupsIn(state.site, config, state.templates.strings, affected, (file) => {
        const meta = state.metas.get(file);
        return meta ? sortedIndexOf(state.site.articles, meta) : -1;
      }).map((group) => [group.key, group]),
    );
    return groupsBefore.get(key);
  };
  const plan = planGroups(groups, { pages: state.pages.byGroup, unchangedList: sameListsAs(state.site, site), changed, changedMetas, keep: (file) => writer.keep(file), before });

  // The affected groups' pages before the change: those they no longer have are deleted.
  const removed = new Set<string>(plan.gone);
  for (const key of affected.keys()) {
    if (plan.narrowed.has(key)) continue;
    for (const page of state.pages.byGroup.get(key) ?? []) removed.add(outputFileFor(page.url));
  }
  // The groups' pages after it: the affected ones as planned (or gone), the rest as they were.
  const pagesNow = { get: (key: string) => (affected.has(key) ? plan.planned.get(key) : state.pages.byGroup.get(key)) };
  let pagesUnchanged = order === state.pages.order || (order.length === state.pages.order.length && order.every((key, i) => key === state.pages.order[i]));
  for (const group of groups) if (pagesUnchanged) pagesUnchanged = samePages(state.pages.byGroup.get(group.key), plan.planned.get(group.key)!);
  // Feeds follow their lists: the site's, and those of affected topics, tags and authors.
  const affectedLists = new Set(['/']);
  for (const id of affected) if (id.kind === 'term') affectedLists.add(TERM_KINDS[id.terms].termUrl(id.slug));

  // The search shards the change can reach: those of the changed articles' months, and of those linking to them.
  const reached = [...changed].flatMap((file) => [state.metas.get(file), index.get(file), ...[...(state.linkers.get(file) ?? [])].map((source) => index.get(source))]);
  const searchMonths = run.search ? searchReach(run.publish, { before: state.site, after: site }, reached) : undefined;

  const input = { ...state, site, index, writer, now: run.now, images, progress: run.progress ?? noProgress, pool: run.pool };
  const { stats, value: outputs } = await writeTransaction(input, async (context) => {
    const outputs = await writeOutputs(context, {
      pages: () => plan.specs,
      feeds: (feed) => affectedLists.has(feed.listUrl),
      // No page's URL or lastmod changed: the sitemap files stay as they are.
      // Else the articles' pages lead it from the oldest: those before the oldest changed one are listed as they were.
      sitemap: pagesUnchanged ? { keep: state.sitemapFiles } : { pages: () => allPages(order, pagesNow), unchanged: sharedFromOldest(state.site.articles, site.articles) },
      images: () => shownImages.images.files,
      files: false,
      search: run.search && (searchMonths ?? true),
    });
    for (const file of state.otherFiles) removed.add(file);
    for (const file of state.images.filesDropped(images, changed)) removed.add(file);
    // The search bundles of the shards indexed again replace theirs (the rest are kept or not looked at).
    if (run.search) for (const file of searchMonths ? reachedSearchFiles(state.manifest, searchMonths) : state.manifest.currentUnder(SEARCH_FOLDER).keys()) removed.add(file);
    warnings.push(...stopOnErrors(outputs.problems, strict));
    // Links from the changed articles, against the site as it will be.
    const serves = pathServedBy({ has: (file) => writer.files.has(file) || (state.manifest.has(file) && !removed.has(file)) });
    warnings.push(...stopOnErrors(checkLinks(changedMetas.filter(isPublished), index, isPublished, serves), strict));
    if (run.outputIntact && !(await run.outputIntact())) throw new OutputChanged();
    return { removed, value: outputs };
  });

  // The new site becomes the state's.
  for (const { before, after } of changes) {
    if (before) removeLinks(state.linkers, before);
    if (after) addLinks(state.linkers, after);
  }
  for (const file of changed) {
    const meta = index.get(file);
    if (meta) state.metas.set(file, meta);
    else state.metas.delete(file);
  }
  for (const key of affected.keys()) {
    const pages = plan.planned.get(key);
    if (pages) state.pages.byGroup.set(key, pages);
    else state.pages.byGroup.delete(key);
  }
  // The changed articles' warnings of the later stages are the update's; the others' stay.
  const shown = new Set([...changed].map((file) => displayPath(config, path.join(config.contentPath, file))));
  const laterWarnings = [...state.laterWarnings.filter((problem) => !shown.has(problem.file)), ...warnings];
  Object.assign(state, { site, images, globalsPrint, laterWarnings, ...otherFilesOf(outputs.files) });
  state.pages.order = order;
  return { stats, outputs, pagesRendered: outputs.pages.rendered, warnings, images: { sources: shownImages.sources, processed: shownImages.processed } };
}
