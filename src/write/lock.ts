// One build at a time per site. A build (or `check`, or the dev server for its whole life) holds
// .cache/build.lock, which names its process; a second one is refused with a line naming the
// first, instead of both writing .cache/ and the spare output tree at once.
//
// The lock file is made whole before it is visible (written aside, then hard-linked into place,
// which fails if it exists), so it is never empty. A lock whose process is gone (killed, crashed,
// Ctrl-C) is stale and is taken over. On Linux, /proc tells: the process is gone, or is a zombie
// (killed but not yet reaped by its parent, common in containers whose first process reaps
// nothing: it still answers kill(pid, 0)), or started at another time than the one that took the
// lock (a reused pid), or the machine booted since. Elsewhere a pid that answers kill(pid, 0) is
// taken as alive. A lock naming this very process's pid without this process holding it is a
// previous life (a container restarted with the same pid). A lock from another host cannot be
// checked, and is respected. Taking a lock also deletes the aside files killed processes left in
// the folder: while the lock is held, nothing else can be writing them.
//
// Within one process the lock is re-entrant: the dev server holds it, and its full rebuilds take
// it again. The lock is taken in a cache folder that is provably Broadsheet's (cache-folder.ts).

import { linkSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { claimCacheFolder, releaseCreatedCacheFolder } from './cache-folder.js';
import { isCode } from './fs-helpers.js';
import { explainSystemError, outcomeOf, SystemFailure, shownPath } from './os-errors.js';

const LOCK_FILE = 'build.lock';

/** What a lock file says about its holder. */
interface LockRecord {
  pid: number;
  command: string;
  /** When it took the lock, epoch ms. */
  started: number;
  host: string;
  /** The process's start time in clock ticks since boot (Linux), to tell a reused pid. */
  processStart?: string;
  /** The boot it started in (Linux): a start time means nothing after a reboot. */
  boot?: string;
}

/** A held lock; release it when the build is done. */
export interface SiteLock {
  /** The lock file. */
  readonly file: string;
  release(): void;
}

const held = new Map<string, { count: number; createdFolder: boolean }>();

/**
 * Take the site's lock in `folder` (the cache folder), or throw a SystemFailure naming the process
 * that holds it. Re-entrant within this process.
 */
export function lockSite(folder: string): SiteLock {
  try {
    return take(folder);
  } catch (error) {
    throw explainSystemError(error, outcomeOf(false)) ?? error;
  }
}

function take(folder: string): SiteLock {
  const file = path.join(folder, LOCK_FILE);
  const mine = held.get(file);
  if (mine) {
    mine.count++;
    return handle(file);
  }
  const { created: createdFolder } = claimCacheFolder(folder);
  const record: LockRecord = { pid: process.pid, command: commandLine(), started: Date.now(), host: hostname(), processStart: processOf(process.pid)?.start, boot: bootId() };
  for (let attempt = 0; attempt < 5; attempt++) {
    if (createExclusive(file, JSON.stringify(record))) {
      held.set(file, { count: 1, createdFolder });
      removeLeftovers(folder);
      return handle(file);
    }
    const other = readRecord(file);
    if (other === 'missing') continue;
    if (other && isAlive(other)) throw busy(file, other);
    takeAwayStale(file, other);
  }
  throw new SystemFailure(`Could not take the lock ${shownPath(file)}: other processes keep taking it. Wait for them to finish, then build again.`);
}

function handle(file: string): SiteLock {
  let released = false;
  return {
    file,
    release() {
      if (released) return;
      released = true;
      const entry = held.get(file);
      if (!entry || --entry.count > 0) return;
      held.delete(file);
      try {
        const record = readRecord(file);
        if (record && record !== 'missing' && record.pid === process.pid) rmSync(file, { force: true });
        // --no-cache leaves no .cache/ behind.
        if (entry.createdFolder) releaseCreatedCacheFolder(path.dirname(file));
      } catch {
        // A lock left behind names this process, which is about to be gone: the next build takes it over.
      }
    },
  };
}

/** Create `file` with `text` if it does not exist; false if it does. */
function createExclusive(file: string, text: string): boolean {
  const aside = `${file}.${process.pid}.tmp`;
  writeFileSync(aside, text);
  try {
    linkSync(aside, file);
    return true;
  } catch (error) {
    if (isCode(error, 'EEXIST')) return false;
    // A file system without hard links: an exclusive create, briefly empty.
    if (!isCode(error, 'EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS')) throw error;
    try {
      writeFileSync(file, text, { flag: 'wx' });
      return true;
    } catch (fallback) {
      if (isCode(fallback, 'EEXIST')) return false;
      throw fallback;
    }
  } finally {
    rmSync(aside, { force: true });
  }
}

/** The lock's record; 'missing' if it vanished meanwhile; undefined if it cannot be read as one. */
function readRecord(file: string): LockRecord | 'missing' | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if (isCode(error, 'ENOENT')) return 'missing';
    throw error;
  }
  try {
    const record = JSON.parse(text) as LockRecord;
    return typeof record.pid === 'number' ? record : undefined;
  } catch {
    return undefined;
  }
}

