// Which pages an incremental update plans (pipeline/update.ts): of the page groups a change
// reaches, every page, but of a list whose articles are the same ones in the same order, only the
// pages that show a changed article; the others are left without planning them in detail (a
// paginated list) or kept as they are. Of a list whose articles changed (one came, went or moved),
// only the pages that can differ: pages are numbered from the oldest (model/paginate.ts), so the
// numbered pages whose slices lie in the run of articles both lists share from the oldest, and
// whose links are the same, are left too; a publish plans the list's first page, not its
// 10,000 numbered ones (the home list at 100,000 articles).

import { numberedPages, pageOf } from '../model/paginate.js';
import { fingerprint } from '../write/fingerprint.js';
import { sortedIndexOf } from '../model/site.js';
import type { ArticleMeta, PageGroup, PageSpec, WrittenPage } from '../types/index.js';
import { outputFileFor } from '../urls.js';
import { showsAny } from './impact.js';
import { writtenPage } from './pages.js';

/** The pages an update renders or keeps, and each planned group's pages after it. */
export interface GroupsPlan {
  specs: PageSpec[];
  /** Each planned group's pages, in plan order, by group key. */
  planned: Map<string, WrittenPage[]>;
  /** Lists planned page by page: their other pages are neither kept nor removed, just left. */
  narrowed: Set<string>;
  /** Files of the pages such lists no longer have (a numbered page gone with the articles it held). */
  gone: string[];
}

/** What planning the affected groups needs to know of the site before the change. */
export interface PlanInput {
  /** Each group's pages before the change, by key. */
  pages: Pick<ReadonlyMap<string, WrittenPage[]>, 'get'>;
  /** Does the list of this group hold the same articles in the same order as before (impact.ts sameListsAs)? */
  unchangedList: (key: string) => boolean;
  /** The changed files' content paths, and their articles now. */
  changed: ReadonlySet<string>;
  changedMetas: readonly ArticleMeta[];
  /** Count a file of the output as part of the new site, unwritten. */
  keep: (file: string) => void;
  /** The group as the same planner made it of the site before the change, if it had it. */
  before?: (key: string) => PageGroup | undefined;
}

/** Plan the affected groups (see the top of this file). */
export function planGroups(groups: readonly PageGroup[], input: PlanInput): GroupsPlan {
  const plan: GroupsPlan = { specs: [], planned: new Map(), narrowed: new Set(), gone: [] };
  for (const group of groups) {
    const narrow = input.unchangedList(group.key);
    const before = input.pages.get(group.key);
    const numbers = !narrow && group.list && before ? changedPages(group.list, input.before?.(group.key)?.list, before.length) : undefined;
    if (numbers && group.list && before) {
      const numbered = numberedPages(group.list.articles.length, group.list.pageSize);
      // In plan order: the first page, then numbered page n at numbered + 1 - n (before: its own count's).
      const written: WrittenPage[] = [];
      for (let number = numbered; number >= 1; number--) if (!numbers.has(number)) written[numbered + 1 - number] = before[before.length - number]!;
      for (const spec of group.list.pagesNumbered(numbers)) {
        plan.specs.push(spec);
        written[numbered + 1 - (spec.pagination?.number ?? numbered + 1)] = writtenPage(spec);
      }
      for (let number = numbered + 1; number < before.length; number++) plan.gone.push(outputFileFor(before[before.length - number]!.url));
      plan.planned.set(group.key, written);
      plan.narrowed.add(group.key);
      continue;
    }
    if (narrow && group.list && before) {
      const { articles, pageSize, pagesNumbered, firstPageShowsMore } = group.list;
      // The first page's number: pages are numbered from the oldest (model/paginate.ts).
      const first = numberedPages(articles.length, pageSize) + 1;
      // The home's first page shows sections by topic too: which stories they hold may change with any edit.
      const numbers = new Set<number>(firstPageShowsMore ? [first] : []);
      for (const meta of input.changedMetas) {
        const at = sortedIndexOf(articles, meta);
        if (at !== -1) numbers.add(pageOf(at, articles.length, pageSize));
      }
      // Pages in plan order: the first page, then the numbered ones from the newest.
      const written = [...before];
      for (const spec of pagesNumbered(numbers)) {
        plan.specs.push(spec);
        written[first - (spec.pagination?.number ?? first)] = writtenPage(spec);
      }
      plan.planned.set(group.key, written);
      plan.narrowed.add(group.key);
      continue;
    }
    const written: WrittenPage[] = [];
    for (const spec of group.pages()) {
      written.push(writtenPage(spec));
      if (!narrow || showsAny(spec, input.changed)) plan.specs.push(spec);
      else input.keep(outputFileFor(spec.url));
    }
    plan.planned.set(group.key, written);
  }
  return plan;
}

type PageList = NonNullable<PageGroup['list']>;

/** How many articles two lists (newest first) hold at the same places, counted from the oldest. */
export function sharedFromOldest(before: readonly ArticleMeta[], after: readonly ArticleMeta[]): number {
  let shared = 0;
  while (shared < before.length && shared < after.length && before[before.length - 1 - shared] === after[after.length - 1 - shared]) shared++;
  return shared;
}

/**
 * The numbers of the pages of a list whose articles changed that can differ from those of `was`
 * (the list before the change, whose group had `pagesBefore` pages): its first page; each
 * numbered page that is new, whose slice reaches past the articles both lists hold at the same
 * places from the oldest, or whose link to a newer page changes (it was or is the newest one).
 * Undefined, for every page, when the lists' pages differ in anything but their slices and links
 * (a title, a description, a count), or either has no numbered page.
 */
function changedPages(now: PageList, was: PageList | undefined, pagesBefore: number): Set<number> | undefined {
  if (!was || was.pageSize !== now.pageSize) return undefined;
  const size = now.pageSize;
  const numberedBefore = numberedPages(was.articles.length, size);
  const numbered = numberedPages(now.articles.length, size);
  if (numberedBefore === 0 || numbered === 0 || pagesBefore !== numberedBefore + 1) return undefined;
  if (frameOf(was) !== frameOf(now)) return undefined;
  const shared = sharedFromOldest(was.articles, now.articles);
  const numbers = new Set([numbered + 1]);
  for (let number = 1; number <= numbered; number++) {
    if (number * size > shared || number > numberedBefore || number < numberedBefore !== number < numbered) numbers.add(number);
  }
  return numbers;
}

/**
 * The fingerprint of what a list's numbered pages show beyond their slices and links
 * (model/paginate.ts): page 1's spec without its articles, their newest change and its pagination.
 */
function frameOf(list: PageList): string {
  const [spec] = list.pagesNumbered(new Set([1]));
  return fingerprint(spec && { ...spec, lastModified: null, pagination: null, data: { ...spec.data, articles: null } });
}
