// A phonetic-ish fold of place names, so that the spellings people type for one town give one key.
//
// The key is built in four steps, each applied to the query and to the stored names alike:
// 1. Cyrillic (Ukrainian and Russian letters) is spelled out in Latin letters.
// 2. Case, diacritics and punctuation go: letters are lower-cased, diacritics stripped (ä→a,
//    ø→o, ó→o, ł→l), apostrophes and soft signs dropped, anything else becomes one space.
// 3. Each word is split into sound units and every unit is written as one letter of the key:
//      х ч г   kh ch h gh tsch tsj cz tj č       → h   ("Cherson", "Kherson", "Херсон")
//      ж ш щ   zh sh sch sz sj zj ž š ż, and for щ
//              shch schtsch szcz sjtj šč          → x   ("Zaporizhzhia", "Saporischschja",
//                                                        "Zalishchyky", "Zalischyky")
//      ц       ts tz c                            → c
//      з с     z s                                → s
//      й и і ї y j i ï (also ya/ja/ia, yu/ju/iu)  → i   ("Kryvyi", "Kryvyj", "Кривий")
//      German ae oe ue                            → a o u ("Vaexjoe" = "Växjö")
//      w → v, q → k, x → ks, ck → k
//    then a letter repeated is written once ("Odessa" = "Odesa", "Zaporizhia" = "Zaporizhzhia").
//    A word ending in the Russian/Polish/German -ov, -ow, -ev, -ew ends in -iv, as the Ukrainian
//    form does ("Kharkov", "Charkow" = "Kharkiv"; "Lwów" = "Lviv"; "Kiev" = "Kyiv").
// 4. A short table of well-known exonyms and Russian-era names that no letter rule can reach
//    ("Nikolaev" → Mykolaiv, "Krivoy Rog" → Kryvyi Rih, "Gothenburg" → Göteborg) is applied to
//    whole words.
//
// What stays apart: g and h (Norway's Gol and Hol), o and i (Sokal and Sokil), e and i, vowels in
// general, and German z (= ц) stays an s, so "Bila Zerkwa" does not find Bila Tserkva.
// What the fold merges in the reference catalogue (checked by a test): Håbo and Habo (SE), and
// among 1,373 hromada-centre names Хотин/Хотінь, Мілове/Милове, Андріївка/Андрівка (и/і), Козова/
// Козьова; among hromada names also Косів-/Козів- and Буськ/Бузьк (s/z), Перечин-/Перегін- (ч/г).
//
// Searching: a store keeps searchKey(name) for each name (municipalitySearchKeys) and a query
// matches when searchKey(query) occurs inside one of them (matchesSearch; searchRank orders exact,
// prefix, word-prefix and inner matches). A prefix of a Russian-form name typed half-way
// ("Kharko") does not yet match, since the -ov → -iv rule and the exonym table see whole words.

/** Cyrillic letters spelled out in Latin letters that the fold below understands. */
const CYRILLIC: Readonly<Record<string, string>> = {
  а: "a",
  б: "b",
  в: "v",
  // г is spelled "gh" so that зг (official "zgh") never reads as ж; "gh" folds to h.
  г: "gh",
  ґ: "g",
  д: "d",
  е: "e",
  є: "ie",
  ж: "zh",
  з: "z",
  и: "y",
  і: "i",
  ї: "i",
  й: "i",
  к: "k",
  л: "l",
  м: "m",
  н: "n",
  о: "o",
  п: "p",
  р: "r",
  с: "s",
  т: "t",
  у: "u",
  ў: "u",
  ф: "f",
  х: "kh",
  ц: "ts",
  ч: "ch",
  ш: "sh",
  щ: "shch",
  ь: "",
  ъ: "",
  ю: "iu",
  я: "ia",
  ы: "y",
  э: "e",
  ё: "io",
};

