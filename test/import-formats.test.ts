// `broadsheet import` of other systems' content, format by format: each fixture in
// test/fixtures/import/<format>/ is imported into a new site, which is built in memory; the pages
// must carry the source's text, links, dates, topics and authors, and every old URL a redirect.

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { importSource, importSummary, type ImportOutcome } from '../src/authoring/importers/import.js';
import { buildFolderInMemory, buildInMemory, type MemoryBuild } from './helpers/memory-site.js';
import { photo } from './helpers/photos.js';
import { makeSite, REPO } from './helpers/site.js';

const FIXTURES = path.join(REPO, 'test/fixtures/import');
const NOW = Date.parse('2026-01-01T00:00:00Z');

/** Import a fixture into a new site (time zone UTC unless given) and build it, drafts included. */
async function importAndBuild(fixture: string, options: { timeZone?: string; uploads?: string } = {}): Promise<{ outcome: ImportOutcome; site: MemoryBuild; root: string; read: (file: string) => { data: Record<string, unknown>; body: string } }> {
  const root = makeSite({ 'site.config.ts': `export default { title: 'Imported', baseUrl: 'https://new.example/', timeZone: '${options.timeZone ?? 'UTC'}' };\n` });
  const outcome = await importSource(path.join(FIXTURES, fixture), { root, uploads: options.uploads && path.join(FIXTURES, options.uploads) });
  const site = await buildFolderInMemory(root, { now: NOW, drafts: true });
  expect(site.ok, JSON.stringify(site.problems, null, 1)).toBe(true);
  const read = (file: string) => {
    const parsed = matter(readFileSync(path.join(root, file), 'utf8'), { engines: { yaml: (text: string) => parseYaml(text, { schema: 'core' }) as object } });
    return { data: parsed.data, body: parsed.content };
  };
  return { outcome, site, root, read };
}

/** Every old URL of the site answers: a redirect page (when a file can answer it) leading to `target`, and a _redirects line. */
function expectRedirect(site: MemoryBuild, from: string, target: string): void {
  if (!from.includes('?')) {
    const page = site.page(from.endsWith('.html') ? from : from.endsWith('/') ? from : `${from}/`);
    expect(page('meta[http-equiv="refresh"]').attr('content'), from).toBe(`0; url=${target}`);
  }
  const [pathPart, query] = from.split('?');
  expect(site.outputs.get('_redirects')).toContain(`${pathPart}${query ? ` ${query}` : ''} ${target} 301`);
}

const messages = (outcome: ImportOutcome, code: string) => outcome.problems.filter((p) => p.code === code).map((p) => `${path.basename(p.file)}:${p.line} ${p.message}`);

describe('a WordPress export', () => {
  it('imports posts only, field by field, with images from --uploads and the rest reported', async () => {
    const { outcome, site, read } = await importAndBuild('wxr/export.xml', { timeZone: 'Europe/Oslo', uploads: 'wxr/uploads' });
    expect(outcome.format).toBe('wxr');
    expect(outcome.written).toEqual(['content/2020/07/ferry-service-resumes/index.md', 'content/2020/07/harbour-festival.md', 'content/2020/07/plans-for-a-new-pier.md']);
    const ferry = read('content/2020/07/ferry-service-resumes/index.md');
    expect(ferry.data).toMatchObject({
      title: 'Ferry service resumes after storm & repairs',
      date: '2020-07-14T10:30:00+02:00',
      topic: 'Transport',
      tags: ['Islands', 'GitHub', 'Ferries'],
      author: 'Marta Hansen',
      summary: 'The ferry runs again from Monday.',
      image: 'ferry.jpg',
      imageAlt: 'The ferry at the pier',
      importedFrom: 'https://gazette.example/?p=101',
    });
    expect(read('content/2020/07/plans-for-a-new-pier.md').data.draft).toBe(true);
    expect(readFileSync(path.join(site.root, 'content/authors.yaml'), 'utf8')).toContain('- name: Marta Hansen\n- name: Frank Dirty\n');

    const page = site.page('/2020/07/14/ferry-service-resumes/');
    const body = page('.article-body');
    // A single line break of the classic editor is a line break, as WordPress shows it.
    expect(body.find('p').first().text()).toBe('The ferry to the islands runs again from Monday, the port authority said.\nThe first boat leaves at 6:40.');
    expect(body.find('p').first().find('br')).toHaveLength(1);
    expect(body.find('p strong').first().text()).toBe('Monday');
    expect(body.find('figure figcaption').text()).toBe('Boats waiting in the harbour');
    expect(body.find('figure img').attr('alt')).toBe('The harbour at dawn');
    expect(body.find('a[href="https://port.example/timetable"]').text()).toBe('new timetable');
    expect(body.find('pre code.language-js').text()).toBe('if (delay < 10) { board(); }\n');
    expect(body.find('h2').text()).toBe('What changed');
    expect(body.find('li').map((_, li) => page(li).text()).get()).toEqual(['Two crossings a day', 'Cars by reservation']);
    expect(page('.byline, [rel="author"]').first().text()).toContain('Marta Hansen');
    // GitHub and github are one tag page, under the spelling with capitals.
    expect(site.result?.site.tags.filter((tag) => tag.slug === 'github').map((tag) => [tag.name, tag.articles.length])).toEqual([['GitHub', 2]]);
    expectRedirect(site, '/?p=101', '/2020/07/14/ferry-service-resumes/');

    expect(messages(outcome, 'import-markup-kept')).toEqual(['export.xml:37 WordPress shortcode kept as text: [gallery ids="201,202"]']);
    expect(messages(outcome, 'import-image-missing')).toEqual([expect.stringMatching(/^export\.xml:74 the image https:\/\/gazette\.example\/wp-content\/uploads\/2020\/07\/missing\.jpg was not found/)]);
    expect([...outcome.counts.leftOut]).toEqual([['private post', 1], ['password-protected post', 1], ['page', 1], ['attachment', 1], ['nav menu item', 1]]);
    expect(outcome.drafts).toBe(1);
  });
});

describe('a WordPress export of the block editor', () => {
  it('keeps every image of a gallery with its own caption, and the inline markup Markdown has no syntax for', async () => {
    const { outcome, site } = await importAndBuild('wxr/blocks.xml', { timeZone: 'Europe/Oslo' });
    expect(outcome.written).toEqual(['content/2024/02/regatta-day.md']);
    const page = site.page('/2024/02/10/regatta-day/');
    // Each image, and the caption of the figure it is in (a captioned image alone is a figure).
    const figures = page('.article-body img')
      .map((_, image) => ({ alt: page(image).attr('alt'), caption: page(image).closest('figure').find('figcaption').text() }))
      .get();
    expect(figures).toEqual([
      { alt: 'The start', caption: 'The start at noon' },
      { alt: 'At the buoy', caption: 'Rounding the buoy' },
      { alt: 'The finish', caption: '' },
      { alt: 'The crowd', caption: 'On the pier' },
      { alt: 'The cup', caption: 'The cup' },
    ]);
    // The gallery's own caption follows its images; no block comment is text anywhere.
    expect(page('.article-body p').map((_, p) => page(p).text()).get()).toContain('Photos by the harbour master');
    expect(page('.article-body').text()).not.toContain('wp:');
    const paragraph = page('.article-body p').filter((_, p) => page(p).text().startsWith('Water'));
    expect(paragraph.find('sub').text()).toBe('2');
    expect(paragraph.find('sup').text()).toBe('2');
    expect(paragraph.find('kbd').text()).toBe('F5');
    expect(paragraph.text()).toBe('Water at 4 °C is densest: H2O, and the wind rose as v2. Press F5 for the live results.');
  });
});

