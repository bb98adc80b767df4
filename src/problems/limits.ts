// The catalogue's entries for hostile or runaway input: limits far beyond any real article, each
// enforced where the input is read (load/yaml-limits.ts, load/frontmatter.ts, render/nesting.ts,
// render/inline-limits.ts, render/article-size.ts, render/budget.ts, render/article.ts). Part of
// the one catalogue (catalogue.ts spreads these in). docs/limits.md explains each to users.

import type { CatalogueEntry } from './entry.js';

/** The facts each limit code's texts are built from. `field`: the top-level field holding the spot. */
export interface LimitArgs {
  'frontmatter-too-large': { length: number; limit: number; field?: string };
  'yaml-nesting': { limit: number; field?: string };
  'yaml-aliases': { kind: 'bomb'; limit: number; field?: string } | { kind: 'circular'; field?: string };
  /** `expected`: the schema's "at most N characters". */
  'field-too-long': { field: string; length: number; expected: string };
  'markdown-nesting': { kind: 'block' | 'html'; limit: number };
  /** `in`: the limit met, one paragraph's or the whole article's. */
  /** `what`: escapes and character references (counted apart in a paragraph) rather than markers. */
  'markdown-markers': { limit: number; in: 'paragraph' | 'article'; what?: 'escapes' };
  'block-too-long': { limit: number };
  'markdown-elements': { limit: number };
  'markdown-definitions': { limit: number };
  /** `size`: the file's size in bytes. */
  /** `size`, `limit`: the file's bytes and the most allowed; or `lines`: the most lines a body may have, which it passes. */
  'article-too-large': { size: number; limit: number } | { lines: number };
  'render-timeout': { budgetMs: number };
  'render-memory': { limitMb: number };
  'tags-too-many': { count: number; limit: number };
}

const count = (n: number) => n.toLocaleString('en');
const mebibytes = (bytes: number) => `${(bytes / 1048576).toLocaleString('en', { maximumFractionDigits: 1 })} MiB`;
const kibibytes = (bytes: number) => `${count(Math.round(bytes / 1024))} KiB`;
const LIMITS_DOC = 'docs/limits.md';
const ALIAS_HINT = 'write the values out instead of using &anchors and *aliases';

