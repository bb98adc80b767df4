// The theme's translation tables: `i18n/<code>.yaml` in the site's templates folder and in the
// default theme, each a map of keys (nested in groups: `article: { related: Related }` is the key
// `article.related`) to texts, or to a text's forms for numbers (`one:`, `few:`, `many:`,
// `other:`). The site's table of a language is laid over the theme's, key by key, as a site's
// template is found before the theme's. English is the table every other language falls back to.
//
// What is wrong in a table is a problem with its place: a file that is not YAML or not a map, a
// value that is not a text (errors); a key English has that a language the site uses lacks, a key
// or a {value} English does not know (warnings, once each, in table order). Pure but for reading
// the files the template lookup found (pages/templates.ts).

import path from 'node:path';
import { isMap, isScalar, parseDocument, type Node, type Scalar, type YAMLMap } from 'yaml';
import type { SiteConfig } from '../config.js';
import { siteLanguages } from '../languages.js';
import { displayPath, readInputText, type FoundFile } from '../load/discover.js';
import { normaliseText } from '../load/frontmatter.js';
import { nearestName } from '../problems/suggestions.js';
import { positionAt, problem, type Position, type Problem } from '../problems/index.js';

/** The folder of the translation tables, in the site's templates folder and in the theme. */
export const UI_TABLE_FOLDER = 'i18n';

/** The table every language falls back to, and whose keys are the theme's. */
export const FALLBACK_TABLE = 'en';

/** The forms a text may have for numbers: Intl.PluralRules' categories. */
export const PLURAL_FORMS = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;

/** One of PLURAL_FORMS. */
export type PluralForm = (typeof PLURAL_FORMS)[number];

/** A text's forms for numbers: `other` always, the rest as the language needs them. */
export type UiForms = Readonly<Partial<Record<PluralForm, string>>> & { readonly other: string };

/** What a key of a table holds: a text, or its forms for numbers. */
export type UiEntry = string | UiForms;

/** One table file, read: its texts by dotted key, in file order, and where each key is written. */
export interface UiTable {
  entries: Map<string, UiEntry>;
  places: Map<string, Position>;
}

/** Every language's texts, the site's laid over the theme's. */
export interface UiTables {
  /** By table code in lower case ("en", "kk", "pt-br"), each in key order (the theme's first). */
  byCode: ReadonlyMap<string, ReadonlyMap<string, UiEntry>>;
}

/** Deepest nesting of groups: more is a table that is not what this module reads. */
const DEPTH_LIMIT = 8;

const KEY = /^[A-Za-z0-9_-]+$/;

/** A table's path in a template folder, and its code: i18n/kk.yaml, i18n/pt-BR.yml. */
const TABLE_FILE = new RegExp(`^${UI_TABLE_FOLDER}/([A-Za-z0-9-]+)\\.ya?ml$`);

/** The table code that serves a language: its own ("pt-br"), else its language's ("pt"), else none. */
export function tableCodeOf(code: string, tables: UiTables): string | undefined {
  const exact = code.toLowerCase();
  if (tables.byCode.has(exact)) return exact;
  const primary = exact.split('-')[0]!;
  return tables.byCode.has(primary) ? primary : undefined;
}

/** A table file's text (as read from `file`) as keys and texts, with every problem in it. Pure. */
export function parseUiTable(source: string, file: string): { table: UiTable; problems: Problem[] } {
  const text = normaliseText(source);
  const table: UiTable = { entries: new Map(), places: new Map() };
  const problems: Problem[] = [];
  const doc = parseDocument(text, { schema: 'core', prettyErrors: false, logLevel: 'error' });
  const error = doc.errors[0];
  if (error) {
    problems.push(problem('i18n-invalid', file, positionAt(text, error.pos[0]), { kind: 'yaml', yamlCode: error.code, parserMessage: error.message.split('\n')[0]! }));
    return { table, problems };
  }
  const at = (node: Node | null | undefined) => positionAt(text, node?.range?.[0] ?? 0);
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) return { table, problems };
  if (!isMap(doc.contents)) return { table, problems: [problem('i18n-invalid', file, at(doc.contents), { kind: 'not-a-map' })] };

  const walk = (map: Node, prefix: string, depth: number) => {
    if (!isMap(map)) return;
    for (const pair of map.items) {
      const keyNode = pair.key as Node | null;
      const name = isScalar(keyNode) ? String(keyNode.value) : '';
      const key = `${prefix}${name}`;
      const place = at(keyNode);
      const value = pair.value as Node | null;
      if (!KEY.test(name)) {
        problems.push(problem('i18n-invalid', file, place, { kind: 'key', key: key || '(empty)' }));
      } else if (textOf(value) !== undefined || isForms(value)) {
        const entry = textOf(value) ?? formsOf(value as YAMLMap, key, place);
        if (entry === undefined) continue;
        table.entries.set(key, entry);
        table.places.set(key, place);
      } else if (isMap(value) && depth < DEPTH_LIMIT) {
        walk(value, `${key}.`, depth + 1);
      } else {
        problems.push(problem('i18n-invalid', file, value ? at(value) : place, { kind: 'value', key }));
      }
    }
  };
  /** A text's forms for numbers, or undefined (and its problems noted) when one is not a text or `other` is missing. */
  const formsOf = (map: YAMLMap, key: string, place: Position): UiForms | undefined => {
    const forms: Partial<Record<PluralForm, string>> = {};
    let valid = true;
    for (const item of map.items) {
      const form = (item.key as Scalar).value as PluralForm;
      const text = textOf(item.value as Node | null);
      if (text === undefined) {
        problems.push(problem('i18n-invalid', file, at(item.value as Node | null), { kind: 'value', key: `${key}.${form}` }));
        valid = false;
      } else forms[form] = text;
    }
    if (valid && forms.other === undefined) problems.push(problem('i18n-invalid', file, place, { kind: 'forms', key }));
    return valid && forms.other !== undefined ? (forms as UiForms) : undefined;
  };
  walk(doc.contents, '', 1);
  return { table, problems };
}

