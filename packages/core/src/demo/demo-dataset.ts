// A built-in demo made only of facts named in public reporting (ICLD's "democratic resilience"
// municipal partnerships, the Vännäs–Slobozhanske letter of intent, Lyngdal's agreement with
// Kryvyi Rih, Chortkiv's 2022 approach to Falun and Karlskrona). No rows are copied from the
// reference files: official codes are public identifiers, used so that the demo merges with the
// full catalogue by official code; populations are rounded and centres approximate, from general
// public knowledge. Everything marked ILLUSTRATIVE is invented to make the demo usable (needs and
// offers beyond the reported areas, dates of intermediate stages) and is not a claim of fact.

import type { z } from "zod";
import { Hromada, type Municipality, municipalityId, Partner } from "../model/municipality";
import { Need } from "../model/need";
import { Offer } from "../model/offer";
import { Partnership } from "../model/partnership";
import { Tie } from "../model/tie";
import type { Stage } from "../taxonomy/stages";

const DEMO_SOURCE = "Pobratym demo dataset (public reporting)";
const ACTOR = "demo";

type HromadaSeed = {
  code: string;
  local: string;
  latin: string;
  en: string;
  centre: [uk: string, latin: string];
  oblast: { code: string; name: string; nameLatin: string; iso: string };
  type: "rural" | "settlement" | "urban";
  population: number;
  at: [lat: number, lon: number];
  situation: z.input<typeof Hromada>["situation"];
  description: string;
};

function hromada(seed: HromadaSeed): Hromada {
  return Hromada.parse({
    id: municipalityId("UA", seed.code),
    kind: "hromada",
    country: "UA",
    officialCode: seed.code,
    names: {
      local: seed.local,
      uk: seed.local,
      latin: seed.latin,
      en: seed.en,
      aliases: seed.centre,
    },
    region: seed.oblast,
    hromadaType: seed.type,
    population: seed.population,
    populationYear: 2022,
    centre: { lat: seed.at[0], lon: seed.at[1] },
    situation: seed.situation,
    workingLanguages: ["uk", "en"],
    internationalExperience: true,
    description: seed.description,
  } satisfies z.input<typeof Hromada>);
}

type PartnerSeed = {
  country: "SE" | "NO";
  code: string;
  local: string;
  uk: string;
  region: { code: string; name: string; iso: string };
  population: number;
  populationYear: number;
  at: [lat: number, lon: number];
  capacity?: number;
  description: string;
};

function partner(seed: PartnerSeed): Partner {
  return Partner.parse({
    id: municipalityId(seed.country, seed.code),
    kind: "partner",
    country: seed.country,
    officialCode: seed.code,
    names: { local: seed.local, uk: seed.uk },
    region: seed.region,
    population: seed.population,
    populationYear: seed.populationYear,
    centre: { lat: seed.at[0], lon: seed.at[1] },
    workingLanguages: [seed.country === "SE" ? "sv" : "nb", "en"],
    capacity: seed.capacity ?? 1,
    politicalDecision: true,
    description: seed.description,
  } satisfies z.input<typeof Partner>);
}

// Regions: oblast KATOTTG codes and ISO 3166-2 codes; län and fylke codes.
const IVANO_FRANKIVSK = {
  code: "UA26000000000069363",
  name: "Івано-Франківська",
  nameLatin: "Ivano-Frankivska",
  iso: "UA-26",
};
const TERNOPIL = {
  code: "UA61000000000060328",
  name: "Тернопільська",
  nameLatin: "Ternopilska",
  iso: "UA-61",
};
const KHMELNYTSKYI = {
  code: "UA68000000000099709",
  name: "Хмельницька",
  nameLatin: "Khmelnytska",
  iso: "UA-68",
};
const KHERSON_OBLAST = {
  code: "UA65000000000030969",
  name: "Херсонська",
  nameLatin: "Khersonska",
  iso: "UA-65",
};
const KHARKIV_OBLAST = {
  code: "UA63000000000041885",
  name: "Харківська",
  nameLatin: "Kharkivska",
  iso: "UA-63",
};
const DNIPROPETROVSK = {
  code: "UA12000000000090473",
  name: "Дніпропетровська",
  nameLatin: "Dnipropetrovska",
  iso: "UA-12",
};
const DALARNA = { code: "20", name: "Dalarnas län", iso: "SE-W" };
const BLEKINGE = { code: "10", name: "Blekinge län", iso: "SE-K" };
const STOCKHOLM = { code: "01", name: "Stockholms län", iso: "SE-AB" };
const VASTERBOTTEN = { code: "24", name: "Västerbottens län", iso: "SE-AC" };
const KRONOBERG = { code: "07", name: "Kronobergs län", iso: "SE-G" };
const AGDER = { code: "42", name: "Agder", iso: "NO-42" };

