// Article metadata read back from the cache index, given one shape: a module of its own, so that
// opening the cache does not load the Markdown stack that article.ts brings (~150 ms).

import type { ArticleMeta } from '../types/index.js';

/** Every field of ArticleMeta, in the order renderArticle (article.ts) writes them. */
export const META_FIELDS: ReadonlyArray<keyof ArticleMeta> = [
  'key', 'file', 'contentPath', 'title', 'slug', 'url', 'date', 'updated', 'expires', 'topic', 'tags', 'summary', 'source',
  'authors', 'draft', 'image', 'imageAlt', 'imageLine', 'imageColumn',
  'imageCaption', 'imageCredit', 'imageFocus', 'images', 'corrections', 'lang', 'translationKey', 'translationKeyAt', 'inherits', 'derived', 'aliases', 'aliasesLine', 'extra', 'urlLine', 'bodyLine', 'links',
];

/**
 * An article's metadata as a row: its fields' values in META_FIELDS order, what the cache index
 * stores (cache-index.ts; JSON writes an undefined value as null, and no field is ever null).
 */
export function metaRow(meta: ArticleMeta): unknown[] {
  return META_FIELDS.map((field) => meta[field]);
}

/**
 * The metadata of a row metaRow made (null read back as undefined). One object literal with every
 * field in renderArticle's order: every article read from the cache has one shape, the one freshly
 * rendered metadata has, so loops over 10,000 articles (sorting, grouping, planning) run
 * monomorphic; and its fields are the object's own, where an object filled field by field keeps
 * most of them in a second array (at 100,000 articles, 140 MB more, and 0.2 s more to make).
 * test/meta-fields.test.ts checks the literal against META_FIELDS.
 */
export function metaFromRow(row: readonly unknown[]): ArticleMeta {
  // `never`: each value takes its field's type; the row is what metaRow wrote of the same fields.
  const at = (i: number) => (row[i] ?? undefined) as never;
  return {
    key: at(0), file: at(1), contentPath: at(2), title: at(3), slug: at(4), url: at(5), date: at(6), updated: at(7), expires: at(8),
    topic: at(9), tags: at(10), summary: at(11), source: at(12), authors: at(13), draft: at(14), image: at(15), imageAlt: at(16),
    imageLine: at(17), imageColumn: at(18), imageCaption: at(19), imageCredit: at(20), imageFocus: at(21), images: at(22),
    corrections: at(23), lang: at(24), translationKey: at(25), translationKeyAt: at(26), inherits: at(27), derived: at(28), aliases: at(29),
    aliasesLine: at(30), extra: at(31), urlLine: at(32), bodyLine: at(33), links: at(34),
  };
}

/**
 * Metadata read back from JSON lacks the fields that were undefined, so its objects come in many
 * shapes: restored with every field, as metaFromRow makes them.
 */
export function withEveryField(meta: ArticleMeta): ArticleMeta {
  return metaFromRow(metaRow(meta));
}
