// The template filters that turn data into text for pages: links under the base path, absolute
// URLs, dates as readers of the site's language read them, slugs and JSON-LD. Pure functions of
// the value and the config; the engine that registers them is templates.ts (which also owns the
// `card` filter, since that one renders a template).

import type { Liquid } from 'liquidjs';
import type { SiteConfig } from '../config.js';
import { displayDate, formatDate, isSiteDate, type DateDisplay } from '../dates.js';
import { slugify } from '../slugs.js';
import { absoluteUrl, withBasePath } from '../urls.js';
import { jsonForScript } from './metadata.js';

/** How the config says dates are shown on pages. */
export function dateDisplayOf(config: Pick<SiteConfig, 'timeZone' | 'language' | 'dateFormat' | 'dayFormat'>): DateDisplay {
  return { timeZone: config.timeZone, locale: config.language, dateFormat: config.dateFormat, dayFormat: config.dayFormat };
}

/**
 * `{{ date | date_format }}`: a SiteDate (article.date, article.updated, a correction's date) as
 * pages show it, with its time only when the author gave one (see dates.ts displayDate). With a
 * Luxon format (`date_format: "d MMM"`) that format, always. An ISO string (the older
 * `{{ article.date.iso | date_format }}`) is taken as a date with a time.
 */
export function dateFormatFilter(display: DateDisplay): (value: unknown, format?: unknown) => string {
  return (value, format) => {
    const date = isSiteDate(value) ? value : { iso: String(value ?? ''), hasTime: true };
    if (typeof format === 'string') return formatDate(date.iso, format, display.timeZone, display.locale);
    return displayDate(date, display);
  };
}

/** Register url, absolute_url, date_format, slugify and json_ld on an engine. */
export function registerFilters(engine: Liquid, config: SiteConfig): void {
  // Site path -> link under the base path: {{ article.url | url }} -> /news/2025/12/18/x/
  engine.registerFilter('url', (value: unknown) => withBasePath(config.basePath, String(value ?? '')));
  // Site path -> absolute URL: canonical links, Open Graph, feeds.
  engine.registerFilter('absolute_url', (value: unknown) => absoluteUrl(config.baseUrl, String(value ?? '')));
  engine.registerFilter('date_format', dateFormatFilter(dateDisplayOf(config)));
  engine.registerFilter('slugify', (value: unknown) => slugify(String(value ?? '')));
  // Data -> JSON safe inside <script type="application/ld+json">: {{ data | json_ld | raw }}
  engine.registerFilter('json_ld', (value: unknown) => jsonForScript(value));
}
