// HTML bodies (WordPress posts, feed entries) as Markdown: rehype-parse -> rehype-remark ->
// remark-gfm -> remark-stringify, the unified stack the renderer reads Markdown with, so the round
// trip through Broadsheet keeps the text, links, lists, tables and code. Before the conversion the
// HTML tree is put in the shape Markdown can hold:
// - WordPress's paragraphs: post text without <p> (the classic editor's) is split into paragraphs
//   at blank lines, single line breaks kept as <br>, as WordPress's wpautop does on its pages, in
//   a list item too; the block editor's comments that mark its blocks are left out; a
//   verse block is stanzas of lines, not code; a preformatted block with a footnote, lines of
//   monospace text (html-paragraphs.ts);
// - a <figure> (from a [caption] shortcode or a block) becomes an image whose title is the caption:
//   alone in its paragraph, Broadsheet renders it as a figure with that caption again; a gallery,
//   one such image per image it holds; one whose image or caption holds a link stays HTML
//   (html-figures.ts); a link around an image elsewhere that leads to the photo itself (its file,
//   its attachment page) is left out too, as it is in a figure;
// - inline elements Markdown cannot write (<sub>, <sup>, <kbd>, <u>, ...) are kept as HTML; an
//   underline or strikethrough the editor wrote as a span's style is <u> or <del>, bold and italic
//   pasted from Google Docs <strong> and <em>, its wrapper that is not bold left out (html-styles.ts);
// - a reversed list keeps its numbers, counting down;
// - code blocks keep their language (`language-x`, SyntaxHighlighter's `brush: x`, `lang="x"`);
// - an embedded frame (a video, a map) becomes a link to it, so no content vanishes; so does an
//   embed WordPress made of an address alone, an embed block's or a classic post's line
//   (html-embeds.ts);
// - WordPress's footnotes become Markdown footnotes (html-footnotes.ts);
// - an element's own id, which links lead to, is kept: a heading's as an HTML heading, any other's
//   as an empty <a id> where its text starts (html-anchors.ts);
// - each image's address goes through `image`, which may point it at a copy beside the article.
// Pure: HTML text in, Markdown text out.

import type { Element, ElementContent, Root as HastRoot, RootContent } from 'hast';
import type { State } from 'hast-util-to-mdast';
import { toString as hastToString } from 'hast-util-to-string';
import type { RootContent as MdastNode } from 'mdast';
import rehypeParse from 'rehype-parse';
import rehypeRemark from 'rehype-remark';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import { escapeMarkup } from '../../escape.js';
import { hasScheme, isProtocolRelative, isWebAddress } from '../../urls.js';
import { anchorHandlers, keepAnchors, keepHeadingIds } from './html-anchors.js';
import { embedAsLink, isEmbedWrapper, lineAddressesAsLinks } from './html-embeds.js';
import { captionListAsFigure, figureAsImage, isPhotoLink, pageKey } from './html-figures.js';
import { footnoteHandlers, holdsFootnoteReference, markFootnotes } from './html-footnotes.js';
import { addLineBreaks, addParagraphs, hasBlocks, isVerse, preformattedAsLines, removeBlockComments, verseAsParagraphs } from './html-paragraphs.js';
import { isKeptAsHtml, keepAsHtml, rawHtmlHandlers } from './html-raw.js';
import { styleAsMarkup } from './html-styles.js';
import { hasClass } from './html-class.js';

/** How to convert: WordPress paragraph rules, and what to do with each image's address. */
export interface HtmlOptions {
  /** Split text without <p> into paragraphs at blank lines (WordPress's wpautop). */
  paragraphs?: boolean;
  /** The address to use for an image (a file name beside the article, say); undefined keeps it. */
  image?: (src: string) => string | undefined;
  /** Told of each image whose address is neither a file nor a web address (data:, file:): it is replaced by its alt text. */
  notWebImage?: (src: string) => void;
  /** The old site's address: an image at a relative address is taken from there (the new site has no such file). */
  baseUrl?: string;
  /** The notes `<sup data-fn="id">` references lead to (WordPress's footnotes), id -> the note's HTML: they become Markdown footnotes. */
  footnotes?: ReadonlyMap<string, string>;
  /** The old site's attachment pages (a WordPress page of one uploaded photo), by address: a link to one around an image is the photo. */
  attachmentPages?: readonly string[];
}

/**
 * Inline elements Markdown has no syntax for, whose loss changes the text (H<sub>2</sub>O, E = mc<sup>2</sup>)
 * or what it says (a quote's <cite>, the name of its source; an underlined word): kept as HTML
 * around their converted content, which Broadsheet's sanitiser lets through. <u> is kept as
 * underline, not made emphasis (italics), which it is not. <small> (fine print: "prices before
 * tax") is kept for what it says too.
 */
const KEPT_INLINE = ['sub', 'sup', 'ins', 'kbd', 'samp', 'var', 'mark', 'abbr', 'cite', 'u', 'small'];

