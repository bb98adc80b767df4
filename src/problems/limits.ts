// The catalogue's entries for hostile or runaway input: limits far beyond any real article, each
// enforced where the input is read (load/yaml-limits.ts, load/frontmatter.ts, render/nesting.ts,
// render/budget.ts, render/article.ts). Part of the one catalogue (catalogue.ts spreads these in).

import type { CatalogueEntry } from './entry.js';

/** The facts each limit code's texts are built from. `field`: the top-level field holding the spot. */
export interface LimitArgs {
  'frontmatter-too-large': { length: number; limit: number; field?: string };
  'yaml-nesting': { limit: number; field?: string };
  'yaml-aliases': { kind: 'bomb'; limit: number; field?: string } | { kind: 'circular'; field?: string };
  /** `expected`: the schema's "at most N characters". */
  'field-too-long': { field: string; length: number; expected: string };
  'markdown-nesting': { kind: 'block' | 'html'; limit: number };
  'render-timeout': { budgetMs: number };
  'tags-too-many': { count: number; limit: number };
}

const count = (n: number) => n.toLocaleString('en');
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
  'render-timeout': {
    title: 'Article took too long to render',
    help: 'Look for Markdown that repeats or nests one construct thousands of times; for a genuine article raise `renderBudgetMs`.',
    message: (a) => `took longer than ${count(a.budgetMs)} ms to render and was stopped`,
    hint: () => 'look for Markdown that repeats or nests one construct thousands of times; if the article is genuine, raise renderBudgetMs in site.config.ts',
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
