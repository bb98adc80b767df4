// `broadsheet import`: the plain-text feed dump becomes article files a newsroom can build.

import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { renderArticle } from '../src/render/article.js';
import { articleSettings } from '../src/render/setup.js';
import { resolveConfig } from '../src/config.js';
import { escapeParagraphStart } from '../src/authoring/importers/article-file.js';
import { importDumpFile, planFiles, type ImportOptions, type ImportResult } from '../src/authoring/importers/dump.js';
import { BuildFailure, formatProblems } from '../src/problems/index.js';
import { parseDump } from '../src/authoring/importers/dump-format.js';
import { GAZETTEER } from '../src/authoring/importers/gazetteer.js';
import { findSource } from '../src/authoring/importers/source.js';
import { buildGazetteerIndex, inferTags } from '../src/authoring/importers/tags.js';
import { inferTopic } from '../src/authoring/importers/topics.js';
import { listFiles, makeSite, REPO, runCli } from './helpers/site.js';

/** A copy of shared/seeds/000_f3f1e45a48b694a8.txt, the first real feed, so the suite runs anywhere. */
const SEED = path.join(REPO, 'test/fixtures/dumps/seed-2025-12.txt');
const CONFIG = { 'site.config.ts': 'export default { title: "T" }' };

/** Front-matter and body of an article file, parsed as the build parses it (dates stay text). */
function readArticle(file: string): { data: Record<string, unknown>; body: string } {
  const parsed = matter(readFileSync(file, 'utf8'), {
    engines: { yaml: (text: string) => parseYaml(text, { schema: 'core' }) as object },
  });
  return { data: parsed.data, body: parsed.content };
}

/** A dump of `count` articles, alternating header lines and plain date lines. */
function generateDump(count: number): string {
  const places = ['Astana', 'Almaty', 'Vienna', 'Tbilisi', 'Istanbul', 'Shymkent'];
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    const month = String((i % 12) + 1).padStart(2, '0');
    lines.push(i % 2 === 0 ? ` date 2025-12-19 ${day}.${month}.2025, 10:${String(i % 60).padStart(2, '0')} ${30000 + i}` : `${day}.${month}.2025`);
    lines.push(`Report number ${i} from ${places[i % places.length]}`);
    lines.push(`A new flight route opened in ${places[(i + 1) % places.length]}, Qazinform News Agency reports.`);
    lines.push(`The concert at the museum in ${places[(i + 2) % places.length]} drew a large audience of students.`);
    lines.push('Officials said more services would follow next year, with the Senate expected to approve the law.');
  }
  return lines.join('\n') + '\n';
}

