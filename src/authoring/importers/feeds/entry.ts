// One entry of a feed (RSS, Atom or JSON Feed), read into a common shape, made an ImportedArticle:
// the HTML body as Markdown, the first category as the topic and the rest as tags, the entry's
// links on the feed's own site as old URLs (aliases), a missing title or date filled in and
// reported. Pure.

import { importedDateText } from '../../../dates.js';
import type { Position } from '../../../problems/index.js';
import { isWebAddress } from '../../../urls.js';
import { htmlText, htmlToMarkdown } from '../html-markdown.js';
import { uniqueNames, type ImportedArticle, type ImportReport } from '../imported.js';

/** An entry as a feed gives it; every field may be missing. */
export interface FeedEntry {
  id?: string;
  url?: string;
  /** Other URLs of the entry on the feed's site (an RSS guid that is a link, say). */
  otherUrls?: string[];
  title?: string;
  /** The title is HTML (Atom type="html"); else plain text, which may still carry escaped entities. */
  titleIsHtml?: boolean;
  /** Date text as the feed writes it. */
  published?: string;
  /** Other texts of the same date, tried in order when `published` cannot be read (RSS: dc:date, atom:published). */
  otherDates?: string[];
  updated?: string;
  /** The body: HTML, or plain text. */
  html?: string;
  text?: string;
  /** A summary as HTML (RSS description beside content:encoded, Atom summary, JSON Feed summary). */
  summaryHtml?: string;
  authors: string[];
  categories: string[];
  image?: string;
  at: Position;
}

/** The feed around the entries: its site's address (entries there give old URLs) and a date for undated entries. */
export interface FeedContext {
  file: string;
  siteUrl?: string;
  fallbackDate?: string;
  /** The feed's language (`pt-BR`): the language of month names in its dates. */
  language?: string;
  report: ImportReport;
}

/** An entry as an article; undefined (reported) when it has neither a date nor a feed date to stand in. */
export function entryArticle(entry: FeedEntry, feed: FeedContext): ImportedArticle | undefined {
  const baseUrl = entry.url && URL.canParse(entry.url, feed.siteUrl) ? new URL(entry.url, feed.siteUrl).href : feed.siteUrl;
  const notWebImage = (url: string) => feed.report.imageMissing(entry.at, { url, notWeb: true, asText: true });
  const body = entry.html !== undefined ? htmlToMarkdown(entry.html, { baseUrl, notWebImage }) : entry.text !== undefined ? htmlToMarkdown(paragraphsOf(entry.text)) : '';
  const summary = entry.summaryHtml && (entry.html ?? entry.text) ? plainText(entry.summaryHtml) : undefined;
  let title = entry.title ? titleText(entry.title, entry.titleIsHtml ?? false) : '';
  if (!title) {
    title = firstWords(plainText(entry.html ?? entry.text ?? entry.summaryHtml ?? '')) || entry.url || 'Untitled';
    feed.report.fieldFilled(entry.at, { field: 'title', how: `the first words of the text are used: "${title}"` });
  }
  let date = [entry.published, ...(entry.otherDates ?? []), entry.updated].map((text) => (text ? importedDateText(text, feed.language) : undefined)).find(Boolean);
  if (!date) {
    // A date the entry has but Broadsheet cannot read is never replaced by the feed's: that would be a wrong date.
    const written = entry.published ?? entry.otherDates?.[0];
    if (!feed.fallbackDate || written) {
      feed.report.leftOut(entry.at, { what: 'entry', title, why: written ? `its date "${written}" cannot be read (a date as RSS writes it, "Mon, 06 Feb 2023 10:00:00 -0300", or ISO 8601, "2023-02-06T10:00:00-03:00")` : 'it has no date' });
      return undefined;
    }
    date = feed.fallbackDate;
    feed.report.fieldFilled(entry.at, { field: 'date', how: `the feed's date ${date} is used` });
  }
  const updated = entry.updated && entry.published ? importedDateText(entry.updated, feed.language) : undefined;
  const [topic, ...tags] = uniqueNames(entry.categories.map((name) => name.trim()).filter(Boolean));
  return {
    sourceId: entry.id ?? entry.url ?? `${title} ${date}`,
    origin: { file: feed.file, ...entry.at },
    title,
    date,
    updated: updated && updated !== date ? updated : undefined,
    slug: entry.url ? slugOfUrl(entry.url) : undefined,
    topic,
    tags,
    authors: uniqueNames(entry.authors.map(personName).filter((name): name is string => name !== undefined)),
    summary,
    // A lead image is the old site's: relative to the entry, else not one the new site can find.
    image: leadImage(entry, feed, baseUrl),
    aliases: [entry.url, ...(entry.otherUrls ?? [])].map((url) => (url ? sitePath(url, feed.siteUrl) : undefined)).filter((path): path is string => path !== undefined),
    body,
  };
}

