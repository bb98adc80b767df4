// Hugo and Zola write front-matter in TOML between `+++` lines: the build reads it as it reads
// YAML, and its errors name the file, line and column.

import { describe, expect, it } from 'vitest';
import { buildInMemory } from './helpers/memory-site.js';

const CONFIG = { 'site.config.ts': "export default { title: 'T', timeZone: 'UTC' };\n" };
const NOW = { now: Date.parse('2026-01-01T00:00:00Z') };

describe('TOML front-matter', () => {
  it('is read like YAML: title, dates with their offset, lists, and the body below', async () => {
    const site = await buildInMemory({
      ...CONFIG,
      'content/a.md': '+++\ntitle = "Flights resume"\ndate = 2025-12-18T10:00:00+05:00\ntags = ["Almaty", "Tbilisi"]\ntopic = "Transport"\n+++\n\nThe first flight left on time.\n',
    }, NOW);
    expect(site.ok, JSON.stringify(site.problems)).toBe(true);
    const page = site.page('/2025/12/18/flights-resume/');
    expect(page('h1').text()).toBe('Flights resume');
    expect(page('time').first().attr('datetime')).toBe('2025-12-18T05:00:00Z');
    expect(page('.article-body').text().trim()).toBe('The first flight left on time.');
    expect(site.outputs.has('tags/tbilisi/index.html')).toBe(true);
  });

  it('that is not valid TOML is an error at its line and column, naming TOML', async () => {
    const site = await buildInMemory({ ...CONFIG, 'content/a.md': '+++\ntitle = "A"\ndate = 2025-12-18\ntags = [Almaty]\n+++\nBody\n' }, NOW);
    expect(site.ok).toBe(false);
    expect(site.problems[0]).toMatchObject({ code: 'toml-syntax', file: 'content/a.md', line: 4, field: 'tags' });
    expect(site.problems[0]?.message).toContain('invalid TOML');
  });

  it('a schema error points at the TOML line of the field', async () => {
    const site = await buildInMemory({ ...CONFIG, 'content/a.md': '+++\ntitle = "A"\ndate = "18.12.2025"\n+++\nBody\n' }, NOW);
    expect(site.problems[0]).toMatchObject({ code: 'date-invalid', line: 3, column: 8 });
  });

  it('a file starting with neither --- nor +++ is told both forms', async () => {
    const site = await buildInMemory({ ...CONFIG, 'content/a.md': 'title = "A"\n' }, NOW);
    expect(site.problems[0]?.expected).toBe('a first line of exactly --- (YAML front-matter) or +++ (TOML front-matter)');
  });
});
