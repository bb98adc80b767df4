// The dev server's site: the last good build, kept in memory, and brought up to date change by
// change.
//
// A change to content re-reads only the changed files (through the article cache), rebuilds the
// site model (metadata only, a few milliseconds at 10,000 articles), and works out which page
// groups (pages/types.ts PageGroup) the change can touch: the changed articles' own pages, their
// neighbours before and after, articles linking to them, their topic, tags, year, month and day,
// and the indexes (home, /topics/, /tags/, /archive/). Only those groups are planned; of their
// pages, only those whose fingerprint changed are rendered; feeds and sitemaps go through the same
// fingerprints. Pages a group no longer has are deleted. The result is byte for byte what a full
// build of the same content writes (test/dev.test.ts proves it over edits, adds, deletes and
// renames).
//
// A change to templates, static files or the config, or one that changes what every page shows
// (the navigation), runs the full build instead: warm, through the cache, and with per-template
// fingerprints it renders only the pages made with a changed template.
//
// An update that finds errors writes nothing: the last good pages keep being served, and the
// errors are reported until a later change fixes them.

import path from 'node:path';
import { isArticleMeta, type ArticleMeta } from '../render/article.js';
import { articleSettings, bodyReader, collectArticles } from '../render/collect.js';
import { build, type BuildOptions, type BuildResult } from '../build.js';
import { ArticleCache } from '../render/cache.js';
import type { SiteConfig } from '../config.js';
import { buildTime } from '../dates.js';
import { BuildFailure, isError, stopOnErrors, type Problem } from '../problems.js';
import { writeFeeds } from '../pages/feeds/index.js';
import { articleLinkTargets, checkLinks, pathServedBy, resolveArticleLinks, type ArticleIndex } from '../model/links.js';
import { displayPath } from '../load/discover.js';
import { fingerprint, OutputManifest } from '../write/manifest.js';
import { sortedIndexOf, updateSite, type ArticleChange, type PublishOptions, type Site, type TermGroup } from '../model/site.js';
import { pageGroups, pageGroupsNamed, type PageGroup, type PageSpec } from '../pages/index.js';
import { dayGroupName, monthGroupName, yearGroupName } from '../pages/archive.js';
import { articleGroupName } from '../pages/article.js';
import { TAGS, TOPICS, termGroupName } from '../pages/terms.js';
import { WorkerPool } from '../workers/pool.js';
import { renderSite, siteGlobals, type WrittenPage } from '../pages/render-page.js';
import { noProgress, type Progress } from '../report.js';
import { writeNewsSitemapAndRobots, writePageSitemaps } from '../pages/sitemaps.js';
import { createTemplates, PAGE_TEMPLATES, type Templates } from '../pages/templates.js';
import { outputFileFor } from '../urls.js';
import { codeIdentity } from '../version.js';
import { DirectWriter } from '../write/writers.js';

export type DevOptions = Pick<BuildOptions, 'root' | 'outDir' | 'baseUrl' | 'drafts' | 'future' | 'expired' | 'strict' | 'threads'> & {
  /** The build time of each update (default: the clock). Tests fix it to compare with a full build. */
  now?: () => number;
  progress?: Progress;
};

/** What changed on disk, as the watcher saw it: absolute paths. */
export interface Changes {
  paths: readonly string[];
}

export type UpdateResult =
  | {
      ok: true;
      /** 'content': the incremental path; 'full': the whole build ran; 'none': nothing the site shows changed. */
      mode: 'content' | 'full' | 'none';
      /** Output files written or deleted, relative to the output folder. */
      changed: string[];
      pagesRendered: number;
      warnings: Problem[];
      milliseconds: number;
      /** The full build's result, when one ran. */
      build?: BuildResult;
    }
  | { ok: false; problems: readonly Problem[]; milliseconds: number };

/** What the site looked like after the last good update. */
interface Good {
  site: Site;
  /** Every article read (published or not), by content path: what links resolve against. */
  index: ArticleIndex;
  globalsPrint: string;
  /** Each page group's pages as written, for the sitemap. */
  pagesByGroup: Pick<ReadonlyMap<string, WrittenPage[]>, 'get'>;
  /** The groups' names in the order a full build plans them (the sitemap's order). */
  order: string[];
  /** /sitemap.xml and its parts. */
  sitemapFiles: string[];
  /** Feed and sitemap files, so that a feed whose term is gone is deleted. */
  otherFiles: Set<string>;
}

