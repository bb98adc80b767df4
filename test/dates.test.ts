import fc from 'fast-check';
import { DateTime, Settings } from 'luxon';
import { describe, expect, it, vi } from 'vitest';
import { dayName, displayDate, formatDate, monthName } from '../src/date-display.js';
import { buildTime, dateWithOffset, importedDateText, isCalendarDate, parseContentDate } from '../src/dates.js';

describe('a front-matter date', () => {
  it('in the hour a clock turns back is the first of its two readings, whenever the build runs', () => {
    const clock = Settings.now;
    try {
      // Luxon starts from the offset in force when it runs: a build in summer and one in winter.
      for (const season of [Date.UTC(2026, 6, 1), Date.UTC(2026, 0, 15)]) {
        Settings.now = () => season;
        expect(parseContentDate('2025-11-02 01:30', 'America/New_York')?.iso).toBe('2025-11-02T01:30:00-04:00');
        expect(parseContentDate('2025-10-26 02:30', 'Europe/Vienna')?.iso).toBe('2025-10-26T02:30:00+02:00');
        expect(parseContentDate('2025-04-06 01:45', 'Australia/Lord_Howe')?.iso).toBe('2025-04-06T01:45:00+11:00');
        // The hour a clock skips: that far past the change.
        expect(parseContentDate('2025-03-09 02:30', 'America/New_York')?.iso).toBe('2025-03-09T03:30:00-04:00');
        // An offset given is the instant, in either hour.
        expect(parseContentDate('2025-11-02T01:30:00-05:00', 'America/New_York')?.iso).toBe('2025-11-02T01:30:00-05:00');
        // Any wall clock reads back as itself, at the earliest instant that shows it.
        fc.assert(
          fc.property(fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2040, 0, 1) }), fc.constantFrom('America/New_York', 'Europe/Vienna', 'Australia/Lord_Howe', 'America/Santiago', 'Asia/Beirut'), (epoch, zone) => {
            const minute = Math.floor(epoch / 60_000) * 60_000;
            const text = DateTime.fromMillis(minute, { zone }).toFormat('yyyy-MM-dd HH:mm');
            const date = parseContentDate(text, zone)!;
            expect(DateTime.fromMillis(date.epoch, { zone }).toFormat('yyyy-MM-dd HH:mm')).toBe(text);
            expect(date.epoch).toBeLessThanOrEqual(minute);
            expect(minute - date.epoch).toBeLessThanOrEqual(3 * 60 * 60_000);
          }),
          { numRuns: 1000 },
        );
      }
    } finally {
      Settings.now = clock;
    }
  });

  it('without an offset is read in the site time zone, never UTC', () => {
    expect(parseContentDate('2025-12-18 19:20', 'Asia/Almaty')?.iso).toBe('2025-12-18T19:20:00+05:00');
    expect(parseContentDate('2025-12-18T19:20', 'Asia/Almaty')?.iso).toBe('2025-12-18T19:20:00+05:00');
    expect(parseContentDate('2025-12-18T19:20', 'Europe/Vienna')?.iso).toBe('2025-12-18T19:20:00+01:00');
    expect(parseContentDate('2025-07-18T19:20', 'Europe/Vienna')?.iso).toBe('2025-07-18T19:20:00+02:00');
  });

  it('that is only a day means midnight in the site time zone', () => {
    const date = parseContentDate('2025-12-18', 'Asia/Almaty');
    expect(date).toMatchObject({ iso: '2025-12-18T00:00:00+05:00', year: '2025', month: '12', day: '18' });
    expect(date?.epoch).toBe(Date.parse('2025-12-17T19:00:00Z'));
  });

  it('remembers whether the author gave a time, and gives <time datetime> the day alone when not', () => {
    expect(parseContentDate('2025-12-18', 'Asia/Almaty')).toMatchObject({ hasTime: false, datetime: '2025-12-18' });
    expect(parseContentDate('2025-12-18 19:20', 'Asia/Almaty')).toMatchObject({ hasTime: true, datetime: '2025-12-18T19:20:00+05:00' });
    // Midnight written out is a time the author gave.
    expect(parseContentDate('2025-12-18T00:00', 'Asia/Almaty')).toMatchObject({ hasTime: true, datetime: '2025-12-18T00:00:00+05:00' });
  });

  it('takes every offset a clock keeps, from -12:00 to +14:00 (Kiribati)', () => {
    for (const text of ['2025-12-18T19:20:00+14:00', '2025-12-18T19:20:00-12:00', '2025-12-18T19:20:00+05:45']) expect(parseContentDate(text, 'UTC'), text).toBeDefined();
  });

  it('with an offset keeps its moment and is shown in the site time zone', () => {
    const date = parseContentDate('2025-12-18T22:30:00Z', 'Asia/Almaty');
    expect(date).toMatchObject({ iso: '2025-12-19T03:30:00+05:00', day: '19' });
    expect(parseContentDate('2025-12-18T19:20:00+03:00', 'Asia/Almaty')?.iso).toBe('2025-12-18T21:20:00+05:00');
  });

  it("in Jekyll's form, a space before the offset and no T, keeps its moment", () => {
    expect(parseContentDate('2014-12-17 11:16:21 -0800', 'UTC')?.iso).toBe('2014-12-17T19:16:21Z');
    expect(parseContentDate('2014-12-17 11:16:21 +05:30', 'UTC')?.iso).toBe('2014-12-17T05:46:21Z');
    expect(parseContentDate('2016-03-10 12:00:00 UTC', 'Asia/Almaty')?.iso).toBe('2016-03-10T18:00:00+06:00');
  });

  it('is rejected when it is not an ISO date', () => {
    for (const text of ['18.12.2025', '2025-13-01', '2025-12-32', '2025-12-1', 'yesterday', '', '2025-12-18T25:00', '2025-12-18T19:20:00+99:00', '2025-12-18T19:20+14:01', '2025-12-18T19:20-05:60', '0000-01-01']) {
      expect(parseContentDate(text, 'Asia/Almaty'), text).toBeUndefined();
    }
  });
});

