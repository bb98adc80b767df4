// Links from one article body to another article's file. A relative link to another article's .md
// file cannot be resolved when its article is rendered (the target's URL is known only once every
// file is read), so markdown.ts writes it as a placeholder (articleLinkPlaceholder) and
// resolveArticleLinks replaces it at page time. Both halves of that protocol live here.

import type { ArticleIndex, ArticleMeta } from '../types/index.js';
import { escapeMarkup } from '../escape.js';
import { withBasePath } from '../urls.js';

/** Marks a placeholder: `broadsheet-article:<target>:<original>`, both parts URI-encoded. */
const ARTICLE_LINK_PREFIX = 'broadsheet-article:';

/** The placeholder written for a link to the article file `target`, as the author wrote it (`original`). */
export function articleLinkPlaceholder(target: string, original: string): string {
  return `${ARTICLE_LINK_PREFIX}${encodeURIComponent(target)}:${encodeURIComponent(original)}`;
}

const PLACEHOLDER = new RegExp(`(href|src)="${ARTICLE_LINK_PREFIX}([^":]*):([^"]*)"`, 'g');

/**
 * Replace article-link placeholders in body HTML with the target's URL under the base path.
 * `urlOf` gives a content path's article URL (undefined: no such article).
 */
export function resolveArticleLinks(html: string, urlOf: (contentPath: string) => string | undefined, basePath: string): string {
  if (!html.includes(ARTICLE_LINK_PREFIX)) return html;
  return html.replace(PLACEHOLDER, (_, attribute: string, target: string, original: string) => {
    const written = decodeURIComponent(original);
    const url = urlOf(decodeURIComponent(target));
    // A missing target keeps the author's link as written (and was reported as broken).
    if (url === undefined) return `${attribute}="${escapeMarkup(written)}"`;
    const fragment = written.includes('#') ? written.slice(written.indexOf('#')) : '';
    return `${attribute}="${escapeMarkup(withBasePath(basePath, url) + fragment)}"`;
  });
}

/** The article links of one article, resolved: [content path, URL] of each target that exists. */
export function resolvedTargets(article: ArticleMeta, index: ArticleIndex): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const link of article.links) {
    const target = link.kind === 'article' ? index.get(link.target) : undefined;
    if (target) pairs.push([link.target, target.url]);
  }
  return pairs;
}

/** The URLs an article's links to other articles resolve to ('' for a missing target). */
export function articleLinkTargets(article: ArticleMeta, index: ArticleIndex): string[] {
  return article.links.filter((link) => link.kind === 'article').map((link) => index.get(link.target)?.url ?? '');
}