interface Loaded {
  config: SiteConfig;
  cache: ArticleCache;
  manifest: OutputManifest;
  templates: Templates;
  /** The latest read of each article file: its metadata (if it rendered) and its problems. */
  sources: Map<string, { meta?: ArticleMeta; problems: Problem[] }>;
  /** Files whose problems stop the build, with those problems. */
  stopping: Map<string, Problem[]>;
  /** Files changed since the last good update. */
  dirty: Set<string>;
  linkers: Linkers;
  /** Every article of the last good update, by content path (the sources may have moved on since). */
  goodMetas: Map<string, ArticleMeta>;
  /** The pages of every group of the last good update (good.pagesByGroup), changed in place on commit. */
  pageLists: Map<string, WrittenPage[]>;
  good: Good;
}

export class DevSite {
  private loaded: Loaded | undefined;

  private constructor(private readonly options: DevOptions) {}

  /** Build the site (a normal warm build) and load it for incremental updates. */
  static async start(options: DevOptions): Promise<{ site: DevSite; result: UpdateResult }> {
    const site = new DevSite(options);
    return { site, result: await site.full() };
  }

  get config(): SiteConfig | undefined {
    return this.loaded?.config;
  }

  /**
   * Bring the output up to date with `changes`. Content-only changes take the incremental path;
   * anything else (templates, static files, the config, or no good build to start from) the full one.
   */
  async update(changes: Changes): Promise<UpdateResult> {
    const loaded = this.loaded;
    if (!loaded) return this.full();
    const { config } = loaded;
    const content: string[] = [];
    for (const changed of changes.paths) {
      const relative = path.relative(config.contentPath, changed);
      const inContent = !relative.startsWith('..') && !path.isAbsolute(relative);
      if (inContent && relative.endsWith('.md')) content.push(relative.split(path.sep).join('/'));
      else if (inContent && path.extname(relative) === '') return this.full(); // a folder: moved or removed with its articles
      else if (!inContent) return this.full();
      // Other files in content/ (images beside the Markdown) are not part of any page.
    }
    if (content.length === 0) return { ok: true, mode: 'none', changed: [], pagesRendered: 0, warnings: [], milliseconds: 0 };
    return this.updateContent(loaded, content);
  }

  /** Save the article cache and the output manifest, so the next `npm run build` starts warm. */
  async flush(): Promise<void> {
    if (!this.loaded) return;
    await this.loaded.manifest.saveCurrent();
    await this.loaded.cache.save();
  }

  async close(): Promise<void> {
    await this.flush();
    this.loaded = undefined;
  }

  private async full(): Promise<UpdateResult> {
    const started = performance.now();
    const now = this.options.now?.() ?? buildTime();
    try {
      await this.flush();
      const result = await build({ ...this.options, now, cache: true, progress: this.options.progress ?? noProgress });
      this.loaded = await this.load(result, now);
      return { ok: true, mode: 'full', changed: ['*'], pagesRendered: result.stats.pagesRendered, warnings: result.warnings, milliseconds: performance.now() - started, build: result };
    } catch (error) {
      return this.failed(error, started);
    }
  }

  /**
   * The state a full build left: its articles and model (updates find articles in the model by
   * identity, so these very objects), the cache and the output manifest it saved.
   */
  private async load(result: BuildResult, now: number): Promise<Loaded> {
    const { config, site, articles } = result;
    const cache = await ArticleCache.open(config.cachePath, true);
    cache.adopt(articles);
    // A file's problems are kept from when it is next read: only changed files' are reported.
    const sources = new Map(articles.map((meta) => [meta.contentPath, { meta, problems: [] as Problem[] }]));
    const { templates } = createTemplates(config, PAGE_TEMPLATES);
    const manifest = await OutputManifest.load(config.cachePath, config.outPath);
    const pagesByGroup = new Map<string, WrittenPage[]>();
    const order: string[] = [];
    for (const group of pageGroups(site, config)) {
      order.push(group.name);
      pagesByGroup.set(group.name, writtenPages(group.pages()));
    }
    const goodMetas = new Map(articles.map((meta) => [meta.contentPath, meta]));
    const good: Good = { site, index: goodMetas, globalsPrint: fingerprint(siteGlobals(site, config)), pagesByGroup, order, sitemapFiles: [], otherFiles: new Set() };
    const loaded: Loaded = { config, cache, manifest, templates, sources, stopping: new Map(), dirty: new Set(), linkers: linkersOf(articles), goodMetas, pageLists: pagesByGroup, good };
    // Record which feed and sitemap files the site has (all current: nothing is written).
    const writer = new DirectWriter(config.outPath);
    good.otherFiles = await this.writeOthers(loaded, good, writer, now);
    await writer.commit();
    manifest.advance([]);
    return loaded;
  }

