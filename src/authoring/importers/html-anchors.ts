// Headings of an HTML body that carry their author's id (WordPress's "HTML anchor",
// `<h2 id="results">`), which links lead to: `#results` in the same post, `/story/#results` from
// other pages and sites. Broadsheet gives a Markdown heading the id rehype-slug makes of its text
// (render/markdown.ts) and has no syntax for another one, so a heading whose id is not the one it
// would get is kept as HTML with its id: every link to it keeps working. A heading whose id is the
// one it would get anyway, or that has none, stays Markdown; so does one with a footnote (Markdown's
// [^1], which HTML cannot write), its id given up.

import type { Element, Root as HastRoot } from 'hast';
import rehypeSlug from 'rehype-slug';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { holdsFootnoteReference } from './html-footnotes.js';
import { keepAsHtml } from './html-raw.js';

const HEADING = /^h[1-6]$/;

/** Keep each heading's own id (see the top of this file), in place. */
export function keepHeadingIds(tree: HastRoot): void {
  if (!hasHeadingId(tree)) return;
  // The headings written as Markdown so far, in order: rehype-slug numbers a repeated text (a second "Results" is results-1).
  const markdown: Element[] = [];
  visit(tree, 'element', (node: Element, index, parent) => {
    if (!HEADING.test(node.tagName)) return;
    const id = node.properties.id;
    // A heading with a footnote stays Markdown, the id given up: as HTML it would lose the footnote.
    if (typeof id !== 'string' || id === '' || id === slugAfter(markdown, node) || holdsFootnoteReference(node)) {
      markdown.push(node);
      return;
    }
    if (parent && index !== undefined) parent.children[index] = keepAsHtml({ ...node, properties: { id } });
  });
}

function hasHeadingId(tree: HastRoot): boolean {
  let found = false;
  visit(tree, 'element', (node: Element) => void (HEADING.test(node.tagName) && typeof node.properties.id === 'string' && (found = true)));
  return found;
}

/** The id rehype-slug gives `heading` after the headings `before` it. */
function slugAfter(before: readonly Element[], heading: Element): string {
  const copy = (node: Element): Element => ({ ...node, properties: {} });
  const root: HastRoot = { type: 'root', children: [...before.map(copy), copy(heading)] };
  unified().use(rehypeSlug).runSync(root);
  return String((root.children.at(-1) as Element).properties.id);
}
