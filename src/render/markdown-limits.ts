// Limits that bound the work of rendering one body, whatever its text: each is checked by
// counting, never by a clock, so the same text is accepted or refused on any machine at any load.
// Each is far beyond real articles (a 5 MB body of 5,000 news sections holds ~360,000 elements,
// ~10,000 markers, a few per paragraph, and no definitions) and far below where the parsers suffer.
//
// - Inline markers per paragraph (INLINE_MARKER_LIMIT) and per body (BODY_MARKER_LIMIT). micromark matches emphasis,
//   strikethrough and link brackets by walking back over everything before each closing marker,
//   and code spans and inline HTML by scanning ahead for their end: its time grows with the
//   square of the markers in one stretch of inline text. "*a_ " repeated over 32 KB (16,000
//   markers) took 5 s, 64 KB 26 s; "a**b c* c* ..." and "[ a_ [ a_ ..." behave alike, and deep
//   emphasis overflows the stack. The count is made by micromark itself as it reads each
//   paragraph's (heading's, table cell's) text: a construct tried before every marker counts it
//   for that text and never matches. So markers count only where micromark looks for a construct:
//   none in code blocks, code spans, link destinations or escapes ("\*"); a run of asterisks,
//   underscores or tildes counts once (it is read as one), a backtick that opens no code span
//   once per backtick. Past the limit it throws, before micromark's matching begins. The work of
//   matching grows with the square of each paragraph's markers, so the two limits together bound
//   it for a whole body: "*a_ " repeated in paragraphs of 500 markers took 79 s for 8 MiB; the
//   body limit stops that after 250,000 markers (a 5 MB article of news sections has ~10,000).
// - Escapes and character references per paragraph (ESCAPE_LIMIT), counted the same way and
//   towards the body's markers: micromark splices its list of events once per piece of text
//   between them, so a paragraph of 16,000 escapes took 3 s, and the time grows with the square.
// - Elements per body (ELEMENT_LIMIT): every node of the Markdown tree, every table cell as
//   rendered (a table's rows are padded to its header's width: a 14 KB table of 2,000 columns and
//   3,000 one-cell rows rendered 6 million cells, 60 MB of HTML and 2.5 GB), and every tag of raw
//   HTML. Each element costs up to ~1 KB on its way through the pipeline.
// - Lines per body (LINE_LIMIT): each costs its way through the pipeline, ~30 µs for a line of
//   one letter, which within the file size limit came near the render guard.
// - Link reference and footnote definitions per body (DEFINITION_LIMIT): micromark and
//   mdast-util-to-hast look each reference up in a list of them, so time grows with references
//   times definitions.

import type { Nodes, Root } from 'mdast';
import type { Construct, Extension as SyntaxExtension, State, TokenizeContext } from 'micromark-util-types';

/** Most markers (runs of `*`, `_`, `~` and backticks; `[`, `]` and `<`) one stretch of inline text may hold. */
export const INLINE_MARKER_LIMIT = 500;

/** Most markers one body may hold: with the limit per paragraph, this bounds the matching work of a whole body. */
export const BODY_MARKER_LIMIT = 250_000;

/** Most elements (tree nodes, rendered table cells, raw HTML tags) one body may produce. */
export const ELEMENT_LIMIT = 1_000_000;

/**
 * Most backslash escapes and character references (`\*`, `&amp;`) one stretch of inline text may
 * hold: micromark merges the text between them by splicing its list of events once per piece, so
 * its time grows with the square of their number in one paragraph (16,000 escapes in 128 KB: 3 s;
 * 26,000 references in 256 KB: 13 s). They count towards the article's markers too.
 */
export const ESCAPE_LIMIT = 2_000;

/**
 * Most lines one body may hold. Every line costs its way through the parsers and the tree (~30 µs
 * here for a line of one letter: 400,000 such lines took 12 s), so an 8 MiB body of short lines
 * came near the render guard within every other limit. A 5 MB article of 5,000 news sections has
 * ~85,000 lines.
 */
export const LINE_LIMIT = 200_000;

/** Throw MarkdownLimit 'lines' at the first line of `markdown` past LINE_LIMIT. */
export function checkLines(markdown: string): void {
  let lines = 1;
  for (let at = markdown.indexOf('\n'); at !== -1; at = markdown.indexOf('\n', at + 1)) {
    if (++lines > LINE_LIMIT) throw new MarkdownLimit('lines', lines, 1);
  }
}

/** Most link reference and footnote definitions one body may hold. */
export const DEFINITION_LIMIT = 1_000;

/** The characters counted: asterisk, underscore, tilde, grave accent, brackets, less-than. */
const MARKERS = [42, 95, 126, 96, 91, 93, 60] as const;