// Situations. Western hromadas (Ivano-Frankivsk, Ternopil, Khmelnytskyi oblasts) were never
// occupied nor on the hostilities lists and host displaced people: rear.
const REAR = { category: "rear", source: DEMO_SOURCE } as const;

const KOLOMYIA = hromada({
  code: "UA26080070000092582",
  local: "Коломийська міська громада",
  latin: "Kolomyiska miska hromada",
  en: "Kolomyia urban hromada",
  centre: ["Коломия", "Kolomyia"],
  oblast: IVANO_FRANKIVSK,
  type: "urban",
  population: 75_000,
  at: [48.53, 25.04],
  situation: REAR,
  description:
    "ICLD democratic-resilience partner of Falun: technical services, water supply and waste management.",
});
const CHORTKIV = hromada({
  code: "UA61060430000094264",
  local: "Чортківська міська громада",
  latin: "Chortkivska miska hromada",
  en: "Chortkiv urban hromada",
  centre: ["Чортків", "Chortkiv"],
  oblast: TERNOPIL,
  type: "urban",
  population: 35_000,
  at: [49.02, 25.8],
  situation: REAR,
  description:
    "Approached Falun and Karlskrona in 2022; ICLD democratic-resilience partner of Karlskrona in education.",
});
const SLAVUTA = hromada({
  code: "UA68060270000042174",
  local: "Славутська міська громада",
  latin: "Slavutska miska hromada",
  en: "Slavuta urban hromada",
  centre: ["Славута", "Slavuta"],
  oblast: KHMELNYTSKYI,
  type: "urban",
  population: 35_000,
  at: [50.3, 26.87],
  situation: REAR,
  description: "ICLD democratic-resilience partner of Lidingö in education.",
});
const TERNOPIL_CITY = hromada({
  code: "UA61040490000035010",
  local: "Тернопільська міська громада",
  latin: "Ternopilska miska hromada",
  en: "Ternopil urban hromada",
  centre: ["Тернопіль", "Ternopil"],
  oblast: TERNOPIL,
  type: "urban",
  population: 225_000,
  at: [49.55, 25.59],
  situation: REAR,
  description:
    "ICLD democratic-resilience partner of Ronneby: water management and crisis preparedness.",
});
const KHERSON = hromada({
  code: "UA65100150000057191",
  local: "Херсонська міська громада",
  latin: "Khersonska miska hromada",
  en: "Kherson urban hromada",
  centre: ["Херсон", "Kherson"],
  oblast: KHERSON_OBLAST,
  type: "urban",
  population: 300_000,
  at: [46.64, 32.61],
  // Occupied from March 2022 and liberated on 11 November 2022; since then shelled daily from the
  // left bank of the Dnipro, so it is also a frontline city. KS's group is "war zone" either way.
  situation: { category: "deoccupied", source: DEMO_SOURCE },
  description:
    "ICLD democratic-resilience partner of Umeå in urban planning: gender-equal planning and digital citizen participation.",
});
const KALUSH = hromada({
  code: "UA26060170000091466",
  local: "Калуська міська громада",
  latin: "Kaluska miska hromada",
  en: "Kalush urban hromada",
  centre: ["Калуш", "Kalush"],
  oblast: IVANO_FRANKIVSK,
  type: "urban",
  population: 85_000,
  at: [49.03, 24.37],
  situation: REAR,
  description: "ICLD democratic-resilience partner of Växjö: inclusive leadership and governance.",
});
const SLOBOZHANSKE = hromada({
  code: "UA63140110000087562",
  local: "Слобожанська селищна громада",
  latin: "Slobozhanska selyshchna hromada",
  en: "Slobozhanske settlement hromada",
  centre: ["Слобожанське", "Slobozhanske"],
  oblast: KHARKIV_OBLAST,
  type: "settlement",
  population: 30_000,
  at: [49.6, 36.52],
  // Chuhuiv district of Kharkiv oblast, within reach of the fighting east of Kharkiv: the 2022
  // Ministry lists name it among hromadas where hostilities were conducted.
  situation: { category: "frontline", source: DEMO_SOURCE },
  description:
    "Kharkiv oblast, about 30,000 inhabitants; signed a letter of intent with Vännäs on 20 June 2023.",
});
const KRYVYI_RIH = hromada({
  code: "UA12060170000091033",
  local: "Криворізька міська громада",
  latin: "Kryvorizka miska hromada",
  en: "Kryvyi Rih urban hromada",
  centre: ["Кривий Ріг", "Kryvyi Rih"],
  oblast: DNIPROPETROVSK,
  type: "urban",
  population: 600_000,
  at: [47.91, 33.39],
  // Never occupied and not on the 2022 hostilities lists, though repeatedly struck by missiles;
  // it hosts many displaced people from Kherson oblast: rear.
  situation: REAR,
  description: "Has a solidarity and partnership agreement with Lyngdal (Norway).",
});

