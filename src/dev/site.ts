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
import type { ArticleMeta } from '../article.js';
import { articleSettings, bodyReader, collectArticles } from '../articles.js';
import { build, type BuildOptions, type BuildResult } from '../build.js';
import { ArticleCache } from '../cache.js';
import { loadConfig, type SiteConfig } from '../config.js';
import { buildTime } from '../dates.js';
import { BuildFailure, stopOnErrors, type Problem } from '../errors.js';
import { writeFeeds } from '../feeds.js';
import { articleLinkTargets, checkLinks, indexArticles, pathServedBy, resolveArticleLinks, type ArticleIndex } from '../links.js';
import { displayPath } from '../load.js';
import { fingerprint, OutputManifest } from '../manifest.js';
import { buildSite, type Site } from '../model.js';
import { pageGroups, type PageGroup, type PageSpec } from '../pages/index.js';
import { dayGroupName, monthGroupName, yearGroupName } from '../pages/archive.js';
import { articleGroupName } from '../pages/article.js';
import { TAGS, TOPICS, termGroupName } from '../pages/terms.js';
import { WorkerPool } from '../pool.js';
import { renderSite, siteGlobals, type WrittenPage } from '../render.js';
import { noProgress, type Progress } from '../report.js';
import { writeSitemaps } from '../sitemaps.js';
import { createTemplates, PAGE_TEMPLATES, type Templates } from '../templates.js';
import { outputFileFor } from '../urls.js';
import { codeIdentity } from '../version.js';
import { DirectWriter } from '../write.js';

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
  pagesByGroup: Map<string, WrittenPage[]>;
  /** The groups' names in the order a full build plans them (the sitemap's order). */
  order: string[];
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
  /** The sources' paths, sorted (the order a full build reads them in); undefined after an add or delete. */
  order?: string[];
  good: Good;
}

export class DevSite {
  private loaded: Loaded | undefined;
  /** Problems of the last update, until one succeeds. */
  problems: readonly Problem[] = [];

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
      this.problems = [];
      return { ok: true, mode: 'full', changed: ['*'], pagesRendered: result.stats.pagesRendered, warnings: result.warnings, milliseconds: performance.now() - started, build: result };
    } catch (error) {
      if (!(error instanceof BuildFailure)) throw error;
      this.problems = error.problems;
      return { ok: false, problems: error.problems, milliseconds: performance.now() - started };
    }
  }

  /** The state a full build left: every article (all cache hits now), the model, the output manifest. */
  private async load(result: BuildResult, now: number): Promise<Loaded> {
    const config = await loadConfig(this.options.root ?? '.', { outDir: this.options.outDir, baseUrl: this.options.baseUrl });
    const cache = await ArticleCache.open(config.cachePath, true);
    const pool = new WorkerPool(1);
    const collected = await collectArticles(config, cache, { pool, progress: noProgress });
    await pool.close();
    const sources = new Map<string, { meta?: ArticleMeta; problems: Problem[] }>();
    const byFile = new Map<string, Problem[]>();
    for (const meta of collected.articles) {
      const problems: Problem[] = [];
      sources.set(meta.contentPath, { meta, problems });
      byFile.set(meta.file, problems);
    }
    for (const problem of collected.problems) byFile.get(problem.file)?.push(problem);
    const { templates } = createTemplates(config, PAGE_TEMPLATES);
    const manifest = await OutputManifest.load(config.cachePath, config.outPath);
    const site = result.site;
    const pagesByGroup = new Map<string, WrittenPage[]>();
    const order: string[] = [];
    for (const group of pageGroups(site, config)) {
      order.push(group.name);
      pagesByGroup.set(group.name, writtenPages(group.pages()));
    }
    const good: Good = { site, index: indexArticles(collected.articles), globalsPrint: fingerprint(siteGlobals(site, config)), pagesByGroup, order, otherFiles: new Set() };
    const loaded: Loaded = { config, cache, manifest, templates, sources, good };
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
      const known = sources.has(file);
      if (meta || problems.length > 0) sources.set(file, { meta, problems });
      else sources.delete(file);
      if (known !== sources.has(file)) loaded.order = undefined;
    }

    const articles: ArticleMeta[] = [];
    const readProblems: Problem[] = [];
    loaded.order ??= [...sources.keys()].sort();
    for (const file of loaded.order) {
      const source = sources.get(file)!;
      if (source.meta) articles.push(source.meta);
      readProblems.push(...source.problems);
    }
    const publish = { now, drafts: this.options.drafts ?? false, future: this.options.future ?? false, expired: this.options.expired ?? false };
    const { site, problems: modelProblems } = buildSite(articles, publish);
    const index = indexArticles(articles);
    let warnings: Problem[];
    try {
      warnings = stopOnErrors([...readProblems, ...modelProblems], strict);
    } catch (error) {
      return this.failed(error, started);
    }

    // The navigation changed (a topic entered the top N): every page shows it, so build it all.
    const globalsPrint = fingerprint(siteGlobals(site, config));
    if (globalsPrint !== good.globalsPrint) return this.full();

    const changed = changedArticles(good.index, index);
    if (changed.size === 0) {
      this.problems = [];
      return { ok: true, mode: 'none', changed: [], pagesRendered: 0, warnings, milliseconds: performance.now() - started };
    }
    const affected = affectedGroups(changed, good, site, index);

    const readBody = bodyReader(config, cache);
    const urlOf = (contentPath: string) => index.get(contentPath)?.url;
    const writer = new DirectWriter(config.outPath);
    const siteFingerprint = this.siteFingerprint(config, site);
    const newGroups: PageGroup[] = [];
    const order: string[] = [];
    for (const group of pageGroups(site, config)) {
      order.push(group.name);
      if (affected.has(group.name)) newGroups.push(group);
    }
    // Of a list whose articles are the same ones in the same order, only the pages showing a
    // changed article can differ: the others are kept without planning them in detail.
    const specs: PageSpec[] = [];
    const unchangedList = sameListsAs(good.site, site);
    for (const group of newGroups) {
      const narrow = unchangedList(group.name);
      for (const spec of group.pages()) {
        if (!narrow || showsAny(spec, changed)) specs.push(spec);
        else writer.keep(outputFileFor(spec.url));
      }
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
    for (const name of affected) for (const page of good.pagesByGroup.get(name) ?? []) removed.add(outputFileFor(page.url));
    const pagesByGroup = new Map(good.pagesByGroup);
    for (const name of affected) pagesByGroup.delete(name);
    for (const group of newGroups) pagesByGroup.set(group.name, writtenPages(group.pages()));
    const next: Good = { site, index, globalsPrint, pagesByGroup, order, otherFiles: new Set() };
    const affectedLists = new Set([...affected].flatMap((name) => listUrlOfGroup(name)));
    next.otherFiles = await this.writeOthers(loaded, next, writer, now, affectedLists);
    for (const file of good.otherFiles) removed.add(file);

    // Links from the changed articles, against the site as it will be.
    const published = new Set(site.articles);
    const checked = site.articles.filter((meta) => changed.has(meta.contentPath));
    const serves = pathServedBy({ has: (file) => writer.files.has(file) || (loaded.manifest.has(file) && !removed.has(file)) });
    try {
      stopOnErrors(pages.problems, strict);
      warnings.push(...stopOnErrors(checkLinks(checked, index, (article) => published.has(article), serves), strict));
    } catch (error) {
      await writer.abort();
      loaded.manifest.discard();
      return this.failed(error, started);
    }

    const stats = await writer.commit(removed);
    loaded.manifest.advance([...removed].filter((file) => !writer.files.has(file)));
    loaded.good = next;
    this.problems = [];
    return { ok: true, mode: 'content', changed: stats.changed, pagesRendered: pages.rendered, warnings, milliseconds: performance.now() - started };
  }

  private failed(error: unknown, started: number): UpdateResult {
    if (!(error instanceof BuildFailure)) throw error;
    this.problems = error.problems;
    return { ok: false, problems: error.problems, milliseconds: performance.now() - started };
  }

  private siteFingerprint(config: SiteConfig, site: Site): string {
    return fingerprint(codeIdentity(), config, siteGlobals(site, config));
  }

  /** Feeds and sitemaps, through the manifest (only changed ones are written); returns their files. */
  private async writeOthers(loaded: Loaded, good: Good, writer: DirectWriter, now: number, affected?: ReadonlySet<string>): Promise<Set<string>> {
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
    const pages: WrittenPage[] = [];
    for (const name of good.order) pages.push(...(good.pagesByGroup.get(name) ?? []));
    await writeSitemaps(pages, good.site.articles, config, now, writer, loaded.manifest);
    return new Set([...writer.files].filter((file) => !before.has(file)));
  }
}

