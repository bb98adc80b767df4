// `--format github` and `--format json` of build and check: the same outcome as the text format,
// for GitHub Actions (workflow commands on stdout, a table in $GITHUB_STEP_SUMMARY) or for a
// program (one JSON document on stdout, nothing else). The formats are src/problems/ci-formats.ts.

import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { errorsDocFrom } from '../../src/installation.js';
import { escapeCommandData, githubLines, problemsJson } from '../../src/problems/ci-formats.js';
import type { Problem } from '../../src/problems/index.js';
import { failureLine, textReporter, type Reporter } from './output.js';

/** The output formats of build and check. */
export const FORMATS = ['text', 'github', 'json'] as const;
export type Format = (typeof FORMATS)[number];

/** A problem's file as seen from where the command runs (GitHub's paths are from the repository's root). */
function fromHere(root: string): (p: Problem) => string {
  return (p) => {
    const relative = path.relative(process.cwd(), path.resolve(root, p.file));
    return relative.split(path.sep).join('/');
  };
}

/** "2 errors, 1 warning" */
function counts(problems: readonly Problem[]): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  return `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
}

/** GitHub Actions: annotations and plain lines on stdout, the step summary when the runner gives its file. */
async function githubReporter(command: string, root: string): Promise<Reporter> {
  const fileOf = fromHere(root);
  const summaryFile = process.env.GITHUB_STEP_SUMMARY;
  // remark's Markdown writer (~90 modules) is loaded only when there is a summary to write.
  const stepSummary = summaryFile ? (await import('../../src/problems/step-summary.js')).githubStepSummary : undefined;
  const summarise = (outcome: string, problems: readonly Problem[]) => {
    if (summaryFile && stepSummary) appendFileSync(summaryFile, `${stepSummary(outcome, problems, fileOf)}\n`);
  };
  let warnings: readonly Problem[] = [];
  return {
    warnings(problems) {
      warnings = problems;
      for (const line of githubLines(problems, fileOf)) console.log(line);
    },
    note: (line) => console.log(line),
    finished(summary) {
      console.log(summary);
      summarise(`broadsheet ${command} passed: ${counts(warnings)}`, warnings);
    },
    failed(problems, words) {
      for (const line of githubLines(problems, fileOf)) console.log(line);
      console.error(`\n${failureLine(problems, words.failed, words.unchanged)}`);
      summarise(`broadsheet ${command} failed: ${counts(problems)}`, problems);
    },
    stopped(message) {
      console.log(`::error title=broadsheet ${command}::${escapeCommandData(message)}`);
      textReporter(root).stopped(message);
      summarise(`broadsheet ${command} failed: ${message}`, []);
    },
  };
}

/** JSON: one document on stdout when the command ends, whichever way. */
function jsonReporter(root: string): Reporter {
  const fileOf = fromHere(root);
  const errorsDoc = errorsDocFrom(process.cwd());
  let warnings: readonly Problem[] = [];
  return {
    warnings(problems) {
      warnings = problems;
    },
    note: () => undefined,
    finished: (summary) => console.log(problemsJson({ ok: true, problems: warnings, summary }, fileOf, errorsDoc)),
    failed: (problems) => console.log(problemsJson({ ok: false, problems }, fileOf, errorsDoc)),
    stopped: (failure) => console.log(problemsJson({ ok: false, problems: warnings, failure }, fileOf, errorsDoc)),
  };
}

/** The reporter of `format` for `broadsheet <command>` of the site in `root`. */
export async function reporterFor(format: Format, command: string, root: string): Promise<Reporter> {
  if (format === 'github') return githubReporter(command, root);
  if (format === 'json') return jsonReporter(root);
  return textReporter(root);
}
