// The contract between the output tail (pages, feeds, sitemaps, files) and where its files go:
// dist/ through a build's new tree (DistWriter), the served folder during `dev` (DirectWriter),
// or memory (MemoryWriter: `broadsheet check` and tests). The tail never touches the disk itself.

/** What a commit did to the output folder. */
export interface WriteStats {
  /** Files whose content is new or changed. */
  written: number;
  /** Files already in dist/ with the same bytes, left alone. */
  unchanged: number;
  /** Files of the previous build that the new site no longer has. */
  deleted: number;
}

/** Where a build's output goes: dist/ (DistWriter) or memory (MemoryWriter, for check and tests). */
export interface OutputWriter {
  /** `file` is relative to the output folder, with forward slashes, already checked to stay inside it. */
  write(file: string, content: string | Uint8Array): Promise<void>;
  /** Count a file of the previous build, known to be current, as part of the new site unwritten. */
  keep(file: string): void;
  /** Every file of the new site so far (written or kept unchanged). */
  readonly files: ReadonlySet<string>;
  /** Throw, before any work, if the output cannot be written (a folder of someone else's); optional. */
  check?(): void;
  /** Make the new site the output; until then the previous output is what readers see. */
  commit(): Promise<WriteStats>;
  /** Give up the new site: the previous output stays as it was. */
  abort(): Promise<void>;
}
