// Article metadata read back from the cache index, given one shape: a module of its own, so that
// opening the cache does not load the Markdown stack that article.ts brings (~150 ms).

import type { ArticleMeta } from '../types/index.js';

/** Every field of ArticleMeta, in the order renderArticle (article.ts) writes them. */
const META_FIELDS: ReadonlyArray<keyof ArticleMeta> = [
  'key', 'file', 'contentPath', 'title', 'slug', 'url', 'date', 'updated', 'expires', 'topic', 'tags', 'summary', 'source',
  'authors', 'draft', 'image', 'imageAlt', 'imageLine', 'imageColumn',
  'imageCaption', 'imageCredit', 'imageFocus', 'images', 'corrections', 'lang', 'translationKey', 'inherits', 'derived', 'aliases', 'aliasesLine', 'extra', 'urlLine', 'bodyLine', 'links',
];

/**
 * Metadata read back from JSON (the cache index) lacks the fields that were undefined, so its
 * objects come in many shapes, and every loop over 10,000 articles (sorting, grouping, planning)
 * runs megamorphic property loads. Restored with every field in renderArticle's order, they share
 * one shape with freshly rendered metadata.
 */
export function withEveryField(meta: ArticleMeta): ArticleMeta {
  const restored: Record<string, unknown> = {};
  for (const field of META_FIELDS) restored[field] = meta[field];
  return restored as unknown as ArticleMeta;
}
