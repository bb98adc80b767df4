// Feeds: RSS 2.0 (/feed.xml), Atom 1.0 (/atom.xml) and JSON Feed 1.1 (/feed.json), for the site
// and for every topic and tag (/topics/<t>/feed.xml, ...). This module writes them through the
// output manifest; which feeds exist and what their entries hold is plan.ts, and each format is
// its own serialiser (rss.ts, atom.ts, json-feed.ts), which also says how each field is escaped.
//
// Written by hand rather than with the `feed` package, for three reasons: `feed` 6 emits JSON
// Feed 1.0, not 1.1; it (like feedsmith) rewrites every date into UTC, where we keep the
// newsroom's offset (2025-12-18T19:20:00+05:00) as readers saw it; and a large archive writes
// hundreds of feeds, so entries are plain string templates with bodies in CDATA (no escaping pass
// over each body). Tests parse every format with a real feed parser.

import { outputFileFor } from '../../urls.js';
import type { OutputWriter } from '../../write/output-writer.js';
import { fingerprint } from '../../write/fingerprint.js';
import { writeUnlessCurrent, type OutputManifest } from '../../write/manifest.js';
import { atom } from './atom.js';
import { jsonFeed } from './json-feed.js';
import { ATOM, entryOf, FEED_FORMATS, feedUrl, JSON_FEED, planFeeds, RSS, type EntrySource, type FeedSpec } from './plan.js';
import { rss } from './rss.js';
import type { ArticleMeta } from '../../types/index.js';
import type { Site } from '../../types/index.js';
import { planningText } from '../index.js';
import type { Templates } from '../templates.js';

export { absoluteLinks, FEED_FORMATS, feedLinks, feedUrl, planFeeds, type FeedFormat, type FeedSpec } from './plan.js';

/** What writing feeds needs besides the site: entry sources, and what decides a feed is current. */
export interface FeedContext extends EntrySource {
  /** What an article's links to other articles resolve to (they are in full-content feeds). */
  linkTargets(article: ArticleMeta): string[];
  manifest: OutputManifest;
  siteFingerprint: string;
  /** The theme's texts: feeds' descriptions. */
  templates: Pick<Templates, 'strings'>;
}

/**
 * Write every feed of the site whose entries changed; returns the number of feed files. `only`
 * (the dev server) names the feeds a change can have touched: the others are kept as they are.
 */
export async function writeFeeds(site: Site, context: FeedContext, writer: OutputWriter, only?: (feed: FeedSpec) => boolean): Promise<number> {
  let files = 0;
  for (const feed of planFeeds(site, context.config, planningText(context.config, context.templates.strings))) {
    if (only && !only(feed)) {
      for (const format of FEED_FORMATS) writer.keep(outputFileFor(feedUrl(feed.listUrl, format)));
      files += FEED_FORMATS.length;
      continue;
    }
    const images = context.imagesOf ? feed.articles.map((article) => context.imagesOf!(article) ?? null) : null;
    const print = fingerprint(context.siteFingerprint, feed, feed.content === 'full' ? feed.articles.map(context.linkTargets) : null, images);
    let rendered: Map<string, string> | undefined;
    for (const format of FEED_FORMATS) {
      const url = feedUrl(feed.listUrl, format);
      await writeUnlessCurrent(writer, context.manifest, outputFileFor(url), print, async () => {
        rendered ??= new Map(await renderFeed(feed, context));
        return rendered.get(url)!;
      });
      files++;
    }
  }
  return files;
}

/** Every file of one feed: [site path, text] for each format. */
export async function renderFeed(feed: FeedSpec, context: EntrySource): Promise<Array<[string, string]>> {
  const entries = await Promise.all(feed.articles.map((article) => entryOf(article, feed, context)));
  return [
    [feedUrl(feed.listUrl, RSS), rss(feed, entries, context.config)],
    [feedUrl(feed.listUrl, ATOM), atom(feed, entries, context.config)],
    [feedUrl(feed.listUrl, JSON_FEED), jsonFeed(feed, entries, context.config)],
  ];
}
