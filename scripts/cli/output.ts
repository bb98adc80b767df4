// How the CLI prints for people: colour on a terminal (none with NO_COLOR or in a pipe), problems
// to stderr in the text format, and the closing line of a command that failed.

import { styleText } from 'node:util';
import { errorsDocFrom } from '../../src/installation.js';
import { BuildFailure, formatProblems, type Problem } from '../../src/problems/index.js';
import { explainSystemError } from '../../src/write/os-errors.js';

const useColor = process.stderr.isTTY && !process.env.NO_COLOR;

/** `text` in `style` on a terminal, as it is elsewhere. */
export function paint(style: Parameters<typeof styleText>[0], text: string): string {
  return useColor ? styleText(style, text) : text;
}

/**
 * Problems of the site in `root` in the text format, to stderr; nothing for none. Their files are
 * relative to the root, and so is the `see:` line leading to each code in docs/errors.md.
 */
export function printProblems(problems: readonly Problem[], root: string): void {
  if (problems.length > 0) console.error(formatProblems(problems, errorsDocFrom(root)));
}

/** "Build failed: 2 errors in 1 file. Nothing was written; ..." after the problems. */
export function failureLine(problems: readonly Problem[], failed: string, unchanged: string): string {
  const errors = problems.filter((p) => p.severity === 'error');
  const files = new Set(errors.map((p) => p.file)).size;
  return paint('red', `${failed}: ${errors.length} error${errors.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}.`) + ` ${unchanged}`;
}

/** How a command's failure reads: a failed build must say the old output is intact. */
export interface FailureWords {
  /** "Build failed" */
  failed: string;
  /** What became of the output: "Nothing was written; the previous output is unchanged." */
  unchanged: string;
}

/** Where a command's outcome goes: the text format on stdout and stderr, or a machine format (reporter.ts). */
export interface Reporter {
  /** Problems that did not stop the command. */
  warnings(problems: readonly Problem[]): void;
  /** A line for people (a note, what was left out); machine formats may drop it. */
  note(line: string): void;
  /** The command's closing line; it succeeded. */
  finished(summary: string): void;
  /** The command stopped on the content's problems. */
  failed(problems: readonly Problem[], words: FailureWords): void;
  /** The command stopped for another reason (a folder that is not a site, a full disk, an interrupt). */
  stopped(message: string): void;
}

/** The text format for the site in `root`: problems and failures to stderr, notes and the summary to stdout. */
export function textReporter(root: string): Reporter {
  return {
    warnings: (problems) => printProblems(problems, root),
    note: (line) => console.log(line),
    finished: (summary) => console.log(summary),
    failed(problems, words) {
      printProblems(problems, root);
      console.error(`\n${failureLine(problems, words.failed, words.unchanged)}`);
    },
    stopped: (message) => console.error(paint('red', message)),
  };
}

/**
 * Run a command, turning the user's problems into the exit code 1 (reported by `reporter`):
 * the content's (BuildFailure) and the machine's (a full disk, a folder this user may not write,
 * another build). Anything else is a bug, and is thrown on.
 */
export async function reportingFailures(words: FailureWords, reporter: Reporter, run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof BuildFailure) {
      reporter.failed(error.problems, words);
      return 1;
    }
    const system = explainSystemError(error);
    if (!system) throw error;
    reporter.stopped(`${words.failed}: ${system.message}`);
    return 1;
  }
}
