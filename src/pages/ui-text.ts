// The theme's texts in one language (ui-tables.ts reads them): a text by its key with its {values}
// filled in, the form for a number chosen by the language's plural rules (Intl.PluralRules in the
// language's locale: "1 статья", "2 статьи", "5 статей", "21 статья"), and numbers written as the
// locale writes them. A key the language's table lacks is taken from English; one English lacks too
// is a template's mistake, thrown as UiTextMissing. Pure: the tables and the config in, text out.

import type { SiteConfig } from '../config.js';
import { isMultilingual, siteLanguage, type SiteLanguage } from '../languages.js';
import { FALLBACK_TABLE, tableCodeOf, type UiEntry, type UiTables } from './ui-tables.js';

/** The values a text fills in: `{count}` and `{number}` are numbers, the rest text. */
export type UiValues = Readonly<Record<string, unknown>>;

/** A text a template asked for that no table has, English included. */
export class UiTextMissing extends Error {
  constructor(readonly key: string) {
    super(`no text "${key}" in the theme's English table (i18n/en.yaml): add it to templates/i18n/en.yaml`);
    this.name = 'UiTextMissing';
  }
}

/** The theme's texts in every language of a site: one UiText per language, made on first use. */
export class UiStrings {
  private readonly languages = new Map<string, UiText>();

  constructor(
    readonly tables: UiTables,
    private readonly config: Pick<SiteConfig, 'language' | 'languages' | 'title' | 'description'>,
  ) {}

  /** The texts of the site's language with this code; the default language's for a code the site does not have. */
  of(code: string): UiText {
    let text = this.languages.get(code);
    if (!text) {
      const language = siteLanguage(this.config, code) ?? siteLanguage(this.config, this.config.language)!;
      text = new UiText(language, this.tables, !isMultilingual(this.config));
      this.languages.set(code, text);
    }
    return text;
  }
}

/** The theme's texts in one language (see the top of this file). */
export class UiText {
  private readonly own: ReadonlyMap<string, UiEntry>;
  private readonly english: ReadonlyMap<string, UiEntry>;
  private readonly plurals: Intl.PluralRules;
  private readonly numbers: Intl.NumberFormat | undefined;

  constructor(
    readonly language: SiteLanguage,
    tables: UiTables,
    /** Numbers as plain digits (1234), as a one-language site always wrote them, not as the locale groups them (1,234). */
    readonly plainNumbers: boolean,
  ) {
    const code = tableCodeOf(language.code, tables);
    this.english = tables.byCode.get(FALLBACK_TABLE) ?? new Map();
    this.own = (code !== undefined ? tables.byCode.get(code) : undefined) ?? this.english;
    this.plurals = new Intl.PluralRules(language.locale);
    this.numbers = plainNumbers ? undefined : new Intl.NumberFormat(language.locale);
  }

  /** The entry of a key: this language's, else English's; throws UiTextMissing when neither has it. */
  entry(key: string): UiEntry {
    const entry = this.own.get(key) ?? this.english.get(key);
    if (entry === undefined) throw new UiTextMissing(key);
    return entry;
  }

  /** The text of a key as plain text, its {values} filled in; for a text with forms, the form for `values.count`. */
  text(key: string, values: UiValues = {}): string {
    return this.fill(this.form(this.entry(key), values), values, (part) => part, (value) => this.valueText(value));
  }

  /**
   * The text of a key as HTML: its own words escaped, its {values} put in as they are (markup a
   * template made, such as links). Numbers are written as text() writes them.
   */
  markup(key: string, values: UiValues = {}): string {
    return this.fill(this.form(this.entry(key), values), values, escapeAsLiquid, (value) => (typeof value === 'number' ? this.number(value) : String(value ?? '')));
  }

  /** A number as the language writes it: "1 234" in ru-RU, "1,234" in en-GB; plain digits on a one-language site. */
  number(value: number): string {
    return this.numbers ? this.numbers.format(value) : String(value);
  }

  /** Every key under a group ("search.results"), each text or its forms, for a script to use. */
  group(prefix: string): Record<string, UiEntry> {
    const result: Record<string, UiEntry> = {};
    const start = `${prefix}.`;
    for (const table of [this.english, this.own]) {
      for (const [key, entry] of table) if (key.startsWith(start)) result[key.slice(start.length)] = entry;
    }
    return result;
  }

  private form(entry: UiEntry, values: UiValues): string {
    if (typeof entry === 'string') return entry;
    const count = values.count;
    const form = typeof count === 'number' && Number.isFinite(count) ? this.plurals.select(count) : 'other';
    return entry[form] ?? entry.other;
  }

  private valueText(value: unknown): string {
    if (typeof value === 'number') return this.number(value);
    if (Array.isArray(value)) return value.map((item) => this.valueText(item)).join(', ');
    return String(value ?? '');
  }

  /** A text with its {values} put in: the words between them through `words`, each value through `show`; an unknown {name} stays as written. */
  private fill(text: string, values: UiValues, words: (part: string) => string, show: (value: unknown) => string): string {
    let result = '';
    let last = 0;
    for (const match of text.matchAll(/\{([A-Za-z0-9_]+)\}/g)) {
      if (!Object.hasOwn(values, match[1]!)) continue;
      const shown = show(values[match[1]!]);
      result += words(text.slice(last, match.index)) + shown;
      last = match.index + match[0].length;
      // A value that ends with its own period ("декабря 2025 г.", "Ltd.") ends the sentence too.
      if (shown.endsWith('.') && text[last] === '.' && text[last + 1] !== '.') last++;
    }
    return result + words(text.slice(last));
  }
}

/** Text escaped as LiquidJS's `escape` (what `{{ }}` prints) escapes it, so a text reads the same by either path. */
function escapeAsLiquid(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&#34;').replaceAll("'", '&#39;');
}