/** A lead image is the old site's: relative to the entry; one of another scheme (data:, file:) is none the new site can show, and is reported. */
function leadImage(entry: FeedEntry, feed: FeedContext, baseUrl: string | undefined): string | undefined {
  if (!entry.image || !URL.canParse(entry.image, baseUrl)) return undefined;
  const url = new URL(entry.image, baseUrl).href;
  if (isWebAddress(url)) return url;
  feed.report.imageMissing(entry.at, { url: entry.image, notWeb: true });
  return undefined;
}

/** The path (and query) of a URL on the feed's site; undefined for another site's. */
export function sitePath(url: string, siteUrl: string | undefined): string | undefined {
  if (!URL.canParse(url, siteUrl)) return undefined;
  const parsed = new URL(url, siteUrl);
  if (!/^https?:$/.test(parsed.protocol)) return undefined;
  if (siteUrl && URL.canParse(siteUrl) && new URL(siteUrl).host !== parsed.host) return undefined;
  // A feed's links often carry tracking parameters (utm_source=rss): the page's address is without them.
  for (const name of [...parsed.searchParams.keys()]) if (isTracking(name)) parsed.searchParams.delete(name);
  const path = `${parsed.pathname}${parsed.search}`;
  return path === '/' ? undefined : path;
}

/** Parameters that say where a reader came from, not which page: Google's, Webtrekk's, ads' click ids, Mailchimp's, HubSpot's. */
function isTracking(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith('utm_') || lower.startsWith('wt_') || TRACKING.has(lower);
}

const TRACKING = new Set(['fbclid', 'gclid', 'dclid', 'msclkid', 'yclid', 'igshid', 'mc_cid', 'mc_eid', '_hsenc', '_hsmi']);

/** The last part of a URL's path, without an extension: the slug the old site used. */
function slugOfUrl(url: string): string | undefined {
  if (!URL.canParse(url)) return undefined;
  const parts = new URL(url).pathname.split('/').filter(Boolean);
  const last = parts[parts.length - 1];
  return last ? decodeSafely(last.replace(/\.[a-z]+$/i, '')) : undefined;
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** "jane@example.org (Jane Doe)" -> Jane Doe; a bare e-mail address is no byline. */
function personName(text: string): string | undefined {
  const inParentheses = /\(([^)]+)\)\s*$/.exec(text)?.[1]?.trim();
  const name = (inParentheses ?? text).trim();
  return name === '' || /^\S+@\S+$/.test(name) ? undefined : name;
}

/** Text of an HTML fragment, whitespace collapsed. */
export function plainText(html: string): string {
  return htmlText(html).replace(/\s+/g, ' ').trim();
}

/** A title as text: HTML made text; plain text kept, but entities a feed escaped twice (&amp;amp;) decoded. */
function titleText(title: string, isHtml: boolean): string {
  if (isHtml || (!title.includes('<') && /&(?:#\d+|#x[\da-f]+|[a-z]+\d*);/i.test(title))) return plainText(title);
  return title.replace(/\s+/g, ' ').trim();
}

function paragraphsOf(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => `<p>${paragraph.replaceAll('&', '&amp;').replaceAll('<', '&lt;')}</p>`)
    .join('');
}

function firstWords(text: string): string {
  const words = text.split(' ').filter(Boolean);
  return words.length > 12 ? `${words.slice(0, 12).join(' ')}…` : words.join(' ');
}
