// GitHub Flavored Markdown, only the parts a body can use. Parsing with all of GFM costs more than
// twice plain CommonMark (2.5 ms vs 1.1 ms an article on the bench corpus), and most news bodies
// use none of it. Each GFM part is added to the parser only when the body could contain it:
//
// - table, strikethrough, task list item, footnote: each needs a character (or pair) that the
//   body must contain for the syntax to exist at all: "|", "~", "[ ]" or "[x]", "[^". Without it
//   the extension can never match, so leaving it out cannot change the result. A table of one
//   column needs no "|": "Name\n:-" is one, so a colon beside a dash counts too (a delimiter
//   row of dashes alone is a setext underline or a rule, never a table's).
// - autolink literal (bare www., http://, e-mail addresses): nearly every article has "://"
//   inside ordinary [text](url) links, where autolinking never happens. So the body is parsed
//   without it, and only when a *text node* of that tree contains "www.", "://" or "@" (the only
//   places an autolink literal can start) is it parsed again with it.
//
// test/gfm.test.ts checks with generated Markdown that the output is byte-identical to always
// using remark-gfm.

import type { Root as MdastRoot } from 'mdast';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import type { Data, Processor } from 'unified';
import { visit } from 'unist-util-visit';

/** Which GFM parts a body is parsed with. */
export interface GfmParts {
  autolinkLiteral: boolean;
  footnote: boolean;
  strikethrough: boolean;
  table: boolean;
  taskListItem: boolean;
}

/** The parts a body could use, judged from its characters; autolinks are decided after parsing. */
export function sniffGfm(markdown: string): GfmParts {
  return {
    autolinkLiteral: false,
    footnote: markdown.includes('[^'),
    strikethrough: markdown.includes('~'),
    table: markdown.includes('|') || markdown.includes(':-') || markdown.includes('-:'),
    taskListItem: /\[[\sxX]\]/.test(markdown),
  };
}

/**
 * Could a text node of this source contain "www.", "://" or "@"? Text is decoded, so the source
 * may spell them with character references (www&#46;x.com) or escapes (http:\/\/): any "www",
 * "@", "&" or ":" sends the body to the tree check. If none, the tree check can be skipped.
 */
export function mayHaveAutolinks(markdown: string): boolean {
  return /www|[@&:]/i.test(markdown);
}

const AUTOLINK_START = /www\.|:\/\/|@/i;

/** Does any text of the tree (where an autolink literal could form) contain its start? */
export function treeNeedsAutolinks(tree: MdastRoot): boolean {
  let needed = false;
  visit(tree, (node) => {
    if (needed) return false;
    const text =
      node.type === 'text' ? node.value : node.type === 'image' ? node.alt ?? '' : node.type === 'definition' ? node.label ?? '' : '';
    if (text && AUTOLINK_START.test(text)) needed = true;
    return undefined;
  });
  return needed;
}

type Extension = NonNullable<Data['micromarkExtensions']>[number];
type FromMarkdownExtension = NonNullable<Data['fromMarkdownExtensions']>[number];

/** Each GFM part's syntax and its mdast builder, in remark-gfm's order. */
const PARTS: ReadonlyArray<[keyof GfmParts, () => Extension, () => FromMarkdownExtension]> = [
  ['autolinkLiteral', gfmAutolinkLiteral, gfmAutolinkLiteralFromMarkdown],
  ['footnote', gfmFootnote, gfmFootnoteFromMarkdown],
  ['strikethrough', gfmStrikethrough, gfmStrikethroughFromMarkdown],
  ['table', gfmTable, gfmTableFromMarkdown],
  ['taskListItem', gfmTaskListItem, gfmTaskListItemFromMarkdown],
];

/** A unified plugin adding the chosen GFM parts, in remark-gfm's order. */
export function remarkGfmParts(this: Processor, parts: GfmParts): void {
  const data = this.data();
  const micromarkExtensions = (data.micromarkExtensions ??= []);
  const fromMarkdownExtensions = (data.fromMarkdownExtensions ??= []);
  for (const [part, syntax, fromMarkdown] of PARTS) {
    if (!parts[part]) continue;
    micromarkExtensions.push(syntax());
    fromMarkdownExtensions.push(fromMarkdown());
  }
}

/** "10110": which parts a processor has, as a memo key. */
export function gfmKey(parts: GfmParts): string {
  return PARTS.map(([part]) => +parts[part]).join('');
}
