import { beforeAll, describe, expect, it } from "vitest";
import { importReferenceFiles } from "../import/reference";
import { readReferenceFolder } from "../import/reference-dir.test-helpers";
import type { Hromada } from "../model/municipality";
import { municipalitySearchKeys } from "./names";
import {
  compareSearchHits,
  type SearchHit,
  searchKeyVariants,
  searchRankOfKeys,
} from "./normalise";

const KYIV = "UA80000000000093317";
const KHARKIV = "UA63120270000028556";
const ODESA = "UA51100270000073549";
const DNIPRO = "UA12020010000033698";
const ZAPORIZHZHIA = "UA23060070000082704";
const LVIV = "UA46060250000025047";
const KRYVYI_RIH = "UA12060170000091033";
const MYKOLAIV = "UA48060150000071713";
const VINNYTSIA = "UA05020030000031457";
const KHERSON = "UA65100150000057191";
const POLTAVA = "UA53080370000025447";
const CHERNIHIV = "UA74100390000073425";
const CHERKASY = "UA71080490000022110";
const ZHYTOMYR = "UA18040190000029215";
const SUMY = "UA59080270000073662";
const KHMELNYTSKYI = "UA68040470000053519";
const CHERNIVTSI = "UA73060610000066784";
const RIVNE = "UA56060470000086729";
const IVANO_FRANKIVSK = "UA26040190000081578";
const TERNOPIL = "UA61040490000035010";
const LUTSK = "UA07080170000013585";
const UZHHOROD = "UA21100230000083101";
const KROPYVNYTSKYI = "UA35040210000014072";
const MUKACHEVO = "UA21040150000092428";
const BEREHOVE = "UA21020030000019624";
const KREMENCHUK = "UA53020110000092487";
const BILA_TSERKVA = "UA32020010000093088";
const KAMIANSKE = "UA12040150000015189";
const MARIUPOL = "UA14140050000020560";
const LUHANSK = "UA44060010000059164";

