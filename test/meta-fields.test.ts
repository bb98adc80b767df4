// Article metadata as the cache index stores it (src/render/meta-fields.ts): a row of its fields'
// values, made back into one object with every field, in renderArticle's order.

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../src/config.js';
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
});
