// What rendering an article depends on besides its text: the config's article settings (part of
// every cache key) and, for a whole build, the paths, cache identity, body store and budget that
// the render jobs on the main thread and on workers share.

import type { SiteConfig } from '../config.js';
import { isMultilingual, siteLanguages } from '../languages.js';
import type { ArticleSettings } from '../types/index.js';
import type { RenderSetup } from './article-batch.js';
import { cacheIdentity, type ArticleCache } from './cache.js';

/**
 * The topic of an article that names none when the config sets no defaultTopic: a one-language
 * site's; on a multilingual site, a placeholder the model names in each language (model/translations.ts).
 */
const UNSET_TOPIC = 'News';

/** The settings an article's rendering (and so its cache key) depends on, from the config. */
export function articleSettings(config: SiteConfig): ArticleSettings {
  return {
    timeZone: config.timeZone,
    language: config.language,
    defaultTopic: config.defaultTopic ?? UNSET_TOPIC,
    summaryLength: config.summaryLength,
    basePath: config.basePath,
    tagLimit: config.tagLimit,
    // Only a multilingual site has the field: a one-language site's settings (and cache keys) are as they were.
    ...(isMultilingual(config) ? { languages: siteLanguages(config).map((language) => language.code) } : {}),
  };
}

/** What rendering any article of this build needs: paths, settings, cache identity and body store, budget. */
export function renderSetup(config: SiteConfig, cache: Pick<ArticleCache, 'store'>): RenderSetup {
  const settings = articleSettings(config);
  return {
    paths: { root: config.root, contentPath: config.contentPath },
    identity: cacheIdentity(settings),
    settings,
    store: cache.store,
    budgetMs: config.renderBudgetMs,
  };
}
