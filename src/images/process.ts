// sharp's work for the image stage, done in the image process (image-process.ts): a child started
// on the stage's first job and ended with the stage (useImageProcess), so the memory libvips keeps
// goes back to the system before the pages are rendered. At most IMAGES_IN_FLIGHT pipelines run at
// once, one per core: the cores stay busy and the memory bound is IMAGES_IN_FLIGHT decoded images.
// If the process dies mid-job (a crash in libvips), its jobs fail with a cause the image problem
// quotes and the next job starts a new one; if it cannot start at all, sharp runs here.

import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { availableParallelism } from 'node:os';
import { childExecArgv, codeFile } from '../installation.js';
import type { ImageAnswer, ImageJob } from './image-process.js';
import type { Variant } from './plan.js';
import type { MadeVariant } from './sharp-ops.js';
import type { SourceInfo } from './store.js';

/** Pipelines under way at once: one per core. */
export const IMAGES_IN_FLIGHT = Math.max(1, availableParallelism());

type Pending = { resolve: (value: ImageAnswer) => void; job: ImageJob };

let child: ChildProcess | undefined;
let inProcess = false;
/** The build was interrupted (stopImageWork): every job fails at once until the next stage. */
let stopped = false;
let users = 0;
let nextId = 1;
const pending = new Map<number, Pending>();

/** What a source is, from its header (no decoding); throws on a file that is not an image. */
export async function probeImage(bytes: Uint8Array): Promise<SourceInfo> {
  return (await run({ id: nextId++, op: 'probe', bytes })) as SourceInfo;
}

/** Encode one variant of `bytes`; rejects (never crashes) on a damaged file. */
export async function makeVariant(bytes: Uint8Array, variant: Variant): Promise<MadeVariant> {
  return (await run({ id: nextId++, op: 'variant', bytes, variant })) as MadeVariant;
}

/**
 * Hold the image process for a stage; the returned function lets go of it. When its last user
 * lets go the process ends, and the promise resolves once it has exited and been reaped (it
 * starts on the first job, so a stage with nothing to make starts none).
 */
export function useImageProcess(): () => Promise<void> {
  if (users === 0) stopped = false;
  users++;
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    if (--users === 0) await end();
  };
}

/**
 * An interrupt: the photos under way and every one after them fail at once (the build is about to
 * stop), and the image process ends; resolves once it has exited and been reaped.
 */
export async function stopImageWork(): Promise<void> {
  stopped = true;
  await end('the build was interrupted');
}

async function end(cause = 'the image stage ended first'): Promise<void> {
  const ending = child;
  if (!ending) return;
  settle(ending, (entry) => entry.resolve({ id: entry.job.id, error: { message: cause } }));
  const exited = ending.exitCode !== null || ending.signalCode !== null ? undefined : once(ending, 'exit');
  if (ending.connected) ending.disconnect();
  // Waited for, it keeps Node alive until it has exited (an idle one is unref'd).
  ending.ref();
  await exited;
}

async function run(job: ImageJob): Promise<SourceInfo | MadeVariant> {
  if (stopped) throw new Error('the build was interrupted');
  const answer = inProcess ? await runHere(job) : await new Promise<ImageAnswer>((resolve) => send({ resolve, job }));
  if ('value' in answer) return answer.value;
  throw Object.assign(new Error(answer.error.message), answer.error.code ? { code: answer.error.code } : {});
}

async function runHere(job: ImageJob): Promise<ImageAnswer> {
  return (await import('./image-process.js')).runImageJob(job);
}

function send(entry: Pending): void {
  const target = child ?? start();
  if (!target) {
    void runHere(entry.job).then(entry.resolve);
    return;
  }
  pending.set(entry.job.id, entry);
  if (pending.size === 1) holdOpen(target, true);
  target.send(entry.job);
}

function start(): ChildProcess | undefined {
  let started: ChildProcess;
  try {
    started = fork(codeFile('images/image-process'), [], {
      execArgv: childExecArgv(),
      env: { ...process.env, BROADSHEET_IMAGE_PROCESS: '1' },
      serialization: 'advanced',
      // Its stdout is nobody's (a command's stdout can be its output); libvips' warnings go to stderr, as they did in the build's own process.
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
  } catch {
    inProcess = true;
    return undefined;
  }
  child = started;
  started.on('message', (answer: ImageAnswer) => {
    const entry = pending.get(answer.id);
    if (!entry) return;
    pending.delete(answer.id);
    if (pending.size === 0) holdOpen(started, false);
    entry.resolve(answer);
  });
  // Could not start (no such file, no memory for a process): sharp runs here from now on.
  started.on('error', () => {
    if (started.pid !== undefined) return;
    inProcess = true;
    settle(started, (entry) => void runHere(entry.job).then(entry.resolve));
  });
  started.on('exit', (code, signal) => {
    const cause = `the image process stopped (${signal ?? `exit code ${code}`})`;
    settle(started, (entry) => entry.resolve({ id: entry.job.id, error: { message: cause } }));
  });
  return started;
}

/** The process `gone` will answer nothing more: hand each of its jobs to `then`. */
function settle(gone: ChildProcess, then: (entry: Pending) => void): void {
  if (child !== gone) return;
  child = undefined;
  const left = [...pending.values()];
  pending.clear();
  for (const entry of left) then(entry);
}

/** An idle image process never keeps the parent alive; one with jobs does, until they are answered. */
function holdOpen(target: ChildProcess, busy: boolean): void {
  if (busy) {
    target.ref();
    target.channel?.ref();
  } else {
    target.unref();
    target.channel?.unref();
  }
}
