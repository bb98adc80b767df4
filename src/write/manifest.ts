// What the previous build wrote to the output folder, and from what: for every file, a fingerprint
// of its inputs and the size and mtime it was left with (.cache/output.json). A page whose
// fingerprint is unchanged, and whose file is still there as the build left it, is neither
// rendered nor written: a warm build of an unchanged site renders nothing. A build saves what it
// changed as a line of .cache/output.log, the whole manifest now and then (manifest-file.ts).
// Whether a file is still as it was is looked at when the build first asks about it, or all at
// once on a thread of its own (intact-check.ts) when a warm build asks whether any file changed.
//
// A page's fingerprint (fingerprint.ts) hashes everything its bytes depend on: the site
// fingerprint (Broadsheet's code, the config, every template, the site-wide template data) and
// the page's own PageSpec, in which each article counts by its cache key (equal keys, equal article).

import { statSync, type Stats } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { filesNotAsLeft } from './intact-check.js';
import { Journal } from './journal.js';
import { MANIFEST_FILE, parseWholeManifest, recordedFiles, writeWholeManifest, type ManifestChange } from './manifest-file.js';
import { ManifestFiles, type ManifestEntry } from './manifest-files.js';
import type { OutputWriter } from './output-writer.js';

/** A file's stat; undefined when it cannot be had (gone, or a file stands where a folder of its path should be). */
function statQuietly(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
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
 * What the output folder holds and from what (see the top of this file): `current`, the files as
 * the last commit left them; `next`, what the transaction under way records. A commit advances
 * it; a failed transaction discards what it recorded.
 */
export class OutputManifest {
  private readonly next = new Map<string, string>();
  /** Files of `current` seen to be as the build left them. */
  private readonly checked = new Set<string>();
  /** outputIntact's look at every file, under way or done (startIntactCheck). */
  private intactCheck: Promise<string[]> | undefined;
  /** Every file of `current` was looked at (outputIntact): none needs a stat. */
  private allChecked = false;
  /** Entries are taken as the last build left them until outputIntact answers (trustUntilChecked). */
  private trusting = false;
  /** Files of `current` changed or gone since it was loaded or last saved. */
  private unsaved = new Set<string>();

  private constructor(
    private readonly dir: string | undefined,
    private readonly outPath: string,
    /** Entries of the previous build whose files are still as it left them. */
    private current: ManifestFiles,
    /** The manifest on disk: the whole file and its log. */
    private readonly journal: Journal | undefined,
    /**
     * Was a record of the output read from disk? Without one (none yet, or one cut short or
     * garbled) no build may continue from a saved state: only a whole build records every file.
     */
    readonly recorded = false,
  ) {}

  /** A manifest that knows nothing and saves nothing (--no-cache, check). */
  static none(): OutputManifest {
    return new OutputManifest(undefined, '', ManifestFiles.of(), undefined);
  }

  static async load(dir: string, outPath: string): Promise<OutputManifest> {
    const journal = new Journal(path.join(dir, MANIFEST_FILE));
    let files: ManifestFiles | undefined;
    try {
      files = recordedFiles(journal.read(parseWholeManifest), outPath);
    } catch {
      files = undefined;
    }
    // None that can be used: written whole (a fresh journal), not followed by a log.
    if (!files) return new OutputManifest(dir, outPath, ManifestFiles.of(), new Journal(journal.file));
    return new OutputManifest(dir, outPath, files, journal, true);
  }

  /**
   * The entry of a file still there with the size and mtime the build left (looked at once): a
   * file deleted or edited by hand in the output folder is rendered and written again.
   */
  private entry(file: string): ManifestEntry | undefined {
    const entry = this.current.get(file);
    if (!entry || this.allChecked || this.trusting || this.checked.has(file)) return entry;
    const info = statQuietly(path.join(this.outPath, file));
    if (info?.isFile() && info.size === entry.size && info.mtimeMs === entry.mtimeMs) {
      this.checked.add(file);
      return entry;
    }
    this.current.delete(file);
    this.unsaved.add(file);
    return undefined;
  }

  /**
   * Is every file the manifest names still as the last commit left it (a stat each)? A build that
   * continues from the last one's saved state (pipeline/warm-build.ts) touches few files: one
   * deleted or edited by hand elsewhere in the output folder is found here, and the whole site is
   * built instead, writing it again.
   */
  async outputIntact(): Promise<boolean> {
    this.trusting = false;
    let changed: string[] | undefined;
    try {
      changed = await (this.intactCheck ?? filesNotAsLeft(this.outPath, this.current.checkList()));
    } catch {
      // The thread could not run: a stat each here.
      let intact = true;
      for (const file of [...this.current.keys()]) if (!this.entry(file)) intact = false;
      return intact;
    }
    for (const file of changed) if (this.current.delete(file)) this.unsaved.add(file);
    this.allChecked = true;
    return changed.length === 0;
  }

  /**
   * Start outputIntact's look at every file now, on a thread of its own (intact-check.ts), while
   * the build reads the content; outputIntact then takes its answer.
   */
  startIntactCheck(): void {
    this.intactCheck ??= filesNotAsLeft(this.outPath, this.current.checkList());
    // Awaited by outputIntact, which falls back to stat'ing here; a build that never asks drops it.
    this.intactCheck.catch(() => undefined);
  }

  /**
   * Take every entry as the last build left it, without a stat, until outputIntact answers: an
   * update that goes on while the look at every file is under way (startIntactCheck). The caller
   * must await outputIntact before it commits anything, and before a whole build uses this
   * manifest: a file found changed then makes the update's work void.
   */
  trustUntilChecked(): void {
    if (this.intactCheck && !this.allChecked) this.trusting = true;
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
    for (const [file] of this.current.under(folder)) {
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
      // Every file is asked about: all of them made into a Map at once.
      const current = this.current.asMap();
      const whole = this.next.size === current.size && [...this.next].every(([file, print]) => current.get(file)?.fingerprint === print);
      // Every file current and none gone: nothing the manifest says has changed.
      if (whole) {
        this.next.clear();
        return;
      }
      const entries = new Map<string, ManifestEntry>();
      for (const [file, print] of this.next) {
        const entry = this.entryFor(file, print);
        if (entry) entries.set(file, entry);
        if (entry !== current.get(file)) this.unsaved.add(file);
      }
      for (const file of current.keys()) if (!entries.has(file)) this.unsaved.add(file);
      this.current = ManifestFiles.of(entries);
    } else {
      for (const [file, print] of this.next) {
        const entry = this.entryFor(file, print);
        if (entry === this.current.get(file)) continue;
        if (entry) this.current.set(file, entry);
        else this.current.delete(file);
        this.unsaved.add(file);
      }
      for (const file of removed) {
        if (this.next.has(file)) continue;
        this.current.delete(file);
        this.unsaved.add(file);
      }
    }
    this.next.clear();
  }

  /** Forget what this transaction recorded: it failed, and wrote nothing. */
  discard(): void {
    this.next.clear();
  }

  /** Save what is current, if anything changed since it was loaded or last saved. */
  async save(): Promise<void> {
    if (!this.dir || !this.journal || this.unsaved.size === 0) return;
    await mkdir(this.dir, { recursive: true });
    // More than a quarter of the files changed (a first build, say): the whole manifest will do, unmade as a line.
    const change = () => {
      if (this.unsaved.size * 4 > this.current.size) return undefined;
      const files: Record<string, ManifestEntry> = {};
      const gone: string[] = [];
      for (const file of this.unsaved) {
        const entry = this.current.get(file);
        if (entry) files[file] = entry;
        else gone.push(file);
      }
      return JSON.stringify({ files, gone } satisfies ManifestChange);
    };
    // Durable: it is saved after the output is committed, and must not be lost to a power cut
    // while the output survives (the next build would render every page again).
    this.journal.save(change, (write) => writeWholeManifest(write, this.outPath, [...this.current.asMap()].sort(([a], [b]) => (a < b ? -1 : 1))));
    this.unsaved = new Set();
  }

  private entryFor(file: string, print: string): ManifestEntry | undefined {
    const old = this.current.get(file);
    if (old?.fingerprint === print) return old;
    const info = statSync(path.join(this.outPath, file), { throwIfNoEntry: false });
    return info ? { fingerprint: print, size: info.size, mtimeMs: info.mtimeMs } : undefined;
  }
}
