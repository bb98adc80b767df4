// docs/errors.md's reference of problem codes, generated from the catalogue so the two cannot
// drift: scripts/problem-table.ts prints or rewrites it, and a test fails when the file's copy
// differs. Each code has a heading of its own, so `docs/errors.md#date-invalid` leads to it: the
// `see:` line under a problem as the CLI prints it (formatProblem) links there.

import { catalogue, type ProblemCode } from '../src/problems/catalogue.js';
import type { Severity } from '../src/problems/entry.js';
import { replaceBetween } from './generated-docs.js';

/** The markers around the generated reference in docs/errors.md; everything between them is replaced. */
export const TABLE_START = '<!-- problem-reference: generated from src/problems/catalogue.ts by `node --import tsx scripts/problem-table.ts --write` -->';
/** The line that ends the generated reference. */
export const TABLE_END = '<!-- /problem-reference -->';

/**
 * Every code of the catalogue, in catalogue order, as Markdown: a table of contents (code, title,
 * error or warning), then a `### code` section per code (its anchor is the code) saying what to do.
 */
export function problemTable(): string {
  const codes = Object.keys(catalogue) as ProblemCode[];
  const rows = codes.map((code) => `| [\`${code}\`](#${code}) | ${cell(catalogue[code].title)} | ${kindOf(code).label} |`);
  const sections = codes.map((code) => {
    const entry = catalogue[code];
    return [`### \`${code}\``, '', `**${entry.title}.** ${kindOf(code).sentence}`, '', entry.help].join('\n');
  });
  return ['| code | problem | kind |', '|---|---|---|', ...rows, '', ...sections.flatMap((section) => [section, ''])].join('\n').trimEnd();
}

/** `doc` with the text between the markers replaced by the current reference. Throws without both markers. */
export function withProblemTable(doc: string): string {
  return replaceBetween(doc, TABLE_START, TABLE_END, problemTable());
}

/** Whether a code stops the build: a word for the table, a sentence for its section. */
function kindOf(code: ProblemCode): { label: string; sentence: string } {
  const severity: Severity | ((args: never) => Severity) = catalogue[code].severity ?? 'error';
  if (typeof severity === 'function') {
    return { label: 'error or warning', sentence: 'An error, which stops the build; in some cases only a warning, as the line printed says.' };
  }
  return severity === 'error'
    ? { label: 'error', sentence: 'An error: the build stops and the published site stays as it was.' }
    : { label: 'warning', sentence: 'A warning: reported, and the build goes on; an error under `--strict`.' };
}

/** A table cell: a | would end the cell early. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}
