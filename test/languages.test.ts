// A site in three languages (issue 22): Kazakh at /, Russian under /ru/, English under /en/; some
// stories in all three, some in one. Translations inherit what they do not set, every language
// has every page kind and its own feeds, and the hreflang sets of the pages and the sitemap agree,
// are reciprocal and name only pages that exist. A site with one language is unchanged.

import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { XMLParser } from 'fast-xml-parser';
import { allLeftOut } from '../src/model/languages.js';
import { leftOutLines } from '../src/report.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/build.js';
import { buildInMemory, parsePage, type MemoryBuild } from './helpers/memory-site.js';
import { photo } from './helpers/photos.js';
import { article, makeSite, writeFiles } from './helpers/site.js';

const CONFIG = `export default {
  title: 'Дала жаңалықтары',
  baseUrl: 'https://example.org/news/',
  publisher: 'Steppe Media',
  timeZone: 'Asia/Almaty',
  defaultLanguage: 'kk',
  languages: { kk: { title: 'Дала жаңалықтары' }, ru: { title: 'Новости степи' }, en: { title: 'Steppe News' } },
};
`;

/** The trilingual fixture: the budget story in three languages, the snow story in Kazakh only, one English-only story. */
async function trilingualFiles(): Promise<Record<string, string | Uint8Array>> {
  return {
    'site.config.ts': CONFIG,
    'content/kk/2025/12/budget/index.md': article(
      {
        title: 'Парламент бюджетті қабылдады',
        date: '2025-12-18 10:00',
        topic: 'Саясат',
        tags: '[Бюджет, Парламент]',
        author: 'Айгерім Садықова',
        image: 'hall.jpg',
        imageAlt: 'Мәжіліс залы',
        imageCaption: 'Дауыс беру',
      },
      'Төменгі палата бейсенбіде бюджетті қабылдады.',
    ),
    'content/kk/2025/12/budget/hall.jpg': await photo(800, 600),
    'content/kk/2025/12/snow.md': article({ title: 'Қар жолдарды жапты', date: '2025-12-17 09:00', topic: 'Ауа райы' }, 'Солтүстікте қалың қар жолдарды жауып тастады.'),
    // Title and body only: date, topic, tags, author and photo come from the Kazakh original.
    'content/ru/2025/12/budget/index.md': article({ title: 'Парламент принял бюджет' }, 'Нижняя палата приняла бюджет в четверг.'),
    // Linked by translationKey, not by path; its own imageAlt.
    'content/en/budget-story.md': article({ title: 'Parliament passes the budget', translationKey: '2025/12/budget/index.md', imageAlt: 'The Mazhilis chamber' }, 'The lower house passed the budget on Thursday.'),
    'content/en/2025/12/only-english.md': article({ title: 'A story in English only', date: '2025-12-16 09:00', topic: 'World' }, 'Only in English.'),
    'content/ru/terms.yaml': 'topics:\n  Саясат: Политика\ntags:\n  Бюджет: Бюджет\n  Парламент: Парламент\n',
    'content/en/terms.yaml': 'topics:\n  Саясат: Politics\ntags:\n  Бюджет: Budget\n',
  };
}

const BUDGET = {
  kk: '/2025/12/18/parlament-byudzhetti-qabyldady/',
  ru: '/ru/2025/12/18/parlament-prinyal-byudzhet/',
  en: '/en/2025/12/18/parliament-passes-the-budget/',
};
const ORIGIN = 'https://example.org/news';
const NOW = Date.parse('2025-12-19T00:00:00Z');

let site: MemoryBuild;
beforeAll(async () => {
  site = await buildInMemory(await trilingualFiles(), { now: NOW });
  expect(site.problems).toEqual([]);
}, 120_000);

