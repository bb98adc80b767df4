// Test helper: whether a process group has ended, read from /proc. No waiting on the clock.

import { readdirSync, readFileSync } from 'node:fs';

/**
 * Resolves once no process of group `pgid` is running (a zombie, dead but not yet reaped by a
 * parent that is not ours, counts as ended: it writes nothing). Where there is no /proc, at once.
 */
export async function groupEnded(pgid: number): Promise<void> {
  while (groupMembers(pgid).length > 0) await new Promise((resolve) => setImmediate(resolve));
}

/** The pids of live (not zombie) processes in group `pgid`, from /proc. */
function groupMembers(pgid: number): number[] {
  let names: string[];
  try {
    names = readdirSync('/proc');
  } catch {
    return [];
  }
  const members: number[] = [];
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue;
    }
    // After the command name: state, ppid, pgrp, ...
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(pgrp) === pgid && state !== 'Z' && state !== 'X') members.push(Number(name));
  }
  return members;
}
