// Dates are a domain: this module owns time zones, parsing and formatting. Nothing else in src/
// calls `new Date(string)` or reads the wall clock.
//
// Rule: a front-matter date without an offset is a wall-clock time in the site's time zone (a
// newsroom in Almaty writes `date: 2025-12-18 19:20` and means 19:20 in Almaty), never UTC. Every
// date is then expressed in the site's zone, so grouping by day/month/year and the offset shown in
// `<time datetime>` agree with what readers in that zone see on the page.

import { DateTime, FixedOffsetZone, Info } from 'luxon';

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

/**
 * The forms a front-matter date may take: a day, then optionally a time, then optionally an offset
 * (Z, +05:00, +0500, +05; a space may stand before it, as Jekyll writes `2014-12-17 11:16:21 -0800`,
 * and UTC or GMT may stand for Z).
 */
const DATE_SHAPE = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(?: ?(Z|[+-]\d{2}(?::?\d{2})?)| (?:UTC|GMT))?)?$/;

/**
 * A front-matter date in the one ISO form Luxon reads (`2014-12-17T11:16:21-08:00`), or undefined
 * when the text has none of the shapes DATE_SHAPE allows. The day and time are kept as written.
 */
function isoForm(text: string): { iso: string; hasTime: boolean } | undefined {
  const match = DATE_SHAPE.exec(text.trim());
  if (!match) return undefined;
  const [whole, day, time, offset] = match;
  // No year 0 (ISO's year before 1 CE, which no calendar page shows).
  if (day!.startsWith('0000')) return undefined;
  if (time === undefined) return { iso: day!, hasTime: false };
  const extended = offset === undefined ? (/ (?:UTC|GMT)$/.test(whole) ? 'Z' : '') : extendedOffset(offset);
  if (!realOffset(extended)) return undefined;
  return { iso: `${day}T${time}${extended}`, hasTime: true };
}

/** Is an offset ("+05:00", "Z", none) one a clock keeps: at most 14 hours from UTC, under 60 minutes? */
function realOffset(offset: string): boolean {
  if (offset === '' || offset === 'Z') return true;
  const hours = Number(offset.slice(1, 3));
  const minutes = Number(offset.slice(4, 6));
  return minutes < 60 && hours * 60 + minutes <= 14 * 60;
}

/** An ISO date-time that says its offset (or Z): one instant, whatever the zone. */
const OFFSET_GIVEN = /(?:Z|[+-]\d{2}:\d{2})$/;

/** "+0500", "+05" or "+05:00" -> "+05:00"; "Z" stays. */
function extendedOffset(offset: string): string {
  if (offset === 'Z') return offset;
  const digits = offset.slice(1).replace(':', '');
  return `${offset[0]}${digits.slice(0, 2)}:${digits.slice(2, 4) || '00'}`;
}

/** Forms feeds write dates in besides RFC 2822 proper: no weekday, long month names, a zone comment. */
const LOOSE_FEED_FORMS = ['d LLL yyyy HH:mm:ss ZZZ', 'd LLL yyyy HH:mm ZZZ', 'd LLLL yyyy HH:mm:ss ZZZ', 'd LLL yyyy HH:mm:ss z', 'd LLL yyyy'];

/**
 * A date as another publishing system wrote it, as front-matter date text that keeps its wall
 * clock and its offset: ISO 8601 and the front-matter forms (`2014-12-17 11:16:21 -0800` ->
 * `2014-12-17T11:16:21-08:00`; without an offset it stays without one, to be read in the site's
 * time zone), RFC 2822 as RSS writes it (`Wed, 17 Dec 2014 11:16:21 -0800`) and its common loose
 * variants, with the day and month names of another language too (`Seg, 06 Fev 2023 10:00:00
 * -0300`): `language` (a feed's `pt-BR`) first, else any common language that reads the month
 * one way. Undefined when the text is none of these, or no such day or time exists.
 */
