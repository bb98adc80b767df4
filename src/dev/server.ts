// The dev server's HTTP side: the output folder served as a static host would serve it (sirv for
// files, clean URLs, 404.html for what is missing, the site under its base path), with a small
// live-reload script put into every HTML page on its way out (never into dist/), and a
// Server-Sent Events stream telling open pages to reload or to show the build's errors.

import { readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';
import sirv from 'sirv';

/** Server-Sent Events path, at the server root whatever the base path; never a site page. */
export const EVENTS_PATH = '/__broadsheet/events';

/** Where a DevServer listens and what it serves. */
export interface ServeOptions {
  host: string;
  port: number;
  /** The output folder and base path now (a config change may move them). */
  site: () => { outPath: string; basePath: string };
}

/** What open pages are told: reload, show these errors, or the errors are gone. */
export type DevEvent = { type: 'reload'; changed: string[] } | { type: 'problems'; text: string } | { type: 'ok' };

/** A port another program holds: the CLI prints this message as it is. */
export class PortInUseError extends Error {
  constructor(host: string, port: number) {
    super(`Port ${port} on ${host} is already in use (another dev server?). Stop it, or choose another port with --port.`);
    this.name = 'PortInUseError';
  }
}

/**
 * Serves the output folder as a static host would, live-reload script added to HTML, plus the event
 * stream. listen() once, broadcast() any time (no-op with no pages open), close() to end every stream.
 */
export class DevServer {
  private readonly clients = new Set<ServerResponse>();
  private server: Server | undefined;
  private lastProblems: string | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private statics: { outPath: string; handler: ReturnType<typeof sirv> } | undefined;

  constructor(private readonly options: ServeOptions) {}

  /** Start listening; resolves with the site's URL. */
  async listen(): Promise<string> {
    const server = createServer((request, response) => {
      try {
        this.handle(request, response);
      } catch (error) {
        if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        response.end(`Broadsheet dev server: ${error instanceof Error ? error.message : String(error)}\n`);
      }
    });
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', (error: NodeJS.ErrnoException) => reject(error.code === 'EADDRINUSE' ? new PortInUseError(this.options.host, this.options.port) : error));
      server.listen(this.options.port, this.options.host, () => resolve());
    });
    // Comments keep idle event streams open through proxies and sleeping laptops.
    this.heartbeat = setInterval(() => this.send(': keep-alive\n\n'), 15_000);
    this.heartbeat.unref();
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : this.options.port;
    const host = this.options.host.includes(':') ? `[${this.options.host}]` : this.options.host;
    return `http://${host}:${port}${this.options.site().basePath}`;
  }

  /** Tell every open page. Problems are remembered, so a page opened later shows them too. */
  broadcast(event: DevEvent): void {
    if (event.type === 'problems') this.lastProblems = event.text;
    else this.lastProblems = undefined;
    this.send(eventText(event));
  }

  /** End every event stream and open connection, then stop listening. */
  async close(): Promise<void> {
    clearInterval(this.heartbeat);
    for (const client of this.clients) client.end();
    this.clients.clear();
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private send(text: string): void {
    for (const client of this.clients) client.write(text);
  }

  private handle(request: IncomingMessage, response: ServerResponse): void {
    const url = new URL(request.url ?? '/', 'http://dev.invalid');
    if (url.pathname === EVENTS_PATH) return this.openStream(request, response);
    const { outPath, basePath } = this.options.site();
    const prefix = basePath.replace(/\/$/, '');
    if (prefix && !url.pathname.startsWith(`${prefix}/`)) {
      if (url.pathname === '/' || url.pathname === prefix) return redirect(response, basePath);
      return this.notFound(outPath, response);
    }
    let sitePath: string;
    try {
      sitePath = decodeURIComponent(url.pathname.slice(prefix.length));
    } catch {
      return this.notFound(outPath, response);
    }
    const file = path.join(outPath, sitePath);
    if (!file.startsWith(outPath + path.sep) && file !== outPath) return this.notFound(outPath, response);
    // A folder asked for without its slash: static hosts redirect, so relative links resolve.
    if (!sitePath.endsWith('/') && isFile(path.join(file, 'index.html'))) return redirect(response, `${url.pathname}/${url.search}`);
    const html = sitePath.endsWith('/') ? path.join(file, 'index.html') : file.endsWith('.html') ? file : undefined;
    if (html && isFile(html)) return sendHtml(response, 200, readFileSync(html, 'utf8'), request.method === 'HEAD');
    this.staticHandler(outPath)(request, response, () => this.notFound(outPath, response, sitePath));
  }

  private staticHandler(outPath: string): ReturnType<typeof sirv> {
    if (this.statics?.outPath !== outPath) {
      // dev: files are looked up on each request (they change under us), and never cached.
      this.statics = { outPath, handler: sirv(outPath, { dev: true, dotfiles: false }) };
    }
    return this.statics.handler;
  }

  /**
   * The nearest 404.html up the folders of `sitePath` (a multilingual site's /ru/404.html for a
   * page missing under /ru/), as Cloudflare Pages serves it; else the site's.
   */
  private notFound(outPath: string, response: ServerResponse, sitePath = '/'): void {
    const folders = sitePath.split('/').slice(1, -1);
    for (let depth = folders.length; depth >= 0; depth--) {
      const page = path.join(outPath, ...folders.slice(0, depth), '404.html');
      if (page.startsWith(outPath + path.sep) && isFile(page)) return sendHtml(response, 404, readFileSync(page, 'utf8'), false);
    }
    // No 404.html: the site has not built yet (started on a broken site). A page with the client, so
    // the tab shows the build's errors and reloads once the site builds.
    sendHtml(response, 404, NOT_BUILT, false);
  }

  private openStream(request: IncomingMessage, response: ServerResponse): void {
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    response.write(`retry: 500\n\n`);
    if (this.lastProblems !== undefined) response.write(eventText({ type: 'problems', text: this.lastProblems }));
    this.clients.add(response);
    request.on('close', () => this.clients.delete(response));
  }
}

