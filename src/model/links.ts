// Links between pages of the site, once every page is known: placeholders for links to other
// articles' files are replaced by those articles' URLs, and every internal link of every article
// is checked. A broken link is a warning (an error with --strict) naming the file and line.

import type { ArticleMeta } from '../render/article.js';
import { problem, type Problem } from '../problems.js';
import { escapeMarkup } from '../escape.js';
import { withBasePath } from '../urls.js';

/**
 * A relative link to another article's .md file cannot be resolved when its article is rendered
 * (the target's URL is known only when every file is read): markdown.ts writes it as
 * `broadsheet-article:<target>:<original>`, and resolveArticleLinks replaces it at page time.
 */
export const ARTICLE_LINK_PREFIX = 'broadsheet-article:';

/** Every article read this build (published or not), by its path in the content folder. */
export type ArticleIndex = Pick<ReadonlyMap<string, ArticleMeta>, 'get'>;

export function indexArticles(articles: readonly ArticleMeta[]): ArticleIndex {
  return new Map(articles.map((article) => [article.contentPath, article]));
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

/**
 * Problems with links from published articles: to article files that do not exist or are not in
 * this build (drafts, scheduled, expired), and to site paths no page or file answers.
 */
export function checkLinks(
  published: readonly ArticleMeta[],
  index: ArticleIndex,
  isPublished: (article: ArticleMeta) => boolean,
  servesPath: (sitePath: string) => boolean,
): Problem[] {
  const problems: Problem[] = [];
  for (const article of published) {
    const links = article.image?.startsWith('/') ? [...article.links, imageLink(article)] : article.links;
    for (const link of links) {
      let message: string | undefined;
      if (link.kind === 'article') {
        const target = index.get(link.target);
        if (!target) message = `links to content file ${link.target}, which does not exist`;
        else if (!isPublished(target)) message = `links to ${target.file}, which is not in this build (a draft, scheduled or expired)`;
      } else if (!servesPath(link.target)) {
        message = `links to ${link.target}, which no page of the site answers`;
      }
      if (message) {
        problems.push(
          problem('link-broken', article.file, { line: link.line, column: link.column }, {
            severity: 'warning',
            message,
            hint: 'link to another article by its file (../12/other.md) or its URL (/2025/12/18/slug/)',
          }),
        );
      }
    }
  }
  return problems;
}

/** The front-matter `image`, when it is a site path, checked like a link (at the image field's line). */
function imageLink(article: ArticleMeta): ArticleMeta['links'][number] {
  return { kind: 'path', target: article.image!.split(/[?#]/, 1)[0]!, line: article.imageLine ?? 1, column: 1 };
}

/** Does the set of written files answer a site path? "/a/" needs a/index.html; "/a" either a or a/index.html. */
export function pathServedBy(files: Pick<ReadonlySet<string>, 'has'>): (sitePath: string) => boolean {
  return (sitePath) => {
    const relative = sitePath.replace(/^\/+/, '');
    if (relative === '' || relative.endsWith('/')) return files.has(`${relative}index.html`);
    return files.has(relative) || files.has(`${relative}/index.html`);
  };
}