const FALUN = partner({
  country: "SE",
  code: "2080",
  local: "Falun",
  uk: "Фалун",
  region: DALARNA,
  population: 60_000,
  populationYear: 2024,
  at: [60.61, 15.63],
  description: "ICLD democratic-resilience partnership with Kolomyia in technical services.",
});
const KARLSKRONA = partner({
  country: "SE",
  code: "1080",
  local: "Karlskrona",
  uk: "Карлскруна",
  region: BLEKINGE,
  population: 66_000,
  populationYear: 2024,
  at: [56.16, 15.59],
  capacity: 2,
  description:
    "ICLD democratic-resilience partnership with Chortkiv in education; aims for a twin-town agreement.",
});
const LIDINGO = partner({
  country: "SE",
  code: "0186",
  local: "Lidingö",
  uk: "Лідінге",
  region: STOCKHOLM,
  population: 48_000,
  populationYear: 2024,
  at: [59.37, 18.13],
  description: "ICLD democratic-resilience partnership with Slavuta in education.",
});
const RONNEBY = partner({
  country: "SE",
  code: "1081",
  local: "Ronneby",
  uk: "Роннебю",
  region: BLEKINGE,
  population: 29_000,
  populationYear: 2024,
  at: [56.21, 15.28],
  description:
    "ICLD democratic-resilience partnership with Ternopil in water management and crisis preparedness.",
});
const UMEA = partner({
  country: "SE",
  code: "2480",
  local: "Umeå",
  uk: "Умео",
  region: VASTERBOTTEN,
  population: 130_000,
  populationYear: 2024,
  at: [63.83, 20.26],
  description:
    "ICLD democratic-resilience partnership with Kherson in gender-equal urban planning.",
});
const VAXJO = partner({
  country: "SE",
  code: "0780",
  local: "Växjö",
  uk: "Векше",
  region: KRONOBERG,
  population: 97_000,
  populationYear: 2024,
  at: [56.88, 14.81],
  description:
    "ICLD democratic-resilience partnership with Kalush in inclusive leadership and governance.",
});
const VANNAS = partner({
  country: "SE",
  code: "2460",
  local: "Vännäs",
  uk: "Веннес",
  region: VASTERBOTTEN,
  population: 9_000,
  populationYear: 2024,
  at: [63.91, 19.75],
  description: "Signed a letter of intent with Slobozhanske in Stockholm on 20 June 2023.",
});
const LYNGDAL = partner({
  country: "NO",
  code: "4225",
  local: "Lyngdal",
  uk: "Люнгдал",
  region: AGDER,
  population: 11_000,
  populationYear: 2024,
  at: [58.14, 7.07],
  description: "Has a solidarity and partnership agreement with Kryvyi Rih.",
});

/** A stage history that walks the main line one step at a time, ending at the last date's stage. */
function walk(steps: readonly (readonly [Stage, string, string?])[]): Partnership["history"] {
  let from: Stage | null = null;
  return steps.map(([to, at, note]) => {
    const event: Partnership["history"][number] = { from, to, at: `${at}T12:00:00Z`, by: ACTOR };
    if (note) event.note = note;
    from = to;
    return event;
  });
}

const ICLD_NOTE = "ICLD municipal partnership for democratic resilience";

