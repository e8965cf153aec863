// Test fixtures for matching: partner municipalities with spare capacity and offers, and open
// needs. They write straight to the tables (as an import would), so callers must invalidate the
// matching cache (`invalidateMatching`) when a cached catalogue may already be loaded.
import {
  type CooperationAreaCode,
  type ExperienceLevel,
  Municipality,
  municipalityId,
  Need,
  Offer,
} from "@pobratym/core";
import type { Db } from "../../db/db";
import { TEST_NOW } from "../../test/test-app";
import { insertNeeds, insertOffers } from "../catalogue/insert-activity";
import { upsertMunicipalities } from "../catalogue/upsert-municipalities";

let sequence = 0;

/** Inserts a published Swedish partner with the given capacity and offers; returns its id. */
export async function addPartner(
  db: Db,
  opts: {
    name?: string;
    capacity?: number;
    population?: number;
    offers?: { area: CooperationAreaCode; experience?: ExperienceLevel }[];
  } = {},
): Promise<string> {
  sequence += 1;
  const code = String(9000 + ((process.pid + sequence * 7) % 999)).padStart(4, "0");
  const officialCode = `${code}`;
  const id = municipalityId("SE", `${officialCode}`);
  const m = Municipality.parse({
    id,
    kind: "partner",
    country: "SE",
    officialCode,
    names: { local: opts.name ?? `Testkommun ${sequence}` },
    region: { code: "01", name: "Stockholms län", iso: "SE-AB" },
    population: opts.population ?? 60_000,
    capacity: opts.capacity ?? 3,
    workingLanguages: ["sv", "en"],
  });
  const now = TEST_NOW.toISOString();
  await upsertMunicipalities({ tx: db.orm, municipalities: [m], source: "manual", now });
  const offers = (opts.offers ?? []).map((o, i) =>
    Offer.parse({ id: `offer-${id}-${i}`, area: o.area, experience: o.experience ?? "expert" }),
  );
  await insertOffers({ tx: db.orm, offers: { [id]: offers }, now });
  return id;
}

/** Adds an open need to a municipality. */
export async function addNeed(
  db: Db,
  municipality: string,
  area: CooperationAreaCode,
  priority: Need["priority"] = "high",
): Promise<string> {
  sequence += 1;
  const need = Need.parse({
    id: `need-test-${sequence}-${process.pid}`,
    area,
    horizon: "short-term",
    priority,
    status: "open",
  });
  await insertNeeds({ tx: db.orm, needs: { [municipality]: [need] }, now: TEST_NOW.toISOString() });
  return need.id;
}