  private async updateContent(loaded: Loaded, changedFiles: string[]): Promise<UpdateResult> {
    const started = performance.now();
    const { config, cache, sources, templates, good } = loaded;
    const strict = this.options.strict ?? false;
    const now = this.options.now?.() ?? buildTime();

    // Read the changed files again; an unchanged file comes back from the cache as the same object.
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
      loaded.dirty.add(file);
      if (stops(problems, strict)) loaded.stopping.set(file, problems);
      else loaded.stopping.delete(file);
    }
    // Files changed since the last good update, with their article then and now.
    const changes: ArticleChange[] = [];
    const changed = new Set<string>();
    for (const file of loaded.dirty) {
      const before = loaded.goodMetas.get(file);
      const after = sources.get(file)?.meta;
      if (before === after) continue;
      changes.push({ before, after });
      changed.add(file);
    }
    const dirtyProblems = [...loaded.dirty].flatMap((file) => sources.get(file)?.problems ?? []);
    let warnings: Problem[];
    try {
      stopOnErrors([...loaded.stopping.values()].flat(), strict);
      warnings = stopOnErrors(dirtyProblems, strict);
    } catch (error) {
      return this.failed(error, started);
    }
    if (changes.length === 0) {
      loaded.dirty.clear();
      return { ok: true, mode: 'none', changed: [], pagesRendered: 0, warnings, milliseconds: performance.now() - started };
    }

    const patched = updateSite(good.site, changes, this.publishOptions(now));
    // Time alone changed what is published (a scheduled article came due): build it all.
    if (!patched) return this.full();
    const { site } = patched;
    const index: ArticleIndex = { get: (file) => sources.get(file)?.meta };
    try {
      stopOnErrors(patched.problems, strict);
    } catch (error) {
      return this.failed(error, started);
    }

    // The navigation changed (a topic entered the top N): every page shows it, so build it all.
    const globalsPrint = fingerprint(siteGlobals(site, config));
    if (globalsPrint !== good.globalsPrint) return this.full();

    const affected = affectedGroups(changed, { site: good.site, metas: loaded.goodMetas }, site, index, loaded.linkers);
    const stable = sameGroups(good.site, site, changes);
    if (stable && changes.every(sameDates)) {
      // No article came, went, moved or changed its dates: the archive and year pages (counts
      // and newest change) are as they were. Month and day lists still show the article.
      affected.delete('archive');
      for (const { after } of changes) if (after) affected.delete(yearGroupName(after.date.year));
    }