export function importedDateText(text: string, language?: string): string | undefined {
  const trimmed = text.trim();
  const form = isoForm(trimmed) ?? isoForm(trimmed.replace(/\.\d+(?=Z|[+-]|$)/, ''));
  if (form) return DateTime.fromISO(form.iso, { setZone: true }).isValid ? form.iso.replace(/\.\d+/, '') : undefined;
  const rfc = DateTime.fromRFC2822(trimmed, { setZone: true });
  if (rfc.isValid) return isoWithOffset(rfc);
  // Weekday names and zone comments ("(UTC)") vary too much to match: the date is in what is left.
  const loose = trimmed.replace(/^\p{L}+\.?,?\s*/u, '').replace(/\s*\([^)]*\)\s*$/, '').replace(/\b(?:UT|GMT|UTC)$/, '+0000');
  for (const format of LOOSE_FEED_FORMS) {
    const parsed = DateTime.fromFormat(loose, format, { setZone: true, locale: 'en' });
    if (parsed.isValid) return format === 'd LLL yyyy' ? parsed.toISODate() ?? undefined : isoWithOffset(parsed);
  }
  // A month named in another language: read again with its English abbreviation.
  const named = /^(\d{1,2})\.?\s+(\p{L}+)\.?(\s+\d{4}\b.*)$/u.exec(loose);
  const month = named ? monthOfName(named[2]!, language) : undefined;
  const english = month === undefined ? undefined : `${named![1]} ${Info.months('short', { locale: 'en' })[month - 1]}${named![3]}`;
  // Once: when that is the text already, the month was not the trouble.
  return english === undefined || english === loose ? undefined : importedDateText(english);
}

/** Languages a month name is looked up in when the source does not say its own. */
const MONTH_LANGUAGES = ['en', 'pt', 'es', 'fr', 'de', 'it', 'nl', 'ca', 'ro', 'sv', 'da', 'nb', 'fi', 'pl', 'cs', 'hu', 'tr', 'id', 'ru', 'uk', 'kk'];

/** A name compared without case, accents or a closing dot: "Févr." and "fevr" are one. */
const foldName = (name: string) => name.normalize('NFD').replace(/\p{M}/gu, '').replace(/\.$/, '').toLowerCase();

const monthNamesByLanguage = new Map<string, string[][]>();

/** Each month's names in a language, folded: long and short, alone and in a date (Russian's "мая"). */
function monthNames(language: string): string[][] {
  let names = monthNamesByLanguage.get(language);
  if (!names) {
    const lists = [Info.months('long', { locale: language }), Info.months('short', { locale: language }), Info.monthsFormat('long', { locale: language }), Info.monthsFormat('short', { locale: language })];
    names = Array.from({ length: 12 }, (_, month) => [...new Set(lists.map((list) => foldName(list[month] ?? '')))]);
    monthNamesByLanguage.set(language, names);
  }
  return names;
}

/**
 * The month (1-12) a name or abbreviation of it (at least three letters: "fev", "Okt", "мая") says
 * in `language`, else in the languages of MONTH_LANGUAGES that read it, when they all read one month.
 */
function monthOfName(name: string, language: string | undefined): number | undefined {
  const folded = foldName(name);
  const readIn = (code: string): number | undefined => {
    const months = monthNames(code).flatMap((names, month) => (names.some((each) => each === folded || (folded.length >= 3 && each.startsWith(folded))) ? [month + 1] : []));
    return months.length === 1 ? months[0] : undefined;
  };
  const own = language && Intl.DateTimeFormat.supportedLocalesOf(language).length > 0 ? readIn(language) : undefined;
  if (own !== undefined) return own;
  const found = new Set(MONTH_LANGUAGES.map(readIn).filter((month) => month !== undefined));
  return found.size === 1 ? [...found][0] : undefined;
}

/**
 * A date written loosely, as Ruby's Time.parse still reads it (`2023-01-29 18:30:22 2023 -0800`):
 * the first year-month-day in the text, the first time after it and the first offset after that,
 * as importedDateText gives them. Undefined when there is no such day. For importers only: the
 * build itself reads strict forms.
 */
export function looseDateText(text: string): string | undefined {
  const day = /(\d{4})-(\d{1,2})-(\d{1,2})/.exec(text);
  if (!day) return undefined;
  const rest = text.slice(day.index + day[0].length);
  const time = /(?:^|[\sT])(\d{1,2}):(\d{2})(?::(\d{2}))?/.exec(rest);
  const offset = time ? /(?:^|\s)(Z|[+-]\d{2}:?\d{2})(?=\s|$)/.exec(rest.slice(time.index + time[0].length)) : undefined;
  const two = (part: string) => part.padStart(2, '0');
  const date = `${day[1]}-${two(day[2]!)}-${two(day[3]!)}`;
  const clock = time ? ` ${two(time[1]!)}:${time[2]}${time[3] ? `:${time[3]}` : ''}${offset ? ` ${offset[1]}` : ''}` : '';
  return importedDateText(`${date}${clock}`);
}

/**
 * The front-matter date text of a wall-clock time and the same moment in UTC, as WordPress keeps
 * them (`post_date`, `post_date_gmt`): the wall clock with its offset (`2020-01-01T12:00:00+02:00`).
 * Without a usable UTC time (WordPress writes 0000-00-00 00:00:00 for drafts), the wall clock alone.
 */
