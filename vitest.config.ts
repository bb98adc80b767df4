import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Integration tests build whole sites in temp folders and spawn the CLI: give them room on a
    // loaded 2-core machine. These are limits against hangs, not performance assertions.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
