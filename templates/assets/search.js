// The search page's results, from the Pagefind bundles the build writes under /pagefind/: one per
// month (a large month in runs of days), listed newest first in /pagefind/shards.json
// with the topics for the filter menu. Only /search/ loads this file; the header's box on every
// other page is a plain form that comes here with ?q=.
//
// Results are news, newest first, and the bundles are periods: so the newest bundles hold the
// first results, and a search opens bundles from the newest on, only as many as it needs to show
// a page of results (at most BUNDLES_PER_REQUEST for one query or one click). "More results" shows
// the next page, opening older bundles when the ones open are used up; when a request finds no
// more, the button offers to search older news. A reader who keeps asking gets every result, in
// order: an older bundle never holds a newer article. The year menu narrows the bundles to that
// year's. Opening a bundle costs two small requests (its entry and metadata) and, for each word,
// one index chunk: that is why the page does not open them all up front.
//
// Pagefind merges the bundles it opens into one index and orders merged results by score, and
// with a sort a result's score is only its rank inside its own bundle; so each bundle carries its
// name as a filter (mergeFilter) and is searched on its own, and the results are put together in
// bundle order here.
//
// Results are built as DOM nodes, never as HTML strings: titles and excerpts come from articles,
// and an excerpt's only markup is Pagefind's <mark> around the words found.

const PAGE_SIZE = 10;
/** The most bundles one query, or one click for more, opens before it shows what it found. */
const BUNDLES_PER_REQUEST = 12;

/**
 * What this script writes, in the page's language: the search page's texts (search.results in the
 * theme's tables, templates/i18n/), with English for a page that has none (a site's own search template).
 */
