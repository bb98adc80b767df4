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
// index's typed arrays (a few bytes per article and tag) and each page's short list.
// model/related-patch.ts relies on this window: an article's list depends only on articles
// within candidatesPerTerm / 2 of it in one of its terms.

import type { ArticleMeta, Site } from '../types/index.js';

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
 * Term ids are the index's own (only equality counts in scoring), so that the dev server can
 * patch an index (model/related-patch.ts) without renumbering: a term that comes keeps a new id,
 * one that goes keeps an empty list. Never changed once made: patching makes a new index.
 */
export interface RelatedIndex {
  articles: readonly ArticleMeta[];
  /** By article id: date (epoch ms), topic id, tag ids (each once). */
  epoch: Float64Array;
  topicOf: Int32Array;
  tagsOf: Int32Array[];
  /** By topic or tag id: its article ids, ascending (newest first). */
  topicLists: Int32Array[];
  tagLists: Int32Array[];
  /** Term slug -> id. */
  topicIds: ReadonlyMap<string, number>;
  tagIds: ReadonlyMap<string, number>;
  /**
   * Marks of the candidates seen, by article id (this stamp = seen by the current call): scratch
   * space, shared by indexes of as many articles made one from another.
   */
  scratch: { seen: Uint32Array; stamp: number };
}

const DAY_MS = 86_400_000;

/** The inverted index of a site (see RelatedIndex): O(articles × tags). */
export function relatedIndex(site: Site): RelatedIndex {
  // Plain loops, and term lists filled in article order (so ascending) rather than through a map
  // of article -> id: the dev server made the index anew on every save (30 ms at 10,000 articles).
  const articles = site.articles;
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

/**
 * A site's related lists, each computed when first asked for and then kept: a build plans its
 * pages twice (fingerprints, then rendering), and relatedTo was 0.45 s of a no-op warm build's
 * 2.2 s at 10,000 articles. The index is made with the first list (never when `count` is 0).
 */
export class RelatedLists {
  private made: RelatedIndex | undefined;

  constructor(
    private readonly site: Site,
    readonly options: RelatedOptions,
    index?: RelatedIndex,
    /** By position in site.articles: the list, once computed (a hole until then). */
    readonly lists: Array<ArticleMeta[] | undefined> = new Array<ArticleMeta[] | undefined>(site.articles.length),
  ) {
    this.made = index;
  }

  /** The site's index, made on first use. */
  get index(): RelatedIndex {
    return (this.made ??= relatedIndex(this.site));
  }

  /** The related list of the article at `at` in site.articles (see relatedTo). */
  at(at: number): ArticleMeta[] {
    if (this.options.count <= 0) return [];
    let list = this.lists[at];
    if (!list) this.lists[at] = list = relatedTo(this.index, at, this.options);
    return list;
  }
}

/** One RelatedLists per Site (and options): made by the first article page planned, shared by the rest. */
const listsBySite = new WeakMap<Site, RelatedLists>();

/** The site's related lists (see RelatedLists), made on first use. */
export function relatedListsOf(site: Site, options: RelatedOptions): RelatedLists {
  let lists = listsBySite.get(site);
  if (!lists || lists.options !== options) {
    lists = new RelatedLists(site, options);
    listsBySite.set(site, lists);
  }
  return lists;
}

/** Use these lists for `site` (the dev server's, carried over from the previous site: model/related-patch.ts). */
export function adoptRelatedLists(site: Site, lists: RelatedLists): void {
  listsBySite.set(site, lists);
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