describe('a date another system wrote, as an importer reads it', () => {
  it('keeps its wall clock and offset: ISO 8601, RSS (RFC 2822) and its loose variants', () => {
    expect(importedDateText('2014-12-17 11:16:21 -0800')).toBe('2014-12-17T11:16:21-08:00');
    expect(importedDateText('Wed, 17 Dec 2014 11:16:21 -0800')).toBe('2014-12-17T11:16:21-08:00');
    expect(importedDateText('17 Dec 2014 11:16:21 GMT')).toBe('2014-12-17T11:16:21Z');
    expect(importedDateText('Tue, 1 January 2019 10:00:00 +0100')).toBe('2019-01-01T10:00:00+01:00');
    expect(importedDateText('2021-09-06T16:45:00.123+0000')).toBe('2021-09-06T16:45:00+00:00');
    expect(importedDateText('2025-12-18')).toBe('2025-12-18');
    for (const bad of ['2025-02-30', 'soon', '']) expect(importedDateText(bad), bad).toBeUndefined();
  });

  it("from WordPress's local and UTC times, is the local time with its offset", () => {
    expect(dateWithOffset('2020-07-01 12:00:00', '2020-07-01 10:00:00')).toBe('2020-07-01T12:00:00+02:00');
    expect(dateWithOffset('2020-07-01 05:30:00', '2020-07-01 10:00:00')).toBe('2020-07-01T05:30:00-04:30');
    // Drafts have no UTC time: the wall clock, read in the site's zone.
    expect(dateWithOffset('2020-07-01 12:00:00', '0000-00-00 00:00:00')).toBe('2020-07-01T12:00:00');
  });
});

describe('a calendar date', () => {
  it('must exist: no 31 April, no 29 February outside leap years, no 25:00', () => {
    for (const good of ['2025-12-18', '2024-02-29', '2025-12-18 19:20', '2025-04-30']) expect(isCalendarDate(good), good).toBe(true);
    for (const bad of ['2025-04-31', '2025-02-29', '2025-12-18 25:00', '2025-12-18 19:60', '2025-13-01', '18.12.2025']) expect(isCalendarDate(bad), bad).toBe(false);
  });
});