type PartnershipSeed = Omit<z.input<typeof Partnership>, "stage" | "history"> & {
  history: Partnership["history"];
};

function partnership(seed: PartnershipSeed): Partnership {
  const last = seed.history.at(-1);
  return Partnership.parse({ ...seed, stage: last?.to ?? "interest" });
}

// ICLD pairs. Areas are as reported; the dates of the stages are ILLUSTRATIVE.
function icld(
  h: Hromada,
  p: Partner,
  areas: Partnership["areas"],
  description: string,
): Partnership {
  return partnership({
    id: `demo-${p.officialCode}-${h.names.aliases?.[1]?.toLowerCase().replace(/[^a-z]+/g, "-") ?? h.officialCode}`,
    hromadaId: h.id,
    partnerIds: [p.id],
    agreementType: "municipal-partnership",
    areas,
    funding: ["icld"],
    description,
    history: walk([
      ["interest", "2023-03-01"],
      ["contact", "2023-05-15"],
      ["letter-of-intent", "2023-09-01"],
      ["council-decision", "2023-11-15"],
      ["agreement-signed", "2024-01-20"],
      ["funded-project", "2024-03-01", ICLD_NOTE],
    ]),
  });
}

const PARTNERSHIPS: Partnership[] = [
  icld(
    KOLOMYIA,
    FALUN,
    ["water-sanitation", "waste"],
    "Technical services: water supply and waste management.",
  ),
  icld(CHORTKIV, KARLSKRONA, ["education"], "Education."),
  icld(SLAVUTA, LIDINGO, ["education"], "Education."),
  icld(
    TERNOPIL_CITY,
    RONNEBY,
    ["water-sanitation", "crisis-preparedness"],
    "Water management and crisis preparedness.",
  ),
  icld(
    KHERSON,
    UMEA,
    ["urban-planning", "gender-equality", "local-democracy"],
    "Urban planning: gender-equal planning and digital citizen participation.",
  ),
  icld(
    KALUSH,
    VAXJO,
    ["inclusive-leadership", "crisis-preparedness", "youth-culture", "public-administration"],
    "Inclusive leadership and governance: crisis preparedness, youth engagement and digital communication.",
  ),
  partnership({
    id: "demo-2460-slobozhanske",
    hromadaId: SLOBOZHANSKE.id,
    partnerIds: [VANNAS.id],
    agreementType: "letter-of-intent",
    areas: [],
    funding: [],
    signedOn: "2023-06-20",
    description:
      "Letter of intent signed on 20 June 2023 at a partnership conference in Stockholm with 11 Ukrainian and 11 Swedish municipalities.",
    history: walk([
      ["interest", "2023-05-01"], // ILLUSTRATIVE date
      ["contact", "2023-06-01"], // ILLUSTRATIVE date
      [
        "letter-of-intent",
        "2023-06-20",
        "Partnership conference in Stockholm, 11 + 11 municipalities",
      ],
    ]),
  }),
  partnership({
    id: "demo-4225-kryvyi-rih",
    hromadaId: KRYVYI_RIH.id,
    partnerIds: [LYNGDAL.id],
    agreementType: "solidarity-partnership",
    areas: [],
    funding: [],
    description: "Solidarity and partnership agreement.",
    // ILLUSTRATIVE dates: the reporting names the agreement, not the dates of its steps.
    history: walk([
      ["interest", "2022-09-01"],
      ["contact", "2022-10-01"],
      ["letter-of-intent", "2022-12-01"],
      ["council-decision", "2023-02-01"],
      ["agreement-signed", "2023-03-01", "Solidarity and partnership agreement"],
    ]),
  }),
  partnership({
    id: "demo-1080-chortkiv-twin-town",
    hromadaId: CHORTKIV.id,
    partnerIds: [KARLSKRONA.id],
    agreementType: "twin-town",
    areas: ["education"],
    funding: ["own-budget"],
    description:
      "Chortkiv approached Falun and Karlskrona in 2022; Karlskrona aims for a twin-town agreement.",
    // The year 2022 is reported; the days are ILLUSTRATIVE.
    history: walk([
      ["interest", "2022-05-01", "Chortkiv approached Falun and Karlskrona"],
      ["contact", "2022-09-01", "Karlskrona aims for a twin-town agreement"],
    ]),
  }),
];