    const readBody = bodyReader(config, cache);
    const urlOf = (contentPath: string) => index.get(contentPath)?.url;
    const writer = new DirectWriter(config.outPath);
    const siteFingerprint = this.siteFingerprint(config, site);
    // The same groups in the same order as before (no article moved, came or went; no term or
    // date group came or went): only the affected ones need making. Else list them all.
    let newGroups: PageGroup[] = [];
    let order: string[];
    if (stable) {
      order = good.order;
      newGroups = pageGroupsNamed(site, config, affected, (file) => {
        const meta = index.get(file);
        return meta ? sortedIndexOf(site.articles, meta) : -1;
      });
    } else {
      order = [];
      for (const group of pageGroups(site, config)) {
        order.push(group.name);
        if (affected.has(group.name)) newGroups.push(group);
      }
    }
    // Of a list whose articles are the same ones in the same order, only the pages showing a
    // changed article can differ: the others are kept without planning them in detail.
    const specs: PageSpec[] = [];
    const planned = new Map<string, WrittenPage[]>();
    /** Lists planned page by page: their other pages are neither kept nor removed, just left. */
    const narrowed = new Set<string>();
    const unchangedList = sameListsAs(good.site, site);
    const changedMetas = [...changed].map((file) => index.get(file)).filter((meta) => meta !== undefined);
    for (const group of newGroups) {
      const narrow = unchangedList(group.name);
      const before = good.pagesByGroup.get(group.name);
      if (narrow && group.list && before) {
        // Plan only the pages showing a changed article; the others are as they were.
        const { articles, pageSize, pagesNumbered } = group.list;
        const numbers = new Set<number>();
        for (const meta of changedMetas) {
          const at = sortedIndexOf(articles, meta);
          if (at !== -1) numbers.add(Math.floor(at / pageSize) + 1);
        }
        const written = [...before];
        for (const spec of pagesNumbered(numbers)) {
          specs.push(spec);
          written[(spec.pagination?.number ?? 1) - 1] = { url: spec.url, lastModified: spec.lastModified, kind: spec.kind };
        }
        planned.set(group.name, written);
        narrowed.add(group.name);
        continue;
      }
      const written: WrittenPage[] = [];
      for (const spec of group.pages()) {
        written.push({ url: spec.url, lastModified: spec.lastModified, kind: spec.kind });
        if (!narrow || showsAny(spec, changed)) specs.push(spec);
        else writer.keep(outputFileFor(spec.url));
      }
      planned.set(group.name, written);
    }
    const pages = await renderSite({
      site,
      config,
      templates,
      pages: () => specs,
      bodyOf: async (article) => resolveArticleLinks(await readBody(article), urlOf, config.basePath),
      linkTargets: (article) => articleLinkTargets(article, index),
      writer,
      manifest: loaded.manifest,
      siteFingerprint,
      progress: noProgress,
    });
    // The affected groups' pages before the change: those they no longer have are deleted.
    const removed = new Set<string>();
    for (const name of affected) {
      if (narrowed.has(name)) continue;
      for (const page of good.pagesByGroup.get(name) ?? []) removed.add(outputFileFor(page.url));
    }
    // The groups' pages after it: the affected ones as planned (or gone), the rest as they were.
    const pagesByGroup = { get: (name: string) => (affected.has(name) ? planned.get(name) : good.pagesByGroup.get(name)) };
    let pagesUnchanged = order === good.order || (order.length === good.order.length && order.every((name, i) => name === good.order[i]));
    for (const group of newGroups) if (pagesUnchanged) pagesUnchanged = samePages(good.pagesByGroup.get(group.name), planned.get(group.name)!);
    const next: Good = { site, index, globalsPrint, pagesByGroup, order, sitemapFiles: good.sitemapFiles, otherFiles: new Set() };
    const affectedLists = new Set([...affected].flatMap((name) => listUrlOfGroup(name)));
    next.otherFiles = await this.writeOthers(loaded, next, writer, now, affectedLists, pagesUnchanged);
    for (const file of good.otherFiles) removed.add(file);

    // Links from the changed articles, against the site as it will be.
    const isPublished = (meta: ArticleMeta) => sortedIndexOf(site.articles, meta) !== -1;
    const checked = [...changed].map((file) => index.get(file)).filter((meta): meta is ArticleMeta => meta !== undefined && isPublished(meta));
    const serves = pathServedBy({ has: (file) => writer.files.has(file) || (loaded.manifest.has(file) && !removed.has(file)) });
    try {
      stopOnErrors(pages.problems, strict);
      warnings.push(...stopOnErrors(checkLinks(checked, index, isPublished, serves), strict));
    } catch (error) {
      await writer.abort();
      loaded.manifest.discard();
      return this.failed(error, started);
    }

