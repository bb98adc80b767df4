// Footnotes of an HTML body as Markdown footnotes. WordPress's footnotes block (6.3 and later)
// marks a reference in the text as `<sup data-fn="ID" class="fn"><a href="#ID" id="ID-link">1</a></sup>`.
// Its notes are outside the body in an export (the post's `footnotes` meta, read by the importer
// and given here as HTML by id); on its pages and in its feeds they are a list at the end,
// `<ol class="wp-block-footnotes"><li id="ID">text <a href="#ID-link">↩︎</a></li></ol>`, which is
// taken out of the text here once every note of it is referred to. Each reference becomes `[^N]`
// and each note it refers to `[^N]: text`, numbered in the order the text first refers to them, as
// WordPress numbers them; Broadsheet renders them as footnotes with links both ways. A reference
// to a note that is not there keeps its number, without the link to nowhere.

import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { Handle, State } from 'hast-util-to-mdast';
import { toString as hastToString } from 'hast-util-to-string';
import type { FootnoteDefinition, FootnoteReference } from 'mdast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { hasClass } from './html-class.js';

/** The tag names references and notes carry between the HTML tree and rehype-remark's handlers. */
const REFERENCE = 'broadsheet-footnote-reference';
const NOTE = 'broadsheet-footnote';

/**
 * Turn each `<sup data-fn>` of `tree` into a reference to its note (from `given`, id -> the note's
 * HTML, or from WordPress's list of notes in the tree), and add the notes referred to at the end of
 * the tree, numbered in order of first reference.
 */
export function markFootnotes(tree: HastRoot, given: ReadonlyMap<string, string>): void {
  const notes = new Map<string, ElementContent[]>();
  for (const [id, html] of given) notes.set(id, unified().use(rehypeParse, { fragment: true }).parse(html).children as ElementContent[]);
  const lists = renderedNotes(tree, notes);
  const numbers = new Map<string, string>();
  visit(tree, 'element', (node: Element) => {
    const id = node.tagName === 'sup' ? node.properties.dataFn : undefined;
    if (typeof id !== 'string') return;
    if (!notes.has(id)) {
      // No note to lead to: the number alone, as it reads.
      node.children = [{ type: 'text', value: hastToString(node) }];
      return;
    }
    if (!numbers.has(id)) numbers.set(id, String(numbers.size + 1));
    Object.assign(node, { tagName: REFERENCE, properties: { label: numbers.get(id) }, children: [] });
  });
  for (const { list, parent, ids } of lists) {
    // A list with a note nothing refers to stays as it is: a footnote no one refers to is not shown.
    if (ids.every((id) => numbers.has(id))) parent.children.splice(parent.children.indexOf(list), 1);
  }
  for (const [id, label] of numbers) tree.children.push({ type: 'element', tagName: NOTE, properties: { label }, children: notes.get(id)! });
}

/** WordPress's lists of notes in `tree`: each note not in `notes` is added to it, without the link back to its reference. */
function renderedNotes(tree: HastRoot, notes: Map<string, ElementContent[]>): Array<{ list: Element; parent: HastRoot | Element; ids: string[] }> {
  const lists: Array<{ list: Element; parent: HastRoot | Element; ids: string[] }> = [];
  visit(tree, 'element', (node: Element, _index, parent) => {
    if (node.tagName !== 'ol' || !hasClass(node, 'wp-block-footnotes') || !parent) return;
    const ids: string[] = [];
    for (const item of node.children) {
      if (item.type !== 'element' || item.tagName !== 'li' || typeof item.properties.id !== 'string') continue;
      const id = item.properties.id;
      ids.push(id);
      if (notes.has(id)) continue;
      const content = item.children.filter((child) => !(child.type === 'element' && child.tagName === 'a' && child.properties.href === `#${id}-link`));
      const last = content.at(-1);
      if (last?.type === 'text') content[content.length - 1] = { ...last, value: last.value.trimEnd() };
      notes.set(id, content);
    }
    lists.push({ list: node, parent, ids });
  });
  return lists;
}

/** Whether `node` holds a footnote reference markFootnotes made (Markdown's [^N], which HTML cannot write). */
export function holdsFootnoteReference(node: Element): boolean {
  let found = false;
  visit(node, 'element', (inner: Element) => void (inner.tagName === REFERENCE && (found = true)));
  return found;
}

/** rehype-remark's handlers for what markFootnotes made: `[^N]` and `[^N]: text`. */
export const footnoteHandlers: Record<string, Handle> = {
  [REFERENCE]: (_state: State, node: Element): FootnoteReference => ({ type: 'footnoteReference', identifier: labelOf(node), label: labelOf(node) }),
  [NOTE]: (state: State, node: Element): FootnoteDefinition => ({
    type: 'footnoteDefinition',
    identifier: labelOf(node),
    label: labelOf(node),
    children: state.toFlow(state.all(node)) as FootnoteDefinition['children'],
  }),
};

function labelOf(node: Element): string {
  return String(node.properties.label);
}
