// WordPress's paragraphs and line breaks. Text of the classic editor has no <p>: WordPress's
// wpautop makes paragraphs of it on its pages, splitting at blank lines and keeping a single line
// break as <br>; a line break inside an element (a list item, a table cell, an address: the
// classic editor saves a <br> typed there as a new line) is a <br> too, but beside a block's tags,
// and in code. Posts of the block editor (their blocks marked by <!-- wp:... --> comments) are
// shown without wpautop: their new lines inside elements are only white space. A verse block (<pre class="wp-block-verse">: a poem, lyrics) is text in lines that
// WordPress shows in the body's type, not as code: its stanzas become paragraphs and its lines
// line breaks in them, with their indentation and inline markup. A preformatted block that holds
// what neither a code block nor an HTML <pre> in Markdown can (a footnote reference, Markdown's
// [^1]) becomes one paragraph of its lines, its text monospace (inline code) with its spacing
// kept. All work on the tree in place.

import type { Element, ElementContent, Root as HastRoot, RootContent } from 'hast';
import { hasClass } from './html-class.js';

/** Elements that end a run of the classic editor's inline text. */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3',
  'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'ul', 'iframe', 'video', 'audio', 'script', 'style',
]);

/**
 * WordPress's paragraphs: runs of inline content between blocks become <p> elements, split at
 * blank lines; a single line break inside one becomes <br>. Applied to the top level and inside
 * blockquotes and divs, where the classic editor's text also lives.
 */
export function addParagraphs(parent: HastRoot | Element): void {
  const result: RootContent[] = [];
  let run: ElementContent[] = [];
  const flush = () => {
    for (const paragraph of splitAtBlankLines(run)) result.push({ type: 'element', tagName: 'p', properties: {}, children: paragraph });
    run = [];
  };
  for (const node of parent.children) {
    if (node.type === 'element' && BLOCK.has(node.tagName)) {
      flush();
      if (['blockquote', 'div', 'section', 'article'].includes(node.tagName)) addParagraphs(node);
      result.push(node);
    } else if (node.type === 'comment' || node.type === 'doctype') {
      continue;
    } else {
      run.push(node as ElementContent);
    }
  }
  flush();
  parent.children = result as typeof parent.children;
}