    const stats = await writer.commit(removed);
    loaded.manifest.advance([...removed].filter((file) => !writer.files.has(file)));
    for (const { before, after } of changes) {
      if (before) removeLinks(loaded.linkers, before);
      if (after) addLinks(loaded.linkers, after);
    }
    for (const file of changed) {
      const meta = sources.get(file)?.meta;
      if (meta) loaded.goodMetas.set(file, meta);
      else loaded.goodMetas.delete(file);
    }
    for (const name of affected) {
      const pages = planned.get(name);
      if (pages) loaded.pageLists.set(name, pages);
      else loaded.pageLists.delete(name);
    }
    next.pagesByGroup = loaded.pageLists;
    loaded.dirty.clear();
    loaded.good = next;
    return { ok: true, mode: 'content', changed: stats.changed, pagesRendered: pages.rendered, warnings, milliseconds: performance.now() - started };
  }

  private publishOptions(now: number): PublishOptions {
    return { now, drafts: this.options.drafts ?? false, future: this.options.future ?? false, expired: this.options.expired ?? false };
  }

  private failed(error: unknown, started: number): UpdateResult {
    if (!(error instanceof BuildFailure)) throw error;
    return { ok: false, problems: error.problems, milliseconds: performance.now() - started };
  }

  private siteFingerprint(config: SiteConfig, site: Site): string {
    return fingerprint(codeIdentity(), config, siteGlobals(site, config));
  }

  /** Feeds and sitemaps, through the manifest (only changed ones are written); returns their files. */
  private async writeOthers(loaded: Loaded, good: Good, writer: DirectWriter, now: number, affected?: ReadonlySet<string>, pagesUnchanged = false): Promise<Set<string>> {
    const { config, cache } = loaded;
    const before = new Set(writer.files);
    const readBody = bodyReader(config, cache);
    const urlOf = (contentPath: string) => good.index.get(contentPath)?.url;
    const context = {
      config,
      bodyOf: async (article: ArticleMeta) => resolveArticleLinks(await readBody(article), urlOf, config.basePath),
      linkTargets: (article: ArticleMeta) => articleLinkTargets(article, good.index),
      manifest: loaded.manifest,
      siteFingerprint: this.siteFingerprint(config, good.site),
    };
    await writeFeeds(good.site, context, writer, affected && ((feed) => feed.listUrl === '/' || affected.has(feed.listUrl)));
    if (pagesUnchanged) {
      // No page's URL or lastmod changed: the sitemap files stay as they are.
      for (const file of good.sitemapFiles) writer.keep(file);
    } else {
      const pages: WrittenPage[] = [];
      for (const name of good.order) pages.push(...(good.pagesByGroup.get(name) ?? []));
      const known = new Set(writer.files);
      await writePageSitemaps(pages, config, writer, loaded.manifest);
      good.sitemapFiles = [...writer.files].filter((file) => !known.has(file));
    }
    await writeNewsSitemapAndRobots(good.site.articles, config, now, writer, loaded.manifest);
    return new Set([...writer.files].filter((file) => !before.has(file)));
  }
}

/** Same date and `updated` date before and after (what the archive and year pages show of an article). */
function sameDates({ before, after }: ArticleChange): boolean {
  return before !== undefined && after !== undefined && before.date.epoch === after.date.epoch && before.updated?.epoch === after.updated?.epoch;
}

/** Do two sites have the same page groups in the same order? (changes: what made one from the other) */
function sameGroups(before: Site, after: Site, changes: readonly ArticleChange[]): boolean {
  if (before.articles.length !== after.articles.length) return false;
  for (const change of changes) {
    const was = change.before ? sortedIndexOf(before.articles, change.before) : -1;
    const is = change.after ? sortedIndexOf(after.articles, change.after) : -1;
    if (was !== is) return false;
  }
  const sameTerms = (a: readonly TermGroup[], b: readonly TermGroup[]) => a.length === b.length && a.every((group, i) => group.slug === b[i]!.slug);
  if (!sameTerms(before.topics, after.topics) || !sameTerms(before.tags, after.tags)) return false;
  const dates = (site: Site) => site.years.map((year) => year.months.map((month) => `${month.year}/${month.month}:${month.days.map((day) => day.day).join(',')}`).join(';')).join('|');
  return dates(before) === dates(after);
}

function samePages(before: readonly WrittenPage[] | undefined, after: readonly WrittenPage[]): boolean {
  return before !== undefined && before.length === after.length && before.every((page, i) => page.url === after[i]!.url && page.lastModified === after[i]!.lastModified && page.kind === after[i]!.kind);
}

function writtenPages(specs: Iterable<PageSpec>): WrittenPage[] {
  return [...specs].map((spec) => ({ url: spec.url, lastModified: spec.lastModified, kind: spec.kind }));
}

/**
 * The page groups a change to these articles can touch, in the old site or the new: each article's
 * own page and its neighbours' (their prev/next links), pages of articles linking to it, its
 * topic, tags and dates (before and after the change), and the indexes that count or list articles.
 */
