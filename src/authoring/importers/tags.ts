// Tags for an imported article: the places, organisations and people it names, found with the
// gazetteer (gazetteer.ts), plus organisations introduced by an acronym in parentheses, such as
// "the Turkic History and Culture Foundation (TURKTAV)". Pure: text in, tag names out.

import { GAZETTEER, type GazetteerEntry } from './gazetteer.js';
import { buildPhraseIndex, findPhrases, type PhraseIndex } from './phrases.js';

/** More tags than this stop being useful on a news page; the first mentioned are kept. */
export const MAX_TAGS = 8;

/** "(TURKSOY)", "(MIM)": an acronym, two to twelve capitals and digits, introduced in parentheses. */
const PARENTHESISED_ACRONYM = /\((\p{Lu}[\p{Lu}\p{N}]{1,11})\)/gu;
/** Parenthesised capitals that are not names: roman numerals, currencies, units, common terms. */
const NOT_A_NAME = /^(?:M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})|USD|EUR|KZT|RUB|GDP|VAT|CEO|AI|IT|TV|UTC|GMT|COVID|SMS|PDF|FAQ)$/;

/** A case-sensitive phrase index from each spelling to its tag name (see buildGazetteerIndex). */
export type GazetteerIndex = PhraseIndex<string>;

/** Index gazetteer entries; a spelling listed under two names is a data error and throws. */
export function buildGazetteerIndex(entries: readonly GazetteerEntry[]): GazetteerIndex {
  const pairs = entries.flatMap((entry) => {
    const [name, ...variants] = typeof entry === 'string' ? [entry] : entry;
    return [name, ...variants].map((spelling) => [spelling, name] as const);
  });
  return buildPhraseIndex(pairs, {
    caseSensitive: true,
    onConflict: (spelling, first, second) => {
      throw new Error(`gazetteer: "${spelling}" is listed for both ${first} and ${second}`);
    },
  });
}

let defaultIndex: GazetteerIndex | undefined;

interface Mention {
  name: string;
  /** Order of first mention: which text (title first), then character offset. */
  text: number;
  offset: number;
}

/** Options for inferTags; `max` defaults to MAX_TAGS, `index` to the built-in GAZETTEER. */
export interface InferTagsOptions {
  /** Phrases to ignore wherever they occur, such as the attribution "Ministry of ... of Kazakhstan". */
  ignore?: readonly string[];
  max?: number;
  index?: GazetteerIndex;
}

/**
 * The names an article mentions, each once, in order of first mention (the title counts first),
 * at most `max` (default 8).
 */
export function inferTags(
  article: { title: string; paragraphs: readonly string[] },
  options: InferTagsOptions = {},
): string[] {
  const index = options.index ?? (defaultIndex ??= buildGazetteerIndex(GAZETTEER));
  const ignore = (options.ignore ?? []).filter(Boolean);
  const mentions: Mention[] = [];
  [article.title, ...article.paragraphs].forEach((original, textIndex) => {
    const text = blankOut(original, ignore);
    for (const match of findPhrases(text, index)) {
      mentions.push({ name: match.value, text: textIndex, offset: match.offset });
    }
    for (const match of text.matchAll(PARENTHESISED_ACRONYM)) {
      const acronym = match[1]!;
      // Known acronyms (UNESCO, UAE) were found above, under their tag name.
      if (NOT_A_NAME.test(acronym) || index.values.has(acronym)) continue;
      mentions.push({ name: acronym, text: textIndex, offset: match.index + 1 });
    }
  });
  mentions.sort((a, b) => a.text - b.text || a.offset - b.offset);

  const max = options.max ?? MAX_TAGS;
  const tags: string[] = [];
  const seen = new Set<string>();
  for (const { name } of mentions) {
    const key = name.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    tags.push(name);
    if (tags.length >= max) break;
  }
  return tags;
}

/** Replace each occurrence of the phrases with spaces, so nothing inside them is matched. */
function blankOut(text: string, phrases: readonly string[]): string {
  let result = text;
  for (const phrase of phrases) {
    if (result.includes(phrase)) result = result.split(phrase).join(' '.repeat(phrase.length));
  }
  return result;
}