/** rehype-remark's handler for a KEPT_INLINE element: its tags as HTML (an abbr's title kept), its content as Markdown. */
function keptInline(state: State, node: Element): MdastNode[] {
  const title = node.tagName === 'abbr' && typeof node.properties.title === 'string' ? ` title="${escapeMarkup(node.properties.title)}"` : '';
  // hName marks the tags as inline for rehype-remark, which would otherwise make each a paragraph of its own where no <p> holds them (a <cite> in a quote).
  const tag = (value: string): MdastNode => ({ type: 'html', value, data: { hName: node.tagName } });
  return [tag(`<${node.tagName}${title}>`), ...(state.all(node) as MdastNode[]), tag(`</${node.tagName}>`)];
}

/** An HTML body as Markdown (see the top of this file). */
export function htmlToMarkdown(html: string, options: HtmlOptions = {}): string {
  const processor = unified()
    .use(rehypeParse, { fragment: true })
    .use(() => (tree: HastRoot) => prepare(tree, options))
    .use(rehypeRemark, { handlers: { ...Object.fromEntries(KEPT_INLINE.map((tag) => [tag, keptInline])), ...footnoteHandlers, ...anchorHandlers, ...rawHtmlHandlers } })
    .use(remarkGfm)
    .use(remarkStringify, { bullet: '-', fences: true, rule: '-', emphasis: '_', listItemIndent: 'one' });
  return String(processor.processSync(html)).trim();
}

/** The text of an HTML fragment (a title or summary that may hold markup or entities), as written. */
export function htmlText(html: string): string {
  return hastToString(unified().use(rehypeParse, { fragment: true }).parse(html));
}

function prepare(tree: HastRoot, options: HtmlOptions): void {
  // Before the paragraphs: a paste's wrapper that holds them all goes.
  styleAsMarkup(tree);
  // Before the paragraphs, which leave out the comments that mark blocks.
  const classic = options.paragraphs && !hasBlocks(tree);
  removeBlockComments(tree);
  if (options.paragraphs) addParagraphs(tree);
  if (classic) {
    addLineBreaks(tree);
    lineAddressesAsLinks(tree);
  }
  // After the paragraphs: the notes it adds at the end are blocks of their own.
  markFootnotes(tree, options.footnotes ?? new Map());
  keepHeadingIds(tree);
  const pages = new Set((options.attachmentPages ?? []).filter((page) => URL.canParse(page, options.baseUrl)).map((page) => pageKey(new URL(page, options.baseUrl))));
  const isPhoto = (href: string) => isPhotoLink(href, pages, options.baseUrl);
  visit(tree, 'element', (node: Element, index, parent) => {
    switch (node.tagName) {
      case 'a': {
        // Visited before the image in it, whose address is still the old site's.
        const only = node.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
        if (parent && index !== undefined && only.length === 1 && only[0]!.type === 'element' && only[0]!.tagName === 'img' && typeof node.properties.href === 'string' && isPhoto(node.properties.href)) {
          parent.children.splice(index, 1, only[0]!);
          return [SKIP, index];
        }
        break;
      }
      case 'img': {
        const src = typeof node.properties.src === 'string' ? node.properties.src : '';
        const local = src ? options.image?.(src) : undefined;
        if (local !== undefined) node.properties.src = local;
        else if (hasScheme(src) && !isWebAddress(src)) {
          // A pasted screenshot (data:image/png;base64,...), a file: or ftp: address: no page shows it, and the build refuses it.
          options.notWebImage?.(src);
          Object.assign(node, { type: 'text', value: String(node.properties.alt ?? '') });
        } else if (src && !hasScheme(src) && !isProtocolRelative(src)) {
          // A relative address is a file of the old site, which the new one does not have.
          if (options.baseUrl && URL.canParse(src, options.baseUrl)) node.properties.src = new URL(src, options.baseUrl).href;
          else Object.assign(node, { tagName: 'a', properties: { href: src }, children: [{ type: 'text', value: String(node.properties.alt ?? '') || src }] });
        }
        break;
      }
      case 'acronym':
        // HTML5's name for it, which Broadsheet's sanitiser keeps with its title (the words it stands for).
        node.tagName = 'abbr';
        break;
      case 'figure':
        figureAsImage(node, isPhoto);
        break;
      case 'dl':
        if (captionListAsFigure(node)) figureAsImage(node, isPhoto);
        // A definition list (a glossary, a fact box), which Markdown cannot write: kept as HTML, not made a bulleted list.
        else if (!isKeptAsHtml(node) && !holdsFootnoteReference(node) && parent && index !== undefined) parent.children[index] = keepAsHtml(node);
        break;
      case 'div':
        if (isEmbedWrapper(node)) embedAsLink(node);
        else if (hasClass(node, 'wp-block-file')) spaceFileLinks(node);
        break;
      case 'pre':
        if (isKeptAsHtml(node)) break;
        if (isVerse(node)) verseAsParagraphs(node);
        else if (holdsFootnoteReference(node)) preformattedAsLines(node);
        else if (!keepMarkedUpPreformatted(node)) codeLanguage(node);
        break;
      case 'ol':
        if (node.properties.reversed) countDown(node);
        break;
      case 'iframe':
      case 'embed':
      case 'video':
      case 'audio': {
        // An <audio> or <video> may name its file in a <source> inside it instead.
        const source = node.children.find((child): child is Element => child.type === 'element' && child.tagName === 'source' && typeof child.properties.src === 'string');
        const src = String(node.properties.src ?? source?.properties.src ?? '');
        if (!src) break;
        const label = typeof node.properties.title === 'string' && node.properties.title ? node.properties.title : `Embedded ${node.tagName === 'audio' ? 'audio' : node.tagName === 'video' ? 'video' : 'content'}: ${src}`;
        Object.assign(node, { tagName: 'p', properties: {}, children: [{ type: 'element', tagName: 'a', properties: { href: src }, children: [{ type: 'text', value: label }] }] });
        break;
      }
    }
  });
  // After the rest: a figure made an image, a verse made paragraphs, no longer have their ids.
  keepAnchors(tree);
}

