// Dates as pages show them: in the site's zone and language, in the language's own long form
// (Intl, asked directly) or in a format the site chose (Luxon), and the names of archive months and days.

import { DateTime, Info } from 'luxon';
import type { SiteDate } from './dates.js';

// Every article's date is shown on its page and on a dozen list pages, feeds and archives:
// formatting each (date, format) once saves most of Luxon's work. Bounded, for huge archives.
const formatted = new Map<string, string>();
const FORMAT_CACHE_LIMIT = 100_000;

/** Format an ISO date for display, in the site's zone and locale, with a Luxon format string. */
export function formatDate(iso: string, format: string, zone: string, locale: string): string {
  return memoised(iso, format, zone, locale, (value) => value.toFormat(format));
}

/**
 * How a site shows dates on its pages: its zone and language, and the Luxon formats it chose, if
 * any (config `dateFormat` for dates with a time, `dayFormat` for dates without).
 */
export interface DateDisplay {
  timeZone: string;
  locale: string;
  dateFormat?: string;
  dayFormat?: string;
}

/** The locale's long date with hours and minutes: "December 18, 2025 at 7:20 PM" (en), "18 декабря 2025 г. в 19:20" (ru). */
const LOCAL_DATE_TIME = { ...DateTime.DATE_FULL, hour: 'numeric', minute: '2-digit' } as const;

/**
 * A date as a page shows it, in the site's zone: with its time when the author gave one, else the
 * day alone. The site's format for each case if it set one, else the language's own long form
 * ("December 18, 2025" in en, "18 декабря 2025 г." in ru).
 */
export function displayDate(date: Pick<SiteDate, 'iso' | 'hasTime'>, display: DateDisplay): string {
  const format = date.hasTime ? display.dateFormat : display.dayFormat;
  if (format !== undefined) return formatDate(date.iso, format, display.timeZone, display.locale);
  // The language's own form is Intl's: asked directly, ~1 µs a date where Luxon's parse and
  // format took ~14 µs (the same text: test/dates.test.ts compares them over zones and languages).
  // Each date is shown on a dozen pages: formatted once (bounded, as formatDate's).
  const formatter = longFormatter(display.locale, display.timeZone, date.hasTime);
  if (formatter) {
    const shown = formatter.shown.get(date.iso);
    if (shown !== undefined) return shown;
    const epoch = Date.parse(date.iso);
    if (!Number.isNaN(epoch)) return remember(formatter.shown, date.iso, formatter.intl.format(epoch));
  }
  const key = date.hasTime ? '\u0001datetime' : '\u0001day';
  return memoised(date.iso, key, display.timeZone, display.locale, (value) => value.toLocaleString(date.hasTime ? LOCAL_DATE_TIME : DateTime.DATE_FULL));
}

/**
 * Intl's long-date formatters by language, zone and with or without the time; null where Intl
 * refuses either, or for a zone Luxon takes as a fixed offset ("UTC", "UTC+5"), which it formats
 * its own way: Luxon formats those.
 */
const longFormatters = new Map<string, LongFormatter | null>();

/** An Intl formatter and the texts it gave, by ISO date. */
interface LongFormatter {
  intl: Intl.DateTimeFormat;
  shown: Map<string, string>;
}

function longFormatter(locale: string, zone: string, withTime: boolean): LongFormatter | null {
  const key = `${locale}\u0000${zone}\u0000${withTime}`;
  let formatter = longFormatters.get(key);
  if (formatter === undefined) {
    try {
      formatter = Info.normalizeZone(zone).type === 'iana' ? { intl: new Intl.DateTimeFormat(locale, { ...(withTime ? LOCAL_DATE_TIME : DateTime.DATE_FULL), timeZone: zone }), shown: new Map() } : null;
    } catch {
      formatter = null;
    }
    longFormatters.set(key, formatter);
  }
  return formatter;
}

function memoised(iso: string, format: string, zone: string, locale: string, render: (value: DateTime) => string): string {
  const key = `${iso}\u0000${format}\u0000${zone}\u0000${locale}`;
  const text = formatted.get(key);
  if (text !== undefined) return text;
  const value = DateTime.fromISO(iso, { zone }).setLocale(locale);
  return remember(formatted, key, value.isValid ? render(value) : iso);
}

/** Keep `text` under `key` in one of the bounded memos (FORMAT_CACHE_LIMIT), and give it back. */
function remember(memo: Map<string, string>, key: string, text: string): string {
  if (memo.size >= FORMAT_CACHE_LIMIT) memo.clear();
  memo.set(key, text);
  return text;
}

/**
 * Month name for archive headings, as the locale writes a month of a year, with a capital first
 * letter as a heading has: "December 2025" (en), "Декабрь 2025 г." (ru), "2025 ж. желтоқсан" (kk).
 */
export function monthName(year: string, month: string, locale: string): string {
  const name = DateTime.fromObject({ year: Number(year), month: Number(month), day: 1 }, { locale }).toLocaleString({ month: 'long', year: 'numeric' });
  return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
}

/** Day name for archive headings: "December 18, 2025" (en), "18 декабря 2025 г." (ru), "2025 ж. 18 желтоқсан" (kk). */
export function dayName(year: string, month: string, day: string, locale: string): string {
  return DateTime.fromObject(
    { year: Number(year), month: Number(month), day: Number(day) },
    { locale },
  ).toLocaleString(DateTime.DATE_FULL);
}
