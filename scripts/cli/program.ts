// Every command and flag of `broadsheet`, defined with commander: per-command --help, "did you
// mean" for a misspelled command or flag, and bad values refused before anything runs. A usage
// error (unknown command or flag, bad value, missing argument) exits 2. The commands themselves
// are in the files beside this one, loaded only when run; docs/cli.md is generated from these
// definitions (reference.ts).

import { Command, CommanderError, Help, InvalidArgumentError, Option } from 'commander';
import { IMPORT_FORMATS } from '../../src/problems/imports.js';
import { nearestName } from '../../src/problems/suggestions.js';
import { VERSION } from '../../src/version.js';
import { FORMATS } from './formats.js';

/** The formats --from takes: the detector's names and their aliases. */
const FROM_FORMATS = [...IMPORT_FORMATS, 'wordpress', 'json-feed'];

/** A flag's value parser that refuses, as a usage error, what `accept` returns undefined for. */
function parsed<T>(accept: (value: string) => T | undefined, expected: string | ((value: string) => string)) {
  return (value: string): T => {
    const result = accept(value);
    if (result === undefined) throw new InvalidArgumentError(typeof expected === 'string' ? expected : expected(value));
    return result;
  };
}

const wholeNumber = (value: string, min: number, max: number) => (/^\d+$/.test(value) && Number(value) >= min && Number(value) <= max ? Number(value) : undefined);
const threads = parsed<number | 'auto'>((value) => (value === 'auto' ? 'auto' : wholeNumber(value, 1, 1024)), 'Expected "auto" or a whole number of at least 1.');
const port = parsed((value) => wholeNumber(value, 0, 65535), 'Expected a whole number from 0 to 65535 (0 picks a free port).');
const url = parsed((value) => (/^https?:\/\//i.test(value) && URL.canParse(value) ? value : undefined), 'Expected an absolute http(s) URL such as https://example.org/news/.');
const importFormat = parsed(
  (value) => (FROM_FORMATS.includes(value.toLowerCase()) ? value.toLowerCase() : undefined),
  (value) => {
    const nearest = nearestName(value, FROM_FORMATS);
    return `${nearest ? `Did you mean ${nearest}? ` : ''}Expected one of ${IMPORT_FORMATS.join(', ')}.`;
  },
);

/** Where commander writes help and usage errors: stdout and stderr unless a test says otherwise. */
export interface ProgramOutput {
  writeOut(text: string): void;
  writeErr(text: string): void;
}

const STANDARD_OUTPUT: ProgramOutput = { writeOut: (text) => process.stdout.write(text), writeErr: (text) => process.stderr.write(text) };

/** Errors go out as "broadsheet build: unknown option ..." with a pointer to the command's help. */
function configure(command: Command, name: string, output: ProgramOutput): Command {
  const prefix = name === 'broadsheet' ? 'broadsheet' : `broadsheet ${name}`;
  return command
    .exitOverride()
    .configureOutput({ ...output, outputError: (text, write) => write(text.replace(/^error: /, `${prefix}: `)) })
    .showHelpAfterError(`(${prefix} --help lists ${name === 'broadsheet' ? 'the commands' : 'its flags'})`)
    .helpOption('-h, --help', 'show this help')
    // One line per flag and command: defaults and choices are in the descriptions, commands by name.
    .configureHelp({ optionDescription: (option) => option.description, subcommandTerm: (sub) => sub.name() });
}

/** The flags build, check and dev share: where the site is, what goes in, how many threads. */
function siteFlags(command: Command): Command {
  return command
    .option('--root <dir>', 'the site folder (default: the current folder)')
    .option('--out <dir>', 'output folder (default: the config\'s outDir, dist)')
    .option('--base-url <url>', 'absolute URL the site is served from', url)
    .option('--drafts', 'include drafts')
    .option('--future', 'include articles dated after the build time')
    .option('--expired', 'include articles past their expires date')
    .option('--strict', 'warnings (misspelled fields, broken links) are errors')
    .option('--threads <n>', 'threads rendering articles: a number, or auto (default)', threads, 'auto' as const);
}

function formatOption(): Option {
  return new Option('--format <format>', 'text (default), github (annotations) or json').choices(FORMATS).default('text');
}

/**
 * The `broadsheet` program. Each action sets the exit code `exitCode()` returns; a usage error
 * throws a CommanderError (see runProgram). `output` receives help and usage errors.
 */
export function createProgram(output: ProgramOutput = STANDARD_OUTPUT): { program: Command; exitCode(): number } {
  let code = 0;
  const program = configure(new Command('broadsheet'), 'broadsheet', output)
    .description('A static site generator for news: content/ in, a news site out in dist/.')
    .version(VERSION, '-v, --version', 'print the version')
    .helpCommand('help [command]', 'show the help of a command');

  const command = (name: string, summary: string) => withNotes(configure(program.command(name), name, output).description(summary), name);

  siteFlags(command('build', 'build content/ into dist/'))
    .option('--no-cache', 'render everything; neither read nor write .cache/')
    .option('--quiet', 'print errors only')
    .option('--stats <file>', "write the build's figures to a JSON file")
    .addOption(formatOption())
    .action(async (flags) => {
      code = await (await import('./build.js')).runBuild('build', flags);
    });

  siteFlags(command('check', 'check content, templates and links; write nothing'))
    .option('--quiet', 'print errors only')
    .option('--stats <file>', "write the check's figures to a JSON file")
    .addOption(formatOption())
    // Accepted as before; check never uses the cache now.
    .addOption(new Option('--no-cache').hideHelp())
    .action(async (flags) => {
      code = await (await import('./build.js')).runBuild('check', flags);
    });

  siteFlags(command('dev', 'serve the site on 127.0.0.1:4321, rebuilt and reloaded on change'))
    .option('--port <n>', 'port to listen on (default: 4321; 0 picks a free one)', port)
    .option('--host <host>', 'address to listen on (default: 127.0.0.1, this machine)')
    .action(async (flags) => {
      code = await (await import('./dev.js')).runDev(flags);
    });

  const newCommand = command('new', 'write a new article (a draft) with valid front-matter')
    .argument('[title...]', 'the headline')
    .option('--root <dir>', 'the site folder (default: the current folder)')
    .option('--topic <name>', 'its topic (section), such as Culture')
    .option('--tags <list>', 'its tags, separated by commas: Almaty,UNESCO')
    .option('--date <date>', 'its date, such as 2025-12-18 19:20 (default: now)')
    .option('--slug <slug>', 'its URL name (default: made from the title)')
    .option('--lang <code>', 'its language on a multilingual site: content/<code>/')
    .action(async (words: string[], flags) => {
      const { isArticleDate } = await import('../../src/authoring/new.js');
      if (flags.date !== undefined && !isArticleDate(flags.date)) {
        const { DATE_FORMS } = await import('../../src/problems/catalogue.js');
        newCommand.error(`broadsheet new: option '--date <date>' argument '${flags.date}' is invalid. Expected ${DATE_FORMS}.`, { exitCode: 2, code: 'broadsheet.usage' });
      }
      const title = words.join(' ').trim();
      if (!title) newCommand.error('broadsheet new: a title is needed: broadsheet new "Headline" --topic Culture', { exitCode: 2, code: 'broadsheet.usage' });
      code = await (await import('./authoring.js')).runNew(title, flags);
    });

  const importCommand = command('import', 'import articles into content/ from another system')
    .argument('[sources...]', 'a WordPress export, a feed file, a site folder or a text dump')
    .option('--root <dir>', 'site folder to import into (default: the current folder)')
    .option('--from <format>', "the source's format, if not detected (see below)", importFormat)
    .option('--uploads <dir>', 'WordPress: a copy of wp-content/uploads, for the images')
    .option('--dry-run', 'say what would be written; write nothing')
    .option('--force', 'write again what an earlier import of this source wrote')
    .option('--quiet', 'print errors and warnings only')
    .action(async (sources: string[], flags) => {
      if (sources.length === 0) importCommand.error('broadsheet import: a source is needed: broadsheet import export.xml (broadsheet import --help lists the formats)', { exitCode: 2, code: 'broadsheet.usage' });
      code = await (await import('./authoring.js')).runImport(sources, flags);
    });

  const initCommand = command('init', 'start a new site: config, an article, scripts, deploy workflow')
    .argument('[dir]', 'the folder to start it in (default: the current folder)')
    .option('--title <title>', 'the name of the site')
    .option('--base-url <url>', 'the address it will be served from')
    .option('--lang <code>', 'the language of its pages (default: en)')
    .option('--time-zone <zone>', "its time zone (default: this machine's)")
    .addOption(new Option('--template <name>', 'sample (default: a welcome article) or minimal (none)').choices(['sample', 'minimal']).default('sample'))
    .option('--no-install', 'do not run npm install')
    .option('--no-git', 'do not start a git repository')
    .option('-y, --yes', 'ask nothing: the flags given, defaults for the rest')
    .option('--force', 'add the missing files to a folder that is not empty')
    .action(async (dir: string | undefined, flags) => {
      const usage = (message: string): never => initCommand.error(`broadsheet init: ${message}`, { exitCode: 2, code: 'broadsheet.usage' });
      code = await (await import('./init.js')).runInit(dir, flags, usage);
    });

  const ejectCommand = command('eject', "copy default templates into the site's templates/ to edit them")
    .argument('[templates...]', 'article, partials/byline, assets/style.css, a folder')
    .option('--root <dir>', 'the site folder (default: the current folder)')
    .option('--force', "replace the site's own copies")
    .action(async (names: string[], flags) => {
      const usage = (message: string): never => ejectCommand.error(`broadsheet eject: ${message}`, { exitCode: 2, code: 'broadsheet.usage' });
      code = await (await import('./authoring.js')).runEject(names, flags, usage);
    });

  return { program, exitCode: () => code };
}

/** What a command's help says after its flags (and docs/cli.md after its table): paragraphs. */
export const COMMAND_NOTES: Readonly<Record<string, readonly string[]>> = {
  check: [
    'check writes nothing (no dist/, no .cache/) and takes no lock, so it runs while dev does. In GitHub Actions, --format github marks each problem on its line of the pull request and lists them all in the run\'s summary.',
  ],
  dev: ['Drafts, scheduled and expired articles are left out as in a build (the flags bring them in); dev says which, and which drafts it shows.'],
  import: [
    'Formats, recognised or named with --from: wxr (a WordPress export, .xml); rss, atom (a feed file); jsonfeed (a JSON Feed file); jekyll, hugo, zola, eleventy (a site folder, or its posts folder); dump (a plain-text feed dump).',
    'Articles go to content/YYYY/MM/; old URLs become aliases (redirects). Nothing is fetched from the network. Run it again to add what is new: articles already imported are left alone.',
  ],
  init: ['On a terminal, init asks for the settings no flag gave; elsewhere, or with --yes, it takes the defaults. It never replaces a file.'],
  eject: [
    "With no template named, eject lists them. Templates are looked up in the site's templates/ first, then in Broadsheet's default theme: a copy takes over, the others keep following Broadsheet's updates.",
  ],
};

/** Add `name`'s notes after its help, wrapped to 80 columns. */
function withNotes(command: Command, name: string): Command {
  const notes = COMMAND_NOTES[name];
  if (!notes) return command;
  const help = new Help();
  return command.addHelpText('after', `\n${notes.map((paragraph) => help.boxWrap(paragraph, 80)).join('\n\n')}`);
}

/**
 * Run `broadsheet` with `argv` (the arguments after the command name); resolves to the exit
 * code: the command's, 0 for --help and --version, 2 for a usage error. `output` receives help
 * and usage errors (what commands print goes to the console).
 */
export async function runProgram(argv: readonly string[], output: ProgramOutput = STANDARD_OUTPUT): Promise<number> {
  const { program, exitCode } = createProgram(output);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode();
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    // `broadsheet help` shows the help (0); `broadsheet` alone shows it as an error (2).
    const help = error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || (error.code === 'commander.help' && error.exitCode === 0);
    return help ? 0 : 2;
  }
}
