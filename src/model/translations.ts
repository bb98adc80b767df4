// A multilingual site's articles made whole: which translate which, and what a translation takes
// from its original. Translations share a translation key (front-matter `translationKey`, else
// the same path under each language folder: render/article.ts); the original is the article of
// the default language with that key. A translation takes from it the date, the lead image (with
// its alt text, caption, credit and focus), the topic, the tags and the authors it does not set
// itself; one with no original stands alone (it must then have a date of its own).
//
// Topics and tags keep one slug in every language, the one of their name in the default language:
// a language's term file (load/terms.ts) gives their names in it, and a translation that writes a
// term in its own language is matched back through the same file. Pure.

import { createHash } from 'node:crypto';
import path from 'node:path';
import type { TermNames } from '../load/terms.js';
import { problem, type Problem } from '../problems/index.js';
import { slugOrFallback } from '../slugs.js';
import type { ArticleMeta, Term, Translations } from '../types/index.js';
import { articleUrl } from '../urls.js';

/** The articles as read, made whole, with the translation groups and the problems found. */
export interface ResolvedTranslations {
  /** Every article, in the order given, each with what it takes from its original. */
  articles: ArticleMeta[];
  translations: Translations;
  problems: Problem[];
}

/** What resolveTranslations needs beyond the articles. */
export interface TranslationOptions {
  /** Each other language's term names. */
  names: ReadonlyMap<string, TermNames>;
  /**
   * Each language's name for the default topic, when the config sets none: an article that names
   * no topic and takes none from an original has it (its slug is the default language's name's,
   * as every topic's).
   */
  defaultTopics?: ReadonlyMap<string, string>;
  /**
   * Content files that were read but refused for their errors (their site paths, as problems name
   * them): a translation whose original is one of them is not also told it has no original.
   */
  refused?: ReadonlySet<string>;
}

/**
 * Resolve the translations among `all` (every article read, in file order) of a site whose
 * default language is `defaultLanguage` (see TranslationOptions).
 */
export function resolveTranslations(all: readonly ArticleMeta[], defaultLanguage: string, options: TranslationOptions): ResolvedTranslations {
  const { names, defaultTopics, refused } = options;
  const problems: Problem[] = [];
  const fallback = defaultTopics?.get(defaultLanguage);
  const defaultTopic = fallback === undefined ? undefined : { name: fallback, slug: slugOrFallback(fallback, 'topic') };
  const groups = new Map<string, Map<string, ArticleMeta>>();
  for (const meta of all) {
    if (meta.translationKey === undefined) continue;
    let group = groups.get(meta.translationKey);
    if (!group) groups.set(meta.translationKey, (group = new Map()));
    const other = group.get(meta.lang);
    if (other) {
      // At the place the key comes from: the translationKey field, else the file (its path is the key).
      const place = meta.translationKeyAt ?? { line: 1, column: 1 };
      problems.push(problem('translation-duplicate', meta.file, place, { key: meta.translationKey, lang: meta.lang, byField: meta.translationKeyAt !== undefined, other: other.file, otherLine: other.translationKeyAt?.line ?? 1, otherByField: other.translationKeyAt !== undefined }));
      continue;
    }
    group.set(meta.lang, meta);
  }
  const made = new Map<ArticleMeta, ArticleMeta>();
  const namesOf = new Map<string, TermNames>();
  // The originals first: a translation takes their topic as named here.
  for (const meta of all) {
    if (meta.lang === defaultLanguage && meta.inherits?.includes('topic')) made.set(meta, { ...meta, inherits: undefined, topic: defaultTopic ?? meta.topic });
  }
  const articles = all.map((meta) => {
    if (meta.lang === defaultLanguage) return made.get(meta) ?? meta;
    const found = meta.translationKey === undefined ? undefined : groups.get(meta.translationKey)?.get(defaultLanguage);
    const original = found && (made.get(found) ?? found);
    let own = namesOf.get(meta.lang);
    if (!own) namesOf.set(meta.lang, (own = termNames(names.get(meta.lang), defaultTopics?.get(meta.lang), fallback)));
    const whole = translated(meta, original, own, defaultTopic);
    if (whole.inherits?.includes('date') && !originalRefused(meta, defaultLanguage, refused)) {
      problems.push(problem('field-required', meta.file, { line: 1, column: 1 }, { field: 'date', expected: 'a date: this article has no original in the default language to take it from' }));
    }
    made.set(meta, whole);
    return whole;
  });
  const final = new Map<string, Map<string, ArticleMeta>>();
  const keyOf = new Map<ArticleMeta, string>();
  for (const [key, group] of groups) {
    const members = new Map([...group].map(([lang, meta]) => [lang, made.get(meta) ?? meta]));
    final.set(key, members);
    for (const meta of members.values()) keyOf.set(meta, key);
  }
  return { articles, translations: { groups: final, keyOf }, problems };
}

