// What the browser tests share: one chromium for a test file (scripts/chromium.ts), and built
// sites served over HTTP as a static host serves them.

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import sirv from 'sirv';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from '../../scripts/chromium.js';

/**
 * Launch chromium before the file's tests and close it after them (hooks registered where this
 * is called); the browser, once launched.
 */
export function useChromium(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => browser!;
}

/** A static server on a free port of 127.0.0.1: its origin, and how to stop it. */
export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

/**
 * Serve folders over HTTP, each under its URL prefix ('' for the root, else '/news' and the like,
 * as a static host serves a project site); any other URL is a 404.
 */
export async function serveFolders(folders: Record<string, string>): Promise<StaticServer> {
  const sites = Object.entries(folders).map(([prefix, folder]) => ({ prefix, serve: sirv(folder, { dev: true }) }));
  const server = createServer((request, response) => {
    const site = sites.find(({ prefix }) => prefix === '' || request.url?.startsWith(`${prefix}/`));
    if (!site) {
      response.statusCode = 404;
      response.end();
      return;
    }
    request.url = request.url!.slice(site.prefix.length);
    site.serve(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
