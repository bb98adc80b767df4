// Anchors of an HTML body: the ids its author gave elements, which links lead to (`#results` in
// the same post, `/story/#results` from other pages and sites).
// - A heading's own id (WordPress's "HTML anchor", `<h2 id="results">`): Broadsheet gives a
//   Markdown heading the id rehype-slug makes of its text (render/markdown.ts) and has no syntax for
//   another one, so a heading whose id is not the one it would get is kept as HTML with its id. A
//   heading whose id is the one it would get anyway, or that has none, stays Markdown; so does one
//   with a footnote (Markdown's [^1], which HTML cannot write), its id kept by an anchor in it.
// - Any other element's id (`<p id="para">`, `<span id>`, a table of contents plugin's
//   `<a name="x"></a>` or `<a id="x">`, an `<li id>`): an empty `<a id="x"></a>` in the Markdown,
//   as inline HTML at the start of the element's text, which Broadsheet's sanitiser keeps.
// - An <a> without href (an anchor, a button block with no link set) is no link: only its anchor,
//   if it has one, and its text; Markdown would make it a link to nothing, [text]().

import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { Handle, State } from 'hast-util-to-mdast';
import type { Html } from 'mdast';
import rehypeSlug from 'rehype-slug';
import { unified } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import { escapeMarkup } from '../../escape.js';
import { holdsFootnoteReference } from './html-footnotes.js';
import { isKeptAsHtml, keepAsHtml } from './html-raw.js';

const HEADING = /^h[1-6]$/;
/** The tag name of an anchor (an id to keep) between the tree and rehype-remark's handler. */
const ANCHOR = 'broadsheet-anchor';
/** Elements whose text is in the first block inside them: the anchor goes there, not in a paragraph of its own. */
const CONTAINERS = new Set(['div', 'section', 'article', 'aside', 'header', 'footer', 'main', 'blockquote', 'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'dl', 'dd', 'dt', 'details']);
/** Elements that hold text directly (or more blocks): an anchor may start them. */
const TEXT_BLOCKS = new Set([...CONTAINERS, 'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'figcaption', 'summary', 'caption']);
/**
 * Ids a program made, which no link leads to: Google Docs' on pasted text, WordPress's on a
 * caption's box (attachment_612, from [caption id=...]) and on a file block's link.
 */
const MACHINE_ID = /^(docs-internal-guid-|attachment_\d+$|wp-block-file--media-)/;

/** Keep each heading's own id (see the top of this file), in place. */
export function keepHeadingIds(tree: HastRoot): void {
  if (!hasHeadingId(tree)) return;
  // The headings written as Markdown so far, in order: rehype-slug numbers a repeated text (a second "Results" is results-1).
  const markdown: Element[] = [];
  visit(tree, 'element', (node: Element, index, parent) => {
    if (!HEADING.test(node.tagName)) return;
    const id = node.properties.id;
    if (typeof id !== 'string' || id === '' || id === slugAfter(markdown, node)) {
      markdown.push(node);
      return;
    }
    if (holdsFootnoteReference(node)) {
      // As HTML it would lose the footnote: it stays Markdown, its id an anchor in it.
      node.children.unshift(anchor(id));
      markdown.push(node);
    } else if (parent && index !== undefined) parent.children[index] = keepAsHtml({ ...node, properties: { id } });
    delete node.properties.id;
  });
}

/** Keep the id of every element but headings (see the top of this file) as an anchor, in place; after keepHeadingIds. */
export function keepAnchors(tree: HastRoot): void {
  visit(tree, 'element', (node: Element, index, parent) => {
    if (isKeptAsHtml(node) || node.tagName === ANCHOR) return SKIP;
    if (HEADING.test(node.tagName) && typeof node.properties.id === 'string') return;
    const ids = [node.properties.id, node.tagName === 'a' ? node.properties.name : undefined].filter((id): id is string => typeof id === 'string' && id !== '' && !MACHINE_ID.test(id));
    if (!parent || index === undefined) return;
    const anchors = [...new Set(ids)].map(anchor);
    if (node.tagName === 'a' && typeof node.properties.href !== 'string') {
      // No link (a button block with no link set, say): its anchor if it has one, then its text.
      parent.children.splice(index, 1, ...anchors, ...node.children);
      return index + anchors.length;
    }
    if (ids.length === 0) return;
    delete node.properties.id;
    if (TEXT_BLOCKS.has(node.tagName)) {
      firstText(node).children.unshift(...anchors);
      return;
    }
    // Before an inline element, or a block without text of its own (a <pre>), in its parent.
    parent.children.splice(index, 0, ...anchors);
    return index + anchors.length;
  });
}

/** The element whose text starts `block`: the first block of a container, and so on down. */
function firstText(block: Element): Element {
  const first = block.children.find((child) => !(child.type === 'text' && child.value.trim() === '') && child.type !== 'comment');
  return first?.type === 'element' && CONTAINERS.has(block.tagName) && TEXT_BLOCKS.has(first.tagName) && !HEADING.test(first.tagName) ? firstText(first) : block;
}

function anchor(id: string): ElementContent {
  return { type: 'element', tagName: ANCHOR, properties: { id }, children: [] };
}

/** rehype-remark's handler for an anchor: `<a id="x"></a>`, inline. */
export const anchorHandlers: Record<string, Handle> = {
  [ANCHOR]: (_state: State, node: Element): Html => ({ type: 'html', value: `<a id="${escapeMarkup(String(node.properties.id))}"></a>`, data: { hName: 'a' } }),
};

function hasHeadingId(tree: HastRoot): boolean {
  let found = false;
  visit(tree, 'element', (node: Element) => void (HEADING.test(node.tagName) && typeof node.properties.id === 'string' && (found = true)));
  return found;
}

/** rehype-slug alone, made once. */
const slugger = unified().use(rehypeSlug).freeze();

/** The id rehype-slug gives `heading` after the headings `before` it. */
function slugAfter(before: readonly Element[], heading: Element): string {
  const copy = (node: Element): Element => ({ ...node, properties: {} });
  const root: HastRoot = { type: 'root', children: [...before.map(copy), copy(heading)] };
  slugger.runSync(root);
  return String((root.children.at(-1) as Element).properties.id);
}
