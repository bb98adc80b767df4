// The catalogue's entries for old URLs (front-matter `aliases`, answered with redirect pages by
// pages/redirects.ts): an old URL that is also a page or a file of the site, or that two articles claim.
// Part of the one catalogue (catalogue.ts spreads these in).

import type { CatalogueEntry } from './entry.js';

/**
 * The facts of a redirect problem. `alias`: the old URL as written; `url`: the page it collides
 * with; `other`, `otherLine`: the article that also lists it, or that owns the page.
 */
export interface RedirectArgs {
  'alias-collision':
    | { kind: 'page'; alias: string; url: string; other?: string }
    | { kind: 'two-articles'; alias: string; other: string; otherLine: number }
    | { kind: 'file'; alias: string; file: string };
}

/** One entry per redirect code. */
export const redirectEntries: { readonly [C in keyof RedirectArgs]: CatalogueEntry<RedirectArgs[C]> } = {
  'alias-collision': {
    title: 'Old URL taken twice',
    help: 'An old URL in `aliases` would redirect to this article, but it is also a page of the site or another article\'s old URL: remove it from one of them.',
    field: 'aliases',
    message: (a) =>
      a.kind === 'page'
        ? `the old URL ${a.alias} is also the page ${a.url}${a.other ? ` (${a.other})` : ''}: a redirect would replace it`
        : a.kind === 'file'
          ? `the old URL ${a.alias} ${a.file === a.alias.replace(/^\/+/, '') ? 'is' : 'runs through'} the file /${a.file} the site makes (a feed, a sitemap, an asset): a redirect would replace it`
          : `the old URL ${a.alias} is also listed by ${a.other}:${a.otherLine}`,
    hint: (a) =>
      a.kind === 'page' || a.kind === 'file'
        ? 'remove it from aliases: the site answers at that URL already'
        : 'an old URL can redirect to one article only: remove it from one of the two',
  },
};