const htmlPages = () => [...site.outputs.keys()].filter((file) => file.endsWith('.html'));
const urlOf = (file: string) => `/${file.replace(/index\.html$/, '')}`;
/** The output file a link on the site leads to, if the site has one. */
const target = (href: string) => {
  const local = href.startsWith(ORIGIN) ? href.slice(ORIGIN.length) : href.replace(/^\/news/, '');
  const file = local.replace(/^\//, '') + (local.endsWith('/') ? 'index.html' : '');
  return site.outputs.has(file) ? file : undefined;
};

describe('a site in three languages', () => {
  it('puts the default language at / and each other one under its code, every page kind in each', () => {
    for (const prefix of ['', 'ru/', 'en/']) {
      for (const page of ['index.html', '404.html', 'topics/index.html', 'tags/index.html', 'authors/index.html', 'archive/index.html', 'search/index.html', 'feed.xml', 'atom.xml', 'feed.json']) {
        expect(site.outputs.has(`${prefix}${page}`), `${prefix}${page}`).toBe(true);
      }
    }
    for (const url of Object.values(BUDGET)) expect(target(url), url).toBeDefined();
    expect(site.outputs.has('ru/2025/12/17/index.html')).toBe(false); // the snow story is Kazakh only
    expect(site.outputs.has('en/2025/12/16/a-story-in-english-only/index.html')).toBe(true);
  });

  it("marks each page with its language and shows that language's site title", () => {
    const titles: Record<string, string> = { kk: 'Дала жаңалықтары', ru: 'Новости степи', en: 'Steppe News' };
    for (const [lang, url] of Object.entries(BUDGET)) {
      const $ = site.page(url);
      expect($('html').attr('lang')).toBe(lang);
      expect($('title').text()).toContain(titles[lang]);
    }
    expect(site.page('/ru/topics/')('html').attr('lang')).toBe('ru');
  });

  it("gives a translation its original's date, topic, tags, author and photo, with its own names for the terms", () => {
    const kk = site.page(BUDGET.kk);
    const ru = site.page(BUDGET.ru);
    const en = site.page(BUDGET.en);
    expect(ru('article time[datetime]').first().attr('datetime')).toBe(kk('article time[datetime]').first().attr('datetime'));
    const terms = ($: cheerio.CheerioAPI) => $('main a[href*="/topics/"], main a[href*="/tags/"]').map((_, a) => `${$(a).attr('href')} ${$(a).text().trim()}`).get();
    expect(terms(ru)).toEqual(expect.arrayContaining(['/news/ru/topics/sayasat/ Политика', '/news/ru/tags/byudzhet/ Бюджет', '/news/ru/tags/parlament/ Парламент']));
    // No English name for Парламент: the tag keeps its Kazakh name.
    expect(terms(en)).toEqual(expect.arrayContaining(['/news/en/topics/sayasat/ Politics', '/news/en/tags/byudzhet/ Budget', '/news/en/tags/parlament/ Парламент']));
    expect(ru('a[href="/news/ru/authors/aygerim-sadyqova/"]').length).toBeGreaterThan(0);
    expect(ru('figure img').attr('alt')).toBe('Мәжіліс залы');
    expect(en('figure img').attr('alt')).toBe('The Mazhilis chamber');
    expect(ru('figure figcaption').text()).toContain('Дауыс беру');
    expect(site.page('/ru/topics/sayasat/')('h1').text()).toContain('Политика');
  });

  it("holds only each language's articles in its feeds", () => {
    const parser = new XMLParser({ isArray: (name) => name === 'item' });
    const links = (file: string) => (parser.parse(site.outputs.get(file)!).rss.channel.item as Array<{ link: string }>).map((item) => item.link);
    expect(links('feed.xml')).toEqual([`${ORIGIN}${BUDGET.kk}`, `${ORIGIN}/2025/12/17/qar-zholdardy-zhapty/`]);
    expect(links('ru/feed.xml')).toEqual([`${ORIGIN}${BUDGET.ru}`]);
    expect(links('en/feed.xml')).toEqual([`${ORIGIN}${BUDGET.en}`, `${ORIGIN}/en/2025/12/16/a-story-in-english-only/`]);
    expect(links('ru/topics/sayasat/feed.xml')).toEqual([`${ORIGIN}${BUDGET.ru}`]);
    expect(parser.parse(site.outputs.get('ru/feed.xml')!).rss.channel.language).toBe('ru');
    const json = JSON.parse(site.outputs.get('en/feed.json')!) as { language: string; items: Array<{ url: string }> };
    expect(json.items.map((item) => item.url)).toEqual(links('en/feed.xml'));
  });

  it('lists every language\'s new articles in the news sitemap, each with its own language', () => {
    const parser = new XMLParser({ isArray: (name) => name === 'url' });
    const urls = parser.parse(site.outputs.get('news-sitemap.xml')!).urlset.url as Array<{ loc: string; 'news:news': { 'news:publication': { 'news:language': string } } }>;
    const languages = Object.fromEntries(urls.map((url) => [url.loc, url['news:news']['news:publication']['news:language']]));
    expect(languages).toMatchObject({ [`${ORIGIN}${BUDGET.kk}`]: 'kk', [`${ORIGIN}${BUDGET.ru}`]: 'ru', [`${ORIGIN}${BUDGET.en}`]: 'en' });
  });
});

describe('hreflang', () => {
  type Links = Map<string, string>;
  /** Each sitemap URL's alternates: hreflang -> absolute URL. */
  function sitemapLinks(built: MemoryBuild = site): Map<string, Links> {
    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'url' || name === 'xhtml:link' });
    const urls = parser.parse(built.outputs.get('sitemap.xml')!).urlset.url as Array<{ loc: string; 'xhtml:link'?: Array<{ hreflang: string; href: string }> }>;
    return new Map(urls.map((url) => [url.loc, new Map((url['xhtml:link'] ?? []).map((link) => [link.hreflang, link.href]))]));
  }
  /** A page's alternates from its <head>. */
  function headLinks(file: string, built: MemoryBuild = site): Links {
    const $ = parsePage(built.outputs, urlOf(file));
    return new Map($('head link[rel="alternate"][hreflang]').map((_, link) => [[$(link).attr('hreflang')!, $(link).attr('href')!]]).get() as Array<[string, string]>);
  }

  it('is the same set in each page\'s head and in the sitemap, and only pages that exist', () => {
    const sitemap = sitemapLinks();
    let withLinks = 0;
    for (const file of htmlPages().filter((file) => !file.endsWith('404.html'))) {
      const url = `${ORIGIN}${urlOf(file)}`;
      const head = headLinks(file);
      expect(head, url).toEqual(sitemap.get(url));
      if (head.size > 0) withLinks++;
      for (const [lang, href] of head) expect(target(href), `${url} → ${lang} ${href}`).toBeDefined();
    }
    expect(withLinks).toBeGreaterThan(20);
  });

  it('is reciprocal, names the page itself, and gives x-default as the default language\'s version', () => {
    const sitemap = sitemapLinks();
    for (const [url, links] of sitemap) {
      if (links.size === 0) continue;
      expect([...links.values()], url).toContain(url);
      for (const [lang, href] of links) if (lang !== 'x-default') expect(sitemap.get(href), `${href} from ${url}`).toEqual(links);
    }
    const budget = sitemap.get(`${ORIGIN}${BUDGET.ru}`)!;
    expect(Object.fromEntries(budget)).toEqual({ kk: `${ORIGIN}${BUDGET.kk}`, ru: `${ORIGIN}${BUDGET.ru}`, en: `${ORIGIN}${BUDGET.en}`, 'x-default': `${ORIGIN}${BUDGET.kk}` });
    expect(Object.fromEntries(sitemap.get(`${ORIGIN}/ru/topics/sayasat/`)!)).toEqual({ kk: `${ORIGIN}/topics/sayasat/`, ru: `${ORIGIN}/ru/topics/sayasat/`, en: `${ORIGIN}/en/topics/sayasat/`, 'x-default': `${ORIGIN}/topics/sayasat/` });
  });

  it('names one x-default on every page of a story whose original is a draft, and never the draft', async () => {
    const files = await trilingualFiles();
    files['content/kk/2025/12/budget/index.md'] = String(files['content/kk/2025/12/budget/index.md']).replace('title:', 'draft: true\ntitle:');
    const drafted = await buildInMemory(files, { now: NOW });
    expect(drafted.problems).toEqual([]);
    expect(drafted.outputs.has(`${BUDGET.kk.slice(1)}index.html`)).toBe(false);
    const sitemap = sitemapLinks(drafted);
    const story = { ru: `${ORIGIN}${BUDGET.ru}`, en: `${ORIGIN}${BUDGET.en}` };
    // Each translation is published on its own; x-default is the same page from both (the first listed: ru).
    for (const url of Object.values(story)) {
      const file = `${url.slice(ORIGIN.length + 1)}index.html`;
      expect(Object.fromEntries(headLinks(file, drafted)), url).toEqual({ ...story, 'x-default': story.ru });
      expect(sitemap.get(url), url).toEqual(headLinks(file, drafted));
      const $ = parsePage(drafted.outputs, urlOf(file));
      expect($('.language-switcher a[hreflang="kk"]').attr('href'), url).toBe('/news/');
    }
  });

  it('is left out where no other language has the page', () => {
    const sitemap = sitemapLinks();
    expect(sitemap.get(`${ORIGIN}/2025/12/17/qar-zholdardy-zhapty/`)!.size).toBe(0);
    expect(sitemap.get(`${ORIGIN}/en/2025/12/16/a-story-in-english-only/`)!.size).toBe(0);
    expect(sitemap.get(`${ORIGIN}/en/topics/world/`)!.size).toBe(0);
  });
});

