// Results that do not depend on the machine's load (issue 18): limits that count decide what is
// refused, each named with file:line:column and a permanent code; a long article of real shapes
// builds with the default settings; memory per render is bounded. No assertion here depends on how
// fast the machine is.

import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { EditMap } from 'micromark-util-edit-map';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { formatProblems } from '../src/problems/index.js';
import { threadCpuClock } from '../src/render/cpu-clock.js';
import { editMapUse, libraryConsume } from '../src/render/linear-edit-map.js';
import { linearHandlers } from '../src/render/linear-handlers.js';
import { renderMarkdown } from '../src/render/markdown.js';
import { buildInMemory, tryBuild } from './helpers/memory-site.js';
import { makeSite } from './helpers/site.js';

const NOW = Date.parse('2026-01-01T00:00:00Z');
const CONFIG = { 'site.config.ts': "export default { title: 'Steppe Times' };\n" };
/** Front-matter of four lines and a blank line: the body starts on file line 6. */
const head = (title: string) => `---\ntitle: ${title}\ndate: 2025-12-18\n---\n\n`;

/** The problems of a build of these files that must fail, as the user reads them. */
async function refused(files: Record<string, string>, options: { threads?: number } = {}): Promise<string> {
  const outcome = await tryBuild({ root: makeSite({ ...CONFIG, ...files }), now: NOW, ...options });
  expect(outcome.ok).toBe(false);
  return formatProblems(outcome.problems);
}

/** One section of a news article: a heading, a paragraph with a link, a list and a small table (~1 KB). */
function section(i: number): string {
  return (
    `## Section ${i}: the council meets again\n\n` +
    `The city council of Almaty met on Tuesday to discuss the [new transport plan](https://example.org/plan/${i}) and its budget, which the mayor called "the largest in a decade". ` +
    'Deputies asked how the city would pay for the new lines, and when residents of the outer districts would see the first buses. ' +
    'The debate went on until late in the evening, and a vote is expected next week. Residents who spoke at the hearing welcomed the plan ' +
    'but asked for more night services, better lighting at the stops and a single ticket for buses, trams and the metro, ' +
    'which the transport department promised to study before the summer and to publish with a timetable for every new line.\n\n' +
    '- Buses: 120 new vehicles, most of them electric\n- Trams: two lines extended to the airport and the railway station\n- Cycling: 40 km of protected lanes\n\n' +
    '| Line | Length | Opens | Cost |\n|---|---|---|---|\n| Tram 1 | 12 km | 2026 | 40 bn tenge |\n| Tram 2 | 8 km | 2027 | 31 bn tenge |\n| Bus rapid transit | 22 km | 2026 | 18 bn tenge |\n\n'
  );
}

describe('a long article of real shapes', () => {
  it('of 5 MB (5,000 sections) builds with the default settings, every section on its page', async () => {
    const body = Array.from({ length: 5000 }, (_, i) => section(i + 1)).join('');
    expect(body.length).toBeGreaterThan(5_000_000);
    const site = await buildInMemory({ ...CONFIG, 'content/2025/12/long.md': `${head('The whole plan')}${body}` }, { now: NOW });
    expect(formatProblems(site.problems)).toBe('');
    const page = site.page('/2025/12/18/the-whole-plan/');
    expect(page('article h2')).toHaveLength(5000);
    expect(page('article h2').last().text()).toBe('Section 5000: the council meets again');
    expect(page('article table')).toHaveLength(5000);
    expect(page('article a[href="https://example.org/plan/5000"]').text()).toBe('new transport plan');
  }, 900_000);
});

describe('the article size limit', () => {
  it('refuses a body of more than 200,000 lines at the line past the limit, before it is parsed', async () => {
    // 8 MiB of one-letter lines is within the size limit, and took ~120 s of CPU: at the render guard.
    const report = await refused({ 'content/a.md': `${head('A')}${'a\n'.repeat(200_000)}` });
    expect(report).toMatch(/^content\/a\.md:200005:1 error the article runs on past this line; an article may be at most 200,000 lines \[article-too-large\]/);
  });

  it('refuses a file over 8 MiB, naming its size', async () => {
    const report = await refused({ 'content/big.md': `${head('Big')}${'word '.repeat(1_900_000)}\n` });
    expect(report).toBe(
      'content/big.md:1:1 error the article file is 9.1 MiB (9,500,038 bytes); an article file may be at most 8 MiB [article-too-large]\n' +
        '    hint: split it into several articles, or move long listings and data into files under static/ and link to them',
    );
  });
});

