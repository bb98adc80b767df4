// The template filters that turn data into text for pages: links under the base path, absolute
// URLs, dates as readers of a language read them, slugs, JSON-LD and teaser photos. Pure functions of
// the value and the config; the engine that registers them is templates.ts (which also owns the
// `card` filter, since that one renders a template). The filters that need the page's language
// register in ui-filters.ts.

import type { Liquid } from 'liquidjs';
import type { SiteConfig } from '../config.js';
import { displayDate, formatDate, type DateDisplay } from '../date-display.js';
import { isSiteDate } from '../dates.js';
import { slugify } from '../slugs.js';
import { pictureOf, type PictureOptions } from '../images/markup.js';
import { absoluteUrl, withBasePath } from '../urls.js';
import { jsonForScript } from './metadata.js';
import type { PhotoView } from './views.js';

/** How the config says dates are shown on pages, in a language's locale (the site's language unless named). */
export function dateDisplayOf(config: Pick<SiteConfig, 'timeZone' | 'language' | 'dateFormat' | 'dayFormat'>, locale: string = config.language): DateDisplay {
  return { timeZone: config.timeZone, locale, dateFormat: config.dateFormat, dayFormat: config.dayFormat };
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

/** How a teaser photo is shown in one role: the <picture>'s options and the widest variant worth offering. */
export interface PictureRole extends PictureOptions {
  /** Variants wider than this are left out of the srcset: the role never shows the photo that large. */
  maxWidth: number;
}

/**
 * How the default theme shows a teaser photo (`{{ item.photo | picture: "lead" }}`), by role: the
 * `sizes` that match its width in templates/assets/style.css at each screen width, whether it is
 * the page's main image (loaded first) or loaded lazily, as every photo below the fold is, and the
 * widest variant the role needs on a three-times-dense screen (fewer candidates, shorter pages).
 */
export const PICTURE_ROLES: Readonly<Record<string, PictureRole>> = {
  // The front page's lead: 3/5 of the page's width beside its headline; the full screen width on a phone.
  lead: { sizes: '(min-width: 64rem) 37rem, (min-width: 48rem) 58vw, 100vw', priority: true, maxWidth: Infinity },
  // A secondary story: a third of the page's width; a thumbnail beside the headline on a phone.
  top: { sizes: '(min-width: 64rem) 20rem, (min-width: 40rem) 31vw, 8rem', priority: false, maxWidth: 640 },
  // A card: a third of the page's width at most; a thumbnail beside the headline on a phone.
  card: { sizes: '(min-width: 64rem) 20rem, (min-width: 40rem) 31vw, 6rem', priority: false, maxWidth: 640 },
  // A thumbnail beside a headline in a list ("More news").
  thumb: { sizes: '6rem', priority: false, maxWidth: 320 },
};

/**
 * `{{ item.photo | picture: "card" }}`: an article's teaser photo (ArticleView.photo) as a
 * <picture>, shown as PICTURE_ROLES says for the role; a second argument replaces the role's
 * `sizes` (`picture: "thumb", "10rem"`), and then every width is offered. Empty for no photo.
 * Output with `| raw`.
 */
export function pictureFilter(basePath: string): (photo: unknown, role?: unknown, sizes?: unknown) => string {
  return (photo, role = 'card', sizes) => {
    if (!isPhoto(photo)) return '';
    const options = typeof role === 'string' && Object.hasOwn(PICTURE_ROLES, role) ? PICTURE_ROLES[role] : undefined;
    if (!options) throw new Error(`picture: unknown role ${JSON.stringify(role)}; expected one of ${Object.keys(PICTURE_ROLES).join(', ')}`);
    if (typeof sizes === 'string' && sizes !== '') return pictureOf(photo.files, photo.alt, { ...options, sizes }, basePath);
    // The narrowest width is always offered, whatever the role's limit (a photo smaller than every width has one).
    const narrowest = Math.min(...photo.files.map((file) => file.width));
    const files = photo.files.filter((file) => file.width <= Math.max(options.maxWidth, narrowest));
    return pictureOf(files, photo.alt, options, basePath);
  };
}

function isPhoto(value: unknown): value is PhotoView {
  return typeof value === 'object' && value !== null && Array.isArray((value as PhotoView).files) && (value as PhotoView).files.length > 0;
}

/** Register url, absolute_url, slugify, json_ld and picture on an engine (date_format speaks the page's language: ui-filters.ts). */
export function registerFilters(engine: Liquid, config: SiteConfig): void {
  // Site path -> link under the base path: {{ article.url | url }} -> /news/2025/12/18/x/
  engine.registerFilter('url', (value: unknown) => withBasePath(config.basePath, String(value ?? '')));
  // Site path -> absolute URL: canonical links, Open Graph, feeds.
  engine.registerFilter('absolute_url', (value: unknown) => absoluteUrl(config.baseUrl, String(value ?? '')));
  engine.registerFilter('slugify', (value: unknown) => slugify(String(value ?? '')));
  // Data -> JSON safe inside <script type="application/ld+json">: {{ data | json_ld | raw }}
  engine.registerFilter('json_ld', (value: unknown) => jsonForScript(value));
  // A teaser photo -> <picture>: {{ item.photo | picture: "lead" | raw }}
  engine.registerFilter('picture', pictureFilter(config.basePath));
}
