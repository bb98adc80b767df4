// The catalogue's entry for TOML front-matter (between `+++` lines, as Hugo and Zola write it):
// the TOML parser's complaint, at its line and column. Part of the one catalogue (catalogue.ts
// spreads it in).

import type { CatalogueEntry } from './entry.js';

/** `parserMessage`: smol-toml's message, first line; `field`: the key on the line it stopped at. */
export interface TomlArgs {
  'toml-syntax': { parserMessage: string; field?: string };
}

/** The TOML front-matter's entry. */
export const tomlEntries: { readonly [C in keyof TomlArgs]: CatalogueEntry<TomlArgs[C]> } = {
  'toml-syntax': {
    title: 'Front-matter is not valid TOML',
    help: 'Between `+++` lines each field is `key = value`: quote text (`title = "Headline"`), write lists as `tags = ["a", "b"]` and dates bare (`date = 2025-12-18T19:20:00+05:00`).',
    field: (a) => a.field,
    message: (a) => `invalid TOML: ${a.parserMessage}`,
    expected: () => 'key = value lines, such as title = "Headline"',
    hint: () => 'quote text values ("..."), write lists as ["a", "b"], and leave dates unquoted',
  },
};
