// What every output kind needs to know about the build it belongs to: the config, the site model,
// the articles by content path, the template engine, the manifest and the writer, and the three
// lookups made of them (an article's body with its links resolved, where those links go, the site
// fingerprint). Built once per build and once per dev update, by the same function, so the full
// build and the dev server cannot drift apart in how a page's inputs are read or fingerprinted.

import type { SiteConfig } from '../config.js';
import { NO_IMAGES, type SiteImages } from '../images/site-images.js';
import { resolveBodyImages } from '../images/placeholders.js';
import { siteGlobals, type SiteGlobals } from '../pages/render-page.js';
import type { Templates } from '../pages/templates.js';
import { articleLinkTargets, resolveArticleLinks } from '../render/article-links.js';
import type { ArticleCache } from '../render/cache.js';
import { bodyReader } from './collect.js';
import type { Progress } from '../report.js';
import type { ArticleIndex, ArticleMeta, Site } from '../types/index.js';
import { codeIdentity } from '../version.js';
import type { WorkerPool } from '../workers/pool.js';
import { fingerprint } from '../write/fingerprint.js';
import { type OutputManifest } from '../write/manifest.js';
import type { OutputWriter } from '../write/output-writer.js';

/** The build an output belongs to (see the top of this file). */
export interface OutputContext {
  config: SiteConfig;
  site: Site;
  /** Every article read (published or not), by content path: what links between articles resolve against. */
  index: ArticleIndex;
  templates: Templates;
  cache: ArticleCache;
  manifest: OutputManifest;
  writer: OutputWriter;
  /** The build time (epoch ms): the news sitemap's window. */
  now: number;
  progress: Progress;
  /** The `site` variable of every template. */
  globals: SiteGlobals;
  /** What every output depends on: Broadsheet's code, the config and the site globals. */
  siteFingerprint: string;
  /** Body HTML of an article, its links to other articles resolved. */
  bodyOf(article: ArticleMeta): Promise<string>;
  /** The URLs an article's links to other articles resolve to: part of its page's fingerprint. */
  linkTargets(article: ArticleMeta): string[];
  /** Renders pages on worker threads when there are enough of them (a full build; absent in dev updates). */
  pool?: WorkerPool;
  /** What the image stage made: each article's image markup and crops, and the files to write. */
  images: SiteImages;
  /** Body HTML for feeds: as bodyOf, with plain sized <img> for body images (feed readers ignore <picture>). */
  feedBodyOf(article: ArticleMeta): Promise<string>;
}

/** The parts of an OutputContext that are given; the rest is derived from them. */
export type OutputContextInput = Omit<OutputContext, 'globals' | 'siteFingerprint' | 'bodyOf' | 'linkTargets' | 'images' | 'feedBodyOf'> & { images?: SiteImages };

/** An OutputContext for this build or update. */
export function outputContext(input: OutputContextInput): OutputContext {
  const { config, site, index, cache } = input;
  const readBody = bodyReader(config, cache);
  const urlOf = (contentPath: string) => index.get(contentPath)?.url;
  const globals = siteGlobals(site, config);
  const images = input.images ?? NO_IMAGES;
  const bodyOf = async (article: ArticleMeta) => resolveArticleLinks(await readBody(article), urlOf, config.basePath);
  return {
    ...input,
    globals,
    images,
    siteFingerprint: siteFingerprintOf(config, globals),
    bodyOf,
    feedBodyOf: async (article) => resolveBodyImages(await bodyOf(article), images.feedOf(article)?.body),
    linkTargets: (article) => articleLinkTargets(article, index),
  };
}

/** The site fingerprint: Broadsheet's code, the config, the site globals (templates count per page). */
export function siteFingerprintOf(config: SiteConfig, globals: SiteGlobals): string {
  return fingerprint(codeIdentity(), config, globals);
}
