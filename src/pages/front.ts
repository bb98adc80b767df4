// What the home's first page shows as a news front page: the newest article as the lead, a section per
// top topic with its latest stories, then "More news" from the latest. Pure selection from the site
// model and config; the template decides the markup. No article is chosen twice.

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
  sections: FrontSection[];
  /** The latest stories after the lead and the sections', up to pageSize in all with the lead. */
  more: ArticleMeta[];
}

const inEnglish = new Intl.Collator('en');

/** Choose the lead, the sections and "More news" of the front page (see FrontPage). */
export function frontPage(site: Site, config: SiteConfig): FrontPage {
  const lead = site.articles[0];
  if (!lead) return { lead: null, sections: [], more: [] };
  const { perSection } = config.frontPage;
  const sections: FrontSection[] = [];
  for (const topic of sectionTopics(site, config)) {
    // A topic's articles are newest first, so its latest stories are its first ones bar the lead.
    const articles = topic.articles.filter((article) => article !== lead).slice(0, perSection);
    if (articles.length > 0) sections.push({ name: topic.name, slug: topic.slug, url: topicUrl(topic.slug), articles });
  }
  const shown = new Set<ArticleMeta>([lead, ...sections.flatMap((section) => section.articles)]);
  const more = site.articles.slice(0, config.pageSize).filter((article) => !shown.has(article));
  return { lead, sections, more };
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
