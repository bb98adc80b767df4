// What the build tells the user: the closing summary, what was left out and why, and problems.
// Formats text only; the CLI decides where it goes (stdout, stderr, nowhere with --quiet).

import type { ArticleMeta } from './article.js';
import type { Site } from './model.js';
import type { WriteStats } from './write.js';

export interface BuildStats extends WriteStats {
  articles: number;
  pages: number;
  feeds: number;
  sitemaps: number;
  assets: number;
  topics: number;
  tags: number;
  milliseconds: number;
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}

/**
 * "Built 9 articles into 61 pages, 93 feed files and 3 sitemap files; files: 158 written,
 * 0 unchanged, 0 deleted; 6 topics, 24 tags in 0.42 s"
 */
export function summaryLine(stats: BuildStats, verb = 'Built'): string {
  return (
    `${verb} ${plural(stats.articles, 'article')} into ${plural(stats.pages, 'page')}, ` +
    `${plural(stats.feeds, 'feed file')} and ${plural(stats.sitemaps, 'sitemap file')}; ` +
    `files: ${stats.written} written, ${stats.unchanged} unchanged, ${stats.deleted} deleted; ` +
    `${plural(stats.topics, 'topic')}, ${plural(stats.tags, 'tag')} in ${(stats.milliseconds / 1000).toFixed(2)} s`
  );
}

/** One line per reason an article was left out, naming the files (a few, then a count). */
export function leftOutLines(leftOut: Site['leftOut']): string[] {
  const lines: string[] = [];
  const describe = (list: ArticleMeta[], what: string, flag: string) => {
    if (list.length === 0) return;
    const names = list.slice(0, 5).map((article) => article.file).join(', ');
    const more = list.length > 5 ? ` and ${list.length - 5} more` : '';
    lines.push(`Left out ${plural(list.length, what)} (build with ${flag} to include): ${names}${more}`);
  };
  describe(leftOut.drafts, 'draft', '--drafts');
  describe(leftOut.scheduled, 'scheduled article', '--future');
  describe(leftOut.expired, 'expired article', '--expired');
  return lines;
}
