// Splitting an article file into front-matter and Markdown body, and parsing the front-matter YAML
// with positions kept, so that any later complaint about a field can name its line and column.
//
// The file is split at its `---` lines here; the `yaml` package parses with the core schema, which
// keeps timestamps as strings (a YAML 1.1 parser would turn `date: 2025-12-18 19:20` into 19:20 UTC
// before our code could read it in the site's time zone). Line endings are normalised first: a CRLF
// file would otherwise leave a "\r" at the end of the last value.
//
// gray-matter split files until 0.1.x: it found the closing line by the first "\n---" (also
// "\n---x"), so it could disagree with the check here, and it brought js-yaml and esprima (~0.3 MB
// of code compiled by every process and worker at start) for an engine we never used.

import { isMap, isNode, isScalar, parseDocument, stringify as stringifyYaml, type Document } from 'yaml';
import { problem, type Position, type Problem, positionAt } from '../problems/index.js';
import type { SourceFile } from './discover.js';
import { readTomlFrontMatter, startsWithToml } from './toml-frontmatter.js';
import { indentQuotedLines, unclosedQuoteStart } from './yaml-quotes.js';
import { FRONT_MATTER_LIMIT, inspectYamlTree, isAliasBomb, YAML_DEPTH_LIMIT, YAML_MAX_ALIAS_COUNT, type TreeFindings } from './yaml-limits.js';

/** An article file split: its front-matter data, its body, and where each field sits in the file. */
export interface FrontMatter {
  data: Record<string, unknown>;
  /** The Markdown after the front-matter. */
  body: string;
  /** 1-based line of the file on which the body starts (Markdown positions + bodyLine - 1 = file lines). */
  bodyLine: number;
  /** Where a field's value (or, failing that, its key) is in the file; 1:1 if absent. */
  locate(path: ReadonlyArray<string | number>): Position;
}

/** A value read from a file, with its warnings, or the problems that stopped the reading. */
export type Parsed<T> = { ok: true; value: T; problems: Problem[] } | { ok: false; problems: Problem[] };

const FILE_START: Position = { line: 1, column: 1 };

/** The text as Broadsheet reads it: no byte-order mark, LF line endings. */
export function normaliseText(text: string): string {
  const withoutBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return withoutBom.includes('\r') ? withoutBom.replace(/\r\n?/g, '\n') : withoutBom;
}

/** How leniently front-matter is read: the build reads YAML 1.2; importers also read what other generators' parsers accept. */
export interface FrontMatterOptions {
  /** Read a quoted value whose next lines are not indented, as libyaml, go-yaml and js-yaml do (yaml-quotes.ts). */
  unindentedQuotedLines?: boolean;
}

/**
 * Split an article file into front-matter (YAML between `---` lines, or TOML between `+++` lines;
 * parsed, limits enforced, positions kept) and Markdown body.
 */
