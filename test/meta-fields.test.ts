// Article metadata as the cache index stores it (src/render/meta-fields.ts): a row of its fields'
// values, made back into one object with every field, in renderArticle's order.

import fc from 'fast-check';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../src/config.js';
import { dateCell, dateFromCell, parseContentDate, siteDateFromEpoch } from '../src/dates.js';
import { renderArticle } from '../src/render/article.js';
import { META_FIELDS, metaFromRow, metaRow, withEveryField } from '../src/render/meta-fields.js';
import { articleSettings } from '../src/render/setup.js';
import type { ArticleMeta } from '../src/types/index.js';
import { article } from './helpers/site.js';

const SETTINGS = articleSettings(resolveConfig({ timeZone: 'Asia/Almaty' }, path.resolve('site')));

/** An article's metadata as renderArticle makes it from `fields`. */
function rendered(fields: Record<string, string>): ArticleMeta {
  const result = renderArticle({ file: 'content/2025/12/a.md', contentPath: '2025/12/a.md', text: article(fields, 'A body with a [link](/2025/12/01/other/).'), key: 'k1' }, SETTINGS);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.article.meta;
}

describe('article metadata read back from the cache index', () => {
  const plain = rendered({ title: 'Plain', date: '2025-12-18 19:20' });
  const full = rendered({
    title: 'Full', date: '2025-12-18 19:20', updated: '2025-12-19 08:00', expires: '2026-12-19 08:00', topic: 'Culture', tags: '[One, Two]',
    author: '[Aliya Nur]', source: 'Wire', image: 'photo.jpg', imageAlt: 'A photo', imageCaption: 'The caption', imageCredit: 'Staff',
    aliases: '[/old/full/]', summary: 'Short.',
  });

  it('has every field renderArticle writes, in its order, whether or not the article sets it', () => {
    expect(Object.keys(plain)).toEqual(META_FIELDS);
    for (const meta of [plain, full]) {
      const back = metaFromRow(JSON.parse(JSON.stringify(metaRow(meta))) as unknown[]);
      expect(Object.keys(back)).toEqual(META_FIELDS);
      expect(back).toEqual(meta);
    }
  });

  it('an optional field left out reads back as undefined, not null', () => {
    const back = metaFromRow(JSON.parse(JSON.stringify(metaRow(plain))) as unknown[]);
    expect(back.updated).toBeUndefined();
    expect(back.image).toBeUndefined();
    expect(full.updated).toBeDefined();
  });

  it('metadata parsed from JSON objects (the log) gets every field back too', () => {
    const parsed = JSON.parse(JSON.stringify(full)) as ArticleMeta;
    expect(Object.keys(parsed)).not.toEqual(META_FIELDS);
    expect(Object.keys(withEveryField(parsed))).toEqual(META_FIELDS);
    expect(withEveryField(parsed)).toEqual(full);
  });

  it('a date kept as [iso, hasTime] comes back the same, in any zone, with or without a time', () => {
    const zones = ['Asia/Almaty', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'UTC', 'Pacific/Kiritimati'];
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1, 0, 1), max: Date.UTC(9998, 11, 31) }), fc.constantFrom(...zones), fc.boolean(), (epoch, zone, withTime) => {
        const iso = new Date(epoch).toISOString();
        const date = parseContentDate(withTime ? `${iso.slice(0, 10)} ${iso.slice(11, 19)}` : iso.slice(0, 10), zone);
        if (!date) return;
        const cell = dateCell(date);
        // Offsets of whole minutes (all of these zones' since 1970) make a cell; a local mean time
        // of 1924 (+05:07:48 in Almaty, +05:07 in ISO) cannot, and is kept whole.
        if (epoch >= 0) expect(Array.isArray(cell)).toBe(true);
        const back = dateFromCell(JSON.parse(JSON.stringify(cell)));
        expect(back).toEqual(date);
        expect(Object.keys(back)).toEqual(Object.keys(date));
      }),
      { numRuns: 500 },
    );
  });

  it('a date whose ISO text is not the plain form is kept whole', () => {
    // Year 10000 in the site's zone: Luxon writes +010000-01-01T...
    const far = siteDateFromEpoch(Date.UTC(9999, 11, 31, 23, 0), 'Pacific/Kiritimati');
    expect(far.iso.startsWith('+010000')).toBe(true);
    expect(dateCell(far)).toBe(far);
    expect(dateFromCell(JSON.parse(JSON.stringify(dateCell(far))))).toEqual(far);
  });

  it('a row keeps each date as [iso, hasTime] and reads back the whole date', () => {
    const row = JSON.parse(JSON.stringify(metaRow(full))) as unknown[];
    expect(row[META_FIELDS.indexOf('date')]).toEqual([full.date.iso, true]);
    expect(row[META_FIELDS.indexOf('updated')]).toEqual([full.updated!.iso, true]);
    expect(metaFromRow(row).date).toEqual(full.date);
  });
});
