// Templates have limits (issue 18): no template, and no front-matter value a template loops over,
// can hang a build or fill memory until V8 aborts. Each limit counts work, never time: a page past
// one is a template-render problem naming the template file and the line of the tag.

import { describe, expect, it } from 'vitest';
import { formatProblems } from '../src/problems/index.js';
import { buildInMemory } from './helpers/memory-site.js';
import { makeSite, runCli } from './helpers/site.js';

const NOW = Date.parse('2026-01-01T00:00:00Z');
const CONFIG = { 'site.config.ts': "export default { title: 'Steppe Times' };\n" };
const ARTICLE = '---\ntitle: Count\ndate: 2025-12-18\ncount: 100000000\n---\n\nBody.\n';

/** A site whose article template is `article` (a whole template, with the default layout). */
function withArticleTemplate(article: string) {
  return { ...CONFIG, 'content/2025/12/count.md': ARTICLE, 'templates/article.liquid': `{% layout "layouts/base" %}{% block main %}\n${article}\n{% endblock %}\n` };
}

describe('a template that loops without end', () => {
  it('over a range of a billion is stopped before it allocates, at the line of the loop, exit 1 and no V8 abort', async () => {
    const root = makeSite(withArticleTemplate('<p>{{ article.title }}</p>\n{% for i in (1..1000000000) %}{{ i }}{% endfor %}'));
    const result = await runCli(['build'], root);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'templates/article.liquid:3:1 error the template makes ranges or filter results of more than 20,000,000 elements in one page (Broadsheet\'s limit) (rendering template "article") [template-render]',
    );
    expect(result.stderr).toContain('docs/limits.md');
    expect(result.stderr).not.toMatch(/FATAL|heap out of memory|\n\s+at /);
  }, 120_000);

  it('over a number from the front-matter is stopped before the range is made', async () => {
    const site = await buildInMemory(withArticleTemplate('{% for i in (1..10000) %}\n{% for j in (1..article.extra.count) %}{% endfor %}{% endfor %}'), { now: NOW });
    expect(site.ok).toBe(false);
    // The inner range (100,000,000 elements, from the front-matter) is over the memory limit: refused before it is made.
    expect(formatProblems(site.problems)).toMatch(/^templates\/article\.liquid:3:1 error the template makes ranges or filter results of more than 20,000,000 elements/);
  });

  it('whose iterations make no output and allocate little, is stopped after ten million steps', async () => {
    const site = await buildInMemory(withArticleTemplate('{% for i in (1..5000) %}{% for j in (1..5000) %}{% endfor %}{% endfor %}'), { now: NOW });
    expect(site.ok).toBe(false);
    expect(formatProblems(site.problems)).toMatch(
      /^templates\/article\.liquid:2:25 error the template takes more than 10,000,000 steps \(loop iterations, includes, blocks\) for one page \(Broadsheet's limit\) \(rendering template "article"\) \[template-render\]/,
    );
  });

  it('making a gigabyte of HTML is stopped at 64 Mi characters', async () => {
    const site = await buildInMemory(withArticleTemplate(`{% for i in (1..1000000) %}${'x'.repeat(1000)}{% endfor %}`), { now: NOW });
    expect(site.ok).toBe(false);
    expect(formatProblems(site.problems)).toMatch(/^templates\/article\.liquid:2:1 error the template makes more than 67,108,864 characters of HTML for one page/);
  });

  it('a partial that includes itself, directly or through another, is named at its include with what went wrong, not a bare stack overflow', async () => {
    for (const [self, other] of [
      ["<nav>{% include 'partials/breadcrumbs' %}</nav>", undefined],
      ["<nav>{% render 'partials/meta' %}</nav>", "<p>{% render 'partials/breadcrumbs' %}</p>"],
    ] as const) {
      const files: Record<string, string> = { ...CONFIG, 'content/2025/12/count.md': ARTICLE, 'templates/partials/breadcrumbs.liquid': self };
      if (other) files['templates/partials/meta.liquid'] = other;
      const site = await buildInMemory(files, { now: NOW });
      expect(site.ok).toBe(false);
      const shown = formatProblems(site.problems);
      expect(shown).toMatch(/^templates\/partials\/(breadcrumbs|meta)\.liquid:1:\d+ error templates include or render one another without end here \(a partial that includes itself, directly or through another\)/m);
      expect(shown).not.toContain('Maximum call stack');
    }
  });

  it('leaves the default theme and ordinary loops alone', async () => {
    const site = await buildInMemory(withArticleTemplate('<ol class="numbers">{% for i in (1..1000) %}<li>{{ i }}</li>{% endfor %}</ol>'), { now: NOW });
    expect(site.ok).toBe(true);
    expect(site.page('/2025/12/18/count/')('ol.numbers > li')).toHaveLength(1000);
  });
});
