// Slugs for article, topic and tag URLs: ASCII, lowercase, digits and single dashes.
//
// @sindresorhus/slugify transliterates Russian and most scripts well, but alone it drops Kazakh
// letters (Қазақстан -> aza-stan) and its default for ü/ö/ä is German (Türkiye -> tuerkiye); its
// `tr` locale also loses a capital İ (İstanbul -> stanbul). So we hand it explicit replacements for
// Kazakh Cyrillic and Turkish / Kazakh Latin letters, in both cases, applied before its own table.
// Words stay whole: the library's default splits camelCase (GitHub -> git-hub), which would give
// the tags GitHub and github two pages; with `decamelize: false` both are `github`.

import slugifyLibrary from '@sindresorhus/slugify';

const LETTERS: ReadonlyArray<readonly [string, string]> = [
  // Kazakh Cyrillic letters beyond Russian's alphabet.
  ['ә', 'a'], ['ғ', 'g'], ['қ', 'q'], ['ң', 'n'], ['ө', 'o'], ['ұ', 'u'], ['ү', 'u'], ['һ', 'h'], ['і', 'i'],
  // Turkish and Kazakh Latin.
  ['ü', 'u'], ['ö', 'o'], ['ä', 'a'], ['ğ', 'g'], ['ş', 's'], ['ı', 'i'], ['ç', 'c'], ['ñ', 'n'],
];

const customReplacements: Array<[string, string]> = [
  ...LETTERS.map(([from, to]): [string, string] => [from, to]),
  ...LETTERS.map(([from, to]): [string, string] => [from.toUpperCase(), to.toUpperCase()]),
  ['İ', 'I'],
  ['&', ' and '],
];

/** Longest slug made from a title; cut at a dash so words stay whole. */
const MAX_LENGTH = 80;

// Tag and topic names repeat across thousands of articles: each distinct name is slugified once.
const memo = new Map<string, string>();
const MEMO_LIMIT = 50_000;

/** Slugify text; may return '' when nothing transliterates (emoji-free punctuation, say). */
export function slugify(text: string): string {
  let slug = memo.get(text);
  if (slug === undefined) {
    slug = shorten(slugifyLibrary(text, { customReplacements, decamelize: false }));
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(text, slug);
  }
  return slug;
}

/** A slug of at most MAX_LENGTH characters, cut at a dash when one is near the end. */
function shorten(slug: string): string {
  if (slug.length <= MAX_LENGTH) return slug;
  const head = slug.slice(0, MAX_LENGTH + 1);
  const lastDash = head.lastIndexOf('-');
  return lastDash > MAX_LENGTH / 2 ? head.slice(0, lastDash) : slug.slice(0, MAX_LENGTH);
}

/**
 * A slug that is never empty: text that yields nothing (say "!!!" or "—") falls back to a stable
 * short hash of the text, prefixed, so two such names still get different URLs.
 */
export function slugOrFallback(text: string, prefix: string): string {
  return slugify(text) || `${prefix}-${shortHash(text)}`;
}

/**
 * A valid slug: runs of lowercase ASCII letters and digits joined by single dashes, never empty.
 * Not global, so test() is safe to call repeatedly.
 */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Whether `slug` matches SLUG_PATTERN: what a front-matter `slug:` must be. */
export function isValidSlug(slug: string): boolean {
  return SLUG_PATTERN.test(slug);
}

/** FNV-1a, 32 bits, as 7 base-36 characters: stable across runs and machines. */
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36).padStart(7, '0');
}
