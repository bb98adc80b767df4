// The `broadsheet` command asks Node for its compile cache (Node 22.1 and later: V8's compiled code
// of the bundle kept between commands) and hands the cache's folder to the worker threads it starts
// through the environment. Node 20 has no such cache, so a preload stands in for Node's function
// here: it records the call and what the command's environment says when it exits.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/site.js';

const dir = mkdtempSync(path.join(tmpdir(), 'broadsheet-compile-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A preload that replaces module.enableCompileCache with a recorder answering `answer`. */
function preload(name: string, answer: object): { options: string; record: string } {
  const record = path.join(dir, `${name}.json`);
  const file = path.join(dir, `${name}.mjs`);
  writeFileSync(
    file,
    `import module from 'node:module';
import { writeFileSync } from 'node:fs';
const calls = [];
module.enableCompileCache = (...args) => { calls.push(args); return ${JSON.stringify(answer)}; };
process.on('exit', () => writeFileSync(${JSON.stringify(record)}, JSON.stringify({ calls, env: process.env.NODE_COMPILE_CACHE ?? null })));
`,
  );
  return { options: `--import ${pathToFileURL(file).href}`, record };
}

describe('the compile cache', () => {
  it('is asked for once as the command starts, and its folder is handed on to worker threads', async () => {
    const { options, record } = preload('enabled', { status: 1, directory: '/var/tmp/node-compile-cache' });
    const result = await runCli(['--version'], dir, { NODE_OPTIONS: options });
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    expect(JSON.parse(readFileSync(record, 'utf8'))).toEqual({ calls: [[]], env: '/var/tmp/node-compile-cache' });
  });

  it('hands nothing on when Node keeps no cache (NODE_DISABLE_COMPILE_CACHE=1, say)', async () => {
    const { options, record } = preload('disabled', { status: 3 });
    const result = await runCli(['--version'], dir, { NODE_OPTIONS: options });
    expect(result.code).toBe(0);
    expect(JSON.parse(readFileSync(record, 'utf8'))).toEqual({ calls: [[]], env: null });
  });
});
