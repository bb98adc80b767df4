// `broadsheet <command>`: runs the program (cli/program.ts) and sets the exit code.
// Exit codes: 0 success, 1 content/template/config errors (and the machine's), 2 usage errors.

import { runProgram } from './cli/program.js';
import { paint } from './cli/output.js';

try {
  process.exitCode = await runProgram(process.argv.slice(2));
} catch (error) {
  // Not the user's input: a bug in Broadsheet or the machine (disk full, permissions).
  console.error(paint('red', 'broadsheet: unexpected error'), error);
  process.exitCode = 1;
}

// The command is done: end here, once what was printed has been flushed, rather than when nothing
// is left running. A site's config may have started something that never ends (a timer, a
// server), and a config that never finished loading is still running.
process.stdout.write('', () => process.stderr.write('', () => process.exit()));
