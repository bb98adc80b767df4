// The template filters that speak the page's language: the theme's texts (`t`, `t_html`,
// `t_script`), numbers (`number`), dates (`date_format`) and links within it (`local_url`). Each finds the page's language in the
// render's `language` variable (render-page.ts sets it on every page, the card filter on every
// card); a template rendered without it (a site's `{% render %}`) speaks the site's default language.

import type { FilterImplOptions, Liquid } from 'liquidjs';
import type { SiteConfig } from '../config.js';
import { withBasePath } from '../urls.js';
import { dateDisplayOf, dateFormatFilter } from './filters.js';
import type { UiStrings, UiText, UiValues } from './ui-text.js';

/** What `this` is inside a filter (liquidjs exports the handler type, not its `this`). */
export type FilterThis = ThisParameterType<Extract<FilterImplOptions, (...args: never[]) => unknown>>;

/** The page language's code, as the render's `language` variable holds it; undefined without one. */
export function renderLanguage(filter: FilterThis): string | undefined {
  const language = (filter.context.environments as { language?: { code?: unknown } | null }).language;
  return typeof language?.code === 'string' ? language.code : undefined;
}

/** Named filter arguments (`t: count: 2, name: "x"` reaches a filter as ["count", 2], ["name", "x"]) as values. */
function valuesOf(args: readonly unknown[]): UiValues {
  const values: Record<string, unknown> = {};
  for (const arg of args) if (Array.isArray(arg) && arg.length === 2 && typeof arg[0] === 'string') values[arg[0]] = arg[1];
  return values;
}

/**
 * Register on an engine, each in the page's language:
 * - `{{ "article.related" | t }}`, `{{ "list.count" | t: count: 5 }}`: a text of the theme's
 *   tables (templates/i18n/), its {values} filled in, the form for `count` chosen by the language's
 *   plural rules; printed escaped, as any text.
 * - `{{ "byline.by" | t_html: names: links, count: 2 | raw }}`: the same as HTML, its words
 *   escaped and its values (markup the template made) put in as they are.
 * - `{{ "search.results" | t_script | json_ld | raw }}`: a group's texts, with their forms, the
 *   locale and how numbers are written, for a script that writes texts in the browser.
 * - `{{ count | number }}`: a number as the language writes it.
 * - `{{ date | date_format }}`: a date in the language's locale (filters.ts dateFormatFilter).
 * - `{{ "/topics/" | local_url }}`: a path of the page's own language as a link, under the base
 *   path and the language's prefix: /news/ru/topics/ on a Russian page of a multilingual site,
 *   /news/topics/ on any other.
 */
export function registerUiFilters(engine: Liquid, strings: UiStrings, config: SiteConfig): void {
  const textOf = (filter: FilterThis): UiText => strings.of(renderLanguage(filter) ?? config.language);
  engine.registerFilter('t', function (this: FilterThis, key: unknown, ...args: unknown[]) {
    return textOf(this).text(String(key), valuesOf(args));
  });
  engine.registerFilter('t_html', function (this: FilterThis, key: unknown, ...args: unknown[]) {
    return textOf(this).markup(String(key), valuesOf(args));
  });
  engine.registerFilter('t_script', function (this: FilterThis, key: unknown) {
    const text = textOf(this);
    return { locale: text.language.locale, plainNumbers: text.plainNumbers, texts: text.group(String(key)) };
  });
  engine.registerFilter('number', function (this: FilterThis, value: unknown) {
    return typeof value === 'number' ? textOf(this).number(value) : value;
  });
  engine.registerFilter('local_url', function (this: FilterThis, value: unknown) {
    const site = (this.context.environments as { site?: { prefix?: unknown } | null }).site;
    const prefix = typeof site?.prefix === 'string' ? site.prefix : '';
    return withBasePath(config.basePath, `${prefix}${String(value ?? '')}`);
  });
  const displays = new Map<string, (value: unknown, format?: unknown) => string>();
  engine.registerFilter('date_format', function (this: FilterThis, value: unknown, format?: unknown) {
    const locale = textOf(this).language.locale;
    let show = displays.get(locale);
    if (!show) displays.set(locale, (show = dateFormatFilter(dateDisplayOf(config, locale))));
    return show(value, format);
  });
}