describe('a WordPress export of the block editor, block by block', () => {
  /** A WXR of one post whose content is `html`, and `more` XML in its item (postmeta, say), then other `items`. */
  const wxr = (html: string, more = '', items = '') => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Gazette</title><link>https://gazette.example</link><wp:wxr_version>1.2</wp:wxr_version>
<item><title>Blocks</title><link>https://gazette.example/blocks/</link><pubDate>Sat, 10 Feb 2024 12:00:00 +0000</pubDate>
<content:encoded><![CDATA[${html}]]></content:encoded>
<wp:post_id>9</wp:post_id><wp:post_date_gmt>2024-02-10 12:00:00</wp:post_date_gmt><wp:post_name>blocks</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>${more}
</item>${items}</channel></rss>
`;
  /** Import `html` as a post (with `more` in its item, other `items` after it), build the site and return the post's page and its Markdown. */
  const importPost = async (html: string, more = '', files: Record<string, string | Buffer> = {}, items = '') => {
    const root = makeSite({ 'site.config.ts': `export default { title: 'Imported', baseUrl: 'https://new.example/', timeZone: 'UTC' };\n`, 'export.xml': wxr(html, more, items), ...files });
    const outcome = await importSource(path.join(root, 'export.xml'), { root, uploads: path.join(root, 'uploads') });
    const site = await buildFolderInMemory(root, { now: NOW });
    expect(site.ok, JSON.stringify(site.problems, null, 1)).toBe(true);
    return { outcome, page: site.page('/2024/02/10/blocks/'), markdown: readFileSync(path.join(root, outcome.written[0]!), 'utf8') };
  };

  it('keeps the link around an image and the links in its caption; a link to the image itself is the photo alone', async () => {
    const html = [
      '<!-- wp:image {"linkDestination":"custom"} --><figure class="wp-block-image"><a href="https://gazette.example/2024/02/09/the-race/"><img src="https://gazette.example/wp-content/uploads/2024/02/start.jpg" alt="The start"/></a><figcaption>The start at 12:00&nbsp;h. <a href="https://gazette.example/results/">All results</a></figcaption></figure><!-- /wp:image -->',
      '[caption id="attachment_7" width="580"]<a href="https://sponsor.example/"><img src="https://images.example/boat.jpg" alt="Boat" /></a> The winning boat[/caption]',
      '<figure class="wp-block-image"><a href="https://gazette.example/wp-content/uploads/2024/02/finish.jpg"><img src="https://images.example/finish-1024x768.jpg" alt="Finish"/></a><figcaption>At the finish</figcaption></figure>',
      '<figure class="wp-block-image"><a href="https://map.example/bay"><img src="https://images.example/bay.jpg" alt="The bay"/></a></figure>',
      '<p>Read <a href="https://gazette.example/2024/"><img src="https://images.example/icon.png" alt="the archive"/></a> too.</p>',
    ].join('\n\n');
    const { page } = await importPost(html, '', { 'uploads/2024/02/start.jpg': await photo(800, 600) });
    const body = page('.article-body');
    const figures = body.find('figure').map((_, figure) => ({
      image: page(figure).find('img').attr('alt'),
      link: page(figure).find('img').closest('a').attr('href'),
      caption: page(figure).find('figcaption').text(),
      captionLinks: page(figure).find('figcaption a').map((_, a) => page(a).attr('href')).get(),
    })).get();
    expect(figures).toEqual([
      { image: 'The start', link: 'https://gazette.example/2024/02/09/the-race/', caption: 'The start at 12:00\u00a0h. All results', captionLinks: ['https://gazette.example/results/'] },
      { image: 'Boat', link: 'https://sponsor.example/', caption: 'The winning boat', captionLinks: [] },
      { image: 'Finish', link: undefined, caption: 'At the finish', captionLinks: [] },
    ]);
    // The uploaded photo is the copy beside the article, shown as every local photo is.
    expect(body.find('figure').first().find('img').attr('src')).toMatch(/^\/images\/\w+\/start-800\.jpg$/);
    expect(body.find('a[href="https://map.example/bay"] img').attr('alt')).toBe('The bay');
    expect(body.find('a[href="https://gazette.example/2024/"] img').attr('alt')).toBe('the archive');
  });

  it('leaves out a link from a photo to itself, its file or its attachment page at any address, in a figure or not', async () => {
    const upload = (name: string) => `https://gazette.example/wp-content/uploads/2024/02/${name}`;
    const html = [
      `<p><a href="${upload('pier.jpg')}"><img class="alignnone size-medium" src="${upload('pier-300x200.jpg')}" alt="The pier" width="300" height="200" /></a></p>`,
      `<p><a href="https://gazette.example/2024/02/10/blocks/boats/"> <img src="${upload('boats.jpg')}" alt="Boats" /></a> and <a href="https://sponsor.example/"><img src="${upload('logo.jpg')}" alt="Sponsor" /></a></p>`,
      `<figure class="wp-block-image"><a href="/2024/02/10/blocks/boats/"><img src="${upload('boats.jpg')}" alt="Boats again"/></a><figcaption>In the harbour</figcaption></figure>`,
    ].join('\n\n');
    const attachment = `<item><title>boats</title><link>https://gazette.example/2024/02/10/blocks/boats/</link><wp:post_id>12</wp:post_id><wp:post_type>attachment</wp:post_type><wp:attachment_url>${upload('boats.jpg')}</wp:attachment_url></item>`;
    const files = { 'uploads/2024/02/pier.jpg': await photo(800, 600), 'uploads/2024/02/boats.jpg': await photo(800, 600), 'uploads/2024/02/logo.jpg': await photo(400, 300) };
    const { page, markdown } = await importPost(html, '', files, attachment);
    const body = page('.article-body');
    // Every photo is the copy beside the article; no link leads to the old site, which will be gone.
    expect(body.find('img').map((_, img) => `${page(img).attr('alt')} ${/^\/images\//.test(page(img).attr('src') ?? '')}`).get()).toEqual(['The pier true', 'Boats true', 'Sponsor true', 'Boats again true']);
    expect(body.find('a').map((_, a) => page(a).attr('href')).get()).toEqual(['https://sponsor.example/']);
    expect(body.find('figure figcaption').text()).toBe('In the harbour');
    expect(markdown).not.toMatch(/wp-content|\/boats\//);
  });

  it('an older caption written as a definition list is a figure, and a definition list stays one', async () => {
    const html = [
      '<dl id="attachment_5" class="wp-caption aligncenter" style="width: 650px;"><dt class="wp-caption-dt"><img class="size-large wp-image-5" src="https://images.example/pier.jpg" alt="The pier" width="640" height="480" /></dt><dd class="wp-caption-dd">The north pier at dawn</dd></dl>',
      '<dl><dt>Ferry</dt><dd>A boat for <a href="https://port.example/ferries">people and cars</a>.</dd><dt>Pier</dt><dd>Where it stops.</dd></dl>',
    ].join('\n\n');
    const { page } = await importPost(html);
    const body = page('.article-body');
    expect(body.find('figure img').attr('alt')).toBe('The pier');
    expect(body.find('figure figcaption').text()).toBe('The north pier at dawn');
    expect(body.find('ul, li')).toHaveLength(0);
    expect(body.find('dl dt').map((_, dt) => `${page(dt).text()}: ${page(dt).next('dd').text()}`).get()).toEqual(['Ferry: A boat for people and cars.', 'Pier: Where it stops.']);
    expect(body.find('dd a').attr('href')).toBe('https://port.example/ferries');
  });

  it('keeps a heading’s own id, so links to it still arrive; a heading with the id it would get anyway stays Markdown', async () => {
    const html = [
      '<p>Jump to <a href="#fares">the fares</a> or <a href="#results">the results</a>.</p>',
      '<!-- wp:heading {"anchor":"fares"} --><h2 class="wp-block-heading" id="fares">What the <em>new</em> fares are</h2><!-- /wp:heading -->',
      '<h2 id="results">Results</h2>',
      '<h3 id="results-1">Results</h3>',
    ].join('\n\n');
    const { page, markdown } = await importPost(html);
    const body = page('.article-body');
    expect(body.find('h2, h3').map((_, h) => `${page(h).attr('id')} ${page(h).text()}`).get()).toEqual(['fares What the new fares are', 'results Results', 'results-1 Results']);
    expect(body.find('#fares em').text()).toBe('new');
    for (const link of body.find('a[href^="#"]').get()) expect(body.find(page(link).attr('href')!)).toHaveLength(1);
    expect(markdown).toContain('\n## Results\n\n### Results\n');
  });

  it('keeps the anchors of paragraphs, words and table-of-contents plugins, so in-page links still arrive', async () => {
    const targets = ['para', 'fares', 'pier', 'item-1', 'Why_it_matters', 'quote', 'winter'];
    const html = [
      `<p>Jump to ${targets.map((id) => `<a href="#${id}">${id}</a>`).join(', ')}.</p>`,
      '<p id="para">The council met on Monday.</p>',
      '<p>Fares <span id="fares">rose</span> again.</p>',
      '<p><a name="pier"></a>The pier reopens.</p>',
      '<ul><li id="item-1">First item</li></ul>',
      '<h2><span class="ez-toc-section" id="Why_it_matters"></span>Why it matters<span class="ez-toc-section-end"></span></h2>',
      '<p>As <a id="quote">the harbour master</a> said.</p>',
      // Ids WordPress made, which nothing links to, are no anchors: a caption's box, a file block's link.
      '<div id="attachment_612" class="wp-caption"><p class="wp-caption-text">The pier</p></div>',
      '<div class="wp-block-file"><a id="wp-block-file--media-3dd9" href="https://files.example/timetable.pdf">Timetable</a></div>',
      // A button block with no link set: its text, no link to nothing.
      '<!-- wp:buttons --><div class="wp-block-buttons"><div class="wp-block-button"><a class="wp-block-button__link wp-element-button">Subscribe</a></div></div><!-- /wp:buttons -->',
      '<h2 id="winter">Winter fares<sup data-fn="f-1" class="fn"><a href="#f-1" id="f-1-link">1</a></sup></h2>',
    ].join('\n\n');
    const notes = JSON.stringify([{ id: 'f-1', content: 'In winter only.' }]);
    const { page, markdown } = await importPost(html, `<wp:postmeta><wp:meta_key>footnotes</wp:meta_key><wp:meta_value><![CDATA[${notes}]]></wp:meta_value></wp:postmeta>`);
    const body = page('.article-body');
    // Each link leads to one element, where the text it led to starts.
    const arrivals = targets.map((id) => {
      const target = body.find(`[id="${id}"]`);
      return `${id} ${target.length} ${(target.text() || target.parent().text()).slice(0, 20)}`;
    });
    expect(arrivals).toEqual(['para 1 The council met on M', 'fares 1 Fares rose again.', 'pier 1 The pier reopens.', 'item-1 1 First item', 'Why_it_matters 1 Why it matters', 'quote 1 As the harbour maste', 'winter 1 Winter fares1']);
    expect(markdown).not.toMatch(/attachment_612|wp-block-file--media/);
    // An <a> without href is an anchor only: its text is not made a link.
    expect(body.find('a').filter((_, a) => ['the harbour master', 'Subscribe'].includes(page(a).text()))).toHaveLength(0);
    expect(body.find('p').map((_, p) => page(p).text()).get()).toContain('Subscribe');
    expect(body.find('h2 sup a').attr('href')).toBe(`#${body.find('[data-footnotes] li').attr('id')}`);
  });

  it('a line break the classic editor saved as a new line in a list item, a cell or an address is a line break, as WordPress shows it', async () => {
    const html = 'Departures:\n<ul>\n<li>Ferry at 6:40\nBus at 7:10</li>\n<li><strong>Late</strong> boat\n<em>on Fridays</em></li>\n</ul>\n<table>\n<tbody>\n<tr>\n<td>North pier</td>\n</tr>\n</tbody>\n</table>\n<address>Harbour office\nPier 1</address>';
    const { page } = await importPost(html);
    const body = page('.article-body');
    expect(body.find('li').map((_, li) => page(li).text()).get()).toEqual(['Ferry at 6:40\nBus at 7:10', 'Late boat\non Fridays']);
    expect(body.find('li br')).toHaveLength(2);
    expect(body.find('td').text()).toBe('North pier');
    expect(body.find('p').last().text()).toBe('Harbour office\nPier 1');
    expect(body.find('p').last().find('br')).toHaveLength(1);
    // The block editor's new lines are only white space: WordPress shows its posts without wpautop.
    const blocks = await importPost('<!-- wp:list --><ul><li>Ferry at 6:40\nBus at 7:10</li></ul><!-- /wp:list -->');
    expect(blocks.page('.article-body li').text().replace(/\s+/g, ' ')).toBe('Ferry at 6:40 Bus at 7:10');
    expect(blocks.page('.article-body li br')).toHaveLength(0);
  });

  it('writes a list of the block editor’s list items (WordPress 6.1 and later) as a Markdown list, without the comments that mark its blocks', async () => {
    const item = (content: string) => `<!-- wp:list-item -->\n<li>${content}</li>\n<!-- /wp:list-item -->`;
    const html = `<!-- wp:list -->\n<ul>${item('Ferries')}\n\n${item(`Buses<!-- wp:list -->\n<ul>${item('Night buses')}</ul>\n<!-- /wp:list -->`)}</ul>\n<!-- /wp:list -->\n\n<!-- wp:quote -->\n<blockquote class="wp-block-quote"><!-- wp:paragraph -->\n<p>Every boat came home.</p>\n<!-- /wp:paragraph --></blockquote>\n<!-- /wp:quote -->`;
    const { page, markdown } = await importPost(html);
    expect(markdown.split('---\n').at(-1)!.trim()).toBe('- Ferries\n- Buses\n  - Night buses\n\n> Every boat came home.');
    expect(page('.article-body > ul > li').map((_, li) => page(li).text().replace(/\s+/g, ' ').trim()).get()).toEqual(['Ferries', 'Buses Night buses']);
  });

  it('keeps the numbers of a list that counts down or starts further on', async () => {
    const html = [
      '<!-- wp:list {"ordered":true,"reversed":true} --><ol reversed><li>Bronze</li><li>Silver</li><li>Gold</li></ol><!-- /wp:list -->',
      '<p>And from ten:</p><ol reversed start="10"><li>Ten <strong>boats</strong></li><li>Nine</li></ol>',
      '<p>The rest:</p><ol start="4"><li>Fourth</li><li>Fifth</li></ol>',
    ].join('\n\n');
    const { page } = await importPost(html);
    const body = page('.article-body');
    // The number each item shows: its list's start, counted on by its place in the list.
    const numbers = body.find('li').map((_, li) => `${Number(page(li).parent().attr('start') ?? 1) + page(li).index()} ${page(li).text()}`).get();
    expect(numbers).toEqual(['3 Bronze', '2 Silver', '1 Gold', '10 Ten boats', '9 Nine', '4 Fourth', '5 Fifth']);
    expect(body.find('li strong').text()).toBe('boats');
  });

  it('shows a verse block as lines of text, and a preformatted block in monospace with its spacing and links', async () => {
    const html = [
      '<!-- wp:verse --><pre class="wp-block-verse">The tide came in,\n  the <em>boats</em> went out,<br>and no one slept.\n\nBy dawn the pier was bare.</pre><!-- /wp:verse -->',
      '<!-- wp:preformatted --><pre class="wp-block-preformatted">Boat      Time\nAurora    1:02:11</pre><!-- /wp:preformatted -->',
      '<!-- wp:preformatted --><pre class="wp-block-preformatted">Boat      Time\n<a href="https://boats.example/sirius">Sirius</a>    <strong>0:59:40</strong>\n\nProvisional</pre><!-- /wp:preformatted -->',
    ].join('\n\n');
    const { page } = await importPost(html);
    const body = page('.article-body');
    const stanzas = body.find('p');
    expect(stanzas.map((_, p) => page(p).text()).get()).toEqual(['The tide came in,\n\u00a0\u00a0the boats went out,\nand no one slept.', 'By dawn the pier was bare.']);
    expect(stanzas.first().find('br')).toHaveLength(2);
    expect(stanzas.first().find('em').text()).toBe('boats');
    const blocks = body.find('pre');
    expect(blocks.map((_, pre) => page(pre).text()).get()).toEqual(['Boat      Time\nAurora    1:02:11\n', 'Boat      Time\nSirius    0:59:40\n\nProvisional']);
    expect(blocks.last().find('a[href="https://boats.example/sirius"]').text()).toBe('Sirius');
    expect(blocks.last().find('strong').text()).toBe('0:59:40');
  });

  it('keeps the citation of a quote as a citation, and underlined words underlined, not made italic', async () => {
    const html = [
      '<!-- wp:quote --><blockquote class="wp-block-quote"><!-- wp:paragraph --><p>The harbour never sleeps.</p><!-- /wp:paragraph --><cite>Anna Berg, <a href="https://port.example/">port authority</a></cite></blockquote><!-- /wp:quote -->',
      '<!-- wp:pullquote --><figure class="wp-block-pullquote"><blockquote><p>Every boat came home.</p><cite>The harbour master</cite></blockquote></figure><!-- /wp:pullquote -->',
      '<p>As <cite>The Coast Times</cite> reported, the pier is <u>closed</u>.</p>',
      '<p>Fares rise <small>(before tax)</small>, the <acronym title="Harbour Authority">HA</acronym> said.</p>',
      // Both WordPress editors write underline so; older posts wrote strikethrough so too.
      '<!-- wp:paragraph --><p>Ferries run <span style="text-decoration: underline;">daily</span>, <span style="text-decoration:line-through">hourly</span>.</p><!-- /wp:paragraph -->',
    ].join('\n\n');
    const { page, markdown } = await importPost(html);
    const body = page('.article-body');
    expect(body.find('blockquote').map((_, quote) => `${page(quote).find('p').first().text()} / ${page(quote).find('cite').text()}`).get()).toEqual([
      'The harbour never sleeps. / Anna Berg, port authority',
      'Every boat came home. / The harbour master',
    ]);
    expect(body.find('blockquote cite a').attr('href')).toBe('https://port.example/');
    const sentence = body.children('p').eq(-3);
    const fine = body.children('p').eq(-2);
    expect(fine.text()).toBe('Fares rise (before tax), the HA said.');
    expect(fine.find('small').text()).toBe('(before tax)');
    expect(fine.find('abbr').attr('title')).toBe('Harbour Authority');
    expect(sentence.find('cite').text()).toBe('The Coast Times');
    expect(sentence.text()).toBe('As The Coast Times reported, the pier is closed.');
    expect(sentence.find('em, i')).toHaveLength(0);
    expect(sentence.find('u').text()).toBe('closed');
    expect(markdown).toContain('the pier is <u>closed</u>.');
    const styled = body.children('p').last();
    expect(styled.text()).toBe('Ferries run daily, hourly.');
    expect(styled.find('u').text()).toBe('daily');
    expect(styled.find('del').text()).toBe('hourly');
  });

  it('text pasted from Google Docs keeps its paragraphs, bold and italic words, and is not made bold as a whole', async () => {
    // What the classic editor keeps of a paste from Google Docs: a wrapper that is not bold, spans styled bold or italic.
    const span = (style: string, text: string) => `<span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;${style}vertical-align:baseline;white-space:pre-wrap;">${text}</span>`;
    const html = `<b style="font-weight:normal;" id="docs-internal-guid-5c1d2e3f-7fff-1a2b-3c4d"><p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;">${span('font-weight:400;font-style:normal;', 'The council ')}${span('font-weight:700;font-style:normal;', 'voted')}${span('font-weight:400;font-style:normal;', ' on ')}${span('font-weight:400;font-style:italic;', 'Monday')}${span('font-weight:400;', '.')}</p><br><p dir="ltr">${span('font-weight:400;', 'The pier opens in May.')}</p></b>`;
    const { page, markdown } = await importPost(html);
    const body = page('.article-body');
    expect(body.children('p').map((_, p) => page(p).text()).get()).toEqual(['The council voted on Monday.', 'The pier opens in May.']);
    expect(body.find('strong, b').map((_, b) => page(b).text()).get()).toEqual(['voted']);
    expect(body.find('em, i').map((_, i) => page(i).text()).get()).toEqual(['Monday']);
    expect(markdown).not.toContain('docs-internal-guid');
  });

  it('keeps a details block as a question readers open for its answer, the answer’s links and lists kept', async () => {
    const html = '<!-- wp:details --><details class="wp-block-details"><summary>When do the <strong>ferries</strong> run?</summary><!-- wp:paragraph --><p>Every hour: <a href="https://port.example/timetable">the timetable</a>.</p><!-- /wp:paragraph --><ul><li>First at 6:40</li></ul></details><!-- /wp:details -->\n\n<!-- wp:details {"showContent":true} --><details class="wp-block-details" open><summary>Fares</summary><p>Free for children.</p></details><!-- /wp:details -->';
    const { page } = await importPost(html);
    const details = page('.article-body details');
    expect(details.map((_, d) => `${page(d).attr('open') !== undefined} ${page(d).children('summary').text()} / ${page(d).children('p').text()}`).get()).toEqual([
      'false When do the ferries run? / Every hour: the timetable.',
      'true Fares / Free for children.',
    ]);
    expect(details.first().find('summary strong').text()).toBe('ferries');
    expect(details.first().find('a').attr('href')).toBe('https://port.example/timetable');
    expect(details.first().find('li').text()).toBe('First at 6:40');
  });

  it('an embed WordPress made of an address alone, an embed block’s or a classic post’s line, is a link to it in the Markdown; a file block’s links are apart', async () => {
    const blocks = await importPost('<!-- wp:embed {"url":"https://youtu.be/ex8fMxXJDJw","type":"video","providerNameSlug":"youtube"} -->\n<figure class="wp-block-embed is-type-video is-provider-youtube wp-block-embed-youtube"><div class="wp-block-embed__wrapper">\nhttps://youtu.be/ex8fMxXJDJw\n</div><figcaption class="wp-element-caption">The regatta in one minute</figcaption></figure>\n<!-- /wp:embed -->');
    expect(blocks.markdown).toContain('\n<https://youtu.be/ex8fMxXJDJw>\n\nThe regatta in one minute\n');
    expect(blocks.page('.article-body a').attr('href')).toBe('https://youtu.be/ex8fMxXJDJw');
    // A file block's name and download button are two links, not one word.
    const file = await importPost('<!-- wp:file --><div class="wp-block-file"><a id="wp-block-file--media-7d67" href="https://files.example/report.pdf">Annual report</a><a href="https://files.example/report.pdf" class="wp-block-file__button wp-element-button" download aria-describedby="wp-block-file--media-7d67">Download</a></div><!-- /wp:file -->');
    expect(file.page('.article-body p').text()).toBe('Annual report Download');
    expect(file.page('.article-body a').map((_, a) => file.page(a).text()).get()).toEqual(['Annual report', 'Download']);
    const classic = await importPost('The regatta in one minute:\nhttps://youtu.be/ex8fMxXJDJw\n\nhttps://twitter.com/gazette/status/1057136472321613824');
    // A link an editor reads as one, not an address escaped so that Markdown does not make it a link.
    expect(classic.markdown).toContain('The regatta in one minute:\\\n<https://youtu.be/ex8fMxXJDJw>\n\n<https://twitter.com/gazette/status/1057136472321613824>\n');
    expect(classic.page('.article-body a').map((_, a) => classic.page(a).attr('href')).get()).toEqual(['https://youtu.be/ex8fMxXJDJw', 'https://twitter.com/gazette/status/1057136472321613824']);
  });

  it('leaves shortcodes in code samples as the code’s text, converted or reported only outside them', async () => {
    const html = [
      '<pre>[caption id="attachment_6" caption="Pier"]&lt;img src="pier.jpg"&gt;[/caption]\n[gallery ids="1,2"]\nrows = grid[[0]]</pre>',
      '<p>Type <code>[embed]https://video.example/v[/embed]</code> on a line of its own, or [[embed]] to show it.</p>',
      '<!-- wp:code --><pre class="wp-block-code"><code>&#91;audio mp3="https://media.example/a.mp3"]</code></pre><!-- /wp:code -->',
      '[gallery ids="3,4"]',
    ].join('\n\n');
    const { outcome, page } = await importPost(html);
    const body = page('.article-body');
    expect(body.find('pre code').map((_, code) => page(code).text()).get()).toEqual([
      '[caption id="attachment_6" caption="Pier"]<img src="pier.jpg">[/caption]\n[gallery ids="1,2"]\nrows = grid[[0]]\n',
      '[audio mp3="https://media.example/a.mp3"]\n',
    ]);
    expect(body.find('p').first().text()).toBe('Type [embed]https://video.example/v[/embed] on a line of its own, or [embed] to show it.');
    expect(body.find('p code').text()).toBe('[embed]https://video.example/v[/embed]');
    expect(body.find('figure, a')).toHaveLength(0);
    expect(messages(outcome, 'import-markup-kept')).toEqual(['export.xml:13 WordPress shortcode kept as text: [gallery ids="3,4"]']);
  });

  it('keeps the footnotes block’s notes as footnotes, numbered as WordPress numbers them', async () => {
    const reference = (id: string, n: number) => `<sup data-fn="${id}" class="fn"><a href="#${id}" id="${id}-link">${n}</a></sup>`;
    const html = `<!-- wp:paragraph --><p>Fares rose${reference('f-1', 1)} and fell${reference('f-2', 2)}, as before${reference('f-1', 1)}.</p><!-- /wp:paragraph -->\n\n<h2 id="winter">Winter fares${reference('f-2', 2)}</h2>\n\n<!-- wp:preformatted --><pre class="wp-block-preformatted">Route   Fare\nNorth\t12${reference('f-3', 3)}\n\nSouth   9</pre><!-- /wp:preformatted -->\n\n<!-- wp:footnotes /-->`;
    const notes = JSON.stringify([{ id: 'f-1', content: 'See the <a href="https://port.example/report">port report</a>, <em>2023</em>.' }, { id: 'f-2', content: 'In winter only.' }, { id: 'f-3', content: 'At the kiosk.' }]);
    const { page, markdown } = await importPost(html, `<wp:postmeta><wp:meta_key>footnotes</wp:meta_key><wp:meta_value><![CDATA[${notes}]]></wp:meta_value></wp:postmeta>`);
    expect(markdown).toContain('Fares rose[^1] and fell[^2], as before[^1].');
    const body = page('.article-body');
    expect(body.find('p').first().find('sup a').map((_, a) => page(a).text()).get()).toEqual(['1', '2', '1']);
    const items = body.find('[data-footnotes] li');
    expect(items.map((_, li) => page(li).text().replace(/↩.*$/s, '').trim()).get()).toEqual(['See the port report, 2023.', 'In winter only.', 'At the kiosk.']);
    expect(items.first().find('a[href="https://port.example/report"]').text()).toBe('port report');
    expect(items.first().find('em').text()).toBe('2023');
    // Each reference leads to its note.
    expect(body.find('p').first().find('sup a').first().attr('href')).toBe(`#${items.first().attr('id')}`);
    // A heading with a footnote keeps the footnote (a heading kept as HTML for its id could not).
    expect(body.find('h2').first().text()).toBe('Winter fares2');
    expect(body.find('h2 sup a').attr('href')).toBe(`#${items.eq(1).attr('id')}`);
    // A preformatted block with a footnote: its lines in monospace, spacing kept (a tab to its stop), and the footnote.
    const table = body.children('p').filter((_, p) => page(p).text().startsWith('Route'));
    expect(table.find('code').map((_, code) => page(code).text()).get()).toEqual(['Route\u00a0\u00a0\u00a0Fare', 'North\u00a0\u00a0\u00a012', 'South\u00a0\u00a0\u00a09']);
    expect(table.find('br')).toHaveLength(3);
    expect(table.find('sup a').text()).toBe('3');
    expect(table.find('sup a').attr('href')).toBe(`#${items.last().attr('id')}`);
    expect(markdown).not.toContain('broadsheet-');
  });

  it('keeps a table that holds images, a caption’s link, line breaks, and media named by <source> or a shortcode', async () => {
    const html = [
      '<figure class="wp-block-table"><table><thead><tr><th>Player</th><th>Photo</th></tr></thead><tbody><tr><td>Anna Berg, captain</td><td><img src="https://images.example/anna.jpg" alt="Anna"/></td></tr></tbody></table><figcaption>The squad</figcaption></figure>',
      '[caption id="attachment_6" align="alignnone" width="580"]<img alt="Pier" src="https://images.example/pier.jpg" width="580" height="300" /> Look at the pier getting some <a href="https://pier.example/">caption</a> love.[/caption]',
      '<figure class="wp-block-image"><img src="https://images.example/north.jpg" alt="North"/><figcaption>North pier<br>Photo: Jo Lie</figcaption></figure>',
      '<pre>line one<br />line two</pre>',
      '<figure class="wp-block-video"><video controls><source src="https://media.example/clip.mp4" type="video/mp4"/></video></figure>',
      '[audio mp3="https://media.example/interview.mp3"][/audio]',
    ].join('\n\n');
    const root = makeSite({ 'site.config.ts': `export default { title: 'Imported', baseUrl: 'https://new.example/', timeZone: 'UTC' };\n`, 'export.xml': wxr(html) });
    const outcome = await importSource(path.join(root, 'export.xml'), { root });
    expect(messages(outcome, 'import-markup-kept')).toEqual([]);
    const site = await buildFolderInMemory(root, { now: NOW });
    expect(site.ok, JSON.stringify(site.problems, null, 1)).toBe(true);
    const page = site.page('/2024/02/10/blocks/');
    const body = page('.article-body');
    expect(body.find('table td').map((_, td) => page(td).text()).get()).toEqual(['Anna Berg, captain', '']);
    expect(body.find('table img').attr('alt')).toBe('Anna');
    expect(body.find('p').map((_, p) => page(p).text()).get()).toContain('The squad');
    expect(body.find('figcaption').map((_, c) => page(c).text()).get()).toEqual(['Look at the pier getting some caption love.', 'North pier Photo: Jo Lie']);
    expect(body.find('figcaption a').attr('href')).toBe('https://pier.example/');
    expect(body.find('pre code').text()).toBe('line one\nline two\n');
    expect(body.find('a').map((_, a) => `${page(a).text()} -> ${page(a).attr('href')}`).get()).toEqual([
      'caption -> https://pier.example/',
      'Embedded video: https://media.example/clip.mp4 -> https://media.example/clip.mp4',
      'Embedded audio: https://media.example/interview.mp3 -> https://media.example/interview.mp3',
    ]);
  });
});

