// The site's settings as a schema: every option, its type, default, rule and meaning. It is the
// single source of truth: docs/configuration.md's table is generated from the schema and the doc
// comment on each option (scripts/config-reference.ts), which is Markdown. config.ts loads a
// site's config file and checks it against this schema.

import { z } from 'zod';
import { isValidTimeZone } from './dates.js';
import { hasScheme, isProtocolRelative, isWebAddress } from './urls.js';

const relativeFolder = z.string().min(1, 'expected a folder path');
const languageTag = z.string().regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, 'expected a language tag such as en, kk or en-GB');

/** What a language of a multilingual site may set (languages.ts fills in the rest). */
const languageSchema = z
  .object({
    /** The site's name in this language (default: `title`). */
    title: z.string().min(1).optional(),
    /** One sentence about the site in this language (default: `description`). */
    description: z.string().optional(),
    /** The Intl locale dates and numbers are written in (default: kk-KZ for kk, ru-RU for ru, en-GB for en, else the code). */
    locale: languageTag.optional(),
    /** The script's direction: rtl gives pages dir="rtl" and a mirrored theme. */
    direction: z.enum(['ltr', 'rtl']).default('ltr'),
  })
  .strict();

/** The site config's schema: every option, its type, default and rule (docs/configuration.md is generated from it). */
export const configSchema = z
  .object({
    /** Site name: page titles, header, feeds. */
    title: z.string().min(1).default('Broadsheet'),
    /** One sentence about the site: home page description and feeds. */
    description: z.string().default(''),
    /** Absolute URL the site is served from; a path after the host (https://x.org/news/) is the base path. */
    baseUrl: z
      .url({ protocol: /^https?$/, error: 'expected an absolute http(s) URL such as https://example.org/news/' })
      .default('http://localhost:4321/'),
    /** Language of the site (BCP 47): `<html lang>`, date formatting, feeds. On a multilingual site, the default language's. */
    language: languageTag.default('en'),
    /**
     * A site in several languages: each language's code with its settings, all optional, e.g.
     * `{ kk: { title: 'Дала жаңалықтары' }, ru: {}, en: {} }`. The default language's pages live at
     * the site's root, every other's under `/<code>/` (docs/languages.md). Unset: one language.
     */
    languages: z.record(languageTag, languageSchema.prefault({})).optional(),
    /** Which of `languages` lives at the site's root (default: `language` when set and listed, else the first). */
    defaultLanguage: languageTag.optional(),
    /** IANA time zone that dates without an offset are read in and pages are grouped by. */
    timeZone: z
      .string()
      .refine(isValidTimeZone, 'expected an IANA time zone such as Asia/Almaty or Europe/Vienna')
      .default('Asia/Almaty'),
    /** Articles per list page (home, topics, tags, archives). */
    pageSize: z.int().min(1).max(1000).default(20),
    /**
     * Topic of an article whose front-matter names none. Unset: "News" on a site of one language; on
     * a site of several, the theme's `topic.default` text in each article's language (docs/languages.md).
     */
    defaultTopic: z.string().min(1).optional(),
    /** How many topics the header navigation shows: the largest, listed alphabetically. */
    navTopics: z.int().min(0).max(50).default(6),
    /**
     * The header's topics by name, in this order, instead of the largest. Fixed menus also spare
     * warm builds: a nav chosen by size changes (and re-renders every page) when sizes cross.
     */
    nav: z.array(z.string().min(1)).optional(),
    /**
     * The home's first page as a front page: the newest article as the lead, the next newest as
     * secondary stories, a section per topic, then "More news" with the rest of the page's
     * articles (docs/theme.md). Later pages are plain lists.
     */
    frontPage: z
      .object({
        /** Secondary stories after the lead. */
        secondary: z.int().min(0).max(4).default(3),
        /** The topics of the sections by name, in this order. Unset: the `sectionCount` largest, largest first. */
        sections: z.array(z.string().min(1)).optional(),
        /** How many sections when `sections` is unset; 0: none. */
        sectionCount: z.int().min(0).max(50).default(4),
        /** The latest stories each section shows (none already shown above it). */
        perSection: z.int().min(1).max(100).default(4),
      })
      .strict()
      .prefault({}),
    /**
     * Luxon format of dates with a time shown on pages, e.g. "d MMMM yyyy, HH:mm" -> 18 December
     * 2025, 19:20. Unset: the language's long date and time ("December 18, 2025 at 7:20 PM" in en).
     */
    dateFormat: z.string().min(1).optional(),
    /**
     * Luxon format of dates given without a time (`date: 2025-12-18`), e.g. "d MMMM yyyy". Unset:
     * the language's long date ("December 18, 2025" in en). Never a time: the author gave none.
     */
    dayFormat: z.string().min(1).optional(),
    /** Longest automatic summary, in characters (cut at a word). */
    summaryLength: z.int().min(20).max(2000).default(200),
    /** Name of the publisher: JSON-LD publisher, feeds' author, news sitemap publication; defaults to the title. */
    publisher: z.string().min(1).optional(),
    /** Entries in each feed (newest first). */
    feedLimit: z.int().min(1).max(1000).default(50),
    /** What the site feeds (/feed.xml, /atom.xml, /feed.json) carry per entry: the full body or the summary only. */
    feedContent: z.enum(['full', 'summary']).default('full'),
    /**
     * The same for every topic, tag and author feed. Summary by default: with hundreds of tags, full
     * bodies in every tag feed would write hundreds of megabytes per build on a large archive.
     */
    termFeedContent: z.enum(['full', 'summary']).default('summary'),
    /**
     * Tags an article may have: beyond this many, a warning, and only the first ones get tag pages
     * and feeds (an article with 5,000 tags would otherwise add 5,000 pages and 15,000 feed files).
     */
    tagLimit: z.int().min(1).max(1000).default(50),
    /**
     * Most CPU time, in milliseconds, that rendering one article may use before the render guard
     * stops it (render-timeout): a backstop against faults in the Markdown libraries. Limits that
     * count (docs/limits.md) decide what is refused; articles within them stay far below this.
     */
    renderBudgetMs: z.int().min(1).max(600_000).default(120_000),
    /**
     * The "Related" list at the end of each article page: other articles sharing its tags or
     * topic, scored by what they share and how near they are in time. `count: 0` turns it off.
     */
    related: z
      .object({
        /** Most related articles an article page lists; 0: none, and no section. */
        count: z.int().min(0).max(50).default(4),
        /** Score for each tag a candidate shares with the article. */
        tagWeight: z.number().min(0).max(100).default(1),
        /** Score for sharing the article's topic (broader than a tag, so it weighs less). */
        topicWeight: z.number().min(0).max(100).default(0.5),
        /** A candidate is listed only when its score (before recency) is above this: 0 lists anything sharing a tag or the topic. */
        threshold: z.number().min(0).default(0),
        /** Days apart at which a candidate's score is halved (one 3 × further apart, quartered); 0: time does not count. */
        recencyDays: z.number().min(0).default(30),
        /**
         * Articles examined per tag and topic of an article: the ones nearest to it in time. Keeps
         * the work linear in the archive however large a tag grows.
         */
        candidatesPerTerm: z.int().min(1).max(1000).default(40),
      })
      .strict()
      .prefault({}),
    /**
     * Search with Pagefind: the /search/ page, a search box in every page's header, and the index
     * under /pagefind/. false: none of them.
     */
    search: z.boolean().default(true),
    /** Article images (docs/writing.md). */
    images: z
      .object({
        /** The responsive widths made of every local image, in pixels; none wider than the source (never enlarged). */
        widths: z.array(z.int().min(16).max(8000)).min(1).max(12).default([480, 800, 1200, 1600]),
      })
      .strict()
      .prefault({}),
    /** Image for social cards of pages without one of their own: a site path (/images/card.jpg, a file of static/) or an http(s) URL. */
    socialImage: z
      .string()
      .min(1)
      .refine((value) => (hasScheme(value) || isProtocolRelative(value) ? isWebAddress(value) : true), {
        error: 'expected a site path such as /images/card.jpg (a file of static/) or an http(s) URL such as https://example.org/card.jpg',
      })
      .optional(),
    /** The site's X/Twitter account for cards, e.g. "@qazinform". */
    twitterSite: z.string().regex(/^@\w{1,15}$/, 'expected an account name such as @broadsheet').optional(),
    /** The articles' folder, relative to the site root (as every folder below). */
    contentDir: relativeFolder.default('content'),
    /**
     * The output folder: a link to the latest whole build, kept in `.<outDir>.builds/` beside it.
     * A folder holding files Broadsheet did not write is refused, never emptied (docs/output-and-safety.md).
     */
    outDir: relativeFolder.default('dist'),
    /** The site's own templates and assets; any template it lacks comes from the default theme (docs/theme.md). */
    templatesDir: relativeFolder.default('templates'),
    /** Files copied as they are to the output folder (images, favicon, ...): static/images/a.jpg -> /images/a.jpg. */
    staticDir: relativeFolder.default('static'),
    /** The build cache: rendered articles, image variants and what the last build wrote. Safe to delete; a folder of its own, like `outDir`. */
    cacheDir: relativeFolder.default('.cache'),
    /**
     * Folders outside the site that symbolic links in content/, static/ and templates/ may lead
     * into (relative to the root, or absolute), e.g. ['/srv/shared-photos']. Any other link whose
     * real path is outside the site folder is an error.
     */
    allowOutside: z.array(relativeFolder).default([]),
  })
  .strict();

/** What a `site.config.ts` may export: every option optional. */
export type SiteConfigInput = z.input<typeof configSchema>;
