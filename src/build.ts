// The build, as a list of stage calls: config -> load -> render articles -> site model ->
// templates -> pages, feeds, sitemaps -> link check -> commit. Each stage lives in its own module;
// this one only sequences them and stops at the first stage that reports errors. Nothing reaches
// the output folder before the commit at the end.

import type { ArticleMeta } from './article.js';
import { renderArticles, articleSettings } from './articles.js';
import { copyAssets, copyStatic } from './assets.js';
import { loadConfig, type SiteConfig } from './config.js';
import { buildTime } from './dates.js';
import { BuildFailure, isError, type Problem } from './errors.js';
import { writeFeeds } from './feeds.js';
import { checkLinks, indexArticles, pathServedBy, resolveArticleLinks } from './links.js';
import { loadContent } from './load.js';
import { buildSite, type Site } from './model.js';
import { planPages } from './pages/index.js';
import { renderSite } from './render.js';
import type { BuildStats } from './report.js';
import { writeSitemaps } from './sitemaps.js';
import { createTemplates } from './templates.js';
import { DistWriter, MemoryWriter, type OutputWriter } from './write.js';

/** Templates every site needs; a site may override any of them. */
export const PAGE_TEMPLATES = ['home', 'article', 'topics', 'topic', 'tags', 'tag', 'archive', 'year', 'month', 'day', '404'];

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
  /** Where pages go: dist/ by default; a MemoryWriter validates without writing (npm run check). */
  writer?: OutputWriter;
}

export interface BuildResult {
  config: SiteConfig;
  site: Site;
  /** Warnings that did not stop the build. */
  warnings: Problem[];
  stats: BuildStats;
}

export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const started = performance.now();
  const strict = options.strict ?? false;
  const now = options.now ?? buildTime();
  const config = await loadConfig(options.root ?? '.', { outDir: options.outDir, baseUrl: options.baseUrl });
  const sources = await loadContent(config);
  const rendered = renderArticles(sources, articleSettings(config));
  const { site, problems: modelProblems } = buildSite(rendered.articles, {
    now,
    drafts: options.drafts ?? false,
    future: options.future ?? false,
    expired: options.expired ?? false,
  });
  const warnings = stopOnErrors([...rendered.problems, ...modelProblems], strict);
  const { templates, problems: templateProblems } = createTemplates(config, PAGE_TEMPLATES);
  stopOnErrors(templateProblems, strict);

  const index = indexArticles(rendered.articles);
  const bodyOf = (article: ArticleMeta) => resolveArticleLinks(rendered.bodies.get(article.file) ?? '', index, config.basePath);
  const writer = options.writer ?? new DistWriter(config.outPath);
  try {
    const pages = await renderSite({ site, config, templates, pages: planPages(site, config), bodyOf, writer });
    stopOnErrors(pages.problems, strict);
    const feeds = await writeFeeds(site, { config, bodyOf }, writer);
    const sitemaps = await writeSitemaps(pages.pages, site.articles, config, now, writer);
    const assets = await copyAssets(templates.roots, writer);
    const statics = await copyStatic(config, writer);
    warnings.push(...stopOnErrors(statics.problems, strict));
    const published = new Set(site.articles);
    const linkProblems = checkLinks(site.articles, index, (article) => published.has(article), pathServedBy(writer.files));
    warnings.push(...stopOnErrors(linkProblems, strict));
    const written = await writer.commit();
    return {
      config,
      site,
      warnings,
      stats: {
        ...written,
        articles: site.articles.length,
        pages: pages.pages.length,
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
  }
}

/**
 * Throw a BuildFailure carrying every problem when any is an error (any at all under --strict).
 * Returns the warnings to report otherwise. Unknown front-matter fields are only reported under
 * --strict: outside it they are a feature (extra data for templates), not a mistake.
 */
function stopOnErrors(problems: readonly Problem[], strict: boolean): Problem[] {
  const reported = strict ? problems.map((p) => ({ ...p, severity: 'error' as const })) : problems.filter((p) => p.code !== 'field-unknown');
  if (reported.some(isError)) throw new BuildFailure(reported);
  return reported;
}
