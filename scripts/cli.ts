// `broadsheet <command>`: parses arguments, calls src/, prints, sets the exit code.
// Exit codes: 0 success, 1 content/template/config errors, 2 usage errors.

import { constants as osConstants } from 'node:os';
import path from 'node:path';
import { parseArgs, styleText, type ParseArgsConfig } from 'node:util';
import { BuildFailure, formatProblems, type Problem } from '../src/problems/index.js';
import { leftOutLines, noProgress, plainProgress, summaryLine, terminalProgress } from '../src/report.js';
import { VERSION } from '../src/version.js';
import { explainSystemError } from '../src/write/os-errors.js';

const USAGE = `Usage: broadsheet <command> [options]
       broadsheet --version | --help

Commands:
  build                 build content/ into dist/
  check                 validate content, templates and config without writing dist/
  dev                   build, serve on http://127.0.0.1:4321/, rebuild on change, reload the browser
                        [--port N] [--host H] (and the build options below but --no-cache)
  new "Title"           write a new article: --topic NAME --tags A,B [--date ISO] [--slug SLUG]
  import SOURCE         import into content/: a WordPress export, an RSS/Atom/JSON Feed file, a Jekyll,
                        Hugo, Zola or Eleventy folder, or a plain-text dump (see import --help)

Build and check options:
  --root DIR            site folder (default .)
  --out DIR             output folder (default from config, dist)
  --base-url URL        absolute URL the site is served from
  --drafts              include drafts
  --future              include articles dated after the build time
  --expired             include articles past their expires date
  --strict              warnings (unknown fields, ...) are errors
  --no-cache            render every article and page; neither read nor update .cache/
  --threads N|auto      threads rendering articles (default auto: one per core for big jobs)
  --quiet               print errors only
  --stats FILE          write the build's figures as JSON: counts, peak memory, time per phase
`;

class UsageError extends Error {}

const useColor = process.stderr.isTTY && !process.env.NO_COLOR;
const paint = (style: Parameters<typeof styleText>[0], text: string) => (useColor ? styleText(style, text) : text);

/** Each command, and how its failure reads: a failed build must say the old output is intact. */
const COMMANDS: Record<string, { run: (args: string[]) => Promise<number>; failed: string; unchanged: string }> = {
  build: { run: (args) => runBuild(args, false), failed: 'Build failed', unchanged: 'Nothing was written; the previous output is unchanged.' },
  check: { run: (args) => runBuild(args, true), failed: 'Check failed', unchanged: 'Nothing is written by check.' },
  dev: { run: runDev, failed: 'Dev server failed', unchanged: 'The previous output is unchanged.' },
  new: { run: runNew, failed: 'No article written', unchanged: 'No file was created.' },
  import: { run: runImport, failed: 'Import failed', unchanged: 'Nothing was written: fix the source and import again.' },
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    process.stdout.write(USAGE);
    return name === undefined ? 2 : 0;
  }
  if (name === '-v' || name === '--version') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) throw new UsageError(`unknown command "${name}"`);
  try {
    return await command.run(rest);
  } catch (error) {
    if (error instanceof BuildFailure) {
      reportFailure(error, command.failed, command.unchanged);
      return 1;
    }
    // The machine, not the content: a full disk, a folder this user may not write, another build.
    const system = explainSystemError(error);
    if (system) {
      console.error(`${paint('red', `${command.failed}:`)} ${system.message}`);
      return 1;
    }
    throw error;
  }
}

function parse<const O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O, allowPositionals = false) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** The flags `build`, `check` and `dev` share: where the site is, what goes in, how many threads. */
const SITE_FLAGS = {
  root: { type: 'string' },
  out: { type: 'string' },
  'base-url': { type: 'string' },
  drafts: { type: 'boolean' },
  future: { type: 'boolean' },
  expired: { type: 'boolean' },
  strict: { type: 'boolean' },
  threads: { type: 'string' },
} as const;

function siteOptions(values: { [K in keyof typeof SITE_FLAGS]?: (typeof SITE_FLAGS)[K]['type'] extends 'string' ? string : boolean }) {
  const threads: number | 'auto' = values.threads === undefined || values.threads === 'auto' ? 'auto' : Number(values.threads);
  if (threads !== 'auto' && (!Number.isInteger(threads) || threads < 1)) throw new UsageError(`--threads must be "auto" or a whole number of at least 1, got "${values.threads}"`);
  return {
    root: values.root,
    outDir: values.out,
    baseUrl: values['base-url'],
    drafts: values.drafts,
    future: values.future,
    expired: values.expired,
    strict: values.strict,
    threads,
  };
}

