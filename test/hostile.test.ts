// Hostile input (issue 10, item 3): files made to exhaust the YAML parser, the Markdown renderer or
// the output get a clear error naming file:line:column and a permanent code, never a crash, a
// stack trace or a hang, and a failed build leaves dist/ exactly as it was. Limits that count
// decide (issue 18): none of these tests depends on how fast the machine is; the render guard is
// forced by a failpoint (BROADSHEET_RENDER_FAILPOINT) or a fake CPU clock.

import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/build.js';
import { parseFrontMatter } from '../src/load/frontmatter.js';
import { BuildFailure, formatProblems } from '../src/problems/index.js';
import { runWithinBudget } from '../src/render/budget.js';
import { findDeepNesting } from '../src/render/nesting.js';
import { article, listFiles, makeSite, runCli, writeFiles, type CliResult } from './helpers/site.js';

const NOW = Date.parse('2026-01-01T00:00:00Z');

/** Front-matter for a title, then a blank line: the body starts on file line 5. */
const head = (title: string) => `---\ntitle: ${title}\ndate: 2025-12-18\n---\n\n`;

/** Nine levels of nine aliases each: 9^9 (387 million) values once expanded. */
function aliasBomb(): string {
  const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < 9; i++) lines.push(`a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]`);
  return `---\ntitle: Bomb\ndate: 2025-12-18\n${lines.join('\n')}\n---\n\nBody.\n`;
}

/** Every file of dist/ with its bytes and mtime: what "left exactly as it was" means. */
function snapshot(dist: string): Record<string, string> {
  return Object.fromEntries(
    listFiles(dist).map((file) => {
      const absolute = path.join(dist, file);
      return [file, `${statSync(absolute).mtimeMs} ${readFileSync(absolute, 'base64')}`];
    }),
  );
}

/** A failed build's problems as the user reads them. */
async function failedBuild(options: Parameters<typeof build>[0]): Promise<string> {
  const failure = await build(options).then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(failure).toBeInstanceOf(BuildFailure);
  return formatProblems((failure as BuildFailure).problems);
}

const CONFIG = { 'site.config.ts': `export default { title: 'Steppe Times' };\n` };
/** A small render budget: the guard stops a spinning article after 200 ms of CPU time. */
const GUARDED = { 'site.config.ts': `export default { title: 'Steppe Times', renderBudgetMs: 200 };\n` };