/**
 * A file block's links (the file's name, its download button) with a space between them: side by
 * side, as the block holds them, they would read as one word ("Annual reportDownload").
 */
function spaceFileLinks(block: Element): void {
  // Its links, in the paragraph WordPress's paragraph rules may have put around them.
  const only = block.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
  const holder = only.length === 1 && only[0]!.type === 'element' && only[0]!.tagName === 'p' ? only[0]! : block;
  holder.children = holder.children.flatMap((child, at) => (at > 0 && child.type === 'element' && holder.children[at - 1]!.type === 'element' ? [{ type: 'text', value: ' ' } as const, child] : [child]));
}

/**
 * A reversed list (`<ol reversed>`, a countdown: 10, 9, 8 ...) as one list per item, each starting
 * at its number: Markdown numbers a list upwards from its first number, and Broadsheet's sanitiser
 * drops `reversed` from HTML, so this is how the numbers readers saw stay on the page. The lists
 * stay apart in Markdown by their alternating delimiters (`10.`, `9)`, `8.`). A countdown that
 * would reach below 0, which Markdown cannot write, stays one list counting up.
 */
function countDown(list: Element): void {
  const items = list.children.filter((child): child is Element => child.type === 'element' && child.tagName === 'li');
  const first = Number.parseInt(String(list.properties.start ?? items.length), 10);
  if (Number.isNaN(first) || items.length < 2 || first - items.length + 1 < 0) return;
  const lists = items.map((item, index): Element => ({ type: 'element', tagName: 'ol', properties: { start: first - index }, children: [item] }));
  Object.assign(list, { tagName: 'div', properties: {}, children: lists });
}

/**
 * Keep as HTML a preformatted block (not code: a table of results in columns, a transcript) whose
 * text holds links or emphasis: a code block would keep its spacing and lose those. False for any
 * other <pre>: a code block shows it as WordPress does, in monospace with its spacing.
 */
function keepMarkedUpPreformatted(pre: Element): boolean {
  const preformatted = hasClass(pre, 'wp-block-preformatted');
  if (!preformatted || !pre.children.some((child) => child.type === 'element' && child.tagName !== 'br')) return false;
  // A line break in it is a new line of the text, as in a classic editor's <pre>.
  visit(pre, 'element', (node: Element) => void (node.tagName === 'br' && Object.assign(node, { type: 'text', value: '\n' })));
  Object.assign(pre, keepAsHtml({ ...pre, properties: {} }));
  return true;
}

/** `<pre class="brush: js">`, `<pre lang="js">`, `<pre class="language-js">` -> `<pre><code class="language-js">`. */
function codeLanguage(pre: Element): void {
  const classes = Array.isArray(pre.properties.className) ? pre.properties.className.map(String) : [];
  const brush = classes.join(' ').match(/brush:\s*([\w+#-]+)/)?.[1];
  const language = brush ?? (typeof pre.properties.lang === 'string' ? pre.properties.lang : undefined) ?? classes.find((name) => name.startsWith('language-'))?.slice(9);
  const code = pre.children.find((child): child is Element => child.type === 'element' && child.tagName === 'code');
  if (code) {
    const codeClasses = Array.isArray(code.properties.className) ? code.properties.className.map(String) : [];
    if (language && !codeClasses.some((name) => name.startsWith('language-'))) code.properties.className = [...codeClasses, `language-${language}`];
    return;
  }
  // A line break in a classic editor's <pre> is a new line of the code.
  visit(pre, 'element', (node: Element) => void (node.tagName === 'br' && Object.assign(node, { type: 'text', value: '\n' })));
  pre.children = [{ type: 'element', tagName: 'code', properties: language ? { className: [`language-${language}`] } : {}, children: [{ type: 'text', value: hastToString(pre) }] }];
}
