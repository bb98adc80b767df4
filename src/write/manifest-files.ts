// The output manifest's files (manifest.ts), looked up where the whole file has them, without
// making every line into objects. The whole file is a line per file, in path order
// (manifest-file.ts): a lookup is a binary search over the lines, parsing the ~18 it probes. What
// changed since (the log's lines, and this build's) is kept beside it, by path.
//
// A build that changes a few files (a publish: a few hundred lookups) never parses the other
// lines: at 100,000 articles, 264,000 lines, 0.4 s and ~90 MB of objects that every collection
// copied. A build that needs every file (a whole build, the whole file written again) makes them
// all into a Map once, and from then on works on it. Every line is parsed off the main thread by
// the look at each file (intact-check.ts), which a warm build awaits before it commits: a line
// that does not parse (the file edited by hand) counts as a file not as the build left it, and
// the whole site is built instead.

import { lowerBound } from '../lower-bound.js';

/**
 * Lookups by binary search (~20 µs each at 264,000 lines) before every line is made into a Map
 * instead (~0.4 s there): a publish asks about a few hundred files, a whole build about every one.
 */
const LOOKUPS_BEFORE_WHOLE = 5000;

/** What the manifest keeps of a file: the fingerprint of its inputs and the size and mtime it was left with. */
export interface ManifestEntry {
  fingerprint: string;
  size: number;
  mtimeMs: number;
}

/** What the look at every file (intact-check.ts) needs: the whole file's lines and what replaced them. */
export interface CheckList {
  /** The whole file's lines of files ([path, fingerprint, size, mtimeMs] each), as they are on disk. */
  lines: string;
  /** Files of `lines` changed or gone since: not looked at there. */
  replaced: string[];
  /** Every other file, `path\0size\0mtimeMs` a line. */
  others: string;
}

/** The files of an output manifest, by path (see the top of this file): a Map's reads and writes. */
export class ManifestFiles {
  /** Changed or gone (null) since the whole file, by path. */
  private readonly changed = new Map<string, ManifestEntry | null>();
  /** Every file, once something needed them all: then the only record. */
  private all: Map<string, ManifestEntry> | undefined;
  /** The paths of `all`, sorted (under finds a folder's run in them); undefined once one comes or goes. */
  private sorted: string[] | undefined;
  private count: number;
  private lookups = 0;
  /** Entries of the whole file already looked up: one object each, as a Map would give. */
  private readonly seen = new Map<string, ManifestEntry>();

  private constructor(
    /** The whole file's text and where each of its lines of files starts (and, last, where they end). */
    private readonly text: string,
    private readonly starts: Int32Array,
  ) {
    this.count = starts.length - 1;
  }

  /** Files held in a Map: no whole file behind them. */
  static of(files: Map<string, ManifestEntry> = new Map()): ManifestFiles {
    const made = new ManifestFiles('', new Int32Array(1));
    made.all = files;
    made.count = files.size;
    return made;
  }

  /**
   * The files of a whole file's `text` whose lines of files begin at `from`: `count` lines, each
   * `[...]`. Throws SyntaxError when it has fewer or more (cut short, or not this file).
   */
  static lines(text: string, from: number, count: number): ManifestFiles {
    const starts = new Int32Array(count + 1);
    let at = from;
    for (let line = 0; line < count; line++) {
      const end = text.indexOf('\n', at);
      // 91 and 93: '[' and ']'.
      if (end < 0 || text.charCodeAt(at) !== 91 || text.charCodeAt(end - 1) !== 93) throw new SyntaxError('the file is cut short');
      starts[line] = at;
      at = end + 1;
    }
    if (at < text.length) throw new SyntaxError('the file has more lines than its header says');
    starts[count] = at;
    return new ManifestFiles(text, starts);
  }

  /** How many files there are. */
  get size(): number {
    return this.all?.size ?? this.count;
  }

  get(file: string): ManifestEntry | undefined {
    if (this.all) return this.all.get(file);
    const changed = this.changed.get(file);
    if (changed !== undefined) return changed ?? undefined;
    const seen = this.seen.get(file);
    if (seen) return seen;
    // Asked about so many files that a Map of them all is cheaper (a whole build asks about each).
    if (++this.lookups > LOOKUPS_BEFORE_WHOLE) return this.asMap().get(file);
    const entry = this.lineOf(file)?.[1];
    if (entry) this.seen.set(file, entry);
    return entry;
  }

  has(file: string): boolean {
    return this.get(file) !== undefined;
  }

