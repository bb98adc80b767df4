// The catalogue's entry for the site's authors file (content/authors.yaml, read by
// load/authors.ts): its YAML, its shape, each entry's fields, and names given twice. Part of the
// one catalogue (catalogue.ts spreads it in).

import type { CatalogueEntry } from './entry.js';
import { showValue } from './values.js';
import { explainYamlError } from './yaml.js';

/**
 * The facts of an authors-file problem. `author`: the entry's name, if it has one, else its
 * position ("the 3rd author"); `field`: the entry's field at fault (url, sameAs.1).
 */
export interface AuthorsArgs {
  'authors-invalid':
    | { kind: 'yaml'; yamlCode: string; parserMessage: string }
    | { kind: 'not-a-list' }
    | { kind: 'field'; author: string; field: string; expected: string; value: unknown; missing: boolean }
    | { kind: 'unknown-field'; author: string; field: string; known: readonly string[] }
    | { kind: 'duplicate'; author: string; otherLine: number };
}

const EXAMPLE = '- name: Aigerim Sultanova\n      bio: Covers culture from Almaty.\n      sameAs: [https://x.com/aigerim]';


/** The authors file's entry. */
export const authorsEntries: { readonly [C in keyof AuthorsArgs]: CatalogueEntry<AuthorsArgs[C]> } = {
  'authors-invalid': {
    title: 'Authors file is invalid',
    help: 'Fix `content/authors.yaml` at the line named: a list of authors, each with a `name` and optionally `bio`, `photo`, `url` and `sameAs` (profile URLs).',
    field: (a) => (a.kind === 'field' || a.kind === 'unknown-field' ? a.field : a.kind === 'duplicate' ? 'name' : undefined),
    message: (a) => {
      switch (a.kind) {
        case 'yaml':
          return `invalid YAML: ${explainYamlError(a.yamlCode)?.message ?? a.parserMessage}`;
        case 'not-a-list':
          return 'the authors file must be a list of authors';
        case 'field':
          return a.missing ? `is required for ${a.author}` : `has an invalid value for ${a.author}`;
        case 'unknown-field':
          return `is not a field of an author (${a.author})`;
        case 'duplicate':
          return `${a.author} is listed twice: also at line ${a.otherLine}`;
      }
    },
    expected: (a) => (a.kind === 'field' ? a.expected : a.kind === 'not-a-list' ? 'one "- name: ..." entry per author' : undefined),
    actual: (a) => (a.kind === 'field' && !a.missing ? showValue(a.value) : undefined),
    hint: (a) => {
      switch (a.kind) {
        case 'yaml':
          return explainYamlError(a.yamlCode)?.hint ?? 'quote values that contain ": " or start with [, {, *, &, ! or #';
        case 'not-a-list':
          return `write each author as an entry of a list:\n    ${EXAMPLE}`;
        case 'field':
          return undefined;
        case 'unknown-field':
          return `an author has the fields ${a.known.join(', ')}`;
        case 'duplicate':
          return 'keep one entry per author: names that differ only in case or accents are one author';
      }
    },
  },
};
