// Splitting an article file into front-matter and Markdown body, and parsing the front-matter YAML
// with positions kept, so that any later complaint about a field can name its line and column.
//
// gray-matter splits; the `yaml` package parses with the core schema, which keeps timestamps as
// strings (gray-matter's default YAML engine would turn `date: 2025-12-18 19:20` into 19:20 UTC
// before our code could read it in the site's time zone). Line endings are normalised first: a CRLF
// file would otherwise leave a "\r" at the end of the last value.

import matter from 'gray-matter';
import { isMap, isNode, isScalar, parseDocument, stringify as stringifyYaml, type Document } from 'yaml';
import { problem, type Position, type Problem, positionAt } from '../problems.js';
import type { SourceFile } from './discover.js';

export interface FrontMatter {
  data: Record<string, unknown>;
  /** The Markdown after the front-matter. */
  body: string;
  /** 1-based line of the file on which the body starts (Markdown positions + bodyLine - 1 = file lines). */
  bodyLine: number;
  /** Where a field's value (or, failing that, its key) is in the file; 1:1 if absent. */
  locate(path: ReadonlyArray<string | number>): Position;
}

export type Parsed<T> = { ok: true; value: T; problems: Problem[] } | { ok: false; problems: Problem[] };

const FILE_START: Position = { line: 1, column: 1 };

export function normaliseText(text: string): string {
  const withoutBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return withoutBom.includes('\r') ? withoutBom.replace(/\r\n?/g, '\n') : withoutBom;
}

export function parseFrontMatter(source: SourceFile): Parsed<FrontMatter> {
  const text = normaliseText(source.text);
  if (text.trim() === '') {
    return fail(problem('file-empty', source.file, FILE_START));
  }
  if (!/^---[ \t]*\n/.test(text)) {
    return fail(problem('frontmatter-missing', source.file, FILE_START, { missing: 'opening' }));
  }
  if (!/\n---[ \t]*(\n|$)/.test(text.slice(3))) {
    return fail(problem('frontmatter-missing', source.file, FILE_START, { missing: 'closing' }));
  }

  let document: Document.Parsed | undefined;
  const split = matter(text, {
    engines: {
      yaml: (yamlText: string) => {
        document = parseDocument(yamlText, { schema: 'core', prettyErrors: false, uniqueKeys: true });
        return document.errors.length > 0 ? {} : (document.toJS({ maxAliasCount: 100 }) as object);
      },
    },
  });
  // The YAML text is everything after the opening `---`, starting with its newline, so YAML line N
  // is file line N: positions from the YAML parser need no shifting.
  const yamlStart = 3;

  if (document && document.errors.length > 0) {
    // Only the first: later YAML errors are nearly always the parser losing its footing after it.
    const error = document.errors[0]!;
    const lines = text.split('\n');
    const position = error.code === 'BAD_INDENT' ? unclosedBracket(lines, positionAt(text, yamlStart + error.pos[0])) : positionAt(text, yamlStart + error.pos[0]);
    const lineText = lines[position.line - 1] ?? '';
    const field = /^([A-Za-z_][\w-]*)\s*:/.exec(lineText)?.[1];
    return fail(problem('yaml-syntax', source.file, position, {
      kind: 'parse',
      field,
      yamlCode: error.code,
      parserMessage: firstLine(error.message),
    }));
  }
  const doc = document;
  if (doc && doc.contents !== null && !isMap(doc.contents)) {
    const range = doc.contents.range;
    return fail(problem('yaml-syntax', source.file, range ? positionAt(text, yamlStart + range[0]) : FILE_START, { kind: 'not-fields' }));
  }

  const data = (split.data ?? {}) as Record<string, unknown>;
  const body = split.content;
  const bodyLine = positionAt(text, text.length - body.length).line;

  return {
    ok: true,
    problems: [],
    value: {
      data,
      body,
      bodyLine,
      locate(path) {
        if (!doc) return FILE_START;
        const node = doc.getIn(path, true);
        const range = isNode(node) ? node.range : undefined;
        if (range && range[1] > range[0]) return positionAt(text, yamlStart + range[0]);
        const key = findKeyRange(doc, path[0]);
        return key ? positionAt(text, yamlStart + key[0]) : FILE_START;
      },
    },
  };
}

function findKeyRange(doc: Document.Parsed, key: string | number | undefined): [number, number, number] | undefined {
  if (key === undefined || !isMap(doc.contents)) return undefined;
  for (const pair of doc.contents.items) {
    if (isScalar(pair.key) && pair.key.value === key && pair.key.range) return pair.key.range;
  }
  return undefined;
}

/**
 * YAML notices an unclosed [ or { only on a later line; point at the line that opened it instead.
 * Scans back from the error for the nearest line with more openers than closers.
 */
function unclosedBracket(lines: readonly string[], at: Position): Position {
  for (let line = at.line; line >= 2; line--) {
    const text = lines[line - 1] ?? '';
    const opened = (text.match(/[[{]/g) ?? []).length - (text.match(/[\]}]/g) ?? []).length;
    if (opened > 0) return { line, column: Math.max(text.search(/[[{]/), 0) + 1 };
  }
  return at;
}

function fail(p: Problem): Parsed<never> {
  return { ok: false, problems: [p] };
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}

/**
 * An article file's text from its fields and body: the inverse of parseFrontMatter, used by
 * `broadsheet new` and the importers. Field order is kept; absent (undefined) fields are left out;
 * values that YAML would read back differently are quoted.
 */
export function serializeArticle(fields: Record<string, unknown>, body: string): string {
  const present = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
  const yaml = stringifyYaml(present, { schema: 'core', lineWidth: 0, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' });
  const text = body.trim();
  return `---\n${yaml}---\n${text ? `\n${text}\n` : ''}`;
}
