// The theme's texts in the page's language (docs/translations.md): tables for en, ru and kk that
// cover every text the theme prints, a site's own table laid over the theme's, forms for numbers
// by the language's plural rules, English for a text a language lacks (a warning naming it),
// dates and numbers in the language's locale, and an English site whose pages read as before.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Tokenizer, TokenKind } from 'liquidjs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES } from '../src/pages/templates.js';
import { loadUiTables, parseUiTable, valueNames, type UiEntry } from '../src/pages/ui-tables.js';
import { UiStrings } from '../src/pages/ui-text.js';
import { formatProblem } from '../src/problems/index.js';
import { build } from '../src/build.js';
import { buildInMemory } from './helpers/memory-site.js';
import { article, makeSite, page, writeFiles } from './helpers/site.js';

const NOW = Date.parse('2026-01-01T00:00:00Z');

/** The theme's own table of a language, read as the build reads it. */
function themeTable(code: string): Map<string, UiEntry> {
  const file = path.join(DEFAULT_TEMPLATES, 'i18n', `${code}.yaml`);
  const { table, problems } = parseUiTable(readFileSync(file, 'utf8'), file);
  expect(problems).toEqual([]);
  return table.entries;
}

/** The theme's texts for a site with this config (no templates of its own). */
function themeStrings(config: { language: string; languages?: Record<string, { direction: 'ltr' | 'rtl' }> }): UiStrings {
  const files = new Map([[DEFAULT_TEMPLATES, readdirSync(path.join(DEFAULT_TEMPLATES, 'i18n')).map((name) => [`i18n/${name}`, path.join(DEFAULT_TEMPLATES, 'i18n', name)] as [string, string])]]);
  const site = { root: '/site', templatesPath: '/site/templates', title: 'T', description: '', ...config };
  const { tables, problems } = loadUiTables({ roots: [DEFAULT_TEMPLATES], files }, site);
  expect(problems).toEqual([]);
  return new UiStrings(tables, site);
}

/** Every key the theme's templates print with t, t_html or t_script, by template file. */
function keysTheTemplatesPrint(): Map<string, string[]> {
  const used = new Map<string, string[]>();
  const files = readdirSync(DEFAULT_TEMPLATES, { recursive: true }).map(String).filter((file) => file.endsWith('.liquid'));
  for (const file of files) {
    const source = readFileSync(path.join(DEFAULT_TEMPLATES, file), 'utf8');
    for (const token of new Tokenizer(source).readTopLevelTokens()) {
      // An output ({{ }}): its text between the delimiters (liquidjs does not export the OutputToken type).
      if (token.kind !== TokenKind.Output || !('content' in token) || typeof token.content !== 'string') continue;
      const reader = new Tokenizer(token.content);
      const [first] = reader.readExpression().postfix;
      const filters = reader.readFilters().map((filter) => filter.name);
      const key = first && 'content' in first && typeof first.content === 'string' ? first.content : undefined;
      if (key !== undefined && ['t', 't_html', 't_script'].includes(filters[0] ?? '')) used.set(key, [...(used.get(key) ?? []), file]);
    }
  }
  return used;
}

describe('the theme’s tables', () => {
  it('have an English text for every key the theme’s templates print', () => {
    const english = themeTable('en');
    const used = keysTheTemplatesPrint();
    expect(used.size).toBeGreaterThan(50);
    // t_script prints a group: the keys under it.
    const missing = [...used].filter(([key]) => !english.has(key) && ![...english.keys()].some((known) => known.startsWith(`${key}.`)));
    expect(missing).toEqual([]);
  });

  it('give Russian and Kazakh every English text, with the same {values}', () => {
    const english = themeTable('en');
    for (const code of ['ru', 'kk']) {
      const table = themeTable(code);
      const gaps = [...english.keys()].filter((key) => !table.has(key));
      const extra = [...table.keys()].filter((key) => !english.has(key));
      const values = [...english].filter(([key, entry]) => table.has(key) && valueNames(table.get(key)!).sort().join() !== valueNames(entry).sort().join()).map(([key]) => key);
      expect({ code, gaps, extra, values }).toEqual({ code, gaps: [], extra: [], values: [] });
    }
  });

  it('give Russian every form its numbers take: one, few, many and other', () => {
    const russian = themeTable('ru');
    const withForms = [...themeTable('en')].filter(([, entry]) => typeof entry !== 'string').map(([key]) => key);
    expect(withForms).toEqual(expect.arrayContaining(['list.count', 'byline.by', 'search.results.found']));
    for (const key of withForms) expect(Object.keys(russian.get(key)!).sort(), key).toEqual(['few', 'many', 'one', 'other']);
  });

  it('leave a site in Kazakh, Russian and English without a translation warning', async () => {
    const site = await buildInMemory({
      'site.config.ts': "export default { title: 'Дала', languages: { kk: {}, ru: {}, en: {} }, defaultLanguage: 'kk' };\n",
      'content/2025/12/a.md': article({ title: 'Жаңалық', date: '2025-12-18' }),
    }, { now: NOW });
    expect(site.ok).toBe(true);
    expect(site.warnings.map((p) => formatProblem(p))).toEqual([]);
  });
});

