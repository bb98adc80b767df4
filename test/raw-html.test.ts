// Raw HTML in an article: GFM's tag filter applies (the nine tags that change how everything after
// them is read show as text, "Use the <textarea> element" reads as written), and a whole <script>
// or <style> element goes with its contents, never showing its code as text. Checked against
// every example of the GFM spec's sections on HTML blocks, raw HTML and the tag filter
// (test/fixtures/gfm-spec-raw-html.json), compared as sanitised HTML trees.

import { readFileSync } from 'node:fs';
import rehypeParse from 'rehype-parse';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../src/render/markdown.js';
import { sanitizeSchema } from '../src/render/raw-html.js';
import { buildInMemory } from './helpers/memory-site.js';
import { article } from './helpers/site.js';

const NOW = Date.parse('2026-01-01T00:00:00Z');
const OPTIONS = { summaryLength: 200, basePath: '/', contentPath: '2025/12/a.md' };

interface SpecExample {
  example: number;
  section: string;
  markdown: string;
  html: string;
}
const spec = JSON.parse(readFileSync(new URL('fixtures/gfm-spec-raw-html.json', import.meta.url), 'utf8')) as { examples: SpecExample[] };

/**
 * The two examples whose expected HTML changed after the GFM spec (0.29): CommonMark 0.31.2, which
 * micromark follows, reads `<!-- a -- b -->` and `<!-->` as comments (its examples 628 and 629).
 */
const COMMONMARK_0_31: Record<number, string> = {
  645: '<p>foo <!-- not a comment -- two hyphens --></p>\n',
  646: '<p>foo <!--> foo --></p>\n<p>foo <!-- foo---></p>\n',
};

/** The examples with a whole <script> or <style> element: dropped here, shown as text by GFM. */
const WHOLE_CODE_ELEMENTS = [140, 141, 145, 147];

/** The spec's tag filter, as it defines it: the leading "<" of these nine tags becomes "&lt;". */
const tagFilter = (html: string, names = 'iframe|noembed|noframes|plaintext|script|style|textarea|title|xmp') =>
  html.replace(new RegExp(`<(/?)(${names})(?=[\\t\\n\\f\\r />])`, 'gi'), '&lt;$1$2');

/** HTML as a tree a browser would build, sanitised as article bodies are, without heading ids, serialised. */
const normalise = (() => {
  const processor = unified()
    .use(rehypeParse, { fragment: true })
    .use(rehypeSanitize, sanitizeSchema)
    .use(rehypeStringify)
    .freeze();
  return (html: string) => String(processor.processSync(html.trimEnd())).replace(/ id="[^"]*"/g, '').replace(/\n+/g, '\n').trim();
})();

describe('raw HTML against the GFM spec', () => {
  const ours = (example: SpecExample) => normalise(renderMarkdown(example.markdown, OPTIONS).html);
  /** GFM's output with its tag filter on. */
  const gfm = (example: SpecExample) => normalise(tagFilter(COMMONMARK_0_31[example.example] ?? example.html));
  /** GFM's output with whole script and style elements taken out instead of filtered. */
  const withoutCode = (example: SpecExample) => normalise(tagFilter(example.html, 'iframe|noembed|noframes|plaintext|textarea|title|xmp'));

  it('covers the sections on HTML blocks, raw HTML and the tag filter (example 653)', () => {
    expect(spec.examples).toHaveLength(65);
    expect(spec.examples.map((e) => e.example)).toContain(653);
  });

  it('matches GFM with its tag filter on every example, whole script and style elements aside', () => {
    const differing = spec.examples.filter((example) => ours(example) !== gfm(example)).map((example) => example.example);
    expect(differing).toEqual(WHOLE_CODE_ELEMENTS);
  });

  it('drops each whole script and style element with its contents, and matches GFM on everything else of those examples', () => {
    const examples = spec.examples.filter((e) => WHOLE_CODE_ELEMENTS.includes(e.example));
    expect(examples).toHaveLength(WHOLE_CODE_ELEMENTS.length);
    for (const example of examples) {
      expect(ours(example), `example ${example.example}`).toBe(withoutCode(example));
      expect(ours(example)).not.toMatch(/script|style|color|JavaScript|foo\n/);
    }
  });

  it('gives example 653 exactly', () => {
    const example = spec.examples.find((e) => e.example === 653)!;
    expect(ours(example)).toBe(normalise(example.html));
    expect(renderMarkdown(example.markdown, OPTIONS).html).toContain('&#x3C;xmp> is disallowed.  &#x3C;XMP> is also disallowed.');
  });
});

describe('raw HTML in an article', () => {
  const body = [
    'Use the <textarea> element for long answers, and *this* stays emphasis.',
    '',
    '<style>',
    '.article-body p { color: red }',
    '</style>',
    '',
    '<blockquote class="twitter-tweet"><p>Snow in Almaty today.</p></blockquote>',
    '<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>',
    '',
    'A <title> in a sentence, and a <script> left open: the rest is still here.',
    '',
    'The last paragraph.',
  ].join('\n');

  it('shows filtered tags as text, drops whole script and style elements with their code, and loses nothing else', async () => {
    const site = await buildInMemory({
      'site.config.ts': `export default { title: 'Steppe Times' };\n`,
      'content/2025/12/a.md': article({ title: 'HTML', date: '2025-12-18' }, body),
    }, { now: NOW });
    expect(site.problems).toEqual([]);
    const $ = site.page('/2025/12/18/html/');
    const paragraphs = $('.article-body p').map((_, p) => $(p).text()).get();
    expect(paragraphs).toEqual([
      'Use the <textarea> element for long answers, and this stays emphasis.',
      'Snow in Almaty today.',
      'A <title> in a sentence, and a <script> left open: the rest is still here.',
      'The last paragraph.',
    ]);
    expect($('.article-body em').text()).toBe('this');
    expect($('.article-body').text()).not.toContain('color');
    expect($('.article-body script, .article-body style, .article-body textarea, .article-body title').length).toBe(0);
    expect($('.article-body blockquote').length).toBe(1);
  });
});
