// Feeds escape by format: front-matter text full of markup reaches no feed reader as markup, and
// every plain-text field reads back as the author wrote it. Feeds are read the way readers read
// them: with a real feed parser (@rowanmanning/feed-parser, which decodes entities twice, as many
// readers do), with a plain XML parser (one decoding, as the XML specification gives), and every
// value a reader may render as HTML is parsed as HTML.

import { parseFeed } from '@rowanmanning/feed-parser';
import * as cheerio from 'cheerio';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/build.js';
import { MemoryWriter } from '../src/write/memory-writer.js';
import { article, makeSite } from './helpers/site.js';

/** What an author typed in every field: an element a reader must not run, an ampersand, bold. */
const MARKUP = '<script>alert(1)</script> & <b>bold</b>';
const TITLE = `Title ${MARKUP}`;
const SUMMARY = `Summary with ${MARKUP} inside`;
const TOPIC = `Topic ${MARKUP}`;
const TAG = `Tag ${MARKUP}`;
const AUTHOR = `Author ${MARKUP}`;
const SOURCE = `Source ${MARKUP}`;
const SITE_TITLE = 'Steppe Times';

/** The body's HTML as a reader renders it: raw HTML in Markdown is sanitised, so the script is gone. */
const BODY = { scripts: 0, text: 'Body  & bold' };

/** A YAML double-quoted string. */
const quoted = (text: string) => JSON.stringify(text);

const FILES = {
  // Site feeds carry full bodies (the default); topic and tag feeds carry summaries (the default).
  'site.config.ts': `export default { title: '${SITE_TITLE}', baseUrl: 'https://example.org/news/', publisher: 'Steppe Media', language: 'en' };\n`,
  'content/2025/12/by-author.md': article({
    title: quoted(TITLE),
    date: '2025-12-18 10:00',
    summary: quoted(SUMMARY),
    topic: quoted(TOPIC),
    tags: `[${quoted(TAG)}]`,
    author: quoted(AUTHOR),
    source: quoted(SOURCE),
    extra: quoted(`Extra ${MARKUP}`),
  }, `Body ${MARKUP}`),
  // No author: the source stands in as the byline.
  'content/2025/12/by-source.md': article({
    title: quoted(`Second ${TITLE}`),
    date: '2025-12-17 10:00',
    summary: quoted(`Second ${SUMMARY}`),
    topic: quoted(TOPIC),
    tags: `[${quoted(TAG)}]`,
    source: quoted(SOURCE),
    extra: quoted(`Extra ${MARKUP}`),
  }),
};

let feeds: Map<string, string>;
/** The site's feeds, its topic's and its tag's: folder ("", "topics/<slug>/", "tags/<slug>/") and the title and description each should read back. */
let lists: Array<{ folder: string; title: string; description: string }>;

beforeAll(async () => {
  const writer = new MemoryWriter();
  await build({ root: makeSite(FILES), writer, cache: false, threads: 1, now: Date.parse('2026-01-01T00:00:00Z') });
  feeds = new Map();
  for (const [file, content] of writer.contents) {
    if (/(^|\/)(feed\.xml|atom\.xml|feed\.json)$/.test(file)) feeds.set(file, String(content));
  }
  const termFolder = (kind: string) => [...feeds.keys()].find((file) => file.startsWith(`${kind}/`))!.replace(/[^/]+$/, '');
  lists = [
    { folder: '', title: SITE_TITLE, description: `Latest news from ${SITE_TITLE}` },
    { folder: termFolder('topics'), title: `${TOPIC} – ${SITE_TITLE}`, description: `News about ${TOPIC} from ${SITE_TITLE}.` },
    { folder: termFolder('tags'), title: `${TAG} – ${SITE_TITLE}`, description: `Articles about ${TAG} from ${SITE_TITLE}.` },
  ];
});

const text = (file: string) => {
  const content = feeds.get(file);
  if (content === undefined) throw new Error(`no feed ${file}; feeds: ${[...feeds.keys()].join(', ')}`);
  return content;
};

/** An XML document decoded once, as the XML specification reads it: CDATA and entities become text. */
const xmlParser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, isArray: (name) => ['item', 'entry', 'category', 'author', 'dc:creator'].includes(name) });
const parseXml = (file: string) => xmlParser.parse(text(file));

/** A value rendered as HTML, the way a reader shows an HTML-typed field. */
function asHtml(value: string) {
  const $ = cheerio.load(value, null, false);
  return { scripts: $('script').length, text: $.root().text() };
}

