// The old URL of a post, as its generator made it: what an import keeps as an alias, so that the
// URL readers and search engines know still leads to the article.

import { describe, expect, it } from 'vitest';
import { OldAddresses } from '../src/authoring/importers/folders/old-urls.js';
import { oldUrl, type PostPlace } from '../src/authoring/importers/folders/permalinks.js';

const post = (place: Partial<PostPlace>): PostPlace => ({
  generator: 'jekyll', folders: [], fileSlug: 'Welcome-To-Jekyll', fileName: '2014-12-17-Welcome-To-Jekyll', title: 'Welcome to Jekyll!', date: '2014-12-17T23:16:21-08:00', categories: [], ...place,
});

describe('Jekyll', () => {
  it('defaults to the date style, categories first, the title as in the file name', () => {
    expect(oldUrl(post({ categories: ['News', 'Releases'] }), {})).toBe('/news/releases/2014/12/17/Welcome-To-Jekyll.html');
    expect(oldUrl(post({}), {})).toBe('/2014/12/17/Welcome-To-Jekyll.html');
  });

  it('follows the site permalink style or template, in the site time zone', () => {
    expect(oldUrl(post({}), { permalink: 'pretty' })).toBe('/2014/12/17/Welcome-To-Jekyll/');
    expect(oldUrl(post({}), { permalink: 'none' })).toBe('/Welcome-To-Jekyll.html');
    expect(oldUrl(post({}), { permalink: '/blog/:year/:i_month/:slug/' })).toBe('/blog/2014/12/welcome-to-jekyll/');
    // 23:16 in Los Angeles is the next day in UTC.
    expect(oldUrl(post({}), { permalink: 'pretty', timeZone: 'UTC' })).toBe('/2014/12/18/Welcome-To-Jekyll/');
  });

  it("a post's own permalink wins, with placeholders too", () => {
    expect(oldUrl(post({ override: '/about-jekyll/' }), {})).toBe('/about-jekyll/');
    expect(oldUrl(post({ override: '/:year/:title.html' }), {})).toBe('/2014/Welcome-To-Jekyll.html');
  });
});

describe('Hugo', () => {
  const hugo = (place: Partial<PostPlace>) => post({ generator: 'hugo', folders: ['posts'], fileSlug: 'My-First-Post', title: 'My First Post', ...place });
  it('is /<section>/<file name or slug>/, lowercased, unless [permalinks] or url say otherwise', () => {
    expect(oldUrl(hugo({}), {})).toBe('/posts/my-first-post/');
    expect(oldUrl(hugo({ slug: 'hello' }), {})).toBe('/posts/hello/');
    expect(oldUrl(hugo({}), { permalinks: { posts: '/:year/:month/:title/' } })).toBe('/2014/12/my-first-post/');
    expect(oldUrl(hugo({ override: '/special/' }), {})).toBe('/special/');
  });
});

describe('Zola and Eleventy', () => {
  it('Zola: /<section>/<slug>/, the date before the file name dropped; a path, with its closing slash', () => {
    expect(oldUrl(post({ generator: 'zola', folders: ['blog'], fileSlug: 'Snow Day' }), {})).toBe('/blog/snow-day/');
    // Zola adds the closing slash to a path (a page is a folder with its index.html).
    expect(oldUrl(post({ generator: 'zola', folders: ['blog'], override: 'custom/path' }), {})).toBe('/custom/path/');
    expect(oldUrl(post({ generator: 'zola', folders: ['blog'], override: '/2025/03/26/point-release' }), {})).toBe('/2025/03/26/point-release/');
  });

  it('Eleventy: the input path, date kept; post/post.md and index.md serve their folder; a templated permalink is unknown', () => {
    expect(oldUrl(post({ generator: 'eleventy', folders: ['posts'], fileName: '2022-05-01-bridge-day' }), {})).toBe('/posts/2022-05-01-bridge-day/');
    expect(oldUrl(post({ generator: 'eleventy', folders: ['blog', 'fourth'], fileName: 'fourth' }), {})).toBe('/blog/fourth/');
    expect(oldUrl(post({ generator: 'eleventy', folders: ['blog'], override: '/blog/{{ page.fileSlug }}/' }), {})).toBeUndefined();
  });
});

describe('links by an old URL', () => {
  const addresses = new OldAddresses('https://old.example/blog/');
  addresses.add('/2014/12/17/welcome.html', 'welcome');
  addresses.add('/posts/other/', 'other');
  addresses.add('/', 'home-post');

  it('find the post whatever the form of its address: slash, .html, index.html, sub-path, full address, relative', () => {
    for (const link of ['/2014/12/17/welcome.html', '/2014/12/17/welcome', '/2014/12/17/welcome/', '/blog/2014/12/17/welcome.html', 'https://old.example/blog/2014/12/17/welcome.html', 'http://www.old.example/blog/2014/12/17/welcome']) {
      expect(addresses.articleAt(link, undefined), link).toBe('welcome');
    }
    expect(addresses.articleAt('/posts/other/index.html', undefined)).toBe('other');
    expect(addresses.articleAt('../other/', '/posts/first/')).toBe('other');
  });

  it('leave other sites, other paths and the home page alone', () => {
    for (const link of ['https://elsewhere.example/posts/other/', 'https://old.example/posts/other/', '/about/', '/', '/blog/', 'mailto:desk@old.example']) {
      expect(addresses.articleAt(link, '/posts/first/'), link).toBeUndefined();
    }
  });
});
