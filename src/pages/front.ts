// What the home's first page shows as a news front page: the newest article as the lead, the next
// few as secondary stories (more weight than the rest), a section per top topic with its latest
// stories, then "More news": the rest of the page's own articles. Pure selection from the site
// model and config; the template decides the markup. No article is chosen twice, and every
// article of the page's slice is shown, so none falls between the front page and the next page.

import type { SiteConfig } from '../config.js';
import { slugify } from '../slugs.js';
import { topicUrl } from '../urls.js';
import type { ArticleMeta, Site, TermGroup } from '../types/index.js';

/** One topic's block on the front page: its name, its page's site path, its latest stories. */
export interface FrontSection {
  name: string;
  slug: string;
  url: string;
  articles: ArticleMeta[];
}

/** The home's first page data: empty (no lead) when the site has no articles. */
export interface FrontPage {
  lead: ArticleMeta | null;
  /** The next config.frontPage.secondary newest articles after the lead. */
  secondary: ArticleMeta[];
  sections: FrontSection[];
  /** The page's own articles that the lead, the secondary stories and the sections do not show. */
  more: ArticleMeta[];
}

const inEnglish = new Intl.Collator('en');

/**
 * Choose the lead, the secondary stories, the sections and "More news" of the front page (see
 * FrontPage). `items` are the articles of the home's first page, newest first.
 */
export function frontPage(site: Site, config: SiteConfig, items: readonly ArticleMeta[]): FrontPage {
  const lead = items[0];
  if (!lead) return { lead: null, secondary: [], sections: [], more: [] };
  const { perSection, secondary: secondaryCount } = config.frontPage;
  const secondary = items.slice(1, 1 + secondaryCount);
  const shown = new Set<ArticleMeta>([lead, ...secondary]);
  const sections: FrontSection[] = [];
  for (const topic of sectionTopics(site, config)) {
    // A topic's articles are newest first, so its latest stories are its first ones not shown above.
    const articles = topic.articles.filter((article) => !shown.has(article)).slice(0, perSection);
    if (articles.length === 0) continue;
    sections.push({ name: topic.name, slug: topic.slug, url: topicUrl(topic.slug, config.urlPrefix), articles });
    for (const article of articles) shown.add(article);
  }
  const more = items.filter((article) => !shown.has(article));
  return { lead, secondary, sections, more };
}

/**
 * The topics given sections: config.frontPage.sections by name, in that order, else the
 * sectionCount largest, largest first (ties alphabetical, so the order is stable).
 */
function sectionTopics(site: Site, config: SiteConfig): TermGroup[] {
  const { sections, sectionCount } = config.frontPage;
  if (sections) {
    const bySlug = new Map(site.topics.map((group) => [group.slug, group]));
    return sections.map((name) => bySlug.get(slugify(name))).filter((group) => group !== undefined);
  }
  return [...site.topics]
    .sort((a, b) => b.articles.length - a.articles.length || inEnglish.compare(a.name, b.name))
    .slice(0, sectionCount);
}