/** Every string in a parsed document (element text and attributes alike), with where it was. */
function strings(value: unknown, where = ''): Array<[string, string]> {
  if (typeof value === 'string') return [[where, value]];
  if (Array.isArray(value)) return value.flatMap((item, i) => strings(item, `${where}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => strings(item, `${where}/${key}`));
  return [];
}

/** The text of a parsed element that may carry attributes. */
const textOf = (element: unknown): string => (typeof element === 'object' && element !== null ? (element as Record<string, string>)['#text']! : String(element));

describe('RSS feeds (site, topic and tag) let no markup from front-matter reach a reader', () => {
  it('renders no script element from any value, however a reader treats it', () => {
    for (const { folder } of lists) {
      const file = `${folder}feed.xml`;
      // RSS declares no types: description and content:encoded are HTML, and readers vary on the
      // rest. So every value in the document must be safe to render as HTML.
      for (const [where, value] of strings(parseXml(file))) {
        expect(asHtml(value).scripts, `${file} ${where}: ${value}`).toBe(0);
      }
      expect(text(file), file).not.toContain('<script');
    }
  });

  it('reads back every plain-text field as the author wrote it, as a feed parser or as HTML', () => {
    for (const { folder, title, description } of lists) {
      const file = `${folder}feed.xml`;
      const feed = parseFeed(text(file));
      expect(feed.title, file).toBe(title);
      expect(feed.description, file).toBe(description);
      expect(feed.items.map((item) => item.title), file).toEqual([TITLE, `Second ${TITLE}`]);
      expect(feed.items.map((item) => item.categories.map((category) => category.label)), file).toEqual([
        [TOPIC, TAG],
        [TOPIC, TAG],
      ]);
      expect(feed.items.map((item) => item.authors.map((author) => author.name)), file).toEqual([[AUTHOR], [SOURCE]]);

      // A reader that renders them as HTML shows the same text.
      const channel = parseXml(file).rss.channel;
      expect(asHtml(channel.title).text, file).toBe(title);
      expect(asHtml(channel.description).text, file).toBe(description);
      const [first, second] = channel.item;
      expect(asHtml(first.title).text, file).toBe(TITLE);
      expect(first.category.map((category: string) => asHtml(category).text), file).toEqual([TOPIC, TAG]);
      expect(asHtml(first['dc:creator'][0]).text, file).toBe(AUTHOR);
      expect(asHtml(second['dc:creator'][0]).text, file).toBe(SOURCE);
    }
  });

  it('has the summary as HTML in description, showing the author\'s text', () => {
    for (const { folder } of lists) {
      const file = `${folder}feed.xml`;
      const [first, second] = parseXml(file).rss.channel.item;
      expect(asHtml(first.description), file).toEqual({ scripts: 0, text: SUMMARY });
      expect(asHtml(second.description), file).toEqual({ scripts: 0, text: `Second ${SUMMARY}` });
      expect(parseFeed(text(file)).items[0]!.description, file).toBe(SUMMARY);
    }
  });

  it('carries the body as HTML in content:encoded in the site feed', () => {
    const [first] = parseXml('feed.xml').rss.channel.item;
    expect(asHtml(first['content:encoded'])).toEqual(BODY);
  });
});

describe('Atom feeds (site, topic and tag) keep text as text and HTML as safe HTML', () => {
  it('reads back every type="text" field, author and category as the author wrote it', () => {
    for (const { folder, title, description } of lists) {
      const file = `${folder}atom.xml`;
      const document = parseXml(file).feed;
      expect(document.title['@type'], file).toBe('text');
      expect(textOf(document.title), file).toBe(title);
      expect(document.subtitle['@type'], file).toBe('text');
      expect(textOf(document.subtitle), file).toBe(description);
      const [first, second] = document.entry;
      for (const element of [first.title, first.summary]) expect(element['@type'], file).toBe('text');
      expect(textOf(first.title), file).toBe(TITLE);
      expect(textOf(first.summary), file).toBe(SUMMARY);
      expect(first.author.map((author: { name: string }) => author.name), file).toEqual([AUTHOR]);
      expect(second.author.map((author: { name: string }) => author.name), file).toEqual([SOURCE]);
      expect(first.category.map((category: Record<string, string>) => category['@label']), file).toEqual([TOPIC, TAG]);

      const feed = parseFeed(text(file));
      expect(feed.title, file).toBe(title);
      expect(feed.items.map((item) => [item.title, item.description]), file).toEqual([
        [TITLE, SUMMARY],
        [`Second ${TITLE}`, `Second ${SUMMARY}`],
      ]);
    }
  });

  it('renders no script element from its HTML-typed content', () => {
    for (const { folder } of lists) {
      const file = `${folder}atom.xml`;
      const htmlTyped = strings(parseXml(file)).filter(([where]) => where.includes('/content'));
      // Only the site feed carries bodies (HTML-typed content); topic and tag feeds, text summaries.
      expect(htmlTyped.length > 0, file).toBe(folder === '');
      for (const [where, value] of htmlTyped) expect(asHtml(value).scripts, `${file} ${where}`).toBe(0);
      expect(text(file), file).not.toContain('<script');
    }
    const [first] = parseXml('atom.xml').feed.entry;
    expect(first.content['@type']).toBe('html');
    expect(asHtml(textOf(first.content))).toEqual(BODY);
  });
});

describe('JSON feeds (site, topic and tag) keep text as text and HTML as safe HTML', () => {
  it('reads back title, summary, content_text, tags and authors as the author wrote them', () => {
    for (const { folder, title, description } of lists) {
      const file = `${folder}feed.json`;
      const feed = JSON.parse(text(file));
      expect([feed.title, feed.description], file).toEqual([title, description]);
      const [first, second] = feed.items;
      expect([first.title, first.summary, first.tags, first.authors], file).toEqual([TITLE, SUMMARY, [TOPIC, TAG], [{ name: AUTHOR }]]);
      expect(second.authors, file).toEqual([{ name: SOURCE }]);
      if (folder !== '') expect(first.content_text, file).toBe(SUMMARY);
    }
  });

  it('renders no script element from content_html', () => {
    const [first] = JSON.parse(text('feed.json')).items;
    expect(asHtml(first.content_html)).toEqual(BODY);
  });
});
