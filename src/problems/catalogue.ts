// The catalogue of problem codes: for each permanent code a short title, what an author does about
// it (the README's table is generated from these two), and how the problem's message, expected
// text and hint are built from the arguments its call site passes. Call sites pass facts (a field,
// a value, a URL), never prose: every sentence a newsroom author reads is here, in one voice.
// Entries are used where problems are made (problem() in ../problems.ts) and never stored in one:
// a Problem stays plain data that crosses worker threads and the cache.
// Codes are permanent: add codes and reword texts, never rename or remove a code.

import type { CatalogueEntry, NoArgs } from './entry.js';
import { authorsEntries, type AuthorsArgs } from './authors.js';
import { imageEntries, type ImageArgs } from './images.js';
import { limitEntries, type LimitArgs } from './limits.js';
import { explainYamlError } from './yaml.js';

export type { Severity } from './entry.js';

/** The facts each code's texts are built from: what its call sites pass to problem(). */
export interface ProblemArgs extends LimitArgs, AuthorsArgs, ImageArgs {
  'file-empty': NoArgs;
  'frontmatter-missing': { missing: 'opening' | 'closing' };
  /** `field`: the key on the line YAML stopped at; `yamlCode`, `parserMessage`: the `yaml` package's error. */
  'yaml-syntax': { kind: 'parse'; field?: string; yamlCode: string; parserMessage: string } | { kind: 'not-fields' };
  /** `expected`: the front-matter schema's description of the field. */
  'field-required': { field: string; expected: string };
  'field-invalid': { field: string; expected: string; value: unknown };
  'field-unknown': { field: string; known: readonly string[] };
  'date-invalid': { field: string; value: unknown };
  'slug-invalid': { field: string; expected: string; value: unknown };
  /** `other`, `otherLine`: the article that keeps the URL. */
  'url-duplicate': { url: string; other: string; otherLine: number };
  'file-exists': NoArgs;
  'link-broken':
    | { kind: 'no-such-file'; target: string }
    | { kind: 'not-in-build'; target: string }
    | { kind: 'no-such-page'; target: string };
  /** `path`: the file's path inside static/, which is also a generated page's path. */
  'static-shadowed': { path: string };
  /** `template`: the template's name; `cause`: LiquidJS's message, first line. */
  'template-syntax': { template: string; cause: string };
  'template-render': { template: string; cause: string };
  'config-invalid':
    | { kind: 'not-an-object'; value: unknown }
    | { kind: 'unknown-option'; key: string; known: readonly string[] }
    | { kind: 'invalid-option'; key: string; message: string }
    | { kind: 'output-holds-site'; outDir: string; holds: string };
  /** `cause`: the loader's error, first line. */
  'config-load': { cause: string };
  /** `cause` of `unreadable`: the system's error code (ENOENT, EACCES) or, failing that, its message. */
  'import-format':
    | { kind: 'unreadable'; cause: string }
    | { kind: 'empty' }
    | { kind: 'no-date-line'; line: string }
    | { kind: 'bad-header'; line: string }
    | { kind: 'bad-date'; date: string }
    | { kind: 'no-title' }
    | { kind: 'no-text'; title: string };
  /** Symbolic links in content/, static/ and templates/ (README "Symlinks"). `target`: where the link leads. */
  'symlink-outside': { target: string };
  /** `cause`: the system's error code for following the link (ENOENT: the target does not exist). */
  'symlink-broken': { target: string; cause: string };
  'symlink-loop': { target: string };
}

/** Every permanent problem code. */
export type ProblemCode = keyof ProblemArgs;

/** The catalogue's type: one entry per code, each typed by that code's arguments. */
export type Catalogue = { readonly [C in ProblemCode]: CatalogueEntry<ProblemArgs[C]> };

/** The date forms front-matter accepts (also the schema's message for a date of the wrong type). */
export const DATE_FORMS = 'an ISO 8601 date such as 2025-12-18, 2025-12-18 19:20 or 2025-12-18T19:20:00+05:00';

const DUMP_HEADER = '" date 2025-12-19 18.12.2025, 19:20 28841"';