/** A scalar that is a text (numbers read as text: `year: 2025`); undefined for anything else. */
function textOf(node: Node | null | undefined): string | undefined {
  return isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number') ? String(node.value) : undefined;
}

/** A map whose keys are all names of forms for numbers (one:, other:, ...): a text's forms, not a group. */
function isForms(node: Node | null | undefined): node is YAMLMap {
  return isMap(node) && node.items.length > 0 && node.items.every((item) => isScalar(item.key) && (PLURAL_FORMS as readonly unknown[]).includes(item.key.value));
}

/** The {names} a text fills in, in order of first use. */
export function valueNames(entry: UiEntry): string[] {
  const texts = typeof entry === 'string' ? [entry] : Object.values(entry);
  return [...new Set(texts.flatMap((text) => [...text.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((match) => match[1]!)))];
}

/** Where the table files are: the template folders (the site's first) and the files found in each. */
export interface UiTableFiles {
  roots: readonly string[];
  files: ReadonlyMap<string, readonly FoundFile[]>;
}

/**
 * Read the tables the site's languages use (English's, and each language's: a table no language
 * uses is not read) and lay the site's over the theme's. Problems: the tables' own (see
 * parseUiTable), then, for each language of the site, the English keys its table lacks, named in
 * the site's table of that language (where a text is added). A one-language site whose language
 * has no table at all shows English texts as it always did, without a warning; a site of several
 * languages is told.
 */
export function loadUiTables(found: UiTableFiles, config: Pick<SiteConfig, 'root' | 'templatesPath' | 'language' | 'languages' | 'title' | 'description'>): { tables: UiTables; problems: Problem[] } {
  const problems: Problem[] = [];
  // Each code's files, the theme's first, so that the site's tables are laid over it.
  const filesByCode = new Map<string, string[]>();
  for (const root of [...found.roots].reverse()) {
    for (const [relative, absolute] of found.files.get(root) ?? []) {
      const match = TABLE_FILE.exec(relative.split(path.sep).join('/'));
      if (match) filesByCode.set(match[1]!.toLowerCase(), [...(filesByCode.get(match[1]!.toLowerCase()) ?? []), absolute]);
    }
  }
  const available: UiTables = { byCode: new Map([...filesByCode.keys()].map((code) => [code, new Map()])) };
  const used = new Set([FALLBACK_TABLE, ...siteLanguages(config).map((language) => tableCodeOf(language.code, available)).filter((code) => code !== undefined)]);
  const read = new Map<string, Array<{ file: string; table: UiTable }>>();
  for (const [code, absolutes] of filesByCode) {
    if (!used.has(code)) continue;
    for (const absolute of absolutes) {
      const file = displayPath(config, absolute);
      const parsed = parseUiTable(readInputText(absolute), file);
      problems.push(...parsed.problems);
      read.set(code, [...(read.get(code) ?? []), { file, table: parsed.table }]);
    }
  }
  const byCode = new Map<string, Map<string, UiEntry>>();
  for (const [code, layers] of read) {
    const merged = new Map<string, UiEntry>();
    for (const { table } of layers) for (const [key, entry] of table.entries) merged.set(key, entry);
    byCode.set(code, merged);
  }
  const tables: UiTables = { byCode };
  const english = byCode.get(FALLBACK_TABLE) ?? new Map<string, UiEntry>();
  for (const [code, layers] of read) {
    if (code === FALLBACK_TABLE) continue;
    for (const { file, table } of layers) problems.push(...unknownTexts(table, english, file));
  }
  const multilingual = config.languages !== undefined;
  const checked = new Set<string>();
  for (const language of siteLanguages(config)) {
    const code = tableCodeOf(language.code, tables);
    const siteFile = displayPath(config, path.join(config.templatesPath, UI_TABLE_FOLDER, `${language.code}.yaml`));
    if (code === undefined) {
      if (multilingual) problems.push(problem('i18n-missing', siteFile, { line: 1, column: 1 }, { kind: 'table', language: language.code }));
      continue;
    }
    if (code === FALLBACK_TABLE || checked.has(code)) continue;
    checked.add(code);
    const own = byCode.get(code)!;
    for (const key of english.keys()) {
      if (!own.has(key)) problems.push(problem('i18n-missing', siteFile, { line: 1, column: 1 }, { kind: 'key', key, language: language.code }));
    }
  }
  return { tables, problems };
}

/** A table's keys that English lacks, and the {values} its texts name that English's do not. */
function unknownTexts(table: UiTable, english: ReadonlyMap<string, UiEntry>, file: string): Problem[] {
  const problems: Problem[] = [];
  const known = [...english.keys()];
  for (const [key, entry] of table.entries) {
    const place = table.places.get(key)!;
    const original = english.get(key);
    if (original === undefined) {
      problems.push(problem('i18n-unknown', file, place, { kind: 'key', key, nearest: nearestName(key, known) }));
      continue;
    }
    const names = valueNames(original);
    for (const name of valueNames(entry)) {
      if (!names.includes(name)) problems.push(problem('i18n-unknown', file, place, { kind: 'value', key, name, known: names }));
    }
  }
  return problems;
}