/** One entry per limit code. */
export const limitEntries: { readonly [C in keyof LimitArgs]: CatalogueEntry<LimitArgs[C]> } = {
  'frontmatter-too-large': {
    title: 'Front-matter too large',
    help: 'Keep the front-matter to the title, date and a few short fields (at most 64 KiB); long text belongs in the body.',
    field: (a) => a.field,
    message: (a) => `the front-matter is ${count(a.length)} characters long and passes the limit on this line`,
    expected: (a) => `at most ${count(a.limit)} characters between the --- lines`,
    hint: () => 'front-matter holds the title, date and a few short fields; long text belongs in the article body',
  },
  'yaml-nesting': {
    title: 'Front-matter nested too deep',
    help: 'Front-matter fields hold names, dates and short lists: flatten lists or maps nested more than 32 levels.',
    field: (a) => a.field,
    message: (a) => `lists and maps nest deeper than ${a.limit} levels here`,
    hint: () => 'front-matter fields hold names, dates and short lists; move long structured data out of the article',
  },
  'yaml-aliases': {
    title: 'YAML aliases expand too far',
    help: 'Write the values out instead of using YAML `&anchors` and `*aliases` that repeat or contain themselves.',
    field: (a) => a.field,
    message: (a) =>
      a.kind === 'bomb'
        ? `the YAML aliases (*name) from here on repeat their anchors' values more than ${a.limit} times over (an "alias bomb", which would fill memory)`
        : 'this alias (*name) is inside the value of its own &anchor, which would make the value contain itself',
    hint: () => ALIAS_HINT,
  },
  'field-too-long': {
    title: 'Field value too long',
    help: 'Shorten the value: titles up to 1,000 characters, summaries 10,000, names 500, slugs 200, image paths 2,000.',
    field: (a) => a.field,
    message: () => 'is too long',
    expected: (a) => a.expected,
    actual: (a) => `${count(a.length)} characters`,
  },
  'markdown-nesting': {
    title: 'Markdown nested too deep',
    help: 'Flatten the part named: at most 32 levels of block quotes and lists, 128 of HTML elements.',
    message: (a) => `${a.kind === 'block' ? 'block quotes and lists' : 'HTML elements'} nest more than ${a.limit} levels deep here; Broadsheet renders at most ${a.limit}`,
    hint: (a) => (a.kind === 'block' ? 'real articles nest quotes and lists a few levels at most: flatten this part' : 'close the HTML elements this part opens, or flatten it'),
  },
  'markdown-markers': {
    title: 'Too many markers',
    help: 'Split the paragraph or the article, or put a backslash before characters meant literally (`\\*`, `\\_`, `\\[`): at most 500 emphasis, link, code and HTML markers and 2,000 backslash escapes and character references in one paragraph, heading or table cell, and 250,000 of them in one article.',
    message: (a) =>
      a.what === 'escapes'
        ? `this paragraph holds more than ${count(a.limit)} backslash escapes and character references (\\* &amp;); Broadsheet reads at most ${count(a.limit)} in one paragraph, heading or table cell`
        : a.in === 'paragraph'
        ? `this paragraph holds more than ${count(a.limit)} emphasis, link, code and HTML markers (* _ ~ \` [ ] <); Broadsheet reads at most ${count(a.limit)} in one paragraph, heading or table cell`
        : `the article holds more than ${count(a.limit)} emphasis, link, code and HTML markers (* _ ~ \` [ ] <) by here; Broadsheet reads at most ${count(a.limit)} in one article`,
    hint: (a) =>
      a.what === 'escapes'
        ? `split the paragraph, or write the characters as they are where Markdown allows it; see ${LIMITS_DOC}`
        : `${a.in === 'paragraph' ? 'split the paragraph' : 'split the article'}, or put a backslash before characters meant literally (\\*, \\_, \\[); see ${LIMITS_DOC}`,
  },
  'block-too-long': {
    title: 'Block too long',
    help: 'Break up the long list, table, quote or code block, or move it into a file under `static/`: a body may run on for at most 256 KiB with no place to break it (a blank line, then a line that starts no list item, quote or indented block).',
    message: (a) =>
      `the text from here runs on for more than ${kibibytes(a.limit)} with no place to break it (a blank line, then a line that starts no list item, quote or indented block) (a long list, table, quote, code block or paragraph); Broadsheet reads at most ${kibibytes(a.limit)} in one go`,
    hint: () => `break it into several, or move long listings and data into files under static/ and link to them; see ${LIMITS_DOC}`,
  },
  'markdown-elements': {
    title: 'Article body too complex',
    help: 'Split the article: its body may produce at most 1,000,000 elements (paragraphs, list items, links, table cells as rendered, HTML tags). Check tables whose header row is far wider than their rows.',
    message: (a) =>
      `the body produces more than ${count(a.limit)} elements (paragraphs, list items, links, table cells as rendered, HTML tags) by here; Broadsheet renders at most ${count(a.limit)} in one article`,
    hint: () => `split the article; a table renders every row as wide as its header row, so check tables with a very wide header; see ${LIMITS_DOC}`,
  },
  'markdown-definitions': {
    title: 'Too many link definitions',
    help: 'Write links inline (`[text](url)`) or split the article: at most 1,000 link reference and footnote definitions in one article.',
    message: (a) => `this is the article's ${count(a.limit + 1)}th link reference or footnote definition; Broadsheet reads at most ${count(a.limit)} in one article`,
    hint: () => `write links inline as [text](url), or split the article; see ${LIMITS_DOC}`,
  },
  'article-too-large': {
    title: 'Article file too large',
    help: 'Split the article, or move long listings and data into files under `static/` and link to them: an article file may be at most 8 MiB, and its body 200,000 lines.',
    message: (a) =>
      'lines' in a
        ? `the article runs on past this line; an article may be at most ${count(a.lines)} lines`
        : `the article file is ${mebibytes(a.size)} (${count(a.size)} bytes); an article file may be at most ${mebibytes(a.limit)}`,
    hint: () => 'split it into several articles, or move long listings and data into files under static/ and link to them',
  },
  'render-timeout': {
    title: 'Article stopped by the render guard',
    help: 'The guard stops a fault in a Markdown library that Broadsheet\'s limits did not foresee: report the file. If the article is genuine, raise `renderBudgetMs` (CPU time).',
    message: (a) => `used more than ${count(a.budgetMs)} ms of processor time rendering and was stopped`,
    hint: () =>
      `articles within Broadsheet's limits (${LIMITS_DOC}) never come near this guard, so this is likely a fault in a Markdown library: please report the file; if the article is genuine, raise renderBudgetMs in site.config.ts`,
  },
  'render-memory': {
    title: 'Article stopped by the memory guard',
    help: 'Rendering the article on a worker thread took more than its heap (2,048 MB) and was stopped. Articles within Broadsheet\'s limits never come near it: please report the file.',
    message: (a) => `took more than ${count(a.limitMb)} MB of memory rendering on a worker thread and was stopped`,
    hint: () => `articles within Broadsheet's limits (${LIMITS_DOC}) never come near this guard, so this is likely a fault in a Markdown library: please report the file`,
  },
  'tags-too-many': {
    title: 'Too many tags',
    severity: 'warning',
    help: 'Keep the tags naming what the article is about (only the first `tagLimit`, default 50, get pages), or raise `tagLimit`. An error only under `--strict`.',
    field: () => 'tags',
    message: (a) => `lists ${count(a.count)} tags; only the first ${a.limit} get tag pages and feeds`,
    hint: () => 'keep the tags naming the places, organisations and people the article is about, or raise tagLimit in site.config.ts',
  },
};
