// The output kept in memory: tests read pages from it, and `broadsheet check` (with
// keepContents: false) only the file names, since it must not hold a large archive's pages.

import { assertInside } from './fs-helpers.js';
import type { OutputWriter, WriteStats } from './output-writer.js';

/**
 * Keeps the output in memory (tests), or with `keepContents: false` only the file names
 * (`broadsheet check`, which must not hold a large archive's pages).
 */
export class MemoryWriter implements OutputWriter {
  readonly contents = new Map<string, string | Uint8Array>();
  readonly files = new Set<string>();

  constructor(private readonly options: { keepContents: boolean } = { keepContents: true }) {}

  /** Hold the file (or just its name). */
  async write(file: string, content: string | Uint8Array): Promise<void> {
    assertInside(file);
    if (this.options.keepContents) this.contents.set(file, content);
    this.files.add(file);
  }

  /** Count a file as part of the site. */
  keep(file: string): void {
    assertInside(file);
    this.files.add(file);
  }

  /** Nothing to move: the files are where they will stay. */
  async commit(): Promise<WriteStats> {
    return { written: this.contents.size || this.files.size, unchanged: 0, deleted: 0 };
  }

  /** Forget everything. */
  async abort(): Promise<void> {
    this.contents.clear();
    this.files.clear();
  }
}
