// Author pages: /authors/ (everyone named in a published article's `author`, with counts) and a
// paginated list per author at /authors/<slug>/, with their profile from the authors file (bio,
// photo, website, profiles elsewhere) when it has one. Like topic and tag pages (terms.ts), whose
// index and list shapes these share; what differs is the profile, which page specs carry (so a
// profile's edit re-renders only the pages that show it) for templates and Person JSON-LD.

import type { SiteConfig } from '../config.js';
import { listGroup, type ListOptions } from './list.js';
import { AUTHORS, growingOnFirstPage, termCrumbs, termDescription, termFeedTitle, termIndexPage, termSummary } from './terms.js';
import type { Author, AuthorProfiles, Term, TermGroup } from '../types/index.js';
import type { PageGroup } from '../types/index.js';
import { groupIds, groupKey } from './groups.js';
import type { UiText } from './ui-text.js';

/** An author with what the authors file says of them; a name and slug only when it says nothing. */
export function authorOf(term: Pick<Term, 'name' | 'slug'>, profiles: AuthorProfiles): Author {
  return profiles.get(term.slug) ?? { name: term.name, slug: term.slug, sameAs: [] };
}

/** The authors of an article, in byline order, with their profiles (an article page's PageSpec.authors). */
export function articleAuthors(authors: readonly Term[], profiles: AuthorProfiles): Author[] {
  return authors.map((term) => authorOf(term, profiles));
}

/**
 * Description of an author's page and feeds (author.description). Not the bio, which the page
 * shows: a bio may run to paragraphs, and a description is a line in search results and feed readers.
 */
export function authorDescription(name: string, config: Pick<SiteConfig, 'title'>, text: UiText): string {
  return termDescription(AUTHORS, name, config, text);
}

/** The index /authors/ ("authors"), then one list per author ("author:<slug>"), in the site's order (by name). */
export function* authorGroups(groups: readonly TermGroup[], profiles: AuthorProfiles, config: SiteConfig, text: UiText): Generator<PageGroup> {
  const index = groupIds.termIndex('authors');
  const summaries = () => groups.map((group) => ({ ...termSummary(group, AUTHORS, config.urlPrefix), name: authorOf(group, profiles).name }));
  yield { id: index, key: groupKey(index), pages: () => [termIndexPage(groups, AUTHORS, config, text, summaries())] };
  for (const group of groups) {
    yield listGroup(groupIds.term('authors', group.slug), () => authorList(group, profiles, config, text), group.articles, config.pageSize);
  }
}

function authorList(group: TermGroup, profiles: AuthorProfiles, config: SiteConfig, text: UiText): ListOptions {
  const author = authorOf(group, profiles);
  const summary = termSummary(group, AUTHORS, config.urlPrefix);
  return {
    kind: 'author',
    template: 'author',
    listUrl: summary.url,
    title: author.name,
    description: authorDescription(author.name, config, text),
    articles: group.articles,
    pageSize: config.pageSize,
    breadcrumbs: termCrumbs(AUTHORS, text, config.urlPrefix),
    feed: { listUrl: summary.url, title: termFeedTitle(author.name, config) },
    authors: [author],
    text,
    ...growingOnFirstPage('author', {
      ...summary,
      name: author.name,
      bio: author.bio ?? null,
      photo: author.photo ?? null,
      website: author.url ?? null,
      links: profileLinks(author, text),
    }),
  };
}

/** The author's website (labelled author.website), then their profiles, each labelled by its host ("x.com"), for the author page. */
function profileLinks(author: Author, text: UiText): Array<{ url: string; label: string }> {
  return [...new Set([...(author.url ? [author.url] : []), ...author.sameAs])].map((url) => ({
    url,
    label: url === author.url ? text.text('author.website') : new URL(url).hostname.replace(/^www\./, ''),
  }));
}
