// `npm run bench` part two: the dev server's save-to-reload time. The dev server runs on the bench
// site; a client reads its event stream over HTTP, as an open browser tab does; each run saves one
// article (a changed body) and times from the save to the 'reload' event arriving at the client.
// The watcher's quiet period (dev/watch.ts QUIET_MS) is part of the time, as it is for an author.
// The server is the compiled one in lib/, as `broadsheet dev` runs it.

import { readFileSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** What measureDevLatency timed; the unmeasured warm-up save is in none of the arrays. */
export interface DevLatency {
  /** Save-to-reload-event times, ms, one per run. */
  reloadMs: number[];
  /** The server's own update time of each run (read, render, write), ms. */
  updateMs: number[];
  /** Pages rendered per update (the first run's). */
  pagesRendered: number;
  /** The first build when the server started (warm: the cache is there), s. */
  startSeconds: number;
}

/**
 * Edit `articles` (content paths) one at a time under a running dev server, timing each. The
 * server is the one `devModule` (a file path: lib/src/dev/index.js, the compiled CLI's) exports.
 */
export async function measureDevLatency(site: string, articles: readonly string[], runs: number, devModule: string): Promise<DevLatency> {
  const { startDev } = (await import(pathToFileURL(devModule).href)) as typeof import('../src/dev/index.js');
  const updates: Array<{ ms: number; pages: number }> = [];
  const started = performance.now();
  const handle = await startDev({
    root: site,
    port: 0,
    onUpdate: (result) => {
      if (result.ok && result.mode === 'content') updates.push({ ms: result.milliseconds, pages: result.pagesRendered });
    },
  });
  const startSeconds = (performance.now() - started) / 1000;
  const events = await openEvents(new URL(handle.url).origin);
  const reloadMs: number[] = [];
  try {
    // One unmeasured save first: the first update loads code the later ones reuse.
    for (let run = -1; run < runs; run++) {
      const file = path.join(site, 'content', articles[(run + 1) % articles.length]!);
      const text = readFileSync(file, 'utf8');
      const reloaded = events.nextReload();
      const saved = performance.now();
      writeFileSync(file, `${text}\nEdited under the dev server, save ${run + 2}.\n`);
      await reloaded;
      if (run >= 0) reloadMs.push(performance.now() - saved);
      // Let the writes settle before the next save, as between an author's saves.
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  } finally {
    events.close();
    await handle.close();
  }
  const measured = updates.slice(1);
  return { reloadMs, updateMs: measured.map((update) => update.ms), pagesRendered: measured[0]?.pages ?? 0, startSeconds };
}

/** A minimal EventSource: resolves nextReload() when the next 'reload' event arrives. */
async function openEvents(origin: string): Promise<{ nextReload(): Promise<void>; close(): void }> {
  let waiting: (() => void) | undefined;
  const response = await new Promise<import('node:http').IncomingMessage>((resolve, reject) => {
    get(`${origin}/__broadsheet/events`, resolve).on('error', reject);
  });
  response.setEncoding('utf8');
  response.on('data', (chunk: string) => {
    if (chunk.includes('event: reload')) waiting?.();
  });
  return {
    nextReload: () => new Promise<void>((resolve) => (waiting = resolve)),
    close: () => response.destroy(),
  };
}
