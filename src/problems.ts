// Problems with the user's input: content, templates, config. A problem is plain data with a place
// (file, line, column), the field at fault, a permanent code, what was expected and a hint, so that
// it can cross a worker-thread boundary, be cached, collected and reported all at once.
// This module owns the catalogue of codes and the report format; it never prints.

export type Severity = 'error' | 'warning';

/** Permanent problem codes. Documented in the README; never renamed once released. */
export const problemCodes = {
  'file-empty': 'The file is empty.',
  'frontmatter-missing': 'The file has no front-matter block.',
  'yaml-syntax': 'The front-matter is not valid YAML.',
  'field-required': 'A required front-matter field is missing.',
  'field-invalid': 'A front-matter field has the wrong type or form.',
  'field-unknown': 'A front-matter field Broadsheet does not know (passed to templates).',
  'date-invalid': 'A date could not be read.',
  'slug-invalid': 'A slug has characters other than a-z, 0-9 and -.',
  'url-duplicate': 'Two articles would be written to the same URL.',
  'link-broken': 'A link inside the site points at an article or page that is not in the build.',
  'static-shadowed': 'A file in static/ has the path of a page the site generates, and is not copied.',
  'template-syntax': 'A template does not parse.',
  'template-render': 'A template failed while rendering a page.',
  'config-invalid': 'The site configuration is invalid.',
  'config-load': 'The site configuration file could not be loaded.',
  'import-format': 'A feed dump could not be read.',

  // Hostile or runaway input (issue 10, item 3): limits far beyond any real article, each named
  // where it is enforced (load/yaml-limits.ts, render/nesting.ts, render/budget.ts, article.ts).
  'frontmatter-too-large': 'The front-matter is longer than Broadsheet reads (64 KiB).',
  'yaml-nesting': 'The front-matter nests lists or maps deeper than the limit.',
  'yaml-aliases': 'YAML aliases (*name) in the front-matter expand beyond the limit (an alias bomb) or contain themselves.',
  'field-too-long': 'A front-matter value is longer than its field allows.',
  'markdown-nesting': 'The body nests block quotes, lists or HTML elements deeper than the limit.',
  'render-timeout': 'An article took longer than renderBudgetMs to render and was stopped.',
  'tags-too-many': 'An article has more tags than tagLimit; only the first ones get tag pages.',
} as const;

export type ProblemCode = keyof typeof problemCodes;

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

export interface Position {
  line: number;
  column: number;
}

export function problem(
  code: ProblemCode,
  file: string,
  position: Position,
  details: Omit<Problem, 'code' | 'file' | 'line' | 'column' | 'severity'> & { severity?: Severity },
): Problem {
  return {
    code,
    severity: details.severity ?? 'error',
    file,
    line: position.line,
    column: position.column,
    ...details,
  };
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

export function isError(p: Problem): boolean {
  return p.severity === 'error';
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
 */
export function formatProblem(p: Problem): string {
  const where = `${p.file}:${p.line}:${p.column}`;
  const field = p.field ? `${p.field}: ` : '';
  let text = `${where} ${p.severity} ${field}${p.message}`;
  if (p.expected) text += `; expected ${p.expected}`;
  if (p.actual !== undefined) text += `, got ${p.actual}`;
  text += ` [${p.code}]`;
  if (p.hint) text += `\n    hint: ${p.hint}`;
  return text;
}

export function formatProblems(problems: readonly Problem[]): string {
  return sortProblems(problems).map(formatProblem).join('\n');
}

/** A value as it appears in a message: strings quoted, long values cut. */
export function showValue(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
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
 * --strict: outside it they are a feature (extra data for templates), not a mistake.
 */
export function stopOnErrors(problems: readonly Problem[], strict: boolean): Problem[] {
  const reported = strict ? problems.map((p) => ({ ...p, severity: 'error' as const })) : problems.filter((p) => p.code !== 'field-unknown');
  if (reported.some(isError)) throw new BuildFailure(reported);
  return reported;
}