/** A value as it appears in a message: strings quoted, long values cut. */
export function showValue(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** Every permanent code, in the order the README's table lists them. */
export const catalogue: Catalogue = {
  'file-empty': {
    title: 'Empty file',
    help: 'Write the front-matter and the article text, or delete the file.',
    message: () => 'the file is empty',
    expected: () => 'front-matter between --- lines, then the article text',
    hint: () => 'start the file with ---, a line "title: ...", a line "date: YYYY-MM-DD", then ---',
  },
  'frontmatter-missing': {
    title: 'No front-matter',
    help: 'Begin the file with a line of exactly `---`, then the fields, then another line of exactly `---`.',
    message: (a) => (a.missing === 'opening' ? 'the file does not start with front-matter' : 'the front-matter is not closed'),
    expected: (a) => (a.missing === 'opening' ? 'a first line of exactly ---' : 'a line of exactly --- after the last field'),
    hint: (a) =>
      a.missing === 'opening'
        ? 'articles begin with a block such as:\n    ---\n    title: "Headline"\n    date: 2025-12-18 19:20\n    ---'
        : 'end the fields with a line of exactly ---; the article text goes below it',
  },
  'yaml-syntax': {
    title: 'Front-matter is not valid YAML',
    help: 'Put values that contain `: ` or start with `[`, `{`, `*`, `&`, `!` or `#` in quotes; close lists on the line they open.',
    field: (a) => (a.kind === 'parse' ? a.field : undefined),
    message: (a) =>
      a.kind === 'parse'
        ? `invalid YAML: ${explainYamlError(a.yamlCode)?.message ?? a.parserMessage}`
        : 'the front-matter must be a list of "field: value" lines',
    expected: (a) => (a.kind === 'parse' ? undefined : 'fields such as title: and date:'),
    hint: (a) =>
      a.kind === 'parse'
        ? explainYamlError(a.yamlCode)?.hint ?? 'quote values that contain ": " or start with [, {, *, &, ! or #'
        : 'write one field per line, such as title: "Headline"',
  },
  'field-required': {
    title: 'Required field missing',
    help: 'Add the field to the front-matter: every article needs `title` and `date`, and an `image` needs `imageAlt`.',
    field: (a) => a.field,
    message: () => 'is required',
    expected: (a) => a.expected,
    hint: (a) => (a.field.includes('.') ? undefined : `add a line "${a.field}: ..." to the front-matter`),
  },
  'field-invalid': {
    title: 'Field has the wrong type or form',
    help: 'Write the value in the form the message expects, or delete the line if the field is optional.',
    field: (a) => a.field,
    message: () => 'has an invalid value',
    expected: (a) => a.expected,
    actual: (a) => showValue(a.value),
    // The expected text already says what to write.
    hint: () => undefined,
  },
  'field-unknown': {
    title: 'Unknown field',
    severity: 'warning',
    help: 'Nothing, if a template uses it (as `article.extra`); otherwise check its spelling. An error only under `--strict`.',
    field: (a) => a.field,
    message: () => 'unknown field (passed to templates as article.extra)',
    hint: (a) => `known fields: ${a.known.join(', ')}`,
  },
  'date-invalid': {
    title: 'Date cannot be read',
    help: 'Write dates as year-month-day, with an optional time: `2025-12-18` or `2025-12-18 19:20`.',
    field: (a) => a.field,
    message: () => 'is not a date Broadsheet can read',
    expected: () => DATE_FORMS,
    actual: (a) => showValue(a.value),
    hint: () => "write the year first: 2025-12-18, or 2025-12-18 19:20 with a time; a time without an offset such as +05:00 is read in the site's time zone",
  },
  'slug-invalid': {
    title: 'Slug has characters other than a-z, 0-9 and -',
    help: 'Leave `slug` out to have one made from the title, or use lowercase letters, digits and `-` only.',
    field: (a) => a.field,
    message: () => 'has an invalid value',
    expected: (a) => a.expected,
    actual: (a) => showValue(a.value),
    hint: () => 'leave slug out to have one made from the title',
  },
  'url-duplicate': {
    title: 'Two articles with one URL',
    help: 'Give one of the two articles a different title or a `slug` of its own.',
    field: 'slug',
    message: (a) => `the article URL ${a.url} is also the URL of ${a.other}:${a.otherLine}`,
    hint: () => 'give one of the two articles a different title or a `slug:` of its own',
  },
  'file-exists': {
    title: 'Article file already exists',
    help: '`broadsheet new` never overwrites a file: choose another title, or pass `--slug`.',
    message: () => 'an article file with this name already exists',
    hint: () => 'choose another title or pass --slug',
  },
  'link-broken': {
    title: 'Link to a page that is not in the build',
    severity: 'warning',
    help: 'Link to another article by its file (`../12/other.md`) or its URL, and check that the target is published. An error only under `--strict`.',
    message: (a) =>
      a.kind === 'no-such-file'
        ? `links to content file ${a.target}, which does not exist`
        : a.kind === 'not-in-build'
          ? `links to ${a.target}, which is not in this build (a draft, scheduled or expired)`
          : `links to ${a.target}, which no page of the site answers`,
    hint: () => 'link to another article by its file (../12/other.md) or its URL (/2025/12/18/slug/)',
  },
  'static-shadowed': {
    title: 'Static file has the path of a generated page',
    severity: 'warning',
    help: 'Rename or remove the file in `static/`: the page the site generates wins. An error only under `--strict`.',
    message: (a) => `not copied: the site generates /${a.path} itself`,
    hint: () => 'rename or remove the static file',
  },
  'template-syntax': {
    title: 'Template does not parse',
    help: 'Fix the template at the line named: every `{% tag %}` closed, every `{{ }}` complete.',
    message: (a) => `${a.cause} (rendering template "${a.template}")`,
    hint: (a) => undefinedVariableHint(a.cause),
  },
  'template-render': {
    title: 'Template failed while rendering',
    help: 'Test optional values with `{% if %}` before printing them; see Templates for the variables each template gets.',
    message: (a) => `${a.cause} (rendering template "${a.template}")`,
    hint: (a) => undefinedVariableHint(a.cause),
  },
  'config-invalid': {
    title: 'Site configuration is invalid',
    help: 'Fix the option named in `site.config.ts`; see Configuration for every option and its default.',
    field: (a) => (a.kind === 'unknown-option' || a.kind === 'invalid-option' ? a.key : a.kind === 'output-holds-site' ? 'outDir' : undefined),
    message: (a) => {
      switch (a.kind) {
        case 'not-an-object':
          return 'the config file must export an object';
        case 'unknown-option':
          return `unknown option "${a.key}"`;
        case 'invalid-option':
          return a.message;
        case 'output-holds-site':
          return `the output folder ${a.outDir} contains the site's ${a.holds}; a build empties it of anything it did not write`;
      }
    },
    expected: (a) =>
      a.kind === 'not-an-object' ? 'export default { title: "..." }' : a.kind === 'output-holds-site' ? 'a folder of its own, such as dist' : undefined,
    actual: (a) => (a.kind === 'not-an-object' ? showValue(a.value) : undefined),
    hint: (a) => (a.kind === 'unknown-option' ? `known options: ${a.known.join(', ')}` : undefined),
  },
  'config-load': {
    title: 'Site configuration cannot be loaded',
    help: 'Make `site.config.ts` valid TypeScript (or JavaScript, or JSON) with `export default { ... }`.',
    message: (a) => `could not load the config file: ${a.cause}`,
    hint: () => 'the file must be valid TypeScript/JavaScript (or JSON) with `export default { ... }`',
  },
  'symlink-outside': {
    title: 'Symbolic link leads outside the site',
    help: 'Copy the file into the site, or list its folder in `allowOutside` in `site.config.ts`.',
    message: (a) => `links to ${a.target}, outside the site folder: not read`,
    hint: () => 'copy the file into the site, or list its folder in allowOutside (site.config.ts)',
  },
  'symlink-broken': {
    title: 'Symbolic link leads nowhere',
    help: 'Fix the link so that its target exists, or remove it.',
    message: (a) => `links to ${a.target}, ${a.cause === 'ENOENT' ? 'which does not exist' : a.cause === 'ELOOP' ? 'which leads back to itself' : `which cannot be followed (${a.cause})`}: not read`,
    hint: () => 'fix the link, or remove it',
  },
  'symlink-loop': {
    title: 'Symbolic link to a folder it is inside',
    help: 'Link to a folder beside this one, not above it: its files would be read forever.',
    message: (a) => `links to ${a.target}, a folder it is inside: not read`,
    hint: () => 'link to a folder beside this one, not above it',
  },
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
    actual: (a) => (a.kind === 'no-date-line' || a.kind === 'bad-header' ? showValue(a.line) : a.kind === 'bad-date' ? showValue(a.date) : undefined),
    hint: (a) => (a.kind === 'no-title' ? 'each article is a date line, a title line, then its paragraphs' : undefined),
  },
  ...limitEntries,
  ...authorsEntries,
  ...imageEntries,
};

function undefinedVariableHint(cause: string): string | undefined {
  if (/Broadsheet's limit/.test(cause)) return 'look for a loop over a large range or value (a number from front-matter, say); docs/limits.md lists the limits';
  return /undefined variable/.test(cause) ? 'test optional values with {% if ... %} before printing them; see the README for the variables each template gets' : undefined;
}
