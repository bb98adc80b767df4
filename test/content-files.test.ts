// Nothing in content/ is skipped without a word: every Markdown extension is an article, other
// files are listed in a warning, and a build that finds no article says why.

import { describe, expect, it } from 'vitest';
import { buildInMemory } from './helpers/memory-site.js';
import { article } from './helpers/site.js';

const CONFIG = { 'site.config.ts': "export default { title: 'T' };\n" };
const NOW = { now: Date.parse('2026-01-01T00:00:00Z') };

describe('the files of content/', () => {
  it('.md, .markdown and .mdown are all articles', async () => {
    const site = await buildInMemory({
      ...CONFIG,
      'content/a.md': article({ title: 'One', date: '2025-12-01' }),
      'content/b.markdown': article({ title: 'Two', date: '2025-12-02' }),
      'content/c.mdown': article({ title: 'Three', date: '2025-12-03' }),
    }, NOW);
    expect(site.ok).toBe(true);
    expect(site.result?.site.articles.map((a) => a.title).sort()).toEqual(['One', 'Three', 'Two']);
    expect(site.page('/2025/12/02/two/')('h1').text()).toBe('Two');
  });

  it('other files that are not images or data are each named in a warning; images and authors.yaml are not', async () => {
    const site = await buildInMemory({
      ...CONFIG,
      'content/a.md': article({ title: 'One', date: '2025-12-01' }),
      'content/about.html': '<p>About</p>',
      'content/notes/todo.txt': 'later',
      'content/photo.jpg': new Uint8Array([0xff, 0xd8, 0xff]),
      'content/authors.yaml': '- name: A\n',
    }, NOW);
    expect(site.ok).toBe(true);
    const unread = site.warnings.filter((p) => p.code === 'content-not-article');
    expect(unread.map((p) => p.file)).toEqual(['content/about.html', 'content/notes/todo.txt']);
    expect(site.warnings.some((p) => p.code === 'content-no-articles')).toBe(false);
  });

  it('a build that finds no article while content/ holds files says why', async () => {
    const site = await buildInMemory({ ...CONFIG, 'content/_posts/2014-12-17-a.html': '<p>x</p>', 'content/_posts/2014-12-18-b.html': '<p>y</p>', 'content/readme.txt': 'x' }, NOW);
    expect(site.ok).toBe(true);
    const none = site.warnings.find((p) => p.code === 'content-no-articles');
    expect(none?.file).toBe('content');
    expect(none?.message).toContain('3 files (2 .html, 1 .txt)');
    expect(none?.message).toContain('.markdown');
  });
});
