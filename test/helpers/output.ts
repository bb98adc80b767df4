// Test helpers for the output folder as a whole: what "left exactly as it was" and "one whole site"
// mean, as data to compare.

import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, readlinkSync, statSync } from 'node:fs';
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

/**
 * Everything under `dir`, recursively, hidden entries too: each folder with its mode and mtime,
 * each file with its mode, mtime and a hash of its bytes, each symbolic link with its target. Equal states: the folder is
 * byte-identical (what "untouched" means for a folder Broadsheet must not change).
 */
export function folderState(dir: string): Record<string, string> {
  const state: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const absolute = path.join(entry.parentPath, entry.name);
    const relative = path.relative(dir, absolute).split(path.sep).join('/');
    const info = lstatSync(absolute);
    if (info.isSymbolicLink()) state[relative] = `link ${readlinkSync(absolute)}`;
    else if (info.isDirectory()) state[relative] = `folder ${info.mode.toString(8)} ${info.mtimeMs}`;
    else state[relative] = `file ${info.mode.toString(8)} ${info.mtimeMs} ${createHash('sha1').update(readFileSync(absolute)).digest('hex')}`;
  }
  return state;
}
