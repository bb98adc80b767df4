// `broadsheet dev`: build, serve, watch, rebuild what changed, reload the open pages.

import path from 'node:path';
import { CONFIG_FILES } from '../config.js';
import { errorsDocFrom } from '../installation.js';
import { formatProblems, type Problem } from '../problems/index.js';
import type { Site } from '../types/index.js';
import { DevServer, type DevEvent } from './server.js';
import { DevSite, type DevOptions, type UpdateResult } from './site.js';
import { watchInBatches, type BatchWatcher } from './watch.js';

export { PortInUseError } from './server.js';
export type { UpdateResult } from './site.js';

/**
 * Options for startDev: the build options plus where to listen (DEFAULT_HOST, DEFAULT_PORT; port 0
 * picks a free one) and callbacks.
 */
export interface StartOptions extends DevOptions {
  host?: string;
  port?: number;
  /** Each update's outcome, with the changed paths that caused it and the site now served (the CLI prints these). */
  onUpdate?: (result: UpdateResult, paths: readonly string[], served: Site | undefined) => void;
  /** Each event sent to the open pages (tests and the bench listen here too). */
  onEvent?: (event: DevEvent) => void;
  /** An update failed for a reason other than the site's content (a bug, a full disk). */
  onError?: (error: unknown) => void;
  /** The search index was brought up to date after edits settled: the output files that changed. */
  onSearchIndexed?: (changed: readonly string[]) => void;
}

/** A running dev server: serving and watching until close() resolves. */
export interface DevHandle {
  /** The site's address: http://127.0.0.1:4321/ (with the base path). */
  url: string;
  /** The first build's outcome. */
  first: UpdateResult;
  /** Stop watching and serving, then save the cache and manifest; resolves when all is shut. */
  close(): Promise<void>;
}

/** Port the dev server listens on when none is given. */
export const DEFAULT_PORT = 4321;
/** Host the dev server listens on when none is given: loopback only, not the network. */
export const DEFAULT_HOST = '127.0.0.1';

/**
 * Milliseconds of quiet after an update before the cache and manifest are saved for the next
 * build and the search index is brought up to date (dev/search.ts).
 */
const FLUSH_AFTER_MS = 2000;

/**
 * Build the site, serve it and watch its sources; resolves once the watcher is ready. A first build
 * with problems still resolves (`first.ok` false, shown on the pages); a port in use rejects with
 * PortInUseError. Content failures of later updates go to the pages, Broadsheet's own to onError.
 */
export async function startDev(options: StartOptions = {}): Promise<DevHandle> {
  const root = path.resolve(options.root ?? '.');
  const { site, result: first } = await DevSite.start({ ...options, root });
  const server = new DevServer({
    host: options.host ?? DEFAULT_HOST,
    port: options.port ?? DEFAULT_PORT,
    site: () => ({ outPath: site.config?.outPath ?? path.join(root, options.outDir ?? 'dist'), basePath: site.config?.basePath ?? '/' }),
  });
  const tell = (event: DevEvent) => {
    server.broadcast(event);
    options.onEvent?.(event);
  };
  let url: string;
  try {
    url = await server.listen();
  } catch (error) {
    await site.close();
    throw error;
  }
  options.onUpdate?.(first, [], site.site);
  if (!first.ok) tell(problemsEvent(first.problems, root));

  let flushTimer: NodeJS.Timeout | undefined;
  // Updates, saves of the cache and manifest (both write .cache/) and the search index's writing
  // step take turns, one at a time, in the order they came.
  let turn: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const run = turn.then(work);
    turn = run.catch(() => undefined);
    return run;
  };
  // Pagefind at work in the background (not a turn: updates go on meanwhile).
  let indexing: Promise<void> = Promise.resolve();
  const onBatch = async (paths: string[]) => {
    clearTimeout(flushTimer);
    let result: UpdateResult;
    try {
      result = await exclusive(() => site.update({ paths }));
    } catch (error) {
      // A failure of Broadsheet itself, not of the content (those are results): report it, keep serving.
      options.onError?.(error);
      tell({ type: 'problems', text: `Broadsheet failed: ${error instanceof Error ? error.message : String(error)}` });
      return;
    }
    if (result.ok) {
      if (result.changed.length > 0) tell({ type: 'reload', changed: result.changed });
      else tell({ type: 'ok' });
    } else {
      tell(problemsEvent(result.problems, root));
    }
    options.onUpdate?.(result, paths, site.site);
    flushTimer = setTimeout(settle, FLUSH_AFTER_MS);
    flushTimer.unref();
  };
  // Edits have settled: save for the next build, and bring the search index up to date.
  const settle = () => {
    flushTimer = undefined;
    void exclusive(() => site.flush()).catch((error: unknown) => options.onError?.(error));
    indexing = indexing
      .then(() => site.refreshSearch((write) => exclusive(write)))
      .then((changed) => options.onSearchIndexed?.(changed))
      .catch((error: unknown) => options.onError?.(error));
  };

  const config = site.config;
  const folders = [config?.contentPath ?? path.join(root, 'content'), config?.templatesPath ?? path.join(root, 'templates'), config?.staticPath ?? path.join(root, 'static')];
  const watcher: BatchWatcher = watchInBatches(root, folders, CONFIG_FILES.map((name) => path.join(root, name)), onBatch);
  await watcher.ready;

  return {
    url,
    first,
    async close() {
      // Edits not yet settled: the output left behind is still the whole site, its index included.
      if (flushTimer !== undefined) {
        clearTimeout(flushTimer);
        settle();
      }
      await indexing;
      await turn;
      await watcher.close();
      await server.close();
      await site.close();
    },
  };
}

function problemsEvent(problems: readonly Problem[], root: string): DevEvent {
  return { type: 'problems', text: formatProblems(problems, errorsDocFrom(root)) };
}