// Needs: the first need of each hromada restates the reported partnership areas (in progress);
// the others are ILLUSTRATIVE.
function needs(h: Hromada, list: z.input<typeof Need>[]): [string, Need[]] {
  return [h.id, list.map((n) => Need.parse(n))];
}

const NEEDS: Record<string, Need[]> = Object.fromEntries([
  needs(KOLOMYIA, [
    {
      id: "demo-need-kolomyia-water",
      area: "water-sanitation",
      horizon: "long-term",
      priority: "high",
      status: "in-progress",
      description: "Modernise water supply as displaced people raised demand.",
    },
    {
      id: "demo-need-kolomyia-waste",
      area: "waste",
      horizon: "long-term",
      priority: "medium",
      status: "in-progress",
      description: "Sorting and collection of municipal waste.",
    },
    {
      id: "demo-need-kolomyia-integration",
      area: "displaced-integration",
      horizon: "short-term",
      priority: "medium",
      description: "Housing and jobs for displaced families.",
    },
  ]),
  needs(CHORTKIV, [
    {
      id: "demo-need-chortkiv-education",
      area: "education",
      horizon: "long-term",
      priority: "high",
      status: "in-progress",
      description: "Schools and kindergartens serving displaced pupils.",
    },
    {
      id: "demo-need-chortkiv-psychosocial",
      area: "psychosocial-support",
      horizon: "short-term",
      priority: "medium",
      description: "Support for children affected by the war.",
    },
  ]),
  needs(SLAVUTA, [
    {
      id: "demo-need-slavuta-education",
      area: "education",
      horizon: "long-term",
      priority: "high",
      status: "in-progress",
      description: "Inclusive education and teacher training.",
    },
    {
      id: "demo-need-slavuta-energy",
      area: "energy-heating",
      horizon: "short-term",
      priority: "high",
      description: "Back-up power for schools in winter.",
    },
  ]),
  needs(TERNOPIL_CITY, [
    {
      id: "demo-need-ternopil-water",
      area: "water-sanitation",
      horizon: "long-term",
      priority: "high",
      status: "in-progress",
      description: "Resilient water management.",
    },
    {
      id: "demo-need-ternopil-crisis",
      area: "crisis-preparedness",
      horizon: "short-term",
      priority: "critical",
      status: "in-progress",
      description: "Crisis preparedness for critical infrastructure.",
    },
  ]),
  needs(KHERSON, [
    {
      id: "demo-need-kherson-planning",
      area: "urban-planning",
      horizon: "long-term",
      priority: "high",
      status: "in-progress",
      description: "Gender-equal planning of the rebuilt city.",
    },
    {
      id: "demo-need-kherson-participation",
      area: "local-democracy",
      horizon: "long-term",
      priority: "medium",
      status: "in-progress",
      description: "Digital citizen participation.",
    },
    {
      id: "demo-need-kherson-gender",
      area: "gender-equality",
      horizon: "long-term",
      priority: "medium",
      status: "in-progress",
      description: "Gender-equal public spaces and services.",
    },
    {
      id: "demo-need-kherson-generators",
      area: "energy-heating",
      horizon: "short-term",
      priority: "critical",
      quantity: { amount: 20, unit: "generators" },
      description: "Generators for shelters and water pumping under shelling.",
    },
    {
      id: "demo-need-kherson-housing",
      area: "housing-reconstruction",
      horizon: "long-term",
      priority: "high",
      description: "Repair of damaged housing.",
    },
  ]),
  needs(KALUSH, [
    {
      id: "demo-need-kalush-leadership",
      area: "inclusive-leadership",
      horizon: "long-term",
      priority: "high",
      status: "in-progress",
      description: "Inclusive leadership and governance.",
    },
    {
      id: "demo-need-kalush-crisis",
      area: "crisis-preparedness",
      horizon: "short-term",
      priority: "high",
      status: "in-progress",
      description: "Crisis preparedness of the municipal administration.",
    },
    {
      id: "demo-need-kalush-youth",
      area: "youth-culture",
      horizon: "long-term",
      priority: "medium",
      status: "in-progress",
      description: "Youth engagement.",
    },
    {
      id: "demo-need-kalush-digital",
      area: "public-administration",
      horizon: "long-term",
      priority: "medium",
      status: "in-progress",
      description: "Digital communication with residents.",
    },
  ]),
  needs(SLOBOZHANSKE, [
    {
      id: "demo-need-slobozhanske-housing",
      area: "housing-reconstruction",
      horizon: "long-term",
      priority: "critical",
      description: "Repair of homes and public buildings damaged by shelling.",
    },
    {
      id: "demo-need-slobozhanske-energy",
      area: "energy-heating",
      horizon: "short-term",
      priority: "critical",
      quantity: { amount: 6, unit: "generators" },
      description: "Generators for the heating season.",
    },
    {
      id: "demo-need-slobozhanske-psychosocial",
      area: "psychosocial-support",
      horizon: "short-term",
      priority: "high",
      description: "Psychosocial support for residents.",
    },
  ]),
  needs(KRYVYI_RIH, [
    {
      id: "demo-need-kryvyi-rih-integration",
      area: "displaced-integration",
      horizon: "short-term",
      priority: "high",
      description: "Reception of displaced people from Kherson oblast.",
    },
    {
      id: "demo-need-kryvyi-rih-health",
      area: "health",
      horizon: "short-term",
      priority: "high",
      description: "Medical equipment for hospitals treating the injured.",
    },
    {
      id: "demo-need-kryvyi-rih-crisis",
      area: "crisis-preparedness",
      horizon: "short-term",
      priority: "high",
      description: "Civil protection after missile strikes.",
    },
  ]),
]);

