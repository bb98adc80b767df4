// The article cache's index file (src/render/cache-index.ts) as tests read and forge it: its
// header, its stamps and its entries, each as the file holds it.

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** A body's place in the store, as an entry records it. */
export interface IndexedBody {
  pack: string;
  offset: number;
  length: number;
  hash: string;
}

/** The index file, line by line: an entry is [key, metadata row, warnings, body]. */
export interface IndexFile {
  header: { format: number; readStartedMs: number; entries: number };
  files: Record<string, [stamp: string, hash: string]>;
  entries: Array<[key: string, row: unknown[], problems: unknown[], body: IndexedBody]>;
}

const indexPath = (root: string) => path.join(root, '.cache/articles.json');

/** The site's article index, as written whole (its log, if any, not applied). */
export function readIndexFile(root: string): IndexFile {
  const [header, files, ...entries] = readFileSync(indexPath(root), 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line) as unknown);
  return { header, files, entries } as IndexFile;
}

/** Write `index` as the site's article index (its entry count in the header made to match). */
export function writeIndexFile(root: string, index: IndexFile): void {
  const lines = [{ ...index.header, entries: index.entries.length }, index.files, ...index.entries].map((line) => JSON.stringify(line));
  writeFileSync(indexPath(root), `${lines.join('\n')}\n`);
}