describe('reading a dump', () => {
  it('a crawler header starts an article dated at its day and time, with title and paragraphs', () => {
    const { articles, problems } = parseDump(
      ' date 2025-12-19 18.12.2025, 19:20 28841\nNew flight to Tbilisi\nFirst paragraph.\nSecond “paragraph”.\n',
      'feed.txt',
    );
    expect(problems).toEqual([]);
    expect(articles).toEqual([
      {
        title: 'New flight to Tbilisi',
        date: '2025-12-18 19:20',
        paragraphs: ['First paragraph.', 'Second “paragraph”.'],
        line: 1,
        titleLine: 2,
        id: '28841',
      },
    ]);
  });

  it('a line holding only a date starts the next article, dated that day (or that time)', () => {
    const { articles, problems } = parseDump('17.12.2025\nOne\nText one.\n\n16.12.2025, 09:05\nTwo\nText two.\n', 'feed.txt');
    expect(problems).toEqual([]);
    expect(articles.map((a) => [a.date, a.title, a.line])).toEqual([
      ['2025-12-17', 'One', 1],
      ['2025-12-16 09:05', 'Two', 5],
    ]);
  });

  it('every line up to the next date is one paragraph, blank lines between them ignored', () => {
    const { articles } = parseDump('01.02.2025\n\nTitle\n\nOne.\n\nTwo – with “quotes” & *stars*.\n   Three.   \n', 'feed.txt');
    expect(articles[0]?.title).toBe('Title');
    expect(articles[0]?.titleLine).toBe(3);
    expect(articles[0]?.paragraphs).toEqual(['One.', 'Two – with “quotes” & *stars*.', 'Three.']);
  });

  it('reads Windows line endings and a byte-order mark the same as plain text', () => {
    const plain = ' date 2025-12-19 18.12.2025, 19:20 1\nTitle\nBody one.\n17.12.2025\nOther\nBody two.\n';
    const windows = `\uFEFF${plain.replace(/\n/g, '\r\n')}`;
    expect(parseDump(windows, 'feed.txt')).toEqual(parseDump(plain, 'feed.txt'));
    expect(parseDump(windows, 'feed.txt').articles[1]?.title).toBe('Other');
  });

  it('a dump that does not start with a date line is an error at its first line', () => {
    const { problems } = parseDump('\n\n  Some headline\n18.12.2025\nTitle\nText.\n', 'feeds/today.txt');
    expect(problems).toMatchObject([
      { code: 'import-format', severity: 'error', file: 'feeds/today.txt', line: 3, column: 3, actual: '"Some headline"' },
    ]);
    expect(problems[0]?.message).toMatch(/does not start with a date line/);
  });

  it('an impossible date is an error naming its line and column; the other articles still parse', () => {
    const { articles, problems } = parseDump('18.12.2025\nGood\nText.\n 32.13.2025\nBad\nText.\n', 'feed.txt');
    expect(problems).toMatchObject([{ code: 'import-format', line: 4, column: 2, actual: '"32.13.2025"' }]);
    expect(problems[0]?.message).toBe('32.13.2025 is not a real date');
    expect(articles.map((a) => a.title)).toEqual(['Good']);
  });

  it('29 February only in leap years, and times only up to 23:59', () => {
    const { problems } = parseDump('29.02.2024\nLeap\nText.\n29.02.2025\nNot leap\nText.\n01.01.2025, 24:10\nLate\nText.\n', 'f');
    expect(problems.map((p) => p.line)).toEqual([4, 7]);
  });

  it('a date line with no title after it is an error at that date line, and all errors are reported at once', () => {
    const { problems } = parseDump('18.12.2025\n\n17.12.2025\nTitle\nText.\n40.01.2025\nX\n16.12.2025\n\n', 'feed.txt');
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [1, 'a date line with no title after it'],
      [6, '40.01.2025 is not a real date'],
      [8, 'a date line with no title after it'],
    ]);
    expect(problems.every((p) => p.code === 'import-format' && p.file === 'feed.txt')).toBe(true);
  });

  it('a garbled crawler header is an error, not a paragraph of the previous article', () => {
    const { articles, problems } = parseDump('18.12.2025\nTitle\nText.\n date 2025-12-19 18-12-2025 28841\nNext\n', 'feed.txt');
    expect(problems[0]).toMatchObject({ line: 4, column: 2, message: 'a header line Broadsheet cannot read' });
    expect(articles[0]?.paragraphs).toEqual(['Text.']);
  });

  it('an empty dump is an error; an article with a title but no text is a warning', () => {
    expect(parseDump('\n \n', 'feed.txt').problems).toMatchObject([{ message: 'the dump is empty', line: 1 }]);
    const { articles, problems } = parseDump('18.12.2025\nJust a headline\n', 'feed.txt');
    expect(articles).toHaveLength(1);
    expect(problems).toMatchObject([{ severity: 'warning', line: 2 }]);
  });
});

describe('the source an article names', () => {
  it('is the name in the closing ", X reports." clause', () => {
    expect(findSource(['Senate deputies approved the law, Qazinform News Agency reports.', 'More.'])).toBe('Qazinform News Agency');
    expect(
      findSource(['A concert took place in the Minorite Church, Ministry of Foreign Affairs of the Republic of Kazakhstan reports.']),
    ).toBe('Ministry of Foreign Affairs of the Republic of Kazakhstan');
    expect(findSource(['First paragraph.', 'The plant opened on Monday, the Ministry of Energy reported.'])).toBe('Ministry of Energy');
  });

  it('is absent when no sentence attributes the article', () => {
    expect(findSource(['The minister said the project reports progress.', 'Prices rose, analysts say.'])).toBeUndefined();
    expect(findSource(['It rained in Astana, the city. Officials reports.'])).toBeUndefined();
  });
});

