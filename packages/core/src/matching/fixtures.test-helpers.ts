// Small fixture builders for matching tests. Not exported from index.ts.

import fc from "fast-check";
import type { Hromada, Partner } from "../model/municipality";
import type { Need, NeedPriority } from "../model/need";
import type { ExperienceLevel, Offer } from "../model/offer";
import type { Tie } from "../model/tie";
import type { CooperationAreaCode } from "../taxonomy/cooperation-areas";
import { COOPERATION_AREAS } from "../taxonomy/cooperation-areas";
import type { HromadaProfile, PartnerProfile } from "./profiles";

type HromadaOverrides = Partial<Omit<Hromada, "kind" | "country" | "situation">> & {
  situation?: Partial<Hromada["situation"]>;
};
type PartnerOverrides = Partial<Omit<Partner, "kind">>;

/** A need in one area, open by default. */
export function need(
  area: CooperationAreaCode,
  priority: NeedPriority = "medium",
  status: Need["status"] = "open",
): Need {
  return {
    id: `need-${area}-${priority}`,
    area,
    horizon: "long-term",
    priority,
    description: "",
    status,
  };
}

/** An offer in one area. */
export function offer(
  area: CooperationAreaCode,
  experience: ExperienceLevel = "experienced",
): Offer {
  return { id: `offer-${area}`, area, experience, resources: ["expertise"], description: "" };
}

/** A tie with a foreign town. */
export function tie(foreignCountry: string, status: Tie["status"] = "active"): Tie {
  return {
    id: `tie-${foreignCountry}-${status}`,
    municipalityId: "x",
    foreignTown: `Town ${foreignCountry}`,
    foreignCountry,
    type: "twin-town",
    status,
  };
}

/** A hromada profile; by default a rear hromada of 20,000 in Lviv oblast with no needs. */
export function hromada(
  id: string,
  opts: HromadaOverrides & { needs?: Need[]; partnershipCount?: number } = {},
): HromadaProfile {
  const { needs = [], partnershipCount = 0, situation, ...m } = opts;
  return {
    municipality: {
      id,
      kind: "hromada",
      country: "UA",
      officialCode: "UA46060250000075284",
      names: { local: id },
      region: { code: "UA46000000000026241", name: "Львівська", iso: "UA-46" },
      population: 20_000,
      status: "published",
      workingLanguages: [],
      contacts: [],
      optOut: false,
      excludedIds: [],
      internationalExperience: false,
      preferences: { countries: [] },
      ...m,
      situation: { category: "rear", occupiedBefore2022: false, ...situation },
    },
    needs,
    partnershipCount,
  };
}

/** A partner profile; by default a Swedish municipality of 20,000 with capacity 1 and no offers. */
export function partner(
  id: string,
  opts: PartnerOverrides & { offers?: Offer[]; ties?: Tie[]; partnershipCount?: number } = {},
): PartnerProfile {
  const { offers = [], ties = [], partnershipCount = 0, ...m } = opts;
  return {
    municipality: {
      id,
      kind: "partner",
      country: "SE",
      officialCode: "0114",
      names: { local: id },
      region: { code: "01", name: "Stockholms län" },
      population: 20_000,
      status: "published",
      workingLanguages: ["sv", "en"],
      contacts: [],
      optOut: false,
      excludedIds: [],
      capacity: 1,
      politicalDecision: true,
      preferences: { regions: [], situations: [] },
      ...m,
    },
    offers,
    ties,
    partnershipCount,
  };
}

/** A frontline hromada in Kherson oblast needing water (critical) and administration (high). */
export const warZoneHromada = hromada("ua-frontline-water", {
  population: 25_000,
  region: { code: "UA65000000000030969", name: "Херсонська", iso: "UA-65" },
  situation: { category: "frontline" },
  needs: [need("water-sanitation", "critical"), need("public-administration", "high")],
});

/** A rear hromada in Lviv oblast hosting 20,000 displaced people, needing integration and psychosocial support. */
export const hostingHromada = hromada("ua-rear-hosting", {
  population: 80_000,
  workingLanguages: ["uk", "en"],
  situation: { category: "rear", displacedHosted: 20_000 },
  needs: [
    need("displaced-integration", "critical"),
    need("psychosocial-support", "high"),
    need("education", "low"),
  ],
});

