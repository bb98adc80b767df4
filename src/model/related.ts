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
// visits, linear in the archive whatever the size of its largest tag. Measured on the 10,000-article
// bench corpus (2.5 tags each): 30 ms for the index, 0.3 s of CPU for every list; memory is the
// index's typed arrays (a few bytes per article and tag) and each page's short list. dev/impact.ts relies on this window: an article's list depends only on
// articles within candidatesPerTerm / 2 of it in one of its terms.

import type { ArticleMeta, Site } from '../types.js';

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

/**
 * A site's inverted index (term -> its articles, newest first) in numbers: an article is its
 * position in site.articles, so each term's list is ascending and found by binary search, and
 * scoring reads typed arrays. Articles come from the cache in many object shapes; reading their
 * fields per candidate (megamorphic property access) was most of the time at 10,000 articles.
 */
export interface RelatedIndex {
  articles: readonly ArticleMeta[];
  /** By article: its position in `articles`. */
  idOf: ReadonlyMap<ArticleMeta, number>;
  /** By article id: date (epoch ms), topic id, tag ids (each once). */
  epoch: Float64Array;
  topicOf: Int32Array;
  tagsOf: Int32Array[];
  /** By topic or tag id: its article ids, ascending (newest first). */
  topicLists: Int32Array[];
  tagLists: Int32Array[];
  /** Scratch marks of the candidates seen, by article id (this stamp = seen by the current call). */
  seen: Uint32Array;
  stamp: number;
}

const DAY_MS = 86_400_000;

/** The inverted index of a site (see RelatedIndex): O(articles × tags) once per Site. */
export function relatedIndex(site: Site): RelatedIndex {
  // Plain loops, not typed-array `from` with a callback: the dev server makes the index anew on
  // every save, and the generic iteration of `from` was ~30 ms of it at 10,000 articles.
  const articles = site.articles;
  const count = articles.length;
  const idOf = new Map<ArticleMeta, number>();
  for (let id = 0; id < count; id++) idOf.set(articles[id]!, id);
  const termIds = (groups: Site['topics']) => {
    const ids = new Map<string, number>();
    for (let id = 0; id < groups.length; id++) ids.set(groups[id]!.slug, id);
    return ids;
  };
  const topicIds = termIds(site.topics);
  const tagIds = termIds(site.tags);
  const lists = (groups: Site['topics']) =>
    groups.map((group) => {
      const list = new Int32Array(group.articles.length);
      for (let i = 0; i < list.length; i++) list[i] = idOf.get(group.articles[i]!)!;
      return list;
    });
  const epoch = new Float64Array(count);
  const topicOf = new Int32Array(count);
  const tagsOf: Int32Array[] = new Array(count);
  for (let id = 0; id < count; id++) {
    const article = articles[id]!;
    epoch[id] = article.date.epoch;
    topicOf[id] = topicIds.get(article.topic.slug) ?? -1;
    const tags = article.tags;
    const own = new Int32Array(tags.length);
    let size = 0;
    for (const tag of tags) {
      const tagId = tagIds.get(tag.slug) ?? -1;
      if (!own.subarray(0, size).includes(tagId)) own[size++] = tagId;
    }
    tagsOf[id] = size === own.length ? own : own.slice(0, size);
  }
  return { articles, idOf, epoch, topicOf, tagsOf, topicLists: lists(site.topics), tagLists: lists(site.tags), seen: new Uint32Array(count), stamp: 0 };
}

/**
 * The articles related to `article`, best first, at most `options.count`; never itself, nothing
 * when it is not one of the index's articles. Ranked by score × recency, where score = tagWeight
 * × shared tags + topicWeight × (same topic) and recency = 1 / (1 + days apart / recencyDays);
 * equal ranks newer first, then by URL.
 */
export function relatedTo(index: RelatedIndex, article: ArticleMeta, options: RelatedOptions): ArticleMeta[] {
  const self = index.idOf.get(article);
  if (options.count <= 0 || self === undefined) return [];
  const stamp = nextStamp(index);
  index.seen[self] = stamp;
  const ownTags = index.tagsOf[self]!;
  const topic = index.topicOf[self]!;
  const epoch = index.epoch[self]!;
  const best: Ranked[] = [];
  const lists = [index.topicLists[topic], ...Array.from(ownTags, (tag) => index.tagLists[tag])];
  for (const list of lists) {
    if (!list) continue;
    const [from, to] = nearest(list, self, options.candidatesPerTerm);
    for (let i = from; i < to; i++) {
      const candidate = list[i]!;
      if (index.seen[candidate] === stamp) continue;
      index.seen[candidate] = stamp;
      let shared = 0;
      for (const tag of index.tagsOf[candidate]!) if (ownTags.includes(tag)) shared++;
      const score = options.tagWeight * shared + (index.topicOf[candidate] === topic ? options.topicWeight : 0);
      if (score <= options.threshold) continue;
      const days = Math.abs(index.epoch[candidate]! - epoch) / DAY_MS;
      const recency = options.recencyDays > 0 ? 1 / (1 + days / options.recencyDays) : 1;
      keepBest(best, { id: candidate, rank: score * recency }, options.count);
    }
  }
  return best.map((entry) => index.articles[entry.id]!);
}

/** A fresh mark for `seen`; after 2^32 - 1 calls the marks are cleared and counting restarts. */
function nextStamp(index: RelatedIndex): number {
  if (index.stamp === 0xffffffff) {
    index.seen.fill(0);
    index.stamp = 0;
  }
  return ++index.stamp;
}

interface Ranked {
  /** Article id: a lower one is newer (or as new with an earlier URL), site.articles' order. */
  id: number;
  rank: number;
}

/**
 * Insert `entry` into `best` (best first, at most `count`) if it belongs there. Keeping the top few
 * rather than sorting every candidate.
 */
function keepBest(best: Ranked[], entry: Ranked, count: number): void {
  let at = best.length;
  while (at > 0 && before(entry, best[at - 1]!)) at--;
  if (at >= count) return;
  best.splice(at, 0, entry);
  if (best.length > count) best.pop();
}

/** Higher rank first; equal ranks newer first, then by URL (the order of site.articles). */
function before(a: Ranked, b: Ranked): boolean {
  return a.rank > b.rank || (a.rank === b.rank && a.id < b.id);
}

/** Every published article's related list, by article URL. */
export function relatedArticles(site: Site, options: RelatedOptions): Map<string, ArticleMeta[]> {
  const index = relatedIndex(site);
  return new Map(site.articles.map((article) => [article.url, relatedTo(index, article, options)]));
}

/** The window of `list` (ascending ids) centred on `self`, as [from, to): `size` + 1 places at most, itself included. */
function nearest(list: Int32Array, self: number, size: number): [number, number] {
  if (list.length <= size) return [0, list.length];
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (list[middle]! < self) low = middle + 1;
    else high = middle;
  }
  const half = Math.floor(size / 2);
  return [Math.max(0, low - half), Math.min(list.length, low + half + 1)];
}
