// Markdown body -> HTML and a plain-text summary. Pure: the same text and options always give the
// same result, which is what lets the build cache it by content hash and run it on workers.
//
// The pipeline: remark-parse, GFM, remark-rehype, rehype-raw, rehype-sanitize, our link and
// heading fixes, rehype-slug, rehype-stringify; frozen unified processors, one per combination of
// the parts a body can need (cheap checks of its text decide, as Zola skips shortcode work for
// text without "{{"). The outputs are byte-identical to running every part on every body.

import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import { toString as hastToString } from 'hast-util-to-string';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeSlug from 'rehype-slug';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import path from 'node:path';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { gfmKey, mayHaveAutolinks, remarkGfmParts, sniffGfm, treeNeedsAutolinks, type GfmParts } from './gfm.js';
import { articleLinkPlaceholder } from './article-links.js';
import { rehypeRefusedImages, rehypeTagFilter, sanitizeSchema, type RefusedSource } from './raw-html.js';
import { summarise } from './summary.js';
import { decodedPath, isProtocolRelative, isSitePath, withBasePath } from '../urls.js';
import { linearHandlers } from './linear-handlers.js';
import { checkLines, MarkerCount } from './markdown-limits.js';
import { parseInParts, PART_SIZE } from './parse-in-parts.js';
import { bodyImagePlaceholder } from '../images/placeholders.js';
import type { BodyImageRef, SiteLink } from '../types/index.js';

/** A body rendered: its HTML, its summary and its links to the site. */
export interface RenderedMarkdown {
  html: string;
  /** Text of the first paragraph, cut at a word near `summaryLength`. '' if there is none. */
  summary: string;
  /** Links to other pages of the site, for checking once every page is known. */
  links: SiteLink[];
  /** Images, in order (positions in the body: its first line is 1); local ones are placeholders in `html`. */
  images: BodyImageRef[];
}

/** What rendering a body depends on besides its text. */
export interface MarkdownOptions {
  summaryLength: number;
  /** The site's base path ("/" or "/news/"): site-path links ("/2025/12/...") are put under it. */
  basePath: string;
  /** This article's path in the content folder, to resolve relative links to other .md files. */
  contentPath: string;
}



/**
 * What a body needs of the pipeline: raw HTML support (rehype-raw re-parses the whole tree through
 * parse5; only a body with "<" can hold raw HTML), heading ids (rehype-slug; only a body with a
 * heading), and which GFM parts (see gfm.ts).
 */
interface Features {
  raw: boolean;
  slug: boolean;
  gfm: GfmParts | 'remark-gfm';
}

function createProcessor(features: Features) {
  const parser = unified().use(remarkParse);
  const withGfm = features.gfm === 'remark-gfm' ? parser.use(remarkGfm) : parser.use(remarkGfmParts, features.gfm);
  const hast = withGfm.use(remarkRehype, { allowDangerousHtml: features.raw, handlers: linearHandlers });
  const withRaw = features.raw ? hast.use(rehypeTagFilter).use(rehypeRaw) : hast;
  const cleaned = withRaw.use(rehypeRefusedImages).use(rehypeSanitize, sanitizeSchema).use(rehypeArticleBody);
  return (features.slug ? cleaned.use(rehypeSlug).use(rehypeThemeIds) : cleaned).use(rehypeStringify).freeze();
}

/**
 * Ids the default theme gives elements of an article's page (the skip link leads to #main): an
 * element of the body with one (a heading named "Main", an anchor an import kept, <p id="main">)
 * takes the next free id instead (main-1), as a second heading of one name does, and the body's
 * own links to it follow.
 */
const THEME_IDS = new Set(['main', 'article-corrections', 'related-heading', 'more-news', 'lead-story', 'site-search-q', 'search-q', 'search-topic', 'search-year', 'search-texts']);

