// One build at a time per site: a second `build`, or a `build` while `dev` serves the same site, is
// refused with one line naming the process that holds .cache/build.lock, and touches nothing. A
// lock whose process is gone is taken over.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../src/build.js';
import { startDev } from '../src/dev/index.js';
import { tracked } from './helpers/children.js';
import { snapshot } from './helpers/output.js';
import { article, makeSite, REPO, runCli } from './helpers/site.js';

const NOW = Date.parse('2026-01-01T00:00:00Z');
const ENV = { SOURCE_DATE_EPOCH: String(NOW / 1000) };

// site.config.mjs, not .ts: the CLI then loads no TypeScript loader (a fifth of a small build's
// CPU), and the config's format is not what these tests are about.
function siteFiles(title = 'Lock Times'): Record<string, string> {
  const files: Record<string, string> = { 'site.config.mjs': `export default { title: '${title}', pageSize: 3 };\n` };
  for (let i = 0; i < 6; i++) files[`content/2025/12/a${i}.md`] = article({ title: `Article ${i}`, date: `2025-12-0${1 + i} 10:00`, tags: `[Tag ${i % 2}]` });
  return files;
}

const busyLine = (pid: number, command: string, where = '') =>
  new RegExp(
    `^Build failed: Another Broadsheet process is working on this site: pid ${pid}${where} \\("${command}", started \\d+ s ago\\)\\. Wait for it to finish or stop it, then run this again \\(its lock is \\.cache/build\\.lock\\)\\.\\n$`,
  );

/** The fields of /proc/<pid>/stat after the command name: [0] the state (Z: zombie), [19] the start time. */
function procStat(pid: number): string[] {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/** Write a lock file as another process would have left it. */
function leaveLock(root: string, record: Record<string, unknown>): void {
  writeFileSync(path.join(root, '.cache/build.lock'), JSON.stringify({ command: 'broadsheet build', started: Date.now() - 5000, host: hostname(), ...record }));
}

describe('a second build of the same site', () => {
  it('while one is committing: refused with a line naming it, exit 1, and the first one finishes', async () => {
    const root = makeSite(siteFiles());
    await build({ root, now: NOW });
    writeFileSync(path.join(root, 'content/2025/12/a0.md'), article({ title: 'Article 0, edited', date: '2025-12-01 10:00', tags: '[Tag 0]' }));
    // The first build waits at its commit (BROADSHEET_HOLD_AT) until the second has tried.
    const first = tracked(spawn(process.execPath, [path.join(REPO, 'bin/broadsheet.js'), 'build', '--quiet'], { cwd: root, env: { ...process.env, ...ENV, BROADSHEET_HOLD_AT: 'commit' } }));
    await new Promise<void>((resolve) => first.stderr.on('data', (chunk: Buffer) => chunk.toString().includes('holding at commit') && resolve()));
    const finished = new Promise<number | null>((resolve) => first.on('exit', (code) => resolve(code)));

    const second = await runCli(['build'], root, ENV);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(busyLine(first.pid!, 'broadsheet build --quiet'));

    first.stdin.end('go on\n');
    expect(await finished).toBe(0);
    expect(readFileSync(path.join(root, 'dist/2025/12/01/article-0-edited/index.html'), 'utf8')).toContain('Article 0, edited');
    expect(existsSync(path.join(root, '.cache/build.lock'))).toBe(false);
  });

  it('while the dev server runs on it: refused naming the server; after it stops, builds', async () => {
    const root = makeSite(siteFiles());
    const dev = await startDev({ root, port: 0, now: () => NOW, threads: 1 });
    try {
      expect(dev.first.ok).toBe(true);
      const before = snapshot(path.join(root, 'dist'));
      const refused = await runCli(['build'], root, ENV);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(busyLine(process.pid, '[^"]+'));
      expect(snapshot(path.join(root, 'dist'))).toEqual(before);
    } finally {
      await dev.close();
    }
    // The server's lock is gone with it.
    expect(existsSync(path.join(root, '.cache/build.lock'))).toBe(false);
    await build({ root, now: NOW });
  });
});

describe('the dev server', () => {
  it('does not start on a site another process is building', async () => {
    const root = makeSite(siteFiles());
    await build({ root, now: NOW });
    // This test process stands in for a running build.
    leaveLock(root, { pid: process.pid });
    const result = await runCli(['dev', '--port', '0'], root, ENV);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`^Dev server failed: Another Broadsheet process is working on this site: pid ${process.pid} `));
  });
});

