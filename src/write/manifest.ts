// What the previous build wrote to the output folder, and from what: for every file, a fingerprint
// of its inputs and the size and mtime it was left with (.cache/output.json). A page whose
// fingerprint is unchanged, and whose file is still there as the build left it, is neither
// rendered nor written: a warm build of an unchanged site renders nothing. Whether a file is
// still as it was is looked at when the build first asks about it, so a build that looks at a few
// pages (an incremental one) stats a few files, not every file of the site.
//
// A page's fingerprint hashes everything its bytes depend on: the site fingerprint (Broadsheet's
// code, the config, every template, the site-wide template data) and the page's own PageSpec,
// in which each article counts by its cache key (equal keys, equal article).

import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { lowerBound } from '../lower-bound.js';
import { writeFileAtomic } from './fs-helpers.js';
import type { OutputWriter } from './output-writer.js';
import { articleIdentity, isArticleMeta } from '../types/index.js';

const MANIFEST_FORMAT = 1;
const MANIFEST_FILE = 'output.json';

interface ManifestEntry {
  fingerprint: string;
  size: number;
  mtimeMs: number;
}

interface ManifestFile {
  format: number;
  outPath: string;
  files: Record<string, ManifestEntry>;
}


/**
 * sha1 of the parts, each article inside counted by its cache key: equal parts (as JSON sees them:
 * undefined fields and functions left out) give equal prints. Serialised by hand rather than by
 * JSON.stringify with a replacer, which called the replacer on every string and number of every
 * page spec (0.44 s of a warm build's 7 s at 10,000 articles).
 */
export function fingerprint(...parts: unknown[]): string {
  const chunks: string[] = [];
  serialise(parts, chunks);
  return createHash('sha1').update(chunks.join('')).digest('hex');
}

function serialise(value: unknown, out: string[]): void {
  switch (typeof value) {
    case 'string':
      out.push(JSON.stringify(value));
      return;
    case 'number':
      out.push(Number.isFinite(value) ? String(value) : 'null');
      return;
    case 'boolean':
      out.push(value ? 'true' : 'false');
      return;
    case 'object':
      break;
    default:
      out.push('null');
      return;
  }
  if (value === null) {
    out.push('null');
  } else if (Array.isArray(value)) {
    out.push('[');
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out.push(',');
      serialise(value[i], out);
    }
    out.push(']');
  } else if (isArticleMeta(value)) {
    out.push(`"article:${articleIdentity(value)}"`);
  } else {
    out.push('{');
    let first = true;
    for (const key in value) {
      const field = (value as Record<string, unknown>)[key];
      if (field === undefined || typeof field === 'function') continue;
      out.push(first ? '' : ',', JSON.stringify(key), ':');
      first = false;
      serialise(field, out);
    }
    out.push('}');
  }
}

/**
 * Write `file` unless the previous build left it current for these inputs; `produce` runs only
 * when the file must be written. Returns whether it was written.
 */
export async function writeUnlessCurrent(
  writer: OutputWriter,
  manifest: OutputManifest,
  file: string,
  print: string,
  produce: () => string | Promise<string>,
): Promise<boolean> {
  manifest.record(file, print);
  if (manifest.isCurrent(file, print)) {
    writer.keep(file);
    return false;
  }
  await writer.write(file, await produce());
  return true;
}

/**
 * The files the manifest in `dir` says a build wrote into `outPath`, or undefined when it has no
 * such record (no manifest, another output folder, another format): what proves that a real
 * output folder an older Broadsheet left is Broadsheet's (output-ownership.ts).
 */
export function recordedOutputFiles(dir: string, outPath: string): Set<string> | undefined {
  let previous: Partial<ManifestFile>;
  try {
    previous = JSON.parse(readFileSync(path.join(dir, MANIFEST_FILE), 'utf8')) as Partial<ManifestFile>;
  } catch {
    return undefined;
  }
  if (previous?.format !== MANIFEST_FORMAT || previous.outPath !== outPath || typeof previous.files !== 'object' || previous.files === null) return undefined;
  return new Set(Object.keys(previous.files));
}

/**
 * What the output folder holds and from what (see the top of this file): `current`, the files as
 * the last commit left them; `next`, what the transaction under way records. A commit advances
 * it; a failed transaction discards what it recorded.
 */
export class OutputManifest {
  private readonly next = new Map<string, string>();
  /** Files of `current` seen to be as the build left them. */
  private readonly checked = new Set<string>();
  /** The files of `current`, sorted (currentUnder finds a folder's files in it); undefined once `current` changes. */
  private sorted: string[] | undefined;
  /** Has `current` changed since it was loaded or last saved? */
  private unsaved = false;

  private constructor(
    private readonly dir: string | undefined,
    private readonly outPath: string,
    /** Entries of the previous build whose files are still as it left them. */
    private readonly current: Map<string, ManifestEntry>,
  ) {}

  /** A manifest that knows nothing and saves nothing (--no-cache, check). */
  static none(): OutputManifest {
    return new OutputManifest(undefined, '', new Map());
  }

