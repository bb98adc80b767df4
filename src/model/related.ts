// Related articles: for each published article, the others that share its tags or topic, ranked
// the way Hugo's related content is (weighted indices, here the tags and the topic), leaning
// toward the ones nearest in time. Computed by the model stage for every article (Site.related):
// pages only read them. Pure: a function of the published articles and the `related` options. The
// candidate lists are the Site's own term groups (an inverted index term -> articles, newest
// first), so nothing is scanned that shares nothing with the article.
//
// Bounded: of each term the article has, only the `candidatesPerTerm` articles nearest to it in
// that term's list are scored (a binary search finds it there). One article costs
// O((tags + 1) × candidatesPerTerm) and the site O(articles × (tags + 1) × candidatesPerTerm):
// at 100,000 articles with 5 tags each and the default 40 candidates, about 24 million candidate
// visits, linear in the archive whatever the size of its largest tag. Measured on the 10,000-article
// bench corpus (2.5 tags each): 30 ms for the index, 0.3 s of CPU for every list; memory is the
// index's typed arrays (a few bytes per article and tag) and each page's short list.
// model/related-patch.ts relies on this window: an article's list depends only on articles
// within candidatesPerTerm / 2 of it in one of its terms.

import type { ArticleMeta, RelatedArticles, RelatedIndex, RelatedOptions } from '../types/index.js';
import { lowerBound } from '../lower-bound.js';

const DAY_MS = 86_400_000;

/**
 * Every published article's related list (`articles` newest first, as Site.articles): O(articles ×
 * (tags + 1) × candidatesPerTerm), 0.3 s of CPU at 10,000 articles.
 */
export function relatedArticles(articles: readonly ArticleMeta[], options: RelatedOptions): RelatedArticles {
  if (options.count <= 0) return { options, lists: articles.map(() => NONE) };
  const index = relatedIndex(articles);
  return { options, index, lists: articles.map((_, at) => relatedTo(index, at, options)) };
}

/** The list of an article with no related articles (shared: every list is read-only). */
const NONE: readonly ArticleMeta[] = Object.freeze([]);

/** The inverted index of the published articles, newest first (see RelatedIndex): O(articles × tags). */
export function relatedIndex(articles: readonly ArticleMeta[]): RelatedIndex {
  // Plain loops, and term lists filled in article order (so ascending) rather than through a map
  // of article -> id.
  const count = articles.length;
  const topicIds = new Map<string, number>();
  const tagIds = new Map<string, number>();
  const topics: number[][] = [];
  const tags: number[][] = [];
  const idOf = (ids: Map<string, number>, lists: number[][], slug: string) => {
    let id = ids.get(slug);
    if (id === undefined) {
      id = lists.length;
      ids.set(slug, id);
      lists.push([]);
    }
    return id;
  };
  const epoch = new Float64Array(count);
  const topicOf = new Int32Array(count);
  const tagsOf: Int32Array[] = new Array(count);
  for (let id = 0; id < count; id++) {
    const article = articles[id]!;
    epoch[id] = article.date.epoch;
    const topic = idOf(topicIds, topics, article.topic.slug);
    topicOf[id] = topic;
    topics[topic]!.push(id);
    const own = ownTags(article, (slug) => idOf(tagIds, tags, slug));
    for (const tag of own) tags[tag]!.push(id);
    tagsOf[id] = own;
  }
  return {
    articles,
    epoch,
    topicOf,
    tagsOf,
    topicLists: topics.map((list) => Int32Array.from(list)),
    tagLists: tags.map((list) => Int32Array.from(list)),
    topicIds,
    tagIds,
    scratch: { seen: new Uint32Array(count), stamp: 0 },
  };
}

/** An article's tag ids, each once (two spellings of a tag are one tag). */
export function ownTags(article: ArticleMeta, idOf: (slug: string) => number): Int32Array {
  const tags = article.tags;
  const own = new Int32Array(tags.length);
  let size = 0;
  for (const tag of tags) {
    const tagId = idOf(tag.slug);
    if (!own.subarray(0, size).includes(tagId)) own[size++] = tagId;
  }
  return size === own.length ? own : own.slice(0, size);
}

/**
 * The articles related to the article at `self` (its position in the index's articles), best
 * first, at most `options.count`; never itself. Ranked by score × recency, where score =
 * tagWeight × shared tags + topicWeight × (same topic) and recency = 1 / (1 + days apart /
 * recencyDays); equal ranks newer first, then by URL.
 */
export function relatedTo(index: RelatedIndex, self: number, options: RelatedOptions): ArticleMeta[] {
  if (options.count <= 0 || self < 0 || self >= index.articles.length) return [];
  const stamp = nextStamp(index.scratch);
  const seen = index.scratch.seen;
  seen[self] = stamp;
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
      if (seen[candidate] === stamp) continue;
      seen[candidate] = stamp;
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
function nextStamp(scratch: RelatedIndex['scratch']): number {
  if (scratch.stamp === 0xffffffff) {
    scratch.seen.fill(0);
    scratch.stamp = 0;
  }
  return ++scratch.stamp;
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

/** The window of `list` (ascending ids) centred on `self`, as [from, to): `size` + 1 places at most, itself included. */
function nearest(list: Int32Array, self: number, size: number): [number, number] {
  if (list.length <= size) return [0, list.length];
  const at = positionIn(list, self);
  const half = Math.floor(size / 2);
  return [Math.max(0, at - half), Math.min(list.length, at + half + 1)];
}

/** Where article id `id` is, or would go, in an ascending id list of the index. */
export function positionIn(list: Int32Array, id: number): number {
  return lowerBound(list.length, (at) => list[at]! >= id);
}
