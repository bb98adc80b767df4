// Which imported post an address of the old site is: its old URL (permalinks.ts) or one of its
// aliases, however a post links it: a site path (`/posts/other/`, `/2023/01/02/other.html`), the
// same under the old site's sub-path (`/blog/2023/...` for Jekyll's `baseurl: /blog`), a full
// address on the old site (`https://old.example/posts/other/`, when its config names it), or a
// path relative to the linking post's own old URL (`../other/`). Servers answered a page's address
// with or without its closing slash, `index.html` or `.html`: so does the lookup. Pure.

import { decodedPath, hasScheme, isProtocolRelative } from '../../../urls.js';

/** The old URLs of the imported posts, and the article (its sourceId) each leads to. */
export class OldAddresses {
  readonly #articles = new Map<string, string>();
  readonly #site: URL | undefined;

  /** `siteUrl`: the old site's address, ending in "/" (UrlSettings.siteUrl), if its config gives it. */
  constructor(siteUrl: string | undefined) {
    this.#site = siteUrl === undefined ? undefined : new URL(siteUrl);
  }

  /** Record a site path of the article `id`; a path another article already has stays that article's, the root no one's. */
  add(sitePath: string, id: string): void {
    const key = addressKey(sitePath);
    // A post served at the site's root (an Eleventy index.md with a date) is not what every link
    // to the home page means.
    if (key !== '/' && !this.#articles.has(key)) this.#articles.set(key, id);
  }

  /**
   * The article a link's address (as the Markdown parser gives it, fragment and query cut off)
   * leads to, for a link in the post whose old URL is `own`; undefined when it is no imported
   * post's old address.
   */
  articleAt(address: string, own: string | undefined): string | undefined {
    for (const sitePath of this.#sitePaths(address, own)) {
      const id = this.#articles.get(addressKey(sitePath));
      if (id !== undefined) return id;
    }
    return undefined;
  }

  /** The site paths an address may be: none for another site's address. */
  #sitePaths(address: string, own: string | undefined): string[] {
    const base = this.#site?.pathname ?? '/';
    if (hasScheme(address) || isProtocolRelative(address)) {
      if (!this.#site || !URL.canParse(address, this.#site.href)) return [];
      const url = new URL(address, this.#site);
      const sameHost = (host: string) => host.replace(/^www\./, '');
      if (!/^https?:$/.test(url.protocol) || sameHost(url.hostname) !== sameHost(this.#site.hostname) || !url.pathname.startsWith(base)) return [];
      return [`/${url.pathname.slice(base.length)}`];
    }
    if (address.startsWith('/')) return base !== '/' && address.startsWith(base) ? [address, `/${address.slice(base.length)}`] : [address];
    if (own === undefined || address === '') return [];
    return [new URL(address, new URL(own, 'https://old.invalid')).pathname];
  }
}

/** A site path as the lookup compares it: decoded, without a closing slash, `index.html` or `.html`. */
function addressKey(sitePath: string): string {
  const trimmed = decodedPath(sitePath).replace(/\/index\.html?$/i, '/').replace(/\.html?$/i, '').replace(/\/+$/, '');
  return trimmed === '' ? '/' : trimmed;
}
