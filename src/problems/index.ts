// Problems with the user's input: content, templates, config. A problem is plain data with a place
// (file, line, column), the field at fault, a permanent code, what was expected and a hint, so that
// it can cross a worker-thread boundary, be cached, collected and reported all at once.
// This module makes problems from the catalogue (problems/catalogue.ts, which owns every code and
// every sentence) and owns the report format; it never prints.

import { catalogue, type ProblemArgs, type ProblemCode } from './catalogue.js';
import type { CatalogueEntry, Severity } from './entry.js';

export { showValue, type ProblemArgs, type ProblemCode, type Severity } from './catalogue.js';

/** One problem: plain data (no functions, no catalogue entry), safe to cache and to post to a worker. */
export interface Problem {
  code: ProblemCode;
  severity: Severity;
  /** Path as the user knows it: relative to the site root where possible. */
  file: string;
  line: number;
  column: number;
  /** The front-matter field or config key at fault, if any. */
  field?: string;
  message: string;
  expected?: string;
  actual?: string;
  hint?: string;
}

/** A 1-based place in a file. */
export interface Position {
  line: number;
  column: number;
}

/** A code's arguments as problem()'s last parameters: optional for codes that take none. */
export type ArgsOf<C extends ProblemCode> = Record<never, never> extends ProblemArgs[C] ? [args?: ProblemArgs[C]] : [args: ProblemArgs[C]];

/**
 * A problem of `code` at `file` and `position`, its texts built by the catalogue from `args` (the
 * facts the code's entry needs, checked per code at compile time). Undefined texts are left out.
 */
export function problem<C extends ProblemCode>(code: C, file: string, position: Position, ...[args]: ArgsOf<C>): Problem {
  const entry: CatalogueEntry<ProblemArgs[C]> = catalogue[code];
  // An absent argument object is only allowed (by ArgsOf) for codes whose arguments are empty.
  const facts = (args ?? {}) as ProblemArgs[C];
  const made: Problem = {
    code,
    severity: typeof entry.severity === 'function' ? entry.severity(facts) : entry.severity ?? 'error',
    file,
    line: position.line,
    column: position.column,
    message: entry.message(facts),
  };
  const field = typeof entry.field === 'function' ? entry.field(facts) : entry.field;
  if (field !== undefined) made.field = field;
  const expected = entry.expected?.(facts);
  if (expected !== undefined) made.expected = expected;
  const actual = entry.actual?.(facts);
  if (actual !== undefined) made.actual = actual;
  const hint = entry.hint ? entry.hint(facts) : entry.help;
  if (hint !== undefined) made.hint = hint;
  return made;
}

/** Thrown when a build must stop because of the user's input; carries every problem found. */
export class BuildFailure extends Error {
  readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[]) {
    const errors = problems.filter((p) => p.severity === 'error').length;
    super(`${errors} error${errors === 1 ? '' : 's'} in content, templates or config`);
    this.name = 'BuildFailure';
    this.problems = problems;
  }
}

/** Two problems with the same key are the same report (a broken template fails many pages alike). */
export function problemKey(p: Problem): string {
  return `${p.file}:${p.line}:${p.column}:${p.message}`;
}

/** Whether a problem stops the build (warnings do only under --strict, which makes them errors). */
export function isError(p: Problem): boolean {
  return p.severity === 'error';
}

/** Would these problems stop a build (an error, or under --strict anything but nothing)? */
export function stops(problems: readonly Problem[], strict: boolean): boolean {
  return strict ? problems.length > 0 : problems.some(isError);
}

/** Problems sorted for reading: by file, then line, then column. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column,
  );
}

/**
 * One problem as the user reads it:
 *   content/2025/12/a.md:3:7 error date: expected an ISO 8601 date such as 2025-12-18 or
 *   2025-12-18T19:20, got "18.12.2025" [date-invalid]
 *     hint: ...
 *     see: node_modules/broadsheet/docs/errors.md#date-invalid
 * The `see:` line comes only with `errorsDoc`: where the reader finds Broadsheet's docs/errors.md
 * (installation.ts errorsDocFrom), whose section of the code it links.
 */
export function formatProblem(p: Problem, errorsDoc?: string): string {
  let text = `${p.file}:${p.line}:${p.column} ${p.severity} ${describeProblem(p)} [${p.code}]`;
  if (p.hint) text += `\n    hint: ${p.hint}`;
  if (errorsDoc !== undefined) text += `\n    see: ${errorsDoc}#${p.code}`;
  return text;
}

/** What is wrong, without place, severity, code or hint: `date: is not a date ...; expected ..., got "soon"`. */
export function describeProblem(p: Problem): string {
  let text = `${p.field ? `${p.field}: ` : ''}${p.message}`;
  if (p.expected) text += `; expected ${p.expected}`;
  if (p.actual !== undefined) text += `, got ${p.actual}`;
  return text;
}

/** Every problem as the user reads it, sorted by place, one per line (hints and `see:` lines indented below). */
export function formatProblems(problems: readonly Problem[], errorsDoc?: string): string {
  return sortProblems(problems).map((p) => formatProblem(p, errorsDoc)).join('\n');
}

/** 1-based line and column of a character offset in a text. */
export function positionAt(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * Throw a BuildFailure carrying every problem when any is an error (any at all under --strict).
 * Returns the warnings to report otherwise. Unknown front-matter fields are only reported under
 * --strict: outside it they are a feature (extra data for templates), not a mistake; one that
 * looks like a misspelled known field is `field-misspelled`, a warning like any other.
 */
export function stopOnErrors(problems: readonly Problem[], strict: boolean): Problem[] {
  const reported = strict ? problems.map((p) => ({ ...p, severity: 'error' as const })) : problems.filter((p) => p.code !== 'field-unknown');
  if (reported.some(isError)) throw new BuildFailure(reported);
  return reported;
}