/** Latin letters that NFD does not split into a base letter and a mark. */
const SPECIAL_LATIN: Readonly<Record<string, string>> = {
  æ: "ae",
  ø: "o",
  œ: "oe",
  ß: "s",
  ł: "l",
  đ: "d",
  ð: "d",
  þ: "th",
  ı: "i",
  // Letters whose diacritic changes the sound unit; replaced before diacritics are stripped.
  č: "ch",
  š: "sh",
  ž: "zh",
  ż: "zh",
  ä: "a",
  ö: "o",
  ü: "u",
  å: "a",
};

/** Sound units and the key letters they fold to. Longer units are tried first. */
const UNITS: Readonly<Record<string, string>> = {
  schtsch: "x",
  sjtsj: "x",
  shch: "x",
  szcz: "x",
  sjtj: "x",
  tsch: "h",
  sch: "x",
  tsj: "h",
  kh: "h",
  ch: "h",
  gh: "h",
  cz: "h",
  tj: "h",
  zh: "x",
  sh: "x",
  sz: "x",
  sj: "x",
  zj: "x",
  ts: "c",
  tz: "c",
  ck: "k",
  ae: "a",
  oe: "o",
  ue: "u",
  c: "c",
  h: "h",
  s: "s",
  z: "s",
  y: "i",
  j: "i",
  i: "i",
  w: "v",
  q: "k",
  x: "ks",
};

const UNIT_PATTERN = new RegExp(
  Object.keys(UNITS)
    .sort((a, b) => b.length - a.length)
    .join("|"),
  "g",
);