async function runBuild(args: string[], checkOnly: boolean): Promise<number> {
  const { values } = parse(args, { ...SITE_FLAGS, 'no-cache': { type: 'boolean' }, quiet: { type: 'boolean' }, stats: { type: 'string' } });
  const quiet = values.quiet ?? false;
  // Loaded here, not at the top: `broadsheet --help` and a usage error need none of the pipeline.
  const { build, BuildInterrupted } = await import('../src/build.js');
  const { MemoryWriter } = await import('../src/write/memory-writer.js');
  const { endSearchProcesses } = await import('../src/search/pagefind.js');
  const { checkStatsFile, writeStatsFile } = await import('../src/write/stats-file.js');
  // Refused before building, not after the new site is in place.
  if (values.stats) checkStatsFile(values.stats);
  const interrupt = interruptOnSignals();
  let result;
  try {
    result = await build({
      ...siteOptions(values),
      cache: !values['no-cache'],
      writer: checkOnly ? new MemoryWriter({ keepContents: false }) : undefined,
      progress: quiet ? noProgress : process.stderr.isTTY && !process.env.CI ? terminalProgress(process.stderr) : plainProgress((line) => console.log(line)),
      signal: interrupt.signal,
    });
  } catch (error) {
    if (!(error instanceof BuildInterrupted)) throw error;
    console.error(paint('red', error.message));
    return interrupt.exitCode();
  } finally {
    interrupt.dispose();
    // Pagefind's processes end with the build, reaped: none is left for the system to adopt.
    await endSearchProcesses();
  }
  printProblems(result.warnings);
  // Peak RSS of the whole process, worker threads included (they share it).
  if (values.stats) {
    try {
      writeStatsFile(values.stats, { ...result.stats, peakRssMb: process.resourceUsage().maxRSS / 1024 });
    } catch (error) {
      const system = explainSystemError(error, checkOnly ? '' : 'The new site is in place; only its figures were not written.');
      if (!system) throw error;
      console.error(`${paint('red', 'Build figures not written:')} ${system.message}`);
      return 1;
    }
  }
  if (!quiet) {
    if (result.cacheNotice) console.log(`Note: ${result.cacheNotice}.`);
    for (const line of leftOutLines(result.site.leftOut)) console.log(line);
    console.log(summaryLine(result.stats, checkOnly ? 'Checked' : 'Built'));
  }
  if (interrupt.signal.aborted) {
    console.error(paint('red', 'Interrupted after the build finished: the new site is in place.'));
    return interrupt.exitCode();
  }
  return 0;
}

/**
 * SIGINT (Ctrl-C) and SIGTERM abort the returned signal, so the build ends its threads and child
 * processes and releases its lock; the exit code is then 128 + the signal's number (130, 143). A
 * second signal ends the process at once: the output folder is whole either way.
 */
function interruptOnSignals(): { signal: AbortSignal; exitCode(): number; dispose(): void } {
  const controller = new AbortController();
  let received: NodeJS.Signals | undefined;
  const exitCode = () => 128 + (received ? osConstants.signals[received] : 0);
  const onSignal = (name: NodeJS.Signals) => {
    if (received) {
      console.error(paint('red', `Interrupted again: stopping now. The output folder is one whole site; the next build finishes what this one started.`));
      process.exit(exitCode());
    }
    received = name;
    controller.abort(name);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    signal: controller.signal,
    exitCode,
    dispose() {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}

async function runDev(args: string[]): Promise<number> {
  const { values } = parse(args, { ...SITE_FLAGS, port: { type: 'string' }, host: { type: 'string' } });
  const { startDev, DEFAULT_PORT, DEFAULT_HOST, PortInUseError } = await import('../src/dev/index.js');
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a whole number from 0 to 65535, got "${values.port}"`);
  const time = () => new Date().toTimeString().slice(0, 8);
  let handle;
  try {
    handle = await startDev({
      ...siteOptions(values),
      host: values.host ?? DEFAULT_HOST,
      port,
      progress: process.stderr.isTTY && !process.env.CI ? terminalProgress(process.stderr) : noProgress,
      onUpdate(result, paths) {
        const cause = paths.length === 0 ? '' : ` (${paths.length === 1 ? path.relative(process.cwd(), paths[0]!) : `${paths.length} files`})`;
        if (!result.ok) {
          console.error(`${time()} ${paint('red', 'Not rebuilt')}${cause}: the last good pages are still served.`);
          printProblems(result.problems);
          return;
        }
        printProblems(result.warnings);
        if (result.build) console.log(`${time()} ${summaryLine(result.build.stats, 'Built')}`);
        else if (result.mode === 'content') console.log(`${time()} Updated ${result.changed.length} files (${result.pagesRendered} pages rendered) in ${Math.round(result.milliseconds)} ms${cause}`);
      },
      onError(error) {
        // A full disk and the like in one line; anything else is a bug, with its stack.
        const system = explainSystemError(error);
        if (system) console.error(`${time()} ${paint('red', 'Not rebuilt')}: ${system.message}`);
        else console.error(`${time()} ${paint('red', 'Broadsheet failed')}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      },
    });
  } catch (error) {
    if (error instanceof PortInUseError) {
      console.error(paint('red', error.message));
      return 1;
    }
    throw error;
  }
  console.log(`Serving ${paint('bold', handle.url)} (Ctrl-C to stop). Watching content/, templates/, static/ and the config.`);
  const opened = handle;
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      console.log('\nStopping.');
      void opened
        .close()
        .then(async () => (await import('../src/search/pagefind.js')).endSearchProcesses())
        .then(resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  return 0;
}

