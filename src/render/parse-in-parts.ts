// Parsing a long body in parts, so that parsing time and memory grow in step with its length.
//
// micromark (under remark-parse) keeps every event of a document in one array, hundreds of bytes
// per character of text, until the whole document is read, and much of its work walks that array:
// a body of 5,000 news sections (5 MB) took 23 s of CPU time and 1.9 GB. So a long body is cut
// into parts of about PART_SIZE characters, each part is parsed alone, and the parts' trees are
// joined, their positions moved to where the part starts: the same body takes 7 s and 0.5 GB, and
// time grows in step with length. (linear-edit-map.ts removes another cost that grew with the
// square of a part's events.)
//
// A cut is made only where nothing can cross it: at the start of a line L that follows a blank
// line and starts at its first column with a character that cannot continue anything open. After
// a blank line no paragraph is open, so L is no lazy continuation line; an unindented L that is
// no list item marker and no ">" closes every list item, quote and footnote definition;
// tables, HTML blocks of kinds 6 and 7, indented code and link reference definitions end at a
// blank line. Only a fenced code block and an HTML block of kinds 1-5 (<script>, <!-- ...) can run
// on through a blank line: a part whose last block is one of them still open reaches to the part's
// end (it swallows the blank line), and is parsed again with the next stretch of text added.
//
// What does cross a cut is which references resolve: `[text][label]` and `[^note]` are links
// only if the label is defined somewhere in the document, before or after. micromark reads that
// from its parse context's `defined` and `gfmFootnotes` lists; each part is parsed with the labels
// found so far put into them (a small construct that only seeds them and never matches), and a
// part that holds a "[" is parsed again if labels were found after it. test/parse-in-parts.test.ts
// compares the joined trees with whole-document parses on every CommonMark and GFM spec example
// and on generated articles.

import type { Nodes, Root as MdastRoot, RootContent } from 'mdast';
import { fromMarkdown, type Extension as MdastExtension } from 'mdast-util-from-markdown';
import type { Construct, Extension as SyntaxExtension, ParseContext, State } from 'micromark-util-types';
import './linear-edit-map.js';
import { BodyCounts, MarkdownLimit, type MarkerCount } from './markdown-limits.js';

/** About how many characters each part has (a part ends at the first safe cut after this many). */
export const PART_SIZE = 32_768;

/**
 * The longest stretch of a body with no place to cut (a list, table, quote or code block that
 * runs on without a blank line followed by a line that can only start a block): what one
 * micromark parse must hold at once. Its events take up to a few KB per character of dense
 * markup (a list of one-letter items), so a stretch of 256 KiB stays well under a worker's heap
 * and takes a few seconds; a body past it is refused (MarkdownLimit 'stretch') before it is parsed.
 */
export const STRETCH_LIMIT = 262_144;

/** The syntax and tree extensions of a unified processor (what remark-parse passes on). */
export interface ParserSettings {
  micromarkExtensions: readonly SyntaxExtension[];
  fromMarkdownExtensions: readonly (MdastExtension | MdastExtension[])[];
  /** Counts the body's inline markers (markdown-limits.ts); none: not counted (tests). */
  markers?: MarkerCount;
}

/** Link and footnote labels known to a parse (micromark's normalised forms). */
interface Labels {
  defined: Set<string>;
  footnotes: Set<string>;
}

interface Part {
  /** Where the part starts in the document, as micromark counts offsets. */
  offset: number;
  /** The part's first line in the document (1-based). */
  line: number;
  text: string;
  tree: MdastRoot;
  /** How many labels the part was parsed with (fewer than in the end: parse it again). */
  seeded: number;
  /** Inline markers of the parts before it. */
  markersBefore: number;
}

/**
 * Parse Markdown to mdast exactly as one fromMarkdown call over the whole text would. Throws
 * MarkdownLimit (markdown-limits.ts) for a body past a limit: a stretch with no place to cut
 * longer than STRETCH_LIMIT, too many inline markers, elements or definitions.
 */