export function parseFrontMatter(source: SourceFile, options: FrontMatterOptions = {}): Parsed<FrontMatter> {
  const text = normaliseText(source.text);
  if (text.trim() === '') {
    return fail(problem('file-empty', source.file, FILE_START));
  }
  if (startsWithToml(text)) return tomlFrontMatter(source.file, text);
  if (!/^---[ \t]*\n/.test(text)) {
    return fail(problem('frontmatter-missing', source.file, FILE_START, { missing: 'opening' }));
  }
  const yamlLength = text.slice(3).search(/\n---[ \t]*(\n|$)/);
  if (yamlLength === -1) {
    return fail(problem('frontmatter-missing', source.file, FILE_START, { missing: 'closing' }));
  }
  // The YAML text is everything after the opening `---`, starting with its newline, so YAML line N
  // is file line N: positions from the YAML parser need no shifting.
  const yamlStart = 3;
  if (yamlLength > FRONT_MATTER_LIMIT) return fail(tooLarge(source.file, text, yamlStart, yamlLength));

  let document: Document.Parsed | undefined;
  let tree: TreeFindings = {};
  let aliasBomb = false;
  let data: unknown = {};
  const yamlText = text.slice(yamlStart, yamlStart + yamlLength);
  if (yamlText.trim() !== '') {
    // Duplicate keys are checked by inspectYamlTree: the parser's check is quadratic. logLevel: its
    // warnings (a list as a key) would go to stderr as a Node warning; the build reports what matters.
    document = parseDocument(yamlText, { schema: 'core', prettyErrors: false, uniqueKeys: false, logLevel: 'error' });
    tree = inspectYamlTree(document);
    if (document.errors.length === 0 && tree.tooDeep === undefined && !tree.error && tree.circular === undefined) {
      try {
        data = document.toJS({ maxAliasCount: YAML_MAX_ALIAS_COUNT });
      } catch (error) {
        if (!isAliasBomb(error)) throw error;
        aliasBomb = true;
      }
    }
  }
  // The body starts on the line after the closing `---` line (which may end the file).
  const closingLineEnd = text.indexOf('\n', yamlStart + yamlLength + 1);
  const bodyStart = closingLineEnd === -1 ? text.length : closingLineEnd + 1;

  if (tree.tooDeep !== undefined || document?.errors.some((error) => error.code === 'RESOURCE_EXHAUSTION')) {
    return fail(yamlLimit(source.file, text, positionAt(text, yamlStart + (tree.tooDeep ?? document?.errors[0]?.pos[0] ?? 0)), { code: 'yaml-nesting' }));
  }
  if (tree.circular !== undefined && !tree.error) {
    return fail(yamlLimit(source.file, text, positionAt(text, yamlStart + tree.circular), { code: 'yaml-aliases', kind: 'circular' }));
  }
  if (aliasBomb) {
    return fail(yamlLimit(source.file, text, positionAt(text, yamlStart + (tree.firstAlias ?? 0)), { code: 'yaml-aliases', kind: 'bomb' }));
  }
  const parserError = document?.errors[0];
  const error = tree.error && (!parserError || tree.error.pos[0] < parserError.pos[0]) ? tree.error : parserError;
  if (error) {
    // An unclosed quote is named where it opens.
    const quoteStart = parserError && error === parserError && document ? unclosedQuoteStart(document, parserError) : undefined;
    const indented = quoteStart !== undefined && options.unindentedQuotedLines ? indentQuotedLines(yamlText, quoteStart) : undefined;
    if (indented !== undefined) {
      // Lines are kept, so every position of the text read again is the file's.
      const again = parseFrontMatter({ ...source, text: text.slice(0, yamlStart) + indented + text.slice(yamlStart + yamlLength) }, options);
      if (again.ok) return again;
    }
    // Only the first: later YAML errors are nearly always the parser losing its footing after it.
    const lines = text.split('\n');
    const position = quoteStart !== undefined ? positionAt(text, yamlStart + quoteStart) : error.code === 'BAD_INDENT' ? unclosedBracket(lines, positionAt(text, yamlStart + error.pos[0])) : positionAt(text, yamlStart + error.pos[0]);
    const field = fieldOfLine(lines[position.line - 1] ?? '');
    return fail(problem('yaml-syntax', source.file, position, {
      kind: 'parse',
      field,
      yamlCode: quoteStart !== undefined ? 'QUOTE_NOT_CLOSED' : error.code,
      parserMessage: firstLine(error.message),
    }));
  }
  const doc = document;
  if (doc && doc.contents !== null && !isMap(doc.contents)) {
    const range = doc.contents.range;
    return fail(problem('yaml-syntax', source.file, range ? positionAt(text, yamlStart + range[0]) : FILE_START, { kind: 'not-fields' }));
  }

  return {
    ok: true,
    problems: [],
    value: {
      // An empty document (only comments, say) is no fields; a non-map was refused above.
      data: (data ?? {}) as Record<string, unknown>,
      body: text.slice(bodyStart),
      bodyLine: positionAt(text, bodyStart).line,
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

/** A file with TOML front-matter (`+++`, as Hugo and Zola write it), split as YAML front-matter is. */
function tomlFrontMatter(file: string, text: string): Parsed<FrontMatter> {
  const read = readTomlFrontMatter(text, file);
  if (!read.ok) return fail(read.problem);
  const body = text.slice(read.bodyOffset);
  return { ok: true, problems: [], value: { data: read.data, body, bodyLine: positionAt(text, read.bodyOffset).line, locate: read.locate } };
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

/** The field a front-matter line starts, if it starts one ("title: ..." -> title). */
function fieldOfLine(line: string): string | undefined {
  return /^([A-Za-z_][\w-]*)\s*:/.exec(line)?.[1];
}

/** A limit problem at a position, naming the top-level field that holds it. */
function yamlLimit(file: string, text: string, at: Position, limit: { code: 'yaml-nesting' } | { code: 'yaml-aliases'; kind: 'bomb' | 'circular' }): Problem {
  const field = fieldAbove(text, at.line);
  if (limit.code === 'yaml-nesting') return problem('yaml-nesting', file, at, { limit: YAML_DEPTH_LIMIT, field });
  return problem('yaml-aliases', file, at, limit.kind === 'bomb' ? { kind: 'bomb', limit: YAML_MAX_ALIAS_COUNT, field } : { kind: 'circular', field });
}

/** The front-matter is too long: reported on the line where it passes the limit, with that line's field. */
function tooLarge(file: string, text: string, yamlStart: number, yamlLength: number): Problem {
  const at = positionAt(text, yamlStart + FRONT_MATTER_LIMIT);
  return problem('frontmatter-too-large', file, { line: at.line, column: 1 }, { length: yamlLength, limit: FRONT_MATTER_LIMIT, field: fieldAbove(text, at.line) });
}

/** The top-level field whose value contains file line `line`: the nearest "name:" line at or above it. */
function fieldAbove(text: string, line: number): string | undefined {
  const lines = text.split('\n', line);
  for (let i = lines.length - 1; i >= 1; i--) {
    const field = fieldOfLine(lines[i] ?? '');
    if (field) return field;
  }
  return undefined;
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