describe('the topic of an article', () => {
  const topic = (title: string, ...paragraphs: string[]) => inferTopic({ title, paragraphs });

  it('follows the keywords, whole words and plurals, the title counting three times the body', () => {
    expect(topic('New direct flight launched', 'The airline will fly twice a week.')).toBe('Transport');
    expect(topic('Days of Kazakh Cinema Held in Brussels', 'Films were screened.')).toBe('Culture');
    // The body talks about the law; the headline says what the article is about.
    expect(topic('Registration for e-scooters', 'The Senate passed the law.', 'The law is strict.')).toBe('Transport');
    expect(topic('Kazakhstan celebrates Independence Day', 'The President congratulated citizens on the holiday.')).toBe('Society');
  });

  it('is left out when no topic is clearly there', () => {
    expect(topic('A quiet day', 'Nothing happened at all.')).toBeUndefined();
    // One passing mention in the body is not a topic; "carpet" is not "car".
    expect(topic('A quiet day', 'The carpet was new and one concert was cancelled.')).toBeUndefined();
  });
});

describe('the tags of an article', () => {
  const tags = (title: string, ...paragraphs: string[]) => inferTags({ title, paragraphs });

  it('are the places, organisations and people it names, once each, in order of first mention', () => {
    expect(
      tags(
        'New flight between Kazakhstan and Georgia',
        'SCAT began a route between Shymkent and Tbilisi.',
        'Kazakhstan and Georgia signed; President Kassym-Jomart Tokayev welcomed it.',
      ),
    ).toEqual(['Kazakhstan', 'Georgia', 'SCAT', 'Shymkent', 'Tbilisi', 'Kassym-Jomart Tokayev']);
  });

  it('use one name for every spelling of a place', () => {
    expect(tags('Ties with Turkey', 'Talks in Türkiye and Turkiye’s capital, Ankara.')).toEqual(['Türkiye', 'Ankara']);
    expect(tags('Nur-Sultan becomes Astana again', '')).toEqual(['Astana']);
  });

  it('match whole words only, and the longest name wins', () => {
    expect(tags('Nigeria and Georgian wine', 'Maliciously nothing in Omskaya or Mali\u00ADcious text.')).toEqual(['Nigeria']);
    expect(tags('Papua New Guinea', 'A choir of the Turkestan Region and the Almaty region.')).toEqual([
      'Papua New Guinea',
      'Turkistan Region',
      'Almaty Region',
    ]);
  });

  it('include organisations introduced by an acronym in parentheses, but not numerals or currencies', () => {
    expect(
      tags('Forum', 'The Turkic History and Culture Foundation (TURKTAV) and UNESCO met (IV) and paid (USD) in (UNESCO).'),
    ).toEqual(['TURKTAV', 'UNESCO']);
  });

  it('leave out the attribution and stop at eight', () => {
    expect(
      inferTags(
        { title: 'Concert', paragraphs: ['Held in Vienna, Ministry of Foreign Affairs of the Republic of Kazakhstan reports.'] },
        { ignore: ['Ministry of Foreign Affairs of the Republic of Kazakhstan'] },
      ),
    ).toEqual(['Vienna']);
    expect(tags('Tour', 'Paris, Rome, Berlin, Vienna, Prague, Warsaw, Madrid, Lisbon, Oslo and Riga.')).toHaveLength(8);
  });

  it('come from a gazetteer where no spelling belongs to two names', () => {
    expect(() => buildGazetteerIndex(GAZETTEER)).not.toThrow();
    expect(() => buildGazetteerIndex(['Georgia', ['United States', 'Georgia']])).toThrow(/both Georgia and United States/);
  });
});

describe('the body of an imported article', () => {
  const settings = articleSettings(resolveConfig({}, path.resolve('site')));
  const rendersAsText = (paragraph: string) => {
    const text = `---\ntitle: T\ndate: 2025-12-18\n---\n\n${escapeParagraphStart(paragraph)}\n`;
    const result = renderArticle({ file: 'a.md', contentPath: 'a.md', text }, settings);
    return result.ok ? result.article.html.trim() : result.problems;
  };

  it('keeps the text as written, escaping only what Markdown would read as a heading, list or quote', () => {
    expect(escapeParagraphStart('Kazakhstan’s “new” route – twice a week.')).toBe('Kazakhstan’s “new” route – twice a week.');
    expect(rendersAsText('# 1 in the charts')).toBe('<p># 1 in the charts</p>');
    expect(rendersAsText('1. The first point')).toBe('<p>1. The first point</p>');
    expect(rendersAsText('2025) was a year')).toBe('<p>2025) was a year</p>');
    expect(rendersAsText('- a dash')).toBe('<p>- a dash</p>');
    expect(rendersAsText('> quoted')).toBe('<p>> quoted</p>');
    expect(rendersAsText('[1]: the footnote')).toBe('<p>[1]: the footnote</p>');
    expect(rendersAsText('---')).toBe('<p>---</p>');
    expect(escapeParagraphStart('1986 was a year')).toBe('1986 was a year');
  });
});

