import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { referenceColumn } from "../import/reference-dir.test-helpers";
import { municipalitySearchKeys, searchNames } from "./names";
import { matchesSearch, searchKey, searchKeys, searchRank } from "./normalise";

const SAME_PLACE: readonly (readonly string[])[] = [
  ["Kherson", "Cherson", "Херсон", "Chersón", "KHERSON", "Херсон "],
  [
    "Kryvyi Rih",
    "Kryvyj Rih",
    "Кривий Ріг",
    "Kryvyi-Rih",
    "Krivoy Rog",
    "Krivoi Rog",
    "Krzywy Róg",
  ],
  ["Kharkiv", "Charkiv", "Харків", "Charkow", "Kharkov", "Charków", "Charkiw", "Харьков"],
  ["Växjö", "vaxjo", "Vaexjoe", "VÄXJÖ", "Vaxjö"],
  ["Tromsø", "Tromso", "Tromsoe", "TROMSØ"],
  [
    "Zaporizhzhia",
    "Saporischschja",
    "Запоріжжя",
    "Zaporizhia",
    "Zaporizhzhya",
    "Zaporiżżja",
    "Zaporozhye",
  ],
  ["Lviv", "Lwiw", "Львів", "Lwów", "Lvov", "Lemberg"],
  ["Mykolaiv", "Mykolajiv", "Миколаїв", "Nikolaev", "Mykolajiw", "Nikolajew"],
  ["Kyiv", "Kiev", "Київ", "Kijów", "Kyjiw", "Kiew"],
  ["Chortkiv", "Чортків", "Czortków", "Tschortkiw", "Tjortkiv", "Tsjortkiv"],
  ["Slobozhanske", "Слобожанське", "Slobozjanske", "Sloboschanske", "Słobożanśke"],
  ["Zalishchyky", "Заліщики", "Salischtschyky", "Zaliszczyki", "Zalischyky"],
  ["Khmelnytskyi", "Khmel'nyts'kyy", "Хмельницький", "Khmelnitsky"],
  ["Bila Tserkva", "Біла Церква", "Bila Cerkva", "bila-tserkva"],
  ["Kolomyia", "Kolomyja", "Коломия", "Kołomyja"],
  ["Odesa", "Odessa", "Одеса"],
  ["Kamianets-Podilskyi", "Kamianets Podilskyi", "Кам'янець-Подільський"],
  ["Zghurivka", "Згурівка"],
  ["Ålesund", "Aalesund", "Alesund"],
  ["Göteborg", "Gothenburg", "Goteborg", "Goeteborg"],
  ["Lidingö", "Lidingo", "Lidingoe"],
  ["Umeå", "Umea", "UMEÅ"],
  ["Dnipro", "Дніпро", "Dnepr", "Dnjepr"],
  ["Ternopil", "Тернопіль", "Tarnopol", "Ternopol"],
  ["Chernihiv", "Чернігів", "Chernigov", "Tschernihiw", "Czernihów"],
];

describe("searchKey", () => {
  it.each(SAME_PLACE.map((group) => [group[0], group] as const))(
    "folds every spelling of %s to one key",
    (_, group) => {
      const keys = new Set(group.map(searchKey));
      expect([...keys]).toHaveLength(1);
    },
  );

  it.each([
    ["Gol", "Hol"],
    ["Sokal", "Sokil"],
    ["Ås", "Os"],
    ["Ale", "Åre"],
    ["Sala", "Salo"],
    ["Mykolaiv", "Mykolaivka"],
    ["Kalush", "Kalynivka"],
    ["Rivne", "Rovenky"],
    ["Ivankiv", "Ivanivka"],
    ["Berezhany", "Berezne"],
    ["Lutsk", "Lubny"],
    ["Bar", "Bra"],
    ["Kherson", "Khotyn"],
    ["Horodok", "Horodnia"],
  ])("keeps %s and %s apart", (a, b) => {
    expect(searchKey(a)).not.toBe(searchKey(b));
  });

  it.each([
    ["  Kryvyi   Rih ", "krivi rih"],
    ["Ivano-Frankivsk", "ivano frankivsk"],
    ["Kam’yanets’", "kamianec"],
    ["Пʼятихатки", "piatihatki"],
    ["Herøy (Nordland)", "heroi nordland"],
    ["Upplands-Bro", "uplands bro"],
    ["!!!", ""],
    ["", ""],
    ["Area 51", "area 51"],
  ])("normalises case, punctuation, apostrophes and spaces in %j", (input, key) => {
    expect(searchKey(input)).toBe(key);
  });

  it("gives only lower-case letters, digits and single spaces", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        expect(searchKey(text)).toMatch(/^(?:[a-z0-9]+(?: [a-z0-9]+)*)?$/);
      }),
    );
  });

  const letters = fc.constantFrom(
    ..."abcdefghijklmnopqrstuvwxyzäöåøæéóüабвгґдеєжзиіїйклмнопрстуфхцчшщьюя".split(""),
  );
  const word = fc.array(letters, { minLength: 1, maxLength: 10 }).map((l) => l.join(""));

  it("ignores letter case and surrounding punctuation", () => {
    fc.assert(
      fc.property(word, (w) => {
        expect(searchKey(w.toUpperCase())).toBe(searchKey(w));
        expect(searchKey(` -"${w}", `)).toBe(searchKey(w));
      }),
    );
  });

  it("keeps a word's key inside the key of a longer name", () => {
    fc.assert(
      fc.property(word, word, (a, b) => {
        expect(searchKey(`${a} ${b}`).includes(searchKey(b))).toBe(true);
      }),
    );
  });
});