describe('the language switcher', () => {
  it('leads from every page to the translation, else to that language\'s home, never to a missing page', () => {
    let switchers = 0;
    for (const file of htmlPages()) {
      const $ = parsePage(site.outputs, urlOf(file));
      const links = $('.language-switcher a');
      if (links.length === 0) continue;
      switchers++;
      expect(links.map((_, a) => $(a).attr('hreflang')).get(), file).toEqual(['kk', 'ru', 'en']);
      links.each((_, a) => {
        expect($(a).attr('lang')).toBe($(a).attr('hreflang'));
        expect(target($(a).attr('href')!), `${file}: ${$(a).attr('href')}`).toBeDefined();
      });
    }
    expect(switchers).toBe(htmlPages().length);
    const $ = site.page(BUDGET.ru);
    const hrefs = $('.language-switcher a').map((_, a) => $(a).attr('href')).get();
    expect(hrefs).toEqual([`/news${BUDGET.kk}`, `/news${BUDGET.ru}`, `/news${BUDGET.en}`]);
    expect($('.language-switcher a[aria-current]').attr('hreflang')).toBe('ru');
    const snow = site.page('/2025/12/17/qar-zholdardy-zhapty/');
    expect(snow('.language-switcher a').map((_, a) => snow(a).attr('href')).get()).toEqual(['/news/2025/12/17/qar-zholdardy-zhapty/', '/news/ru/', '/news/en/']);
  });

  it('lists the languages in the order the config does, whatever the default: the switcher, the hreflang links and the sitemap', async () => {
    const files = await trilingualFiles();
    // Kazakh stays the default (at the root), listed last.
    files['site.config.ts'] = CONFIG.replace(/languages: \{ kk: (\{[^}]*\}), ru: (\{[^}]*\}), en: (\{[^}]*\}) \}/, 'languages: { ru: $2, en: $3, kk: $1 }');
    const reordered = await buildInMemory(files, { now: NOW });
    expect(reordered.ok, JSON.stringify(reordered.problems)).toBe(true);
    expect(files['site.config.ts']).toContain("languages: { ru: { title: 'Новости степи' }, en:");
    const $ = reordered.page(BUDGET.ru);
    expect($('.language-switcher a').map((_, a) => $(a).attr('hreflang')).get()).toEqual(['ru', 'en', 'kk']);
    expect($('head link[rel="alternate"][hreflang]').map((_, link) => $(link).attr('hreflang')).get()).toEqual(['ru', 'en', 'kk', 'x-default']);
    const urls = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(reordered.outputs.get('sitemap.xml')!).urlset.url as Array<{ loc: string; 'xhtml:link'?: Array<{ hreflang: string }> }>;
    const budget = urls.find((url) => url.loc.endsWith(BUDGET.ru))!;
    expect(budget['xhtml:link']!.map((link) => link.hreflang)).toEqual(['ru', 'en', 'kk', 'x-default']);
  });

  it('tells what every language leaves out: the translations of a scheduled original are scheduled too, and named', async () => {
    const files = await trilingualFiles();
    files['content/kk/2025/12/budget/index.md'] = String(files['content/kk/2025/12/budget/index.md']).replace('date: 2025-12-18 10:00', 'date: 2025-12-28 10:00');
    const scheduled = await buildInMemory(files, { now: NOW });
    expect(scheduled.ok, JSON.stringify(scheduled.problems)).toBe(true);
    expect(leftOutLines(allLeftOut(scheduled.result!.site))).toEqual([
      'Left out 3 scheduled articles (build with --future to include): content/kk/2025/12/budget/index.md, content/ru/2025/12/budget/index.md, content/en/budget-story.md',
    ]);
  });

  it("keeps a language's navigation in that language", () => {
    const $ = site.page(BUDGET.ru);
    const header = $('header a').map((_, a) => $(a).attr('href')).get().filter((href) => !$(`.language-switcher a[href="${href}"]`).length);
    expect(header.length).toBeGreaterThan(2);
    for (const href of header) expect(href.startsWith('/news/ru/') || href.startsWith('#'), href).toBe(true);
  });
});