function affectedGroups(changed: ReadonlySet<string>, good: { site: Site; metas: ArticleIndex }, site: Site, index: ArticleIndex, linkers: Linkers): Set<string> {
  const affected = new Set(['home', TOPICS.index, TAGS.index, 'archive']);
  const touch = (published: readonly ArticleMeta[], meta: ArticleMeta | undefined) => {
    if (!meta) return;
    const at = sortedIndexOf(published, meta);
    if (at === -1) return; // not published: on no page
    for (const neighbour of [published[at - 1], published[at], published[at + 1]]) if (neighbour) affected.add(articleGroupName(neighbour));
    affected.add(termGroupName(TOPICS, meta.topic.slug));
    for (const tag of meta.tags) affected.add(termGroupName(TAGS, tag.slug));
    const { year, month, day } = meta.date;
    affected.add(yearGroupName(year)).add(monthGroupName(year, month)).add(dayGroupName(year, month, day));
  };
  for (const file of changed) {
    touch(good.site.articles, good.metas.get(file));
    touch(site.articles, index.get(file));
    // Articles linking to it by file: where the link goes may have changed, on their pages and in
    // full-content feeds of their topic and tags (their lists show no bodies: only feeds are redone).
    for (const source of linkers.get(file) ?? []) {
      const meta = index.get(source);
      if (!meta) continue;
      affected.add(articleGroupName(meta)).add(termGroupName(TOPICS, meta.topic.slug));
      for (const tag of meta.tags) affected.add(termGroupName(TAGS, tag.slug));
    }
  }
  return affected;
}

/** Which articles link to each content path (by file), so a change finds the pages pointing at it. */
type Linkers = Map<string, Set<string>>;

function linkersOf(articles: Iterable<ArticleMeta>): Linkers {
  const linkers: Linkers = new Map();
  for (const meta of articles) addLinks(linkers, meta);
  return linkers;
}

function addLinks(linkers: Linkers, meta: ArticleMeta): void {
  for (const link of meta.links) {
    if (link.kind !== 'article') continue;
    let sources = linkers.get(link.target);
    if (!sources) linkers.set(link.target, (sources = new Set()));
    sources.add(meta.contentPath);
  }
}

function removeLinks(linkers: Linkers, meta: ArticleMeta): void {
  for (const link of meta.links) if (link.kind === 'article') linkers.get(link.target)?.delete(meta.contentPath);
}

/** Would a file's problems stop a build (an error, or under --strict anything but nothing)? */
function stops(problems: readonly Problem[], strict: boolean): boolean {
  return strict ? problems.length > 0 : problems.some(isError);
}

/** The list URL of a topic or tag group (whose feeds follow it). */
function listUrlOfGroup(name: string): string[] {
  const [kind, slug] = name.split(':', 2);
  if (kind === TOPICS.single) return [TOPICS.termUrl(slug!)];
  if (kind === TAGS.single) return [TAGS.termUrl(slug!)];
  return [];
}

/** Does a page show any of these articles (as its article, in its list, as prev or next)? */
function showsAny(spec: PageSpec, changed: ReadonlySet<string>): boolean {
  if (spec.article && changed.has(spec.article.contentPath)) return true;
  for (const value of Object.values(spec.data)) {
    const items = Array.isArray(value) ? value : [value];
    for (const item of items) if (isArticleMeta(item) && changed.has(item.contentPath)) return true;
  }
  return false;
}


/**
 * For a list group, whether it lists the same articles in the same order in both sites, with the
 * same list-wide data (a term's name and spellings, a month's day counts): then its pages differ
 * only where a changed article is shown.
 */
function sameListsAs(before: Site, after: Site): (group: string) => boolean {
  const lists = (site: Site) => {
    const byName = new Map<string, { articles: readonly ArticleMeta[]; extra: string }>();
    byName.set('home', { articles: site.articles, extra: '' });
    for (const term of site.topics) byName.set(termGroupName(TOPICS, term.slug), { articles: term.articles, extra: term.spellings.join('\n') });
    for (const term of site.tags) byName.set(termGroupName(TAGS, term.slug), { articles: term.articles, extra: term.spellings.join('\n') });
    for (const year of site.years) {
      for (const month of year.months) {
        byName.set(monthGroupName(month.year, month.month), { articles: month.articles, extra: month.days.map((day) => `${day.day}:${day.articles.length}`).join(',') });
        for (const day of month.days) byName.set(dayGroupName(day.year, day.month, day.day), { articles: day.articles, extra: '' });
      }
    }
    return byName;
  };
  let old: ReturnType<typeof lists> | undefined;
  let now: ReturnType<typeof lists> | undefined;
  return (group) => {
    old ??= lists(before);
    now ??= lists(after);
    const a = old.get(group);
    const b = now.get(group);
    if (!a || !b || a.extra !== b.extra || a.articles.length !== b.articles.length) return false;
    return a.articles.every((article, i) => article.contentPath === b.articles[i]!.contentPath);
  };
}