const TEXTS = {
  locale: 'en',
  plainNumbers: true,
  texts: {
    searching: 'Searching…',
    searching_older: 'Searching older news…',
    none: 'No articles found for “{query}”.',
    found: { one: '{count} article found for “{query}”.', other: '{count} articles found for “{query}”.' },
    none_since: 'No articles found for “{query}” since {period}.',
    found_since: { one: '{count} article found for “{query}” since {period}.', other: '{count} articles found for “{query}” since {period}.' },
    more: 'More results',
    older: 'Search older news',
  },
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
const bundles = form.dataset.bundles;

/** The list of bundles (newest first) and the topics, fetched once; revalidated, as it changes with every publish. */
const catalogue = fetch(`${bundles}shards.json`, { cache: 'no-cache' }).then((response) => response.json());

let pagefind;
/** Each bundle opened so far: a promise of Pagefind once the bundle is in. */
const opened = new Map();

/**
 * Pagefind with `shard`'s bundle in. Pagefind itself is loaded from the newest bundle (the only
 * one with Pagefind's script and WebAssembly: search/output.ts), which is opened first; later
 * ones merge into it.
 */
async function open(shard) {
  // The documents' URLs already hold the site's base path: Pagefind must not add one.
  const options = (name) => ({ baseUrl: '/', excerptLength: 24, mergeFilter: { bundle: name } });
  if (!pagefind) {
    const [newest] = (await catalogue).shards;
    pagefind ??= import(`${bundles}${newest}/pagefind.js`).then(async (loaded) => {
      await loaded.options(options(newest));
      await loaded.init();
      return loaded;
    });
    if (!opened.has(newest)) opened.set(newest, pagefind);
  }
  if (!opened.has(shard)) opened.set(shard, pagefind.then(async (loaded) => (await loaded.mergeIndex(`${bundles}${shard}/`, options(shard)), loaded)));
  return opened.get(shard);
}

/** The results of `query` in `shard`'s bundle alone, newest first. */
async function searchShard(shard, query, filters) {
  const loaded = await open(shard);
  const found = await loaded.search(query, { filters: { ...filters, bundle: shard }, sort: { date: 'desc' } });
  return found.results;
}

/** The search under way: its query, the bundles it may open (newest first), how many it has searched, its results so far. */
let current;

/**
 * Search the next bundles of `search` until it has a page of results more than it shows, or has
 * searched every bundle, or has opened BUNDLES_PER_REQUEST. Rounds of 1, 2, 4… bundles: a common
 * word fills a page from the newest bundle, a rare one reaches back a year in a few rounds.
 */
async function searchOlder(search) {
  let budget = BUNDLES_PER_REQUEST;
  for (let round = 1; budget > 0 && search.searched < search.scope.length && search.results.length < search.shown + PAGE_SIZE; round *= 2) {
    const shards = search.scope.slice(search.searched, search.searched + Math.min(round, budget));
    const found = await Promise.all(shards.map((shard) => searchShard(shard, search.query, search.filters)));
    if (search !== current) return;
    search.results.push(...found.flat());
    search.searched += shards.length;
    budget -= shards.length;
  }
}

/**
 * "December 2025", or "December 23, 2025" for a part of a month that starts on the 23rd, in the
 * page's language: as the build named it in the catalogue (a browser lacks some languages' month
 * names), else as the browser does.
 */
function periodName(shard, { shards, names }) {
  const named = names?.[shards.indexOf(shard)];
  if (named) return named;
  const [y, m, d] = shard.split('-').map(Number);
  const format = new Intl.DateTimeFormat(TEXTS.locale, { year: 'numeric', month: 'long', day: d ? 'numeric' : undefined, timeZone: 'UTC' });
  return format.format(new Date(Date.UTC(y, m - 1, d || 1)));
}

function describe(search, listed) {
  const count = search.results.length;
  const values = { count, query: search.query };
  // Older bundles not searched yet: the count is of the news since the oldest bundle searched.
  if (search.searched < search.scope.length) return say(count === 0 ? 'none_since' : 'found_since', { ...values, period: periodName(search.scope[search.searched - 1], listed) });
  return say(count === 0 ? 'none' : 'found', values);
}

/** Fill the topic and year menus from the catalogue, keeping what the URL chose. */
function fillFilters({ shards, topics }, chosen) {
  const fill = (select, values) => {
    for (const value of values) {
      const option = document.createElement('option');
      option.value = value;
      option.textContent = value;
      select.append(option);
    }
    select.value = chosen.get(select.name) ?? '';
  };
  fill(topic, [...topics].sort((a, b) => a.localeCompare(b)));
  fill(year, [...new Set(shards.map((shard) => shard.slice(0, 4)))]);
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

/**
 * Show the next page of `search`'s results, searching older bundles first when those found are
 * used up. Returns the items added.
 */
async function showMore(search) {
  if (search.results.length < search.shown + PAGE_SIZE && search.searched < search.scope.length) {
    status.textContent = say(search.shown === 0 ? 'searching' : 'searching_older');
    await searchOlder(search);
  }
  const next = search.results.slice(search.shown, search.shown + PAGE_SIZE);
  const data = await Promise.all(next.map((result) => result.data()));
  if (search !== current) return [];
  const items = data.map(resultItem);
  list.append(...items);
  search.shown += next.length;
  status.textContent = describe(search, await catalogue);
  const buffered = search.shown < search.results.length;
  more.textContent = say(buffered ? 'more' : 'older');
  more.hidden = !buffered && search.searched >= search.scope.length;
  return items;
}

async function run(query) {
  list.replaceChildren();
  more.hidden = true;
  current = undefined;
  if (query.trim() === '') {
    status.textContent = '';
    return;
  }
  const search = { query, filters: topic.value ? { topic: topic.value } : {}, scope: [], searched: 0, results: [], shown: 0 };
  current = search;
  status.textContent = say('searching');
  const { shards } = await catalogue;
  search.scope = year.value ? shards.filter((shard) => shard.startsWith(`${year.value}-`)) : shards;
  if (search === current) await showMore(search);
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
more.addEventListener('click', async () => {
  const search = current;
  if (!search || more.getAttribute('aria-disabled') === 'true') return;
  // Busy, but not disabled or hidden: the button keeps the keyboard's focus meanwhile.
  more.setAttribute('aria-disabled', 'true');
  try {
    const items = await showMore(search);
    if (search !== current) return;
    // Focus moves to the first new result; with none, and no button left, back to the words.
    if (items.length > 0) items[0].querySelector('a').focus();
    else if (more.hidden) input.focus();
  } finally {
    more.removeAttribute('aria-disabled');
  }
});

const chosen = new URLSearchParams(location.search);
input.value = chosen.get('q') ?? '';
fillFilters(await catalogue, chosen);
if (input.value) void run(input.value);