describe('a stale lock', () => {
  it('of a process that is gone (killed, crashed) is taken over, with the aside files it left', async () => {
    const root = makeSite(siteFiles());
    await build({ root, now: NOW });
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    leaveLock(root, { pid: Number(gone.stdout) });
    writeFileSync(path.join(root, '.cache/articles.json.999-0-3.tmp'), '{"half":');
    await build({ root, now: NOW });
    expect(existsSync(path.join(root, '.cache/build.lock'))).toBe(false);
    expect(existsSync(path.join(root, '.cache/articles.json.999-0-3.tmp'))).toBe(false);
  });

  it.runIf(existsSync('/proc/self/stat'))('of a pid now used by another process (its start time differs) is taken over', async () => {
    const root = makeSite(siteFiles());
    await build({ root, now: NOW });
    const other = tracked(spawn('sleep', ['30']));
    try {
      await new Promise((resolve) => other.once('spawn', resolve));
      leaveLock(root, { pid: other.pid, processStart: '1' });
      await build({ root, now: NOW });
      expect(existsSync(path.join(root, '.cache/build.lock'))).toBe(false);
    } finally {
      const gone = new Promise((resolve) => other.once('exit', resolve));
      other.kill();
      await gone;
    }
  });

  it.runIf(existsSync('/proc/self/stat'))('of a process killed but not yet reaped (a zombie, which still answers kill(pid, 0)) is taken over', async () => {
    const root = makeSite(siteFiles());
    await build({ root, now: NOW });
    // A parent that never reaps: sh starts the build's stand-in in the background, then becomes a
    // `sleep`, which never calls wait(). Only the stand-in holds fd 3: its closing says it died.
    const parent = tracked(spawn('sh', ['-c', 'sleep 600 & echo $!; exec sleep 600 3>&-'], { stdio: ['ignore', 'pipe', 'ignore', 'pipe'] }));
    try {
      const pid = Number(await new Promise<string>((resolve) => parent.stdout!.once('data', (chunk: Buffer) => resolve(chunk.toString()))));
      // Until sh has become `sleep`, it may still reap its child itself (dash looks for finished jobs between commands).
      while (readFileSync(`/proc/${parent.pid}/comm`, 'utf8').trim() !== 'sleep') await new Promise((resolve) => setImmediate(resolve));
      const started = procStat(pid)[19];
      const died = new Promise((resolve) => (parent.stdio[3] as NodeJS.ReadableStream).on('close', resolve).resume());
      process.kill(pid, 'SIGKILL');
      await died;
      // Its files are closed; the kernel marks it a zombie as the last step of its exit.
      while (procStat(pid)[0] !== 'Z') await new Promise((resolve) => setImmediate(resolve));
      expect(() => process.kill(pid, 0)).not.toThrow();
      expect(procStat(pid)[19]).toBe(started);

      leaveLock(root, { pid, processStart: started });
      writeFileSync(path.join(root, 'content/2025/12/a0.md'), article({ title: 'Article 0, edited', date: '2025-12-01 10:00', tags: '[Tag 0]' }));
      await build({ root, now: NOW });
      expect(readFileSync(path.join(root, 'dist/2025/12/01/article-0-edited/index.html'), 'utf8')).toContain('Article 0, edited');
      expect(existsSync(path.join(root, '.cache/build.lock'))).toBe(false);
    } finally {
      const gone = new Promise((resolve) => parent.on('exit', resolve));
      parent.kill('SIGKILL');
      await gone;
    }
  });

  it.runIf(existsSync('/proc/sys/kernel/random/boot_id'))('written before the machine rebooted (another boot id) is taken over, though its pid and start time match a live process', async () => {
    const root = makeSite(siteFiles());
    await build({ root, now: NOW });
    const other = tracked(spawn('sleep', ['600']));
    try {
      await new Promise((resolve) => other.once('spawn', resolve));
      leaveLock(root, { pid: other.pid, processStart: procStat(other.pid!)[19], boot: '00000000-0000-0000-0000-000000000000' });
      await build({ root, now: NOW });
      expect(existsSync(path.join(root, '.cache/build.lock'))).toBe(false);
    } finally {
      const gone = new Promise((resolve) => other.once('exit', resolve));
      other.kill();
      await gone;
    }
  });

  it('from another host is respected: it cannot be checked from here', async () => {
    const root = makeSite(siteFiles());
    await build({ root, now: NOW });
    leaveLock(root, { pid: 4242, host: 'ci-runner-7' });
    const result = await runCli(['build'], root, ENV);
    expect(result.stderr).toMatch(busyLine(4242, 'broadsheet build', ' on ci-runner-7'));
    expect(result.code).toBe(1);
  });
});