describe('a text in the page’s language', () => {
  it('chooses the Russian form by the number: 1, 21 статья; 2, 22 статьи; 5, 11, 111 статей', () => {
    const russian = themeStrings({ language: 'ru' }).of('ru');
    const counts = [1, 2, 5, 11, 21, 22, 25, 111, 0].map((count) => russian.text('list.count', { count }));
    expect(counts).toEqual(['1 статья', '2 статьи', '5 статей', '11 статей', '21 статья', '22 статьи', '25 статей', '111 статей', '0 статей']);
    expect(russian.text('byline.by', { names: 'А', count: 1 })).toBe('Автор: А');
    expect(russian.text('byline.by', { names: 'А и Б', count: 2 })).toBe('Авторы: А и Б');
  });

  it('has one form for one and another for the rest in English; Kazakh keeps the noun singular after a number', () => {
    const strings = themeStrings({ language: 'en', languages: { en: { direction: 'ltr' }, kk: { direction: 'ltr' } } });
    expect([1, 2, 21].map((count) => strings.of('en').text('list.count', { count }))).toEqual(['1 article', '2 articles', '21 articles']);
    expect([1, 2, 21].map((count) => strings.of('kk').text('list.count', { count }))).toEqual(['1 мақала', '2 мақала', '21 мақала']);
  });

  it('writes numbers as the locale does on a site of several languages, as plain digits on a site of one', () => {
    const several = themeStrings({ language: 'ru', languages: { ru: { direction: 'ltr' }, en: { direction: 'ltr' } } });
    expect(several.of('ru').text('list.count', { count: 1234 })).toBe('1\u00a0234 статьи');
    expect(several.of('en').text('list.count', { count: 1234 })).toBe('1,234 articles');
    expect(themeStrings({ language: 'en' }).of('en').text('list.count', { count: 1234 })).toBe('1234 articles');
  });

  it('counts articles on a Russian site’s pages in Russian', async () => {
    const tags = ['[Алматы, Астана, Шымкент]', '[Алматы, Астана]', '[Алматы]', '[Алматы]', '[Алматы]'];
    const files: Record<string, string> = { 'site.config.ts': "export default { title: 'Степь', language: 'ru' };\n" };
    tags.forEach((list, i) => (files[`content/2025/12/s${i}.md`] = article({ title: `Новость ${i}`, date: `2025-12-1${i}`, topic: 'Общество', tags: list })));
    const site = await buildInMemory(files, { now: NOW });
    expect(site.ok).toBe(true);
    const counts = site.page('/tags/')('.term-list li').map((_, li) => site.page('/tags/')(li).text().replace(/\s+/g, ' ')).get();
    expect(counts).toEqual(['Алматы 5 статей', 'Астана 2 статьи', 'Шымкент 1 статья']);
    expect(site.page('/tags/shymkent/')('.kicker').text()).toBe('Тег');
    expect(site.page('/tags/shymkent/')('meta[name="description"]').attr('content')).toBe('Статьи с тегом «Шымкент» на сайте Степь.');
    // A date that ends with its own period ("г.") ends the sentence: no second period after it.
    expect(site.page('/2025/12/')('meta[name="description"]').attr('content')).toBe('Новости сайта Степь: Декабрь 2025 г.');
    expect(site.page('/2025/12/12/')('meta[name="description"]').attr('content')).toBe('Новости сайта Степь: 12 декабря 2025 г.');
  });

  it('puts values in as text, escaped, and t_html puts in the markup a template made', async () => {
    const site = await buildInMemory({
      'site.config.ts': "export default { title: 'T' };\n",
      'templates/i18n/en.yaml': 'greeting:\n  hello: "Hello, {name} & co"\n',
      'templates/404.liquid': '{% layout "layouts/base" %}{% block main %}<p id="text">{{ "greeting.hello" | t: name: "Tom & <Jerry>" }}</p><p id="html">{{ "greeting.hello" | t_html: name: "<b>Tom</b>" | raw }}</p>{% endblock %}',
    }, { now: NOW });
    expect(site.ok).toBe(true);
    expect(site.page('/404.html')('#text').html()).toBe('Hello, Tom &amp; &lt;Jerry&gt; &amp; co');
    expect(site.page('/404.html')('#html').html()).toBe('Hello, <b>Tom</b> &amp; co');
  });
});

