// Dates are a domain: this module owns time zones, parsing and formatting. Nothing else in src/
// calls `new Date(string)` or reads the wall clock.
//
// Rule: a front-matter date without an offset is a wall-clock time in the site's time zone (a
// newsroom in Almaty writes `date: 2025-12-18 19:20` and means 19:20 in Almaty), never UTC. Every
// date is then expressed in the site's zone, so grouping by day/month/year and the offset shown in
// `<time datetime>` agree with what readers in that zone see on the page.

import { DateTime, Info } from 'luxon';

/** A point in time, already placed in the site's time zone. Plain data: safe to cache and clone. */
export interface SiteDate {
  /** ISO 8601 with the zone's offset, seconds precision: 2025-12-18T19:20:00+05:00 */
  iso: string;
  /** Milliseconds since the epoch, for sorting and comparisons. */
  epoch: number;
  year: string; // 2025
  month: string; // 12
  day: string; // 18
  /**
   * Whether the author gave a time of day. `2025-12-18` is midnight in the site's zone (for sorting,
   * feeds and JSON-LD) but is shown on pages as the day alone, never as "00:00".
   */
  hasTime: boolean;
  /** The value for `<time datetime>`: `iso` when a time was given, else the day alone (2025-12-18). */
  datetime: string;
}

/** Whether `zone` is an IANA zone name ("Asia/Almaty") that this runtime's Intl data knows. */
export function isValidTimeZone(zone: string): boolean {
  return Info.isValidIANAZone(zone);
}

const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/;

/**
 * Reads a front-matter date: `2025-12-18`, `2025-12-18T19:20`, `2025-12-18 19:20:05`,
 * `2025-12-18T19:20:00+03:00` or `...Z`. Returns undefined when the text is not such a date.
 */
export function parseContentDate(text: string, zone: string): SiteDate | undefined {
  const trimmed = text.trim();
  if (!DATE_SHAPE.test(trimmed)) return undefined;
  const parsed = DateTime.fromISO(trimmed.replace(' ', 'T'), { zone });
  if (!parsed.isValid) return undefined;
  // The shape allows a time only after the day's ten characters.
  return toSiteDate(parsed, trimmed.length > 10);
}

/**
 * Is "2025-12-18" or "2025-12-18 19:20" a real calendar day and time (no 31 April, no 25:00)?
 * Checked without a zone: a wall-clock time, as front-matter writes it.
 */
export function isCalendarDate(text: string): boolean {
  return DATE_SHAPE.test(text) && DateTime.fromISO(text.replace(' ', 'T'), { zone: 'UTC' }).isValid;
}

function toSiteDate(value: DateTime, hasTime: boolean): SiteDate {
  const second = value.startOf('second');
  const iso = second.toISO({ suppressMilliseconds: true, includeOffset: true }) ?? '';
  const year = String(second.year).padStart(4, '0');
  const month = String(second.month).padStart(2, '0');
  const day = String(second.day).padStart(2, '0');
  return { iso, epoch: second.toMillis(), year, month, day, hasTime, datetime: hasTime ? iso : `${year}-${month}-${day}` };
}

/** A moment from epoch milliseconds, in the site's zone (with its time of day). */
export function siteDateFromEpoch(epoch: number, zone: string): SiteDate {
  return toSiteDate(DateTime.fromMillis(epoch, { zone }), true);
}

/**
 * The build's notion of "now": `SOURCE_DATE_EPOCH` (seconds, the reproducible-builds convention)
 * when set, else the wall clock. Scheduling, expiry and the news sitemap all use this one value.
 */
export function buildTime(env: NodeJS.ProcessEnv = process.env): number {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return Number(epoch) * 1000;
  return Date.now();
}

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
  const key = date.hasTime ? '\u0001datetime' : '\u0001day';
  return memoised(date.iso, key, display.timeZone, display.locale, (value) => value.toLocaleString(date.hasTime ? LOCAL_DATE_TIME : DateTime.DATE_FULL));
}

function memoised(iso: string, format: string, zone: string, locale: string, render: (value: DateTime) => string): string {
  const key = `${iso}\u0000${format}\u0000${zone}\u0000${locale}`;
  let text = formatted.get(key);
  if (text === undefined) {
    const value = DateTime.fromISO(iso, { zone }).setLocale(locale);
    text = value.isValid ? render(value) : iso;
    if (formatted.size >= FORMAT_CACHE_LIMIT) formatted.clear();
    formatted.set(key, text);
  }
  return text;
}

/** Is a value (a template variable, say) a SiteDate? */
export function isSiteDate(value: unknown): value is SiteDate {
  return typeof value === 'object' && value !== null && typeof (value as SiteDate).iso === 'string' && typeof (value as SiteDate).hasTime === 'boolean';
}

/** Month name for archive headings: "December 2025". */
export function monthName(year: string, month: string, locale: string): string {
  return DateTime.fromObject({ year: Number(year), month: Number(month), day: 1 }, { locale }).toFormat(
    'LLLL yyyy',
  );
}

/** Day name for archive headings: "18 December 2025" (order follows the locale). */
export function dayName(year: string, month: string, day: string, locale: string): string {
  return DateTime.fromObject(
    { year: Number(year), month: Number(month), day: Number(day) },
    { locale },
  ).toLocaleString(DateTime.DATE_FULL);
}
