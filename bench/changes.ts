// What the warm scenarios do to the bench site's content before each build, as a newsroom does it:
// edit ten articles spread over the archive, publish one new article, delete one.

import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Append a line to ten articles spread evenly over `files` (content paths, sorted), as run `run`'s edits. */
export function editTen(content: string, files: readonly string[], run: number): void {
  const step = Math.max(1, Math.floor(files.length / 10));
  for (let i = 0; i < 10 && i * step < files.length; i++) {
    const file = path.join(content, files[i * step]!);
    writeFileSync(file, `${readFileSync(file, 'utf8')}\nEdited in bench run ${run}.\n`);
  }
}

/**
 * "2026-12-07T05:36:00+05:00": the moment `time` (ms) in the corpus's offset, to the minute, as
 * the corpus writes dates.
 */
export function corpusDate(time: number): string {
  return `${new Date(time + 5 * 3600e3).toISOString().slice(0, 16)}:00+05:00`;
}

/**
 * Publish one new article (today's date, a minute before `now`, one topic, one tag, a body the
 * size of a corpus article's) into content/YYYY/MM/ as bench-added-<name>.md; returns its content path.
 */
export function addOne(content: string, name: string, now: number): string {
  const date = corpusDate(now - 60_000);
  const file = path.join(date.slice(0, 4), date.slice(5, 7), `bench-added-${name}.md`);
  mkdirSync(path.join(content, path.dirname(file)), { recursive: true });
  const paragraph = 'The ministry of culture announced a new festival of national orchestras in the capital, with concerts in the library and the museum through the season.';
  const body = Array.from({ length: 6 }, (_, i) => `${paragraph} Paragraph ${i + 1} of the story.`).join('\n\n');
  writeFileSync(path.join(content, file), `---\ntitle: "A new article published in the bench, ${name}"\ndate: ${date}\ntopic: Culture\ntags: ["Tag 1"]\nsource: Qazinform News Agency\n---\n\n${body}\n`);
  return file;
}

/** Delete the article `files[files.length - 1 - run]`. */
export function deleteOne(content: string, files: readonly string[], run: number): void {
  unlinkSync(path.join(content, files[files.length - 1 - run]!));
}
