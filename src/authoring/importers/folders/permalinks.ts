// The URL a post had on the site it comes from, computed as its generator computes it, so that
// the old URL can be kept as an alias (a redirect to the new page):
// - Jekyll: the `permalink` of the post, else of _config.yml (date, pretty, ordinal, none, or a
//   template of :year, :month, :day, :title, :categories, :output_ext ...); default `date`,
//   `/:categories/:year/:month/:day/:title.html`;
// - Hugo: the post's `url`, else [permalinks] of the config for its section (:year, :month, :day,
//   :title, :slug, :filename, :section ...), else /<sections>/<slug or file name>/, lowercased;
// - Zola: the post's `path` (with a closing slash), else /<sections>/<slug>/ (the date before the
//   file name dropped);
// - Eleventy: the post's `permalink` (when it is no template), else /<folders>/<file name>/.
// Pure.

import { wallClock } from '../../../dates.js';
import { slugify } from '../../../slugs.js';

/** What a post's old URL is made of. */
export interface PostPlace {
  generator: 'jekyll' | 'hugo' | 'zola' | 'eleventy';
  /** Folders from the content root to the post, e.g. ["posts"] (Hugo sections; Jekyll folders around _posts). */
  folders: string[];
  /** The file name without extension and date prefix (for index.md in a bundle, the bundle's folder name). */
  fileSlug: string;
  /** The file name without extension, date prefix kept (Eleventy's default URL). */
  fileName: string;
  title: string;
  /** The front-matter `slug`. */
  slug?: string;
  date?: string;
  /** Where `date` was found: a date only the post's own URL gives is reported as filled in. */
  dateFrom?: 'front-matter' | 'file name' | 'URL';
  categories: string[];
  /** The front-matter URL override: Jekyll/Eleventy `permalink`, Hugo `url`, Zola `path`. */
  override?: string;
}

/** The generator's site settings that shape URLs. */
export interface UrlSettings {
  /** Jekyll's permalink style or template; Hugo's permalinks by section. */
  permalink?: string;
  permalinks?: Record<string, string>;
  /** The generator's time zone (Jekyll `timezone`, Hugo `timeZone`). */
  timeZone?: string;
  /** The old site's address (Jekyll `url` and `baseurl`, Hugo `baseURL`, Zola `base_url`), ending in "/". */
  siteUrl?: string;
}

const JEKYLL_STYLES: Record<string, string> = {
  date: '/:categories/:year/:month/:day/:title:output_ext',
  pretty: '/:categories/:year/:month/:day/:title/',
  ordinal: '/:categories/:year/:y_day/:title:output_ext',
  none: '/:categories/:title:output_ext',
};

/** The post's old URL as a site path, or undefined when it cannot be known (a templated permalink). */
export function oldUrl(place: PostPlace, settings: UrlSettings): string | undefined {
  if (place.override !== undefined) {
    if (/[{}]|\{%/.test(place.override)) return undefined;
    // Jekyll's permalink of a post may use the same placeholders as the site's.
    if (place.generator === 'jekyll' && /:[a-z_]+/.test(place.override)) return fill(place.override, place, settings, jekyllTitle(place.slug ?? place.fileSlug));
    const url = normalise(place.override.startsWith('/') ? place.override : `/${place.override}`);
    // Zola serves every page as a folder: path = "custom/path" is /custom/path/ (its Page::parse).
    return place.generator === 'zola' && !url.endsWith('/') ? `${url}/` : url;
  }
  switch (place.generator) {
    case 'jekyll': {
      const template = JEKYLL_STYLES[settings.permalink ?? 'date'] ?? settings.permalink ?? JEKYLL_STYLES.date!;
      return fill(template, place, settings, jekyllTitle(place.slug ?? place.fileSlug));
    }
    case 'hugo': {
      const section = place.folders[0] ?? '';
      const template = settings.permalinks?.[section] ?? settings.permalinks?.page;
      if (template) return fill(template, place, settings, urlize(place.title)).toLowerCase();
      return normalise(`/${[...place.folders, place.slug ?? place.fileSlug].join('/')}/`).toLowerCase();
    }
    case 'zola':
      return normalise(`/${[...place.folders.map((folder) => slugify(folder) || folder), slugify(place.slug ?? place.fileSlug) || place.fileSlug].join('/')}/`);
    case 'eleventy': {
      // blog/post/post.md is served as /blog/post/, like an index.md.
      const own = place.fileName === 'index' || place.fileName === place.folders[place.folders.length - 1] ? '' : place.fileName;
      return normalise(`/${[...place.folders, own].filter(Boolean).join('/')}/`);
    }
  }
}

function fill(template: string, place: PostPlace, settings: UrlSettings, title: string): string {
  const parts = place.date ? wallClock(place.date, settings.timeZone) : undefined;
  const values: Record<string, string> = {
    year: parts?.year ?? '', month: parts?.month ?? '', day: parts?.day ?? '', i_month: String(Number(parts?.month ?? 0)), i_day: String(Number(parts?.day ?? 0)),
    short_year: (parts?.year ?? '').slice(2), hour: parts?.hour ?? '', minute: parts?.minute ?? '', second: parts?.second ?? '', y_day: parts?.dayOfYear ?? '', yearday: String(Number(parts?.dayOfYear ?? 0)),
    title, slug: place.generator === 'hugo' ? (place.slug ?? urlize(place.title)) : jekyllTitle(place.slug ?? place.fileSlug).toLowerCase(),
    slugorfilename: place.slug ?? place.fileSlug, filename: place.fileSlug, contentbasename: place.fileSlug, contentbasenameorslug: place.slug ?? place.fileSlug,
    categories: place.categories.map((category) => encodeURIComponent(category.toLowerCase()).replace(/%20/g, '%20')).join('/'),
    section: place.folders[0] ?? '', sections: place.folders.join('/'), output_ext: '.html',
  };
  const url = template.replace(/:(i_month|i_day|short_year|y_day|yearday|year|month|day|hour|minute|second|title|slugorfilename|slug|filename|contentbasenameorslug|contentbasename|categories|sections|section|output_ext)/g, (_, token: string) => values[token] ?? '');
  return normalise(url.startsWith('/') ? url : `/${url}`);
}

/** No doubled slashes (an empty :categories), a leading slash. */
function normalise(url: string): string {
  return url.replace(/\/{2,}/g, '/');
}

/** Jekyll's slugify, mode "pretty", cased: what :title makes of a file name. */
function jekyllTitle(text: string): string {
  return text.replace(/[^\p{L}\p{N}._~!$&'()+,;=@]+/gu, '-').replace(/^-+|-+$/g, '');
}

/** Hugo's urlize of a title: lowercase, spaces to dashes, punctuation other than - _ . dropped. */
function urlize(title: string): string {
  return title.trim().toLowerCase().replace(/\s+/g, '-').replace(/[^\p{L}\p{N}\-_.~]/gu, '');
}