const NOT_BUILT =
  '<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><title>Not found</title></head>\n<body><p>Nothing here yet: no page answers this address. If the site has not built, its errors show here, and the page reloads once it builds.</p></body>\n</html>\n';

function eventText(event: DevEvent): string {
  const { type, ...data } = event;
  return `event: ${type}\ndata: ${JSON.stringify(data)}\n\n`;
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false; // missing, or a path through a file (ENOTDIR)
  }
}

function redirect(response: ServerResponse, location: string): void {
  response.writeHead(301, { location }).end();
}

function sendHtml(response: ServerResponse, status: number, html: string, headOnly: boolean): void {
  const body = Buffer.from(withLiveReload(html));
  response.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length, 'cache-control': 'no-store' });
  response.end(headOnly ? undefined : body);
}

/**
 * The page's HTML with the live-reload client before </body> (or at the end): it listens to the
 * event stream, reloads on 'reload', and shows the build's errors over the page on 'problems'.
 */
export function withLiveReload(html: string): string {
  const at = html.lastIndexOf('</body>');
  return at === -1 ? html + CLIENT : html.slice(0, at) + CLIENT + html.slice(at);
}

const CLIENT = `<script id="broadsheet-live-reload">
(() => {
  const events = new EventSource(${JSON.stringify(EVENTS_PATH)});
  const overlay = () => {
    let box = document.getElementById('broadsheet-overlay');
    if (!box) {
      box = document.createElement('div');
      box.id = 'broadsheet-overlay';
      box.setAttribute('role', 'alert');
      box.style.cssText = 'position:fixed;inset:0;z-index:2147483647;overflow:auto;padding:2rem;background:rgba(20,20,20,.94);color:#fff;font:14px/1.5 ui-monospace,monospace';
      box.innerHTML = '<h2 style="margin:0 0 1rem;color:#ff8a80;font:bold 18px/1.3 system-ui,sans-serif">The last change did not build</h2><pre style="white-space:pre-wrap;margin:0"></pre><p style="font-family:system-ui,sans-serif;color:#ccc">The page below is the last good build. Fix the file and save: this goes away by itself.</p>';
      document.body.append(box);
    }
    return box;
  };
  events.addEventListener('open', () => { window.broadsheetLiveReload = 'open'; });
  events.addEventListener('reload', () => location.reload());
  events.addEventListener('problems', (event) => { overlay().querySelector('pre').textContent = JSON.parse(event.data).text; });
  events.addEventListener('ok', () => document.getElementById('broadsheet-overlay')?.remove());
})();
</script>
`;
