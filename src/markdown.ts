// Markdown body -> HTML and a plain-text summary. Pure: the same text and options always give the
// same result, which is what lets a later stage cache it by content hash and run it on workers.
//
// One frozen unified processor: remark-parse, remark-gfm, remark-rehype, rehype-raw,
// rehype-sanitize, heading demotion, rehype-slug, rehype-stringify. rehype-raw re-parses the whole
// tree through parse5, so a body with no "<" at all (no raw HTML possible) takes a twin processor
// without it; the outputs are the same.

import type { Element, Root as HastRoot } from 'hast';
import { toString as hastToString } from 'hast-util-to-string';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeSlug from 'rehype-slug';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

export interface RenderedMarkdown {
  html: string;
  /** Text of the first paragraph, cut at a word near `summaryLength`. '' if there is none. */
  summary: string;
}

export interface MarkdownOptions {
  summaryLength: number;
}

// GitHub's schema, plus the elements newsrooms use for captioned photos and inline semantics,
// and without prefixing ids: footnote ids and their links already carry remark-rehype's
// `user-content-` prefix, and prefixing ids again would break them.
const sanitizeSchema = {
  ...defaultSchema,
  clobber: [],
  tagNames: [...(defaultSchema.tagNames ?? []), 'figure', 'figcaption', 'caption', 'abbr', 'mark', 'small', 'cite', 'time'],
  attributes: {
    ...defaultSchema.attributes,
    img: [...(defaultSchema.attributes?.img ?? []), 'alt', 'title', 'width', 'height', 'loading'],
    abbr: ['title'],
    time: ['dateTime'],
  },
};

function createProcessor(withRawHtml: boolean) {
  const base = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkRehype, { allowDangerousHtml: withRawHtml });
  const withRaw = withRawHtml ? base.use(rehypeRaw) : base;
  return withRaw
    .use(rehypeSanitize, sanitizeSchema)
    .use(rehypeDemoteHeadings)
    .use(rehypeSlug)
    .use(rehypeStringify)
    .freeze();
}

const processors = { raw: createProcessor(true), plain: createProcessor(false) };

export function renderMarkdown(markdown: string, options: MarkdownOptions): RenderedMarkdown {
  const processor = markdown.includes('<') ? processors.raw : processors.plain;
  const tree = processor.runSync(processor.parse(markdown)) as HastRoot;
  return {
    html: processor.stringify(tree),
    summary: summarise(firstParagraphText(tree), options.summaryLength),
  };
}

/**
 * The page title is the page's one h1, so headings in a body move one level down when the body
 * uses h1 itself (`# Section` becomes an h2).
 */
function rehypeDemoteHeadings() {
  return (tree: HastRoot) => {
    let hasH1 = false;
    visit(tree, 'element', (node: Element) => {
      if (node.tagName === 'h1') hasH1 = true;
    });
    if (!hasH1) return;
    visit(tree, 'element', (node: Element) => {
      const level = /^h([1-5])$/.exec(node.tagName)?.[1];
      if (level) node.tagName = `h${Number(level) + 1}`;
    });
  };
}

function firstParagraphText(tree: HastRoot): string {
  for (const node of tree.children) {
    if (node.type === 'element' && node.tagName === 'p') {
      const text = hastToString(node).replace(/\s+/g, ' ').trim();
      if (text) return text;
    }
  }
  return '';
}

/** Cut text at the last word boundary before `length`, adding an ellipsis when cut. */
export function summarise(text: string, length: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= length) return clean;
  const cut = clean.slice(0, length);
  const lastSpace = cut.lastIndexOf(' ');
  const atWord = lastSpace > length * 0.6 ? cut.slice(0, lastSpace) : cut;
  return `${atWord.replace(/[\s,;:.\-–—]+$/, '')}…`;
}
