// Watching the site's sources with chokidar, in batches: events are gathered until the files have
// been quiet for a moment, so an editor that writes a file in pieces (or saves several at once, or
// renames by unlink + add) causes one rebuild. While a rebuild runs, new events wait for the next
// batch: rebuilds never overlap.

import { statSync } from 'node:fs';
import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';

/** Quiet time before a batch is handed over. Short: it is part of every save-to-reload. */
export const QUIET_MS = 10;

/** After chokidar's 50 ms window for repeated 'change' events of one path (see watchInBatches). */
const RECHECK_MS = 75;

/**
 * A test seam, unset outside tests. When `batchReady` is set, a batch is handed over only once it
 * says the paths gathered so far are whole: test/dev.test.ts names every path an action touched,
 * so a rename (an unlink and an add) is one batch however late a busy machine delivers its second
 * event. Unset, the quiet time alone decides.
 */
export const batchTestHooks: { batchReady?: (pending: ReadonlySet<string>) => boolean } = {};

/** A file's size and mtime ('' when it is gone): what tells a later write from the one already taken. */
function signature(file: string): string {
  try {
    const info = statSync(file);
    return `${info.size}:${info.mtimeMs}`;
  } catch {
    return '';
  }
}

/** Editor droppings that are no source: hidden files (.swp, .#lock), backups (x~), vim's probe (4913). */
function isEditorFile(file: string): boolean {
  const name = path.basename(file);
  return name.startsWith('.') || name.endsWith('~') || name === '4913';
}

const isInside = (file: string, folder: string) => file === folder || file.startsWith(folder + path.sep);

/** The handle watchInBatches returns; its onBatch calls never overlap. */
export interface BatchWatcher {
  /** Resolves once the initial scan is done and changes are being seen. */
  ready: Promise<void>;
  /**
   * Stop watching; resolves after the batch being handled, if any, has finished. Pending changes
   * are dropped.
   */
  close(): Promise<void>;
}

/**
 * Watch `folders` and `files` under `root` (present or not yet: they may be created later);
 * `onBatch` gets each batch of changed absolute paths.
 *
 * chokidar watches the root, skipping everything else in it (dist/, node_modules/, .cache/): given
 * paths that do not exist, it reports 'ready' before it is watching the others (chokidar#1110).
 */
export function watchInBatches(root: string, folders: readonly string[], files: readonly string[], onBatch: (changed: string[]) => Promise<void>): BatchWatcher {
  const ignored = (file: string) => {
    if (file === root) return false;
    if (files.includes(file)) return false;
    if (isEditorFile(file)) return true;
    return !folders.some((folder) => isInside(file, folder) || isInside(folder, file));
  };
  // atomic: false, so a rename's unlink comes with its add, not 100 ms later in a batch of its own.
  const watcher: FSWatcher = watch(root, { ignoreInitial: true, ignored, atomic: false });
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  /** Each path's size and mtime when its last batch was taken. */
  const taken = new Map<string, string>();
  const rechecks = new Map<string, NodeJS.Timeout>();
  let closed = false;

  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(flush, QUIET_MS);
  };
  const flush = async () => {
    timer = undefined;
    if (running) return; // the running batch schedules the next when it ends
    if (pending.size === 0) return;
    // Held: the next event schedules another look.
    if (batchTestHooks.batchReady && !batchTestHooks.batchReady(pending)) return;
    const batch = [...pending];
    pending = new Set();
    for (const file of batch) taken.set(file, signature(file));
    running = onBatch(batch).finally(() => {
      running = undefined;
      if (pending.size > 0 && !timer) timer = setTimeout(flush, QUIET_MS);
    });
    await running;
  };
  watcher.on('all', (_event, file) => {
    const absolute = path.resolve(file);
    pending.add(absolute);
    schedule();
    // chokidar drops a second 'change' of a path within 50 ms of the first: an editor's last
    // piece of a save would be lost. So look again once that window has passed, and take the file
    // again if it changed after its batch was taken.
    clearTimeout(rechecks.get(absolute));
    const recheck = setTimeout(() => {
      rechecks.delete(absolute);
      if (closed || pending.has(absolute) || signature(absolute) === taken.get(absolute)) return;
      pending.add(absolute);
      if (!running) schedule();
    }, RECHECK_MS);
    rechecks.set(absolute, recheck);
  });

  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return {
    ready,
    async close() {
      closed = true;
      clearTimeout(timer);
      for (const recheck of rechecks.values()) clearTimeout(recheck);
      await watcher.close();
      await running;
    },
  };
}
