import type { MunicipalityProfile, MunicipalitySummary } from "@pobratym/core";

// A tiny made-up demo catalogue for the stand-in API (not reference data). Used only when the
// real API build (apps/api/dist/node.js) is not there.

type Profile = MunicipalityProfile;

const hromada = (
  id: string,
  names: MunicipalitySummary["names"],
  region: MunicipalitySummary["region"],
  population: number,
  centre: { lat: number; lon: number },
  situation: "occupied" | "frontline" | "deoccupied" | "rear",
): Profile => ({
  municipality: {
    id,
    kind: "hromada",
    country: "UA",
    officialCode: id.slice(3),
    names,
    region,
    population,
    populationYear: 2022,
    centre,
    status: "published",
    workingLanguages: ["uk", "en"],
    optOut: false,
    excludedIds: [],
    hromadaType: "urban",
    situation: { category: situation, occupiedBefore2022: false, asOf: "2025-02-28" },
    internationalExperience: false,
    preferences: { countries: [] },
  },
  needs: [],
  offers: [],
  ties: [],
  partnerships: [],
  version: 1,
});

const kherson = hromada(
  "ua-UA65100150000054756",
  { local: "Херсонська", uk: "Херсонська", latin: "Khersonska", en: "Kherson" },
  { code: "UA65000000000030969", name: "Херсонська", nameLatin: "Khersonska", iso: "UA-65" },
  279131,
  { lat: 46.6354, lon: 32.6169 },
  "frontline",
);
kherson.needs = [
  {
    id: "n1",
    area: "energy-heating",
    horizon: "short-term",
    priority: "critical",
    quantity: { amount: 12, unit: "generators" },
    description: "Generators for schools",
    status: "open",
  },
  {
    id: "n2",
    area: "water-sanitation",
    horizon: "long-term",
    priority: "high",
    description: "Rebuild the water treatment plant",
    status: "open",
  },
];
kherson.ties = [
  {
    id: "t1",
    municipalityId: kherson.municipality.id,
    foreignTown: "Kaliningrad",
    foreignCountry: "RU",
    type: "twin-town",
    status: "active",
    since: 2002,
  },
  {
    id: "t2",
    municipalityId: kherson.municipality.id,
    foreignTown: "Zalaegerszeg",
    foreignCountry: "HU",
    type: "twin-town",
    status: "active",
    since: 1997,
  },
];

const kryvyiRih = hromada(
  "ua-UA12060190000043514",
  { local: "Криворізька", uk: "Криворізька", latin: "Kryvorizka", en: "Kryvyi Rih" },
  {
    code: "UA12000000000090473",
    name: "Дніпропетровська",
    nameLatin: "Dnipropetrovska",
    iso: "UA-12",
  },
  603904,
  { lat: 47.9105, lon: 33.3918 },
  "rear",
);
const kharkiv = hromada(
  "ua-UA63120270000025386",
  { local: "Харківська", uk: "Харківська", latin: "Kharkivska", en: "Kharkiv" },
  { code: "UA63000000000041885", name: "Харківська", nameLatin: "Kharkivska", iso: "UA-63" },
  1421125,
  { lat: 49.9935, lon: 36.2304 },
  "frontline",
);
const lviv = hromada(
  "ua-UA46060250000025047",
  { local: "Львівська", uk: "Львівська", latin: "Lvivska", en: "Lviv" },
  { code: "UA46000000000026241", name: "Львівська", nameLatin: "Lvivska", iso: "UA-46" },
  717273,
  { lat: 49.8397, lon: 24.0297 },
  "rear",
);

const partner = (
  id: string,
  country: "SE" | "NO",
  names: MunicipalitySummary["names"],
  region: MunicipalitySummary["region"],
  population: number,
  centre: { lat: number; lon: number },
): Profile => ({
  municipality: {
    id,
    kind: "partner",
    country,
    officialCode: id.slice(3),
    names,
    region,
    population,
    populationYear: 2024,
    centre,
    status: "published",
    workingLanguages: ["en"],
    optOut: false,
    excludedIds: [],
    capacity: 1,
    politicalDecision: true,
    preferences: { regions: [], situations: [] },
  },
  needs: [],
  offers: [
    {
      id: "o1",
      area: "water-sanitation",
      experience: "expert",
      resources: ["expertise", "study-visits"],
      description: "",
    },
  ],
  ties: [],
  partnerships: [],
  version: 1,
});

const vaxjo = partner(
  "se-0780",
  "SE",
  { local: "Växjö", uk: "Векшьо" },
  { code: "07", name: "Kronobergs län", iso: "SE-G" },
  97_000,
  { lat: 56.879, lon: 14.806 },
);
const tromso = partner(
  "no-5501",
  "NO",
  { local: "Tromsø", uk: "Тромсе" },
  { code: "55", name: "Troms", iso: "NO-55" },
  78_000,
  { lat: 69.649, lon: 18.956 },
);

const partnership = {
  id: "p1",
  hromadaId: kherson.municipality.id,
  partnerIds: [vaxjo.municipality.id],
  agreementType: "municipal-partnership" as const,
  areas: ["water-sanitation" as const],
  funding: ["icld" as const],
  stage: "letter-of-intent" as const,
  history: [],
};
kherson.partnerships = [partnership];
vaxjo.partnerships = [partnership];

/** The stand-in catalogue. */
export const STUB_PROFILES: readonly Profile[] = [kherson, kryvyiRih, kharkiv, lviv, vaxjo, tromso];

/** The list view of a stub profile, as the API would return it. */
export function toSummary(p: Profile): MunicipalitySummary {
  const m = p.municipality;
  return {
    id: m.id,
    kind: m.kind,
    country: m.country,
    officialCode: m.officialCode,
    names: m.names,
    region: m.region,
    ...(m.population !== undefined ? { population: m.population } : {}),
    ...(m.populationYear !== undefined ? { populationYear: m.populationYear } : {}),
    ...(m.centre ? { centre: m.centre } : {}),
    ...(m.kind === "hromada" ? { situation: m.situation.category } : { capacity: m.capacity }),
    partnershipCount: p.partnerships.length,
    areas: [...new Set([...p.needs.map((n) => n.area), ...p.offers.map((o) => o.area)])],
    status: "published",
  };
}