describe('the default topic', () => {
  const KK_RU = "export default { title: 'Дала', baseUrl: 'https://example.org/news/', timeZone: 'Asia/Almaty', languages: { kk: {}, ru: {} } };\n";
  const files = {
    'content/kk/2025/12/a.md': article({ title: 'Тақырыпсыз', date: '2025-12-18 10:00' }),
    // A translation of it, and a Russian story of its own, neither naming a topic.
    'content/ru/2025/12/a.md': article({ title: 'Без темы' }),
    'content/ru/2025/12/only.md': article({ title: 'Только по-русски', date: '2025-12-17 10:00' }),
  };

  it("is named in each article's language, one topic with the default language's slug", async () => {
    const built = await buildInMemory({ 'site.config.ts': KK_RU, ...files }, { now: NOW });
    expect(built.problems).toEqual([]);
    expect(built.page('/topics/zhanalyqtar/')('h1').text()).toBe('Жаңалықтар');
    const ru = built.page('/ru/topics/zhanalyqtar/');
    expect(ru('h1').text()).toBe('Новости');
    expect(ru('main h2 a, main h3 a').map((_, a) => ru(a).text().trim()).get().sort()).toEqual(['Без темы', 'Только по-русски']);
    const $ = built.page('/ru/2025/12/17/tolko-po-russki/');
    expect($('.kicker a').text().trim()).toBe('Новости');
    expect($('.kicker a').attr('href')).toBe('/news/ru/topics/zhanalyqtar/');
    expect([...built.outputs.keys()].filter((file) => file.includes('topics/news'))).toEqual([]);
  });

  it("is the config's defaultTopic when it sets one, named in other languages by their term files", async () => {
    const config = KK_RU.replace("languages:", "defaultTopic: 'Хабар', languages:");
    const built = await buildInMemory({ 'site.config.ts': config, ...files, 'content/ru/terms.yaml': 'topics:\n  Хабар: Хроника\n' }, { now: NOW });
    expect(built.problems).toEqual([]);
    expect(built.page('/topics/khabar/')('h1').text()).toBe('Хабар');
    expect(built.page('/ru/topics/khabar/')('h1').text()).toBe('Хроника');
  });
});

