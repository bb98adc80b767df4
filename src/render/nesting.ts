// How deeply a Markdown body nests, found by a cheap scan of its text before unified sees it.
// unified (micromark, mdast/hast utilities, parse5) recurses once or more per level, and some
// steps grow faster than the text: its time and stack are what deep nesting exhausts.
//
// Measured with renderMarkdown on a loaded 2-core machine: block quotes (">>>> x") take 40 ms at
// 400 levels, 1.4 s at 2,000 and overflow the stack at 20,000; a list nested by indentation takes
// 0.17 s at 64 levels, 1.5 s at 200 and 12 s at 400; HTML elements take 0.35 s at 1,000 levels and
// overflow at 5,000. Real news nests a quote or list three or four levels at most, and pasted HTML
// embeds about twenty. So the limits: 32 levels of block quotes and list items together, and 128
// of HTML elements, far below where unified suffers and far above any real article.
//
// The scan over-counts rather than under-counts: it follows CommonMark's container rules (a block
// quote continues with ">", a list item with its content's indentation, a paragraph lazily), but
// also counts markers inside code, where CommonMark would not. Inline nesting (emphasis, links)
// is left to the render budget (budget.ts): its cost comes from delimiter counts, not depth.

import { problem, type Problem } from '../problems/index.js';

/** Deepest nesting of block quotes and list items, together, that a body may have. */
export const BLOCK_NESTING_LIMIT = 32;

/** Deepest nesting of raw HTML elements that a body may have. */
export const HTML_NESTING_LIMIT = 128;

/** Where a body first nests deeper than a limit: 1-based line and column in the body. */
export interface DeepNesting {
  kind: 'block' | 'html';
  line: number;
  column: number;
  limit: number;
}

/**
 * The markdown-nesting problem of an article whose body (starting on file line `bodyLine`) nests
 * beyond a limit, at the file line and column where it does; undefined for any real article.
 */
export function nestingProblem(file: string, body: string, bodyLine: number): Problem | undefined {
  const deep = findDeepNesting(body);
  if (!deep) return undefined;
  return problem('markdown-nesting', file, { line: bodyLine + deep.line - 1, column: deep.column }, { kind: deep.kind, limit: deep.limit });
}

/** The first place the body nests beyond a limit, or undefined. Linear in the body's length. */
export function findDeepNesting(markdown: string): DeepNesting | undefined {
  return deepBlocks(markdown) ?? (markdown.includes('<') ? deepHtml(markdown) : undefined);
}

type Container = { kind: 'quote' } | { kind: 'item'; width: number };

const THEMATIC_BREAK = /^(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const LIST_MARKER = /^(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)/;

function deepBlocks(markdown: string): DeepNesting | undefined {
  const open: Container[] = [];
  let previousBlank = true;
  let lineNumber = 0;
  for (let start = 0; start <= markdown.length; ) {
    const newline = markdown.indexOf('\n', start);
    const end = newline === -1 ? markdown.length : newline;
    const line = markdown.slice(start, end).replace(/\t/g, '    ');
    start = end + 1;
    lineNumber++;
    const blank = line.trim() === '';

    // Continue the containers this line is inside.
    let pos = 0;
    let matched = 0;
    for (const container of open) {
      if (container.kind === 'quote') {
        const marker = pos + leadingSpaces(line, pos, 3);
        if (line[marker] !== '>') break;
        pos = marker + (line[marker + 1] === ' ' ? 2 : 1);
      } else if (!blank) {
        if (leadingSpaces(line, pos, container.width) < container.width) break;
        pos += container.width;
      }
      matched++;
    }
    const rest = line.slice(pos + leadingSpaces(line, pos, 3));
    const startsContainer = rest.startsWith('>') || LIST_MARKER.test(rest);
    // A line that continues a paragraph lazily stays inside every container, as in CommonMark.
    if (matched < open.length && (blank || previousBlank || startsContainer)) open.length = matched;
    previousBlank = blank;

    // Open the containers this line starts (several on one line: "> > - x").
    while (leadingSpaces(line, pos, 4) < 4) {
      const at = pos + leadingSpaces(line, pos, 3);
      const text = line.slice(at);
      if (text.startsWith('>')) {
        open.push({ kind: 'quote' });
        pos = at + (text[1] === ' ' ? 2 : 1);
      } else {
        const marker = LIST_MARKER.exec(text)?.[0];
        if (!marker || THEMATIC_BREAK.test(text)) break;
        const spaces = leadingSpaces(line, at + marker.length, 5);
        const width = marker.length + (spaces === 0 || spaces === 5 ? 1 : spaces);
        open.push({ kind: 'item', width });
        pos = at + Math.min(width, text.length);
      }
      if (open.length > BLOCK_NESTING_LIMIT) return { kind: 'block', line: lineNumber, column: at + 1, limit: BLOCK_NESTING_LIMIT };
    }
  }
  return undefined;
}

/** Spaces at `pos`, counting at most `max`. */
function leadingSpaces(line: string, pos: number, max: number): number {
  let count = 0;
  while (count < max && line[pos + count] === ' ') count++;
  return count;
}

/** Elements that never hold others, or whose end tag may be left out (the parser closes them). */
const NON_NESTING = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr',
  'p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'rt', 'rp', 'colgroup', 'caption',
  'html', 'head', 'body',
]);

function deepHtml(markdown: string): DeepNesting | undefined {
  const tag = /<(\/?)([A-Za-z][A-Za-z0-9-]*)(?=[\s/>])/g;
  let depth = 0;
  for (let match = tag.exec(markdown); match; match = tag.exec(markdown)) {
    if (NON_NESTING.has(match[2]!.toLowerCase())) continue;
    if (match[1]) {
      depth = Math.max(0, depth - 1);
      continue;
    }
    if (++depth > HTML_NESTING_LIMIT) {
      const before = markdown.slice(0, match.index);
      const lineStart = before.lastIndexOf('\n') + 1;
      return { kind: 'html', line: before.split('\n').length, column: match.index - lineStart + 1, limit: HTML_NESTING_LIMIT };
    }
  }
  return undefined;
}
