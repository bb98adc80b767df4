// The hreflang set of a multilingual site's page, one rule for the page's <head> and the sitemap
// so the two always agree: the page and every counterpart it has (by language code, in the order
// the config lists the languages in), then x-default, the default language's version, or the page
// itself when the default language has none.

import type { Alternate } from '../types/index.js';

/**
 * The hreflang links of the page at `url` with these counterparts (its own among them), x-default
 * last: the version in `defaultLanguage`, else the page itself.
 */
export function hreflangLinks(url: string, alternates: readonly Alternate[], defaultLanguage: string): Alternate[] {
  const fallback = alternates.find((alternate) => alternate.lang === defaultLanguage)?.url ?? url;
  return [...alternates, { lang: 'x-default', url: fallback }];
}
