// Problems for GitHub Actions: workflow commands escaped by GitHub's rules, at most the ten errors
// and ten warnings GitHub shows per step as annotations, the rest as plain lines.
// (`check --format github|json` end to end is test/cli.test.ts's.)

import { describe, expect, it } from 'vitest';
import { escapeCommandData, escapeCommandProperty, githubCommand, githubLines } from '../src/problems/ci-formats.js';
import { problem, type Problem } from '../src/problems/index.js';

describe('GitHub workflow commands', () => {
  it('escape %, CR and LF in the message, and also : and , in a property', () => {
    expect(escapeCommandData('100% sure\r\nnext: a, b')).toBe('100%25 sure%0D%0Anext: a, b');
    expect(escapeCommandProperty('100% sure\r\nnext: a, b')).toBe('100%25 sure%0D%0Anext%3A a%2C b');
  });

  it('name the file, line, column and code; a file name with a comma or colon cannot end the properties', () => {
    const p = problem('date-invalid', 'content/a, b: c.md', { line: 3, column: 7 }, { field: 'date', value: 'soon' });
    const command = githubCommand(p, p.file);
    expect(command).toMatch(/^::error file=content\/a%2C b%3A c\.md,line=3,col=7,title=\[date-invalid\] Date cannot be read::date: is not a date Broadsheet can read; expected .*, got "soon"%0Ahint: /);
    // One line: GitHub reads a command per line.
    expect(command).not.toMatch(/[\r\n]/);
  });

  it('annotate a problem without a line on its file alone', () => {
    const p: Problem = { ...problem('file-empty', 'content/a.md', { line: 0, column: 0 }) };
    expect(githubCommand(p, p.file)).toMatch(/^::error file=content\/a\.md,title=\[file-empty\] Empty file::/);
  });

  it('annotate the first ten errors and ten warnings (all GitHub shows), and print the rest as lines', () => {
    const problems = Array.from({ length: 12 }, (_, i) => [
      problem('date-invalid', `content/e${String(i).padStart(2, '0')}.md`, { line: 3, column: 7 }, { field: 'date', value: 'soon' }),
      problem('field-misspelled', `content/w${String(i).padStart(2, '0')}.md`, { line: 4, column: 1 }, { field: 'sumary', nearest: 'summary' }),
    ]).flat();
    const lines = githubLines(problems, (p) => p.file);
    expect(lines.filter((line) => line.startsWith('::error ')).length).toBe(10);
    expect(lines.filter((line) => line.startsWith('::warning ')).length).toBe(10);
    const plain = lines.filter((line) => !line.startsWith('::'));
    expect(plain.map((line) => line.split(' ').slice(0, 2).join(' '))).toEqual([
      'content/e10.md:3:7 error',
      'content/e11.md:3:7 error',
      'content/w10.md:4:1 warning',
      'content/w11.md:4:1 warning',
    ]);
  });
});
