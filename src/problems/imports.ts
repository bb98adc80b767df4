// The catalogue's entries for `broadsheet import` of other systems' content (WordPress exports,
// feeds, Jekyll, Hugo, Zola and Eleventy folders; the seed's plain-text dump has `import-format`):
// a source that cannot be read (an error, nothing is written), and what an import reports without
// stopping: items left out and why, markup kept as text, images not found, fields filled in.
// Part of the one catalogue (catalogue.ts spreads these in).

import type { CatalogueEntry } from './entry.js';

/** The formats `broadsheet import` reads, as `--from` names them. */
export const IMPORT_FORMATS = ['dump', 'rss', 'atom', 'jsonfeed', 'wxr', 'jekyll', 'hugo', 'zola', 'eleventy'] as const;

/** The facts of an import problem. */
export interface ImportArgs {
  /** `cause`: the system's error code; `syntax`: the parser's message; `found`: what the source looked like. */
  'import-source':
    | { kind: 'unreadable'; cause: string }
    | { kind: 'encoding'; encoding: string; reason: 'unknown' | 'invalid' }
    | { kind: 'syntax'; language: 'XML' | 'JSON' | 'TOML' | 'YAML'; message: string }
    | { kind: 'unrecognised'; found: string }
    | { kind: 'not-this-format'; format: string; found: string }
    | { kind: 'unknown-format'; given: string };
  /** `what`: the kind of item (a page, an attachment, a private post); `title`: its title, if any; `why`: the reason. */
  'import-left-out': { what: string; title?: string; why: string };
  /** `markup`: the shortcode or template tag as written (cut); `kind`: whose syntax it is. */
  'import-markup-kept': { markup: string; kind: 'WordPress shortcode' | 'Liquid tag' | 'Hugo shortcode' | 'Zola shortcode' | 'template code' };
  /**
   * `url`: the image as the source links it; `tried`: where it was looked for, if anywhere;
   * `unsupported`: the source has it, in a format the build cannot process (SVG); `notWeb`: its
   * address is neither a file nor http(s) (a data: or file: URL); `shownFrom`: the
   * old site's address the article now shows it from; `asText`: only its alt text was kept.
   */
  'import-image-missing': { url: string; tried?: string; unsupported?: boolean; notWeb?: boolean; shownFrom?: string; asText?: boolean };
  /** `field`: the front-matter field filled in; `how`: from what. */
  'import-field-filled': { field: string; how: string };
  /** `link`: the address as written; `target`: the source's file it leads to; `exists`: whether that file is in the source (it is then not an article). */
  'import-link-kept': { link: string; target: string; exists: boolean };
}

/** The plain-text dump's problems (dump-format.ts). */
export interface DumpArgs {
  /** `cause` of `unreadable`: the system's error code (ENOENT, EACCES) or, failing that, its message. */
  'import-format':
    | { kind: 'unreadable'; cause: string }
    | { kind: 'empty' }
    | { kind: 'no-date-line'; line: string }
    | { kind: 'bad-header'; line: string }
    | { kind: 'bad-date'; date: string }
    | { kind: 'no-title' }
    | { kind: 'no-text'; title: string };
}

const DUMP_HEADER = '" date 2025-12-19 18.12.2025, 19:20 28841"';

/** A value as it appears in a message (as catalogue.ts showValue, which this part cannot import). */
function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** The plain-text dump's entry, listed where the catalogue always had it. */
export const dumpEntries: { readonly [C in keyof DumpArgs]: CatalogueEntry<DumpArgs[C]> } = {
  'import-format': {
    title: 'Feed dump cannot be read',
    severity: (a) => (a.kind === 'no-text' ? 'warning' : 'error'),
    help: 'Fix the dump at the line named: each article is a date line, a title line, then its paragraphs; nothing is imported until it reads.',
    message: (a) => {
      switch (a.kind) {
        case 'unreadable':
          return a.cause === 'ENOENT' ? 'no such file' : `the dump could not be read (${a.cause})`;
        case 'empty':
          return 'the dump is empty';
        case 'no-date-line':
          return 'the dump does not start with a date line';
        case 'bad-header':
          return 'a header line Broadsheet cannot read';
        case 'bad-date':
          return `${a.date} is not a real date`;
        case 'no-title':
          return 'a date line with no title after it';
        case 'no-text':
          return `the article "${a.title}" has no text after its title`;
      }
    },
    expected: (a) => {
      switch (a.kind) {
        case 'unreadable':
          return 'a plain-text feed dump';
        case 'empty':
          return 'articles, each a date line, a title line and paragraphs';
        case 'no-date-line':
          return `a header such as ${DUMP_HEADER} or a date line such as 18.12.2025`;
        case 'bad-header':
          return `a header such as ${DUMP_HEADER}: "date", the crawl date, the article's DD.MM.YYYY, HH:MM, an id`;
        case 'bad-date':
          return 'a date as DD.MM.YYYY or DD.MM.YYYY, HH:MM, such as 18.12.2025, 19:20';
        case 'no-title':
          return "the article's title on the next non-empty line";
        case 'no-text':
          return undefined;
      }
    },
    actual: (a) => (a.kind === 'no-date-line' || a.kind === 'bad-header' ? shown(a.line) : a.kind === 'bad-date' ? shown(a.date) : undefined),
    hint: (a) => (a.kind === 'no-title' ? 'each article is a date line, a title line, then its paragraphs' : undefined),
  },
};

