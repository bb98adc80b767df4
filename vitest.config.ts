import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';

// Test what ships: without this, Vitest resolves the "development" export condition and loads the
// dev builds of unified's packages, whose internal assertions fail on some odd-but-valid Markdown
// (e.g. "*\n[x] a" trips one in mdast-util-gfm-task-list-item) where production code does not.
process.env.NODE_ENV = 'production';

// Files that need a module graph of their own: vi.mock replaces a module only for modules loaded
// after it, so a file that mocks one must not find the build already loaded by another file.
const ISOLATED = ['test/templates.test.ts'];

export default defineConfig({
  test: {
    // Integration tests build whole sites in temp folders and spawn the CLI: give them room on a
    // loaded 2-core machine (the longest took 32 s with two CPU hogs running beside other work).
    // These are limits against hangs, not performance assertions.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // expect.poll waits for a browser or a server to get somewhere: a limit against hangs too, not
    // its default 1 s, which a busy machine can overrun.
    expect: { poll: { timeout: 30_000 } },
    setupFiles: ['test/setup.ts'],
    // Threads start faster than forked processes. Every core runs a file: Vitest's default leaves
    // one idle (one worker on 2 cores), while these tests spend much of their time waiting on
    // spawned CLIs, watchers and servers.
    pool: 'threads',
    maxWorkers: availableParallelism(),
    projects: [
      // Test files share a worker's modules instead of loading unified, LiquidJS, cheerio and
      // src/ again for each file (a third of the suite's CPU time when they did). Shared-module
      // helpers therefore keep no per-file state: temp folders are removed by test/setup.ts.
      // The dev server's tests run among the others: each change they make is taken as one batch
      // whatever the load (batchTestHooks in src/dev/watch.ts).
      { extends: true, test: { name: 'shared', include: ['test/**/*.test.ts'], exclude: [...configDefaults.exclude, ...ISOLATED], isolate: false } },
      { extends: true, test: { name: 'isolated', include: ISOLATED } },
    ],
  },
});