function rehypeThemeIds() {
  return (tree: HastRoot) => {
    const taken = new Set<string>();
    const clashing: Element[] = [];
    visit(tree, 'element', (node: Element) => {
      const id = node.properties.id;
      if (typeof id !== 'string') return;
      taken.add(id);
      if (THEME_IDS.has(id)) clashing.push(node);
    });
    // Most bodies: one walk, nothing to rename.
    if (clashing.length === 0) return;
    const renamed = new Map<string, string>();
    for (const node of clashing) {
      const id = node.properties.id as string;
      let n = 1;
      while (taken.has(`${id}-${n}`) || THEME_IDS.has(`${id}-${n}`)) n++;
      node.properties.id = `${id}-${n}`;
      taken.add(node.properties.id);
      // The first of the body's elements with the id is the one its links led to.
      if (!renamed.has(id)) renamed.set(id, node.properties.id);
    }
    visit(tree, 'element', (node: Element) => {
      const href = node.tagName === 'a' ? node.properties.href : undefined;
      const to = typeof href === 'string' && href.startsWith('#') ? renamed.get(href.slice(1)) : undefined;
      if (to !== undefined) node.properties.href = `#${to}`;
    });
  };
}

type MarkdownProcessor = ReturnType<typeof createProcessor>;
const processors = new Map<string, MarkdownProcessor>();

function processorFor(features: Features): MarkdownProcessor {
  const key = `${+features.raw}${+features.slug}${features.gfm === 'remark-gfm' ? 'all' : gfmKey(features.gfm)}`;
  let processor = processors.get(key);
  if (!processor) {
    processor = createProcessor(features);
    processors.set(key, processor);
  }
  return processor;
}

/** The body's mdast, parsed in parts (parse-in-parts.ts) with the processor's syntax extensions. */
function parseBody(processor: MarkdownProcessor, markdown: string, partSize: number): MdastRoot {
  const markers = new MarkerCount();
  const settings = {
    micromarkExtensions: [...(processor.data('micromarkExtensions') ?? []), markers.extension()],
    fromMarkdownExtensions: processor.data('fromMarkdownExtensions') ?? [],
    markers,
  };
  return parseInParts(markdown, settings, partSize);
}

/** Could the body hold a heading? ATX needs "#", setext a line ending in "=" or "-", raw HTML "<". */
function mayHaveHeading(markdown: string): boolean {
  return markdown.includes('#') || /[=-][ \t]*(\n|$)/.test(markdown);
}

/**
 * How the pipeline is chosen: 'sniff' (the default) uses only the GFM parts and rehype-slug a body
 * can need; 'always' runs remark-gfm and rehype-slug on every body, as the reference the sniffing
 * is tested against. Both use rehype-raw only for a body with "<" (with no raw HTML to parse, its
 * parse5 round trip only normalises: it drops a leading blank line of a code block, for one).
 */
export type PipelineChoice = 'sniff' | 'always';

/**
 * Markdown body -> sanitised HTML, summary and site links; pure. Throws MarkdownLimit
 * (inline-limits.ts) for a body whose parse would take unbounded time or memory.
 * `choice` 'always' runs every GFM
 * part, and `partSize` Infinity parses the body whole (both for tests: the results are the same).
 */
export function renderMarkdown(markdown: string, options: MarkdownOptions, choice: PipelineChoice = 'sniff', partSize = PART_SIZE): RenderedMarkdown {
  checkLines(markdown);
  const file = new VFile({ value: markdown, data: { linkOptions: options } });
  let processor: MarkdownProcessor;
  let mdast: MdastRoot;
  const raw = markdown.includes('<');
  if (choice === 'always') {
    processor = processorFor({ raw, slug: true, gfm: 'remark-gfm' });
    mdast = parseBody(processor, markdown, partSize);
  } else {
    const gfm = sniffGfm(markdown);
    const features: Features = { raw, slug: raw || mayHaveHeading(markdown), gfm };
    processor = processorFor(features);
    mdast = parseBody(processor, markdown, partSize);
    if (mayHaveAutolinks(markdown) && treeNeedsAutolinks(mdast)) {
      processor = processorFor({ ...features, gfm: { ...gfm, autolinkLiteral: true } });
      mdast = parseBody(processor, markdown, partSize);
    }
  }
  const tree = processor.runSync(mdast, file) as HastRoot;
  return {
    html: processor.stringify(tree),
    summary: summarise(firstParagraphText(tree), options.summaryLength),
    links: (file.data.siteLinks as SiteLink[] | undefined) ?? [],
    images: (file.data.bodyImages as BodyImageRef[] | undefined) ?? [],
  };
}

