// A long body is parsed in parts (src/render/parse-in-parts.ts): the joined tree must be the tree
// of one parse over the whole text, node for node and position for position, for every example of
// the CommonMark 0.31.2 and GFM 0.29 specs (alone, and run together so that fences, HTML blocks,
// lists and definitions of one example meet the next), and for generated articles. The parts are
// made as small as the cuts allow (a part size of one character), so that every cut is used.

import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../src/render/markdown.js';
import { parseInParts, PART_SIZE, type ParserSettings } from '../src/render/parse-in-parts.js';

/** The examples of a spec file in its own format: 32 backticks and "example", Markdown, ".", HTML. */
function specExamples(file: string): string[] {
  const text = readFileSync(new URL(`./fixtures/markdown-specs/${file}`, import.meta.url), 'utf8');
  const fence = '`'.repeat(32);
  const examples: string[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.startsWith(`${fence} example`)) continue;
    const markdown: string[] = [];
    for (i++; lines[i] !== '.'; i++) markdown.push(lines[i]!);
    examples.push(markdown.map((line) => `${line}\n`).join('').replace(/→/g, '\t'));
  }
  return examples;
}

const commonmark = specExamples('commonmark-0.31.2.txt');
const gfm = specExamples('gfm-0.29.txt');

const plainProcessor = unified().use(remarkParse).freeze();
const gfmProcessor = unified().use(remarkParse).use(remarkGfm).freeze();

function settingsOf(processor: typeof plainProcessor): ParserSettings {
  return { micromarkExtensions: processor.data('micromarkExtensions') ?? [], fromMarkdownExtensions: processor.data('fromMarkdownExtensions') ?? [] };
}

/** Parsed whole by remark-parse, and in the smallest parts the cuts allow: the two trees. */
function bothWays(markdown: string, processor = gfmProcessor): [Root, Root] {
  return [processor.parse(markdown), parseInParts(markdown, settingsOf(processor), 1)];
}

function expectSameTrees(examples: readonly string[], processor = gfmProcessor): void {
  for (const markdown of examples) {
    const [whole, inParts] = bothWays(markdown, processor);
    expect(inParts, JSON.stringify(markdown)).toEqual(whole);
  }
}

describe('parsing a body in parts', () => {
  it('reads the specs: 652 CommonMark examples, 673 GFM examples', () => {
    expect(commonmark).toHaveLength(652);
    expect(gfm).toHaveLength(673);
  });

  it('gives the whole-document tree for every CommonMark 0.31.2 example, with and without GFM', () => {
    expectSameTrees(commonmark, plainProcessor);
    expectSameTrees(commonmark);
  });

  it('gives the whole-document tree for every GFM 0.29 example', () => {
    expectSameTrees(gfm);
  });

  it('gives the whole-document tree when examples run into each other', () => {
    // Each example followed by the next, after a blank line or directly: an unclosed fence or
    // HTML block of one swallows the next, a definition of one is used by another.
    for (const examples of [commonmark, gfm]) {
      const pairs = examples.slice(1).flatMap((example, i) => [`${examples[i]}\n${example}`, `${examples[i]}${example}`]);
      expectSameTrees(pairs);
      expectSameTrees([examples.join('\n'), examples.join('')]);
    }
  });

  it('cuts a long article into parts and still resolves references and footnotes defined far away', () => {
    const section = (i: number) => `## Part ${i}\n\nSee [the report][r${(i + 7) % 40}] and the note[^n${(i + 3) % 40}].\n\n- a\n- b\n\n`;
    const sections = Array.from({ length: 40 }, (_, i) => section(i)).join('');
    const definitions = Array.from({ length: 40 }, (_, i) => `[r${i}]: https://example.org/${i}\n\n[^n${i}]: Note ${i}.\n\n`).join('');
    const markdown = `[^n0]: First note.\n\n${sections}${definitions}`;
    const [whole, inParts] = bothWays(markdown);
    expect(inParts).toEqual(whole);
    // It did cut: the parse made parts, and the references resolved across them.
    expect(JSON.stringify(inParts)).toContain('"type":"linkReference"');
    expect(JSON.stringify(inParts)).toContain('"type":"footnoteReference"');
  });

  it('gives the whole-document tree on generated Markdown with blocks that run on through blank lines', () => {
    const word = fc.constantFrom('Almaty', 'news', '*em*', '**strong**', '[link](/a)', '[ref]', '[ref][]', '[^1]', '[^n]', '`code`', '<b>', '</b>', '|', 'x', '~~s~~', 'www.example.org', '2025', '3.14', '7)x', '-x', '+', '*', '1.', '---', '* * *');
    const text = fc.array(word, { minLength: 1, maxLength: 6 }).map((words) => words.join(' '));
    const line = fc.oneof(
      { weight: 5, arbitrary: text },
      { weight: 1, arbitrary: fc.tuple(fc.constantFrom('# ', '> ', '- ', '* ', '1. ', '2) ', '    ', '  ', '   - ', '[^1]: ', '[^n]: ', '| ', '> - '), text).map(([prefix, t]) => prefix + t) },
      {
        weight: 2,
        arbitrary: fc.constantFrom(
          '', '', '', '```', '~~~', '````js', '<script>', '</script>', '<!--', '-->', '<?php', '?>', '<!DOC', '<![CDATA[', ']]>', '<pre>', '</pre>',
          '<style>', '<textarea>', '<div>', '</div>', '<x-y>', '[ref]: /url "title"', '[REF]: /other', '---', '===', '***', '|---|---|', '\t\tcode', '\uFEFFbom',
        ),
      },
    );
    const eol = fc.constantFrom('\n', '\n', '\n\n', '\r\n', '\r', '\n  \n');
    const document = fc.array(fc.tuple(line, eol), { minLength: 1, maxLength: 40 }).map((lines) => lines.map(([l, e]) => l + e).join(''));
    fc.assert(
      fc.property(document, (markdown) => {
        const [whole, inParts] = bothWays(markdown);
        expect(inParts).toEqual(whole);
      }),
      { numRuns: 1500 },
    );
  });
});

describe('a long article', () => {
  const OPTIONS = { summaryLength: 200, basePath: '/', contentPath: '2025/12/long.md' };
  const section = (i: number) =>
    `## Section ${i}\n\nThe council met to discuss the [transport plan](https://example.org/${i}) and [the budget][budget].\n\n- Buses\n- Trams\n\n| Line | Opens |\n|---|---|\n| Tram ${i} | 2026 |\n\n`;

  it('renders the same HTML, summary, links and images in parts as whole', () => {
    const markdown = `${Array.from({ length: 700 }, (_, i) => section(i)).join('')}![Map](map.png)\n\n[budget]: /2025/12/18/budget/\n`;
    expect(markdown.length).toBeGreaterThan(3 * PART_SIZE);
    const inParts = renderMarkdown(markdown, OPTIONS);
    expect(inParts).toEqual(renderMarkdown(markdown, OPTIONS, 'sniff', Infinity));
    // Positions are the document's: the last section's link to the budget, on its own line.
    const lines = markdown.split('\n');
    const line = lines.findIndex((text) => text.startsWith('## Section 699')) + 3;
    const column = lines[line - 1]!.indexOf('[the budget]') + 1;
    expect(inParts.links.at(-1)).toEqual({ kind: 'path', target: '/2025/12/18/budget/', line, column });
    expect(inParts.images).toEqual([{ src: 'map.png', alt: 'Map', line: line + 9, column: 1 }]);
  });
});