/** Elements a line break beside is no <br> (wpautop drops it): blocks, and the parts of lists and tables. */
const BLOCK_TAGS = new Set([...BLOCK, 'dd', 'dt', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th', 'caption', 'colgroup', 'col', 'br']);
/** Elements whose new lines are their text's, not line breaks. */
const LITERAL = new Set(['pre', 'code', 'kbd', 'samp', 'textarea', 'script', 'style', 'svg', 'math']);

/** Whether `tree` is a post of the block editor (see the top of this file). */
export function hasBlocks(tree: HastRoot): boolean {
  const walk = (nodes: readonly RootContent[]): boolean => nodes.some((node) => isBlockComment(node) || (node.type === 'element' && walk(node.children)));
  return walk(tree.children);
}

/**
 * Take out the block editor's comments that mark where each block starts and ends
 * (`<!-- wp:list-item -->`, `<!-- /wp:list -->`): they are no content, and inside a list or a quote,
 * where the Markdown would keep them, they would stand between the lines an editor works on.
 */
export function removeBlockComments(parent: HastRoot | Element): void {
  parent.children = (parent.children as RootContent[]).filter((node) => !isBlockComment(node)) as typeof parent.children;
  for (const node of parent.children) if (node.type === 'element') removeBlockComments(node);
}

function isBlockComment(node: RootContent): boolean {
  return node.type === 'comment' && /^\s*\/?wp:/.test(node.value);
}

/** Each new line in the text of the elements of a classic editor's post as a <br>, as wpautop makes it (see the top of this file); after addParagraphs. */
export function addLineBreaks(parent: HastRoot | Element): void {
  const children = parent.children as ElementContent[];
  const result: ElementContent[] = [];
  children.forEach((node, index) => {
    if (node.type === 'element') {
      if (!LITERAL.has(node.tagName)) addLineBreaks(node);
      result.push(node);
      return;
    }
    if (node.type !== 'text' || !node.value.includes('\n') || parent.type === 'root') {
      result.push(node);
      return;
    }
    const isBlock = (sibling: ElementContent | undefined) => sibling === undefined || (sibling.type === 'element' && BLOCK_TAGS.has(sibling.tagName));
    let value = node.value;
    // White space beside a block's tags (or the element's own) is no line break.
    if (isBlock(children[index - 1])) value = value.replace(/^[ \t\r\n]+/, '');
    if (isBlock(children[index + 1])) value = value.replace(/[ \t\r\n]+$/, '');
    value.split(/[ \t\r]*\n[ \t\r\n]*/).forEach((line, lineIndex) => {
      if (lineIndex > 0) result.push({ type: 'element', tagName: 'br', properties: {}, children: [] });
      if (line) result.push({ type: 'text', value: line });
    });
  });
  parent.children = result as typeof parent.children;
}

/** Whether `pre` is a verse block (see the top of this file). */
export function isVerse(pre: Element): boolean {
  return hasClass(pre, 'wp-block-verse');
}

/** A verse block as a <div> of its stanzas, each a paragraph of its lines (see the top of this file). */
export function verseAsParagraphs(pre: Element): void {
  // A line's indentation, which HTML outside <pre> would collapse, as no-break spaces.
  let lineStart = true;
  const indent = (nodes: ElementContent[]) => {
    for (const node of nodes) {
      if (node.type === 'text') {
        node.value = node.value.replace(/(^|\n)([ \t]+)/g, (whole, newline: string, space: string, at: number) =>
          at === 0 && !lineStart ? whole : newline + '\u00a0'.repeat(space.replace(/\t/g, '    ').length));
        lineStart = node.value.endsWith('\n');
      } else if (node.type === 'element' && node.tagName === 'br') {
        lineStart = true;
      } else if (node.type === 'element') {
        indent(node.children);
        lineStart = false;
      }
    }
  };
  indent(pre.children);
  const lines = pre.children.flatMap((node): ElementContent[] =>
    // A <br> in a verse is a line break, as a new line is.
    node.type === 'element' && node.tagName === 'br' ? [{ type: 'text', value: '\n' }] : [node]);
  const stanzas = splitAtBlankLines(lines);
  Object.assign(pre, { tagName: 'div', properties: {}, children: stanzas.map((children): Element => ({ type: 'element', tagName: 'p', properties: {}, children })) });
}

/**
 * A preformatted block as a paragraph of its lines (see the top of this file): each run of text a
 * <code> with its spaces and tabs (to WordPress's tab stops of 8) as no-break spaces, which HTML
 * outside <pre> would collapse; each line break, blank lines included, a <br>; its markup kept.
 */
export function preformattedAsLines(pre: Element): void {
  let column = 0;
  const lineBreak = (): Element => ((column = 0), { type: 'element', tagName: 'br', properties: {}, children: [] });
  const lines = (nodes: readonly ElementContent[]): ElementContent[] =>
    nodes.flatMap((node): ElementContent[] => {
      if (node.type === 'element' && node.tagName === 'br') return [lineBreak()];
      // A <code> inside (a code block's) is monospace already: its text is, line by line.
      if (node.type === 'element' && node.tagName === 'code') return lines(node.children);
      if (node.type === 'element') return [{ ...node, children: lines(node.children) }];
      if (node.type !== 'text') return [];
      return node.value.split('\n').flatMap((line, index): ElementContent[] => {
        const before = index > 0 ? [lineBreak()] : [];
        let text = '';
        for (const char of line) {
          const width = char === '\t' ? 8 - (column % 8) : 1;
          text += char === '\t' || char === ' ' ? '\u00a0'.repeat(width) : char;
          column += width;
        }
        return text ? [...before, { type: 'element', tagName: 'code', properties: {}, children: [{ type: 'text', value: text }] }] : before;
      });
    });
  Object.assign(pre, { tagName: 'p', properties: {}, children: trimBreaks(lines(pre.children)) });
}

function splitAtBlankLines(nodes: readonly ElementContent[]): ElementContent[][] {
  const paragraphs: ElementContent[][] = [];
  let current: ElementContent[] = [];
  const end = () => {
    if (current.some((node) => node.type !== 'text' || node.value.trim() !== '')) paragraphs.push(trimBreaks(current));
    current = [];
  };
  for (const node of nodes) {
    if (node.type !== 'text') {
      current.push(node);
      continue;
    }
    const parts = node.value.split(/\n[ \t]*\n\s*/);
    parts.forEach((part, index) => {
      if (index > 0) end();
      const lines = part.split('\n');
      lines.forEach((line, lineIndex) => {
        if (lineIndex > 0) current.push({ type: 'element', tagName: 'br', properties: {}, children: [] });
        if (line) current.push({ type: 'text', value: line });
      });
    });
  }
  end();
  return paragraphs;
}

/** A paragraph does not start or end with a line break (the newline before a block, say). */
function trimBreaks(nodes: ElementContent[]): ElementContent[] {
  const isBreak = (node: ElementContent | undefined) => node !== undefined && ((node.type === 'element' && node.tagName === 'br') || (node.type === 'text' && node.value.trim() === ''));
  let start = 0;
  let end = nodes.length;
  while (start < end && isBreak(nodes[start])) start++;
  while (end > start && isBreak(nodes[end - 1])) end--;
  return nodes.slice(start, end);
}
