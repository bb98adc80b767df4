// The hreflang set of a multilingual site's page, one rule for the page's <head> and the sitemap
// so the two always agree: the page and every counterpart it has (by language code, in the order
// the config lists the languages in), then x-default. Every page of a set names the same x-default
// (search engines ignore sets that disagree): the default language's version, else the first
// counterpart in the listed order (a story whose original is a draft, told in ru and en).

import type { Alternate } from '../types/index.js';

/**
 * The hreflang links of a page with these counterparts (its own among them, in the listed order),
 * x-default last: the version in `defaultLanguage`, else the first of them. One set, one answer:
 * each of its pages gets the same links.
 */
export function hreflangLinks(alternates: readonly Alternate[], defaultLanguage: string): Alternate[] {
  const fallback = (alternates.find((alternate) => alternate.lang === defaultLanguage) ?? alternates[0])?.url;
  return fallback === undefined ? [...alternates] : [...alternates, { lang: 'x-default', url: fallback }];
}
