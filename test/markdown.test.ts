import * as cheerio from 'cheerio';
import { resolveBodyImages } from '../src/images/placeholders.js';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../src/render/markdown.js';
import { summarise } from '../src/render/summary.js';

const render = (markdown: string) => renderMarkdown(markdown, { summaryLength: 200, basePath: '/', contentPath: '2025/12/a.md' });

describe('the Markdown body', () => {
  it('renders GitHub Flavored Markdown: tables, strikethrough, task lists, autolinks, footnotes', () => {
    const { html } = render('| a | b |\n|---|---|\n| 1 | 2 |\n\n~~old~~ www.example.org\n\n- [x] done\n\nNote[^1].\n\n[^1]: The note.\n');
    const $ = cheerio.load(html);
    expect($('table td').map((_, td) => $(td).text()).get()).toEqual(['1', '2']);
    expect($('del').text()).toBe('old');
    expect($('a[href="http://www.example.org"]').text()).toBe('www.example.org');
    expect($('input[type="checkbox"][checked]')).toHaveLength(1);
    // The footnote reference links to the footnote, and back.
    const ref = $('sup a').attr('href') ?? '';
    expect($(`[id="${ref.slice(1)}"]`).text()).toContain('The note.');
    const back = $('a[data-footnote-backref]').attr('href') ?? '';
    expect($(`[id="${back.slice(1)}"]`)).toHaveLength(1);
  });

  it("gives an anchor of the body no id the theme's page has either, and the body's links to it follow", () => {
    const $ = cheerio.load(render('<p id="main">Where it starts.</p>\n\nSee [the start](#main) and <a id="more-news"></a>[more](#more-news).\n').html);
    expect($('p[id]').attr('id')).toBe('main-1');
    expect($('a[id]').attr('id')).toBe('more-news-1');
    expect($('a[href]').map((_, a) => $(a).attr('href')).get()).toEqual(['#main-1', '#more-news-1']);
  });

  it("gives a heading no id the theme's page has: 'Main' is main-1, the skip link still leads to the page's main", () => {
    const $ = cheerio.load(render('## Main\n\ntext\n\n## Main\n\n## Article corrections\n').html);
    expect($('h2').map((_, h) => $(h).attr('id')).get()).toEqual(['main-2', 'main-1', 'article-corrections-1']);
  });

  it('gives headings ids and moves them below the page h1', () => {
    const $ = cheerio.load(render('# Section one\n\n## Detail\n\ntext').html);
    expect($('h1')).toHaveLength(0);
    expect($('h2#section-one').text()).toBe('Section one');
    expect($('h3#detail').text()).toBe('Detail');
    const kept = cheerio.load(render('## Already h2\n').html);
    expect(kept('h2#already-h2')).toHaveLength(1);
  });

  it('keeps harmless raw HTML and removes the dangerous', () => {
    const $ = cheerio.load(render('<figure><img src="a.jpg" alt="A"><figcaption>Cap</figcaption></figure>\n\n<script>x()</script><img src=x onerror="y()">\n').html);
    expect($('figure figcaption').text()).toBe('Cap');
    // Local images are placeholders until their page is rendered (src/images/placeholders.ts).
    expect(cheerio.load(resolveBodyImages($.html(), undefined))('img[alt="A"]').attr('src')).toBe('a.jpg');
    expect($('script')).toHaveLength(0);
    expect($('[onerror]')).toHaveLength(0);
  });

  it('makes a photo alone in its paragraph with a title a figure with that caption, whether it is a file of the site or at a web address', () => {
    const $ = cheerio.load(resolveBodyImages(render('![Skaters](rink.jpg "The rink on Sunday")\n\n![Crowd](https://photos.example/crowd.jpg "Crowds at Medeu")\n\nText with ![an icon](https://photos.example/icon.png "Icon") inside.\n').html, undefined));
    const figures = $('figure').map((_, figure) => ({ src: $(figure).find('img').attr('src'), caption: $(figure).find('figcaption').text(), title: $(figure).find('img').attr('title') })).get();
    expect(figures).toEqual([
      { src: 'rink.jpg', caption: 'The rink on Sunday', title: undefined },
      { src: 'https://photos.example/crowd.jpg', caption: 'Crowds at Medeu', title: undefined },
    ]);
    // Inside a sentence, the title stays the image's own.
    expect($('p img').attr('title')).toBe('Icon');
  });

  it('renders the same with and without raw HTML support when the body has no "<"', () => {
    const text = 'Plain **text** with [a link](https://example.org) & an ampersand.\n\n> quote\n';
    expect(render(text).html).toBe(render(`${text}\n<!-- -->\n`).html.replace(/\n$/, ''));
  });
});

describe('the summary', () => {
  it('is the first paragraph as plain text', () => {
    expect(render('## Heading\n\nFirst **bold** [link](/x) paragraph.\n\nSecond.').summary).toBe('First bold link paragraph.');
  });

  it('is empty when there is no paragraph', () => {
    expect(render('## Only a heading').summary).toBe('');
  });

  it('is cut at a word near the limit, with an ellipsis', () => {
    const text = 'The Embassy of the Republic of Kazakhstan in Malaysia organized a unique fusion concert of folk art.';
    const cut = summarise(text, 50);
    expect(cut).toBe('The Embassy of the Republic of Kazakhstan in…');
    expect(summarise('Short.', 50)).toBe('Short.');
  });
});
