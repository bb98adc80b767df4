// The search page's results, from the Pagefind bundles the build writes under /pagefind/: one per
// year, listed newest first in /pagefind/shards.json. The newest is loaded and the others merged
// into it, so one query searches the whole archive. Only /search/ loads this file; the header's box
// on every other page is a plain form that comes here with ?q=.
//
// Results are built as DOM nodes, never as HTML strings: titles and excerpts come from articles,
// and an excerpt's only markup is Pagefind's <mark> around the words found.

const PAGE_SIZE = 10;

/**
 * What this script writes, in the page's language: the search page's texts (search.results in the
 * theme's tables, templates/i18n/), with English for a page that has none (a site's own search template).
 */
const TEXTS = {
  locale: 'en',
  plainNumbers: true,
  texts: { searching: 'Searching…', none: 'No articles found for “{query}”.', found: { one: '{count} article found for “{query}”.', other: '{count} articles found for “{query}”.' } },
  ...JSON.parse(document.querySelector('#search-texts')?.textContent || '{}'),
};
const plurals = new Intl.PluralRules(TEXTS.locale);
const numbers = new Intl.NumberFormat(TEXTS.locale, TEXTS.plainNumbers ? { useGrouping: false } : {});

/** A text with its {values} filled in; a text with forms for numbers takes the form for `values.count`. */
function say(name, values = {}) {
  const entry = TEXTS.texts[name];
  const text = typeof entry === 'string' ? entry : (entry[plurals.select(values.count ?? 0)] ?? entry.other);
  return text.replace(/\{(\w+)\}/g, (whole, key) => (key in values ? (typeof values[key] === 'number' ? numbers.format(values[key]) : values[key]) : whole));
}

const form = document.querySelector('.search-form');
const input = document.querySelector('#search-q');
const topic = document.querySelector('#search-topic');
const year = document.querySelector('#search-year');
const status = document.querySelector('.search-status');
const list = document.querySelector('.search-results');
const more = document.querySelector('.search-more');

let pagefind;
let results = [];
let shown = 0;
let searchId = 0;

/** Pagefind with every year's bundle merged in, loaded on first use. */
async function engine() {
  if (!pagefind) {
    pagefind = (async () => {
      const bundles = form.dataset.bundles;
      const { shards } = await (await fetch(`${bundles}shards.json`)).json();
      if (shards.length === 0) return undefined;
      const loaded = await import(`${bundles}${shards[0]}/pagefind.js`);
      // The documents' URLs already hold the site's base path: Pagefind must not add one.
      await loaded.options({ excerptLength: 24, baseUrl: '/' });
      await loaded.init();
      for (const shard of shards.slice(1)) await loaded.mergeIndex(`${bundles}${shard}/`, { baseUrl: '/' });
      return loaded;
    })();
  }
  return pagefind;
}

/** Fill the topic and year menus from the index, keeping what the URL chose. */
async function fillFilters(found, chosen) {
  const filters = await found.filters();
  const fill = (select, values, sort) => {
    for (const value of Object.keys(values ?? {}).sort(sort)) {
      const option = document.createElement('option');
      option.value = value;
      option.textContent = value;
      select.append(option);
    }
    select.value = chosen.get(select.name) ?? '';
  };
  fill(topic, filters.topic, (a, b) => a.localeCompare(b));
  fill(year, filters.year, (a, b) => b.localeCompare(a));
  document.querySelector('.search-filters').hidden = false;
}

/** The excerpt as nodes: text, with <mark> around the words found. */
function excerptNodes(excerpt) {
  const nodes = [];
  excerpt.split(/(<mark>|<\/mark>)/).reduce((marked, part) => {
    if (part === '<mark>') return true;
    if (part === '</mark>') return false;
    // Pagefind escapes < and > in the text it excerpts: back to the characters for a text node.
    const text = document.createTextNode(part.replace(/&lt;/g, '<').replace(/&gt;/g, '>'));
    if (marked) {
      const mark = document.createElement('mark');
      mark.append(text);
      nodes.push(mark);
    } else {
      nodes.push(text);
    }
    return marked;
  }, false);
  return nodes;
}

function resultItem(data) {
  const item = document.createElement('li');
  const card = document.createElement('article');
  card.className = 'card';
  const heading = document.createElement('h2');
  const link = document.createElement('a');
  link.href = data.url;
  link.textContent = data.meta.title ?? data.url;
  heading.append(link);
  const meta = document.createElement('p');
  meta.className = 'meta';
  meta.textContent = [data.meta.date, data.meta.topic].filter(Boolean).join(' · ');
  const excerpt = document.createElement('p');
  excerpt.className = 'summary';
  excerpt.append(...excerptNodes(data.excerpt));
  card.append(heading, meta, excerpt);
  item.append(card);
  return item;
}

async function showMore(id) {
  const next = results.slice(shown, shown + PAGE_SIZE);
  const data = await Promise.all(next.map((result) => result.data()));
  if (id !== searchId) return;
  list.append(...data.map(resultItem));
  shown += next.length;
  more.hidden = shown >= results.length;
}

async function run(query) {
  const id = ++searchId;
  list.replaceChildren();
  more.hidden = true;
  if (query.trim() === '') {
    status.textContent = '';
    return;
  }
  status.textContent = say('searching');
  const found = await engine();
  const filters = {};
  if (topic.value) filters.topic = topic.value;
  if (year.value) filters.year = year.value;
  const search = found ? await found.search(query, { filters }) : { results: [] };
  if (id !== searchId) return;
  results = search.results;
  shown = 0;
  const count = results.length;
  status.textContent = count === 0 ? say('none', { query }) : say('found', { count, query });
  await showMore(id);
}

/** The query and filters in the address, so a search can be bookmarked, shared and gone back to. */
function remember() {
  const params = new URLSearchParams();
  if (input.value) params.set('q', input.value);
  if (topic.value) params.set('topic', topic.value);
  if (year.value) params.set('year', year.value);
  const query = params.toString();
  history.replaceState(null, '', query ? `?${query}` : location.pathname);
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  remember();
  void run(input.value);
});
for (const select of [topic, year]) {
  select.addEventListener('change', () => {
    remember();
    void run(input.value);
  });
}
more.addEventListener('click', () => void showMore(searchId));

const chosen = new URLSearchParams(location.search);
input.value = chosen.get('q') ?? '';
const found = await engine();
if (found) await fillFilters(found, chosen);
if (input.value) void run(input.value);
