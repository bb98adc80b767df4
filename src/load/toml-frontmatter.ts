// TOML front-matter, between lines of exactly `+++`, as Hugo and Zola write it: split off, parsed
// with smol-toml (a complete TOML 1.0 parser that keeps dates' offsets), and its values made the
// same plain data YAML front-matter gives, so the schema and everything after it cannot tell
// them apart. Dates become their text (`2025-12-18`, `2025-12-18T19:20:00+05:00`): the build
// reads them in the site's time zone as it reads YAML dates.

import { parse, TomlDate, TomlError } from 'smol-toml';
import { positionAt, problem, type Position, type Problem } from '../problems/index.js';
import { FRONT_MATTER_LIMIT, YAML_DEPTH_LIMIT } from './yaml-limits.js';

/** TOML front-matter read: its fields, the offset where the body starts, and where a field is. */
export type TomlFrontMatter =
  | { ok: true; data: Record<string, unknown>; bodyOffset: number; locate(path: ReadonlyArray<string | number>): Position }
  | { ok: false; problem: Problem };

/** Whether a (normalised) file text starts with TOML front-matter: a first line of exactly `+++`. */
export function startsWithToml(text: string): boolean {
  return /^\+\+\+[ \t]*\n/.test(text);
}

/** Read the TOML front-matter of a normalised text that starts with `+++` (see startsWithToml). */
export function readTomlFrontMatter(text: string, file: string): TomlFrontMatter {
  const start = text.indexOf('\n') + 1;
  const closing = /\n\+\+\+[ \t]*(\n|$)/.exec(text.slice(start - 1));
  if (!closing) return { ok: false, problem: problem('frontmatter-missing', file, { line: 1, column: 1 }, { missing: 'closing', delimiter: '+++' }) };
  const end = start - 1 + closing.index;
  const toml = text.slice(start, end + 1);
  if (toml.length > FRONT_MATTER_LIMIT) {
    const at = positionAt(text, start + FRONT_MATTER_LIMIT);
    return { ok: false, problem: problem('frontmatter-too-large', file, { line: at.line, column: 1 }, { length: toml.length, limit: FRONT_MATTER_LIMIT }) };
  }
  let parsed: Record<string, unknown>;
  try {
    parsed = parse(toml, { maxDepth: YAML_DEPTH_LIMIT });
  } catch (error) {
    if (!(error instanceof TomlError)) throw error;
    // smol-toml counts lines of the TOML text, which starts on the file's second line.
    const line = error.line + 1;
    const field = /^\s*([A-Za-z0-9_-]+)\s*=/.exec(text.split('\n')[line - 1] ?? '')?.[1];
    const message = (error.message.split('\n')[0] ?? error.message).replace(/^Invalid TOML document:\s*/, '');
    return { ok: false, problem: problem('toml-syntax', file, { line, column: error.column }, { parserMessage: message, field }) };
  }
  const data = plain(parsed) as Record<string, unknown>;
  const bodyOffset = end + closing[0].length;
  return { ok: true, data, bodyOffset, locate: (path) => locateKey(text, start, end, path[0]) };
}

/** TOML values as YAML's core schema gives them: dates as their text, everything else as it is. */
function plain(value: unknown): unknown {
  if (value instanceof TomlDate) return value.toISOString().replace(/\.000(?=$|Z|[+-])/, '');
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, plain(item)]));
  return value;
}

/**
 * Where a top-level key's value is: its `key = value` line before the first table header (smol-toml
 * keeps no positions). A field of a table (`[extra]`) or one not found is placed at its table, or 1:1.
 */
function locateKey(text: string, start: number, end: number, key: string | number | undefined): Position {
  if (key === undefined) return { line: 1, column: 1 };
  let offset = start;
  for (const line of text.slice(start, end).split('\n')) {
    if (/^\s*\[/.test(line)) break;
    const match = /^(\s*)(?:"([^"]*)"|'([^']*)'|([A-Za-z0-9_-]+))\s*=\s*/.exec(line);
    if (match && (match[2] ?? match[3] ?? match[4]) === String(key)) return positionAt(text, offset + match[0].length);
    offset += line.length + 1;
  }
  const table = new RegExp(`^\\[\\s*${String(key).replace(/[^A-Za-z0-9_-]/g, '')}\\s*\\]`, 'm').exec(text.slice(start, end));
  return table ? positionAt(text, start + table.index) : { line: 1, column: 1 };
}
