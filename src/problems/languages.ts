// The catalogue's entries for multilingual sites (docs/languages.md): an article in a language the
// config does not list, two articles of one language that claim the same translation, and a term
// file that cannot be read. Part of the one catalogue (catalogue.ts spreads these in).

import type { CatalogueEntry } from './entry.js';

/**
 * The facts of a language problem. `lang`: the language written; `languages`: the configured ones;
 * `key`: the translation key two articles share, `byField` whether this article's is its
 * `translationKey` (else its path); `other`, `otherLine`, `otherByField`: the other article's file,
 * the line its key comes from (1 for a path) and whether that is its `translationKey`.
 */
export interface LanguageArgs {
  'lang-unknown': { lang: string; languages: readonly string[] };
  'translation-duplicate': { key: string; lang: string; byField: boolean; other: string; otherLine: number; otherByField: boolean };
  'terms-invalid': { lang: string; detail: string };
}

/** One entry per language code. */
export const languageEntries: { readonly [C in keyof LanguageArgs]: CatalogueEntry<LanguageArgs[C]> } = {
  'lang-unknown': {
    title: 'Language not configured',
    help: 'The article is in a language the site does not publish in: its `lang` must be one of the codes in the config\'s `languages`.',
    field: 'lang',
    message: (a) => `the language ${JSON.stringify(a.lang)} is not one of the site's languages (${a.languages.join(', ')})`,
    hint: (a) => `write one of ${a.languages.join(', ')}, or add ${a.lang} to languages in the config`,
  },
  'translation-duplicate': {
    title: 'Two translations in one language',
    help: 'Articles that translate one story share a translation key (front-matter `translationKey`, else the same path under each language folder); within one language the key must be unique.',
    // A key that is the file's path is no field: the problem is at the file's first line.
    field: (a) => (a.byField ? 'translationKey' : undefined),
    message: (a) => `this ${a.lang} article (${keySource(a.byField)}) and ${a.other}:${a.otherLine} (${keySource(a.otherByField)}) both translate ${JSON.stringify(a.key)}`,
    hint: () => 'give one of them another translationKey, or move it to its own language folder',
  },
  'terms-invalid': {
    title: 'Term names unreadable',
    help: 'A language\'s term file (content/<code>/terms.yaml) gives the topics\' and tags\' names in that language: `topics:` and `tags:` maps from the name in the default language to this one\'s.',
    field: 'terms',
    message: (a) => `the ${a.lang} term names cannot be read: ${a.detail}`,
    hint: () => 'write it as topics: { Politics: Саясат } and tags: { Almaty: Алматы }, each a map of names',
  },
};

/** Where an article's translation key comes from, as the duplicate's message says it. */
function keySource(byField: boolean): string {
  return byField ? 'by its translationKey' : 'by its path';
}