describe('feeds', () => {
  it('RSS 2.0: CDATA bodies, entities, authors and categories, a missing title filled in, old links redirected', async () => {
    const { outcome, site, read } = await importAndBuild('rss/feed.xml', { timeZone: 'Europe/Vienna' });
    expect(outcome.read).toBe(3);
    expect(read('content/2025/12/bridge-reopens.md').data).toMatchObject({ title: 'Bridge reopens to traffic & cyclists', date: '2025-12-04T09:15:00+01:00', topic: 'Transport', tags: ['Bridges', 'GitHub'], author: 'Ana Lopes' });
    const page = site.page('/2025/12/04/bridge-reopens/');
    expect(page('h1').text()).toBe('Bridge reopens to traffic & cyclists');
    expect(page('.article-body code').text()).toBe('<steel>');
    expect(page('.article-body').text()).toContain('Tolls: 5 < 6 euros.');
    expect(page('.article-body a').attr('href')).toBe('https://courier.example/news/old-bridge.html');
    expect(read('content/2025/12/market-square.md').data.author).toBe('News Desk');
    expect(messages(outcome, 'import-field-filled')).toEqual(['feed.xml:31 no title in the source: the first words of the text are used: "A short note without a title: the library closes early on Friday."']);
    expectRedirect(site, '/news/bridge-reopens.html', '/2025/12/04/bridge-reopens/');
    expectRedirect(site, '/news/market-square.html', '/2025/12/03/market-square/');
  });

  it('a feed in the encoding its declaration names (ISO-8859-1, windows-1251), or UTF-16 with a byte order mark, keeps its letters', async () => {
    const item = (title: string, slug: string) => `<item><title>${title}</title><link>https://old.example/${slug}.html</link><pubDate>Mon, 01 Dec 2025 10:00:00 GMT</pubDate><category>${title.split(' ')[0]}</category><description>${title}.</description></item>`;
    const feed = (declaration: string, title: string, slug: string) => `${declaration}\n<rss version="2.0"><channel><title>Old</title>${item(title, slug)}</channel></rss>\n`;
    const root = makeSite({
      'site.config.ts': `export default { title: 'Imported', baseUrl: 'https://new.example/', timeZone: 'UTC' };\n`,
      'latin.rss': Buffer.from(feed('<?xml version="1.0" encoding="ISO-8859-1"?>', 'Justiça: ação em curso', 'justica'), 'latin1'),
      'cyrillic.rss': new Uint8Array([...feed("<?xml version='1.0' encoding='windows-1251'?>", 'Новости дня', 'novosti')].map((char) => (char.charCodeAt(0) < 128 ? char.charCodeAt(0) : char.charCodeAt(0) - 0x410 + 0xc0))),
      'wide.rss': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(feed('<?xml version="1.0" encoding="UTF-16"?>', 'Łódź wins', 'lodz'), 'utf16le')]),
    });
    for (const file of ['latin.rss', 'cyrillic.rss', 'wide.rss']) await importSource(path.join(root, file), { root });
    const site = await buildFolderInMemory(root, { now: NOW });
    expect(site.ok, JSON.stringify(site.problems, null, 1)).toBe(true);
    const titles = (url: string) => site.page(url)('h1').text();
    expect(titles('/2025/12/01/justica/')).toBe('Justiça: ação em curso');
    expect(site.page('/2025/12/01/justica/')('.article-body').text().trim()).toBe('Justiça: ação em curso.');
    expect(titles('/2025/12/01/novosti/')).toBe('Новости дня');
    expect(titles('/2025/12/01/lodz/')).toBe('Łódź wins');
  });

  it('an old URL is the page’s address without the tracking parameters a feed adds to its links', async () => {
    const item = (link: string, day: number) => `<item><title>Story ${day}</title><link>${link}</link><pubDate>Mon, 0${day} Dec 2025 10:00:00 GMT</pubDate><description>Text ${day}.</description></item>`;
    const feed = `<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Old</title><link>https://old.example/</link>\n${item('https://old.example/news/a-3086458.html?wt_mc=rss.developer.beitrag.atom', 1)}\n${item('https://old.example/?p=12&amp;utm_source=rss&amp;utm_medium=feed', 2)}\n</channel></rss>\n`;
    const root = makeSite({ 'site.config.ts': `export default { title: 'Imported', baseUrl: 'https://new.example/', timeZone: 'UTC' };\n`, 'old.rss': feed });
    await importSource(path.join(root, 'old.rss'), { root });
    const site = await buildFolderInMemory(root, { now: NOW });
    expect(site.ok, JSON.stringify(site.problems, null, 1)).toBe(true);
    expectRedirect(site, '/news/a-3086458.html', '/2025/12/01/a-3086458/');
    expectRedirect(site, '/?p=12', '/2025/12/02/story-2/');
    expect(site.outputs.get('_redirects')).not.toMatch(/utm_|wt_mc/);
  });

  it('dates in the feed’s language, or in dc:date, are read; an entry whose date cannot be read is left out and named, never given the feed’s date', async () => {
    const item = (title: string, dates: string) => `<item><title>${title}</title><link>https://velho.example/${title.split(' ')[0]!.toLowerCase()}</link>${dates}<description>Texto.</description></item>`;
    const feed = (language: string, items: string[]) => `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>Notícias</title><link>https://velho.example/</link>${language}<lastBuildDate>Fri, 10 Feb 2023 12:00:00 -0300</lastBuildDate>\n${items.join('\n')}\n</channel></rss>\n`;
    const root = makeSite({
      'site.config.ts': `export default { title: 'Imported', timeZone: 'UTC' };\n`,
      'pt.rss': feed('<language>pt-BR</language>', [
        item('Ponte reaberta', '<pubDate>Seg, 06 Fev 2023 10:00:00 -0300</pubDate>'),
        item('Feira no sábado', '<pubDate>Sáb, 04 Fev 2023 09:30:00 -0300</pubDate>'),
        item('Só dc:date', '<pubDate>ontem</pubDate><dc:date>2023-02-01T08:00:00-03:00</dc:date>'),
        item('Hora ilegível', '<pubDate>Seg, 06 Fev 2023 10:00:00 BRT</pubDate>'),
      ]),
      // No language said: month names that every common language reads one way.
      'other.rss': feed('', [item('Brücke offen', '<pubDate>Mo, 02 Okt 2023 10:00:00 +0200</pubDate>'), item('Marché', '<pubDate>lun., 16 janv. 2023 08:00:00 +0100</pubDate>'), item('Атом', '<atom:updated>2023-03-05T07:00:00+03:00</atom:updated>')]),
    });
    const outcome = await importSource(path.join(root, 'pt.rss'), { root });
    expect(outcome.written).toEqual(['content/2023/02/ponte.md', 'content/2023/02/feira.md', 'content/2023/02/so.md']);
    const date = (file: string) => readFileSync(path.join(root, file), 'utf8').match(/^date: (.*)$/m)?.[1];
    expect(outcome.written.map(date)).toEqual(['2023-02-06T10:00:00-03:00', '2023-02-04T09:30:00-03:00', '2023-02-01T08:00:00-03:00']);
    expect(messages(outcome, 'import-left-out')).toEqual(['pt.rss:6 entry "Hora ilegível" not imported: its date "Seg, 06 Fev 2023 10:00:00 BRT" cannot be read (a date as RSS writes it, "Mon, 06 Feb 2023 10:00:00 -0300", or ISO 8601, "2023-02-06T10:00:00-03:00")']);
    expect(messages(outcome, 'import-field-filled')).toEqual([]);
    const other = await importSource(path.join(root, 'other.rss'), { root });
    expect(other.written.map(date)).toEqual(['2023-10-02T10:00:00+02:00', '2023-01-16T08:00:00+01:00', '2023-03-05T07:00:00+03:00']);
  });

  it('a feed with blank lines before its XML declaration is read, as feed readers read it, its places kept', async () => {
    const feed = `\n\n<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Old</title><link>https://old.example/</link>\n<item><title>Podcast 1</title><link>https://old.example/p1</link><pubDate>Mon, 01 Dec 2025 10:00:00 GMT</pubDate><description>Show notes.</description></item>\n<item><title>No date</title><link>https://old.example/p2</link></item>\n</channel></rss>\n`;
    const root = makeSite({ 'site.config.ts': `export default { title: 'Imported', timeZone: 'UTC' };\n`, 'podcast.rss': feed });
    const outcome = await importSource(path.join(root, 'podcast.rss'), { root });
    expect(outcome.written).toEqual(['content/2025/12/p1.md']);
    // The item left out is named at its line in the file as it is.
    expect(outcome.problems.filter((p) => p.code === 'import-left-out').map((p) => p.line)).toEqual([6]);
  });

  it('a WordPress feed’s footnotes, a list at the end of each post, are footnotes again', async () => {
    const html = '<p>Fares rose<sup data-fn="f-1" class="fn"><a href="#f-1" id="f-1-link">1</a></sup>.</p>\n<ol class="wp-block-footnotes"><li id="f-1">See the <a href="https://port.example/report">port report</a>. <a href="#f-1-link" aria-label="Jump to footnote reference 1">↩︎</a></li></ol>';
    const feed = `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Old</title><link>https://old.example/</link>\n<item><title>Fares</title><link>https://old.example/fares/</link><pubDate>Mon, 01 Dec 2025 10:00:00 GMT</pubDate><content:encoded><![CDATA[${html}]]></content:encoded></item>\n</channel></rss>\n`;
    const root = makeSite({ 'site.config.ts': `export default { title: 'Imported', timeZone: 'UTC' };\n`, 'feed.rss': feed });
    await importSource(path.join(root, 'feed.rss'), { root });
    expect(readFileSync(path.join(root, 'content/2025/12/fares.md'), 'utf8')).toContain('Fares rose[^1].\n\n[^1]: See the [port report](https://port.example/report).\n');
    const site = await buildFolderInMemory(root, { now: NOW });
    expect(site.ok, JSON.stringify(site.problems, null, 1)).toBe(true);
    const body = site.page('/2025/12/01/fares/')('.article-body');
    expect(body.find('[data-footnotes] li a[href="https://port.example/report"]').text()).toBe('port report');
    expect(body.find('ol')).toHaveLength(1);
  });

  it('Atom: HTML and XHTML text constructs, relative links, the feed author for entries without one', async () => {
    const { site, read } = await importAndBuild('atom/feed.xml');
    expect(read('content/2025/11/lighthouse-restored.md').data).toMatchObject({ title: 'Lighthouse restored', topic: 'Heritage', tags: ['lighthouses'], author: 'Jonas Berg', summary: 'The lighthouse shines again.' });
    expect(read('content/2025/11/storm-warning.md').data.author).toBe('Coastal Desk');
    const page = site.page('/2025/11/19/lighthouse-restored/');
    expect(page('.article-body strong').text()).toBe('lighthouse');
    expect(page('.article-body li').text()).toBe('Open 10–16');
    expectRedirect(site, '/2025/11/lighthouse-restored/', '/2025/11/19/lighthouse-restored/');
    expectRedirect(site, '/2025/11/storm-warning/', '/2025/11/18/storm-warning/');
  });

  it('JSON Feed: HTML and plain-text items, tags, authors', async () => {
    const { site, read } = await importAndBuild('jsonfeed/feed.json');
    expect(read('content/2025/10/pass-closed.md').data).toMatchObject({ title: 'Pass closed after snowfall', topic: 'Transport', tags: ['Weather', 'github'], author: 'Eva Krall', summary: 'The pass is closed.' });
    expect(site.page('/2025/10/28/hut-opens/')('.article-body p').map((_, p) => site.page('/2025/10/28/hut-opens/')(p).text()).get()).toEqual(['A new hut opened at 2,100 metres.', 'It sleeps forty.']);
    expect(site.page('/2025/10/30/pass-closed/')('.article-body a').attr('href')).toBe('https://roads.example/status');
    expectRedirect(site, '/2025/10/pass-closed/', '/2025/10/30/pass-closed/');
  });
});

