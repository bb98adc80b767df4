// Page groups' identities: one constructor per kind of group, the key each is known by in maps and
// sets, and a set of groups. The dev server says which groups a change touches with these values;
// nothing builds a group's name as a string and parses it back.

import type { ArticleMeta, GroupId, TermsName } from '../types/index.js';

const SINGULAR = { topics: 'topic', tags: 'tag', authors: 'author' } as const;

/** One constructor per kind of page group. */
export const groupIds = {
  home: (): GroupId => ({ kind: 'home' }),
  article: (article: Pick<ArticleMeta, 'contentPath'>): GroupId => ({ kind: 'article', contentPath: article.contentPath }),
  termIndex: (terms: TermsName): GroupId => ({ kind: 'term-index', terms }),
  term: (terms: TermsName, slug: string): GroupId => ({ kind: 'term', terms, slug }),
  archive: (): GroupId => ({ kind: 'archive' }),
  year: (year: string): GroupId => ({ kind: 'year', year }),
  month: (year: string, month: string): GroupId => ({ kind: 'month', year, month }),
  day: (year: string, month: string, day: string): GroupId => ({ kind: 'day', year, month, day }),
  search: (): GroupId => ({ kind: 'search' }),
  notFound: (): GroupId => ({ kind: 'notfound' }),
};

/** A group's identity as a map key: equal for equal groups, different for different ones. */
export function groupKey(id: GroupId): string {
  switch (id.kind) {
    case 'home':
    case 'archive':
    case 'search':
    case 'notfound':
      return id.kind;
    case 'article':
      return `article:${id.contentPath}`;
    case 'term-index':
      return id.terms;
    case 'term':
      return `${SINGULAR[id.terms]}:${id.slug}`;
    case 'year':
      return `year:${id.year}`;
    case 'month':
      return `month:${id.year}/${id.month}`;
    case 'day':
      return `day:${id.year}/${id.month}/${id.day}`;
  }
}

/** A set of page groups, by identity. */
export class GroupSet {
  private readonly byKey = new Map<string, GroupId>();

  constructor(ids: Iterable<GroupId> = []) {
    for (const id of ids) this.add(id);
  }

  add(id: GroupId): this {
    this.byKey.set(groupKey(id), id);
    return this;
  }

  delete(id: GroupId): void {
    this.byKey.delete(groupKey(id));
  }

  /** Is the group with this key (PageGroup.key) in the set? */
  has(key: string): boolean {
    return this.byKey.has(key);
  }

  get size(): number {
    return this.byKey.size;
  }

  keys(): IterableIterator<string> {
    return this.byKey.keys();
  }

  [Symbol.iterator](): IterableIterator<GroupId> {
    return this.byKey.values();
  }
}
