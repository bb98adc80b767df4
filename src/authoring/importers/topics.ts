// The topic (site section) of an imported article, inferred from keywords. Pure: text in, topic
// name (or none) out.
//
// Each keyword found scores a point for its topic, three in the title: a headline says what the
// piece is about, while the body mentions much in passing (a concert report names the "diplomatic
// corps", a law on scooters names the Senate). The highest score wins if it reaches MIN_SCORE;
// ties go to the topic listed first below. No keyword, no topic: the build's default applies.

import { buildPhraseIndex, findPhrases, type PhraseIndex } from './phrases.js';

/** Points a keyword scores in the title; one in the body. */
export const TITLE_WEIGHT = 3;
/** A single passing mention in the body is not enough to file an article under a topic. */
export const MIN_SCORE = 2;

/**
 * Keywords per topic, matched whole-word and case-insensitively; plurals (+s, +es, y -> ies) are
 * added automatically. Order decides ties.
 */
export const TOPIC_KEYWORDS: Readonly<Record<string, readonly string[]>> = {
  Transport: [
    'flight', 'airline', 'airport', 'aircraft', 'aviation', 'route', 'scooter', 'e-scooter', 'railway', 'rail',
    'train', 'bus', 'road', 'highway', 'vehicle', 'car', 'transport', 'transportation', 'transit', 'metro',
    'logistics', 'cargo', 'freight', 'passenger', 'traffic', 'driver', 'seaport', 'air service',
  ],
  Culture: [
    'concert', 'film', 'filmmaker', 'cinema', 'movie', 'screening', 'library', 'museum', 'orchestra',
    'philharmonic', 'literary', 'literature', 'theatre', 'theater', 'opera', 'ballet', 'exhibition', 'art',
    'artist', 'artistry', 'music', 'musical', 'musician', 'composer', 'violinist', 'violin', 'pianist', 'singer',
    'song', 'melody', 'performance', 'performs', 'festival', 'heritage', 'culture', 'cultural', 'poet', 'poetry',
    'writer', 'novel', 'book', 'dance', 'folk', 'dombra', 'instrument', 'actor', 'actress', 'premiere',
  ],
  Politics: [
    'senate', 'senator', 'parliament', 'mazhilis', 'deputy', 'law', 'legislation', 'amendment', 'president',
    'presidential', 'election', 'vote', 'voter', 'referendum', 'minister', 'government', 'party', 'constitution',
    'decree', 'sanction', 'summit', 'foreign policy', 'political', 'politics', 'sovereignty', 'reform', 'akim',
  ],
  Society: [
    'holiday', 'independence day', 'national holiday', 'celebrates', 'celebrate', 'celebration', 'festivities',
    'family', 'children', 'youth', 'volunteer', 'community', 'charity', 'religion', 'religious', 'citizen',
    'social', 'society', 'population', 'migration', 'pension', 'pensioner', 'disability', 'congratulations',
  ],
  Economy: [
    'economy', 'economic', 'investment', 'investor', 'trade', 'export', 'import', 'gdp', 'inflation', 'bank',
    'banking', 'tax', 'budget', 'market', 'business', 'company', 'industry', 'industrial', 'oil', 'gas', 'price',
    'tenge', 'finance', 'financial', 'insurance', 'entrepreneur', 'enterprise', 'manufacturing', 'tariff',
  ],
  Sport: [
    'sport', 'sports', 'athlete', 'championship', 'tournament', 'olympic', 'olympics', 'football', 'boxing',
    'boxer', 'tennis', 'wrestling', 'wrestler', 'medal', 'coach', 'league', 'player', 'champion', 'hockey',
  ],
  Science: [
    'science', 'scientific', 'scientist', 'research', 'researcher', 'laboratory', 'space', 'satellite',
    'astronomy', 'physics', 'innovation', 'technology', 'artificial intelligence', 'cosmonaut', 'genome',
  ],
  Health: [
    'health', 'hospital', 'doctor', 'medical', 'medicine', 'disease', 'vaccine', 'vaccination', 'patient',
    'clinic', 'healthcare', 'epidemic', 'pandemic', 'virus', 'surgery',
  ],
  Education: [
    'education', 'educational', 'school', 'university', 'student', 'teacher', 'pupil', 'scholarship',
    'curriculum', 'graduate', 'kindergarten', 'lecture',
  ],
};

function forms(keyword: string): string[] {
  const plurals = keyword.endsWith('y') && !/[aeiou]y$/.test(keyword)
    ? [`${keyword.slice(0, -1)}ies`]
    : [`${keyword}s`, `${keyword}es`];
  return [keyword, ...plurals];
}

function buildTopicIndex(table: Readonly<Record<string, readonly string[]>>): PhraseIndex<string> {
  const pairs = Object.entries(table).flatMap(([topic, keywords]) =>
    keywords.flatMap((keyword) => forms(keyword).map((form) => [form, topic] as const)),
  );
  // A form listed under two topics keeps the first: table order is the tie-break everywhere.
  return buildPhraseIndex(pairs, { caseSensitive: false });
}

let defaultIndex: PhraseIndex<string> | undefined;

/** What scoreTopics found; topics with no keyword are absent from `scores`. */
export interface TopicScores {
  /** The winning topic, if any reached MIN_SCORE. */
  topic?: string;
  /** Every topic with a keyword found, highest first. */
  scores: Array<{ topic: string; score: number }>;
}

/** Scores per topic, for explaining a choice (tests, a future --explain). */
export function scoreTopics(article: { title: string; paragraphs: readonly string[] }): TopicScores {
  const index = (defaultIndex ??= buildTopicIndex(TOPIC_KEYWORDS));
  const order = Object.keys(TOPIC_KEYWORDS);
  const totals = new Map<string, number>();
  const add = (text: string, weight: number) => {
    for (const { value } of findPhrases(text, index)) totals.set(value, (totals.get(value) ?? 0) + weight);
  };
  add(article.title, TITLE_WEIGHT);
  for (const paragraph of article.paragraphs) add(paragraph, 1);
  const scores = [...totals]
    .map(([topic, score]) => ({ topic, score }))
    .sort((a, b) => b.score - a.score || order.indexOf(a.topic) - order.indexOf(b.topic));
  const best = scores[0];
  return { topic: best && best.score >= MIN_SCORE ? best.topic : undefined, scores };
}

/** The topic an article is about, or undefined when no topic's keywords are clearly there. */
export function inferTopic(article: { title: string; paragraphs: readonly string[] }): string | undefined {
  return scoreTopics(article).topic;
}