describe('a build with hostile files', () => {
  let result: CliResult;
  let before: Record<string, string>;
  let after: Record<string, string>;

  beforeAll(async () => {
    const root = makeSite({ ...CONFIG, 'content/2025/12/good.md': article({ title: 'A good article', date: '2025-12-18 19:20' }) });
    await build({ root, now: NOW });
    const dist = path.join(root, 'dist');
    before = snapshot(dist);
    writeFiles(root, {
      'content/2025/12/alias-bomb.md': aliasBomb(),
      'content/2025/12/huge.md': `---\ntitle: Huge\ndate: 2025-12-18\nsummary: "${'a'.repeat(1_000_000)}"\n---\n\nBody.\n`,
      'content/2025/12/list.md': `${head('List')}${Array.from({ length: 300 }, (_, i) => `${'  '.repeat(i)}- item`).join('\n')}\n`,
      'content/2025/12/long-title.md': head('Long '.repeat(1000)),
      'content/2025/12/quotes.md': `${head('Quotes')}${'>'.repeat(20_000)} deep\n`,
      // Emphasis nested 8,000 levels: micromark takes many seconds over it, so the marker limit
      // refuses it before micromark starts matching.
      'content/2025/12/slow.md': `${head('Slow')}${'*_'.repeat(8000)}x${'_*'.repeat(8000)}\n`,
      'content/2025/12/yaml-deep.md': `---\ntitle: Deep\ndate: 2025-12-18\ntags: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n---\n`,
    });
    result = await runCli(['build'], root);
    after = snapshot(dist);
  }, 120_000);

  it('fails with exit code 1, an error per file, and no stack trace', () => {
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Build failed: 7 errors in 7 files\. Nothing was written; the previous output is unchanged\./);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stderr).not.toMatch(/RangeError|ReferenceError|unexpected error/i);
  });

  it('leaves dist/ byte- and mtime-identical', () => {
    expect(after).toEqual(before);
  });

  it('names a YAML alias bomb at its first alias', () => {
    expect(result.stderr).toContain(
      'content/2025/12/alias-bomb.md:5:10 error a1: the YAML aliases (*name) from here on repeat their anchors\' values more than 100 times over (an "alias bomb", which would fill memory) [yaml-aliases]',
    );
  });

  it('names YAML nested 20,000 levels deep where it passes 32', () => {
    expect(result.stderr).toContain('content/2025/12/yaml-deep.md:4:38 error tags: lists and maps nest deeper than 32 levels here [yaml-nesting]');
  });

  it('refuses a front-matter of a megabyte on the line where it passes 64 KiB', () => {
    expect(result.stderr).toContain(
      'content/2025/12/huge.md:4:1 error summary: the front-matter is 1,000,041 characters long and passes the limit on this line; expected at most 65,536 characters between the --- lines [frontmatter-too-large]',
    );
  });

  it('refuses a 5,000-character title with its length', () => {
    expect(result.stderr).toContain('content/2025/12/long-title.md:2:8 error title: is too long; expected at most 1,000 characters, got 4,999 characters [field-too-long]');
  });

  it('names 20,000 nested block quotes at the 33rd', () => {
    expect(result.stderr).toContain(
      'content/2025/12/quotes.md:6:33 error block quotes and lists nest more than 32 levels deep here; Broadsheet renders at most 32 [markdown-nesting]',
    );
  });

  it('names a list nested 300 levels at the line of its 33rd level', () => {
    expect(result.stderr).toContain('content/2025/12/list.md:38:65 error block quotes and lists nest more than 32 levels deep here');
  });

  it('refuses emphasis nested 8,000 levels at its 501st marker, and renders the others', () => {
    expect(result.stderr).toMatch(
      /content\/2025\/12\/slow\.md:6:501 error this paragraph holds more than 500 emphasis, link, code and HTML markers \(\* _ ~ ` \[ \] <\); Broadsheet reads at most 500 in one paragraph, heading or table cell \[markdown-markers\]\n\s+hint: split the paragraph/,
    );
    // yaml-deep.md is rendered after slow.md in the same batch: its error shows the batch went on.
    expect(result.stderr).toContain('content/2025/12/yaml-deep.md:4:38');
  });
});

describe('the render guard', () => {
  /** A CPU clock that only moves when told to. */
  const fakeClock = () => {
    let now = 0;
    return { clock: () => now, advance: (ms: number) => void (now += ms) };
  };

  it('stops a job that never returns and runs the jobs after it', () => {
    const jobs = [() => 1, () => {
      for (;;);
    }, () => 3];
    expect(runWithinBudget(jobs, 50)).toEqual([{ ok: true, value: 1 }, { ok: false }, { ok: true, value: 3 }]);
  });

  it('judges by CPU time: a job stopped before it used its budget (a busy machine) runs again, with more time', () => {
    const { clock } = fakeClock();
    let attempts = 0;
    // The first attempt spins until the watchdog stops it; by the (frozen) CPU clock it used no time.
    const job = () => {
      attempts++;
      if (attempts === 1) for (;;);
      return 'rendered';
    };
    expect(runWithinBudget([job], 50, { clock })).toEqual([{ ok: true, value: 'rendered' }]);
    expect(attempts).toBe(2);
  });

  it('stops a job once it has used its budget of CPU time, without running it again', () => {
    const { clock, advance } = fakeClock();
    let attempts = 0;
    const job = () => {
      attempts++;
      advance(50);
      for (;;);
    };
    expect(runWithinBudget([job, () => 'next'], 50, { clock })).toEqual([{ ok: false }, { ok: true, value: 'next' }]);
    expect(attempts).toBe(1);
  });

  it('gives a job started late in a run its whole budget', () => {
    const busy = (ms: number) => () => {
      const end = performance.now() + ms;
      while (performance.now() < end);
      return ms;
    };
    // 300 ms of wall time is at most 300 ms of CPU time: neither job can use its 500 ms budget.
    expect(runWithinBudget([busy(300), busy(300)], 500)).toEqual([{ ok: true, value: 300 }, { ok: true, value: 300 }]);
  });

  it('stops a spinning article and names it, exit 1, the other articles rendered', async () => {
    const root = makeSite({ ...GUARDED, 'content/a-spin.md': article({ title: 'Spin', date: '2025-12-18' }), 'content/b.md': article({ title: 'B', date: '2025-12-18' }) });
    const spinning = await runCli(['build'], root, { BROADSHEET_RENDER_FAILPOINT: 'spin@a-spin.md' });
    expect(spinning.code).toBe(1);
    expect(spinning.stderr).toMatch(
      /content\/a-spin\.md:1:1 error used more than 200 ms of processor time rendering and was stopped \[render-timeout\]\n\s+hint: articles within Broadsheet's limits \(docs\/limits\.md\) never come near this guard/,
    );
    expect(spinning.stderr).toContain('1 error in 1 file');
  }, 60_000);

  it('is enforced on worker threads too', async () => {
    const root = makeSite({
      ...GUARDED,
      'content/a-spin.md': article({ title: 'Spin', date: '2025-12-18' }),
      'content/b-untitled.md': '---\ndate: 2025-12-18\n---\n\nBody.\n',
    });
    const previous = process.env.BROADSHEET_RENDER_FAILPOINT;
    // Worker threads copy this thread's environment when they start.
    process.env.BROADSHEET_RENDER_FAILPOINT = 'spin@a-spin.md';
    try {
      const report = await failedBuild({ root, now: NOW, threads: 2 });
      expect(report).toContain('content/a-spin.md:1:1 error used more than 200 ms of processor time rendering and was stopped [render-timeout]');
      expect(report).toContain('content/b-untitled.md:1:1 error title: is required');
    } finally {
      if (previous === undefined) delete process.env.BROADSHEET_RENDER_FAILPOINT;
      else process.env.BROADSHEET_RENDER_FAILPOINT = previous;
    }
  }, 60_000);
});

describe('thousands of tags on one article', () => {
  it('are a warning naming the line, and only the first 50 get tag pages', async () => {
    const tags = Array.from({ length: 5000 }, (_, i) => `Tag ${i}`);
    const root = makeSite({ 'content/tags.md': `---\ntitle: Tagged\ndate: 2025-12-18\ntags: [${tags.join(', ')}]\n---\n\nBody.\n` });
    const result = await build({ root, now: NOW });
    expect(formatProblems(result.warnings)).toBe(
      'content/tags.md:4:7 warning tags: lists 5,000 tags; only the first 50 get tag pages and feeds [tags-too-many]\n' +
        '    hint: keep the tags naming the places, organisations and people the article is about, or raise tagLimit in site.config.ts',
    );
    const tagPages = listFiles(path.join(root, 'dist')).filter((file) => /^tags\/[^/]+\/index\.html$/.test(file));
    expect(tagPages).toHaveLength(50);
    expect(tagPages).toContain('tags/tag-49/index.html');
    expect(tagPages).not.toContain('tags/tag-50/index.html');
  });

  it('are an error under --strict', async () => {
    const tags = Array.from({ length: 51 }, (_, i) => `Tag ${i}`).join(', ');
    const root = makeSite({ 'content/tags.md': `---\ntitle: Tagged\ndate: 2025-12-18\ntags: [${tags}]\n---\n` });
    expect(await failedBuild({ root, now: NOW, strict: true })).toMatch(/^content\/tags\.md:4:7 error tags: lists 51 tags/);
  });
});

describe('front-matter limits', () => {
  const parse = (text: string) => {
    const parsed = parseFrontMatter({ file: 'content/a.md', contentPath: 'a.md', text });
    return parsed.ok ? parsed.value.data : formatProblems(parsed.problems);
  };

  it('keep ordinary aliases, long fields and 60 KB of front-matter', () => {
    expect(parse('---\ntitle: A\ndate: &day 2025-12-18\nupdated: *day\n---\n')).toEqual({ title: 'A', date: '2025-12-18', updated: '2025-12-18' });
    const notes = 'n'.repeat(60_000);
    expect(parse(`---\ntitle: A\nnotes: ${notes}\n---\n`)).toEqual({ title: 'A', notes });
  });

  it('still report a repeated field where it repeats, at any depth', () => {
    expect(parse('---\ntitle: A\ndate: 2025-12-18\ntitle: B\n---\n')).toMatch(/^content\/a\.md:4:1 error title: invalid YAML: this field appears twice \[yaml-syntax\]/);
    expect(parse('---\ntitle: A\ncorrections:\n  - date: 2025-12-18\n    date: 2025-12-19\n---\n')).toMatch(/^content\/a\.md:5:5 error invalid YAML: this field appears twice/);
  });

  it('report an alias with no anchor (a title starting with *) instead of crashing', () => {
    expect(parse('---\ntitle: *Exclusive interview\ndate: 2025-12-18\n---\n')).toMatch(
      /^content\/a\.md:2:8 error title: invalid YAML: a value starts with \*, which YAML reads as an alias .*\[yaml-syntax\]\n\s+hint: put the value in quotes/,
    );
  });

  it('refuse an alias inside its own anchor, which would make a value contain itself', () => {
    expect(parse('---\ntitle: A\nloop: &x [*x]\n---\n')).toMatch(/^content\/a\.md:3:11 error loop: this alias \(\*name\) is inside the value of its own &anchor.*\[yaml-aliases\]/);
  });

  it('refuse nesting at 33 levels, not 32', () => {
    expect(parse(`---\ntags: ${'['.repeat(31)}${']'.repeat(31)}\n---\n`)).toHaveProperty('tags');
    expect(parse(`---\ntags: ${'['.repeat(32)}${']'.repeat(32)}\n---\n`)).toMatch(/^content\/a\.md:2:38 error tags: lists and maps nest deeper than 32 levels/);
  });
});

describe('the Markdown nesting pre-scan', () => {
  const quotes = (levels: number) => `${'> '.repeat(levels)}x\n`;
  const list = (levels: number) => Array.from({ length: levels }, (_, i) => `${'  '.repeat(i)}- item`).join('\n');

  it('allows 32 levels of quotes and lists and refuses 33, where the 33rd opens', () => {
    expect(findDeepNesting(quotes(32))).toBeUndefined();
    expect(findDeepNesting(quotes(33))).toEqual({ kind: 'block', line: 1, column: 65, limit: 32 });
    expect(findDeepNesting(list(32))).toBeUndefined();
    expect(findDeepNesting(list(33))).toEqual({ kind: 'block', line: 33, column: 65, limit: 32 });
    expect(findDeepNesting(`${'> '.repeat(16)}${'- '.repeat(17)}x`)).toMatchObject({ line: 1 });
    expect(findDeepNesting(`${'- '.repeat(40)}x`)).toMatchObject({ line: 1, column: 65 });
  });

  it('counts nothing that does not nest: long flat lists and quotes, rules, autolinks, closed HTML', () => {
    const flat = Array.from({ length: 500 }, () => '- item').join('\n');
    const quoted = Array.from({ length: 500 }, () => '> line').join('\n');
    expect(findDeepNesting(`${flat}\n\n${quoted}\n\n${'* '.repeat(40)}\n\n${'<https://example.org> '.repeat(200)}\n\n${'<div>x</div>\n'.repeat(200)}`)).toBeUndefined();
    expect(findDeepNesting(list(20).replace(/\n/g, '\n\n'))).toBeUndefined();
  });

  it('refuses HTML elements nested more than 128 levels', () => {
    expect(findDeepNesting(`${'<div>'.repeat(128)}x${'</div>'.repeat(128)}`)).toBeUndefined();
    expect(findDeepNesting(`Intro\n\n${'<div>'.repeat(129)}x`)).toEqual({ kind: 'html', line: 3, column: 641, limit: 128 });
  });
});

describe('a front-matter key that is a list or a map', () => {
  it('is an unknown field like any other, with no warning of the YAML parser printed', async () => {
    const printed: unknown[] = [];
    const emitWarning = process.emitWarning;
    process.emitWarning = ((warning: unknown) => void printed.push(warning)) as typeof process.emitWarning;
    try {
      const parsed = parseFrontMatter({ file: 'content/k.md', contentPath: 'k.md', text: '---\n? [a, b]\n: c\ntitle: K\ndate: 2025-12-18\n---\n\nText.\n' });
      expect(parsed.ok).toBe(true);
      if (parsed.ok) expect(Object.keys(parsed.value.data)).toEqual(['[ a, b ]', 'title', 'date']);
    } finally {
      process.emitWarning = emitWarning;
    }
    expect(printed).toEqual([]);
  });
});