describe('generators’ folders', () => {
  it('an image not copied (an SVG, a file the source lacks) is shown from the old site’s address; an <img> of HTML without it leaves its alt text, never a link in a link', async () => {
    const post = '---\ntitle: Hello\n---\n\n![Photo](/img/photo.png)\n\n![Logo](/img/logo.svg)\n\n![Gone](/img/gone.png)\n\n<a href="https://sponsor.example/"><img src="/img/logo.svg" alt="Sponsor"></a>\n';
    const files = (config: string) => ({ '_config.yml': config, '_posts/2020-05-01-hello.md': post, 'img/photo.png': png, 'img/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>' });
    const png = await photo(40, 30, 'png');
    const known = makeSite(files('title: Old blog\nurl: https://old.example.org\nbaseurl: /blog\n'));
    const root = makeSite({ 'site.config.ts': `export default { title: 'Imported', baseUrl: 'https://new.example/', timeZone: 'UTC' };\n` });
    const outcome = await importSource(known, { root });
    expect(messages(outcome, 'import-image-missing')).toEqual([
      '2020-05-01-hello.md:7 the image /img/logo.svg is an SVG, which Broadsheet cannot size: it is shown from the old site, https://old.example.org/blog/img/logo.svg',
      '2020-05-01-hello.md:9 the image /img/gone.png was not found: it is shown from the old site, https://old.example.org/blog/img/gone.png',
      '2020-05-01-hello.md:11 the image /img/logo.svg is an SVG, which Broadsheet cannot size: it is shown from the old site, https://old.example.org/blog/img/logo.svg',
    ]);
    const site = await buildFolderInMemory(root, { now: NOW });
    expect(site.ok, JSON.stringify(site.problems, null, 1)).toBe(true);
    const page = site.page('/2020/05/01/hello/');
    expect(page('.article-body img').map((_, img) => page(img).attr('src')).get().slice(1)).toEqual(['https://old.example.org/blog/img/logo.svg', 'https://old.example.org/blog/img/gone.png', 'https://old.example.org/blog/img/logo.svg']);
    expect(site.warnings.filter((p) => p.code === 'link-broken')).toEqual([]);

    // Without the old site's address: links to where they were, and no link inside a link.
    const unknown = makeSite(files('title: Old blog\n'));
    const bare = makeSite({ 'site.config.ts': `export default { title: 'Imported', timeZone: 'UTC' };\n` });
    await importSource(unknown, { root: bare });
    const text = readFileSync(path.join(bare, 'content/2020/05/hello/index.md'), 'utf8');
    expect(text).toContain('[Gone](/img/gone.png)');
    expect(text).toContain('<a href="https://sponsor.example/">Sponsor</a>');
    expect(text).not.toContain('<a href="/img');
  });

  it('Jekyll: .markdown posts, its date forms, dates from file names, categories, Liquid, redirect_from and its permalinks', async () => {
    const { outcome, site, read } = await importAndBuild('jekyll', { timeZone: 'America/Los_Angeles' });
    expect(outcome.read).toBe(3);
    const release = read('content/2014/12/alfredxing-welcome-to-jekyll/index.md');
    expect(release.data).toMatchObject({ title: 'Jekyll 2.5.3 Released', date: '2014-12-17T11:16:21-08:00', topic: 'release', tags: ['GitHub', 'jekyll'], author: 'DirtyF' });
    expect(read('content/2016/03/dated-by-name.md').data).toMatchObject({ date: '2016-03-10', topic: 'Community', summary: 'A post whose date is in its file name.' });
    // Ruby reads "2017-01-05 09:00:00 2017 +0100": so does the import, and says so.
    const folder = read('content/2017/01/category-folder.md');
    expect(folder.data).toMatchObject({ topic: 'news', draft: true, date: '2017-01-05T09:00:00+01:00' });
    expect(messages(outcome, 'import-field-filled')).toEqual(['2017-01-05-category-folder.md:3 no date in a form Broadsheet reads in the source: "2017-01-05 09:00:00 2017 +0100" is read as 2017-01-05T09:00:00+01:00']);
    // Site settings and URL filters are resolved; images not in the folder become links, so the build still runs.
    const drafted = site.page('/2017/01/05/category-folder/')('.article-body');
    expect(drafted.text()).toContain('and Jekyll Times.');
    expect(drafted.find('a[href="/docs/posts/"]').text()).toBe('the docs');
    expect(drafted.find('img')).toHaveLength(0);
    expect(drafted.find('a[href="/img/logo.svg"]').text()).toBe('Missing logo');
    expect(drafted.find('a[href="/img/gone.png"]').text()).toBe('Gone');
    const page = site.page('/2014/12/17/alfredxing-welcome-to-jekyll/');
    expect(page('.article-body pre code.language-ruby').text()).toBe('def hello\n  puts "{{ not liquid }}"\nend\n');
    expect(page('.article-body').text()).toContain('In templates, write {{ page.title }} to print the title.');
    expect(page('.article-body img').attr('alt')).toBe('The map');
    expect(messages(outcome, 'import-markup-kept')).toEqual(['2014-12-17-alfredxing-welcome-to-jekyll.markdown:21 Liquid tag kept as text: {% include docs_contents.html %}']);
    expect(messages(outcome, 'import-image-missing').map((m) => m.split(' was')[0])).toEqual(['2017-01-05-category-folder.md:9 the image /img/logo.svg', '2017-01-05-category-folder.md:11 the image /img/gone.png']);
    expect(messages(outcome, 'import-left-out')).toEqual(['about.md:1 page "about.md" not imported: only the files of _posts are posts']);
    // DirtyF and dirtyf are one author page.
    expect(site.result?.site.authors.map((author) => [author.slug, author.name, author.articles.length])).toEqual([['dirtyf', 'DirtyF', 2]]);
    expectRedirect(site, '/news/2014/12/17/alfredxing-welcome-to-jekyll.html', '/2014/12/17/alfredxing-welcome-to-jekyll/');
    expectRedirect(site, '/release/2014/12/17/old-welcome.html', '/2014/12/17/alfredxing-welcome-to-jekyll/');
    expectRedirect(site, '/news/2016/03/10/dated-by-name.html', '/2016/03/10/dated-by-name/');
    // {% link %} and {% post_url %} lead to the article's file, which the build makes its URL.
    expect(read('content/2016/03/dated-by-name.md').body).toContain('[link back](../../2014/12/alfredxing-welcome-to-jekyll/index.md)');
    expect(site.page('/2016/03/10/dated-by-name/')('.article-body a').attr('href')).toBe('/2014/12/17/alfredxing-welcome-to-jekyll/');
  });

  it('Hugo: TOML front-matter, its permalinks and aliases, shortcodes, page bundles', async () => {
    const { outcome, site, read } = await importAndBuild('hugo');
    expect(read('content/2023/03/first-post/index.md').data).toMatchObject({ title: 'First Post on Hugo', topic: 'Tech', tags: ['GitHub', 'Go'], summary: 'The first post.' });
    expect(read('content/2023/03/bundle-post/index.md').data).toMatchObject({ author: ['Lena Ortiz', 'Max Weber'], image: 'cover.jpg', imageAlt: 'A red square' });
    const page = site.page('/2023/03/01/first-post/');
    expect(page('.article-body pre code.language-go').text()).toBe('fmt.Println("hi")\n');
    expect(page('.article-body figure figcaption').text()).toBe('Sales rose');
    expect(page('.article-body a[href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"]')).toHaveLength(1);
    expect(page('.article-body').text()).toContain('Write shortcodes as {{< myshortcode >}} in docs.');
    expect(messages(outcome, 'import-markup-kept')).toEqual(['first-post.md:22 Hugo shortcode kept as text: {{< instagram BWNjjyYFxVx >}}']);
    for (const old of ['/2023/03/first-post/', '/old/first-post/', '/2023/03/old-relative/']) expectRedirect(site, old, '/2023/03/01/first-post/');
    expectRedirect(site, '/2023/03/a-bundle-post/', '/2023/03/05/bundle-post/');
    expect(site.page('/2023/03/05/bundle-post/')('.article-body a').attr('href')).toBe('/2023/03/01/first-post/');
  });

  it('Hugo: content and static files where its config puts them (module mounts of src/, contentDir), its permalinks applied', async () => {
    const png = await photo(40, 30, 'png');
    const post = '---\ntitle: Release day\ndate: "2024-05-02T10:00:00Z"\n---\n\n![The logo](/img/logo.png)\n';
    const mounted = makeSite({
      'hugo.yml': 'baseURL: "https://old.example"\npermalinks:\n  posts: "/blog/:year/:month/:filename/"\nmodule:\n  mounts:\n    - source: src/content\n      target: content\n    - source: src/static\n      target: static\n',
      'package.json': '{ "name": "blog", "devDependencies": { "hugo-bin": "^0.140.0" } }\n',
      'src/content/posts/2024/release-day.md': post,
      'src/static/img/logo.png': png,
    });
    const root = makeSite({ 'site.config.ts': `export default { title: 'Imported', timeZone: 'UTC' };\n` });
    const outcome = await importSource(mounted, { root });
    expect([outcome.format, outcome.written, outcome.assets]).toEqual(['hugo', ['content/2024/05/release-day/index.md'], ['content/2024/05/release-day/logo.png']]);
    const site = await buildFolderInMemory(root, { now: NOW });
    expect(site.ok, JSON.stringify(site.problems, null, 1)).toBe(true);
    expectRedirect(site, '/blog/2024/05/release-day/', '/2024/05/02/release-day/');

    const contentDir = makeSite({ 'config.toml': 'baseURL = "https://old.example/"\ncontentDir = "site/content"\nstaticDir = ["site/static"]\n', 'site/content/posts/release-day.md': post, 'site/static/img/logo.png': png });
    const other = await importSource(contentDir, { root: makeSite({ 'site.config.ts': `export default { title: 'Imported', timeZone: 'UTC' };\n` }) });
    expect([other.format, other.written, other.assets]).toEqual(['hugo', ['content/2024/05/release-day/index.md'], ['content/2024/05/release-day/logo.png']]);
  });

  it('Hugo’s param shortcode is the page’s param, else the site’s', async () => {
    const source = makeSite({
      'hugo.yaml': 'baseURL: "https://old.example"\nparams:\n  docsSite: "https://docs.example"\n  team: "The core team"\n',
      'content/posts/release.md': '---\ntitle: Release\ndate: 2024-05-02\nteam: The release team\n---\n\nRead [the docs]({{< param "docsSite" >}}/5.3/) and thank {{< param team >}}. {{< param "missing" >}}\n',
    });
    const root = makeSite({ 'site.config.ts': `export default { title: 'Imported', timeZone: 'UTC' };\n` });
    const outcome = await importSource(source, { root });
    expect(messages(outcome, 'import-markup-kept')).toEqual(['release.md:7 Hugo shortcode kept as text: {{< param "missing" >}}']);
    expect(readFileSync(path.join(root, 'content/2024/05/release.md'), 'utf8')).toContain('Read [the docs](https://docs.example/5.3/) and thank The release team.');
  });

  it('Hugo’s simple, no-JavaScript embeds (vimeo_simple, twitter_simple, x_simple) are links to what they showed', async () => {
    // The Vimeo and post ids are those of gohugoio/hugoBasicExample's content/post/rich-content.md (MIT licence).
    const source = makeSite({
      'hugo.toml': 'baseURL = "https://old.example/"\n',
      'content/posts/embeds.md': '+++\ntitle = "Embeds"\ndate = 2024-03-01\n+++\n\n{{< vimeo_simple 48912912 >}}\n\n{{< twitter_simple user="newsdesk" id="1085870671291310081" >}}\n\n{{< x_simple user="newsdesk" id="1085870671291310082" >}}\n',
    });
    const root = makeSite({ 'site.config.ts': `export default { title: 'Imported', timeZone: 'UTC' };\n` });
    const outcome = await importSource(source, { root });
    expect(messages(outcome, 'import-markup-kept')).toEqual([]);
    const site = await buildFolderInMemory(root, { now: NOW });
    expect(site.ok, JSON.stringify(site.problems, null, 1)).toBe(true);
    const page = site.page('/2024/03/01/embeds/');
    expect(page('.article-body a').map((_, a) => `${page(a).text()} ${page(a).attr('href')}`).get()).toEqual([
      'Video on Vimeo https://vimeo.com/48912912', 'Post on X https://x.com/newsdesk/status/1085870671291310081', 'Post on X https://x.com/newsdesk/status/1085870671291310082',
    ]);
  });

  it('YAML front-matter with a quoted value whose next lines are not indented, as Hugo, Jekyll and Eleventy read it; a quote that is never closed is an error where it opens', async () => {
    const source = makeSite({
      'hugo.toml': 'baseURL = "https://old.example/"\n',
      'content/posts/long.md': '---\ntitle: "A long title that\ngoes on: here"\ndate: 2023-01-02\ndescription: \'It\'\'s said\nover two lines\'\ntags: ["a", "b"]\n---\n\nBody.\n',
    });
    const root = makeSite({ 'site.config.ts': `export default { title: 'Imported', timeZone: 'UTC' };\n` });
    await importSource(source, { root });
    const written = matter(readFileSync(path.join(root, 'content/2023/01/long.md'), 'utf8'), { engines: { yaml: (text: string) => parseYaml(text, { schema: 'core' }) as object } });
    expect(written.data).toMatchObject({ title: 'A long title that goes on: here', summary: "It's said over two lines", tags: ['a', 'b'] });

    writeFileSync(path.join(source, 'content/posts/broken.md'), '---\ntitle: "Never closed\ndate: 2023-01-03\n---\n\nBody.\n');
    const error = await importSource(source, { root: makeSite({ 'site.config.ts': `export default { title: 'Imported', timeZone: 'UTC' };\n` }) }).catch((failure: unknown) => failure as { problems: Array<{ file: string; line: number; column: number; message: string; field?: string }> });
    expect('problems' in error && error.problems.map((p) => `${path.basename(p.file)}:${p.line}:${p.column} ${p.field}: ${p.message}`)).toEqual(['broken.md:2:8 title: invalid YAML: a quoted value is not closed']);
  });

  it('Zola: dates from file names, taxonomies, aliases, shortcodes', async () => {
    const { outcome, site, read } = await importAndBuild('zola');
    expect(read('content/2024/01/snow-day/index.md').data).toMatchObject({ title: 'Snow Day in the Valley', date: '2024-01-15', topic: 'Weather', tags: ['Schools', 'GitHub'], author: 'Ida' });
    expect(site.page('/2024/01/15/snow-day/')('.article-body img').attr('alt')).toBe('Snow on the road');
    expect(messages(outcome, 'import-markup-kept')).toEqual(['2024-01-15-snow-day.md:18 Zola shortcode kept as text: {% note(kind="info") %}']);
    expectRedirect(site, '/blog/snow-day/', '/2024/01/15/snow-day/');
    expectRedirect(site, '/2024/01/snow/', '/2024/01/15/snow-day/');
  });

  it('a post whose date is only in its own URL (Zola’s path = "2025/03/26/…", as the Rust blog writes them) is imported with that date, reported', async () => {
    const source = makeSite({
      'config.toml': 'base_url = "https://old.example"\n',
      'content/_index.md': '+++\ntitle = "Blog"\n+++\n',
      'content/point-release.md': '+++\npath = "2025/03/26/point-release"\ntitle = "Announcing 1.94.1"\n+++\n\nA point release.\n',
      'content/inside/_index.md': '+++\ntitle = "Inside"\n+++\n',
      'content/inside/testing.md': '+++\npath = "inside/2020/07/27/testing"\ntitle = "Prerelease testing"\n+++\n\nPlease test.\n',
      'content/inside/not-a-date.md': '+++\npath = "inside/2020/13/45/not-a-date"\ntitle = "Not a date"\n+++\n\nText.\n',
      'content/inside/charts/index.md': '+++\npath = "inside/2020/08/01/charts"\ntitle = "Charts"\n+++\n\n![The chart](chart.svg)\n',
      'content/inside/charts/chart.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    });
    const root = makeSite({ 'site.config.ts': `export default { title: 'Imported', timeZone: 'UTC' };\n` });
    const outcome = await importSource(source, { root });
    expect(outcome.written.sort()).toEqual(['content/2020/07/testing.md', 'content/2020/08/charts.md', 'content/2025/03/point-release.md']);
    expect(messages(outcome, 'import-field-filled').sort()).toEqual(['index.md:1 no date in the source: the date of its URL is used: 2020-08-01', 'point-release.md:1 no date in the source: the date of its URL is used: 2025-03-26', 'testing.md:1 no date in the source: the date of its URL is used: 2020-07-27']);
    // Zola serves a page's path as a folder: an image beside the post was in it.
    expect(messages(outcome, 'import-image-missing')).toEqual(['index.md:6 the image chart.svg is an SVG, which Broadsheet cannot size: it is shown from the old site, https://old.example/inside/2020/08/01/charts/chart.svg']);
    expect(messages(outcome, 'import-left-out')).toContain('not-a-date.md:1 page "Not a date" not imported: it has no date (in its front-matter or file name): pages of a site are not articles');
    const site = await buildFolderInMemory(root, { now: NOW });
    expect(site.ok, JSON.stringify(site.problems, null, 1)).toBe(true);
    expect(site.page('/2025/03/26/point-release/')('h1').text()).toBe('Announcing 1.94.1');
    expectRedirect(site, '/inside/2020/07/27/testing/', '/2020/07/27/testing/');
  });

  it('Zola’s aliases are paths from the site’s root, with or without their leading slash', async () => {
    const source = makeSite({
      'config.toml': 'base_url = "https://old.example"\n',
      'content/inside/2020-07-27-testing.md': '+++\ntitle = "Prerelease testing"\naliases = ["releases/prerelease", "inside/2020/07/27/testing.html", "/old/testing/"]\n+++\n\nPlease test.\n',
    });
    const root = makeSite({ 'site.config.ts': `export default { title: 'Imported', timeZone: 'UTC' };\n` });
    await importSource(source, { root });
    const site = await buildFolderInMemory(root, { now: NOW });
    expect(site.ok, JSON.stringify(site.problems, null, 1)).toBe(true);
    for (const old of ['/inside/testing/', '/releases/prerelease', '/inside/2020/07/27/testing.html', '/old/testing/']) expectRedirect(site, old, '/2020/07/27/testing/');
  });

  it('Eleventy: the title in another field, dates from file names, permalinks, collection tags dropped', async () => {
    const { site, read } = await importAndBuild('eleventy');
    expect(read('content/2022/05/bridge-day/index.md').data).toMatchObject({ title: 'Bridge Day in the Old Town', date: '2022-05-01', tags: ['Events'] });
    expect(site.page('/2022/05/01/bridge-day/')('.article-body img').attr('alt')).toBe('The bridge');
    expectRedirect(site, '/posts/2022-05-01-bridge-day/', '/2022/05/01/bridge-day/');
    expectRedirect(site, '/blog/second-post/', '/2022/05/10/second/');
  });
});

describe('links from one post to another', () => {
  const config = `export default { title: 'Imported', baseUrl: 'https://new.example/', timeZone: 'UTC' };\n`;

  it('by its file lead to the imported article, its anchor kept; a link to a file not imported stays and is reported at its line', async () => {
    const source = makeSite({
      'package.json': '{ "devDependencies": { "@11ty/eleventy": "^3.0.0" } }\n',
      'posts/2023-01-02-other-post.md': '---\ntitle: Other post\n---\n\nThe other one.\n\n## Details\n\nMore.\n',
      'posts/2023-01-05-first.md': '---\ntitle: First post\n---\n\n[See](./2023-01-02-other-post.md), [its details](2023-01-02-other-post.md#details), [by site path](/posts/2023-01-02-other-post.md) and [by reference][other].\n\n[other]: ../posts/2023-01-02-other-post.md\n\n[About us](../about.md) and [gone](../gone.md#top).\n',
      'about.md': '---\ntitle: About\n---\n\nA page.\n',
    });
    const root = makeSite({ 'site.config.ts': config });
    const outcome = await importSource(source, { root });
    expect(messages(outcome, 'import-link-kept')).toEqual([
      '2023-01-05-first.md:9 the link ../about.md is kept as written: about.md is not imported as an article (a page, or a post without a date)',
      '2023-01-05-first.md:9 the link ../gone.md#top is kept as written: gone.md is not in the source',
    ]);
    // The closing line counts them.
    expect(importSummary(outcome, 'old', false)).toContain('2 links to files not imported');
    expect(readFileSync(path.join(root, 'content/2023/01/first.md'), 'utf8')).toContain('[See](other-post.md), [its details](other-post.md#details)');
    const site = await buildFolderInMemory(root, { now: NOW });
    expect(site.ok, JSON.stringify(site.problems, null, 1)).toBe(true);
    const page = site.page('/2023/01/05/first/');
    expect(page('.article-body a').map((_, a) => page(a).attr('href')).get()).toEqual(['/2023/01/02/other-post/', '/2023/01/02/other-post/#details', '/2023/01/02/other-post/', '/2023/01/02/other-post/', '../about.md', '../gone.md#top']);
  });

  it('Hugo’s ref and a post imported by an earlier run: the link leads to the article’s file where it is', async () => {
    const post = (title: string, day: number, body: string) => `+++\ntitle = "${title}"\ndate = 2024-02-0${day}T10:00:00Z\n+++\n\n${body}\n`;
    const source = makeSite({ 'hugo.toml': 'baseURL = "https://old.example/"\n', 'content/posts/early.md': post('Early', 5, 'First.\n\n## Part two\n\nMore.') });
    const root = makeSite({ 'site.config.ts': config });
    await importSource(source, { root });
    writeFileSync(path.join(source, 'content/posts/later.md'), post('Later one', 9, 'See [the start]({{< ref "early.md#part-two" >}}) and [again]({{< relref "/posts/early" >}}).'));
    const outcome = await importSource(source, { root });
    expect(outcome.written).toEqual(['content/2024/02/later.md']);
    const site = await buildFolderInMemory(root, { now: NOW });
    expect(site.ok, JSON.stringify(site.problems, null, 1)).toBe(true);
    const page = site.page('/2024/02/09/later/');
    expect(page('.article-body a').map((_, a) => page(a).attr('href')).get()).toEqual(['/2024/02/05/early/#part-two', '/2024/02/05/early/']);
  });

  it('Hugo’s ref to a heading of the same page is a link to that heading', async () => {
    const source = makeSite({ 'hugo.toml': 'baseURL = "https://old.example/"\n', 'content/posts/guide.md': '+++\ntitle = "Guide"\ndate = 2024-02-05T10:00:00Z\n+++\n\nSee [the notes]({{< ref "#notes" >}}) and [again]({{< relref "#notes" >}}).\n\n## Notes\n\nText.\n' });
    const root = makeSite({ 'site.config.ts': config });
    const outcome = await importSource(source, { root });
    expect(messages(outcome, 'import-markup-kept')).toEqual([]);
    const site = await buildFolderInMemory(root, { now: NOW });
    expect(site.ok, JSON.stringify(site.problems, null, 1)).toBe(true);
    const page = site.page('/2024/02/05/guide/');
    expect(page('.article-body a').map((_, a) => page(a).attr('href')).get()).toEqual(['#notes', '#notes']);
    expect(page('.article-body h2').attr('id')).toBe('notes');
  });

  it('in raw HTML and in any form Markdown writes an address (<…>, escapes, entities), lead to the article too, or are reported', async () => {
    const source = makeSite({
      'package.json': '{ "devDependencies": { "@11ty/eleventy": "^3.0.0" } }\n',
      'posts/2023-01-02-other-post.md': '---\ntitle: Other post\n---\n\nThe other one.\n\n## Details\n\nMore.\n',
      'posts/2023-01-03-my note.md': '---\ntitle: My note\n---\n\nA note.\n',
      'posts/2023-01-05-first.md': [
        '---\ntitle: First post\n---\n',
        '<a href="2023-01-02-other-post.md#details">its details</a> and <a href=\'../about.md\'>about us</a>.\n',
        '<div class="box">\n<p>In a block: <a class="x" href="/posts/2023-01-02-other-post.md">other</a></p>\n</div>\n',
        '- <div>\n  <a href="2023-01-02-other-post.md">in a list</a>\n  </div>\n',
        '[note](<2023-01-03-my note.md>), [escaped](2023-01-02-other\\-post.md) and [entity](2023-01-02-other&#45;post.md).\n',
      ].join('\n'),
      'about.md': '---\ntitle: About\n---\n\nA page.\n',
    });
    const root = makeSite({ 'site.config.ts': config });
    const outcome = await importSource(source, { root });
    expect(messages(outcome, 'import-link-kept')).toEqual(['2023-01-05-first.md:5 the link ../about.md is kept as written: about.md is not imported as an article (a page, or a post without a date)']);
    const written = readFileSync(path.join(root, 'content/2023/01/first.md'), 'utf8');
    expect(written).toContain('<a href="other-post.md#details">its details</a>');
    expect(written).toContain('<a class="x" href="other-post.md">other</a>');
    expect(written).toContain('[note](<my-note.md>), [escaped](other-post.md) and [entity](other-post.md)');
    const site = await buildFolderInMemory(root, { now: NOW });
    expect(site.ok, JSON.stringify(site.problems, null, 1)).toBe(true);
    const page = site.page('/2023/01/05/first/');
    expect(page('.article-body a').map((_, a) => page(a).attr('href')).get()).toEqual([
      '/2023/01/02/other-post/#details', '../about.md', '/2023/01/02/other-post/', '/2023/01/02/other-post/', '/2023/01/03/my-note/', '/2023/01/02/other-post/', '/2023/01/02/other-post/',
    ]);
  });

  it('by their old address (a site path, the old site’s full address, a relative path, an alias) lead straight to the article, not through its redirect', async () => {
    const jekyll = makeSite({
      '_config.yml': 'title: Old blog\nurl: https://old.example\nbaseurl: /blog\n',
      '_posts/2023-01-02-other.md': '---\ntitle: Other post\nredirect_from: /earlier-name/\n---\n\n## Part\n\nMore.\n',
      '_posts/2023-01-05-first.md': [
        '---\ntitle: First post\n---\n',
        '[path](/2023/01/02/other.html), [base path](/blog/2023/01/02/other.html#part), [liquid]({{ site.baseurl }}/2023/01/02/other.html),',
        '[full](https://old.example/blog/2023/01/02/other.html#part), [www](http://www.old.example/blog/2023/01/02/other), [alias](/earlier-name/),',
        '<a href="https://old.example/blog/2023/01/02/other.html">html</a>; and left alone: [elsewhere](https://new.example/2023/01/02/other.html), [page](/about/).\n',
      ].join('\n'),
    });
    const root = makeSite({ 'site.config.ts': config });
    await importSource(jekyll, { root });
    const site = await buildFolderInMemory(root, { now: NOW });
    expect(site.ok, JSON.stringify(site.problems, null, 1)).toBe(true);
    const page = site.page('/2023/01/05/first/');
    const other = '/2023/01/02/other/';
    expect(page('.article-body a').map((_, a) => page(a).attr('href')).get()).toEqual([other, `${other}#part`, other, `${other}#part`, other, other, other, 'https://new.example/2023/01/02/other.html', '/about/']);

    const hugo = makeSite({
      'hugo.toml': 'baseURL = "https://old.example/"\n',
      'content/posts/other.md': '+++\ntitle = "Other"\ndate = 2024-02-05T10:00:00Z\n+++\n\nText.\n',
      'content/posts/first.md': '+++\ntitle = "First"\ndate = 2024-02-09T10:00:00Z\n+++\n\n[section](/posts/other/), [no slash](/posts/other), [relative](../other/#top) and [full](https://old.example/posts/other/).\n',
    });
    const hugoRoot = makeSite({ 'site.config.ts': config });
    await importSource(hugo, { root: hugoRoot });
    expect(readFileSync(path.join(hugoRoot, 'content/2024/02/first.md'), 'utf8')).toContain('[section](other.md), [no slash](other.md), [relative](other.md#top) and [full](other.md)');
  });
});

describe('Broadsheet’s own feeds', () => {
  it('import back into a new site with the same articles, dates, topics, tags and authors', async () => {
    const original = await buildInMemory({
      'site.config.ts': "export default { title: 'Origin', baseUrl: 'https://origin.example/', timeZone: 'Asia/Almaty' };\n",
      'content/a.md': '---\ntitle: Flights to Tbilisi resume\ndate: 2025-12-18 19:20\ntopic: Transport\ntags: [Tbilisi, GitHub]\nauthor: Aigerim Sultanova\n---\n\nThe first flight left on time, with [details](https://airline.example/news).\n',
      'content/b.md': '---\ntitle: Concert at the museum\ndate: 2025-12-17\ntopic: Culture\nauthor: [Daniyar Bekov, Aigerim Sultanova]\n---\n\nAn evening of dombra music.\n',
    }, { now: NOW });
    expect(original.ok).toBe(true);
    for (const feed of ['feed.xml', 'atom.xml', 'feed.json']) {
      const root = makeSite({ 'site.config.ts': "export default { title: 'Copy', timeZone: 'Asia/Almaty' };\n", [feed]: original.outputs.get(feed)! });
      const outcome = await importSource(path.join(root, feed), { root });
      expect(outcome.read, feed).toBe(2);
      const copy = await buildFolderInMemory(root, { now: NOW });
      expect(copy.ok, feed).toBe(true);
      const articles = copy.result!.site.articles;
      expect(articles.map((a) => [a.title, a.date.epoch, a.topic.name, a.tags.map((t) => t.name), a.authors.map((t) => t.name), a.url]), feed).toEqual(
        original.result!.site.articles.map((a) => [a.title, a.date.epoch, a.topic.name, a.tags.map((t) => t.name), a.authors.map((t) => t.name), a.url]),
      );
      expect(copy.page('/2025/12/18/flights-to-tbilisi-resume/')('.article-body a').attr('href'), feed).toBe('https://airline.example/news');
    }
  });
});
