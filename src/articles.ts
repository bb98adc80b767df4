// Rendering every article of the site: runs the pure per-article renderer over all sources and
// splits the results into metadata (for the site model) and body HTML (kept aside until the
// article's own page is written), with every problem of every file collected.

import { renderArticle, type ArticleMeta, type ArticleSettings } from './article.js';
import type { SiteConfig } from './config.js';
import type { Problem } from './errors.js';
import type { SourceFile } from './load.js';

export interface RenderedArticles {
  articles: ArticleMeta[];
  /** Body HTML by the article's file. */
  bodies: Map<string, string>;
  problems: Problem[];
}

export function articleSettings(config: SiteConfig): ArticleSettings {
  return {
    timeZone: config.timeZone,
    language: config.language,
    defaultTopic: config.defaultTopic,
    summaryLength: config.summaryLength,
    basePath: config.basePath,
  };
}

export function renderArticles(sources: readonly SourceFile[], settings: ArticleSettings): RenderedArticles {
  const result: RenderedArticles = { articles: [], bodies: new Map(), problems: [] };
  for (const source of sources) {
    const rendered = renderArticle(source, settings);
    result.problems.push(...rendered.problems);
    if (!rendered.ok) continue;
    result.articles.push(rendered.article.meta);
    result.bodies.set(rendered.article.meta.file, rendered.article.html);
  }
  return result;
}
