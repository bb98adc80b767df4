// The related lists after a few articles changed: the previous site's index and lists
// (model/related.ts) carried over to the patched site (model/patch.ts), with only what the change
// can reach scored again. Making the index anew for every save was 20 ms at 10,000 articles, and
// scoring every list as many again.
//
// What a change can reach (model/related.ts's window): an article's list depends only on the
// articles within candidatesPerTerm / 2 of it in one of its terms, so a change to an article
// reaches only the articles within candidatesPerTerm of it, before or after the change, in the
// lists of its topic and tags (a term list that crosses the window's size, taken whole on one
// side, lies within that distance whole). The index is patched for the changed articles; when
// articles move, come or go (a date edit past a neighbour, an add, a delete), its article ids are
// renumbered first and the lists carried over by article. Pure, like patch.ts: nothing of the
// previous site's index or lists is changed.

import type { ArticleChange, ArticleMeta, RelatedArticles, RelatedIndex, Site } from '../types/index.js';
import { ownTags, positionIn, relatedArticles, relatedTo } from './related.js';
import { sortedIndexOf } from './site.js';

/**
 * The related articles of `site` (`previous` patched with `changes`: only its articles are read),
 * carried over from `previous`'s, and the unchanged articles whose related list is not what it
 * was, entry for entry (an edited article is a new object, so a list showing it is changed too).
 * Equal to relatedArticles(site.articles) made afresh (test/model.test.ts).
 */
export function carryRelated(previous: Site, site: Pick<Site, 'articles'>, changes: readonly ArticleChange[]): { related: RelatedArticles; changed: ArticleMeta[] } {
  const before = previous.related;
  const options = before.options;
  const old = before.index;
  // Every list is empty, before and after: nothing to carry.
  if (!old) return { related: relatedArticles(site.articles, options), changed: [] };
  const moves = changes.map(({ before: was, after: is }) => ({
    was: was ? sortedIndexOf(previous.articles, was) : -1,
    is: is ? sortedIndexOf(site.articles, is) : -1,
    article: was,
  }));
  const stable = previous.articles.length === site.articles.length && moves.every(({ was, is }) => was === is);
  // By position in site.articles: where the article was in previous.articles (-1: a changed one).
  const oldPosition = stable ? undefined : oldPositions(previous, site, changes);
  const newPosition = stable ? undefined : inverse(oldPosition!, previous.articles.length);
  const index = patchIndex(old, site, moves, stable ? undefined : { old: oldPosition!, new: newPosition! });
  const lists: Array<readonly ArticleMeta[]> = stable ? before.lists.slice() : Array.from(oldPosition!, (at) => (at === -1 ? [] : before.lists[at]!));
  for (const { is } of moves) if (is !== -1) lists[is] = relatedTo(index, is, options);

  // The unchanged articles (by position in site.articles) whose lists may differ.
  const suspects = new Set<number>();
  const changedAt = new Set(moves.map(({ is }) => is));
  const suspect = (at: number) => {
    if (at !== -1 && !changedAt.has(at) && (stable || oldPosition![at] !== -1)) suspects.add(at);
  };
  for (const { was, is, article } of moves) {
    if (stable && was !== -1 && sameInputs(old, index, was)) {
      // Same place, date, topic and tags: every score is as it was; only the lists showing it
      // change (to show the new object).
      for (const at of reach(old, was, options.candidatesPerTerm)) if (before.lists[at]!.includes(article!)) suspect(at);
      continue;
    }
    if (was !== -1) for (const at of reach(old, was, options.candidatesPerTerm)) suspect(stable ? at : newPosition![at]!);
    if (is !== -1) for (const at of reach(index, is, options.candidatesPerTerm)) suspect(at);
  }
  const changed: ArticleMeta[] = [];
  for (const at of suspects) {
    const was = before.lists[stable ? at : oldPosition![at]!]!;
    const now = relatedTo(index, at, options);
    lists[at] = now;
    if (was.length !== now.length || was.some((entry, i) => entry !== now[i])) changed.push(site.articles[at]!);
  }
  return { related: { options, index, lists }, changed };
}

/** The ids within `window` places of article `self` in each of its term lists (itself included). */
function* reach(index: RelatedIndex, self: number, window: number): Generator<number> {
  const lists = [index.topicLists[index.topicOf[self]!]!, ...Array.from(index.tagsOf[self]!, (tag) => index.tagLists[tag]!)];
  for (const list of lists) {
    const at = positionIn(list, self);
    const to = Math.min(list.length, at + window + 1);
    for (let i = Math.max(0, at - window); i < to; i++) yield list[i]!;
  }
}

/** Same date, topic and tags at `id` in both indexes (which share term ids)? */
function sameInputs(a: RelatedIndex, b: RelatedIndex, id: number): boolean {
  const tagsA = a.tagsOf[id]!;
  const tagsB = b.tagsOf[id]!;
  return a.epoch[id] === b.epoch[id] && a.topicOf[id] === b.topicOf[id] && tagsA.length === tagsB.length && tagsA.every((tag) => tagsB.includes(tag));
}

/**
 * The index of `site` from `old`, the index of the site it was patched from: renumbered when
 * articles moved, came or went (`oldPosition`: each new position's old one, -1 for a changed
 * article; undefined when none moved), then the changed articles' dates, topics and tags put in,
 * and the term lists they left or joined made again. Unchanged articles keep their order, so
 * renumbering keeps every list ascending: one pass over the lists, not a walk of the articles.
 */