// Spellings people type, with the hromada that must come first. Grouped by place; each group
// has the official form, Swedish, Norwegian, German, Polish, Czech, French, Hungarian where it
// differs, pre-2010 Ukrainian and Russian-style romanisations, and old names.
const SPELLINGS: readonly (readonly [string, string])[] = [
  ...[
    "Kyiv",
    "Kiev",
    "Kijev",
    "Kiew",
    "Kijów",
    "Kyjev",
    "Kyjiv",
    "Kyïv",
    "Kyyiv",
    "Київ",
    "Киев",
  ].map((q) => [q, KYIV] as const),
  ...[
    "Kharkiv",
    "Charkiv",
    "Charkiw",
    "Charków",
    "Charkov",
    "Kharkov",
    "Harkiv",
    "Харків",
    "Харьков",
  ].map((q) => [q, KHARKIV] as const),
  ...["Odesa", "Odessa", "Odessza", "Oděsa", "Одеса", "Одесса"].map((q) => [q, ODESA] as const),
  ...[
    "Dnipro",
    "Dnepr",
    "Dnjepr",
    "Dnipropetrovsk",
    "Dnepropetrovsk",
    "Dnipropetrowsk",
    "Dniepropietrowsk",
    "Dnjepropetrowsk",
    "Дніпро",
    "Днепропетровск",
  ].map((q) => [q, DNIPRO] as const),
  ...[
    "Zaporizhzhia",
    "Zaporizjzja",
    "Zaporizja",
    "Saporischschja",
    "Saporishja",
    "Zaporozhye",
    "Zaporozhe",
    "Zaporoże",
    "Záporoží",
    "Zaporijia",
    "Zaporijjia",
    "Zaporizhzhya",
    "Zaporizhia",
    "Запоріжжя",
    "Запорожье",
  ].map((q) => [q, ZAPORIZHZHIA] as const),
  ...["Lviv", "Lvov", "Lwów", "Lwow", "Lemberg", "Lviw", "Léopol", "Lvіv", "Львів", "Львов"].map(
    (q) => [q, LVIV] as const,
  ),
  ...[
    "Kryvyi Rih",
    "Kryvyi Rig",
    "Krivoy Rog",
    "Krivoi Rog",
    "Kriwoi Rog",
    "Krzywy Róg",
    "Krywyj Rih",
    "Kryvyj Rih",
    "Kryvij Rih",
    "Kryvyy Rih",
    "Кривий Ріг",
    "Кривой Рог",
  ].map((q) => [q, KRYVYI_RIH] as const),
  ...[
    "Mykolaiv",
    "Mykolajiv",
    "Mykolajiw",
    "Mykolayiv",
    "Nikolaev",
    "Nikolayev",
    "Nikolajew",
    "Mikołajów",
    "Mykolaïv",
    "Миколаїв",
    "Николаев",
  ].map((q) => [q, MYKOLAIV] as const),
  ...[
    "Vinnytsia",
    "Vinnytsja",
    "Vinnitsa",
    "Winnyzja",
    "Winniza",
    "Winnica",
    "Vinnycja",
    "Vinnytsya",
    "Vinnitsia",
    "Вінниця",
    "Винница",
  ].map((q) => [q, VINNYTSIA] as const),
  ...["Kherson", "Cherson", "Chersoń", "Kherсon", "Херсон"].map((q) => [q, KHERSON] as const),
  ...["Poltava", "Poltawa", "Połtawa", "Полтава"].map((q) => [q, POLTAVA] as const),
  ...[
    "Chernihiv",
    "Tjernihiv",
    "Tsjernihiv",
    "Tschernihiw",
    "Czernihów",
    "Černihiv",
    "Tchernihiv",
    "Chernigov",
    "Tschernigow",
    "Чернігів",
    "Чернигов",
  ].map((q) => [q, CHERNIHIV] as const),
  ...[
    "Cherkasy",
    "Tjerkasy",
    "Tsjerkasy",
    "Tscherkassy",
    "Czerkasy",
    "Čerkasy",
    "Tcherkassy",
    "Cherkassy",
    "Черкаси",
    "Черкассы",
  ].map((q) => [q, CHERKASY] as const),
  ...[
    "Zhytomyr",
    "Zjytomyr",
    "Sjytomyr",
    "Schytomyr",
    "Żytomierz",
    "Žytomyr",
    "Jytomyr",
    "Zhitomir",
    "Schitomir",
    "Житомир",
  ].map((q) => [q, ZHYTOMYR] as const),
  ...["Sumy", "Sumi", "Сумы", "Суми"].map((q) => [q, SUMY] as const),
  ...[
    "Khmelnytskyi",
    "Chmelnytskyj",
    "Chmelnyzkyj",
    "Chmielnicki",
    "Chmelnyckyj",
    "Khmelnytskyy",
    "Khmelnitsky",
    "Khmelnitskiy",
    "Хмельницький",
    "Хмельницкий",
  ].map((q) => [q, KHMELNYTSKYI] as const),
  ...[
    "Chernivtsi",
    "Tjernivtsi",
    "Tscherniwzi",
    "Czerniowce",
    "Czernowitz",
    "Černivci",
    "Tchernivtsi",
    "Chernovtsy",
    "Csernovic",
    "Чернівці",
    "Черновцы",
  ].map((q) => [q, CHERNIVTSI] as const),
  ...["Rivne", "Riwne", "Równe", "Rovno", "Рівне", "Ровно"].map((q) => [q, RIVNE] as const),
  ...[
    "Ivano-Frankivsk",
    "Ivano-Frankivsk",
    "Iwano-Frankiwsk",
    "Iwano-Frankowsk",
    "Ivano-Frankovsk",
    "Stanisławów",
    "Stanislau",
    "Івано-Франківськ",
    "Ивано-Франковск",
  ].map((q) => [q, IVANO_FRANKIVSK] as const),
  ...["Ternopil", "Ternopol", "Tarnopol", "Ternopol'", "Тернопіль", "Тернополь"].map(
    (q) => [q, TERNOPIL] as const,
  ),
  ...["Lutsk", "Luzk", "Łuck", "Luck", "Loutsk", "Луцьк", "Луцк"].map((q) => [q, LUTSK] as const),
  ...[
    "Uzhhorod",
    "Uzjhorod",
    "Uschhorod",
    "Użhorod",
    "Užhorod",
    "Ungvár",
    "Ungvar",
    "Uzhgorod",
    "Oujhorod",
    "Ужгород",
  ].map((q) => [q, UZHHOROD] as const),
  ...[
    "Kropyvnytskyi",
    "Kropyvnytskyj",
    "Kropywnyzkyj",
    "Kirovohrad",
    "Kirovograd",
    "Kirowohrad",
    "Kirowograd",
    "Yelisavetgrad",
    "Jelisawetgrad",
    "Кропивницький",
    "Кировоград",
    "Кіровоград",
  ].map((q) => [q, KROPYVNYTSKYI] as const),
  ...["Mukachevo", "Mukatsjevo", "Mukatschewe", "Munkács", "Munkacs", "Mukačevo", "Мукачево"].map(
    (q) => [q, MUKACHEVO] as const,
  ),
  ...["Berehove", "Beregszász", "Beregszasz", "Berehovo", "Beregovo", "Берегове"].map(
    (q) => [q, BEREHOVE] as const,
  ),
  ...["Kremenchuk", "Kremenchug", "Krementjuk", "Krementschuk", "Krzemieńczuk", "Кременчук"].map(
    (q) => [q, KREMENCHUK] as const,
  ),
  ...[
    "Bila Tserkva",
    "Bila Zerkwa",
    "Biała Cerkiew",
    "Belaya Tserkov",
    "Bila Cerkva",
    "Біла Церква",
  ].map((q) => [q, BILA_TSERKVA] as const),
  ...["Kamianske", "Kamjanske", "Dniprodzerzhynsk", "Dneprodzerzhinsk", "Кам'янське"].map(
    (q) => [q, KAMIANSKE] as const,
  ),
  ...["Mariupol", "Mariupol'", "Mariupol’", "Mariupolʹ", "Маріуполь", "Мариуполь"].map(
    (q) => [q, MARIUPOL] as const,
  ),
  ...["Luhansk", "Lugansk", "Luhanśk", "Луганськ", "Луганск"].map((q) => [q, LUHANSK] as const),
];

