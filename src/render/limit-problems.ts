// A body past one of the Markdown limits (markdown-limits.ts, parse-in-parts.ts) as the problem an
// author reads: its code, and the file line and column where the body passes the limit.

import { problem, type Problem } from '../problems/index.js';
import { BODY_MARKER_LIMIT, DEFINITION_LIMIT, ELEMENT_LIMIT, ESCAPE_LIMIT, INLINE_MARKER_LIMIT, LINE_LIMIT, type MarkdownLimit } from './markdown-limits.js';
import { STRETCH_LIMIT } from './parse-in-parts.js';

/** The problem for `limit`, met in the body of `file` that starts on file line `bodyLine`. */
export function limitProblem(file: string, limit: MarkdownLimit, bodyLine: number): Problem {
  const at = { line: bodyLine + limit.line - 1, column: limit.column };
  switch (limit.kind) {
    case 'markers':
      return problem('markdown-markers', file, at, { limit: INLINE_MARKER_LIMIT, in: 'paragraph' });
    case 'escapes':
      return problem('markdown-markers', file, at, { limit: ESCAPE_LIMIT, in: 'paragraph', what: 'escapes' });
    case 'body-markers':
      return problem('markdown-markers', file, at, { limit: BODY_MARKER_LIMIT, in: 'article' });
    case 'stretch':
      return problem('block-too-long', file, at, { limit: STRETCH_LIMIT });
    case 'elements':
      return problem('markdown-elements', file, at, { limit: ELEMENT_LIMIT });
    case 'definitions':
      return problem('markdown-definitions', file, at, { limit: DEFINITION_LIMIT });
    case 'lines':
      return problem('article-too-large', file, at, { lines: LINE_LIMIT });
  }
}
