// The documentation as a reader meets it: the generated parts are what the code says today, and
// the configuration reference lists every option the schema has, with what it means.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configOptions, optionComments, withConfigTable } from '../scripts/config-options.js';
import { resolveConfig } from '../src/config.js';
import { REPO } from './helpers/site.js';

const read = (file: string) => readFileSync(path.join(REPO, file), 'utf8');

describe('docs/configuration.md', () => {
  it('has the table the schema and its doc comments make (run `node --import tsx scripts/config-reference.ts --write` after changing an option)', () => {
    const doc = read('docs/configuration.md');
    expect(doc).toBe(withConfigTable(doc));
  });

  it("lists every option with the schema's default and the meaning written on it", () => {
    const options = new Map(configOptions().map((option) => [option.name, option]));
    const defaults = resolveConfig({}, REPO);
    for (const key of ['title', 'baseUrl', 'timeZone', 'pageSize', 'outDir', 'search'] as const) {
      expect(options.get(key)?.default, key).toBe(`\`${JSON.stringify(defaults[key])}\``);
    }
    expect(options.get('frontPage.secondary')).toEqual({ name: 'frontPage.secondary', type: 'whole number, 0 to 4', default: '`3`', meaning: 'Secondary stories after the lead.' });
    expect(options.get('images.widths')?.default).toBe('`[480, 800, 1200, 1600]`');
    expect(options.get('languages.<code>.direction')?.type).toBe('`"ltr"` or `"rtl"`');
    expect(options.get('feedContent')?.type).toBe('`"full"` or `"summary"`');
  });

  it('refuses an option without a doc comment, naming it', () => {
    const comments = optionComments();
    comments.delete('related.tagWeight');
    expect(() => configOptions(comments)).toThrow('the option related.tagWeight has no doc comment in src/config.ts');
  });

  it('refuses a doc comment with raw HTML, which would be markup on the page', () => {
    const comments = optionComments();
    comments.set('language', 'the <html lang> of every page');
    expect(() => configOptions(comments)).toThrow(/the doc comment of language in src\/config\.ts has HTML \(<html lang>\)/);
  });
});