describe('the build time', () => {
  it('comes from SOURCE_DATE_EPOCH when set', () => {
    expect(buildTime({ SOURCE_DATE_EPOCH: '1766000000' })).toBe(1766000000_000);
  });

  it('is the clock otherwise, also when SOURCE_DATE_EPOCH is not a count of seconds', () => {
    vi.useFakeTimers({ now: Date.parse('2025-12-18T14:20:00.123Z'), toFake: ['Date'] });
    try {
      expect(buildTime({})).toBe(Date.parse('2025-12-18T14:20:00.123Z'));
      for (const epoch of ['', 'soon', '1766000000.5', '-1', '2025-12-18']) {
        expect(buildTime({ SOURCE_DATE_EPOCH: epoch }), epoch).toBe(Date.parse('2025-12-18T14:20:00.123Z'));
      }
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('date formatting', () => {
  it('shows dates in the site zone and language', () => {
    expect(formatDate('2025-12-18T14:20:00Z', 'd MMMM yyyy, HH:mm', 'Asia/Almaty', 'en')).toBe('18 December 2025, 19:20');
    expect(formatDate('2025-12-18T14:20:00Z', 'd MMMM yyyy', 'Asia/Almaty', 'ru')).toBe('18 декабря 2025');
    expect(monthName('2025', '12', 'en')).toBe('December 2025');
    expect(dayName('2025', '12', '18', 'en')).toBe('December 18, 2025');
  });

  const ALMATY = { timeZone: 'Asia/Almaty', locale: 'en' };
  const day = parseContentDate('2025-12-17', 'Asia/Almaty')!;
  const timed = parseContentDate('2025-12-18 19:20', 'Asia/Almaty')!;

  it('shows a date given without a time as the day alone, in the language’s long form', () => {
    expect(displayDate(day, ALMATY)).toBe('December 17, 2025');
    expect(displayDate(day, { ...ALMATY, locale: 'en-GB' })).toBe('17 December 2025');
    expect(displayDate(day, { ...ALMATY, locale: 'ru' })).toBe('17 декабря 2025 г.');
    // A site in another zone still shows the day the author wrote: it was read in that zone.
    expect(displayDate(parseContentDate('2025-12-17', 'America/New_York')!, { timeZone: 'America/New_York', locale: 'en' })).toBe('December 17, 2025');
  });

  it('shows a date with a time in the site zone, localised', () => {
    expect(displayDate(timed, ALMATY)).toMatch(/^December 18, 2025 at 7:20\sPM$/);
    expect(displayDate(timed, { ...ALMATY, locale: 'en-GB' })).toBe('18 December 2025 at 19:20');
    expect(displayDate(timed, { ...ALMATY, timeZone: 'Europe/Vienna', locale: 'de' })).toBe('18. Dezember 2025 um 15:20');
  });

  it('follows the site’s formats when it sets them: dateFormat with a time, dayFormat without', () => {
    const formats = { ...ALMATY, dateFormat: 'd MMMM yyyy, HH:mm', dayFormat: 'd MMMM yyyy' };
    expect(displayDate(timed, formats)).toBe('18 December 2025, 19:20');
    expect(displayDate(day, formats)).toBe('17 December 2025');
    // dateFormat alone never puts a time on a day: that keeps the language's long date.
    expect(displayDate(day, { ...ALMATY, dateFormat: 'd MMMM yyyy, HH:mm' })).toBe('December 17, 2025');
  });

  it('in the language’s long form, is the text Luxon gives, in any zone and language', () => {
    const zones = ['Asia/Almaty', 'UTC', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Pacific/Chatham', 'Etc/GMT+12', 'Europe/Vienna', 'Asia/Tehran', 'Etc/UTC', 'Asia/Kathmandu', 'America/St_Johns', 'Africa/Casablanca', 'Europe/Dublin'];
    const locales = ['en', 'en-GB', 'ru', 'kk', 'de', 'ar', 'fa', 'he', 'zh-CN', 'ja', 'tr', 'hi', 'uz-Latn', 'th', 'ar-EG', 'sr-Cyrl', 'ko'];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 0, 1) }),
        fc.constantFrom(...zones),
        fc.constantFrom(...locales),
        fc.boolean(),
        (epoch, zone, locale, hasTime) => {
          const text = DateTime.fromMillis(epoch, { zone }).toFormat(hasTime ? "yyyy-MM-dd HH:mm" : 'yyyy-MM-dd');
          const date = parseContentDate(text, zone)!;
          const luxon = DateTime.fromISO(date.iso, { zone })
            .setLocale(locale)
            .toLocaleString(hasTime ? { ...DateTime.DATE_FULL, hour: 'numeric', minute: '2-digit' } : DateTime.DATE_FULL);
          expect(displayDate(date, { timeZone: zone, locale })).toBe(luxon);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
