// The article cache's index (cache.ts) as it is on disk: the whole file, and the changes a build
// appends to its log (write/journal.ts), replayed in order when read.
//
//   the whole file, a line each:
//     {"format":3,"readStartedMs":N,"entries":COUNT}
//     {content path: [stamp, text hash], ...}
//     [key, metadata as a row (meta-fields.ts), warnings, where the body is]   (COUNT lines)
//   a log line's change: {"readStartedMs":N,"files":{...},"gone":[paths],"entries":{key: CachedArticle},"dropped":[keys]}
//
// An entry a line (journal.ts's jsonLines), made into its objects as it is parsed, its metadata one
// object literal (meta-fields.ts): at 100,000 articles, reading and parsing the index took
// 1.2-1.4 s into 541 MB of objects as one JSON value, 1.0-1.1 s into 249 MB a line at a time.

import { metaFromRow, metaRow, withEveryField } from './meta-fields.js';
import type { BodyAt } from './body-store.js';
import { SourceStamps, trustedBefore, type StampRecord } from './source-stamps.js';
import { jsonLines, mapOfRecord, type JournalContents } from '../write/journal.js';
import type { Problem } from '../problems/index.js';
import type { ArticleMeta, Term } from '../types/index.js';

const INDEX_FORMAT = 3;

/** What the cache keeps of a rendered article: its metadata, its warnings and where its body is. */
export interface CachedArticle {
  meta: ArticleMeta;
  /** Warnings of the article (errors are never cached: such files are rendered every build). */
  problems: Problem[];
  /** Where the body HTML is in the store, with its sha1, checked on every read. */
  body: BodyAt;
}

interface IndexHeader {
  format: number;
  /** When this index's stamps were taken (source-stamps.ts). */
  readStartedMs: number;
  /** How many entry lines follow the stamps' line. */
  entries: number;
}

/** The whole file as parseWholeIndex reads it; `format` alone when another Broadsheet wrote it. */
type IndexWhole = { format: typeof INDEX_FORMAT; readStartedMs: number; files: Map<string, StampRecord>; entries: Map<string, CachedArticle> } | { format: 'other' };

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
 * The whole index file's text, read (Journal.read's `parse`). Throws SyntaxError when it is an
 * index of this format cut short or garbled; another format is `{ format: 'other' }`.
 */
export function parseWholeIndex(text: string): IndexWhole {
  const lines = jsonLines(text);
  const header = lines?.header as Partial<IndexHeader> | undefined;
  if (!lines || header?.format !== INDEX_FORMAT) return { format: 'other' };
  if (typeof header.readStartedMs !== 'number' || typeof header.entries !== 'number') throw new SyntaxError('not an article index');
  const files = lines.next();
  if (!isRecord(files)) throw new SyntaxError('not an article index');
  const entries = new Map<string, CachedArticle>();
  const shared = sharing();
  lines.rest(header.entries, (line) => {
    const [key, row, problems, body] = line as [string, unknown[], Problem[], BodyAt];
    const meta = metaFromRow(row);
    meta.topic = shared.term(meta.topic);
    // The parse's own arrays, changed in place.
    for (const terms of [meta.tags, meta.authors]) for (let i = 0; i < terms.length; i++) terms[i] = shared.term(terms[i]!);
    body.pack = shared.pack(body.pack);
    entries.set(key, { meta, problems, body });
  });
  return { format: INDEX_FORMAT, readStartedMs: header.readStartedMs, files: mapOfRecord(files as Record<string, StampRecord>), entries };
}

/**
 * The entries and stamps an index read from disk holds (Journal.read with parseWholeIndex), its
 * log's changes applied; undefined when another Broadsheet wrote it.
 */
export function replayIndex(read: JournalContents): { entries: Map<string, CachedArticle>; stamps: SourceStamps } | undefined {
  const index = read.whole as IndexWhole;
  if (index.format !== INDEX_FORMAT) return undefined;
  const { entries, files } = index;
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

/** Write the whole index (see the top of this file), entry by entry: one JSON string of a 100,000-article index would be ~300 MB. */
export function writeWholeIndex(write: (chunk: string) => void, stamps: SourceStamps, entries: ReadonlyMap<string, CachedArticle>): void {
  const header: IndexHeader = { format: INDEX_FORMAT, readStartedMs: stamps.readStartedMs, entries: entries.size };
  write(`${JSON.stringify(header)}\n{`);
  let first = true;
  for (const [file, record] of stamps.records()) {
    write(`${first ? '' : ','}${JSON.stringify(file)}:${JSON.stringify(record)}`);
    first = false;
  }
  write('}\n');
  for (const [key, entry] of entries) write(`${JSON.stringify([key, metaRow(entry.meta), entry.problems, entry.body])}\n`);
}

/**
 * One object for each term (topic, tag, author) and one string for each pack name, however many
 * articles name it: the model groups and indexes articles by their terms' slugs, and a string
 * from the parse is hashed afresh at its first lookup (at 100,000 articles, ~450,000 terms, each
 * looked up by slug three times as the model is made again).
 */
function sharing(): { term: (term: Term) => Term; pack: (name: string) => string } {
  const terms = new Map<string, Map<string, Term>>();
  const packs = new Map<string, string>();
  return {
    term: (term) => {
      let named = terms.get(term.slug);
      if (!named) terms.set(term.slug, (named = new Map()));
      const one = named.get(term.name);
      if (one) return one;
      named.set(term.name, term);
      return term;
    },
    pack: (name) => {
      const one = packs.get(name);
      if (one !== undefined) return one;
      packs.set(name, name);
      return name;
    },
  };
}

function isRecord(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
