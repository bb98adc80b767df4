// What the scripts that generate parts of the docs share: a generated part sits between two marker
// lines in its page, and each script prints the part, or with `--write` rewrites it in the page
// (npm run docs runs them all; a test per page fails when its copy is stale).

import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

/** `doc` with the text between the lines `start` and `end` replaced by `content`. Throws without both markers. */
export function replaceBetween(doc: string, start: string, end: string, content: string): string {
  const from = doc.indexOf(start);
  const to = doc.indexOf(end);
  if (from === -1 || to < from) throw new Error(`the document has no ${start} ... ${end} block`);
  return `${doc.slice(0, from + start.length)}\n${content}\n${doc.slice(to)}`;
}

/** One generated part: its page, what it is called in messages, and how to make it and put it in. */
export interface GeneratedPart {
  /** The page it sits in, from the repository root (`--doc` names another). */
  page: string;
  /** "table", "reference": what the closing line calls it. */
  name: string;
  make(): string;
  /** The page with its part made anew. */
  update(doc: string): string;
}

/** The command line of a generating script: print the part, or with `--write` rewrite it in its page. */
export function runGenerator(part: GeneratedPart): void {
  const { values } = parseArgs({ options: { write: { type: 'boolean' }, doc: { type: 'string', default: part.page } } });
  if (!values.write) {
    console.log(part.make());
    return;
  }
  const doc = readFileSync(values.doc, 'utf8');
  const updated = part.update(doc);
  if (updated !== doc) writeFileSync(values.doc, updated);
  console.log(updated === doc ? `${values.doc}: ${part.name} already current` : `${values.doc}: ${part.name} rewritten`);
}
