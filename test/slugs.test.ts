import { describe, expect, it } from 'vitest';
import { isValidSlug, slugOrFallback, slugify } from '../src/slugs.js';

describe('slugs', () => {
  it('transliterate Kazakh letters', () => {
    expect(slugify('Қазақстан')).toBe('qazaqstan');
    expect(slugify('Әлем ғылымы Ұлытау Өскемен Үкімет Һ Іле Ңң')).toBe('alem-gylymy-ulytau-oskemen-ukimet-h-ile-nn');
  });

  it('transliterate Turkish and Kazakh Latin letters without German umlaut rules', () => {
    expect(slugify('Türkiye')).toBe('turkiye');
    expect(slugify('İstanbul Şehir Çay Ağaç Işık')).toBe('istanbul-sehir-cay-agac-isik');
    expect(slugify('Baqyt Qushağynda')).toBe('baqyt-qushagynda');
    expect(slugify('Ölke Änşi Ñ')).toBe('olke-ansi-n');
  });

  it('transliterate Russian', () => {
    expect(slugify('Алматы и Астана')).toBe('almaty-i-astana');
  });

  it('are lowercase ASCII with single dashes', () => {
    expect(slugify('  Kazakhstan’s Scientific & Literary "Corner"  ')).toBe('kazakhstans-scientific-and-literary-corner');
    expect(isValidSlug(slugify('A -- b // c'))).toBe(true);
  });

  it('keep words whole: capitals inside a word split nothing', () => {
    expect(slugify('GitHub')).toBe('github');
    expect(slugify('DirtyF')).toBe(slugify('dirtyf'));
    expect(slugify('iPhone and JavaScript')).toBe('iphone-and-javascript');
  });

  it('are cut at a word when long', () => {
    const slug = slugify('word '.repeat(40));
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.endsWith('word')).toBe(true);
  });

  it('never come out empty', () => {
    expect(slugify('!!!')).toBe('');
    expect(slugOrFallback('!!!', 'tag')).toMatch(/^tag-[a-z0-9]{7}$/);
    expect(slugOrFallback('!!!', 'tag')).toBe(slugOrFallback('!!!', 'tag'));
    expect(slugOrFallback('???', 'tag')).not.toBe(slugOrFallback('!!!', 'tag'));
  });

  it('given by authors must be lowercase letters, digits and dashes', () => {
    for (const bad of ['../x', 'a/b', 'A', 'a b', 'a--b', '-a', 'a-', '', 'é']) expect(isValidSlug(bad), bad).toBe(false);
    for (const good of ['a', 'new-flight-2025', '2025']) expect(isValidSlug(good), good).toBe(true);
  });
});
