// The article cache's index (cache.ts) as it is on disk: the whole file, and the changes a build
// appends to its log (write/journal.ts), replayed in order when read.
//
//   {"format":2,"readStartedMs":N,"files":{content path: [stamp, text hash]},"entries":{key: CachedArticle}}
//   a log line's change: {"readStartedMs":N,"files":{...},"gone":[paths],"entries":{...},"dropped":[keys]}

import { withEveryField } from './meta-fields.js';
import type { BodyAt } from './body-store.js';
import { SourceStamps, trustedBefore, type StampRecord } from './source-stamps.js';
import { mapOfRecord, type JournalContents } from '../write/journal.js';
import type { Problem } from '../problems/index.js';
import type { ArticleMeta } from '../types/index.js';

const INDEX_FORMAT = 2;

/** What the cache keeps of a rendered article: its metadata, its warnings and where its body is. */
export interface CachedArticle {
  meta: ArticleMeta;
  /** Warnings of the article (errors are never cached: such files are rendered every build). */
  problems: Problem[];
  /** Where the body HTML is in the store, with its sha1, checked on every read. */
  body: BodyAt;
}

interface IndexFile {
  format: number;
  /** When this index's stamps were taken (source-stamps.ts). */
  readStartedMs: number;
  files: Record<string, StampRecord>;
  entries: Record<string, CachedArticle>;
}

/** A build's changes to the index, as a line of its log. */
export interface IndexChange {
  /** When the stamps in `files` were taken. */
  readStartedMs: number;
  files: Record<string, StampRecord>;
  gone: string[];
  entries: Record<string, CachedArticle>;
  dropped: string[];
}

/**
 * The entries and stamps an index read from disk holds, its log's changes applied; undefined when
 * another Broadsheet wrote it. Throws when it is not an index at all.
 */
export function replayIndex(read: JournalContents): { entries: Map<string, CachedArticle>; stamps: SourceStamps } | undefined {
  const index = read.whole as IndexFile;
  if (index.format !== INDEX_FORMAT || !isRecord(index.entries) || !isRecord(index.files) || typeof index.readStartedMs !== 'number') return undefined;
  const entries = new Map<string, CachedArticle>();
  // In place: no second object per entry.
  for (const key in index.entries) {
    const entry = index.entries[key]!;
    entry.meta = withEveryField(entry.meta);
    entries.set(key, entry);
  }
  const files = mapOfRecord(index.files);
  // Stamps a log line recorded are trusted as of that line's build (source-stamps.ts).
  const later = new Map<string, bigint>();
  for (const change of read.changes as IndexChange[]) {
    for (const [key, entry] of Object.entries(change.entries)) {
      entry.meta = withEveryField(entry.meta);
      entries.set(key, entry);
    }
    for (const key of change.dropped) entries.delete(key);
    const bound = trustedBefore({ indexMtimeNs: read.logMtimeNs ?? read.wholeMtimeNs, readStartedMs: change.readStartedMs });
    for (const [file, record] of Object.entries(change.files)) {
      files.set(file, record);
      later.set(file, bound);
    }
    for (const file of change.gone) {
      files.delete(file);
      later.delete(file);
    }
  }
  return { entries, stamps: new SourceStamps(files, { indexMtimeNs: read.wholeMtimeNs, readStartedMs: index.readStartedMs }, later) };
}

/** Write the whole index, entry by entry: one JSON string of a 100,000-article index would be ~300 MB. */
export function writeWholeIndex(writeRaw: (chunk: string) => void, stamps: SourceStamps, entries: ReadonlyMap<string, CachedArticle>): void {
  const write = (json: string) => writeRaw(asciiJson(json));
  write(`{"format":${INDEX_FORMAT},"readStartedMs":${stamps.readStartedMs},"files":{`);
  let first = true;
  for (const [file, record] of stamps.records()) {
    write(`${first ? '' : ','}${JSON.stringify(file)}:${JSON.stringify(record)}`);
    first = false;
  }
  write('},"entries":{');
  first = true;
  for (const [key, entry] of entries) {
    write(`${first ? '' : ','}${JSON.stringify(key)}:${JSON.stringify(entry)}`);
    first = false;
  }
  write('}}');
}

/**
 * JSON with every non-ASCII character escaped (\u2026 for an ellipsis): the next build reads the
 * index as a one-byte string, half the memory of a two-byte one (100,000 articles: a 670 MB peak
 * while opening the index instead of 816 MB, since nearly every summary ends in "…").
 */
export function asciiJson(json: string): string {
  return json.replace(/[\u007f-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function isRecord(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
