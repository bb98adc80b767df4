// The output manifest as it is on disk (manifest.ts keeps it in memory): .cache/output.json, the
// whole file, and output.log, the changes each build appended since (journal.ts).
//
//   the whole file, a line each, read as lines are looked up (manifest-files.ts: a publish at
//   100,000 articles parses a few thousand of its 264,000 lines, not all of them in 0.4 s):
//     {"format":2,"outPath":"/abs/dist","files":COUNT}
//     [path, fingerprint, size, mtimeMs]   (COUNT lines, in path order)
//   a log line's change: {"files":{path: {"fingerprint","size","mtimeMs"}},"gone":[paths]}

import path from 'node:path';
import { Journal, jsonLines, mapOfRecord, type JournalContents } from './journal.js';
import { ManifestFiles, type ManifestEntry } from './manifest-files.js';

/** The manifest's format: another is not read (every page is then rendered again). */
export const MANIFEST_FORMAT = 2;
/** The whole file's name in the cache folder; its log is output.log. */
export const MANIFEST_FILE = 'output.json';

/** The whole file's first line. */
interface ManifestHeader {
  format: number;
  outPath: string;
  /** How many lines of files follow. */
  files: number;
}

/** The whole file as parseWholeManifest reads it; undefined when another Broadsheet wrote it. */
type ManifestWhole = { outPath: string; files: ManifestFiles } | undefined;

/** A build's changes to the manifest, as a line of its log. */
export interface ManifestChange {
  files: Record<string, ManifestEntry>;
  gone: string[];
}

/**
 * The whole manifest file's text, read (Journal.read's `parse`); undefined for another format.
 * Throws SyntaxError when it is cut short or garbled.
 */
export function parseWholeManifest(text: string): ManifestWhole {
  // Its lines are parsed as they are looked up (manifest-files.ts), not here.
  const lines = jsonLines(text);
  const header = lines?.header as Partial<ManifestHeader> | undefined;
  if (!lines || header?.format !== MANIFEST_FORMAT) return undefined;
  if (typeof header.outPath !== 'string' || typeof header.files !== 'number') throw new SyntaxError('not an output manifest');
  return { outPath: header.outPath, files: ManifestFiles.lines(text, lines.position(), header.files) };
}

/** Write the whole manifest of `files` (in path order) for `outPath`, a line at a time. */
export function writeWholeManifest(write: (chunk: string) => void, outPath: string, files: ReadonlyArray<[string, ManifestEntry]>): void {
  write(`${JSON.stringify({ format: MANIFEST_FORMAT, outPath, files: files.length } satisfies ManifestHeader)}\n`);
  for (const [file, { fingerprint, size, mtimeMs }] of files) write(`${JSON.stringify([file, fingerprint, size, mtimeMs])}\n`);
}

/** The files a manifest read from disk (with parseWholeManifest) records for `outPath`, its log's changes applied; undefined when it records another folder or none. */
export function recordedFiles(read: JournalContents | undefined, outPath: string): ManifestFiles | undefined {
  const whole = read?.whole as ManifestWhole;
  if (!whole || whole.outPath !== outPath) return undefined;
  const { files } = whole;
  for (const change of read!.changes as ManifestChange[]) {
    for (const [file, entry] of Object.entries(change.files)) files.set(file, entry);
    for (const file of change.gone) files.delete(file);
  }
  return files;
}

/**
 * The files the manifest in `dir` says a build wrote into `outPath`, or undefined when it has no
 * such record (no manifest, another output folder, a format no Broadsheet wrote): what proves that
 * a real output folder an older Broadsheet left is Broadsheet's (output-ownership.ts). The older
 * Broadsheets that left such folders wrote the manifest as one JSON value (format 1).
 */
export function recordedOutputFiles(dir: string, outPath: string): Set<string> | undefined {
  let files: ManifestFiles | undefined;
  try {
    // As UTF-8, which format 1 is and the ASCII of this format's files also is.
    const read = new Journal(path.join(dir, MANIFEST_FILE)).read((text) => parseWholeManifest(text) ?? parseFormatOne(text), 'utf8');
    files = recordedFiles(read, outPath);
  } catch {
    return undefined;
  }
  return files && new Set(files.keys());
}

/** A manifest of format 1, `{"format":1,"outPath":"/abs/dist","files":{path: entry}}`, as parseWholeManifest reads its own. */
function parseFormatOne(text: string): ManifestWhole {
  const whole = JSON.parse(text) as { format?: unknown; outPath?: unknown; files?: unknown };
  if (whole.format !== 1 || typeof whole.outPath !== 'string' || typeof whole.files !== 'object' || whole.files === null) return undefined;
  return { outPath: whole.outPath, files: ManifestFiles.of(mapOfRecord(whole.files as Record<string, ManifestEntry>)) };
}