describe('file names of imported articles', () => {
  it('two articles of one month with the same title get -2 and -3, and a slug to match', () => {
    const root = makeSite({});
    const config = resolveConfig({}, root);
    const { articles } = parseDump('18.12.2025\nWeather update\nSun.\n18.12.2025\nWeather update\nRain.\n19.12.2025\nWeather update\nSnow.\n', 'f');
    const { files, problems } = planFiles(articles, config, 'f');
    expect(problems).toEqual([]);
    expect(files.map((f) => f.file)).toEqual([
      'content/2025/12/weather-update.md',
      'content/2025/12/weather-update-2.md',
      'content/2025/12/weather-update-3.md',
    ]);
    expect(files.map((f) => f.fields.slug)).toEqual([undefined, 'weather-update-2', 'weather-update-3']);
  });
});

/** Import a dump in-process; a BuildFailure is returned as its printed report. */
async function importDump(input: string, options: ImportOptions & { root: string }): Promise<ImportResult | string> {
  try {
    return await importDumpFile(input, options);
  } catch (error) {
    if (error instanceof BuildFailure) return formatProblems(error.problems);
    throw error;
  }
}

describe('broadsheet import', () => {
  it('imports the seed dump: nine articles with title, date, topic, tags and source', async () => {
    const site = makeSite(CONFIG);
    const imported = await importDump(SEED, { root: site });
    expect(imported).toMatchObject({ articles: 9, skipped: [], problems: [] });

    const files = listFiles(path.join(site, 'content'));
    expect(files).toEqual([
      '2025/12/aiman-mussakhajayeva-performs-in-vienna.md',
      '2025/12/days-of-kazakh-cinema-held-in-brussels.md',
      '2025/12/kazakhstan-celebrates-independence-day.md',
      '2025/12/kazakhstan-introduces-official-insurance-and-registration-for-e-scooters.md',
      '2025/12/kazakhstans-scientific-and-literary-corner-opens-in-istanbul.md',
      '2025/12/melodies-of-the-great-steppe-resound-in-the-heart-of-kuala-lumpur.md',
      '2025/12/new-direct-flight-launched-between-kazakhstan-and-georgia.md',
      '2025/12/the-dombra-and-sazsyrnai-join-the-collection-of-the-royal-museum-of-musical.md',
      '2025/12/the-film-kazhymukan-has-been-presented-to-the-warsaw-audience.md',
    ]);
    expect([...(imported as ImportResult).written].sort()).toEqual(files.map((file) => `content/${file}`));

    const scooters = readArticle(path.join(site, 'content', files[3]!));
    expect(Object.keys(scooters.data)).toEqual(['title', 'date', 'topic', 'tags', 'source']);
    expect(scooters.data).toEqual({
      title: 'Kazakhstan introduces official insurance and registration for e-scooters',
      date: '2025-12-18 19:20',
      topic: 'Transport',
      tags: ['Kazakhstan', 'Senate'],
      source: 'Qazinform News Agency',
    });
    expect(scooters.body.trim().split('\n\n')).toHaveLength(4);
    expect(scooters.body).toContain('Administrative Offenses Code, Qazinform News Agency reports.');

    const corner = readArticle(path.join(site, 'content', files[4]!));
    expect(corner.data).toMatchObject({
      title: '"Kazakhstan’s Scientific and Literary Corner" Opens in Istanbul',
      date: '2025-12-18',
      topic: 'Culture',
      tags: ['Kazakhstan', 'Istanbul', 'Türkiye', 'TURKSOY', 'TURKTAV'],
      source: 'Ministry of Foreign Affairs of the Republic of Kazakhstan',
    });

    const topics = Object.fromEntries(files.map((file) => [file, readArticle(path.join(site, 'content', file)).data.topic]));
    expect(Object.values(topics).filter((topic) => topic === 'Culture')).toHaveLength(6);
    expect(topics['2025/12/kazakhstan-celebrates-independence-day.md']).toBe('Society');

    const flight = readArticle(path.join(site, 'content', files[6]!));
    expect(flight.data).toMatchObject({ date: '2025-12-15', topic: 'Transport', source: 'Qazinform News Agency' });
    expect(flight.data.tags).toEqual(expect.arrayContaining(['Kazakhstan', 'Georgia', 'SCAT', 'Shymkent', 'Tbilisi']));

    // Every file passes the build's own validation.
    const config = resolveConfig({}, site);
    for (const file of files) {
      const text = readFileSync(path.join(site, 'content', file), 'utf8');
      const result = renderArticle({ file, contentPath: file, text }, articleSettings(config));
      expect(result.ok, file).toBe(true);
      expect(result.problems, file).toEqual([]);
    }

    // Running it again (as a user does: the CLI) changes nothing: every file is reported as skipped.
    const before = files.map((file) => statSync(path.join(site, 'content', file)).mtimeMs);
    const again = await runCli(['import', SEED], site);
    expect(again.code).toBe(0);
    expect(again.stderr).toBe('');
    expect(again.stdout).toContain(`Imported 0 of 9 articles from ${SEED}, 9 already present\n`);
    expect(again.stdout).toContain(', 9 already present');
    for (const file of files) expect(again.stdout).toContain(`Skipped content/${file} (exists; --force to overwrite)`);
    expect(files.map((file) => statSync(path.join(site, 'content', file)).mtimeMs)).toEqual(before);
  });

  it('--force overwrites and --dry-run writes nothing', async () => {
    const site = makeSite({ ...CONFIG, 'feed.txt': '18.12.2025\nNew flight to Tbilisi\nSCAT flies twice a week.\n' });
    const target = path.join(site, 'content/2025/12/new-flight-to-tbilisi.md');

    const dry = await runCli(['import', 'feed.txt', '--dry-run'], site);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('Would write content/2025/12/new-flight-to-tbilisi.md');
    expect(existsSync(path.join(site, 'content'))).toBe(false);

    expect(await importDump(path.join(site, 'feed.txt'), { root: site })).toMatchObject({ written: ['content/2025/12/new-flight-to-tbilisi.md'] });
    const edited = readFileSync(target, 'utf8').replace('twice', 'three times');
    writeFileSync(target, edited);
    expect(await importDump(path.join(site, 'feed.txt'), { root: site })).toMatchObject({ written: [], skipped: ['content/2025/12/new-flight-to-tbilisi.md'] });
    expect(readFileSync(target, 'utf8')).toBe(edited);

    const forced = await runCli(['import', 'feed.txt', '--force'], site);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toBe('Wrote content/2025/12/new-flight-to-tbilisi.md\nImported 1 of 1 articles from feed.txt\n');
    expect(readFileSync(target, 'utf8')).toContain('SCAT flies twice a week.');
  });

  it('a dump with errors writes nothing and names every error with file, line and column', async () => {
    const site = makeSite({
      ...CONFIG,
      'feeds/bad.txt': '18.12.2025\nGood article\nText.\n32.13.2025\nBad date\nText.\n17.12.2025\n',
    });
    const run = await runCli(['import', 'feeds/bad.txt'], site);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('feeds/bad.txt:4:1 error 32.13.2025 is not a real date');
    expect(run.stderr).toContain('feeds/bad.txt:7:1 error a date line with no title after it');
    expect(run.stderr).toContain('[import-format]');
    expect(run.stderr).toContain('Import failed: 2 errors in 1 file. Nothing was written: fix the source and import again.');
    expect(existsSync(path.join(site, 'content'))).toBe(false);
  });

  it('a missing dump file is a clear error', async () => {
    const site = makeSite(CONFIG);
    const missing = path.join(site, 'nope.txt');
    expect(await importDump(missing, { root: site })).toBe(`${missing}:1:1 error no such file; expected a plain-text feed dump [import-format]`);
    expect(existsSync(path.join(site, 'content'))).toBe(false);
  });

  it('imports all 300 articles of a generated dump', async () => {
    const site = makeSite({ ...CONFIG, 'big.txt': generateDump(300) });
    expect(await importDump(path.join(site, 'big.txt'), { root: site })).toMatchObject({ articles: 300, skipped: [], problems: [] });
    const files = listFiles(path.join(site, 'content'));
    expect(files).toHaveLength(300);
    const first = readArticle(path.join(site, 'content/2025/01/report-number-0-from-astana.md'));
    expect(first.data).toEqual({
      title: 'Report number 0 from Astana',
      date: '2025-01-01 10:00',
      topic: 'Transport',
      tags: ['Astana', 'Almaty', 'Vienna', 'Senate'],
      source: 'Qazinform News Agency',
    });
  });
});