export function parseInParts(markdown: string, settings: ParserSettings, partSize = PART_SIZE): MdastRoot {
  const labels: Labels = { defined: new Set(), footnotes: new Set() };
  const counts = new BodyCounts();
  if (markdown.length <= partSize) {
    const tree = parsePartAt(markdown, settings, labels, 1, 0);
    counts.addDefinitions(tree);
    return joinParts([{ offset: 0, line: 1, text: markdown, tree, seeded: 0, markersBefore: 0 }], counts);
  }
  let markers = 0;
  const cuts = safeCuts(markdown);
  longStretch(markdown, cuts);
  // micromark drops a byte order mark at the start of the text and counts offsets after it.
  const bom = markdown.startsWith('\uFEFF') ? 1 : 0;
  const parts: Part[] = [];
  let start = 0;
  let line = 1;
  let cut = 0;
  while (start < markdown.length) {
    // The first cut at least partSize on; if the part's last block is still open there, twice as far.
    let open: { offset: number; line: number; column: number } | undefined;
    for (let reach = Math.max(1, partSize); ; reach *= 2) {
      while (cut < cuts.length && cuts[cut]!.offset < start + reach) cut++;
      const end = cut < cuts.length ? cuts[cut]! : undefined;
      // A block left open is a stretch of its own: refused before it is parsed past the limit.
      if (open && (end?.offset ?? markdown.length) - open.offset > STRETCH_LIMIT) throw new MarkdownLimit('stretch', open.line, open.column);
      const text = markdown.slice(start, end?.offset);
      const seeded = labels.defined.size + labels.footnotes.size;
      const tree = parsePartAt(text, settings, labels, line, markers);
      const offset = start === 0 ? 0 : start - bom;
      if (end && reachesBlankLine(tree, end.blankLine - start - (start === 0 ? bom : 0))) {
        const at = tree.children.at(-1)!.position!.start;
        open = { offset: offset + (at.offset ?? 0), line: at.line + line - 1, column: at.column };
        continue;
      }
      // Counted as each part is read: a body of many definitions or elements is stopped before it costs much.
      atLine(line, () => counts.addDefinitions(tree));
      atLine(line, () => counts.addElementsEarly(tree));
      parts.push({ offset, line, text, tree, seeded, markersBefore: markers });
      markers += settings.markers?.seen ?? 0;
      start = end?.offset ?? markdown.length;
      line = end?.line ?? line;
      break;
    }
  }
  const known = labels.defined.size + labels.footnotes.size;
  for (const part of parts) {
    if (part.seeded < known && part.text.includes('[')) part.tree = parsePartAt(part.text, settings, labels, part.line, part.markersBefore);
  }
  return joinParts(parts, counts);
}

/** Throw MarkdownLimit 'stretch' at the first stretch between cuts longer than STRETCH_LIMIT. */
function longStretch(markdown: string, cuts: readonly Cut[]): void {
  let previous = { offset: 0, line: 1 };
  for (const cut of [...cuts, { offset: markdown.length, line: 0 }]) {
    if (cut.offset - previous.offset > STRETCH_LIMIT) throw new MarkdownLimit('stretch', previous.line, 1);
    previous = cut;
  }
}

/** A line where the document may be cut: its offset and line number, and where the blank line before it starts. */
interface Cut {
  offset: number;
  line: number;
  blankLine: number;
}

/**
 * Lines after a blank line that can only start a new block, never continue one: not indented (a
 * space or tab: indented code, list item content), not a block quote (">"), not a list item
 * marker ("-", "+" or "*" and then a space, a tab or the line's end; up to nine digits, "." or ")"
 * and the same), and not starting with a byte order mark (micromark drops one at the start of a
 * text, so a part must not start with one).
 */
const CONTINUES = /^(?:[ \t>\uFEFF]|[-+*](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$))/;

function safeCuts(markdown: string): Cut[] {
  const cuts: Cut[] = [];
  const lineEnd = /\r\n|\r|\n/g;
  let lineStart = 0;
  let line = 1;
  let previousBlank = false;
  let previousStart = 0;
  for (;;) {
    const match = lineEnd.exec(markdown);
    const end = match ? match.index : markdown.length;
    const blank = /^[ \t]*$/.test(markdown.slice(lineStart, end));
    if (previousBlank && !blank && !CONTINUES.test(markdown.slice(lineStart, Math.min(end, lineStart + 12)))) {
      cuts.push({ offset: lineStart, line, blankLine: previousStart });
    }
    if (!match) break;
    previousBlank = blank;
    previousStart = lineStart;
    lineStart = match.index + match[0].length;
    line++;
  }
  return cuts;
}

