// Related articles: for each published article, the others that share its tags or topic, ranked
// the way Hugo's related content is (weighted indices, here the tags and the topic), leaning
// toward the ones nearest in time. Pure: a function of the Site and the `related` options. The
// candidate lists are the Site's own term groups (an inverted index term -> articles, newest
// first), so nothing is scanned that shares nothing with the article.
//
// Bounded: of each term the article has, only the `candidatesPerTerm` articles nearest to it in
// that term's list are scored (a binary search finds it there). One article costs
// O((tags + 1) × candidatesPerTerm) and the site O(articles × (tags + 1) × candidatesPerTerm):
// at 100,000 articles with 5 tags each and the default 40 candidates, about 24 million candidate
// visits, linear in the archive whatever the size of its largest tag, and no memory beyond each
// article's short list. dev/impact.ts relies on this window: an article's list depends only on
// articles within candidatesPerTerm / 2 of it in one of its terms.

import type { ArticleMeta, Site } from '../types.js';
import { newestFirst, sortedIndexOf } from './site.js';

/** The `related` config options (config.ts documents each). */
export interface RelatedOptions {
  /** Most related articles an article lists; 0 turns the feature off. */
  count: number;
  /** Score for each tag a candidate shares with the article. */
  tagWeight: number;
  /** Score for sharing the article's topic. */
  topicWeight: number;
  /** A candidate is listed only when its score (before the recency factor) is above this. */
  threshold: number;
  /** Days apart at which a candidate's score is halved; 0: time does not count. */
  recencyDays: number;
  /** Articles nearest in time examined per tag and topic of the article. */
  candidatesPerTerm: number;
}

/** An article's candidate lists: the articles of its topic and of each of its tags, newest first. */
export interface RelatedIndex {
  topics: ReadonlyMap<string, readonly ArticleMeta[]>;
  tags: ReadonlyMap<string, readonly ArticleMeta[]>;
}

const DAY_MS = 86_400_000;

/** The inverted index of a site: term slug -> its articles (shared with the Site, not copied). */
export function relatedIndex(site: Site): RelatedIndex {
  return {
    topics: new Map(site.topics.map((group) => [group.slug, group.articles])),
    tags: new Map(site.tags.map((group) => [group.slug, group.articles])),
  };
}

/**
 * The articles related to `article`, best first, at most `options.count`; never itself. Ranked by
 * score × recency, where score = tagWeight × shared tags + topicWeight × (same topic) and recency
 * = 1 / (1 + days apart / recencyDays); equal ranks newer first, then by URL.
 */
export function relatedTo(index: RelatedIndex, article: ArticleMeta, options: RelatedOptions): ArticleMeta[] {
  if (options.count <= 0) return [];
  const tagSlugs = new Set(article.tags.map((tag) => tag.slug));
  const seen = new Set<ArticleMeta>([article]);
  const ranked: { meta: ArticleMeta; rank: number }[] = [];
  const lists = [index.topics.get(article.topic.slug), ...[...tagSlugs].map((slug) => index.tags.get(slug))];
  for (const list of lists) {
    if (!list) continue;
    for (const candidate of nearest(list, article, options.candidatesPerTerm)) {
      if (seen.has(candidate)) continue;
      seen.add(candidate);
      const score = scoreOf(candidate, article, tagSlugs, options);
      if (score <= options.threshold) continue;
      ranked.push({ meta: candidate, rank: score * recency(candidate, article, options.recencyDays) });
    }
  }
  ranked.sort((a, b) => b.rank - a.rank || newestFirst(a.meta, b.meta));
  return ranked.slice(0, options.count).map((entry) => entry.meta);
}

/** Every published article's related list, by article URL. */
export function relatedArticles(site: Site, options: RelatedOptions): Map<string, ArticleMeta[]> {
  const index = relatedIndex(site);
  return new Map(site.articles.map((article) => [article.url, relatedTo(index, article, options)]));
}

/** The window of `list` (newest first) centred on `article`: `size` articles at most, itself included. */
function nearest(list: readonly ArticleMeta[], article: ArticleMeta, size: number): readonly ArticleMeta[] {
  if (list.length <= size) return list;
  const at = sortedIndexOf(list, article);
  const half = Math.floor(size / 2);
  return list.slice(Math.max(0, at - half), at + half + 1);
}

function scoreOf(candidate: ArticleMeta, article: ArticleMeta, tagSlugs: ReadonlySet<string>, options: RelatedOptions): number {
  let shared = 0;
  const counted = new Set<string>();
  for (const tag of candidate.tags) {
    // Two spellings of one tag on the candidate count once.
    if (tagSlugs.has(tag.slug) && !counted.has(tag.slug)) {
      counted.add(tag.slug);
      shared++;
    }
  }
  return options.tagWeight * shared + (candidate.topic.slug === article.topic.slug ? options.topicWeight : 0);
}

/** 1 for the same moment, 1/2 at recencyDays apart, 1/3 at twice that; always 1 when recencyDays is 0. */
function recency(candidate: ArticleMeta, article: ArticleMeta, recencyDays: number): number {
  if (recencyDays <= 0) return 1;
  return 1 / (1 + Math.abs(candidate.date.epoch - article.date.epoch) / DAY_MS / recencyDays);
}