/** Apostrophes, primes and accents that mark a soft sign or a separation, not a word break. */
const APOSTROPHES = /['’ʼ`´ʹ‘ʻ]/g;

/** Exonyms and Russian-era names, each with the form it folds to. Applied to whole words. */
const EXONYMS: readonly (readonly [string, string])[] = [
  ["Nikolaev", "Mykolaiv"],
  ["Nikolayev", "Mykolaiv"],
  ["Nikolajew", "Mykolaiv"],
  ["Krivoy Rog", "Kryvyi Rih"],
  ["Krivoi Rog", "Kryvyi Rih"],
  ["Kriwoi Rog", "Kryvyi Rih"],
  ["Krzywy Róg", "Kryvyi Rih"],
  ["Zaporozhye", "Zaporizhzhia"],
  ["Zaporozhe", "Zaporizhzhia"],
  ["Saporoschje", "Zaporizhzhia"],
  ["Zaporoże", "Zaporizhzhia"],
  ["Dnepr", "Dnipro"],
  ["Dnjepr", "Dnipro"],
  ["Dnepropetrovsk", "Dnipro"],
  ["Chernigov", "Chernihiv"],
  ["Tschernigow", "Chernihiv"],
  ["Czernihów", "Chernihiv"],
  ["Chernovtsy", "Chernivtsi"],
  ["Czerniowce", "Chernivtsi"],
  ["Czernowitz", "Chernivtsi"],
  ["Rovno", "Rivne"],
  ["Równe", "Rivne"],
  ["Lugansk", "Luhansk"],
  ["Uzhgorod", "Uzhhorod"],
  ["Vinnitsa", "Vinnytsia"],
  ["Winnica", "Vinnytsia"],
  ["Ternopol", "Ternopil"],
  ["Tarnopol", "Ternopil"],
  ["Ivano-Frankovsk", "Ivano-Frankivsk"],
  ["Stanisławów", "Ivano-Frankivsk"],
  ["Kirovograd", "Kropyvnytskyi"],
  ["Kremenchug", "Kremenchuk"],
  ["Lemberg", "Lviv"],
  ["Gothenburg", "Göteborg"],
];

/** Spells Cyrillic out, lower-cases, strips diacritics and punctuation; returns the words. */
function latinWords(text: string): string[] {
  let out = "";
  for (const ch of text.normalize("NFC").toLowerCase()) {
    out += CYRILLIC[ch] ?? SPECIAL_LATIN[ch] ?? ch;
  }
  return out
    .replace(APOSTROPHES, "")
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .filter((w) => w.length > 0);
}

/** Folds one Latin word to its key. */
function foldWord(word: string): string {
  const units = word.replace(UNIT_PATTERN, (unit) => UNITS[unit] ?? unit);
  const ended = units.replace(/(?<=[a-z]{2})[oe]v$/, "iv");
  return ended.replace(/([a-z0-9])\1+/g, "$1");
}

/** Folds text without the exonym table (used to build the table itself). */
function foldText(text: string): string {
  return latinWords(text).map(foldWord).join(" ");
}

const EXONYM_KEYS: ReadonlyMap<string, string> = new Map(
  EXONYMS.map(([from, to]) => [foldText(from), foldText(to)]),
);
/** The first word of every exonym key: a key with none of them needs no table look-up. */
const EXONYM_FIRST_WORDS: ReadonlySet<string> = new Set(
  [...EXONYM_KEYS.keys()].map((k) => k.split(" ")[0] ?? k),
);
const EXONYM_PATTERN = new RegExp(
  `(?<=^| )(?:${[...EXONYM_KEYS.keys()].sort((a, b) => b.length - a.length).join("|")})(?= |$)`,
  "g",
);

/**
 * Folds a place name (or a search query) to a key that its other spellings share: Cyrillic,
 * the official Ukrainian romanisation, English, German, Polish, Swedish and Norwegian spellings.
 * The key contains only `a`–`z`, `0`–`9` and single spaces between words, so it needs no escaping
 * in SQL `LIKE` patterns. It is empty when the text has no letters or digits.
 * @example
 * searchKey("Херсон") === searchKey("Cherson"); // both "herson"
 * searchKey("Zaporizhzhia") === searchKey("Saporischschja"); // both "saporixia"
 */
export function searchKey(text: string): string {
  const words = latinWords(text).map(foldWord);
  const key = words.join(" ");
  if (!words.some((w) => EXONYM_FIRST_WORDS.has(w))) return key;
  return key.replace(EXONYM_PATTERN, (k) => EXONYM_KEYS.get(k) ?? k);
}

/**
 * Spelling systems whose letters mean something else than the fold assumes. Each rewrites the
 * Latin words of a query; a query folds to its plain key and to the key under each of these (and
 * under all of them at once), so the stored names need only one key each.
 * - German z is ц ("Winnyzja", "Luzk", "Tscherniwzi").
 * - Swedish and Norwegian write ж + я as "zja", ц + я as "tsja": the j is both ж's and я's;
 *   German and Polish drop the soft vowel after ц ("Winniza", "Winnica").
 * - Polish and Czech rz, ie and ck ("Żytomierz", "Krzemieńczuk", "Chmelnyckyj").
 * - Russian-style and pre-2010 romanisations write г as g ("Kryvyi Rig", "Lugansk").
 * - French writes у as ou, ж as j and ч as tch ("Loutsk", "Jytomyr", "Tchernihiv").
 */
const SPELLING_VARIANTS: readonly ((word: string) => string)[] = [
  (w) => w.replace(/(?<![st])z(?!h)/g, "ts"),
  (w) => w.replace(/(zj|sj|tj|zh|sh|ch|ts|c)(?=[aeou])/g, "$1i").replace(/tsj(?=[aeiou])/g, "tsi"),
  (w) => w.replace(/rz/g, "r").replace(/ie/g, "i").replace(/ck/g, "tsk"),
  (w) => w.replace(/rz/g, "r").replace(/ie/g, "e").replace(/ck/g, "tsk"),
  (w) => w.replace(/g(?!h)/g, "h"),
  (w) =>
    w
      .replace(/ou/g, "u")
      .replace(/tch/g, "ch")
      .replace(/(?<![dkszt])j/g, "zh"),
];

/**
 * The keys a query may mean, the plain `searchKey` first, then its readings under the spelling
 * systems of other languages (Swedish, Norwegian, German, Polish, Czech, French, Russian-style),
 * without duplicates. A name matches the query when its key contains any of them.
 * @example
 * searchKeyVariants("Winnyzja").includes(searchKey("Vinnytsia")); // true
 * searchKeyVariants("Zaporizjzja").includes(searchKey("Zaporizhzhia")); // true
 */
export function searchKeyVariants(text: string): string[] {
  const plain = searchKey(text);
  if (plain === "") return [];
  const words = latinWords(text);
  const keys = new Set<string>([plain]);
  const all = (ws: string[]) => ws.map(foldWord).join(" ");
  let combined = words;
  for (const variant of SPELLING_VARIANTS) {
    keys.add(all(words.map(variant)));
    combined = combined.map(variant);
  }
  keys.add(all(combined));
  return [...keys].filter((k) => k !== "");
}

/**
 * The best `searchRank` of any of the query's keys (see `searchKeyVariants`) against the names'
 * stored keys: 0 exact, 1 prefix, 2 word prefix, 3 inside; null for no match.
 */
export function searchRankOfKeys(
  queryKeys: readonly string[],
  nameKeys: readonly string[],
): 0 | 1 | 2 | 3 | null {
  let best: 0 | 1 | 2 | 3 | null = null;
  for (const q of queryKeys) {
    for (const key of nameKeys) {
      let rank: 0 | 1 | 2 | 3 | null = null;
      if (key === q) rank = 0;
      else if (key.startsWith(q)) rank = 1;
      else if (key.includes(` ${q}`)) rank = 2;
      else if (key.includes(q)) rank = 3;
      if (rank !== null && (best === null || rank < best)) best = rank;
      if (best === 0) return 0;
    }
  }
  return best;
}

/** A search hit as `compareSearchHits` orders it. */
export interface SearchHit {
  rank: 0 | 1 | 2 | 3;
  /** Urban (міська) hromadas and partner municipalities count as cities. */
  city: boolean;
  population: number | null;
  sortName: string;
}

/**
 * Orders search hits: better match first; among equal matches the city hromada, then the larger
 * population (so the oblast centre comes before villages of the same name: "Mykolaiv" gives the
 * oblast centre before the small hromada in Lviv oblast), then by name.
 */
export function compareSearchHits(a: SearchHit, b: SearchHit): number {
  return (
    a.rank - b.rank ||
    Number(b.city) - Number(a.city) ||
    (b.population ?? -1) - (a.population ?? -1) ||
    (a.sortName < b.sortName ? -1 : a.sortName > b.sortName ? 1 : 0)
  );
}

/**
 * True when the query's key occurs inside the key of at least one name. This is exactly what a
 * store that keeps `searchKey(name)` per name can do in SQL: `key LIKE '%' || searchKey(q) || '%'`
 * (keys hold only letters, digits and spaces, so no escaping is needed). A query whose key is empty
 * matches nothing.
 * @example
 * matchesSearch("kryvyj rih", ["Криворізька міська громада", "Кривий Ріг"]); // true
 */
export function matchesSearch(query: string, names: readonly string[]): boolean {
  return searchRank(query, names) !== null;
}

/**
 * How well a query matches a list of names, best first: 0 when a name's key equals the query's
 * key, 1 when a name's key starts with it, 2 when a word inside a name's key starts with it,
 * 3 when it occurs anywhere inside; null for no match or an empty query key.
 */
export function searchRank(query: string, names: readonly string[]): 0 | 1 | 2 | 3 | null {
  const q = searchKey(query);
  if (q === "") return null;
  let best: 0 | 1 | 2 | 3 | null = null;
  for (const name of names) {
    const key = searchKey(name);
    let rank: 0 | 1 | 2 | 3 | null = null;
    if (key === q) rank = 0;
    else if (key.startsWith(q)) rank = 1;
    else if (key.includes(` ${q}`)) rank = 2;
    else if (key.includes(q)) rank = 3;
    if (rank !== null && (best === null || rank < best)) best = rank;
    if (best === 0) break;
  }
  return best;
}

/**
 * The distinct non-empty keys of a list of names, in first-seen order: what a store keeps per
 * municipality so that `matchesSearch` can run as a substring test on each stored key.
 */
export function searchKeys(names: readonly (string | undefined)[]): string[] {
  const keys = new Set<string>();
  for (const name of names) {
    if (!name) continue;
    const key = searchKey(name);
    if (key) keys.add(key);
  }
  return [...keys];
}
