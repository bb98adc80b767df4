// Footnotes of an HTML body as Markdown footnotes. WordPress's footnotes block (6.3 and later)
// marks a reference in the text as `<sup data-fn="ID" class="fn"><a href="#ID" id="ID-link">1</a></sup>`
// and keeps the notes' texts outside the body (the post's `footnotes` meta, read by the importer).
// Each reference becomes `[^N]` and each note it refers to `[^N]: text`, numbered in the order the
// text first refers to them, as WordPress numbers them; Broadsheet renders them as footnotes with
// links both ways. A reference to a note that is not there keeps its number, without the link to
// nowhere. What this module must not do: read the export (the notes come in as HTML by id).

import type { Element, Root as HastRoot } from 'hast';
import type { Handle, State } from 'hast-util-to-mdast';
import { toString as hastToString } from 'hast-util-to-string';
import type { FootnoteDefinition, FootnoteReference } from 'mdast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

/** The tag names references and notes carry between the HTML tree and rehype-remark's handlers. */
const REFERENCE = 'broadsheet-footnote-reference';
const NOTE = 'broadsheet-footnote';

/**
 * Turn each `<sup data-fn>` of `tree` into a reference to its note in `notes` (id -> the note's
 * HTML), and add the notes referred to at the end of the tree, numbered in order of first reference.
 */
export function markFootnotes(tree: HastRoot, notes: ReadonlyMap<string, string>): void {
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
  for (const [id, label] of numbers) {
    const note = unified().use(rehypeParse, { fragment: true }).parse(notes.get(id)!);
    tree.children.push({ type: 'element', tagName: NOTE, properties: { label }, children: note.children.filter((child) => child.type !== 'doctype') as Element['children'] });
  }
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
