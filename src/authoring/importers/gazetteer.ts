// The importers' gazetteer: names of countries, Kazakh cities and regions, major world cities,
// organisations and well-known people that an imported article is tagged with when it names them.
// Data only: matching lives in tags.ts.
//
// An entry is a tag name, or [tag name, ...other spellings]. Every spelling is matched whole-word
// and case-sensitively (proper nouns: "Turkey" the country, not "turkey" the bird), and every one
// becomes the first spelling, so "Turkey", "Turkiye" and "Türkiye" are all the tag `Türkiye`.
// Demonyms ("Kazakh", "Belgian") are deliberately absent: they describe, they do not name a place.

/** A tag name alone, or [tag name, ...other spellings]; every spelling is tagged as the first. */
export type GazetteerEntry = string | readonly [name: string, ...variants: string[]];

/** Countries, plus the UK's four nations; longer or older names and abbreviations are variants. */
export const COUNTRIES: readonly GazetteerEntry[] = [
  'Afghanistan', 'Albania', 'Algeria', 'Andorra', 'Angola', 'Antigua and Barbuda', 'Argentina', 'Armenia',
  'Australia', 'Austria', 'Azerbaijan', 'Bahamas', 'Bahrain', 'Bangladesh', 'Barbados', 'Belarus', 'Belgium',
  'Belize', 'Benin', 'Bhutan', 'Bolivia', 'Bosnia and Herzegovina', 'Botswana', 'Brazil', 'Brunei', 'Bulgaria',
  'Burkina Faso', 'Burundi', ['Cabo Verde', 'Cape Verde'], 'Cambodia', 'Cameroon', 'Canada',
  'Central African Republic', 'Chad', 'Chile', ['China', "People's Republic of China", 'PRC'], 'Colombia',
  'Comoros', ['Congo', 'Republic of the Congo'], ['DR Congo', 'Democratic Republic of the Congo', 'DRC'],
  'Costa Rica', ["Côte d'Ivoire", 'Côte d’Ivoire', "Cote d'Ivoire", 'Ivory Coast'], 'Croatia', 'Cuba', 'Cyprus',
  ['Czechia', 'Czech Republic'], 'Denmark', 'Djibouti', 'Dominica', 'Dominican Republic', 'Ecuador', 'Egypt',
  'El Salvador', 'Equatorial Guinea', 'Eritrea', 'Estonia', ['Eswatini', 'Swaziland'], 'Ethiopia', 'Fiji',
  'Finland', 'France', 'Gabon', 'Gambia', 'Georgia', 'Germany', 'Ghana', 'Greece', 'Grenada', 'Guatemala',
  'Guinea', 'Guinea-Bissau', 'Guyana', 'Haiti', 'Honduras', 'Hungary', 'Iceland', 'India', 'Indonesia', 'Iran',
  'Iraq', 'Ireland', 'Israel', 'Italy', 'Jamaica', 'Japan', 'Jordan', ['Kazakhstan', 'Qazaqstan'], 'Kenya',
  'Kiribati', 'Kosovo', 'Kuwait', ['Kyrgyzstan', 'Kyrgyz Republic'], 'Laos', 'Latvia', 'Lebanon', 'Lesotho',
  'Liberia', 'Libya', 'Liechtenstein', 'Lithuania', 'Luxembourg', 'Madagascar', 'Malawi', 'Malaysia',
  'Maldives', 'Mali', 'Malta', 'Marshall Islands', 'Mauritania', 'Mauritius', 'Mexico', 'Micronesia',
  'Moldova', 'Monaco', 'Mongolia', 'Montenegro', 'Morocco', 'Mozambique', ['Myanmar', 'Burma'], 'Namibia',
  'Nauru', 'Nepal', ['Netherlands', 'Holland'], 'New Zealand', 'Nicaragua', 'Niger', 'Nigeria',
  ['North Korea', 'DPRK', "Democratic People's Republic of Korea"], 'North Macedonia', 'Norway', 'Oman',
  'Pakistan', 'Palau', 'Palestine', 'Panama', 'Papua New Guinea', 'Paraguay', 'Peru', 'Philippines', 'Poland',
  'Portugal', 'Qatar', 'Romania', ['Russia', 'Russian Federation'], 'Rwanda', 'Saint Kitts and Nevis',
  'Saint Lucia', 'Saint Vincent and the Grenadines', 'Samoa', 'San Marino',
  ['São Tomé and Príncipe', 'Sao Tome and Principe'], 'Saudi Arabia', 'Senegal', 'Serbia', 'Seychelles',
  'Sierra Leone', 'Singapore', 'Slovakia', 'Slovenia', 'Solomon Islands', 'Somalia', 'South Africa',
  ['South Korea', 'Republic of Korea', 'Korea'], 'South Sudan', 'Spain', 'Sri Lanka', 'Sudan', 'Suriname',
  'Sweden', 'Switzerland', 'Syria', 'Taiwan', 'Tajikistan', 'Tanzania', 'Thailand', ['Timor-Leste', 'East Timor'],
  'Togo', 'Tonga', 'Trinidad and Tobago', 'Tunisia', ['Türkiye', 'Turkey', 'Turkiye'], 'Turkmenistan', 'Tuvalu',
  'Uganda', 'Ukraine', ['United Arab Emirates', 'UAE'], ['United Kingdom', 'UK', 'Britain', 'Great Britain'],
  ['United States', 'United States of America', 'USA', 'U.S.', 'US'], 'Uruguay', 'Uzbekistan', 'Vanuatu',
  ['Vatican', 'Holy See', 'Vatican City'], 'Venezuela', ['Vietnam', 'Viet Nam'], 'Yemen', 'Zambia', 'Zimbabwe',
  'England', 'Scotland', 'Wales', 'Northern Ireland',
];

