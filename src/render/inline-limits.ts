// How many inline markers one paragraph (or heading, or table cell) may hold. micromark matches
// emphasis, strikethrough and link brackets by walking back over everything before each closing
// marker, and code spans and inline HTML by scanning ahead for their end: its time grows with the
// square of the markers in one stretch of text. "*a_ " repeated over 32 KB (16,000 markers) took
// 5 s, 64 KB 26 s; "a**b c* c* ..." and "[ a_ [ a_ ..." behave alike, and deep nesting overflows
// the stack. Real paragraphs hold a few dozen markers (a link is two brackets).
//
// The count is made by micromark itself, as it reads each paragraph's text: a construct tried
// before every marker that counts it for that paragraph's tokenizer and never matches. So only
// markers where micromark looks for a construct count: none in code blocks, code spans, link
// destinations or escapes ("\*"); a run of asterisks, underscores or tildes counts once (it is
// read as one), a backtick that opens no code span once per backtick. Past the limit it throws,
// before micromark's matching (which runs once a paragraph's text is read) begins.

import type { Construct, Extension as SyntaxExtension, State, TokenizeContext } from 'micromark-util-types';

/** Most markers (runs of `*`, `_`, `~` and backticks; `[`, `]` and `<`) one stretch of inline text may hold. */
export const INLINE_MARKER_LIMIT = 500;

/** The characters counted: asterisk, underscore, tilde, grave accent, brackets, less-than. */
const MARKERS = [42, 95, 126, 96, 91, 93, 60] as const;

/**
 * Thrown by the parse for a body past a limit that bounds its work: more than
 * INLINE_MARKER_LIMIT markers in one stretch of inline text ('markers'), or a stretch with no
 * place to cut longer than STRETCH_LIMIT (parse-in-parts.ts, 'stretch').
 */
export class MarkdownLimit extends Error {
  /** `line`, `column`: where, in the text parsed (1-based). */
  constructor(
    readonly kind: 'markers' | 'stretch',
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

/** A micromark extension counting the markers of each stretch of inline text; throws MarkdownLimit past the limit. */
export function inlineMarkerLimit(limit = INLINE_MARKER_LIMIT): SyntaxExtension {
  const counts = new WeakMap<TokenizeContext, number>();
  const count: Construct = {
    tokenize(_effects, _ok, nok): State {
      const seen = (counts.get(this) ?? 0) + 1;
      counts.set(this, seen);
      if (seen > limit) {
        const at = this.now();
        throw new MarkdownLimit('markers', at.line, at.column);
      }
      return nok;
    },
  };
  return { text: Object.fromEntries(MARKERS.map((code) => [code, count])) };
}