export function dateWithOffset(local: string, utc: string | undefined): string | undefined {
  const wall = isoForm(local);
  if (!wall || !DateTime.fromISO(wall.iso, { zone: 'UTC' }).isValid) return undefined;
  const moment = utc === undefined ? undefined : isoForm(utc);
  const instant = moment && DateTime.fromISO(moment.iso, { zone: 'UTC' });
  if (!instant || !instant.isValid) return wall.iso;
  const minutes = Math.round(DateTime.fromISO(wall.iso, { zone: 'UTC' }).diff(instant, 'minutes').minutes);
  // Real offsets lie within ±14 hours; anything else is a broken export, read in the site's zone.
  if (Math.abs(minutes) > 14 * 60) return wall.iso;
  const zone = FixedOffsetZone.instance(minutes);
  return isoWithOffset(DateTime.fromISO(wall.iso, { zone }));
}

/**
 * The calendar parts of a date text as another generator shows it in URLs: the wall clock as
 * written, or, when the text has an offset and the generator has a time zone, the wall clock there.
 * Undefined when the text is not a date.
 */
export function wallClock(text: string, zone?: string): { year: string; month: string; day: string; hour: string; minute: string; second: string; dayOfYear: string } | undefined {
  const imported = importedDateText(text);
  if (!imported) return undefined;
  let value = DateTime.fromISO(imported, { setZone: true });
  if (zone && OFFSET_GIVEN.test(imported) && Info.isValidIANAZone(zone)) value = value.setZone(zone);
  if (!value.isValid) return undefined;
  const two = (n: number) => String(n).padStart(2, '0');
  return { year: String(value.year).padStart(4, '0'), month: two(value.month), day: two(value.day), hour: two(value.hour), minute: two(value.minute), second: two(value.second), dayOfYear: String(value.ordinal).padStart(3, '0') };
}

function isoWithOffset(value: DateTime): string {
  return value.startOf('second').toISO({ suppressMilliseconds: true, includeOffset: true }) ?? '';
}

/**
 * Reads a front-matter date: `2025-12-18`, `2025-12-18T19:20`, `2025-12-18 19:20:05`,
 * `2025-12-18T19:20:00+03:00`, `...Z`, or Jekyll's `2014-12-17 11:16:21 -0800`. Returns undefined
 * when the text is not such a date.
 */
export function parseContentDate(text: string, zone: string): SiteDate | undefined {
  const form = isoForm(text);
  if (!form) return undefined;
  const parsed = DateTime.fromISO(form.iso, { zone });
  if (!parsed.isValid) return undefined;
  return toSiteDate(OFFSET_GIVEN.test(form.iso) ? parsed : firstReading(parsed), form.hasTime);
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A wall-clock time as read in its zone, the same whenever the build runs. Luxon starts from the
 * offset in force at the moment it runs: a time in the hour a clock turns back, which happens
 * twice, came out in summer time from a build in summer and in winter time from one in winter.
 * Here it is always the first of the two, as java.time and Temporal read it. A time in the hour a
 * clock skips stays as Luxon gives it, that far past the change.
 */
function firstReading(value: DateTime): DateTime {
  if (value.zone.isUniversal) return value;
  const instant = value.toMillis();
  const wall = instant + value.offset * 60_000;
  let first = instant;
  // The other offset, if any, is the one in force a day before or a day after.
  for (const probe of [instant - DAY_MS, instant + DAY_MS]) {
    const offset = value.zone.offset(probe);
    const reading = wall - offset * 60_000;
    if (offset !== value.offset && reading < first && value.zone.offset(reading) === offset) first = reading;
  }
  return first === instant ? value : DateTime.fromMillis(first, { zone: value.zone });
}

/**
 * Is "2025-12-18" or "2025-12-18 19:20" a real calendar day and time (no 31 April, no 25:00)?
 * Checked without a zone: a wall-clock time, as front-matter writes it.
 */
export function isCalendarDate(text: string): boolean {
  const form = isoForm(text);
  return form !== undefined && DateTime.fromISO(form.iso, { zone: 'UTC' }).isValid;
}

function toSiteDate(value: DateTime, hasTime: boolean): SiteDate {
  // A date on a whole second (any front-matter date but one with fractions) is kept as it is:
  // startOf finds the instant again from the wall clock, which costs a zone lookup (an Intl call)
  // or three, ~25 µs an article.
  const second = value.millisecond === 0 ? value : value.startOf('second');
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

/** Is a value (a template variable, say) a SiteDate? */
export function isSiteDate(value: unknown): value is SiteDate {
  return typeof value === 'object' && value !== null && typeof (value as SiteDate).iso === 'string' && typeof (value as SiteDate).hasTime === 'boolean';
}