function writtenPages(specs: Iterable<PageSpec>): WrittenPage[] {
  return [...specs].map((spec) => ({ url: spec.url, lastModified: spec.lastModified, kind: spec.kind }));
}

/** Content paths whose article changed, appeared or went (by object: unchanged files keep theirs). */
function changedArticles(before: ArticleIndex, after: ArticleIndex): Set<string> {
  const changed = new Set<string>();
  for (const [file, meta] of after) if (before.get(file) !== meta) changed.add(file);
  for (const file of before.keys()) if (!after.has(file)) changed.add(file);
  return changed;
}

/**
 * The page groups a change to these articles can touch, in the old site or the new: each article's
 * own page and its neighbours' (their prev/next links), pages of articles linking to it, its
 * topic, tags and dates (before and after the change), and the indexes that count or list articles.
 */
function affectedGroups(changed: ReadonlySet<string>, good: Good, site: Site, index: ArticleIndex): Set<string> {
  const affected = new Set(['home', TOPICS.index, TAGS.index, 'archive']);
  const touch = (published: readonly ArticleMeta[], position: ReadonlyMap<string, number>, meta: ArticleMeta | undefined) => {
    if (!meta) return;
    const at = position.get(meta.contentPath);
    if (at === undefined) return; // not published: on no page
    for (const neighbour of [published[at - 1], published[at], published[at + 1]]) if (neighbour) affected.add(articleGroupName(neighbour));
    affected.add(termGroupName(TOPICS, meta.topic.slug));
    for (const tag of meta.tags) affected.add(termGroupName(TAGS, tag.slug));
    const { year, month, day } = meta.date;
    affected.add(yearGroupName(year)).add(monthGroupName(year, month)).add(dayGroupName(year, month, day));
  };
  const oldPositions = positions(good.site.articles);
  const newPositions = positions(site.articles);
  for (const file of changed) {
    touch(good.site.articles, oldPositions, good.index.get(file));
    touch(site.articles, newPositions, index.get(file));
  }
  // Articles whose links point at a changed article: where the link goes may have changed.
  for (const meta of site.articles) {
    if (meta.links.some((link) => link.kind === 'article' && changed.has(link.target))) affected.add(articleGroupName(meta));
  }
  return affected;
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
    for (const item of items) if (isArticle(item) && changed.has(item.contentPath)) return true;
  }
  return false;
}

function isArticle(value: unknown): value is ArticleMeta {
  return typeof value === 'object' && value !== null && 'contentPath' in value && 'bodyLine' in value;
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

function positions(articles: readonly ArticleMeta[]): Map<string, number> {
  return new Map(articles.map((meta, i) => [meta.contentPath, i]));
}
