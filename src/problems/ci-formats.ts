// Problems for machines: GitHub Actions' workflow commands (annotations on the pull request's
// files) and one JSON document (the Markdown step summary is step-summary.ts, loaded only when
// there is one to write: remark's writer is ~90 modules every command would load). `broadsheet check --format github|json`
// prints these; the text format (formatProblems in index.ts) is for people. Pure: the caller
// decides where each goes (stdout, $GITHUB_STEP_SUMMARY).
//
// GitHub shows at most 10 error and 10 warning annotations per step, so only the first of each are
// annotations; the rest are plain lines in the log and rows in the step summary, which lists all.

import { catalogue } from './catalogue.js';
import { describeProblem, formatProblem, sortProblems, type Problem } from './index.js';

/** Annotations of each severity GitHub shows per step; more are dropped by GitHub. */
export const GITHUB_ANNOTATION_LIMIT = 10;

/** Escape a workflow command's message (actions/toolkit's escapeData): `%`, CR and LF. */
export function escapeCommandData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/** Escape a workflow command's property value (actions/toolkit's escapeProperty): also `:` and `,`. */
export function escapeCommandProperty(text: string): string {
  return escapeCommandData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

/**
 * One problem as a workflow command: `::error file=content/a.md,line=3,col=7,title=[date-invalid]
 * Date cannot be read::date: is not a date ...%0Ahint: ...`. `file` is the path GitHub knows (from
 * the repository's root); a problem without a line (0) is annotated on the file alone.
 */
export function githubCommand(p: Problem, file: string): string {
  const properties = [`file=${escapeCommandProperty(file)}`];
  if (p.line > 0) properties.push(`line=${p.line}`, `col=${Math.max(p.column, 1)}`);
  properties.push(`title=${escapeCommandProperty(`[${p.code}] ${catalogue[p.code].title}`)}`);
  const message = p.hint ? `${describeProblem(p)}\nhint: ${p.hint}` : describeProblem(p);
  return `::${p.severity} ${properties.join(',')}::${escapeCommandData(message)}`;
}

/**
 * Every problem for a GitHub Actions log, sorted by place: the first GITHUB_ANNOTATION_LIMIT errors
 * and warnings as workflow commands, the others as the text format's lines. `fileOf` gives the path
 * from the repository's root.
 */
export function githubLines(problems: readonly Problem[], fileOf: (p: Problem) => string): string[] {
  const annotated = { error: 0, warning: 0 };
  return sortProblems(problems).map((p) => (annotated[p.severity]++ < GITHUB_ANNOTATION_LIMIT ? githubCommand(p, fileOf(p)) : formatProblem({ ...p, file: fileOf(p) })));
}

/** A problem in the JSON document: `docs` is the section of docs/errors.md on its code. */
export type DocumentedProblem = Problem & { docs: string };

/** The JSON document of `--format json`: the outcome, counts, and every problem as data. */
export interface ProblemsDocument {
  ok: boolean;
  errors: number;
  warnings: number;
  /** Every problem, sorted by place; `file` and `docs` from where the command ran. */
  problems: DocumentedProblem[];
  /** What stopped the command when it was not the content (a folder that is not a site, a full disk). */
  failure?: string;
  /** For a command that finished: its closing line ("Checked 9 articles ..."). */
  summary?: string;
}

/**
 * The document of `--format json` (see ProblemsDocument), as one line of JSON. `errorsDoc` is
 * Broadsheet's docs/errors.md as seen from where the command ran (installation.ts errorsDocFrom).
 */
export function problemsJson(outcome: { ok: boolean; problems: readonly Problem[]; failure?: string; summary?: string }, fileOf: (p: Problem) => string, errorsDoc: string): string {
  const problems = sortProblems(outcome.problems).map((p) => ({ ...p, file: fileOf(p), docs: `${errorsDoc}#${p.code}` }));
  const document: ProblemsDocument = {
    ok: outcome.ok,
    errors: problems.filter((p) => p.severity === 'error').length,
    warnings: problems.filter((p) => p.severity === 'warning').length,
    problems,
  };
  if (outcome.failure !== undefined) document.failure = outcome.failure;
  if (outcome.summary !== undefined) document.summary = outcome.summary;
  return JSON.stringify(document);
}