describe('language problems', () => {
  const base = { 'site.config.ts': CONFIG };

  it('refuses two articles of one language that claim one translation, naming both', async () => {
    const built = await buildInMemory({
      ...base,
      'content/kk/2025/12/a.md': article({ title: 'A', date: '2025-12-18 10:00' }),
      'content/ru/2025/12/a.md': article({ title: 'А' }),
      'content/ru/2025/12/b.md': article({ title: 'Б', translationKey: '2025/12/a.md' }),
    }, { now: NOW });
    expect(built.ok).toBe(false);
    const duplicate = built.problems.find((problem) => problem.code === 'translation-duplicate');
    expect(duplicate).toMatchObject({ field: 'translationKey', severity: 'error' });
    expect(`${duplicate!.file} ${duplicate!.message}`).toMatch(/content\/ru\/2025\/12\/[ab]\.md .*content\/ru\/2025\/12\/[ab]\.md:\d+/);
  });

  it('names the place each duplicate key comes from: the translationKey line, or the file when its path is the key', async () => {
    // a.md's translationKey (line 3) claims b.md's path; b.md, read after it, is the one refused.
    const built = await buildInMemory({
      ...base,
      'content/kk/2025/12/b.md': article({ title: 'B', date: '2025-12-18 10:00' }),
      'content/ru/2025/12/a.md': article({ title: 'А', translationKey: '2025/12/b.md' }),
      'content/ru/2025/12/b.md': article({ title: 'Б' }),
    }, { now: NOW });
    const byPath = built.problems.filter((problem) => problem.code === 'translation-duplicate');
    expect(byPath).toMatchObject([{ file: 'content/ru/2025/12/b.md', line: 1, column: 1 }]);
    expect(byPath[0]!.field).toBeUndefined();
    expect(byPath[0]!.message).toBe('this ru article (by its path) and content/ru/2025/12/a.md:3 (by its translationKey) both translate "2025/12/b.md"');
    // The other way round: the refused one's key is its translationKey, at that line.
    const built2 = await buildInMemory({
      ...base,
      'content/kk/2025/12/a.md': article({ title: 'A', date: '2025-12-18 10:00' }),
      'content/ru/2025/12/a.md': article({ title: 'А' }),
      'content/ru/2025/12/b.md': article({ title: 'Б', translationKey: '2025/12/a.md' }),
    }, { now: NOW });
    const byField = built2.problems.filter((problem) => problem.code === 'translation-duplicate');
    expect(byField).toMatchObject([{ file: 'content/ru/2025/12/b.md', line: 3, field: 'translationKey' }]);
    expect(byField[0]!.message).toBe('this ru article (by its translationKey) and content/ru/2025/12/a.md:1 (by its path) both translate "2025/12/a.md"');
  });

  it("reports a photo the original names and its translations take once, at the original's image line", async () => {
    const built = await buildInMemory({
      ...base,
      'content/kk/2025/12/a.md': article({ title: 'A', date: '2025-12-18 10:00', image: 'missing.jpg', imageAlt: 'Сурет' }),
      'content/ru/2025/12/a.md': article({ title: 'А' }),
      'content/en/2025/12/a.md': article({ title: 'A in English' }),
    }, { now: NOW });
    expect(built.ok).toBe(false);
    expect(built.problems.map((found) => `${found.file}:${found.line}:${found.column} ${found.code} ${found.message.split(';')[0]}`)).toEqual([
      'content/kk/2025/12/a.md:4:8 image-missing the lead image "missing.jpg" does not exist',
    ]);
  });

  it("reports an original's own error once, without telling its translations they have no original", async () => {
    const built = await buildInMemory({
      ...base,
      // At the top of content/ and in the default language's folder: both are the default language's.
      'content/2025/12/a.md': article({ title: 'A', date: '2025-12-18 10:00', image: 'a.jpg' }),
      'content/kk/2025/12/b.md': article({ title: 'B', date: 'soon' }),
      'content/ru/2025/12/a.md': article({ title: 'А' }),
      'content/ru/2025/12/b.md': article({ title: 'Б' }),
      'content/en/2025/12/c.md': article({ title: 'C, no original' }),
    }, { now: NOW });
    expect(built.problems.map((found) => `${found.file}:${found.line} ${found.field}`).sort()).toEqual([
      'content/2025/12/a.md:4 imageAlt',
      'content/en/2025/12/c.md:1 date',
      'content/kk/2025/12/b.md:3 date',
    ]);
  });

  it('refuses a lang the config does not list, naming the ones it does', async () => {
    const built = await buildInMemory({ ...base, 'content/2025/12/a.md': article({ title: 'A', date: '2025-12-18 10:00', lang: 'de' }) }, { now: NOW });
    expect(built.problems).toMatchObject([{ code: 'lang-unknown', file: 'content/2025/12/a.md', line: 4, field: 'lang' }]);
    expect(built.problems[0]!.message).toContain('kk, ru, en');
  });

  it('lets a translation without an original stand alone when it has its own date, and asks for one when not', async () => {
    const alone = await buildInMemory({ ...base, 'content/ru/2025/12/only.md': article({ title: 'Только по-русски', date: '2025-12-18 10:00' }) }, { now: NOW });
    expect(alone.problems).toEqual([]);
    expect(alone.page('/ru/2025/12/18/tolko-po-russki/')('h1').text()).toBe('Только по-русски');
    const undated = await buildInMemory({ ...base, 'content/ru/2025/12/only.md': article({ title: 'Только по-русски' }) }, { now: NOW });
    expect(undated.problems).toMatchObject([{ code: 'field-required', file: 'content/ru/2025/12/only.md', field: 'date' }]);
  });

  it('names the line of a term file that is not a map of names', async () => {
    const built = await buildInMemory({ ...base, 'content/kk/2025/12/a.md': article({ title: 'A', date: '2025-12-18 10:00' }), 'content/ru/terms.yaml': 'topics:\n  - Политика\n' }, { now: NOW });
    expect(built.problems).toMatchObject([{ code: 'terms-invalid', file: 'content/ru/terms.yaml', line: 2 }]);
  });
});