/**
 * Cities of Kazakhstan, tagged under their current name; former names and other transliterations
 * are variants.
 */
export const KAZAKH_CITIES: readonly GazetteerEntry[] = [
  ['Astana', 'Nur-Sultan'], ['Almaty', 'Alma-Ata'], ['Shymkent', 'Chimkent'], ['Karaganda', 'Karagandy', 'Qaragandy'],
  ['Aktobe', 'Aqtobe', 'Aktöbe'], 'Taraz', 'Pavlodar', ['Oskemen', 'Öskemen', 'Ust-Kamenogorsk'],
  ['Semey', 'Semipalatinsk'], 'Atyrau', ['Kostanay', 'Qostanay', 'Kostanai'], ['Kyzylorda', 'Qyzylorda'],
  ['Oral', 'Uralsk'], ['Petropavl', 'Petropavlovsk'], ['Aktau', 'Aqtau'], ['Turkistan', 'Turkestan'],
  ['Taldykorgan', 'Taldyqorgan'], ['Kokshetau', 'Kökshetau'], 'Ekibastuz', ['Zhezkazgan', 'Jezkazgan'],
  'Temirtau', 'Rudny', ['Baikonur', 'Baikonyr'], 'Zhanaozen', ['Konaev', 'Qonaev', 'Kapchagay'], 'Balkhash',
  ['Burabay', 'Borovoe'], 'Satpayev', 'Kentau', 'Saryagash', 'Stepnogorsk', 'Ridder', 'Aralsk',
];

/** Kazakhstan's regions; each is matched as "X Region", "X region", "X Oblast" and "X oblast". */
const KAZAKH_REGIONS: ReadonlyArray<readonly [name: string, ...spellings: string[]]> = [
  ['Abai'], ['Akmola', 'Aqmola'], ['Aktobe', 'Aqtobe'], ['Almaty'], ['Atyrau'], ['East Kazakhstan'],
  ['Jambyl', 'Zhambyl'], ['Jetisu', 'Zhetysu'], ['Karaganda', 'Karagandy'], ['Kostanay', 'Qostanay'],
  ['Kyzylorda', 'Qyzylorda'], ['Mangystau', 'Mangistau'], ['North Kazakhstan'], ['Pavlodar'],
  ['Turkistan', 'Turkestan'], ['Ulytau'], ['West Kazakhstan'],
];

/** Regions whose bare name is also used for the region (no city of that name). */
const BARE_REGION_NAMES = new Set(['Akmola', 'Aqmola', 'East Kazakhstan', 'Jetisu', 'Zhetysu', 'Mangystau', 'Mangistau', 'North Kazakhstan', 'Ulytau', 'West Kazakhstan']);

/**
 * One entry per region, tagged "X Region"; variants are each spelling + " Region", " region",
 * " Oblast", " oblast", and the bare name only where no city shares it.
 */
