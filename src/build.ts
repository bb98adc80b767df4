// The build, as a list of stage calls: config -> load -> render articles -> site model ->
// templates -> pages, feeds, sitemaps -> link check -> commit. Each stage lives in its own module;
// this one only sequences them and stops at the first stage that reports errors. Nothing reaches
// the output folder before the commit at the end.

import type { ArticleMeta } from './render/article.js';
import { articleSettings, bodyReader, collectArticles } from './render/collect.js';
import { ArticleCache, cacheIdentity } from './render/cache.js';
import { copyAssets, copyStatic } from './write/static-files.js';
import { loadConfig, type SiteConfig } from './config.js';
import { buildTime } from './dates.js';
import { stopOnErrors, type Problem } from './problems.js';
import { writeFeeds } from './pages/feeds/index.js';
import { articleLinkTargets, checkLinks, indexArticles, pathServedBy, resolveArticleLinks } from './model/links.js';
import { fingerprint, OutputManifest } from './write/manifest.js';
import { buildSite, type Site } from './model/site.js';
import { planPages } from './pages/index.js';
import { WorkerPool } from './workers/pool.js';
import { renderSite, siteGlobals } from './pages/render-page.js';
import { noProgress, type BuildStats, type Progress } from './report.js';
import { writeSitemaps } from './pages/sitemaps.js';
import { createTemplates, PAGE_TEMPLATES } from './pages/templates.js';
import { codeIdentity } from './version.js';
import { DistWriter, MemoryWriter, type OutputWriter } from './write/writers.js';

export interface BuildOptions {
  /** Site folder (default: the current directory). */
  root?: string;
  /** Output folder, relative to the root; overrides the config. */
  outDir?: string;
  /** Overrides the config's baseUrl. */
  baseUrl?: string;
  /** Include drafts, scheduled (future) and expired articles. */
  drafts?: boolean;
  future?: boolean;
  expired?: boolean;
  /** Warnings become errors. */
  strict?: boolean;
  /** Build time in epoch ms (default: SOURCE_DATE_EPOCH, else now). */
  now?: number;
  /** Use and update the persistent cache in .cache/ (default true); false renders everything. */
  cache?: boolean;
  /** Threads rendering articles: 'auto' (default: one per core, if there is enough to do) or a count. */
  threads?: number | 'auto';
  /** Where pages go: dist/ by default; a MemoryWriter validates without writing (npm run check). */
  writer?: OutputWriter;
  progress?: Progress;
}

export interface BuildResult {
  config: SiteConfig;
  site: Site;
  /** Every article read, published or not, in content-path order (the dev server keeps them). */
  articles: ArticleMeta[];
  /** Warnings that did not stop the build. */
  warnings: Problem[];
  stats: BuildStats;
  /** Why the cache could not be used, if it could not. */
  cacheNotice?: string;
}

export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const started = performance.now();
  const strict = options.strict ?? false;
  const now = options.now ?? buildTime();
  const progress = options.progress ?? noProgress;
  const config = await loadConfig(options.root ?? '.', { outDir: options.outDir, baseUrl: options.baseUrl });
  const cache = await ArticleCache.open(config.cachePath, options.cache ?? true);
  const writer = options.writer ?? new DistWriter(config.outPath);
  const pool = new WorkerPool(options.threads ?? 'auto');
  try {
    const collected = await collectArticles(config, cache, { pool, progress });
    const publish = { now, drafts: options.drafts ?? false, future: options.future ?? false, expired: options.expired ?? false };
    const { site, problems: modelProblems } = buildSite(collected.articles, publish);
    const warnings = stopOnErrors([...collected.problems, ...modelProblems], strict);
    const { templates, problems: templateProblems } = createTemplates(config, PAGE_TEMPLATES);
    stopOnErrors(templateProblems, strict);

    const index = indexArticles(collected.articles);
    const readBody = bodyReader(config, cache);
    const urlOf = (contentPath: string) => index.get(contentPath)?.url;
    const bodyOf = async (article: ArticleMeta) => resolveArticleLinks(await readBody(article), urlOf, config.basePath);
    const linkTargets = (article: ArticleMeta) => articleLinkTargets(article, index);
    const manifest = options.cache !== false && writer instanceof DistWriter ? await OutputManifest.load(config.cachePath, config.outPath) : OutputManifest.none();
    const siteFingerprint = fingerprint(codeIdentity(), config, siteGlobals(site, config));

    const settings = articleSettings(config);
    const pages = await renderSite({
      site,
      config,
      templates,
      pages: () => planPages(site, config),
      bodyOf,
      linkTargets,
      writer,
      manifest,
      siteFingerprint,
      progress,
      parallel: { pool, index, bodyHashOf: (key) => cache.lookupHash(key), task: { config, bodiesDir: cache.bodiesDir, identity: cacheIdentity(settings), settings, siteFingerprint } },
    });
    // Free the workers' memory (hundreds of MB on a large archive) before the rest of the build.
    await pool.close();
    stopOnErrors(pages.problems, strict);
    const feeds = await writeFeeds(site, { config, bodyOf, linkTargets, manifest, siteFingerprint }, writer);
    const sitemaps = await writeSitemaps(pages.pages, site.articles, config, now, writer, manifest);
    const assets = await copyAssets(templates.roots, writer);
    const statics = await copyStatic(config, writer);
    warnings.push(...stopOnErrors(statics.problems, strict));
    const published = new Set(site.articles);
    const linkProblems = checkLinks(site.articles, index, (article) => published.has(article), pathServedBy(writer.files));
    warnings.push(...stopOnErrors(linkProblems, strict));

    const written = await writer.commit();
    await manifest.save();
    await cache.save();
    return {
      config,
      site,
      articles: collected.articles,
      warnings,
      cacheNotice: cache.notice,
      stats: {
        ...written,
        articles: site.articles.length,
        rendered: collected.rendered,
        cacheHits: cache.hits,
        threads: pool.threads,
        pages: pages.pages.length,
        pagesRendered: pages.rendered,
        feeds,
        sitemaps,
        assets: assets + statics.files,
        topics: site.topics.length,
        tags: site.tags.length,
        milliseconds: performance.now() - started,
      },
    };
  } catch (error) {
    await writer.abort();
    throw error;
  } finally {
    await pool.close();
    await cache.dispose();
  }
}
