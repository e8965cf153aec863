// Core compiles without DOM or Node types; TextEncoder is a global in every runtime core supports.
declare const TextEncoder: new () => { encode(text: string): Uint8Array };

import { describe, expect, it } from "vitest";
import { countryCode } from "./countries";
import { importHromadas, situationFromWarStatus } from "./hromadas";
import { importNorwegianMunicipalities, importSwedishMunicipalities } from "./partners";
import { PLACE_ALIASES } from "./place-aliases";
import { importReferenceFiles } from "./reference";
import { importTwinnings } from "./twinnings";

const UA_HEADER =
  "katottg,category,name_uk,name_lat,full_name_uk,full_name_lat,name_en_sssu,hromada_type,raion_katottg,raion_uk,oblast_katottg,oblast_uk,oblast_lat,oblast_iso,center_uk,center_lat_name,lat,lon,area_km2,population_2022,occupied_before_2022";

/** A hromada row; override any column by name. */
function uaRow(over: Record<string, string> = {}): string {
  const base: Record<string, string> = {
    katottg: "UA12060170000091033",
    category: "H",
    name_uk: "Криворізька",
    name_lat: "Kryvorizka",
    full_name_uk: "Криворізька міська громада",
    full_name_lat: "Kryvorizka miska hromada",
    name_en_sssu: "Kryvorizka urban TC",
    hromada_type: "міська",
    raion_katottg: "UA12060000000022633",
    raion_uk: "Криворізький",
    oblast_katottg: "UA12000000000090473",
    oblast_uk: "Дніпропетровська",
    oblast_lat: "Dnipropetrovska",
    oblast_iso: "UA-12",
    center_uk: "Кривий Ріг",
    center_lat_name: "Kryvyi Rih",
    lat: "47.91",
    lon: "33.39",
    area_km2: "431.9",
    population_2022: "600000",
    occupied_before_2022: "0",
    ...over,
  };
  return UA_HEADER.split(",")
    .map((c) => {
      const v = base[c] ?? "";
      return /[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
    })
    .join(",");
}

const ua = (...rows: string[]) => [UA_HEADER, ...rows].join("\n");

const WAR_HEADER =
  "katottg,name_uk,hromada_type,raion_uk,oblast_uk,listed_2022_04_27,listed_2022_06_20,listed_2022_08_23,listed_2022_10_10,listed_2022_11_23,status_sept_2022,status_sept_2022_ext,deoccupation_period_2022";

describe("importHromadas", () => {
  it("turns a row into a validated hromada with centre names as aliases", () => {
    const { items, errors, warnings } = importHromadas(ua(uaRow()));
    expect(errors).toEqual([]);
    expect(warnings.map((w) => w.code)).toEqual(["missing-file"]);
    expect(items[0]).toMatchObject({
      id: "ua-UA12060170000091033",
      kind: "hromada",
      officialCode: "UA12060170000091033",
      names: {
        local: "Криворізька міська громада",
        latin: "Kryvorizka miska hromada",
        en: "Kryvorizka urban TC",
        // The centre's names, then the exonyms and old names kept as data (place-aliases.ts).
        aliases: ["Кривий Ріг", "Kryvyi Rih", ...(PLACE_ALIASES.UA12060170000091033 ?? [])],
      },
      region: {
        code: "UA12000000000090473",
        name: "Дніпропетровська",
        nameLatin: "Dnipropetrovska",
        iso: "UA-12",
      },
      raion: { code: "UA12060000000022633", name: "Криворізький" },
      hromadaType: "urban",
      population: 600000,
      populationYear: 2022,
      areaKm2: 431.9,
      centre: { lat: 47.91, lon: 33.39 },
      workingLanguages: ["uk"],
      situation: { category: "rear", occupiedBefore2022: false },
    });
  });

  it("builds the English name in SSSU's pattern when SSSU has none", () => {
    const { items } = importHromadas(ua(uaRow({ name_en_sssu: "", hromada_type: "селищна" })));
    expect(items[0]?.names.en).toBe("Kryvorizka stlmt TC");
  });

  it("trims extra whitespace and leaves empty optional fields out", () => {
    const { items, errors } = importHromadas(
      ua(
        uaRow({ full_name_uk: "  Криворізька   міська громада ", area_km2: "", lat: "", lon: " " }),
      ),
    );
    expect(errors).toEqual([]);
    expect(items[0]?.names.local).toBe("Криворізька міська громада");
    expect(items[0]).not.toHaveProperty("areaKm2");
    expect(items[0]).not.toHaveProperty("centre");
  });

  it.each([
    ["a wrong code", { katottg: "UA1206" }, "katottg", "invalid-code"],
    ["a negative population", { population_2022: "-5" }, "population_2022", "invalid-number"],
    [
      "a population that is not a number",
      { population_2022: "lots" },
      "population_2022",
      "invalid-number",
    ],
    ["an empty name", { name_uk: "" }, "name_uk", "missing-value"],
    ["an unknown hromada type", { hromada_type: "district" }, "hromada_type", "invalid-value"],
    ["a latitude out of range", { lat: "123" }, "lat", "invalid-number"],
    ["a malformed oblast ISO code", { oblast_iso: "Ukraine-12" }, "oblast_iso", "invalid-value"],
  ])("reports %s on its row and still loads the good rows", (_, over, field, code) => {
    const good = uaRow({ katottg: "UA05020010000053508" });
    const { items, errors } = importHromadas(
      ua(good, uaRow(over), good.replace("UA05020010000053508", "UA05020030000031457")),
    );
    expect(items.map((h) => h.officialCode)).toEqual([
      "UA05020010000053508",
      "UA05020030000031457",
    ]);
    expect(errors).toEqual([
      expect.objectContaining({ file: "ua-hromadas.csv", row: 2, line: 3, field, code }),
    ]);
  });

  it("reports a duplicate code on the second row", () => {
    const { items, errors } = importHromadas(ua(uaRow(), uaRow()));
    expect(items).toHaveLength(1);
    expect(errors).toEqual([
      expect.objectContaining({ row: 2, field: "katottg", code: "duplicate-code" }),
    ]);
  });

  it("reports a missing column once for the file and loads nothing", () => {
    const header = UA_HEADER.replace(",population_2022", "");
    const row = uaRow()
      .split(",")
      .filter((_, i) => UA_HEADER.split(",")[i] !== "population_2022")
      .join(",");
    const { items, errors } = importHromadas([header, row].join("\n"));
    expect(items).toEqual([]);
    expect(errors).toEqual([
      expect.objectContaining({ row: 0, field: "population_2022", code: "missing-column" }),
    ]);
  });

  it("reports invalid UTF-8 bytes as a row error", () => {
    const encoder = new TextEncoder();
    const head = encoder.encode(`${ua(uaRow({ katottg: "UA05020010000053508" }))}\n`);
    const bad = encoder.encode(`${uaRow({ name_uk: "Kryvorizka" })}\n`);
    const at = bad.indexOf(0x4b); // the "K" of the name
    bad[at] = 0xff;
    const bytes = new Uint8Array([...head, ...bad]);
    const { items, errors } = importHromadas(bytes);
    expect(items).toHaveLength(1);
    expect(errors).toEqual([
      expect.objectContaining({ row: 2, code: "invalid-utf8", field: "name_uk" }),
    ]);
  });

  it("reports an unterminated quote and keeps the rows before it", () => {
    const text = `${ua(uaRow({ katottg: "UA05020010000053508" }))}\n${uaRow().replace("Кривий Ріг", '"Кривий Ріг')}\n`;
    const { items, errors } = importHromadas(text);
    expect(items.map((h) => h.officialCode)).toEqual(["UA05020010000053508"]);
    expect(errors.map((e) => [e.code, e.row])).toContainEqual(["unterminated-quote", 2]);
  });

  it("takes the situation from the war-status list and warns about hromadas not on it", () => {
    const war = [
      WAR_HEADER,
      "UA65100150000057191,Херсонська,міська,Херсонський,Херсонська,1,1,1,1,1,occupied,occupied,November",
    ].join("\n");
    const { items, warnings } = importHromadas(
      ua(uaRow({ katottg: "UA65100150000057191" }), uaRow({ katottg: "UA05020010000053508" })),
      war,
    );
    expect(items[0]?.situation).toMatchObject({ category: "deoccupied", asOf: "2022-11-23" });
    expect(items[1]?.situation.category).toBe("rear");
    expect(warnings).toEqual([
      expect.objectContaining({
        file: "ua-hromadas-war-status-2022.csv",
        row: 2,
        code: "missing-status",
      }),
    ]);
  });
});

describe("situationFromWarStatus", () => {
  const listed = (s: string) => s.split("").map((c) => c === "1");
  it.each([
    ["not occupied", undefined, "00000", false, "rear"],
    ["not occupied", undefined, "10000", false, "rear"],
    ["not occupied", undefined, "00001", false, "frontline"],
    ["not occupied, in the war zone", undefined, "11111", false, "frontline"],
    ["occupied", undefined, "11111", false, "occupied"],
    ["occupied", "November", "11111", false, "deoccupied"],
    ["occupied", "September-October", "11111", false, "deoccupied"],
    ["deoccupied", "March-April", "00000", false, "deoccupied"],
    ["not occupied", undefined, "00000", true, "occupied"],
  ] as const)(
    "maps %s / %s / listed %s / before 2022 %s to %s",
    (status, deoccupation, flags, before, expected) => {
      expect(situationFromWarStatus({ status, deoccupation, listed: listed(flags) }, before)).toBe(
        expected,
      );
    },
  );
});

const SE_HEADER =
  "kommunkod,name,name_full,lan_kod,lan,population_2024,lat,lon,point_method,ods_centroid_lat,ods_centroid_lon";
const NO_HEADER =
  "kommunenummer,name,name_official,fylkesnummer,fylke,population,area_km2,lat,lon,point_method,wikidata,wd_lat,wd_lon,admin_centre";

describe("importSwedishMunicipalities", () => {
  it("turns rows into partners and reports bad rows", () => {
    const csv = [
      SE_HEADER,
      "2480,Umeå,Umeå kommun,24,Västerbottens län,130000,63.9,20.2,centroid,63.9,20.2",
      "1480,Göteborg,Göteborgs kommun,14,Västra Götalands län,600000,57.7,11.9,centroid,57.7,11.9",
      "248,Kort,Kort kommun,24,Västerbottens län,100,63,20,centroid,63,20",
      "2460,Vännäs,Vännäs kommun,24,Västerbottens län,-1,63.9,19.7,centroid,63.9,19.7",
    ].join("\n");
    const { items, errors } = importSwedishMunicipalities(csv);
    expect(items.map((p) => p.id)).toEqual(["se-2480", "se-1480"]);
    expect(items[0]).toMatchObject({
      kind: "partner",
      country: "SE",
      names: { local: "Umeå" },
      region: { code: "24", name: "Västerbottens län", iso: "SE-AC" },
      population: 130000,
      populationYear: 2024,
      centre: { lat: 63.9, lon: 20.2 },
      workingLanguages: ["sv"],
      capacity: 1,
    });
    expect(items[1]?.names.en).toBe("Gothenburg");
    expect(errors.map((e) => [e.row, e.field, e.code])).toEqual([
      [3, "kommunkod", "invalid-code"],
      [4, "population_2024", "invalid-number"],
    ]);
  });
});

describe("importNorwegianMunicipalities", () => {
  const csv = [
    NO_HEADER,
    "5610,Kárášjohka,Kárášjohka - Karasjok,56,Finnmark,2500,5452.9,69.4,25.1,centroid,Q1,69.4,25.5,Karasjok",
    "4225,Lyngdal,Lyngdal,42,Agder,10000,,58.1,7.0,centroid,Q2,58.1,7.1,Lyngdal",
  ].join("\n");

  it("keeps the Sami and Norwegian forms of the official name as aliases", () => {
    const { items, errors } = importNorwegianMunicipalities(csv);
    expect(errors).toEqual([]);
    expect(items[0]).toMatchObject({
      id: "no-5610",
      names: { local: "Kárášjohka", aliases: ["Karasjok"] },
      region: { code: "56", name: "Finnmark", iso: "NO-56" },
      populationYear: 2025,
      areaKm2: 5452.9,
      workingLanguages: ["nb"],
    });
    expect(items[1]).not.toHaveProperty("areaKm2");
  });

  it("lets the caller set or drop the population year", () => {
    expect(
      importNorwegianMunicipalities(csv, { populationYear: 2026 }).items[0]?.populationYear,
    ).toBe(2026);
    expect(
      importNorwegianMunicipalities(csv, { populationYear: null }).items[0],
    ).not.toHaveProperty("populationYear");
  });
});

describe("countryCode", () => {
  it.each([
    ["Russia", "RU"],
    ["Belarus", "BY"],
    ["England, United Kingdom", "GB"],
    ["Scotland", "GB"],
    ["Georgia (country)", "GE"],
    ["Åland Islands, Finland", "AX"],
    ["Rauma, Norway", "NO"],
    ["Republic of Ireland", "IE"],
    ["  poland ", "PL"],
    ["Kosovo", undefined],
    ["Atlantis", undefined],
    ["constructor", undefined],
    ["__proto__", undefined],
    ["Rome, constructor", undefined],
  ])("maps %j to %s", (name, code) => {
    expect(countryCode(name)).toBe(code);
  });
});

describe("importTwinnings", () => {
  const municipalities = [
    ...importHromadas(
      ua(
        uaRow(),
        uaRow({
          katottg: "UA46060070000047720",
          full_name_uk: "Городоцька міська громада",
          center_uk: "Городок",
          center_lat_name: "Horodok",
        }),
        uaRow({
          katottg: "UA68040130000024471",
          full_name_uk: "Городоцька міська громада",
          center_uk: "Городок",
          center_lat_name: "Horodok",
        }),
      ),
    ).items,
    ...importSwedishMunicipalities(
      [
        SE_HEADER,
        "2480,Umeå,Umeå kommun,24,Västerbottens län,130000,63.9,20.2,centroid,63.9,20.2",
        "0305,Håbo,Håbo kommun,03,Uppsala län,22000,59.6,17.5,centroid,59.6,17.5",
        "0643,Habo,Habo kommun,06,Jönköpings län,12000,57.9,14.1,centroid,57.9,14.1",
      ].join("\n"),
    ).items,
  ];
  const csv = [
    "city,country,partner_city,partner_country,partner_is_russia_or_belarus",
    "Kryvyi Rih,Ukraine,Lublin,Poland,0",
    "Kryvyi Rih,Ukraine,Umeå,Sweden,0",
    "Umea,Sweden,Petrozavodsk,Russia,1",
    "Håbo,Sweden,Brest,Belarus,1",
    "Horodok,Ukraine,Kraków,Poland,0",
    "Yalta,Ukraine,Nice,France,0",
    "Umeå,Sweden,Pristina,Kosovo,0",
    "Umeå,Sweden,Vaasa,Finland,1",
    "Krivoy Rog,Ukraine,Lublin,Poland,0",
    ",Sweden,Oslo,Norway,0",
  ].join("\n");
  const result = importTwinnings(csv, municipalities);
  const tieOf = (id: string) =>
    result.items
      .filter((t) => t.municipalityId === id)
      .map((t) => `${t.foreignTown}/${t.foreignCountry}/${t.status}`);

  it("resolves towns by search key and records a tie on each catalogue side", () => {
    expect(tieOf("ua-UA12060170000091033")).toEqual(["Lublin/PL/active", "Umeå/SE/active"]);
    expect(tieOf("se-2480")).toEqual(["Kryvyi Rih/UA/active", "Petrozavodsk/RU/under-review"]);
  });

  it("flags ties to Russia and Belarus for review", () => {
    expect(tieOf("se-0305")).toEqual(["Brest/BY/under-review"]);
  });

  it("reports unresolved, ambiguous, unknown-country and inconsistent rows as warnings", () => {
    expect(result.warnings.map((w) => [w.row, w.code])).toEqual([
      [5, "ambiguous-town"],
      [6, "unresolved-town"],
      [7, "unknown-country"],
      [8, "invalid-value"],
    ]);
  });

  it("reports an empty town as a row error", () => {
    expect(result.errors).toEqual([
      expect.objectContaining({ row: 10, field: "city", code: "missing-value" }),
    ]);
  });

  it("gives one tie for a pair listed twice", () => {
    expect(result.items.filter((t) => t.foreignTown === "Lublin")).toHaveLength(1);
  });
});

describe("importReferenceFiles", () => {
  it("reads files by name, decodes bytes and counts what it loaded", () => {
    const encoder = new TextEncoder();
    const result = importReferenceFiles({
      "data/ua-hromadas.csv": encoder.encode(
        `\uFEFF${ua(uaRow(), uaRow({ population_2022: "-1", katottg: "UA05020010000053508" }))}`,
      ),
      "se-kommuner.csv": [
        SE_HEADER,
        "2480,Umeå,Umeå kommun,24,Västerbottens län,130000,63.9,20.2,centroid,63.9,20.2",
      ].join("\r\n"),
      "twinnings-wikipedia-ua-se-no.csv":
        "city,country,partner_city,partner_country,partner_is_russia_or_belarus\nUmeå,Sweden,Kryvyi Rih,Ukraine,0\n",
      "README.md": "not data",
    });
    expect(result.municipalities.map((m) => m.id)).toEqual(["ua-UA12060170000091033", "se-2480"]);
    expect(result.ties).toHaveLength(2);
    expect(result.errors).toEqual([
      expect.objectContaining({
        file: "ua-hromadas.csv",
        row: 2,
        field: "population_2022",
        code: "invalid-number",
      }),
    ]);
    expect(result.counts).toMatchObject({
      files: {
        "ua-hromadas.csv": { rows: 2, imported: 1, errors: 1 },
        "se-kommuner.csv": { rows: 1, imported: 1, errors: 0 },
        "twinnings-wikipedia-ua-se-no.csv": { rows: 1, imported: 2 },
      },
      byCountry: { UA: 1, SE: 1 },
      hromadas: 1,
      partners: 1,
      ties: 2,
      ignored: ["README.md"],
    });
  });

  it("returns nothing and no errors for an empty folder", () => {
    const result = importReferenceFiles({});
    expect(result.municipalities).toEqual([]);
    expect(result.errors).toEqual([]);
  });
});

describe("importHromadas with a broken war-status list", () => {
  it("reports the missing column once and falls back to one warning, not one per hromada", () => {
    const war = "katottg,status_sept_2022\nUA12060170000091033,occupied\n";
    const { items, errors, warnings } = importHromadas(
      ua(uaRow(), uaRow({ katottg: "UA05020010000053508" })),
      war,
    );
    expect(items).toHaveLength(2);
    expect(errors.map((e) => [e.file, e.code, e.field])).toEqual([
      ["ua-hromadas-war-status-2022.csv", "missing-column", "deoccupation_period_2022"],
      ["ua-hromadas-war-status-2022.csv", "missing-column", "listed_2022_04_27"],
      ["ua-hromadas-war-status-2022.csv", "missing-column", "listed_2022_06_20"],
      ["ua-hromadas-war-status-2022.csv", "missing-column", "listed_2022_08_23"],
      ["ua-hromadas-war-status-2022.csv", "missing-column", "listed_2022_10_10"],
      ["ua-hromadas-war-status-2022.csv", "missing-column", "listed_2022_11_23"],
    ]);
    expect(warnings.map((w) => w.code)).toEqual(["missing-file"]);
  });
});

describe("importTwinnings with Norwegian administrative centres", () => {
  const norway = importNorwegianMunicipalities(
    [
      NO_HEADER,
      "3218,Ås,Ås,32,Akershus,21000,101.5,59.7,10.8,centroid,Q1,59.66,10.79,Ås",
      "5033,Tydal,Tydal,50,Trøndelag,800,1300,63.0,11.6,centroid,Q2,63.04,11.65,Ås",
      "4205,Lindesnes,Lindesnes,42,Agder,23000,1000,58.1,7.3,centroid,Q3,58.03,7.46,Mandal",
    ].join("\n"),
  ).items;
  const csv = [
    "city,country,partner_city,partner_country,partner_is_russia_or_belarus",
    "Ås,Norway,Kolding,Denmark,0",
    "Mandal,Norway,Oskarshamn,Sweden,0",
  ].join("\n");

  it("keeps the administrative centre as an alias and prefers a municipality's own name", () => {
    expect(norway[1]?.names.aliases).toEqual(["Ås"]);
    const { items, warnings } = importTwinnings(csv, norway);
    expect(warnings).toEqual([]);
    expect(items.map((t) => [t.municipalityId, t.foreignTown])).toEqual([
      ["no-3218", "Kolding"],
      ["no-4205", "Oskarshamn"],
    ]);
  });
});
