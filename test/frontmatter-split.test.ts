// Where an article file's front-matter ends and its body begins (src/load/frontmatter.ts): the
// body starts on the line after the closing `---` line, whatever that line holds after its dashes,
// and the body's line numbers count from there.

import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../src/load/frontmatter.js';

function split(text: string) {
  const parsed = parseFrontMatter({ file: 'content/a.md', contentPath: 'a.md', text });
  if (!parsed.ok) throw new Error(`not parsed: ${JSON.stringify(parsed.problems)}`);
  return parsed.value;
}

describe('the front-matter split', () => {
  it('starts the body on the line after the closing line', () => {
    const value = split('---\ntitle: T\ndate: 2025-12-18\n---\nBody.\n');
    expect(value.data).toEqual({ title: 'T', date: '2025-12-18' });
    expect(value.body).toBe('Body.\n');
    expect(value.bodyLine).toBe(5);
  });

  it('takes a closing line with spaces after its dashes whole, so the body line is the next one', () => {
    const value = split('---\ntitle: T\n---  \t\nBody.\n');
    expect(value.body).toBe('Body.\n');
    expect(value.bodyLine).toBe(4);
  });

  it('keeps a blank line after the closing line in the body, counted', () => {
    const value = split('---\ntitle: T\n---\n\nBody.\n');
    expect(value.body).toBe('\nBody.\n');
    expect(value.bodyLine).toBe(4);
  });

  it('gives an empty body when the closing line ends the file', () => {
    const value = split('---\ntitle: T\n---');
    expect(value.data).toEqual({ title: 'T' });
    expect(value.body).toBe('');
  });

  it('reads front-matter of only comments, or of nothing, as no fields', () => {
    expect(split('---\n# a note\n---\nBody.\n').data).toEqual({});
    expect(split('---\n---\nBody.\n').data).toEqual({});
    expect(split('---\n---\nBody.\n').body).toBe('Body.\n');
  });

  it('ends the front-matter only at a line of three dashes and nothing else', () => {
    // A key may start with dashes; such a line is not the closing line.
    const value = split('---\ntitle: T\n---x: 1\n---\nBody.\n');
    expect(value.data).toEqual({ title: 'T', '---x': 1 });
    expect(value.body).toBe('Body.\n');
    expect(value.bodyLine).toBe(5);
  });
});
