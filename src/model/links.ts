// Links between pages of the site, checked once every page is known: every internal link of every
// published article must reach an article in the build or a path some page or file answers. A broken
// link is a warning (an error with --strict) naming the file and line.

import { problem, type Problem, type ProblemArgs } from '../problems/index.js';
import type { ArticleIndex, ArticleMeta } from '../types/index.js';

/** Every article read this build, by its path in the content folder. */
export function indexArticles(articles: readonly ArticleMeta[]): ArticleIndex {
  return new Map(articles.map((article) => [article.contentPath, article]));
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
    // Images are not links: the image stage (src/images/) finds and reports them.
    for (const link of article.links) {
      let broken: ProblemArgs['link-broken'] | undefined;
      if (link.kind === 'article') {
        const target = index.get(link.target);
        if (!target) broken = { kind: 'no-such-file', target: link.target };
        else if (!isPublished(target)) broken = { kind: 'not-in-build', target: target.file };
      } else if (!servesPath(link.target)) {
        broken = { kind: 'no-such-page', target: link.target };
      }
      if (broken) problems.push(problem('link-broken', article.file, { line: link.line, column: link.column }, broken));
    }
  }
  return problems;
}

/** Does the set of written files answer a site path? "/a/" needs a/index.html; "/a" either a or a/index.html. */
export function pathServedBy(files: Pick<ReadonlySet<string>, 'has'>): (sitePath: string) => boolean {
  return (sitePath) => {
    const relative = sitePath.replace(/^\/+/, '');
    if (relative === '' || relative.endsWith('/')) return files.has(`${relative}index.html`);
    return files.has(relative) || files.has(`${relative}/index.html`);
  };
}