/**
 * Is the part's last block still open at its end? Closed blocks end before the blank line that
 * precedes the cut; an open fenced code block or HTML block runs on to the end of the part.
 */
function reachesBlankLine(tree: MdastRoot, blankLine: number): boolean {
  const last = tree.children.at(-1);
  return last !== undefined && (last.position?.end.offset ?? 0) > blankLine;
}

/**
 * parsePart for a part starting on document line `line`, after `markersBefore` inline markers: a
 * limit met in it is reported on the document's line.
 */
function parsePartAt(text: string, settings: ParserSettings, labels: Labels, line: number, markersBefore: number): MdastRoot {
  if (settings.markers) {
    settings.markers.before = markersBefore;
    settings.markers.seen = 0;
  }
  return atLine(line, () => parsePart(text, settings, labels));
}

/** Run `count` over a part starting on document line `line`, moving a MarkdownLimit it throws to the document's lines. */
function atLine<T>(line: number, count: () => T): T {
  try {
    return count();
  } catch (error) {
    if (error instanceof MarkdownLimit) throw error.movedDown(line - 1);
    throw error;
  }
}

/** One fromMarkdown call, with the labels known so far seeded; the labels it defines are added to `labels`. */
function parsePart(text: string, settings: ParserSettings, labels: Labels): MdastRoot {
  let context: ParseContext | undefined;
  const seed: Construct = {
    tokenize(_effects, _ok, nok): State {
      if (!context) {
        context = this.parser;
        context.defined.push(...labels.defined);
        if (labels.footnotes.size) (context.gfmFootnotes ??= []).push(...labels.footnotes);
      }
      return nok;
    },
  };
  const seedBefore: Construct = { ...seed, add: 'before' };
  // At the start of every line (where new blocks are looked for) and before every "[" and "]" of
  // text: both come before any label is looked up.
  const seeding: SyntaxExtension = { document: { null: seed }, text: { 91: seedBefore, 93: seedBefore } };
  const tree = fromMarkdown(text, {
    extensions: [...settings.micromarkExtensions, seeding],
    mdastExtensions: [...settings.fromMarkdownExtensions],
  });
  const found = context as ParseContext | undefined;
  for (const label of found?.defined ?? []) labels.defined.add(label);
  for (const label of found?.gfmFootnotes ?? []) labels.footnotes.add(label);
  return tree;
}

/** The parts' trees as one, each node's position moved to its place in the whole document, and its elements counted. */
function joinParts(parts: readonly Part[], counts: BodyCounts): MdastRoot {
  const children: RootContent[] = [];
  for (const part of parts) {
    for (const child of part.tree.children) {
      placeAndCount(child, part.line - 1, part.offset, counts);
      children.push(child);
    }
  }
  const first = parts[0]!;
  const last = parts.at(-1)!;
  const end = last.tree.position!.end;
  const root: MdastRoot = {
    type: 'root',
    children,
    position: { start: first.tree.position!.start, end: { line: end.line + last.line - 1, column: end.column, offset: (end.offset ?? 0) + last.offset } },
  };
  counts.addElements(root);
  return root;
}

/** Move a subtree's positions down by `lines` and `offset`, counting its elements; without recursion. */
function placeAndCount(node: RootContent, lines: number, offset: number, counts: BodyCounts): void {
  const stack: Nodes[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    const position = current.position;
    if (position && (lines !== 0 || offset !== 0)) {
      current.position = {
        start: { line: position.start.line + lines, column: position.start.column, offset: (position.start.offset ?? 0) + offset },
        end: { line: position.end.line + lines, column: position.end.column, offset: (position.end.offset ?? 0) + offset },
      };
    }
    counts.addElements(current);
    if ('children' in current) for (let i = current.children.length - 1; i >= 0; i--) stack.push(current.children[i]!);
  }
}
