// The dev server's reverse link index: which articles link to each content path (by file), so a
// change to an article finds the pages that point at it.

import type { ArticleMeta } from '../types/index.js';

/** Content path -> the content paths of the articles whose bodies link to it. */
export type Linkers = Map<string, Set<string>>;

/** The reverse link index of these articles. */
export function linkersOf(articles: Iterable<ArticleMeta>): Linkers {
  const linkers: Linkers = new Map();
  for (const meta of articles) addLinks(linkers, meta);
  return linkers;
}

/** Record `meta`'s links to other articles. */
export function addLinks(linkers: Linkers, meta: ArticleMeta): void {
  for (const link of meta.links) {
    if (link.kind !== 'article') continue;
    let sources = linkers.get(link.target);
    if (!sources) linkers.set(link.target, (sources = new Set()));
    sources.add(meta.contentPath);
  }
}

/** Forget `meta`'s links to other articles. */
export function removeLinks(linkers: Linkers, meta: ArticleMeta): void {
  for (const link of meta.links) if (link.kind === 'article') linkers.get(link.target)?.delete(meta.contentPath);
}