const cut = (text: string) => (text.length > 80 ? `${text.slice(0, 77)}...` : text);

/** One entry per import code. */
export const importEntries: { readonly [C in keyof ImportArgs]: CatalogueEntry<ImportArgs[C]> } = {
  'import-source': {
    title: 'Import source cannot be read',
    help: 'Give `broadsheet import` a WordPress export (WXR), an RSS, Atom or JSON Feed file, a Jekyll, Hugo, Zola or Eleventy folder, or a plain-text dump; fix the file at the place named. Nothing is written until it reads.',
    message: (a) => {
      switch (a.kind) {
        case 'unreadable':
          return a.cause === 'ENOENT' ? 'no such file or folder' : `the source could not be read (${a.cause})`;
        case 'encoding':
          return a.reason === 'unknown' ? `the source's encoding, ${a.encoding}, is not one Broadsheet can read` : `a byte that is not ${a.encoding.toUpperCase()} text`;
        case 'syntax':
          return `invalid ${a.language}: ${a.message}`;
        case 'unrecognised':
          return `not a format Broadsheet imports: ${a.found}`;
        case 'not-this-format':
          return `--from ${a.format} was given, but the source is ${a.found}`;
        case 'unknown-format':
          return `--from ${a.given} is not a format Broadsheet imports`;
      }
    },
    expected: (a) =>
      a.kind === 'unknown-format' ? IMPORT_FORMATS.join(', ') : a.kind === 'unrecognised' || a.kind === 'not-this-format' ? 'a WordPress export, an RSS, Atom or JSON Feed file, or a Jekyll, Hugo, Zola or Eleventy folder' : undefined,
    hint: (a) =>
      a.kind === 'encoding'
        ? 'save the file as UTF-8, or name its encoding in its first line: <?xml version="1.0" encoding="ISO-8859-1"?>'
        : a.kind === 'syntax'
        ? 'the file is damaged or cut short: export it again, or fix it at the line and column named'
        : a.kind === 'unrecognised' || a.kind === 'not-this-format'
          ? 'name the format with --from (broadsheet import --help lists them)'
          : undefined,
  },
  'import-left-out': {
    title: 'Item not imported',
    help: 'Only articles are imported: pages, attachments, menus, private and trashed posts are counted and listed, not turned into articles.',
    severity: 'warning',
    message: (a) => `${a.what}${a.title ? ` "${cut(a.title)}"` : ''} not imported: ${a.why}`,
    hint: () => undefined,
  },
  'import-markup-kept': {
    title: 'Shortcode or template tag kept as text',
    help: 'Broadsheet has no shortcodes or template tags in articles: those the importer cannot turn into Markdown stay in the text, where readers see them. Edit the article to replace them.',
    severity: 'warning',
    message: (a) => `${a.kind} kept as text: ${cut(a.markup)}`,
    hint: () => 'replace it in the imported article by Markdown (a link, an image) or remove it',
  },
  'import-image-missing': {
    title: 'Image of an imported article not found',
    help: 'Images the source links are copied beside the article when they are found (WordPress: in the folder given with --uploads); others stay remote links.',
    severity: 'warning',
    message: (a) => {
      const what = a.unsupported
        ? 'is an SVG, which Broadsheet cannot size'
        : a.notWeb
          ? 'is neither a file nor a web address (http, https), so no page can show it'
          : `was not found${a.tried ? ` (looked for ${a.tried})` : ''}`;
      const now =
        a.shownFrom && a.shownFrom !== a.url
          ? `it is shown from the old site, ${cut(a.shownFrom)}`
          : /^https?:\/\//i.test(a.url)
            ? 'it is shown from the old site'
            : a.asText
              ? 'only its alt text is kept'
              : 'it stays a link to where it was';
      return `the image ${cut(a.url)} ${what}: ${now}`;
    },
    hint: (a) =>
      a.unsupported
        ? 'copy it into static/ and link it from there (published as it is), or save it as PNG beside the article'
        : a.notWeb
          ? 'save the image as a file beside the article and add it to the text: ![what it shows](photo.jpg)'
          : 'copy the image beside the article and change the link (for a WordPress export, give the folder of its uploads with --uploads)',
  },
  'import-field-filled': {
    title: 'Field filled in on import',
    help: 'The source left out a field an article needs; the importer filled it in from what there was. Check the imported article.',
    severity: 'warning',
    message: (a) => `no ${a.field} in the source: ${a.how}`,
    hint: () => 'check the imported article',
  },
  'import-link-kept': {
    title: 'Link to a file that was not imported',
    help: 'A link to another post of the source by its file (`../2023-01-02-other.md`, `{{< ref >}}`, `{% post_url %}`) becomes a link to that article. A link to a file that is not imported as an article stays as written, and would be a broken link on the new site.',
    severity: 'warning',
    message: (a) => `the link ${cut(a.link)} is kept as written: ${cut(a.target)} ${a.exists ? 'is not imported as an article (a page, or a post without a date)' : 'is not in the source'}`,
    hint: () => 'link the article it should lead to by its file (../12/other.md) or its address, or remove the link',
  },
};
