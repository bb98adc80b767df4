#!/usr/bin/env node
// The `broadsheet` command. Broadsheet ships as TypeScript; tsx compiles it on load, so there is no
// build step between a checkout and a working CLI.
import { register } from 'tsx/esm/api';

register();
try {
  await import('../scripts/cli.ts');
} catch (error) {
  // Loading opens hundreds of module files at once; the CLI's own messages (src/write/os-errors.ts)
  // are not loaded yet when the limit on open files stops it.
  if (error?.code !== 'EMFILE' && error?.code !== 'ENFILE') throw error;
  console.error(`broadsheet: too many open files while starting (${error.code}). Raise the limit (ulimit -n 4096), then run this again.`);
  process.exitCode = 1;
}