/** The escapes' and references' first characters, counted apart: backslash, ampersand. */
const ESCAPES = [92, 38] as const;

/** Which limit a body passed: see the top of this file, and parse-in-parts.ts for 'stretch'. */
export type MarkdownLimitKind = 'markers' | 'escapes' | 'body-markers' | 'stretch' | 'elements' | 'definitions' | 'lines';

/** Thrown by the parse for a body past a limit that bounds its work. */
export class MarkdownLimit extends Error {
  /** `line`, `column`: where, in the text parsed (1-based). */
  constructor(
    readonly kind: MarkdownLimitKind,
    readonly line: number,
    readonly column: number,
  ) {
    super(`Markdown past the ${kind} limit at ${line}:${column}`);
    this.name = 'MarkdownLimit';
  }

  /** The same, `lines` lines further down (a part's place in the document). */
  movedDown(lines: number): MarkdownLimit {
    return new MarkdownLimit(this.kind, this.line + lines, this.column);
  }
}

/**
 * The markers of one body, counted as micromark reads them: per stretch of inline text, and in
 * all. A body is parsed in parts, some more than once (parse-in-parts.ts): `before` is set to the
 * markers of the parts accepted so far before each parse, and `seen` counts that parse's markers.
 */
export class MarkerCount {
  before = 0;
  seen = 0;

  constructor(private readonly limits = { paragraph: INLINE_MARKER_LIMIT, escapes: ESCAPE_LIMIT, body: BODY_MARKER_LIMIT }) {}

  /** A micromark extension counting markers and escapes; throws MarkdownLimit 'markers', 'escapes' or 'body-markers' past a limit. */
  extension(): SyntaxExtension {
    const counter = this;
    const counting = (limit: number, kind: 'markers' | 'escapes'): Construct => {
      const perText = new WeakMap<TokenizeContext, number>();
      return {
        tokenize(_effects, _ok, nok): State {
          const seen = (perText.get(this) ?? 0) + 1;
          perText.set(this, seen);
          counter.seen++;
          const past = seen > limit ? kind : counter.before + counter.seen > counter.limits.body ? 'body-markers' : undefined;
          if (past) {
            const at = this.now();
            throw new MarkdownLimit(past, at.line, at.column);
          }
          return nok;
        },
      };
    };
    const markers = counting(this.limits.paragraph, 'markers');
    const escapes = counting(this.limits.escapes, 'escapes');
    return { text: Object.fromEntries([...MARKERS.map((code) => [code, markers]), ...ESCAPES.map((code) => [code, escapes])]) };
  }
}

/** Running counts of a body's elements and definitions, over the trees of its parts in order. */
export class BodyCounts {
  private elements = 0;
  private early = 0;
  private definitions = 0;

  constructor(private readonly limits = { elements: ELEMENT_LIMIT, definitions: DEFINITION_LIMIT }) {}

  /** Count a part's definitions; throws MarkdownLimit 'definitions' (at the part's line numbers) past the limit. */
  addDefinitions(tree: Root): void {
    walk(tree, (node) => {
      if (node.type !== 'definition' && node.type !== 'footnoteDefinition') return;
      if (++this.definitions > this.limits.definitions) throw limitAt('definitions', node);
    });
  }

  /**
   * Count a part's elements as soon as it is read (positions still the part's), so that a body
   * far past the limit is stopped early; the count of the joined tree (addElements) decides.
   */
  addElementsEarly(tree: Root): void {
    walk(tree, (node) => {
      this.early += elementsOf(node);
      if (this.early > this.limits.elements) throw limitAt('elements', node);
    });
  }

  /** Count a tree's elements; throws MarkdownLimit 'elements' at the element past the limit. */
  addElements(node: Nodes): void {
    this.elements += elementsOf(node);
    if (this.elements > this.limits.elements) throw limitAt('elements', node);
  }
}

/** What one node adds to the element count (its children are counted on their own). */
function elementsOf(node: Nodes): number {
  // A table renders each row with as many cells as its header (align has one entry per column);
  // the row and cell nodes themselves add to that.
  if (node.type === 'table') return 1 + node.children.length * (node.align?.length ?? 0);
  if (node.type === 'html') return 1 + countOf(node.value, '<');
  return 1;
}

function countOf(text: string, character: string): number {
  let count = 0;
  for (let at = text.indexOf(character); at !== -1; at = text.indexOf(character, at + 1)) count++;
  return count;
}

function limitAt(kind: MarkdownLimitKind, node: Nodes): MarkdownLimit {
  return new MarkdownLimit(kind, node.position?.start.line ?? 1, node.position?.start.column ?? 1);
}

/** Every node of a tree, depth first, without recursion (a deep tree must not overflow the stack). */
function walk(tree: Nodes, visit: (node: Nodes) => void): void {
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    visit(node);
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
}