describe("matchesSearch and searchRank", () => {
  const kryvyiRih = [
    "Криворізька міська громада",
    "Kryvorizka miska hromada",
    "Кривий Ріг",
    "Kryvyi Rih",
  ];

  it.each([
    ["Кривий Ріг", true],
    ["kryvyj rih", true],
    ["Rih", true],
    ["Krivoy Rog", true],
    ["kryvoriz", true],
    ["Kherson", false],
    ["", false],
    ["  ", false],
  ])("matches %j against Kryvyi Rih's names: %s", (query, expected) => {
    expect(matchesSearch(query, kryvyiRih)).toBe(expected);
  });

  it.each([
    ["Kryvyi Rih", 0],
    ["Kryvyi", 1],
    ["Rih", 2],
    ["orizka", 3],
    ["Lviv", null],
  ] as const)("ranks %j as %s", (query, rank) => {
    expect(searchRank(query, kryvyiRih)).toBe(rank);
  });

  it("agrees with a substring test on the stored keys", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), (query) => {
        const q = searchKey(query);
        const stored = searchKeys(kryvyiRih);
        expect(matchesSearch(query, kryvyiRih)).toBe(q !== "" && stored.some((k) => k.includes(q)));
      }),
    );
  });
});

describe("searchKeys and municipality names", () => {
  it("drops empty and duplicate keys", () => {
    expect(searchKeys(["Kyiv", "Київ", undefined, "", "Kiev", "!!"])).toEqual(["kiv"]);
  });

  it("includes aliases such as the administrative centre", () => {
    const names = {
      local: "Криворізька міська громада",
      en: "Kryvorizka urban TC",
      aliases: ["Кривий Ріг"],
    };
    expect(searchNames(names)).toEqual([
      "Криворізька міська громада",
      "Kryvorizka urban TC",
      "Кривий Ріг",
    ]);
    expect(municipalitySearchKeys(names)).toContain(searchKey("Kryvyi Rih"));
  });
});

// Precision on the real catalogue: the fold must not merge distinct names needlessly.
describe("searchKey on the reference catalogue", () => {
  const collisions = (names: string[]) => {
    const byKey = new Map<string, Set<string>>();
    for (const n of names) {
      const key = searchKey(n);
      byKey.set(key, (byKey.get(key) ?? new Set()).add(n.toLowerCase()));
    }
    return [...byKey.values()].filter((s) => s.size > 1).map((s) => [...s].sort());
  };

  it("keeps every Swedish and Norwegian municipality name apart except Håbo and Habo", () => {
    const names = [
      ...referenceColumn("se-kommuner.csv", "name"),
      ...referenceColumn("no-kommuner.csv", "name"),
    ];
    expect(collisions(names)).toEqual([["habo", "håbo"]]);
  });

  it("merges at most a handful of distinct hromada-centre names", () => {
    const merged = collisions(referenceColumn("ua-hromadas.csv", "center_uk"));
    // Known: Андріївка/Андрівка, Мілове/Милове, Хотінь/Хотин (і/и), Козьова/Козова (ь, з/с).
    expect(merged.length).toBeLessThanOrEqual(5);
  });
});
