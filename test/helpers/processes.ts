// Test helpers for builds run as processes of their own, the way a user's shell or CI runs them:
// each `broadsheet build` leads a process group (its worker threads and Pagefind's processes are
// in it), and a test waits until every process of the group has ended before it looks at, or
// removes, the folders they wrote. No waiting on the clock: on events, or on /proc.

import { spawn } from 'node:child_process';
import path from 'node:path';
import { tracked } from './children.js';
import { groupEnded } from './process-groups.js';
import { REPO } from './site.js';

/** How a build process ended: its exit code, or the signal that ended it, and its stderr. */
export interface BuildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/**
 * Run `broadsheet build ...args` in `root` as the leader of a new process group, with `env`
 * added; resolves once it and every other process of its group have ended.
 */
export async function runBuildGroup(root: string, args: string[], env: Record<string, string>): Promise<BuildExit> {
  const child = tracked(
    spawn(process.execPath, [path.join(REPO, 'bin/broadsheet.js'), 'build', ...args], {
      cwd: root,
      env: { ...process.env, NO_COLOR: '1', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
      detached: true,
    }),
    { group: true },
  );
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('close', (c, s) => resolve([c, s])));
  await groupEnded(child.pid!);
  return { code, signal, stderr };
}