// Offers: the first offer of each partner restates its reported partnership areas; the others
// are ILLUSTRATIVE.
function offers(p: Partner, list: z.input<typeof Offer>[]): [string, Offer[]] {
  return [p.id, list.map((o) => Offer.parse(o))];
}

const OFFERS: Record<string, Offer[]> = Object.fromEntries([
  offers(FALUN, [
    {
      id: "demo-offer-falun-water",
      area: "water-sanitation",
      experience: "expert",
      resources: ["expertise", "study-visits"],
      description: "Municipal water and sewerage company.",
    },
    {
      id: "demo-offer-falun-waste",
      area: "waste",
      experience: "experienced",
      resources: ["expertise", "staff-exchange"],
      description: "Waste sorting and recycling.",
    },
  ]),
  offers(KARLSKRONA, [
    {
      id: "demo-offer-karlskrona-education",
      area: "education",
      experience: "expert",
      resources: ["expertise", "staff-exchange", "study-visits"],
      description: "Schools and teacher exchange.",
    },
    {
      id: "demo-offer-karlskrona-crisis",
      area: "crisis-preparedness",
      experience: "experienced",
      resources: ["training"],
      description: "Civil defence in a naval city.",
    },
  ]),
  offers(LIDINGO, [
    {
      id: "demo-offer-lidingo-education",
      area: "education",
      experience: "expert",
      resources: ["expertise", "study-visits"],
      description: "Pre-school and school development.",
    },
  ]),
  offers(RONNEBY, [
    {
      id: "demo-offer-ronneby-water",
      area: "water-sanitation",
      experience: "expert",
      resources: ["expertise", "training"],
      description: "Water management.",
    },
    {
      id: "demo-offer-ronneby-crisis",
      area: "crisis-preparedness",
      experience: "experienced",
      resources: ["training", "study-visits"],
      description: "Crisis preparedness and total defence planning.",
    },
  ]),
  offers(UMEA, [
    {
      id: "demo-offer-umea-planning",
      area: "urban-planning",
      experience: "expert",
      resources: ["expertise", "study-visits"],
      description: "Gender-equal urban planning.",
    },
    {
      id: "demo-offer-umea-gender",
      area: "gender-equality",
      experience: "expert",
      resources: ["expertise", "training"],
      description: "Gender equality in municipal services.",
    },
    {
      id: "demo-offer-umea-participation",
      area: "local-democracy",
      experience: "experienced",
      resources: ["expertise"],
      description: "Digital citizen participation.",
    },
  ]),
  offers(VAXJO, [
    {
      id: "demo-offer-vaxjo-leadership",
      area: "inclusive-leadership",
      experience: "expert",
      resources: ["expertise", "training"],
      description: "Inclusive leadership and governance.",
    },
    {
      id: "demo-offer-vaxjo-crisis",
      area: "crisis-preparedness",
      experience: "experienced",
      resources: ["expertise", "training"],
      description: "Municipal crisis management.",
    },
    {
      id: "demo-offer-vaxjo-youth",
      area: "youth-culture",
      experience: "experienced",
      resources: ["staff-exchange", "volunteers"],
      description: "Youth councils and youth engagement.",
    },
    {
      id: "demo-offer-vaxjo-digital",
      area: "public-administration",
      experience: "experienced",
      resources: ["expertise"],
      description: "Digital communication with residents.",
    },
    {
      id: "demo-offer-vaxjo-climate",
      area: "environment-climate",
      experience: "expert",
      resources: ["expertise", "study-visits"],
      description: "Climate and energy planning.",
    },
  ]),
  offers(VANNAS, [
    {
      id: "demo-offer-vannas-social",
      area: "social-services",
      experience: "basic",
      resources: ["expertise", "volunteers"],
      description: "Social services in a small municipality.",
    },
    {
      id: "demo-offer-vannas-equipment",
      area: "energy-heating",
      experience: "basic",
      resources: ["equipment"],
      description: "Collected equipment for the heating season.",
    },
  ]),
  offers(LYNGDAL, [
    {
      id: "demo-offer-lyngdal-health",
      area: "health",
      experience: "basic",
      resources: ["equipment", "volunteers"],
      description: "Medical equipment and volunteers.",
    },
    {
      id: "demo-offer-lyngdal-integration",
      area: "displaced-integration",
      experience: "experienced",
      resources: ["expertise"],
      description: "Reception of Ukrainian refugees in Norway.",
    },
  ]),
]);

