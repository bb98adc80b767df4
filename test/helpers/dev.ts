// Test helpers for the dev server: an event-stream client reading the server's SSE over HTTP, and
// a clean full build of a site's sources, in memory, to compare the dev server's output with byte
// for byte.

import { readFileSync } from 'node:fs';
import { get, type IncomingMessage } from 'node:http';
import path from 'node:path';
import { build } from '../../src/build.js';
import { MemoryWriter } from '../../src/write/memory-writer.js';
import { listFiles } from './site.js';

export interface ReceivedEvent {
  type: string;
  data: Record<string, unknown>;
}

/** Reads `GET /__broadsheet/events` as a browser's EventSource would, keeping every event. */
export class EventClient {
  readonly events: ReceivedEvent[] = [];
  private response: IncomingMessage | undefined;
  private waiters: Array<() => void> = [];

  static async connect(origin: string): Promise<EventClient> {
    const client = new EventClient();
    await new Promise<void>((resolve, reject) => {
      const request = get(`${origin}/__broadsheet/events`, (response) => {
        client.response = response;
        response.setEncoding('utf8');
        let buffer = '';
        response.on('data', (chunk: string) => {
          buffer += chunk;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) !== -1) {
            client.receive(buffer.slice(0, end));
            buffer = buffer.slice(end + 2);
          }
        });
        resolve();
      });
      request.on('error', reject);
    });
    return client;
  }

  private receive(block: string): void {
    let type = 'message';
    let data = '';
    for (const line of block.split('\n')) {
      if (line.startsWith('event: ')) type = line.slice(7);
      else if (line.startsWith('data: ')) data += line.slice(6);
    }
    if (!data) return; // comments, retry:
    this.events.push({ type, data: JSON.parse(data) as Record<string, unknown> });
    for (const wake of this.waiters.splice(0)) wake();
  }

  /** The next event after the `seen`-th, waiting up to `ms`. */
  async next(seen: number, ms = 30_000): Promise<ReceivedEvent> {
    const deadline = Date.now() + ms;
    while (this.events.length <= seen) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no event within ${ms} ms; had ${JSON.stringify(this.events.map((event) => event.type))}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.events[seen]!;
  }

  close(): void {
    this.response?.destroy();
  }
}

/**
 * What a clean full build of the site in `root` writes (no cache, no old output), file -> bytes.
 * It reads the sources where they are and writes nothing: the dev server's watcher sees nothing.
 */
export async function cleanBuildOf(root: string, now: number): Promise<Map<string, Uint8Array>> {
  const writer = new MemoryWriter();
  await build({ root, now, cache: false, threads: 1, writer });
  return new Map([...writer.contents].map(([file, content]) => [file, typeof content === 'string' ? Buffer.from(content) : content]));
}

/**
 * Files that differ between an output folder and a clean build (missing on either side, or other
 * bytes). The search index under pagefind/ is left out unless `search` is true: the dev server
 * brings it up to date only once edits settle (dev/search.ts), and test/dev.test.ts checks it then.
 */
export function differences(actual: string, expected: ReadonlyMap<string, Uint8Array>, { search = false } = {}): string[] {
  const counted = (file: string) => search || !file.startsWith('pagefind/');
  const a = listFiles(actual).filter(counted);
  const all = [...new Set([...a, ...[...expected.keys()].filter(counted)])].sort();
  return all.filter((file) => {
    const bytes = expected.get(file);
    if (!bytes || !a.includes(file)) return true;
    return !readFileSync(path.join(actual, file)).equals(bytes);
  });
}
