// Pagefind through its Node API: one index per shard, built in Pagefind's own process (a Rust
// binary the npm package ships) and handed back as files in memory, so they go through the
// build's writer like every other output (nothing reaches dist/ before the commit).
//
// Pagefind has no way to add to or remove from an index it wrote earlier: a shard whose documents
// changed is indexed again whole (search/output.ts keeps the shards that did not).
//
// The process is started once and kept: the package unrefs it while no index is open (so it never
// keeps Node from exiting). Starting it for every build cost a tiny site's build 60-100 ms, most
// of that build. endSearchProcesses ends them and waits until each has exited and been reaped
// (the CLI calls it before it exits, and on an interrupt): a child left running when Node exits
// is adopted by the system's first process, which in a container may never reap it. The package
// does not hand out its process, so the processes it spawns are noted as it spawns them
// (noteSpawned), and after an end no call of an earlier build reaches Pagefind again (which
// would start a new process).
//
// One Pagefind process indexes one index at a time, on one core (two indexes given at once took
// as long as one after the other). So shards are indexed on `lanes`, one process each: the package
// keeps its process in a module-level variable, and a second instance of its module (imported
// with a query string, which Node treats as another module) starts a second process.

import childProcess, { type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import * as pagefind from 'pagefind';
import { BoundedTasks } from '../bounded-tasks.js';
import { holdPoint } from '../write/failpoints.js';
import { SystemFailure } from '../write/os-errors.js';

/** A page for Pagefind to index: its URL and its HTML. */
export interface SearchDocument {
  url: string;
  content: string;
}

/** Documents sent to Pagefind and not yet answered, per process. */
const IN_FLIGHT = 64;

/** One file of a shard's bundle: its path inside the bundle folder and its bytes. */
export interface BundleFile {
  path: string;
  content: Uint8Array;
}

/**
 * The files the search page uses: the index (its entry, metadata and chunks) and Pagefind's
 * runtime (its script, worker and WebAssembly). The bundle also holds Pagefind's own UIs
 * (pagefind-ui.js, the component and modular UIs, highlight.js: ~400 KB a shard) and an empty-site
 * playground; the theme has its own results list (templates/assets/search.js), so those are left out.
 */
const INDEX_FILE = /^(pagefind-entry\.json|pagefind\.[\w-]+\.pf_meta|(index|fragment|filter)\/[\w-]+\.pf_(index|fragment|filter))$/;
const RUNTIME_FILE = /^(pagefind\.js|pagefind-worker\.js|wasm\.[\w-]+\.pagefind)$/;

/**
 * Whether `file` of a bundle is Pagefind's runtime (script, worker, WebAssembly): the same bytes in
 * every bundle one Pagefind version makes in one language, needed only in the bundle a page loads
 * Pagefind from. The other files are the bundle's index.
 */
export function isRuntimeFile(file: BundleFile): boolean {
  return RUNTIME_FILE.test(file.path);
}

/**
 * Index `documents` (HTML pages with Pagefind's data attributes, each with its URL) in `language`
 * and return the bundle's index and runtime files. Throws with Pagefind's own messages if it fails.
 */
export async function indexDocuments(documents: AsyncIterable<SearchDocument> | Iterable<SearchDocument>, language: string, lane = 0): Promise<BundleFile[]> {
  try {
    return await indexWith(await service(lane), documents, language);
  } catch (error) {
    // Pagefind's binary missing (a platform its package has none for) or failing: the machine's
    // problem, told in one line with the way out, not a stack trace.
    const reason = error instanceof Error ? error.message : String(error);
    throw new SystemFailure(`Pagefind could not index the site for search: ${reason}. Reinstall (npm ci) to get its binary, or set search: false in site.config.ts to build without search.`);
  }
}

/** Pagefind's API with its own process, for each lane (lane 0: the package as imported). */
const services: Array<Promise<typeof pagefind>> = [Promise.resolve(pagefind)];

function service(lane: number): Promise<typeof pagefind> {
  services[lane] ??= import(`${import.meta.resolve('pagefind')}?lane=${lane}`) as Promise<typeof pagefind>;
  return services[lane];
}

/** Pagefind processes running, as noteSpawned saw them start. */
const running = new Set<ChildProcess>();
/** Ends so far: a call made for an index opened before the last end is refused. */
let ends = 0;

/**
 * Run `call` into Pagefind's API, noting any process it spawns: the package starts its process
 * synchronously, inside the first call that needs it, through child_process.spawn.
 */
function noteSpawned<T>(call: () => T): T {
  const spawn = childProcess.spawn;
  childProcess.spawn = ((...args: Parameters<typeof spawn>) => {
    const child = spawn(...args);
    // A process that never started (no binary at the path) has no pid, and while Node still holds
    // its handle, kill() on it signals pid 0: this process's whole group, which is the user's shell
    // pipeline or the CI step (seen as every process of a test run ended by SIGTERM). The package
    // kills its process on any error of it, that one included: such a kill is a no-op here.
    const kill = child.kill.bind(child);
    child.kill = (signal?: NodeJS.Signals | number) => (child.pid === undefined ? false : kill(signal));
    running.add(child);
    child.once('exit', () => running.delete(child));
    return child;
  }) as typeof spawn;
  try {
    return call();
  } finally {
    childProcess.spawn = spawn;
  }
}

/**
 * End every Pagefind process this process started, and resolve once each has exited and been
 * reaped. An index being made meanwhile fails; a later one starts a new process.
 */
export async function endSearchProcesses(): Promise<void> {
  ends++;
  for (const service of services) (await service).close();
  await Promise.all(
    [...running].map((child) => {
      // Never started (no pid: its spawn failed, and it ends in an 'error' event, never 'exit'),
      // or already ended: nothing to wait for.
      if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return undefined;
      // The package unrefs its process; waited for, it must keep Node alive until it has exited.
      child.ref();
      return once(child, 'exit').catch(() => undefined);
    }),
  );
}

async function indexWith(api: typeof pagefind, documents: AsyncIterable<SearchDocument> | Iterable<SearchDocument>, language: string): Promise<BundleFile[]> {
  const opened = ends;
  const call = <T>(make: () => T): T => {
    if (ends !== opened) throw new Error('Pagefind was stopped');
    return noteSpawned(make);
  };
  const created = await call(() => api.createIndex({ forceLanguage: language }));
  if (!created.index) throw new Error(`Pagefind could not start an index: ${created.errors.join('; ')}`);
  const index = created.index;
  await holdPoint('search');
  try {
    // A bounded number of documents in flight: given all at once, a year's documents waited in
    // the pipe's buffer and in memory together (~100 MB more peak RSS for 3,300 articles).
    const errors: string[] = [];
    const adding = new BoundedTasks(IN_FLIGHT);
    for await (const { url, content } of documents) {
      if (adding.failed) break;
      await adding.start(async () => void errors.push(...(await call(() => index.addHTMLFile({ url, content }))).errors));
    }
    await adding.settle();
    if (errors.length > 0) throw new Error(`Pagefind could not index a document: ${errors.join('; ')}`);
    const result = await call(() => index.getFiles());
    if (result.errors.length > 0) throw new Error(`Pagefind could not write its index: ${result.errors.join('; ')}`);
    return result.files.filter((file) => INDEX_FILE.test(file.path) || RUNTIME_FILE.test(file.path));
  } finally {
    if (ends === opened) await index.deleteIndex();
  }
}