interface Entry {
  code: string;
  keys: string[];
  city: boolean;
  population: number | null;
  sortName: string;
}

describe("spellings people type, on the real catalogue", () => {
  let entries: Entry[] = [];
  beforeAll(() => {
    const imported = importReferenceFiles(readReferenceFolder());
    entries = imported.municipalities
      .filter((m): m is Hromada => m.kind === "hromada")
      .map((m) => ({
        code: m.officialCode,
        keys: municipalitySearchKeys(m.names),
        city: m.hromadaType === "urban" || m.officialCode === KYIV,
        population: m.population ?? null,
        sortName: m.names.latin ?? m.names.local,
      }));
  });

  it("holds at least 200 spellings", () => {
    expect(SPELLINGS.length).toBeGreaterThanOrEqual(200);
  });

  it.each(SPELLINGS)("%s finds its hromada first", (spelling, code) => {
    const keys = searchKeyVariants(spelling);
    const hits: (SearchHit & { code: string })[] = [];
    for (const e of entries) {
      const rank = searchRankOfKeys(keys, e.keys);
      if (rank !== null)
        hits.push({
          rank,
          city: e.city,
          population: e.population,
          sortName: e.sortName,
          code: e.code,
        });
    }
    hits.sort(compareSearchHits);
    expect(hits[0]?.code, `${spelling}: ${keys.join(" / ")}`).toBe(code);
  });
});