export const KAZAKH_REGION_ENTRIES: readonly GazetteerEntry[] = KAZAKH_REGIONS.map(([name, ...others]) => {
  const spellings = [name, ...others];
  const variants = spellings.flatMap((spelling) => [
    `${spelling} Region`, `${spelling} region`, `${spelling} Oblast`, `${spelling} oblast`,
    ...(BARE_REGION_NAMES.has(spelling) ? [spelling] : []),
  ]);
  return [`${name} Region`, ...variants.filter((variant) => variant !== `${name} Region`)] as const;
});

/** Major cities outside Kazakhstan. */
export const WORLD_CITIES: readonly GazetteerEntry[] = [
  'Istanbul', 'Ankara', 'Izmir', 'Antalya', 'Moscow', ['Saint Petersburg', 'St. Petersburg', 'St Petersburg'],
  'Kazan', 'Novosibirsk', 'Omsk', 'Yekaterinburg', 'Beijing', 'Shanghai', 'Urumqi', 'Hong Kong', 'Guangzhou',
  'Shenzhen', 'Tashkent', 'Samarkand', 'Bukhara', 'Bishkek', 'Dushanbe', ['Ashgabat', 'Ashkhabad'], 'Baku',
  'Tbilisi', 'Batumi', 'Yerevan', 'Minsk', ['Kyiv', 'Kiev'], 'Warsaw', ['Kraków', 'Krakow'], 'Prague',
  'Budapest', 'Vienna', 'Berlin', 'Munich', 'Frankfurt', 'Hamburg', 'Paris', 'Lyon', 'Brussels', 'Antwerp',
  'Amsterdam', ['The Hague', 'Hague'], 'Rotterdam', 'London', 'Manchester', 'Edinburgh', 'Dublin', 'Madrid',
  'Barcelona', 'Lisbon', 'Rome', 'Milan', 'Venice', 'Florence', 'Athens', 'Geneva', ['Zurich', 'Zürich'],
  'Bern', 'Stockholm', 'Oslo', 'Copenhagen', 'Helsinki', 'Tallinn', 'Riga', 'Vilnius', 'Bucharest', 'Sofia',
  'Belgrade', 'Zagreb', 'Ljubljana', 'Bratislava', ['Chișinău', 'Chisinau'], 'New York',
  ['Washington', 'Washington, D.C.'], 'Los Angeles', 'San Francisco', 'Chicago', 'Boston', 'Toronto',
  'Ottawa', 'Montreal', 'Vancouver', 'Mexico City', ['São Paulo', 'Sao Paulo'], 'Rio de Janeiro',
  'Buenos Aires', 'Tokyo', 'Osaka', 'Seoul', 'Busan', ['New Delhi', 'Delhi'], 'Mumbai', 'Islamabad',
  'Karachi', 'Lahore', 'Kabul', 'Tehran', 'Baghdad', 'Riyadh', 'Jeddah', ['Mecca', 'Makkah'], 'Medina',
  'Dubai', 'Abu Dhabi', 'Doha', 'Kuwait City', 'Muscat', 'Manama', 'Amman', 'Beirut', 'Damascus',
  'Jerusalem', 'Tel Aviv', 'Cairo', 'Nairobi', 'Addis Ababa', 'Lagos', 'Johannesburg', 'Cape Town',
  'Kuala Lumpur', 'Bangkok', 'Jakarta', 'Manila', 'Hanoi', 'Ho Chi Minh City', 'Sydney', 'Melbourne',
  'Canberra', 'Wellington', ['Ulaanbaatar', 'Ulan Bator'], 'Davos', 'Strasbourg',
];

