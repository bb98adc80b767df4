// The catalogue of problem codes: for each permanent code a short title, what an author does about
// it (docs/errors.md is generated from these two), and how the problem's message, expected
// text and hint are built from the arguments its call site passes. Call sites pass facts (a field,
// a value, a URL), never prose: every sentence a newsroom author reads is here, in one voice.
// Entries are used where problems are made (problem() in index.ts) and never stored in one:
// a Problem stays plain data that crosses worker threads and the cache.
// Codes are permanent: add codes and reword texts, never rename or remove a code.

import type { CatalogueEntry, NoArgs } from './entry.js';
import { authorsEntries, type AuthorsArgs } from './authors.js';
import { contentFilesEntries, type ContentFilesArgs } from './content-files.js';
import { imageEntries, type ImageArgs } from './images.js';
import { dumpEntries, importEntries, type DumpArgs, type ImportArgs } from './imports.js';
import { limitEntries, type LimitArgs } from './limits.js';
import { inputEntries, type InputArgs } from './input.js';
import { languageEntries, type LanguageArgs } from './languages.js';
import { redirectEntries, type RedirectArgs } from './redirects.js';
import { tomlEntries, type TomlArgs } from './toml.js';
import { translationEntries, type TranslationArgs } from './translations.js';
import { nearestName } from './suggestions.js';
import { showValue } from './values.js';
import { explainYamlError } from './yaml.js';
import { folderClashMessage, type FolderClash, type FolderKey } from './folders.js';

export type { FolderClash, FolderKey, FolderSetting } from './folders.js';

export type { Severity } from './entry.js';
export { showValue } from './values.js';