/** A small Norwegian municipality offering refugee integration and psychosocial support. */
export const norwegianIntegrator = partner("no-small-integration", {
  country: "NO",
  officialCode: "4216",
  population: 6_000,
  workingLanguages: ["nb", "en"],
  offers: [offer("displaced-integration", "expert"), offer("psychosocial-support", "experienced")],
});

/** A Swedish municipality of 30,000 with a water utility and a digital administration. */
export const swedishWaterWorks = partner("se-water-admin", {
  population: 30_000,
  workingLanguages: ["sv"],
  offers: [offer("water-sanitation", "expert"), offer("public-administration", "experienced")],
});

// ------------------------------------------------------------------------------------------
// Random profiles for invariants
// ------------------------------------------------------------------------------------------
const areaCodes = COOPERATION_AREAS.map((a) => a.code) as CooperationAreaCode[];
const arbArea = fc.constantFrom(...areaCodes);
/** Random hromada profiles over a few ids, for property tests. */
export const arbHromada = fc
  .record({
    id: fc.constantFrom("h1", "h2", "h3"),
    population: fc.option(fc.integer({ min: 0, max: 3_000_000 }), { nil: undefined }),
    category: fc.constantFrom("occupied", "frontline", "deoccupied", "rear" as const),
    displaced: fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: undefined }),
    langs: fc.subarray(["uk", "en", "pl", "xx"]),
    countries: fc.subarray(["SE", "NO", "DE"]),
    needs: fc.array(
      fc.tuple(
        arbArea,
        fc.constantFrom("low", "medium", "high", "critical" as const),
        fc.constantFrom("open", "met" as const),
      ),
      { maxLength: 6 },
    ),
    partnershipCount: fc.integer({ min: 0, max: 3 }),
    experienced: fc.boolean(),
    excluded: fc.subarray(["p1", "p2"]),
  })
  .map((r) =>
    hromada(r.id, {
      population: r.population,
      situation: { category: r.category, displacedHosted: r.displaced },
      workingLanguages: r.langs,
      preferences: { countries: r.countries },
      needs: r.needs.map(([a, p, s]) => need(a, p, s)),
      partnershipCount: r.partnershipCount,
      internationalExperience: r.experienced,
      excludedIds: r.excluded,
    }),
  );
/** Random partner profiles over a few ids, for property tests. */
export const arbPartner = fc
  .record({
    id: fc.constantFrom("p1", "p2", "p3"),
    country: fc.constantFrom("SE", "NO", "DE"),
    population: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: undefined }),
    langs: fc.subarray(["sv", "nb", "en", "uk", "xx"]),
    offers: fc.array(
      fc.tuple(arbArea, fc.constantFrom("basic", "experienced", "expert" as const)),
      { maxLength: 6 },
    ),
    capacity: fc.integer({ min: 0, max: 3 }),
    regions: fc.subarray(["UA-46", "UA-65", "UA-30"]),
    situations: fc.subarray(["rear", "frontline"] as const),
    size: fc.option(
      fc.record({
        min: fc.integer({ min: 0, max: 20_000 }),
        max: fc.integer({ min: 20_000, max: 200_000 }),
      }),
      { nil: undefined },
    ),
    ties: fc.array(
      fc.tuple(
        fc.constantFrom("RU", "BY", "FI"),
        fc.constantFrom("active", "frozen", "under-review" as const),
      ),
      { maxLength: 2 },
    ),
  })
  .map((r) =>
    partner(r.id, {
      country: r.country,
      population: r.population,
      workingLanguages: r.langs,
      offers: r.offers.map(([a, e]) => offer(a, e)),
      capacity: r.capacity,
      preferences: {
        regions: r.regions,
        situations: [...r.situations],
        ...(r.size ? { size: r.size } : {}),
      },
      ties: r.ties.map(([c, s]) => tie(c, s)),
    }),
  );
