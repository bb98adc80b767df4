// Which pages an incremental update plans (pipeline/update.ts): of the page groups a change
// reaches, every page, but of a list whose articles are the same ones in the same order, only the
// pages that show a changed article; the others are left without planning them in detail (a
// paginated list) or kept as they are.

import { numberedPages, pageOf } from '../model/paginate.js';
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
}

/** Plan the affected groups (see the top of this file). */
export function planGroups(groups: readonly PageGroup[], input: PlanInput): GroupsPlan {
  const plan: GroupsPlan = { specs: [], planned: new Map(), narrowed: new Set() };
  for (const group of groups) {
    const narrow = input.unchangedList(group.key);
    const before = input.pages.get(group.key);
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