describe('a site with one language', () => {
  it('has no language prefixes, hreflang or switcher, whatever lang its articles give', async () => {
    const built = await buildInMemory({
      'site.config.ts': "export default { title: 'One', baseUrl: 'https://example.org/', language: 'en' };\n",
      'content/2025/12/a.md': article({ title: 'A', date: '2025-12-18 10:00' }),
      'content/2025/12/b.md': article({ title: 'Б', date: '2025-12-18 11:00', lang: 'ru' }),
      'content/ru/2025/12/c.md': article({ title: 'C', date: '2025-12-18 12:00' }),
    }, { now: NOW });
    expect(built.problems).toEqual([]);
    expect([...built.outputs.keys()].filter((file) => file.startsWith('en/') || file.startsWith('ru/index'))).toEqual([]);
    expect(built.outputs.get('sitemap.xml')).not.toContain('xhtml');
    for (const file of [...built.outputs.keys()].filter((file) => file.endsWith('.html'))) {
      const $ = parsePage(built.outputs, urlOf(file));
      expect($('link[hreflang], .language-switcher').length, file).toBe(0);
    }
    expect(built.page('/2025/12/18/b/')('html').attr('lang')).toBe('ru');
    expect(built.page('/2025/12/18/c/')('h1').text()).toBe('C');
  });
});

