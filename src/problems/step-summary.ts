// The step summary of `--format github` (GitHub renders the file `$GITHUB_STEP_SUMMARY` names as
// Markdown on the run's page): written with remark, so a `|` or a backtick in a message cannot
// break the table. Loaded only when the runner gives that file.

import type { Root, RootContent, TableRow } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { describeProblem, sortProblems, type Problem } from './index.js';

/** A problem's cells in the step summary's table. */
function summaryRow(p: Problem, file: string): TableRow {
  const cell = (children: RootContent[]) => ({ type: 'tableCell' as const, children: children as never });
  const text = (value: string) => ({ type: 'text' as const, value: value.replace(/\s*\n\s*/g, ' ') });
  const problemText = p.hint ? `${describeProblem(p)} (hint: ${p.hint})` : describeProblem(p);
  return {
    type: 'tableRow',
    children: [
      cell([{ type: 'inlineCode', value: p.line > 0 ? `${file}:${p.line}:${p.column}` : file }]),
      cell([text(p.severity)]),
      cell([{ type: 'inlineCode', value: p.code }]),
      cell([text(problemText)]),
    ],
  };
}

/** The step summary: a heading with `outcome` ("Check failed: 2 errors, 1 warning") and a table of every problem, sorted. */
export function githubStepSummary(outcome: string, problems: readonly Problem[], fileOf: (p: Problem) => string): string {
  const children: RootContent[] = [{ type: 'heading', depth: 3, children: [{ type: 'text', value: outcome }] }];
  if (problems.length > 0) {
    const header: TableRow = {
      type: 'tableRow',
      children: ['Where', 'Severity', 'Code', 'Problem'].map((label) => ({ type: 'tableCell', children: [{ type: 'text', value: label }] })),
    };
    children.push({ type: 'table', align: [null, null, null, null], children: [header, ...sortProblems(problems).map((p) => summaryRow(p, fileOf(p)))] });
  }
  const tree: Root = { type: 'root', children };
  return unified().use(remarkGfm).use(remarkStringify).stringify(tree);
}
