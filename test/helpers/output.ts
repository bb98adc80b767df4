// Test helpers for the output folder as a whole: what "left exactly as it was" and "one whole site"
// mean, as data to compare.

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { listFiles } from './site.js';

/** Every file of an output folder with a hash of its bytes: which site it holds. */
export function digests(dist: string): Record<string, string> {
  return Object.fromEntries(listFiles(dist).map((file) => [file, createHash('sha1').update(readFileSync(path.join(dist, file))).digest('hex')]));
}

/** Every file with its bytes' hash and its mtime: what "left exactly as it was" means. */
export function snapshot(dist: string): Record<string, string> {
  return Object.fromEntries(Object.entries(digests(dist)).map(([file, digest]) => [file, `${statSync(path.join(dist, file)).mtimeMs} ${digest}`]));
}

/** Files under `dir` (recursively, hidden ones too) whose name ends with `.tmp`: aside copies left behind. */
export function asideFiles(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => !entry.isDirectory() && entry.name.endsWith('.tmp'))
      .map((entry) => path.join(entry.parentPath, entry.name));
  } catch {
    return [];
  }
}