/** International bodies, Kazakh institutions and companies; an acronym and its full name are one tag. */
export const ORGANISATIONS: readonly GazetteerEntry[] = [
  // International.
  ['United Nations', 'UN', 'U.N.'], ['UN General Assembly', 'United Nations General Assembly'],
  ['UN Security Council', 'United Nations Security Council'], 'UNESCO', 'UNICEF', 'UNDP', 'UNHCR',
  ['WHO', 'World Health Organization'], 'World Bank', ['IMF', 'International Monetary Fund'],
  ['WTO', 'World Trade Organization'], ['European Union', 'EU'], 'European Commission', 'European Parliament',
  'NATO', 'OSCE', ['CIS', 'Commonwealth of Independent States'],
  ['SCO', 'Shanghai Cooperation Organisation', 'Shanghai Cooperation Organization'],
  ['CSTO', 'Collective Security Treaty Organization'], ['EAEU', 'Eurasian Economic Union', 'EEU'],
  'Eurasian Development Bank', ['Organization of Turkic States', 'Organisation of Turkic States', 'OTS'],
  ['TURKSOY', 'International Organization of Turkic Culture'], 'TURKPA',
  ['International Turkic Academy', 'Turkic Academy'],
  ['CICA', 'Conference on Interaction and Confidence Building Measures in Asia'],
  ['OIC', 'Organisation of Islamic Cooperation', 'Organization of Islamic Cooperation'], 'ASEAN',
  'African Union', 'OPEC', 'G20', 'G7', 'BRICS', ['ADB', 'Asian Development Bank'],
  ['EBRD', 'European Bank for Reconstruction and Development'], ['AIIB', 'Asian Infrastructure Investment Bank'],
  'Islamic Development Bank', ['IAEA', 'International Atomic Energy Agency'], 'Interpol',
  ['Red Cross', 'International Committee of the Red Cross', 'ICRC'], 'FIFA', 'UEFA',
  ['IOC', 'International Olympic Committee'],
  // Kazakhstan.
  'Senate', ['Mazhilis', 'Majilis', 'Mazhilis of the Parliament'], 'Constitutional Court',
  ['AIFC', 'Astana International Financial Centre', 'Astana International Financial Center'],
  'Nazarbayev University', ['KazNU', 'Al-Farabi Kazakh National University'], 'National Bank of Kazakhstan',
  ['Samruk-Kazyna', 'Samruk Kazyna'], ['KazMunayGas', 'KMG'], 'Kazatomprom',
  ['Kazakhstan Temir Zholy', 'KTZ'], 'Air Astana', 'FlyArystan', ['SCAT', 'SCAT Airlines'], 'Qazaq Air',
  ['Kazakhfilm', 'Qazaqfilm', 'Kazakhfilm film studio'], 'Astana Opera', 'Astana Ballet', 'Halyk Bank',
  ['Kaspi.kz', 'Kaspi'], 'Tengizchevroil',
  // Companies often in the news.
  'Boeing', 'Airbus', 'Gazprom', 'Rosatom',
];

/** Well-known people, tagged under their full name; some also match by surname or another spelling. */
export const PEOPLE: readonly GazetteerEntry[] = [
  ['Kassym-Jomart Tokayev', 'Tokayev', 'Kasym-Zhomart Tokayev'], ['Nursultan Nazarbayev', 'Nazarbayev'],
  ['Olzhas Bektenov', 'Bektenov'], ['Murat Nurtleu', 'Nurtleu'], ['Vladimir Putin', 'Putin'],
  ['Xi Jinping'], ['Recep Tayyip Erdoğan', 'Recep Tayyip Erdogan', 'Erdoğan', 'Erdogan'],
  ['Shavkat Mirziyoyev', 'Mirziyoyev'], ['Ilham Aliyev'], ['Sadyr Japarov', 'Japarov'],
  ['Emomali Rahmon'], ['Serdar Berdimuhamedov'], ['Alexander Lukashenko', 'Lukashenko'],
  ['Volodymyr Zelensky', 'Zelensky'], ['Donald Trump', 'Trump'], ['Emmanuel Macron', 'Macron'],
  ['Friedrich Merz'], ['Ursula von der Leyen'], ['António Guterres', 'Antonio Guterres', 'Guterres'],
  ['Narendra Modi'], ['Abai Kunanbayev', 'Abai Qunanbaiuly', 'Abay Kunanbayev'], ['Al-Farabi'],
  ['Shamshi Kaldayakov'], ['Kurmangazy'], ['Mukhtar Auezov'], ['Dimash Kudaibergen'],
  ['Gennady Golovkin'], ['Elena Rybakina', 'Rybakina'],
];

/**
 * Every list above in one, indexed by inferTags by default; a spelling under two tag names makes
 * buildGazetteerIndex throw.
 */
export const GAZETTEER: readonly GazetteerEntry[] = [
  ...COUNTRIES, ...KAZAKH_CITIES, ...KAZAKH_REGION_ENTRIES, ...WORLD_CITIES, ...ORGANISATIONS, ...PEOPLE,
];
