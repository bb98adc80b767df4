// The contract between the output tail (pages, feeds, sitemaps, files) and where its files go:
// dist/ through a build's new tree (DistWriter), the served folder during `dev` (DirectWriter),
// or memory (MemoryWriter: `broadsheet check` and tests). The tail never touches the disk itself,
// and never asks which writer it has: a writer says what it can (its target, and whether page
// workers may stage files themselves).

/** What a commit did to the output. */
export interface WriteStats {
  /** Files whose content is new or changed. */
  written: number;
  /** Files already in the output with the same bytes, left alone. */
  unchanged: number;
  /** Files of the previous output that the new one no longer has. */
  deleted: number;
  /** The files written or deleted, relative to the output folder (the dev server reloads pages showing them). */
  changed: string[];
}

/**
 * Where a writer's files go until commit: 'staged', into a new tree that commit swaps in whole
 * (the build: readers see the old output until then); 'live', into the served folder itself at
 * commit, file by file (the dev server); 'memory', nowhere on disk (check, tests).
 */
export type WriterTarget = 'staged' | 'live' | 'memory';

/** Where page workers write files themselves: the spare tree, the live tree to compare with, and whether there is one. */
export interface StagingTarget {
  staging: string;
  outPath: string;
  hasOldOutput: boolean;
}

/** A writer's capability to let page workers write staged files themselves (see stageFile in dist-writer.ts). */
export interface WorkerStaging {
  /** Where the workers put files (opening the output folder, on first call). */
  target(): StagingTarget;
  /** Count a file a worker staged (or found unchanged) as part of the new output. */
  adopt(file: string, outcome: 'kept' | 'staged'): void;
}

/** Where a build's or an update's output goes (see the top of this file). */
export interface OutputWriter {
  readonly target: WriterTarget;
  /** Present when page workers may write files themselves instead of handing pages back. */
  readonly staging?: WorkerStaging;
  /** `file` is relative to the output folder, with forward slashes, already checked to stay inside it. */
  write(file: string, content: string | Uint8Array): Promise<void>;
  /**
   * `file` with the bytes of the file at `source` (absolute), one Broadsheet keeps and never
   * changes in place (an image variant in the store): a hard link where the output's file system
   * allows (linked-file.ts), else a copy; read into memory only by a writer that holds its files.
   */
  copy(file: string, source: string): Promise<void>;
  /** Count a file of the previous output, known to be current, as part of the new one unwritten. */
  keep(file: string): void;
  /** Every file written or kept so far, in the order each first came (writeOutputs counts on it). */
  readonly files: ReadonlySet<string>;
  /** Throw, before any work, if the output cannot be written (a folder of someone else's); optional. */
  check?(): void;
  /** Has commit made the new files the output? After that, a failure leaves them in place. */
  readonly committed: boolean;
  /**
   * Make the new files the output; until then the previous output is what readers see. Without
   * `removed`, the files written and kept are the whole new output, and every other file of the
   * previous one goes. With it, they are a patch: the previous output's other files stay, but for
   * those in `removed` (unless written or kept).
   */
  commit(removed?: Iterable<string>): Promise<WriteStats>;
  /**
   * Can commit(removed) carry the previous output's other files over? Only where there is a
   * previous output this writer made (a build's first output, or an older Broadsheet's real
   * folder, is written whole). Absent: no.
   */
  patchable?(): boolean;
  /** Give up the new files: the previous output stays as it was. */
  abort(): Promise<void>;
}