  static async load(dir: string, outPath: string): Promise<OutputManifest> {
    let previous: ManifestFile | undefined;
    try {
      previous = JSON.parse(await readFile(path.join(dir, MANIFEST_FILE), 'utf8')) as ManifestFile;
    } catch {
      previous = undefined;
    }
    if (!previous || previous.format !== MANIFEST_FORMAT || previous.outPath !== outPath || typeof previous.files !== 'object') {
      return new OutputManifest(dir, outPath, new Map());
    }
    return new OutputManifest(dir, outPath, new Map(Object.entries(previous.files)));
  }

  /**
   * The entry of a file still there with the size and mtime the build left (looked at once): a
   * file deleted or edited by hand in the output folder is rendered and written again.
   */
  private entry(file: string): ManifestEntry | undefined {
    const entry = this.current.get(file);
    if (!entry || this.checked.has(file)) return entry;
    const info = statSync(path.join(this.outPath, file), { throwIfNoEntry: false });
    if (info?.isFile() && info.size === entry.size && info.mtimeMs === entry.mtimeMs) {
      this.checked.add(file);
      return entry;
    }
    this.current.delete(file);
    this.sorted = undefined;
    this.unsaved = true;
    return undefined;
  }

  /**
   * Is every file the manifest names still as the last commit left it (a stat each)? A build that
   * continues from the last one's saved state (pipeline/warm-build.ts) touches few files: one
   * deleted or edited by hand elsewhere in the output folder is found here, and the whole site is
   * built instead, writing it again.
   */
  outputIntact(): boolean {
    let intact = true;
    for (const file of [...this.current.keys()]) if (!this.entry(file)) intact = false;
    return intact;
  }

  /** Is `file` in the output folder exactly what these inputs would produce? */
  isCurrent(file: string, print: string): boolean {
    return this.entry(file)?.fingerprint === print;
  }

  /** The fingerprint of a file of the new site (written or kept). */
  record(file: string, print: string): void {
    this.next.set(file, print);
  }

  /**
   * The files under `folder` (a path ending in '/') that are as the previous build left them,
   * with the fingerprints it recorded: an output whose files are named by their content (the
   * search index) is kept whole when all of them are current.
   */
  currentUnder(folder: string): Map<string, string> {
    const found = new Map<string, string>();
    this.sorted ??= [...this.current.keys()].sort();
    const files = this.sorted;
    // The folder's files are one run of the sorted list: from the first at or after `folder`.
    const run: string[] = [];
    for (let i = lowerBound(files.length, (at) => files[at]! >= folder); i < files.length && files[i]!.startsWith(folder); i++) run.push(files[i]!);
    for (const file of run) {
      const entry = this.entry(file);
      if (entry) found.set(file, entry.fingerprint);
    }
    return found;
  }

  /** Is `file` part of the site as the output folder now has it? */
  has(file: string): boolean {
    return this.entry(file) !== undefined;
  }

  /**
   * After a successful commit (the same `removed` as the writer's): the files the transaction
   * recorded become current, with their new sizes and mtimes. Without `removed` they are the whole
   * output, and nothing else is current; with it, the `removed` ones go and the rest stay.
   */
  advance(removed?: Iterable<string>): void {
    if (!removed) {
      const whole = this.next.size === this.current.size && [...this.next].every(([file, print]) => this.current.get(file)?.fingerprint === print);
      // Every file current and none gone: nothing the manifest says has changed.
      if (whole) {
        this.next.clear();
        return;
      }
      const entries = new Map<string, ManifestEntry>();
      for (const [file, print] of this.next) {
        const entry = this.entryFor(file, print);
        if (entry) entries.set(file, entry);
      }
      this.current.clear();
      for (const [file, entry] of entries) this.current.set(file, entry);
      this.sorted = undefined;
    } else {
      for (const [file, print] of this.next) {
        const entry = this.entryFor(file, print);
        if (entry) this.current.set(file, entry);
      }
      for (const file of removed) if (!this.next.has(file)) this.current.delete(file);
      this.sorted = undefined;
    }
    this.next.clear();
    this.unsaved = true;
  }

  /** Forget what this transaction recorded: it failed, and wrote nothing. */
  discard(): void {
    this.next.clear();
  }

  /** Save what is current, if anything changed since it was loaded or last saved. */
  async save(): Promise<void> {
    if (!this.dir || !this.unsaved) return;
    await this.writeEntries(this.current);
    this.unsaved = false;
  }

  private entryFor(file: string, print: string): ManifestEntry | undefined {
    const old = this.current.get(file);
    if (old?.fingerprint === print) return old;
    const info = statSync(path.join(this.outPath, file), { throwIfNoEntry: false });
    return info ? { fingerprint: print, size: info.size, mtimeMs: info.mtimeMs } : undefined;
  }

  private async writeEntries(entries: ReadonlyMap<string, ManifestEntry>): Promise<void> {
    await mkdir(this.dir!, { recursive: true });
    const sorted = Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : 1)));
    // Durable: it is saved after the output is committed, and must not be lost to a power cut
    // while the output survives (the next build would render every page again).
    writeFileAtomic(path.join(this.dir!, MANIFEST_FILE), JSON.stringify({ format: MANIFEST_FORMAT, outPath: this.outPath, files: sorted } satisfies ManifestFile), { durable: true });
  }
}