function patchIndex(old: RelatedIndex, site: Pick<Site, 'articles'>, moves: ReadonlyArray<{ is: number }>, positions: { old: Int32Array; new: Int32Array } | undefined): RelatedIndex {
  const count = site.articles.length;
  let epoch: Float64Array, topicOf: Int32Array, tagsOf: Int32Array[], topicLists: Int32Array[], tagLists: Int32Array[];
  if (!positions) {
    [epoch, topicOf, tagsOf, topicLists, tagLists] = [old.epoch.slice(), old.topicOf.slice(), old.tagsOf.slice(), old.topicLists, old.tagLists];
  } else {
    const { old: oldPosition, new: newPosition } = positions;
    [epoch, topicOf, tagsOf] = [new Float64Array(count), new Int32Array(count).fill(-1), new Array<Int32Array>(count).fill(NO_TAGS)];
    for (let at = 0; at < count; at++) {
      const was = oldPosition[at]!;
      if (was === -1) continue;
      epoch[at] = old.epoch[was]!;
      topicOf[at] = old.topicOf[was]!;
      tagsOf[at] = old.tagsOf[was]!;
    }
    const renumber = (list: Int32Array) => {
      const next = new Int32Array(list.length);
      let size = 0;
      for (const id of list) if (newPosition[id] !== -1) next[size++] = newPosition[id]!;
      return size === next.length ? next : next.slice(0, size);
    };
    topicLists = old.topicLists.map(renumber);
    tagLists = old.tagLists.map(renumber);
  }
  const topics = new TermIds(old.topicIds, topicLists);
  const tags = new TermIds(old.tagIds, tagLists);
  for (const { is: at } of moves) {
    if (at === -1) continue;
    const article = site.articles[at]!;
    epoch[at] = article.date.epoch;
    const topic = topics.id(article.topic.slug);
    if (topic !== topicOf[at]) {
      if (topicOf[at] !== -1) topics.leave(topicOf[at]!, at);
      topics.join(topic, at);
      topicOf[at] = topic;
    }
    const was = tagsOf[at]!;
    const now = ownTags(article, (slug) => tags.id(slug));
    for (const tag of was) if (!now.includes(tag)) tags.leave(tag, at);
    for (const tag of now) if (!was.includes(tag)) tags.join(tag, at);
    tagsOf[at] = now;
  }
  const scratch = count === old.articles.length ? old.scratch : { seen: new Uint32Array(count), stamp: 0 };
  return { articles: site.articles, epoch, topicOf, tagsOf, topicLists: topics.lists, tagLists: tags.lists, topicIds: topics.ids, tagIds: tags.ids, scratch };
}

/** The tags of an article not yet put in (a renumbered index's changed articles). */
const NO_TAGS = new Int32Array(0);

/** An index's topic or tag ids and lists, copied from the old index's on first change. */
class TermIds {
  readonly lists: Int32Array[];
  private own: Map<string, number> | undefined;

  constructor(
    private readonly old: ReadonlyMap<string, number>,
    lists: readonly Int32Array[],
  ) {
    this.lists = lists.slice();
  }

  get ids(): ReadonlyMap<string, number> {
    return this.own ?? this.old;
  }

  /** The term's id; a new term gets the next one, with an empty list. */
  id(slug: string): number {
    let id = this.ids.get(slug);
    if (id === undefined) {
      this.own ??= new Map(this.old);
      id = this.lists.length;
      this.own.set(slug, id);
      this.lists.push(new Int32Array(0));
    }
    return id;
  }

  /** Article `article` is no longer in term `term`'s list. */
  leave(term: number, article: number): void {
    const list = this.lists[term]!;
    const at = positionIn(list, article);
    const next = new Int32Array(list.length - 1);
    next.set(list.subarray(0, at));
    next.set(list.subarray(at + 1), at);
    this.lists[term] = next;
  }

  /** Article `article` is now in term `term`'s list, in order. */
  join(term: number, article: number): void {
    const list = this.lists[term]!;
    const at = positionIn(list, article);
    const next = new Int32Array(list.length + 1);
    next.set(list.subarray(0, at));
    next[at] = article;
    next.set(list.subarray(at), at + 1);
    this.lists[term] = next;
  }
}

/**
 * For each position in site.articles, the article's position in previous.articles, -1 for a
 * changed one: the unchanged articles are in the same order in both, so one walk pairs them.
 */
function oldPositions(previous: Site, site: Pick<Site, 'articles'>, changes: readonly ArticleChange[]): Int32Array {
  const gone = new Set(changes.map((change) => change.before));
  const come = new Set(changes.map((change) => change.after));
  const positions = new Int32Array(site.articles.length).fill(-1);
  let i = 0;
  for (let j = 0; j < site.articles.length; j++) {
    const article = site.articles[j]!;
    if (come.has(article)) continue;
    while (i < previous.articles.length && previous.articles[i] !== article) {
      // Our own bug, not the content's: the patched site reordered articles that did not change.
      if (!gone.has(previous.articles[i])) throw new Error(`related lists: ${article.file} is out of order after a change`);
      i++;
    }
    positions[j] = i++;
  }
  return positions;
}

/** The inverse of oldPositions: for each position in previous.articles, the new one (-1: changed). */
function inverse(positions: Int32Array, length: number): Int32Array {
  const inverted = new Int32Array(length).fill(-1);
  for (let j = 0; j < positions.length; j++) if (positions[j] !== -1) inverted[positions[j]!] = j;
  return inverted;
}
