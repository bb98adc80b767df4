// The languages of a site, each with what its pages need settled: its code, whether it is the
// default (its pages at the site's root) or lives under /<code>/, the locale its dates and numbers
// are written in, its script's direction, and the site's title and description in it. A site
// without `languages` has one language, `language`, exactly as before.

import type { SiteConfig } from './config.js';
import type { SiteLanguage } from './types/index.js';

export type { SiteLanguage } from './types/index.js';

/** The locale a language's dates and numbers are written in on a multilingual site, unless its settings name one. */
const DEFAULT_LOCALES: Readonly<Record<string, string>> = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' };

/** Does the site publish in more than one language (a `languages` setting)? */
export function isMultilingual(config: Pick<SiteConfig, 'languages'>): boolean {
  return config.languages !== undefined;
}

/** The site's languages, the default first, then in the order the config lists them. */
export function siteLanguages(config: Pick<SiteConfig, 'language' | 'languages' | 'title' | 'description'>): SiteLanguage[] {
  if (!config.languages) {
    return [{ code: config.language, isDefault: true, prefix: '', locale: config.language, direction: 'ltr', title: config.title, description: config.description }];
  }
  const codes = Object.keys(config.languages);
  const ordered = [config.language, ...codes.filter((code) => code !== config.language)];
  return ordered.map((code) => {
    const settings = config.languages![code] ?? { direction: 'ltr' as const };
    const isDefault = code === config.language;
    return {
      code,
      isDefault,
      prefix: isDefault ? '' : `/${code}`,
      locale: settings.locale ?? DEFAULT_LOCALES[code] ?? code,
      direction: settings.direction,
      title: settings.title ?? config.title,
      description: settings.description ?? config.description,
    };
  });
}

/**
 * Rank of each language code in the order the config's `languages` lists them: the order readers
 * see (the switcher, each page's hreflang list), where siteLanguages puts the default first.
 */
export function listedOrder(config: Pick<SiteConfig, 'language' | 'languages'>): (code: string) => number {
  const codes = config.languages ? Object.keys(config.languages) : [config.language];
  return (code) => {
    const at = codes.indexOf(code);
    return at === -1 ? codes.length : at;
  };
}

/** The site's language with this code, if it has one. */
export function siteLanguage(config: Pick<SiteConfig, 'language' | 'languages' | 'title' | 'description'>, code: string): SiteLanguage | undefined {
  return siteLanguages(config).find((language) => language.code === code);
}

/**
 * The config as one language's pages see it: its code as the site's language, the site's title and
 * description in it, and its URL prefix. The default language's is the config as it is.
 */
export function configFor<C extends Pick<SiteConfig, 'language' | 'title' | 'description' | 'urlPrefix'>>(config: C, language: SiteLanguage): C {
  if (language.isDefault && language.title === config.title && language.description === config.description) return config;
  return { ...config, language: language.code, title: language.title, description: language.description, urlPrefix: language.prefix };
}
