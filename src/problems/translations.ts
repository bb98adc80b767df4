// The catalogue's entries for the theme's translation tables (templates/i18n/<code>.yaml, read by
// pages/ui-tables.ts): a table that cannot be read, a text a language lacks (it falls back to
// English), and a key or a {value} that English does not know (most often a misspelling). Part
// of the one catalogue (catalogue.ts spreads it in).

import type { CatalogueEntry } from './entry.js';
import { explainYamlError } from './yaml.js';

/** The facts of a translation-table problem. `key`: the text's dotted key, such as `article.related`. */
export interface TranslationArgs {
  'i18n-invalid':
    | { kind: 'yaml'; yamlCode: string; parserMessage: string }
    | { kind: 'not-a-map' }
    | { kind: 'key'; key: string }
    | { kind: 'value'; key: string }
    | { kind: 'forms'; key: string };
  'i18n-missing': { kind: 'key'; key: string; language: string } | { kind: 'table'; language: string };
  'i18n-unknown': { kind: 'key'; key: string; nearest?: string } | { kind: 'value'; key: string; name: string; known: readonly string[] };
}

/** The translation tables' entries. */
export const translationEntries: { readonly [C in keyof TranslationArgs]: CatalogueEntry<TranslationArgs[C]> } = {
  'i18n-invalid': {
    title: 'Translation table is invalid',
    help: 'Fix the table at the line named: a map of keys to texts (`related: Related`), groups of keys nested under a name, and numbers\' forms as `one:` and `other:` (see Translations).',
    field: (a) => (a.kind === 'key' || a.kind === 'value' || a.kind === 'forms' ? a.key : undefined),
    message: (a) => {
      switch (a.kind) {
        case 'yaml':
          return `invalid YAML: ${explainYamlError(a.yamlCode)?.message ?? a.parserMessage}`;
        case 'not-a-map':
          return 'a translation table must be a map of keys to texts';
        case 'key':
          return 'is not a key a table can have';
        case 'value':
          return 'is not a text';
        case 'forms':
          return 'has forms for numbers but no `other` form';
      }
    },
    expected: (a) => {
      switch (a.kind) {
        case 'key':
          return 'letters, digits, _ and - only (a dot separates groups: nest the key under its group instead)';
        case 'value':
          return 'a text, a group of keys, or forms for numbers (one:, few:, many:, other:)';
        case 'forms':
          return 'an `other:` form, used for every number no other form takes';
        default:
          return undefined;
      }
    },
    hint: (a) => {
      switch (a.kind) {
        case 'yaml':
          return explainYamlError(a.yamlCode)?.hint ?? 'quote texts that contain ": " or start with {, [, *, & or #';
        case 'not-a-map':
          return 'write one "key: text" per line, such as related: Related';
        case 'key':
          return 'write a group as a key with its keys indented under it, such as article: then   related: Related';
        case 'value':
          return 'write the text after the key, in quotes when it starts with [, {, * or &: related: "[Related]"';
        case 'forms':
          return 'add a line "other: ..." beside the other forms';
      }
    },
  },
  'i18n-missing': {
    title: 'Translation missing',
    severity: 'warning',
    help: 'Add the text to the language\'s table (`templates/i18n/<code>.yaml` in the site): until then its pages show the English text.',
    field: (a) => (a.kind === 'key' ? a.key : undefined),
    message: (a) =>
      a.kind === 'key'
        ? `has no ${a.language} text: ${a.language} pages show the English one`
        : `there is no table of texts for ${a.language}: its pages show the theme's texts in English`,
    hint: (a) =>
      a.kind === 'key'
        ? `add "${a.key.split('.').pop()}: ..." under ${a.key.includes('.') ? `"${a.key.split('.').slice(0, -1).join('.')}"` : 'the top'} of this table`
        : `copy the theme's English table (i18n/en.yaml) to templates/i18n/${a.language}.yaml and translate its texts`,
  },
  'i18n-unknown': {
    title: 'Translation the theme does not use',
    severity: 'warning',
    help: 'Check the key or the {value} for a misspelling: a text is used only under a key the English table has, and fills in only the values its English text names.',
    field: (a) => a.key,
    message: (a) => (a.kind === 'key' ? 'is not a key of the English table: no page shows it' : `names {${a.name}}, which the English text does not: it is shown as written`),
    hint: (a) => {
      if (a.kind === 'value') return a.known.length > 0 ? `the values of this text: ${a.known.map((name) => `{${name}}`).join(', ')}` : 'this text takes no values';
      return a.nearest ? `did you mean "${a.nearest}"?` : 'a key for texts of your own templates goes into templates/i18n/en.yaml too';
    },
  },
};