/** A URL with a scheme (https:, data:): not a file of the site; nor is a protocol-relative one (urls.ts). */
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Three fixes to the sanitised tree, in one pass over it:
 * - Images: each is recorded; a local one becomes a placeholder for its processed markup
 *   (images/placeholders.ts), and one with a title alone in its paragraph becomes a figure with
 *   the title as its caption. Remote ones stay as written.
 * - Links to the site itself: "/2025/12/18/x/" goes under the base path; "../x.md" (a link to
 *   another article's file, as editors and GitHub render it) becomes a placeholder for that
 *   article's URL. Both are recorded for checking. Other links are left as written.
 * - Headings: the page title is the page's one h1, so when a body uses h1 itself (`# Section`),
 *   every heading of the body moves one level down.
 */
function rehypeArticleBody() {
  return (tree: HastRoot, file: VFile) => {
    const options = file.data.linkOptions as MarkdownOptions;
    const links: SiteLink[] = [];
    const images: BodyImageRef[] = [];
    const headings: Element[] = [];
    let hasH1 = false;
    const refused: Array<{ node: Element; parent: HastRoot | Element }> = [];
    visit(tree, 'element', (node: Element, _index, parent) => {
      const { tagName } = node;
      if (tagName === 'img') {
        if (!bodyImage(node, parent?.type === 'element' ? parent : undefined, images) && parent) refused.push({ node, parent });
        return;
      }
      if (/^h[1-6]$/.test(tagName)) {
        headings.push(node);
        if (tagName === 'h1') hasH1 = true;
        return;
      }
      const attribute = tagName === 'a' ? 'href' : undefined;
      const value = attribute ? node.properties[attribute] : undefined;
      if (!attribute || typeof value !== 'string' || value === '' || /^([a-z][a-z0-9+.-]*:|#|\?)/i.test(value) || isProtocolRelative(value)) return;
      const line = node.position?.start.line ?? 1;
      const column = node.position?.start.column ?? 1;
      const [pathPart = ''] = value.split(/[?#]/, 1);
      if (isSitePath(value)) {
        links.push({ kind: 'path', target: pathPart, line, column });
        node.properties[attribute] = withBasePath(options.basePath, value);
      } else if (pathPart.endsWith('.md')) {
        const target = path.posix.normalize(path.posix.join(path.posix.dirname(options.contentPath), decodedPath(pathPart)));
        links.push({ kind: 'article', target, line, column });
        // Resolved by article-links.ts once every article's URL is known.
        node.properties[attribute] = articleLinkPlaceholder(target, value);
      }
    });
    if (hasH1) {
      for (const heading of headings) {
        const level = Number(heading.tagName[1]);
        if (level < 6) heading.tagName = `h${level + 1}`;
      }
    }
    // An image with no source left (none written, or one the sanitiser refused) is no image.
    for (const { node, parent } of refused) parent.children.splice(parent.children.indexOf(node), 1);
    file.data.siteLinks = links;
    file.data.bodyImages = images;
  };
}

/** Record a body image (see rehypeArticleBody); false when it has no source left to show. */
function bodyImage(node: Element, parent: Element | undefined, images: BodyImageRef[]): boolean {
  const src = node.properties.src;
  const alt = typeof node.properties.alt === 'string' ? node.properties.alt : '';
  const at = { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
  // A src of another scheme (file:, data:) is dropped by the sanitiser: reported as outside the
  // site, as a lead image's is (images/resolve.ts). One with no src at all (![alt]() or
  // <img alt="...">) is reported as missing.
  const refusedSrc = (node.data as RefusedSource | undefined)?.refusedSrc;
  if (typeof src !== 'string' || src === '') {
    images.push({ src: refusedSrc ?? '', alt, ...at });
    return false;
  }
  const title = typeof node.properties.title === 'string' ? node.properties.title.trim() : '';
  images.push({ src, alt, ...at });
  const alone = parent?.tagName === 'p' && parent.children.every((child) => child === node || (child.type === 'text' && child.value.trim() === ''));
  // A web address is used as it is, a local file through a placeholder: just src and alt, in this
  // order (the placeholder's pattern relies on it). Either, alone with a title, is a figure.
  if (HAS_SCHEME.test(src) || isProtocolRelative(src)) {
    if (!(title && alone)) return true;
    node.properties = { src, alt };
  } else {
    node.properties = { src: bodyImagePlaceholder(images.length - 1, src), alt };
  }
  if (title && alone) {
    parent.tagName = 'figure';
    const caption: ElementContent = { type: 'element', tagName: 'figcaption', properties: {}, children: [{ type: 'text', value: title }] };
    parent.children = [node, caption];
  }
  return true;
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
