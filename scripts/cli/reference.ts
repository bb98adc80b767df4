// docs/cli.md, generated from the commander definitions (program.ts) so that the reference and
// `--help` cannot disagree: `node --import tsx scripts/cli-reference.ts --write` rewrites it, and
// a test fails when the file differs from what this makes.

import type { Command } from 'commander';
import type { Root, RootContent, TableRow } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { COMMAND_NOTES, createProgram } from './program.js';

const text = (value: string) => ({ type: 'text' as const, value });
const code = (value: string) => ({ type: 'inlineCode' as const, value });
const paragraph = (...children: Array<ReturnType<typeof text> | ReturnType<typeof code>>): RootContent => ({ type: 'paragraph', children });

/** A table of `rows` (term, description) under the column names `header`. */
function table(header: [string, string], rows: Array<[string, string]>): RootContent {
  const row = (cells: Array<ReturnType<typeof text> | ReturnType<typeof code>>): TableRow => ({ type: 'tableRow', children: cells.map((cell) => ({ type: 'tableCell', children: [cell] })) });
  return { type: 'table', align: [null, null], children: [row(header.map(text)), ...rows.map(([term, description]) => row([code(term), text(description)]))] };
}

/** One command's section: what it does, its usage line, arguments, flags and notes. */
function commandSection(command: Command): RootContent[] {
  const name = command.name();
  const section: RootContent[] = [
    { type: 'heading', depth: 2, children: [code(`broadsheet ${name}`)] },
    paragraph(text(`${command.description().replace(/^./, (first) => first.toUpperCase())}.`)),
    { type: 'code', lang: 'sh', value: `npx broadsheet ${name} ${command.usage()}` },
  ];
  if (command.registeredArguments.length > 0) {
    section.push(table(['Argument', 'What it is'], command.registeredArguments.map((argument) => [argument.name(), argument.description])));
  }
  const flags = command.options.filter((option) => !option.hidden).map((option): [string, string] => [option.flags, option.description]);
  section.push(table(['Flag', 'What it does'], [...flags, ['-h, --help', 'show the help of this command']]));
  for (const note of COMMAND_NOTES[name] ?? []) section.push(paragraph(text(note)));
  return section;
}

/** The text of docs/cli.md. */
export function cliReference(): string {
  const { program } = createProgram();
  const commands = program.commands.filter((command) => command.name() !== 'help');
  const tree: Root = {
    type: 'root',
    children: [
      { type: 'heading', depth: 1, children: [text('Command line')] },
      { type: 'html', value: '<!-- Generated from scripts/cli/program.ts by `node --import tsx scripts/cli-reference.ts --write`: edit the definitions there. -->' },
      paragraph(
        text('In a site made with '),
        code('broadsheet init'),
        text(', the npm scripts run these commands ('),
        code('npm run build'),
        text(', '),
        code('npm run check -- --format github'),
        text('); '),
        code('npx broadsheet <command>'),
        text(' runs any of them. Every command answers '),
        code('--help'),
        text(' with its flags; a misspelled command or flag is answered with the nearest one.'),
      ),
      table(
        ['Exit code', 'Meaning'],
        [
          ['0', 'done'],
          ['1', 'the content, templates or config have errors, or the machine stopped it (a full disk, another build running); nothing was changed'],
          ['2', 'a usage error: an unknown command or flag, a bad value, a missing argument'],
          ['130, 143', 'interrupted (Ctrl-C, SIGTERM): the output folder is whole, old or new'],
        ],
      ),
      table(['Command', 'What it does'], commands.map((command) => [`broadsheet ${command.name()}`, command.description()])),
      ...commands.flatMap(commandSection),
    ],
  };
  return unified().use(remarkGfm).use(remarkStringify).stringify(tree);
}
