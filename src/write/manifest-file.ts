// The output manifest as it is on disk (manifest.ts keeps it in memory): .cache/output.json, the
// whole file, and output.log, the changes each build appended since (journal.ts).
//
//   {"format":1,"outPath":"/abs/dist","files":{path: {"fingerprint","size","mtimeMs"}}}
//   a log line's change: {"files":{path: entry},"gone":[paths]}

import path from 'node:path';
import { Journal, mapOfRecord, type JournalContents } from './journal.js';

/** The manifest's format: another is not read (every page is then rendered again). */
export const MANIFEST_FORMAT = 1;
/** The whole file's name in the cache folder; its log is output.log. */
export const MANIFEST_FILE = 'output.json';

/** What the manifest keeps of a file: the fingerprint of its inputs and the size and mtime it was left with. */
export interface ManifestEntry {
  fingerprint: string;
  size: number;
  mtimeMs: number;
}

/** The whole file. */
export interface ManifestFile {
  format: number;
  outPath: string;
  files: Record<string, ManifestEntry>;
}

/** A build's changes to the manifest, as a line of its log. */
export interface ManifestChange {
  files: Record<string, ManifestEntry>;
  gone: string[];
}

/** The files a manifest read from disk records for `outPath`, its log's changes applied; undefined when it records another folder or none. */
export function recordedFiles(read: JournalContents | undefined, outPath: string): Map<string, ManifestEntry> | undefined {
  const whole = read?.whole as Partial<ManifestFile> | undefined;
  if (whole?.format !== MANIFEST_FORMAT || whole.outPath !== outPath || typeof whole.files !== 'object' || whole.files === null) return undefined;
  const files = mapOfRecord(whole.files);
  for (const change of read!.changes as ManifestChange[]) {
    for (const [file, entry] of Object.entries(change.files)) files.set(file, entry);
    for (const file of change.gone) files.delete(file);
  }
  return files;
}

/**
 * The files the manifest in `dir` says a build wrote into `outPath`, or undefined when it has no
 * such record (no manifest, another output folder, another format): what proves that a real
 * output folder an older Broadsheet left is Broadsheet's (output-ownership.ts).
 */
export function recordedOutputFiles(dir: string, outPath: string): Set<string> | undefined {
  let files: Map<string, ManifestEntry> | undefined;
  try {
    files = recordedFiles(new Journal(path.join(dir, MANIFEST_FILE)).read(), outPath);
  } catch {
    return undefined;
  }
  return files && new Set(files.keys());
}
