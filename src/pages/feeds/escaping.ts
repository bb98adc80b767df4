// How feed text goes into XML, by the type of the element it goes into. Feeds are written as
// string templates, not through an XML library, so every value passes through one of these on its
// way into an element or an attribute; each serialiser's header says which field takes which.
//
// - Plain text in an element that declares it (Atom type="text", a name, an attribute): `xml`,
//   escaped once, read back exactly by any XML parser.
// - Plain text in an element whose content is HTML (RSS <description>): `textAsHtml`, escaped for
//   HTML, then for XML. A reader decodes the XML and renders the HTML: it shows the text.
// - HTML (article bodies, sanitised when rendered): `cdata`, as it is.
// - Plain text in an RSS element that declares no type (<title>, <category>, <dc:creator>): `rssText`.
//   RSS says nothing of markup there and readers vary: some show the decoded text, some (and many
//   feed parsers) decode entities twice or render it as HTML. So `<` and `>` are escaped for HTML
//   as well as XML, and no element can form whichever way a reader goes; `&` is escaped for XML
//   only, so "Q&A" reads "Q&A" everywhere (in an HTML-rendering reader too). The price: a reader
//   that decodes once and shows text shows "&lt;" where the author wrote "<".

import { escapeMarkup, XML_FORBIDDEN } from '../../escape.js';

/** Text as XML character data or a double-quoted attribute value. */
export const xml = escapeMarkup;

/** Plain text for an element whose content is HTML: escaped for HTML, then for XML. */
export function textAsHtml(text: string): string {
  return xml(escapeHtmlText(text));
}

/** Plain text for an RSS element of no declared type: `<` and `>` escaped twice, `&` once (see above). */
export function rssText(text: string): string {
  return xml(text.replaceAll('<', '&lt;').replaceAll('>', '&gt;'));
}

/** HTML as a CDATA section; a "]]>" inside is split across two sections. */
export function cdata(html: string): string {
  return `<![CDATA[${html.replace(XML_FORBIDDEN, '').replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}

/** Text as HTML character data (not an attribute: quotes stay as they are). */
function escapeHtmlText(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}
