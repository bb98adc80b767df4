// The output kept in memory: tests read pages from it, and `broadsheet check` (with
// keepContents: false) only the file names, since it must not hold a large archive's pages.

import { readFile } from 'node:fs/promises';
import { assertInside } from './fs-helpers.js';
import type { OutputWriter, WriteStats } from './output-writer.js';

/**
 * Keeps the output in memory (tests), or with `keepContents: false` only the file names
 * (`broadsheet check`, which must not hold a large archive's pages). `contents` is the output as
 * the last commit left it; writes wait for the commit.
 */
export class MemoryWriter implements OutputWriter {
  readonly target = 'memory';
  /** The committed output, by file (an empty string for each file when contents are not kept). */
  readonly contents = new Map<string, string | Uint8Array>();
  readonly files = new Set<string>();
  committed = false;
  private readonly pending = new Map<string, string | Uint8Array>();

  constructor(private readonly options: { keepContents: boolean } = { keepContents: true }) {}

  /** Hold the file (or just its name) until commit. */
  async write(file: string, content: string | Uint8Array): Promise<void> {
    assertInside(file);
    this.pending.set(file, this.options.keepContents ? content : '');
    this.files.add(file);
  }

  /** Hold the bytes of `source` (or just the name) as `file` until commit. */
  async copy(file: string, source: string): Promise<void> {
    await this.write(file, this.options.keepContents ? await readFile(source) : '');
  }

  /** Count a file as part of the output, unwritten. */
  keep(file: string): void {
    assertInside(file);
    this.files.add(file);
  }

  /** The held files become the output; the output's other files go (all, or those in `removed`). */
  async commit(removed?: Iterable<string>): Promise<WriteStats> {
    const going = removed ? [...removed] : [...this.contents.keys()];
    const gone = going.filter((file) => this.contents.has(file) && !this.files.has(file));
    for (const file of gone) this.contents.delete(file);
    const written: string[] = [];
    for (const [file, content] of this.pending) {
      if (!sameContent(this.contents.get(file), content)) written.push(file);
      this.contents.set(file, content);
    }
    this.pending.clear();
    this.committed = true;
    return { written: written.length, unchanged: this.files.size - written.length, deleted: gone.length, changed: [...written, ...gone] };
  }

  /** Forget what this transaction wrote; the committed output stays. */
  async abort(): Promise<void> {
    this.pending.clear();
    this.files.clear();
  }
}

function sameContent(a: string | Uint8Array | undefined, b: string | Uint8Array): boolean {
  if (a === undefined) return false;
  if (typeof a === 'string' && typeof b === 'string') return a === b;
  return Buffer.from(a).equals(Buffer.from(b));
}