async function runNew(args: string[]): Promise<number> {
  const { values, positionals } = parse(
    args,
    { root: { type: 'string' }, topic: { type: 'string' }, tags: { type: 'string' }, date: { type: 'string' }, slug: { type: 'string' } },
    true,
  );
  const title = positionals.join(' ').trim();
  if (!title) throw new UsageError('new needs a title: broadsheet new "Headline" --topic Culture');
  const { createArticle } = await import('../src/authoring/new.js');
  const file = await createArticle({
    root: values.root ?? '.',
    title,
    topic: values.topic,
    tags: values.tags?.split(',').map((tag) => tag.trim()).filter(Boolean),
    date: values.date,
    slug: values.slug,
  });
  console.log(`Wrote ${file}`);
  return 0;
}

const IMPORT_USAGE = `Usage: broadsheet import SOURCE [options]

SOURCE is recognised, or named with --from:
  wxr        a WordPress export (Tools > Export), .xml
  rss, atom  an RSS 2.0 or Atom feed file
  jsonfeed   a JSON Feed file
  jekyll, hugo, zola, eleventy
             a site folder (or its posts folder)
  dump       a plain-text feed dump (the seed's format)

Options:
  --root DIR      site folder to import into (default .)
  --from FORMAT   the source's format, instead of detecting it
  --uploads DIR   WordPress: a copy of wp-content/uploads, to copy the posts' images from
  --dry-run       report what would be written; write nothing
  --force         write again articles an earlier import of this source wrote
  --quiet         print errors and warnings only

Articles go to content/YYYY/MM/; old URLs become aliases (redirects). Nothing is fetched from the
network. Run it again to add what is new: articles already imported are left alone.
`;

async function runImport(args: string[]): Promise<number> {
  const { values, positionals } = parse(
    args,
    { root: { type: 'string' }, from: { type: 'string' }, uploads: { type: 'string' }, force: { type: 'boolean' }, 'dry-run': { type: 'boolean' }, quiet: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    true,
  );
  if (values.help) {
    process.stdout.write(IMPORT_USAGE);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('import needs a source: broadsheet import export.xml (broadsheet import --help lists the formats)');
  const { importSource, importSummary, IMPORT_FORMATS } = await import('../src/authoring/importers/import.js');
  if (values.from !== undefined && !IMPORT_FORMATS.includes(values.from.toLowerCase())) {
    throw new UsageError(`--from must be one of ${IMPORT_FORMATS.join(', ')}; got "${values.from}"`);
  }
  const dryRun = values['dry-run'] ?? false;
  for (const input of positionals) {
    const outcome = await importSource(input, { root: values.root ?? '.', from: values.from, uploads: values.uploads, force: values.force, dryRun });
    printProblems(outcome.problems);
    if (!values.quiet) {
      for (const file of outcome.written) console.log(`${dryRun ? 'Would write' : 'Wrote'} ${file}`);
      if (outcome.format === 'dump') for (const file of outcome.alreadyImported) console.log(`Skipped ${file} (exists; --force to overwrite)`);
      console.log(importSummary(outcome, input, dryRun));
    }
  }
  return 0;
}

function printProblems(problems: readonly Problem[]): void {
  if (problems.length > 0) console.error(formatProblems(problems));
}

function reportFailure(failure: BuildFailure, failed: string, unchanged: string): void {
  const errors = failure.problems.filter((p) => p.severity === 'error');
  const files = new Set(errors.map((p) => p.file)).size;
  console.error(formatProblems(failure.problems));
  console.error(
    paint('red', `\n${failed}: ${errors.length} error${errors.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}.`) + ` ${unchanged}`,
  );
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError) {
    console.error(`broadsheet: ${error.message}\n\n${USAGE}`);
    process.exitCode = 2;
  } else {
    // Not the user's input: a bug in Broadsheet or the machine (disk full, permissions).
    console.error(paint('red', 'broadsheet: unexpected error'), error);
    process.exitCode = 1;
  }
}

// The command is done: end here, once what was printed has been flushed, rather than when nothing
// is left running. A site's config may have started something that never ends (a timer, a
// server), and a config that never finished loading is still running.
process.stdout.write('', () => process.stderr.write('', () => process.exit()));