/** The facts each code's texts are built from: what its call sites pass to problem(). */
export interface ProblemArgs extends LimitArgs, AuthorsArgs, ImageArgs, InputArgs, ContentFilesArgs, RedirectArgs, TomlArgs, ImportArgs, DumpArgs, LanguageArgs, TranslationArgs {
  'file-empty': NoArgs;
  'frontmatter-missing': { missing: 'opening' | 'closing'; delimiter?: '---' | '+++' };
  /** `field`: the key on the line YAML stopped at; `yamlCode`, `parserMessage`: the `yaml` package's error. */
  'yaml-syntax': { kind: 'parse'; field?: string; yamlCode: string; parserMessage: string } | { kind: 'not-fields' };
  /** `expected`: the front-matter schema's description of the field. */
  'field-required': { field: string; expected: string };
  'field-invalid': { field: string; expected: string; value: unknown };
  'field-unknown': { field: string; known: readonly string[] };
  /** `nearest`: the known field `field` is probably a misspelling of (problems/suggestions.ts). */
  'field-misspelled': { field: string; nearest: string };
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
    | { kind: 'folder-clash'; key: FolderKey; value: string; clash: FolderClash; flag?: string }
    | { kind: 'base-url-extra'; value: string };
  /** `cause`: the loader's error, first line. */
  'config-load': { cause: string };
  /** Symbolic links in content/, static/ and templates/ (docs/writing.md). `target`: where the link leads. */
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


/** Every permanent code, in the order docs/errors.md lists them. */
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
    help: 'Begin the file with a line of exactly `---`, then the fields (YAML), then another line of exactly `---`; or the same between `+++` lines in TOML, as Hugo and Zola write it.',
    message: (a) => (a.missing === 'opening' ? 'the file does not start with front-matter' : 'the front-matter is not closed'),
    expected: (a) =>
      a.missing === 'opening' ? 'a first line of exactly --- (YAML front-matter) or +++ (TOML front-matter)' : `a line of exactly ${a.delimiter ?? '---'} after the last field`,
    hint: (a) =>
      a.missing === 'opening'
        ? 'articles begin with a block such as:\n    ---\n    title: "Headline"\n    date: 2025-12-18 19:20\n    ---'
        : `end the fields with a line of exactly ${a.delimiter ?? '---'}; the article text goes below it`,
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
  'field-misspelled': {
    title: 'Field name looks misspelled',
    severity: 'warning',
    help: 'Correct the spelling (`sumary:` to `summary:`): Broadsheet does not read a misspelled field. A field of your own that templates use may keep its name. An error only under `--strict`.',
    field: (a) => a.field,
    message: (a) => `unknown field: did you mean ${a.nearest}?`,
    hint: (a) => `if you meant ${a.nearest}, correct the name; as it is, Broadsheet does not read it (templates see it as article.extra.${a.field})`,
  },
  'date-invalid': {
    title: 'Date cannot be read',
    help: 'Write dates as year-month-day, with an optional time: `2025-12-18` or `2025-12-18 19:20`.',
    field: (a) => a.field,
    message: () => 'is not a date Broadsheet can read',
    expected: () => DATE_FORMS,
    actual: (a) => showValue(a.value),
    hint: (a) => dateHint(a.value),
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
    help: 'Test optional values with `{% if %}` before printing them; [the theme guide](theme.md#the-templates) lists the variables each template gets.',
    message: (a) => `${a.cause} (rendering template "${a.template}")`,
    hint: (a) => undefinedVariableHint(a.cause),
  },
  'config-invalid': {
    title: 'Site configuration is invalid',
    help: 'Fix the option named in `site.config.ts`; [Configuration](configuration.md) lists every option and its default.',
    field: (a) => (a.kind === 'unknown-option' || a.kind === 'invalid-option' || a.kind === 'folder-clash' ? a.key : a.kind === 'base-url-extra' ? 'baseUrl' : undefined),
    message: (a) => {
      switch (a.kind) {
        case 'not-an-object':
          return 'the config file must export an object';
        case 'unknown-option':
          return `unknown option "${a.key}"`;
        case 'invalid-option':
          return a.message;
        case 'folder-clash':
          return folderClashMessage(a.key, a.value, a.clash, a.flag);
        case 'base-url-extra':
          return `the base URL ${a.value} has a query (?...) or a fragment (#...): pages are served from a folder, which has neither`;
      }
    },
    expected: (a) =>
      a.kind === 'not-an-object' ? 'export default { title: "..." }'
      : a.kind === 'folder-clash' ? `a folder of its own, such as ${a.key === 'outDir' ? 'dist' : '.cache'}`
      : a.kind === 'base-url-extra' ? 'an absolute http(s) URL such as https://example.org/news/'
      : undefined,
    actual: (a) => (a.kind === 'not-an-object' ? showValue(a.value) : undefined),
    hint: (a) => (a.kind === 'unknown-option' ? unknownOptionHint(a.key, a.known) : undefined),
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
  ...dumpEntries,
  ...limitEntries,
  ...authorsEntries,
  ...imageEntries,
  ...inputEntries,
  ...contentFilesEntries,
  ...redirectEntries,
  ...languageEntries,
  ...tomlEntries,
  ...importEntries,
  ...translationEntries,
};

/** What to change in a date: the order of its parts, or (when the year is already first) the day, time or offset. */
function dateHint(value: unknown): string {
  const zone = "a time without an offset such as +05:00 is read in the site's time zone";
  if (/^\s*\d{4}-\d{1,2}-\d{1,2}/.test(String(value))) {
    return `check that the day exists and write two digits each for month and day, times as 19:20 or 19:20:05, offsets as +05:00, -0800 or Z: 2025-12-18 19:20:05 -0800; ${zone}`;
  }
  return `write the year first: 2025-12-18, or 2025-12-18 19:20 with a time; ${zone}`;
}

function undefinedVariableHint(cause: string): string | undefined {
  if (/Broadsheet's limit/.test(cause)) return 'look for a loop over a large range or value (a number from front-matter, say); docs/limits.md lists the limits';
  return /undefined variable/.test(cause) ? 'test optional values with {% if ... %} before printing them; docs/theme.md lists the variables each template gets' : undefined;
}

/** "did you mean baseUrl?" for a misspelled option, else the list of known options. */
function unknownOptionHint(key: string, known: readonly string[]): string {
  const nearest = nearestName(key, known);
  return nearest ? `did you mean ${nearest}? (known options: ${known.join(', ')})` : `known options: ${known.join(', ')}`;
}