describe('the inline marker limit', () => {
  it('allows 500 markers in a paragraph and refuses the 501st, where it is', async () => {
    const ok = await buildInMemory({ ...CONFIG, 'content/a.md': `${head('A')}${'[x] '.repeat(250)}\n` }, { now: NOW });
    expect(ok.ok).toBe(true);
    const report = await refused({ 'content/a.md': `${head('A')}Intro.\n\n${'[x] '.repeat(250)}[\n` });
    expect(report).toMatch(
      /^content\/a\.md:8:1001 error this paragraph holds more than 500 emphasis, link, code and HTML markers \(\* _ ~ ` \[ \] <\); Broadsheet reads at most 500 in one paragraph, heading or table cell \[markdown-markers\]/,
    );
  });

  it('allows 250,000 markers in an article and refuses the next, where it is', async () => {
    // 600 paragraphs of 450 markers: the 250,001st is the 251st of paragraph 556 (a "[" at column 501).
    const paragraphs = Array.from({ length: 600 }, () => '[x] '.repeat(225)).join('\n\n');
    const report = await refused({ 'content/a.md': `${head('A')}${paragraphs}\n` });
    expect(report).toMatch(
      /^content\/a\.md:1116:501 error the article holds more than 250,000 emphasis, link, code and HTML markers \(\* _ ~ ` \[ \] <\) by here; Broadsheet reads at most 250,000 in one article \[markdown-markers\]\n\s+hint: split the article/,
    );
  });

  it('allows 2,000 escapes and character references in a paragraph and refuses the 2,001st, where it is: each costs time with the square of their number', async () => {
    const ok = await buildInMemory({ ...CONFIG, 'content/a.md': `${head('A')}${'a\\*@b.c &amp; '.repeat(1000)}\n` }, { now: NOW });
    expect(formatProblems(ok.problems)).toBe('');
    // Lines as a hostile file had them (a\*@b.c, Windows line ends), one long paragraph.
    const report = await refused({ 'content/a.md': `${head('A')}Intro.\n\n${'a\\*@b.c\r\n'.repeat(2000)}a\\*\n` });
    expect(report).toMatch(
      /^content\/a\.md:2008:2 error this paragraph holds more than 2,000 backslash escapes and character references \(\\\* &amp;\); Broadsheet reads at most 2,000 in one paragraph, heading or table cell \[markdown-markers\]/,
    );
  });

  it('does not count escaped characters, code spans or code blocks', async () => {
    const code = `\`\`\`c\n${'int *p = &a[i]; /* x */\n'.repeat(2000)}\`\`\`\n`;
    const site = await buildInMemory({ ...CONFIG, 'content/a.md': `${head('A')}${'\\* \\[ '.repeat(600)}\n\n\`${'*['.repeat(600)}\`\n\n${code}` }, { now: NOW });
    expect(formatProblems(site.problems)).toBe('');
  });
});

describe('the stretch limit', () => {
  it('refuses a list that runs on for more than 256 KiB, from the last place it could be cut', async () => {
    const list = Array.from({ length: 30_000 }, (_, i) => `- item ${i}`).join('\n');
    const report = await refused({ 'content/a.md': `${head('A')}First.\n\nIntro.\n\n${list}\n` });
    expect(report).toBe(
      'content/a.md:8:1 error the text from here runs on for more than 256 KiB with no place to break it (a blank line, then a line that starts no list item, quote or indented block) (a long list, table, quote, code block or paragraph); Broadsheet reads at most 256 KiB in one go [block-too-long]\n' +
        '    hint: break it into several, or move long listings and data into files under static/ and link to them; see docs/limits.md',
    );
  });

  it('refuses a code block left open that swallows the rest, at its fence', async () => {
    const paragraphs = Array.from({ length: 4000 }, (_, i) => `Paragraph ${i} of the article.`).join('\n\n');
    const report = await refused({ 'content/a.md': `${head('A')}${'Text.\n\n'.repeat(20_000)}\`\`\`\n\n${paragraphs.repeat(3)}\n` });
    expect(report).toMatch(/^content\/a\.md:40006:1 error the text from here runs on for more than 256 KiB with no place to break it/);
  });
});