/**
 * Was the original `meta` translates read but refused (an error in it, reported as its own)? Its
 * place, were its key its path: the key under the content folder, or under the default language's.
 */
function originalRefused(meta: ArticleMeta, defaultLanguage: string, refused: ReadonlySet<string> | undefined): boolean {
  if (!refused || refused.size === 0 || meta.translationKey === undefined) return false;
  const contentFolder = meta.file.slice(0, meta.file.length - meta.contentPath.length);
  return refused.has(contentFolder + meta.translationKey) || refused.has(`${contentFolder}${defaultLanguage}/${meta.translationKey}`);
}

/**
 * A language's term names, with its name for the default topic (`own`, the default language's
 * being `fallback`) unless its term file gives one.
 */
function termNames(names: TermNames | undefined, own: string | undefined, fallback: string | undefined): TermNames {
  const given = names ?? { topics: new Map(), tags: new Map() };
  if (own === undefined || fallback === undefined || given.topics.has(fallback)) return given;
  return { topics: new Map([...given.topics, [fallback, own]]), tags: given.tags };
}

/**
 * An article of another language with what it takes from `original`, and its terms named in its
 * language; with no topic of its own nor an original's, `defaultTopic` (as the default language names it).
 */
function translated(meta: ArticleMeta, original: ArticleMeta | undefined, names: TermNames, defaultTopic: Term | undefined): ArticleMeta {
  const inherits = new Set(meta.inherits ?? []);
  const from = original && original !== meta ? original : undefined;
  const take = (field: NonNullable<ArticleMeta['inherits']>[number]) => from !== undefined && inherits.delete(field);
  const whole: ArticleMeta = { ...meta };
  if (take('date')) {
    whole.date = from!.date;
    whole.url = articleUrl(from!.date, meta.slug, `/${meta.lang}`);
  }
  // Written in this language, or taken in the default language's: either way named in this one, with the default's slug.
  whole.topic = localTerm(take('topic') ? from!.topic : inherits.has('topic') ? (defaultTopic ?? meta.topic) : meta.topic, names.topics, 'topic');
  whole.tags = (take('tags') ? from!.tags : meta.tags).map((tag) => localTerm(tag, names.tags, 'tag'));
  if (take('authors')) whole.authors = from!.authors;
  if (take('image') && from!.image !== undefined) {
    whole.image = imageFrom(from!, meta);
    // The photo's words may be the translation's own: an alt text, caption or credit in its language.
    whole.imageAlt = meta.imageAlt ?? from!.imageAlt;
    whole.imageCaption = meta.imageCaption ?? from!.imageCaption;
    whole.imageCredit = meta.imageCredit ?? from!.imageCredit;
    whole.imageFocus = meta.imageFocus ?? from!.imageFocus;
    whole.imageLine = from!.imageLine;
    whole.imageColumn = from!.imageColumn;
    whole.imageFrom = from!.imageFrom ?? { file: from!.file, image: from!.image };
  }
  whole.inherits = inherits.size > 0 ? [...inherits] : undefined;
  const taken = [whole.date, whole.url, whole.topic, whole.tags, whole.authors, whole.image, whole.imageAlt, whole.imageCaption, whole.imageCredit, whole.imageFocus, whole.imageLine, whole.imageColumn];
  whole.derived = createHash('sha1').update(JSON.stringify(taken)).digest('hex');
  return whole;
}

/** A term in a language: its name there (from its term names, by the default language's name, or as written), the default language's slug. */
function localTerm(term: Term, names: ReadonlyMap<string, string>, prefix: string): Term {
  // Written in this language: find the default language's name it translates.
  let canonical = term.name;
  for (const [from, to] of names) {
    if (to === term.name) {
      canonical = from;
      break;
    }
  }
  const slug = canonical === term.name && !names.has(term.name) ? term.slug : slugOrFallback(canonical, prefix);
  return { name: names.get(canonical) ?? term.name, slug };
}

/** The original's lead image as the translation's file would write it: relative paths re-pointed from its folder. */
function imageFrom(original: ArticleMeta, translation: ArticleMeta): string {
  const image = original.image!;
  if (image.startsWith('/') || /^[a-z][a-z0-9+.-]*:/i.test(image)) return image;
  const target = path.posix.join(path.posix.dirname(original.file), image);
  return path.posix.relative(path.posix.dirname(translation.file), target);
}
