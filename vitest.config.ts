import { defineConfig } from 'vitest/config';

// Test what ships: without this, Vitest resolves the "development" export condition and loads the
// dev builds of unified's packages, whose internal assertions fail on some odd-but-valid Markdown
// (e.g. "*\n[x] a" trips one in mdast-util-gfm-task-list-item) where production code does not.
process.env.NODE_ENV = 'production';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Integration tests build whole sites in temp folders and spawn the CLI: give them room on a
    // loaded 2-core machine. These are limits against hangs, not performance assertions.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