  set(file: string, entry: ManifestEntry): void {
    if (this.all) {
      if (!this.all.has(file)) this.sorted = undefined;
      this.all.set(file, entry);
      return;
    }
    if (!this.has(file)) this.count++;
    this.changed.set(file, entry);
  }

  /** Forget `file`; returns whether it was there. */
  delete(file: string): boolean {
    if (this.all) {
      this.sorted = undefined;
      return this.all.delete(file);
    }
    if (!this.has(file)) return false;
    this.changed.set(file, null);
    this.count--;
    return true;
  }

  /** Every file's path, in no set order. Makes every line into its entry (asMap). */
  keys(): IterableIterator<string> {
    return this.asMap().keys();
  }

  /** The files whose paths begin with `prefix`, in path order. */
  under(prefix: string): Array<[string, ManifestEntry]> {
    const found: Array<[string, ManifestEntry]> = [];
    if (this.all) {
      const all = this.all;
      const files = (this.sorted ??= [...all.keys()].sort());
      for (let i = lowerBound(files.length, (at) => files[at]! >= prefix); i < files.length && files[i]!.startsWith(prefix); i++) found.push([files[i]!, all.get(files[i]!)!]);
      return found;
    }
    // The whole file's run of them, from the first line at or after `prefix`.
    for (let line = lowerBound(this.lines, (at) => this.pathAt(at) >= prefix); line < this.lines; line++) {
      const [file, parsed] = this.parse(line);
      if (!file.startsWith(prefix)) break;
      if (this.changed.has(file)) continue;
      const entry = this.seen.get(file) ?? parsed;
      this.seen.set(file, entry);
      found.push([file, entry]);
    }
    for (const [file, entry] of this.changed) if (entry && file.startsWith(prefix)) found.push([file, entry]);
    return found.sort(([a], [b]) => (a < b ? -1 : 1));
  }

  /** What the look at every file needs (see CheckList), without parsing the whole file's lines. */
  checkList(): CheckList {
    const others: string[] = [];
    // A number's shortest round-trip form: Number() gives back exactly the mtime recorded.
    const line = (file: string, entry: ManifestEntry) => `${file}\0${entry.size}\0${entry.mtimeMs}\n`;
    if (this.all) {
      for (const [file, entry] of this.all) others.push(line(file, entry));
      return { lines: '', replaced: [], others: others.join('') };
    }
    for (const [file, entry] of this.changed) if (entry) others.push(line(file, entry));
    return { lines: this.text.slice(this.starts[0], this.starts[this.lines]), replaced: [...this.changed.keys()], others: others.join('') };
  }

  /**
   * Every file as a Map, made once: from then on the only record, read through the Map or this
   * object and written through this object only. A line that does not parse is left out.
   */
  asMap(): Map<string, ManifestEntry> {
    if (this.all) return this.all;
    const all = new Map<string, ManifestEntry>();
    for (let line = 0; line < this.lines; line++) {
      const parsed = this.tryParse(line);
      if (parsed && !this.changed.has(parsed[0])) all.set(parsed[0], this.seen.get(parsed[0]) ?? parsed[1]);
    }
    for (const [file, entry] of this.changed) if (entry) all.set(file, entry);
    this.all = all;
    this.seen.clear();
    return all;
  }

  private get lines(): number {
    return this.starts.length - 1;
  }

  /** The whole file's line for `file`, if it has one. */
  private lineOf(file: string): [string, ManifestEntry] | undefined {
    const line = lowerBound(this.lines, (at) => this.pathAt(at) >= file);
    if (line === this.lines) return undefined;
    const found = this.parse(line);
    return found[0] === file ? found : undefined;
  }

  private pathAt(line: number): string {
    return this.parse(line)[0];
  }

  /**
   * Line `line` made into its file and entry. One that does not parse reads as a path that sorts
   * first and names no file a build writes: lookups near it may miss, and a build then writes the
   * file again; the look at every file finds it and makes the build a whole one.
   */
  private parse(line: number): [string, ManifestEntry] {
    return this.tryParse(line) ?? ['', { fingerprint: '', size: -1, mtimeMs: -1 }];
  }

  private tryParse(line: number): [string, ManifestEntry] | undefined {
    try {
      const [file, fingerprint, size, mtimeMs] = JSON.parse(this.text.slice(this.starts[line], this.starts[line + 1]! - 1)) as [string, string, number, number];
      return typeof file === 'string' ? [file, { fingerprint, size, mtimeMs }] : undefined;
    } catch {
      return undefined;
    }
  }
}