describe('the element and definition limits', () => {
  it('refuses a small table whose header makes millions of cells, at the table', async () => {
    const table = `|${'a|'.repeat(2000)}\n|${'-|'.repeat(2000)}\n${'x\n'.repeat(3000)}`;
    const report = await refused({ 'content/a.md': `${head('A')}Intro.\n\n${table}` });
    expect(report).toMatch(/^content\/a\.md:8:1 error the body produces more than 1,000,000 elements .* by here; Broadsheet renders at most 1,000,000 in one article \[markdown-elements\]/);
  });

  it('refuses the 1,001st link definition', async () => {
    const definitions = Array.from({ length: 1001 }, (_, i) => `[r${i}]: https://example.org/${i}`).join('\n');
    const report = await refused({ 'content/a.md': `${head('A')}See [r1].\n\n${definitions}\n` });
    expect(report).toMatch(/^content\/a\.md:1008:1 error this is the article's 1,001th link reference or footnote definition; Broadsheet reads at most 1,000 in one article \[markdown-definitions\]/);
  });
});

describe('memory per render', () => {
  it('is bounded on workers: an article that outgrows a worker heap is a problem, the others render', async () => {
    const saved = { ...process.env };
    // Worker threads copy this thread's environment when they start: a small heap, and one article that hogs it.
    process.env.BROADSHEET_WORKER_HEAP_MB = '96';
    process.env.BROADSHEET_RENDER_FAILPOINT = 'hog@a-hog.md';
    try {
      const report = await refused({ 'content/a-hog.md': `${head('Hog')}Body.\n`, 'content/b.md': `${head('B')}Body.\n`, 'content/c-untitled.md': '---\ndate: 2025-12-18\n---\n\nBody.\n' }, { threads: 2 });
      expect(report).toContain(
        'content/a-hog.md:1:1 error took more than 96 MB of memory rendering on a worker thread and was stopped [render-memory]',
      );
      expect(report).toContain('content/c-untitled.md:1:1 error title: is required');
      expect(report).not.toContain('b.md');
    } finally {
      delete process.env.BROADSHEET_WORKER_HEAP_MB;
      delete process.env.BROADSHEET_RENDER_FAILPOINT;
      Object.assign(process.env, saved);
    }
  }, 120_000);
});

describe('the render guard clock', () => {
  it('counts this thread\'s CPU time, which does not pass while the thread sleeps', () => {
    const { clock, kind } = threadCpuClock();
    if (process.platform === 'linux') expect(kind).toBe('thread');
    if (kind !== 'thread') return;
    const before = clock();
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    expect(clock() - before).toBeLessThan(100);
  });
});

describe('list items and table rows in linear time', () => {
  const examples = ['commonmark-0.31.2.txt', 'gfm-0.29.txt'].flatMap((file) => {
    const text = readFileSync(new URL(`./fixtures/markdown-specs/${file}`, import.meta.url), 'utf8');
    return [...text.matchAll(/^`{32} example[^\n]*\n([\s\S]*?)^\.\n/gm)].map((match) => match[1]!.replace(/→/g, '\t'));
  });
  const html = (markdown: string, handlers?: typeof linearHandlers) =>
    String(unified().use(remarkParse).use(remarkGfm).use(remarkRehype, { allowDangerousHtml: true, handlers }).use(rehypeStringify, { allowDangerousHtml: true }).processSync(markdown));

  it("give the library's HTML on every spec example, and on long lists and tables", () => {
    expect(examples.length).toBe(652 + 673);
    const long = `${Array.from({ length: 300 }, (_, i) => `- item ${i}`).join('\n')}\n\n- a\n\n  b\n- c\n\n| a | b |\n|---|:-:|\n${'| x |\n'.repeat(300)}`;
    for (const markdown of [...examples, long]) expect(html(markdown, linearHandlers), markdown).toBe(html(markdown));
  });
});

describe("micromark's edit map, made to cost what it changes", () => {
  type Events = Parameters<EditMap['consume']>[0];
  const edits = fc.array(fc.tuple(fc.nat(40), fc.nat(6), fc.array(fc.integer({ min: 100, max: 999 }), { maxLength: 4 }), fc.boolean()), { maxLength: 8 });

  it("gives the library's result for any edits", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), edits, (length, changes) => {
        const results = [libraryConsume, EditMap.prototype.consume].map((consume) => {
          const events = Array.from({ length }, (_, i) => i) as unknown as Events;
          const map = new EditMap();
          for (const [at, remove, add, before] of changes) {
            const items = [...add] as unknown as Events;
            if (before) map.addBefore(Math.min(at, length), remove, items);
            else map.add(Math.min(at, length), remove, items);
          }
          consume.call(map, events);
          return events;
        });
        expect(results[1]).toEqual(results[0]);
      }),
      { numRuns: 3000 },
    );
  });

  it('is the one micromark uses', () => {
    const before = editMapUse.consumed;
    renderMarkdown('- a\n  - b\n- c\n\n> quote\n\nEnd.\n', { summaryLength: 200, basePath: '/', contentPath: 'a.md' });
    expect(editMapUse.consumed).toBeGreaterThan(before);
  });
});
