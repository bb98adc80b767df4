// Test helpers for the dev server: an event-stream client reading the server's SSE over HTTP, and
// a full build of a copy of a site, to compare the dev server's output with byte for byte.

import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { get, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { build } from '../../src/build.js';
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

const copies: string[] = [];
afterAll(() => {
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});

/** Build a copy of the site's sources from scratch (no cache, no old output) and return its output folder. */
export async function cleanBuildOf(root: string, now: number): Promise<string> {
  const copy = mkdtempSync(path.join(tmpdir(), 'broadsheet-clean-'));
  copies.push(copy);
  for (const part of ['content', 'templates', 'static', 'site.config.ts']) {
    if (existsSync(path.join(root, part))) cpSync(path.join(root, part), path.join(copy, part), { recursive: true });
  }
  await build({ root: copy, now, cache: false, threads: 1 });
  return path.join(copy, 'dist');
}

/** Files that differ between two output folders (missing on either side, or other bytes). */
export function differences(actual: string, expected: string): string[] {
  const a = listFiles(actual);
  const b = listFiles(expected);
  const all = [...new Set([...a, ...b])].sort();
  return all.filter((file) => {
    if (!a.includes(file)) return true;
    if (!b.includes(file)) return true;
    return !readFileSync(path.join(actual, file)).equals(readFileSync(path.join(expected, file)));
  });
}