describe('on disk, each language', () => {
  /** The stamp (inode and mtime) of each language's bundle entry of December 2025. */
  const entries = (dist: string) =>
    Object.fromEntries(
      ['pagefind', 'ru/pagefind', 'en/pagefind'].map((folder) => {
        const info = statSync(path.join(dist, folder, '2025-12', 'pagefind-entry.json'));
        return [folder, `${info.ino}:${info.mtimeMs}`];
      }),
    );

  it('has a search index of its own articles with its names for the topics, and an edit re-indexes only its language', async () => {
    const root = makeSite(await trilingualFiles());
    await build({ root, now: NOW, threads: 1 });
    const dist = path.join(root, 'dist');
    const shards = (folder: string) => JSON.parse(readFileSync(path.join(dist, folder, 'shards.json'), 'utf8')) as { shards: string[]; names: string[]; topics: string[] };
    // The months named in each language by the build (a browser may lack Kazakh's month names).
    expect(shards('pagefind')).toEqual({ shards: ['2025-12'], names: ['2025 ж. желтоқсан'], topics: ['Ауа райы', 'Саясат'] });
    expect(shards('ru/pagefind')).toEqual({ shards: ['2025-12'], names: ['декабрь 2025 г.'], topics: ['Политика'] });
    expect(shards('en/pagefind')).toEqual({ shards: ['2025-12'], names: ['December 2025'], topics: ['Politics', 'World'] });
    // Each language's search page searches its own index.
    expect(cheerio.load(readFileSync(path.join(dist, 'ru/search/index.html'), 'utf8'))('form.search-form').attr('data-bundles')).toBe('/news/ru/pagefind/');

    const before = entries(dist);
    writeFiles(root, { 'content/ru/2025/12/budget/index.md': article({ title: 'Парламент принял бюджет' }, 'Нижняя палата приняла бюджет в четверг вечером.') });
    await build({ root, now: NOW, threads: 1 });
    const after = entries(dist);
    expect(after['ru/pagefind']).not.toBe(before['ru/pagefind']);
    expect(after.pagefind).toBe(before.pagefind);
    expect(after['en/pagefind']).toBe(before['en/pagefind']);
  });

  it("answers an old URL of a translation in the translation's language", async () => {
    const files = await trilingualFiles();
    files['content/ru/2025/12/budget/index.md'] = article({ title: 'Парламент принял бюджет', aliases: '[/old/budget-ru.html]' }, 'Нижняя палата приняла бюджет в четверг.');
    const built = await buildInMemory(files, { now: NOW });
    expect(built.problems).toEqual([]);
    const $ = cheerio.load(built.outputs.get('old/budget-ru.html')!);
    expect($('html').attr('lang')).toBe('ru');
    expect($('body p').text()).toBe('Статья перенесена: Парламент принял бюджет.');
  });
});
