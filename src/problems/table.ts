// The README's table of problem codes, generated from the catalogue so the two cannot drift:
// scripts/problem-table.ts prints or rewrites it, and a test fails when the README's copy differs.

import { catalogue, type ProblemCode } from './catalogue.js';

/** The markers around the generated table in README.md; everything between them is replaced. */
export const TABLE_START = '<!-- problem-table: generated from src/problems/catalogue.ts by `node --import tsx scripts/problem-table.ts --write` -->';
/** The README line that ends the generated problem table. */
export const TABLE_END = '<!-- /problem-table -->';

/** Every code of the catalogue as a Markdown table: code, title, what to do; in catalogue order. */
export function problemTable(): string {
  const rows = (Object.keys(catalogue) as ProblemCode[]).map((code) => {
    const entry = catalogue[code];
    return `| \`${code}\` | ${cell(entry.title)} | ${cell(entry.help)} |`;
  });
  return ['| code | problem | what to do |', '|---|---|---|', ...rows].join('\n');
}

/** `readme` with the text between the table markers replaced by the current table. Throws without both markers. */
export function withProblemTable(readme: string): string {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start === -1 || end < start) throw new Error(`the README has no ${TABLE_START} ... ${TABLE_END} block`);
  return `${readme.slice(0, start + TABLE_START.length)}\n${problemTable()}\n${readme.slice(end)}`;
}

/** A table cell: a | would end the cell early. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}
