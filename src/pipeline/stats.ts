// The closing figures of a build (report.ts prints them, --stats writes them), from what its
// stages did: the commit, the outputs, the articles collected, the images, the clock.

import { allSites, allArticles } from '../model/languages.js';
import type { BuildStats } from '../report.js';
import type { PhaseTime } from '../timing.js';
import type { Site, Term } from '../types/index.js';
import type { WriteStats } from '../write/output-writer.js';
import type { OutputName, WrittenOutputs } from './outputs.js';

/** What the figures are made of besides the commit and the outputs. */
export interface StatsInput {
  site: Site;
  /** Pages the site has (the outputs list only those an update planned). */
  pages: number;
  rendered: number;
  sourcesRead: number;
  cacheHits: number;
  threads: number;
  started: number;
  phases: PhaseTime[];
  images: number;
  imagesProcessed: number;
  /** An update: how many articles changed, came or went (only what they reach was made). */
  changed?: number;
}

/** The build's figures (see the top of this file). */
export function buildStats(written: WriteStats, outputs: WrittenOutputs, run: StatsInput): BuildStats {
  const count = (name: OutputName) => outputs.counts.get(name) ?? 0;
  return {
    ...written,
    articles: allArticles(run.site).length,
    rendered: run.rendered,
    cacheHits: run.cacheHits,
    sourcesRead: run.sourcesRead,
    threads: run.threads,
    pages: run.pages,
    pagesRendered: outputs.pages.rendered,
    feeds: count('feeds'),
    sitemaps: count('sitemaps') + count('news-sitemap'),
    assets: count('assets') + count('webmanifest') + count('static'),
    images: run.images,
    imagesProcessed: run.imagesProcessed,
    imageFiles: count('images'),
    topics: distinct(run.site, (site) => site.topics),
    tags: distinct(run.site, (site) => site.tags),
    milliseconds: performance.now() - run.started,
    phases: run.phases,
    ...(run.changed !== undefined ? { changedArticles: run.changed } : {}),
  };
}

/** How many terms the site has in any of its languages (a term keeps its slug in each). */
function distinct(site: Site, terms: (site: Site) => readonly Term[]): number {
  return new Set(allSites(site).flatMap((each) => terms(each).map((term) => term.slug))).size;
}