/** Is the process that wrote this record still running? */
function isAlive(record: LockRecord): boolean {
  if (record.host !== hostname()) return true;
  if (record.pid === process.pid) return false; // not held by this process (see held): a previous life
  try {
    process.kill(record.pid, 0);
  } catch (error) {
    if (isCode(error, 'ESRCH')) return false;
    // EPERM: alive, another user's.
  }
  const boot = bootId();
  if (record.boot && boot && record.boot !== boot) return false;
  const running = processOf(record.pid);
  // No /proc: kill(pid, 0) is all there is to go by. With one, a pid missing from it has just ended.
  if (!running) return processOf(process.pid) === undefined;
  // A zombie has finished: killed or exited, waiting only for its parent to collect its status.
  if (running.state === 'Z' || running.state === 'X' || running.state === 'x') return false;
  return !(record.processStart && running.start !== record.processStart);
}

/** Remove a stale lock, unless someone replaced it meanwhile (then put theirs back). */
function takeAwayStale(file: string, stale: LockRecord | undefined): void {
  const moved = `${file}.stale.${process.pid}`;
  try {
    renameSync(file, moved);
  } catch (error) {
    if (isCode(error, 'ENOENT')) return;
    throw error;
  }
  const taken = readRecord(moved);
  if (stale && taken && taken !== 'missing' && taken.pid !== stale.pid) {
    try {
      linkSync(moved, file);
    } catch {
      // Someone else holds it now: the next attempt sees theirs.
    }
  }
  rmSync(moved, { force: true });
}

/** The aside files writeFileAtomic and createExclusive make, and the stale locks takeAwayStale moves. */
const LEFTOVER = /^([\w.-]+\.\d+(-\d+-\d+)?\.tmp|build\.lock\.stale\.\d+)$/;

/** Delete the aside files that killed processes left in the folder (only names Broadsheet gives them). */
function removeLeftovers(folder: string): void {
  for (const name of readdirSync(folder)) {
    if (LEFTOVER.test(name)) rmSync(path.join(folder, name), { force: true });
  }
}

function busy(file: string, other: LockRecord): SystemFailure {
  const seconds = Math.round((Date.now() - other.started) / 1000);
  const when = Number.isFinite(seconds) && seconds >= 0 ? `, started ${seconds} s ago` : '';
  const where = other.host === hostname() ? '' : ` on ${other.host}`;
  return new SystemFailure(
    `Another Broadsheet process is working on this site: pid ${other.pid}${where} ("${other.command}"${when}). Wait for it to finish or stop it, then run this again (its lock is ${shownPath(file)}).`,
  );
}

/** How this process was started, as a user would type it: "broadsheet build --root x". */
function commandLine(): string {
  const script = path.basename(process.argv[1] ?? 'node').replace(/\.[cm]?[jt]s$/, '');
  return [script, ...process.argv.slice(2)].join(' ');
}

/**
 * A process's state (field 3 of /proc/<pid>/stat: R, S, D, Z for a zombie, ...) and start time
 * (field 22, clock ticks since boot), where there is a /proc; undefined without one or when the
 * process is gone.
 */
function processOf(pid: number): { state: string; start: string } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may itself hold spaces and parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0] ?? '', start: fields[19] ?? '' };
  } catch {
    return undefined;
  }
}

/** This boot's id (Linux), or undefined. */
function bootId(): string | undefined {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return undefined;
  }
}
