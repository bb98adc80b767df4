// Test helper: the processes of this machine as /proc lists them, and whether a process group has
// ended. No waiting on the clock.

import { readdirSync, readFileSync } from 'node:fs';

/** A process as /proc/<pid>/stat tells it. */
export interface ProcessEntry {
  pid: number;
  /** The command name (in parentheses in the stat line). */
  command: string;
  /** R, S, D, Z (a zombie), X... */
  state: string;
  ppid: number;
  pgrp: number;
}

/** Every process /proc lists (none where there is no /proc); one that ends while read is left out. */
export function processes(): ProcessEntry[] {
  let names: string[];
  try {
    names = readdirSync('/proc');
  } catch {
    return [];
  }
  const found: ProcessEntry[] = [];
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue;
    }
    // The command name may hold spaces and parentheses: the fields start after the last ")".
    const [state, ppid, pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    found.push({ pid: Number(name), command: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')), state: state!, ppid: Number(ppid), pgrp: Number(pgrp) });
  }
  return found;
}

/**
 * Resolves once no process of group `pgid` is running (a zombie, dead but not yet reaped by a
 * parent that is not ours, counts as ended: it writes nothing). Where there is no /proc, at once.
 */
export async function groupEnded(pgid: number): Promise<void> {
  const live = () => processes().some((entry) => entry.pgrp === pgid && entry.state !== 'Z' && entry.state !== 'X');
  while (live()) await new Promise((resolve) => setImmediate(resolve));
}