// Ties: the agreements the reporting names, recorded on both sides.
const TIES: Tie[] = [
  {
    id: "demo-tie-lyngdal-kryvyi-rih",
    municipalityId: LYNGDAL.id,
    foreignTown: "Kryvyi Rih",
    foreignCountry: "UA",
    type: "cooperation",
    decision: "Solidarity and partnership agreement",
    source: DEMO_SOURCE,
  },
  {
    id: "demo-tie-kryvyi-rih-lyngdal",
    municipalityId: KRYVYI_RIH.id,
    foreignTown: "Lyngdal",
    foreignCountry: "NO",
    type: "cooperation",
    decision: "Solidarity and partnership agreement",
    source: DEMO_SOURCE,
  },
  {
    id: "demo-tie-vannas-slobozhanske",
    municipalityId: VANNAS.id,
    foreignTown: "Slobozhanske",
    foreignCountry: "UA",
    type: "other",
    decisionDate: "2023-06-20",
    decision: "Letter of intent signed in Stockholm",
    source: DEMO_SOURCE,
  },
  {
    id: "demo-tie-slobozhanske-vannas",
    municipalityId: SLOBOZHANSKE.id,
    foreignTown: "Vännäs",
    foreignCountry: "SE",
    type: "other",
    decisionDate: "2023-06-20",
    decision: "Letter of intent signed in Stockholm",
    source: DEMO_SOURCE,
  },
].map((t) => Tie.parse(t));

/** The shape of the built-in demo: municipalities, needs and offers by municipality id, partnerships and ties. */
export interface DemoDataset {
  municipalities: Municipality[];
  needs: Record<string, Need[]>;
  offers: Record<string, Offer[]>;
  partnerships: Partnership[];
  ties: Tie[];
}

/**
 * A small built-in demo from public reporting: six ICLD "democratic resilience" pairs, the
 * Vännäs–Slobozhanske letter of intent, Lyngdal–Kryvyi Rih, and Chortkiv's approach to Karlskrona.
 * Ids follow `municipalityId`, so the demo merges with the reference catalogue by official code.
 * @example
 * const kherson = DEMO_DATASET.municipalities.find((m) => m.names.en === "Kherson urban hromada");
 */
export const DEMO_DATASET: DemoDataset = {
  municipalities: [
    KOLOMYIA,
    CHORTKIV,
    SLAVUTA,
    TERNOPIL_CITY,
    KHERSON,
    KALUSH,
    SLOBOZHANSKE,
    KRYVYI_RIH,
    FALUN,
    KARLSKRONA,
    LIDINGO,
    RONNEBY,
    UMEA,
    VAXJO,
    VANNAS,
    LYNGDAL,
  ],
  needs: NEEDS,
  offers: OFFERS,
  partnerships: PARTNERSHIPS,
  ties: TIES,
};
