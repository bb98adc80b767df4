// One run reports every problem it can find: a broken template does not hide behind a broken
// article, nor the reverse (templates are checked before content errors stop the build).

import { describe, expect, it } from 'vitest';
import { build } from '../src/build.js';
import { BuildFailure, type Problem } from '../src/problems/index.js';
import { article, makeSite } from './helpers/site.js';

async function problemsOf(root: string): Promise<Problem[]> {
  try {
    await build({ root, cache: false, now: Date.parse('2026-01-01') });
  } catch (error) {
    if (error instanceof BuildFailure) return [...error.problems];
    throw error;
  }
  return [];
}

describe('a run with a broken article and a broken template', () => {
  it('reports both, each with its file and line', async () => {
    const root = makeSite({
      'site.config.ts': `export default { title: 'T' };\n`,
      'content/good.md': article({ title: 'Good', date: '2025-12-18' }),
      'content/bad.md': '---\ntitle: Bad\ndate: 18.12.2025\n---\n\nText.\n',
      'templates/tag.liquid': '{% layout "layouts/base" %}\n{% block content %}\n{% if %}\n{% endblock %}\n',
    });
    const problems = await problemsOf(root);
    const places = problems.map((problem) => `${problem.file}:${problem.line} ${problem.code}`);
    expect(places).toContain('content/bad.md:3 date-invalid');
    expect(places.some((place) => /^templates\/tag\.liquid:\d+ template-syntax$/.test(place))).toBe(true);
  });
});
