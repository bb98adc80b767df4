// The model of a multilingual site: one Site per language, each made from its own articles as a
// one-language site is (site.ts), the default language's holding the others and the translations
// between them (translations.ts). Every later stage walks the languages through allSites. A site
// without `languages` is one Site, as before. Pure.

import type { Problem } from '../problems/index.js';
import type { ArticleMeta, Site, SiteLanguage } from '../types/index.js';
import { buildSite, type ModelOptions } from './site.js';
import { resolveTranslations, type TranslationOptions } from './translations.js';

/** What the model of a site in several languages is made with besides the articles. */
export interface SitesOptions extends ModelOptions, TranslationOptions {
  /** The site's languages, the default first (languages.ts). */
  languages: readonly SiteLanguage[];
  /** Whether the site is multilingual (the config lists `languages`), even with only one listed. */
  multilingual: boolean;
}

/**
 * The site model: for a multilingual site, the default language's Site holding the others
 * (otherLanguages) and the translations; else the one Site. `articles`: every article read, made
 * whole (a translation with what it takes from its original), what links resolve against.
 * Problems: the translations' and each language's (duplicate URLs), in file order.
 */
export function buildSites(all: readonly ArticleMeta[], options: SitesOptions): { site: Site; articles: readonly ArticleMeta[]; problems: Problem[] } {
  const first = options.languages[0];
  if (!options.multilingual) return { ...buildSite(all, { ...options, language: first }), articles: all };
  const resolved = resolveTranslations(all, first!.code, options);
  const problems = [...resolved.problems];
  const sites = options.languages.map((language) => {
    const built = buildSite(
      resolved.articles.filter((article) => article.lang === language.code),
      { ...options, language },
    );
    problems.push(...built.problems);
    return built.site;
  });
  const site: Site = { ...sites[0]!, otherLanguages: sites.slice(1), translations: resolved.translations };
  return { site, articles: resolved.articles, problems };
}

/** The site's Sites, one per language, the default first (one for a one-language site). */
export function allSites(site: Site): Site[] {
  return [site, ...(site.otherLanguages ?? [])];
}

/** What every language left out (drafts, scheduled, expired): a translation of a scheduled original is scheduled too. */
export function allLeftOut(site: Site): Site['leftOut'] {
  if (!site.otherLanguages) return site.leftOut;
  const sites = allSites(site);
  return { drafts: sites.flatMap((each) => each.leftOut.drafts), scheduled: sites.flatMap((each) => each.leftOut.scheduled), expired: sites.flatMap((each) => each.leftOut.expired) };
}

/** Every published article of every language. */
export function allArticles(site: Site): ArticleMeta[] {
  return site.otherLanguages ? allSites(site).flatMap((each) => each.articles) : site.articles;
}