describe('a text a language lacks', () => {
  const files = (config: string) => ({
    'site.config.ts': config,
    'templates/i18n/en.yaml': 'footer:\n  note: Independent news since 1991\n',
    'templates/partials/breadcrumbs.liquid': '<p class="note">{{ "footer.note" | t }}</p>\n',
    'content/2025/12/a.md': article({ title: 'A', date: '2025-12-18', tags: '[Almaty]' }),
    'content/2025/12/b.md': article({ title: 'B', date: '2025-12-17', tags: '[Almaty]' }),
  });

  it('is shown in English, and is one warning naming the key, the language and its table', async () => {
    const site = await buildInMemory(files("export default { title: 'T', language: 'ru' };\n"), { now: NOW });
    expect(site.ok).toBe(true);
    expect(site.page('/2025/12/18/a/')('.note').text()).toBe('Independent news since 1991');
    expect(site.page('/')('.skip-link').text()).toBe('Перейти к содержанию');
    expect(site.warnings.map((p) => formatProblem(p))).toEqual([
      'templates/i18n/ru.yaml:1:1 warning footer.note: has no ru text: ru pages show the English one [i18n-missing]\n    hint: add "note: ..." under "footer" of this table',
    ]);
  });

  it('is warned about the same way whether pages are rendered on one thread or several', async () => {
    const config = "export default { title: 'T', language: 'ru' };\n";
    const one = await buildInMemory(files(config), { now: NOW, threads: 1 });
    const several = await buildInMemory(files(config), { now: NOW, threads: 2 });
    expect(several.warnings).toEqual(one.warnings);
  });

  it('in English too stops the build, naming the key and the template', async () => {
    const site = await buildInMemory({
      'site.config.ts': "export default { title: 'T' };\n",
      'templates/404.liquid': '{% layout "layouts/base" %}{% block main %}\n<p>{{ "greeting.helo" | t }}</p>{% endblock %}',
    }, { now: NOW });
    expect(site.ok).toBe(false);
    expect(site.problems.map((p) => formatProblem(p))).toEqual([expect.stringMatching(/^templates\/404\.liquid:2:\d+ error .*no text "greeting\.helo" in the theme's English table.* \[template-render\]/)]);
  });
});

describe('a site’s own table', () => {
  it('changes the texts it names, in pages and their titles, and leaves the rest to the theme', async () => {
    const site = await buildInMemory({
      'site.config.ts': "export default { title: 'Степь', language: 'ru' };\n",
      'templates/i18n/ru.yaml': 'breadcrumbs:\n  home: На главную\narticle:\n  related: Ещё по теме\n',
      'content/2025/12/a.md': article({ title: 'А', date: '2025-12-18', tags: '[Алматы]' }),
      'content/2025/12/b.md': article({ title: 'Б', date: '2025-12-17', tags: '[Алматы]' }),
    }, { now: NOW });
    expect(site.ok).toBe(true);
    const page = site.page('/2025/12/18/a/');
    expect(page('#related-heading').text()).toBe('Ещё по теме');
    expect(page('.breadcrumbs a').first().text()).toBe('На главную');
    const trail = page('script[type="application/ld+json"]').map((_, script) => JSON.parse(page(script).text())).get().find((data) => data['@type'] === 'BreadcrumbList');
    expect(trail.itemListElement[0].name).toBe('На главную');
    expect(page('.article-footer h2').text()).toBe('Теги');
    expect(site.warnings).toEqual([]);
  });

  it('edited between two builds is on every page of the second, cache and all', async () => {
    const root = makeSite({
      'site.config.ts': "export default { title: 'T' };\n",
      'templates/i18n/en.yaml': 'article:\n  related: See also\n',
      'content/2025/12/a.md': article({ title: 'A', date: '2025-12-18', tags: '[Almaty]' }),
      'content/2025/12/b.md': article({ title: 'B', date: '2025-12-17', tags: '[Almaty]' }),
    });
    await build({ root, now: NOW, threads: 1 });
    expect(page(path.join(root, 'dist'), '/2025/12/18/a/')('#related-heading').text()).toBe('See also');
    writeFiles(root, { 'templates/i18n/en.yaml': 'article:\n  related: Read next\nheader:\n  archive: Past news\n' });
    await build({ root, now: NOW, threads: 1 });
    const dist = path.join(root, 'dist');
    expect(page(dist, '/2025/12/18/a/')('#related-heading').text()).toBe('Read next');
    expect(['/', '/2025/12/17/b/', '/tags/almaty/', '/404.html'].map((url) => page(dist, url)('.site-nav li:last-child').text())).toEqual(['Past news', 'Past news', 'Past news', 'Past news']);
  });

  it('with a misspelled key or an unknown {value} is a warning at its line, with the key it may mean', async () => {
    const site = await buildInMemory({
      'site.config.ts': "export default { title: 'T', language: 'ru' };\n",
      'templates/i18n/ru.yaml': 'artcle:\n  related: Ещё\nlist:\n  empty: Нет статей ({count}).\n',
      'content/2025/12/a.md': article({ title: 'A', date: '2025-12-18' }),
    }, { now: NOW });
    expect(site.ok).toBe(true);
    expect(site.warnings.map((p) => formatProblem(p))).toEqual([
      'templates/i18n/ru.yaml:2:3 warning artcle.related: is not a key of the English table: no page shows it [i18n-unknown]\n    hint: did you mean "article.related"?',
      'templates/i18n/ru.yaml:4:3 warning list.empty: names {count}, which the English text does not: it is shown as written [i18n-unknown]\n    hint: this text takes no values',
    ]);
  });

  it('that is not YAML, or holds a list, stops the build at the line at fault', async () => {
    const site = await buildInMemory({
      'site.config.ts': "export default { title: 'T', language: 'ru' };\n",
      'templates/i18n/en.yaml': 'article:\n  related: [More\n',
      'templates/i18n/ru.yaml': 'article:\n  tags:\n    - Теги\nlist:\n  count:\n    one: "{count} статья"\n',
      'content/2025/12/a.md': article({ title: 'A', date: '2025-12-18' }),
    }, { now: NOW });
    expect(site.ok).toBe(false);
    expect(site.problems.map((p) => formatProblem(p))).toEqual([
      expect.stringMatching(/^templates\/i18n\/en\.yaml:3:1 error invalid YAML: .* \[i18n-invalid\]/),
      'templates/i18n/ru.yaml:3:5 error article.tags: is not a text; expected a text, a group of keys, or forms for numbers (one:, few:, many:, other:) [i18n-invalid]\n' +
        '    hint: write the text after the key, in quotes when it starts with [, {, * or &: related: "[Related]"',
      expect.stringMatching(/^templates\/i18n\/ru\.yaml:5:3 error list\.count: has forms for numbers but no `other` form; expected an `other:` form/),
    ]);
  });
});

describe('dates in the page’s language', () => {
  it('are Kazakh on a Kazakh page, Russian on a Russian article’s page', async () => {
    const site = await buildInMemory({
      'site.config.ts': "export default { title: 'Дала', languages: { kk: {}, ru: {}, en: {} }, defaultLanguage: 'kk' };\n",
      'content/2025/12/a.md': article({ title: 'Тәуелсіздік күні', date: '2025-12-16 10:00', updated: '2025-12-18 19:20' }),
      'content/2025/12/b.md': article({ title: 'День независимости', date: '2025-12-16', lang: 'ru' }),
    }, { now: NOW });
    expect(site.ok).toBe(true);
    const kazakh = site.page('/2025/12/16/tauelsizdik-kuni/');
    expect(kazakh('.article-header time').map((_, time) => kazakh(time).text()).get()).toEqual(['2025 ж. 16 желтоқсан, 10:00', '2025 ж. 18 желтоқсан, 19:20']);
    expect(kazakh('.article-header .meta').text()).toContain('Жаңартылды');
    expect(site.page('/2025/12/')('h1').text()).toBe('2025 ж. желтоқсан');
    expect(site.page('/2025/12/16/')('h1').text()).toBe('2025 ж. 16 желтоқсан');
    const russian = site.page('/ru/2025/12/16/den-nezavisimosti/');
    expect(russian('.article-header time').text()).toBe('16 декабря 2025 г.');
    expect(russian('.skip-link').text()).toBe('Перейти к содержанию');
  });
});

describe('an English site of one language', () => {
  it('reads as before: every text of the theme and of page titles, descriptions and crumbs as it was', async () => {
    const site = await buildInMemory({
      'site.config.ts': "export default { title: 'Rich Times', pageSize: 1 };\n",
      'content/authors.yaml': '- name: Aigerim Sultanova\n  url: https://aigerim.example.org/\n',
      'content/2025/12/a.md': article({ title: 'First story', date: '2025-12-18 10:00', topic: 'Culture', tags: '[Almaty]', author: '[Aigerim Sultanova, Bob Smith, Carla Diaz]', source: 'Agency', updated: '2025-12-19 11:00', corrections: '[{date: 2025-12-19, text: Fixed a name.}]' }),
      'content/2025/12/b.md': article({ title: 'Second story', date: '2025-12-17', topic: 'Culture', tags: '[almaty]', author: 'Aigerim Sultanova', aliases: '[/old/second.html]' }),
    }, { now: NOW });
    expect(site.ok).toBe(true);
    const text = (url: string, selector: string) => site.page(url)(selector).map((_, element) => site.page(url)(element).text().replace(/\s+/g, ' ').trim()).get();
    const description = (url: string) => site.page(url)('meta[name="description"]').attr('content');
    const story = '/2025/12/18/first-story/';
    expect(site.page('/')('html').attr('dir')).toBeUndefined();
    expect(text(story, '.skip-link, .site-nav li:last-child, .breadcrumbs li:first-child, .article-footer h2, #related-heading, #article-corrections, .source')).toEqual(['Skip to content', 'Archive', 'Home', 'Source: Agency', 'Correction', 'Tags', 'Related']);
    expect(text(story, '.article-header .meta')[0]).toMatch(/^December 18, 2025 at 10:00 AM · Updated December 19, 2025 at 11:00 AM · By Aigerim Sultanova, Bob Smith and Carla Diaz$/);
    expect(text(story, '.article-nav span')).toEqual(['Previous article']);
    expect(text('/page/1/', 'h1, .pagination')).toEqual(['Latest news, page 1', '← Newer Page 1']);
    expect(site.page('/page/1/')('title').text()).toBe('Rich Times, page 1 – Rich Times');
    expect(text('/tags/almaty/', '.kicker, .spellings, .count')).toEqual(['Tag', 'Also written as almaty.', '2 articles']);
    expect(text('/archive/', 'h1, h2 .count')).toEqual(['Archive', '2 articles']);
    expect(text('/authors/aigerim-sultanova/', '.kicker, .profile-links a, p.count')).toEqual(['Author', 'Website', '2 articles']);
    expect(text('/search/', 'h1, label, .search-more')).toEqual(['Search', 'Words to find', 'Topic', 'Year', 'More results']);
    expect(site.outputs.get('old/second.html')).toContain('<body><p>This article has moved: <a href="/2025/12/17/second-story/">Second story</a>.</p></body>');
    expect(text('/404.html', 'h1, main p, main li')).toEqual(['Page not found', 'There is no page at this address. It may have moved, or the link may be mistyped.', 'Latest news', 'All topics', 'Archive']);
    expect([story, '/', '/topics/', '/topics/culture/', '/tags/almaty/', '/authors/bob-smith/', '/archive/', '/2025/', '/2025/12/', '/2025/12/18/', '/search/', '/404.html'].map(description)).toEqual([
      expect.any(String),
      'Latest news from Rich Times',
      'All topics of Rich Times, with the number of articles in each.',
      'News about Culture from Rich Times.',
      'Articles about Almaty from Rich Times.',
      'Articles by Bob Smith from Rich Times.',
      'Every month of Rich Times, newest first.',
      'News from Rich Times in 2025, by month.',
      'News from Rich Times in December 2025.',
      'News from Rich Times on December 18, 2025.',
      'Search the articles of Rich Times.',
      'This page does not exist on Rich Times.',
    ]);
  });
});
