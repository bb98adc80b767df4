// The catalogue's entries for input that reads wrong though it parses: a field of invisible
// characters alone, dates out of order, a file name that is not UTF-8. Part of the one catalogue
// (catalogue.ts spreads these in).

import type { CatalogueEntry } from './entry.js';
import { showValue } from './values.js';

/** The facts of each code. */
export interface InputArgs {
  /** `expected`: the schema's description of the field; `value`: the field as written. */
  'text-invisible': { field: string; expected: string; value: unknown };
  /** `field`: updated or expires; `value`: it as written; `date`: the article's date as written. */
  'date-order': { field: string; value: unknown; date: unknown };
  /** `kind`: what the name is of; the problem's file shows the name's bytes that are not UTF-8 as \xNN. */
  'file-name-encoding': { kind: 'file' | 'folder' };
}

/** One entry per code. */
export const inputEntries: { readonly [C in keyof InputArgs]: CatalogueEntry<InputArgs[C]> } = {
  'text-invisible': {
    title: 'Text of invisible characters only',
    help: 'Type the value again: it holds only characters that show nothing (zero-width spaces, direction marks), often brought along by copy and paste.',
    field: (a) => a.field,
    message: () => 'has no character a reader can see',
    expected: (a) => a.expected,
    actual: (a) => showValue(a.value),
    hint: () => 'type the value again: text copied from another program can carry zero-width spaces and direction marks, which Broadsheet removes',
  },
  'date-order': {
    title: 'Dates out of order',
    help: 'An article is updated at or after its `date` and expires after it: check the year, month and time of `updated` or `expires`.',
    field: (a) => a.field,
    message: (a) =>
      a.field === 'expires'
        ? `is not after the article's date ${showValue(a.date)}: the article would never be shown`
        : `is before the article's date ${showValue(a.date)}`,
    expected: (a) => (a.field === 'expires' ? 'when the article is taken down, after date' : 'when the article was last changed, at or after date'),
    actual: (a) => showValue(a.value),
    hint: () => 'check the year and the month; a date without a time is midnight, so write the time too (2025-12-18 21:00)',
  },
  'file-name-encoding': {
    title: 'File name is not UTF-8',
    help: 'Rename the file or folder: its name is in an older encoding (often Windows-1251 or DOS 866, from a zip made on Windows). `convmv -f cp1251 -t utf8 --notest -r content static` renames a whole folder.',
    message: (a) => `the ${a.kind} name is not UTF-8 text, so Broadsheet can neither read nor publish it (the bytes that are not are shown as \\xNN)`,
    expected: () => 'a name in UTF-8, as every current system writes names',
    hint: () => 'rename it (from Windows-1251: convmv -f cp1251 -t utf8 --notest FILE); unzip archives made on Windows with unzip -O cp866 (or -O cp1251)',
  },
};
