import {
  type ContactPerson,
  effectiveSituation,
  type HandEdits,
  Municipality,
} from "@pobratym/core";
import { sql } from "drizzle-orm";
import { type Executor, rows } from "../../db/db";
import { canonicalJson } from "../../lib/canonical";
import { municipalitySearchKeys, municipalitySortName } from "./search-keys";

/** Where a row came from; kept on the row for support and audits. */
export type CatalogueSource = "demo" | "reference" | "questionnaire" | "manual";

/**
 * Fields the reference files own. A re-import refreshes these and keeps everything a coordinator
 * or editor added (status, preferences, languages, description, …).
 */
const REFERENCE_FIELDS = [
  "names",
  "region",
  "raion",
  "hromadaType",
  "population",
  "populationYear",
  "areaKm2",
  "centre",
  "situation",
] as const;

export interface UpsertCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

const CHUNK = 200;

function columns(m: Municipality, source: CatalogueSource, now: string) {
  // Contacts are personal data: they go to contact_persons, never into `data`.
  const { contacts: _contacts, ...data } = m;
  return sql`(${m.id}, ${m.kind}, ${m.country}, ${m.officialCode}, ${JSON.stringify(m.names)}::jsonb,
    ${municipalitySortName(m)}, ${municipalitySearchKeys(m)}, ${m.region.code}, ${m.region.name},
    ${m.region.iso ?? null}, ${m.kind === "hromada" ? (m.raion?.code ?? null) : null},
    ${m.population ?? null}::int, ${m.populationYear ?? null}::int, ${m.areaKm2 ?? null}::float8,
    ${m.centre?.lat ?? null}::float8, ${m.centre?.lon ?? null}::float8,
    ${m.kind === "hromada" ? m.situation.category : null}, ${m.kind === "partner" ? m.capacity : null}::int,
    ${m.status}, ${m.optOut}, ${source}, ${JSON.stringify(data)}::jsonb, ${now}::timestamptz, ${now}::timestamptz)`;
}

/**
 * Inserts or updates municipalities keyed by (country, official code), inside the caller's
 * transaction. With `mode: "reference"`, existing rows only take the reference-owned fields.
 * Rows whose stored entity would not change are left alone (their version stays).
 */
export async function upsertMunicipalities({
  tx,
  municipalities,
  source,
  now,
}: {
  tx: Executor;
  municipalities: readonly Municipality[];
  source: CatalogueSource;
  now: string;
}): Promise<UpsertCounts> {
  const counts: UpsertCounts = { inserted: 0, updated: 0, unchanged: 0 };
  const byKey = new Map(municipalities.map((m) => [`${m.country}:${m.officialCode}`, m]));
  const incoming = [...byKey.values()];
  const existing = new Map<string, Record<string, unknown>>();
  for (let i = 0; i < incoming.length; i += 1000) {
    const ids = incoming.slice(i, i + 1000).map((m) => m.id);
    const found = await rows<{ id: string; data: Record<string, unknown> }>(
      tx,
      sql`SELECT id, data FROM municipalities WHERE id = ANY(${sql.param(ids)}::text[])`,
    );
    for (const r of found) existing.set(r.id, r.data);
  }
  const writes: Municipality[] = [];
  for (const m of incoming) {
    const before = existing.get(m.id);
    if (!before) {
      writes.push(m);
      counts.inserted++;
      continue;
    }
    let next: Municipality;
    if (source === "reference") {
      const refreshed: Record<string, unknown> = { ...before };
      for (const field of REFERENCE_FIELDS) {
        const value = (m as Record<string, unknown>)[field];
        if (value === undefined) delete refreshed[field];
        else refreshed[field] = value;
      }
      // The files own the reference situation; what people entered (a displaced count, a newer
      // dated correction) is kept and re-applied on top of it.
      if (m.kind === "hromada") {
        const { situation, referenceSituation } = effectiveSituation(
          m.situation,
          before.handEdits as HandEdits | undefined,
        );
        refreshed.situation = situation;
        if (referenceSituation) refreshed.referenceSituation = referenceSituation;
        else delete refreshed.referenceSituation;
      }
      next = Municipality.parse({ ...refreshed, contacts: [] });
    } else {
      next = m;
    }
    const { contacts: _c, ...comparable } = next;
    if (canonicalJson(comparable) === canonicalJson(before)) {
      counts.unchanged++;
      continue;
    }
    writes.push(next);
    counts.updated++;
  }
  for (let i = 0; i < writes.length; i += CHUNK) {
    const chunk = writes.slice(i, i + CHUNK);
    await tx.execute(sql`INSERT INTO municipalities (id, kind, country, official_code, names, sort_name,
        search_keys, region_code, region_name, region_iso, raion_code, population, population_year,
        area_km2, centre_lat, centre_lon, situation, capacity, status, opt_out, source, data,
        created_at, updated_at)
      VALUES ${sql.join(
        chunk.map((m) => columns(m, source, now)),
        sql`, `,
      )}
      ON CONFLICT (country, official_code) DO UPDATE SET
        kind = EXCLUDED.kind, names = EXCLUDED.names, sort_name = EXCLUDED.sort_name,
        search_keys = EXCLUDED.search_keys, region_code = EXCLUDED.region_code,
        region_name = EXCLUDED.region_name, region_iso = EXCLUDED.region_iso,
        raion_code = EXCLUDED.raion_code, population = EXCLUDED.population,
        population_year = EXCLUDED.population_year, area_km2 = EXCLUDED.area_km2,
        centre_lat = EXCLUDED.centre_lat, centre_lon = EXCLUDED.centre_lon,
        situation = EXCLUDED.situation, capacity = EXCLUDED.capacity, status = EXCLUDED.status,
        opt_out = EXCLUDED.opt_out, data = EXCLUDED.data,
        version = municipalities.version + 1, updated_at = EXCLUDED.updated_at`);
  }
  const contacts = incoming.flatMap((m) =>
    m.contacts.map((c, i) => ({ municipalityId: m.id, index: i, contact: c })),
  );
  await insertContacts({ tx, contacts, now });
  return counts;
}

/** Adds contact persons that are not there yet (keyed by id; generated ids are stable per position). */
async function insertContacts({
  tx,
  contacts,
  now,
}: {
  tx: Executor;
  contacts: { municipalityId: string; index: number; contact: ContactPerson }[];
  now: string;
}): Promise<void> {
  for (let i = 0; i < contacts.length; i += CHUNK) {
    const chunk = contacts.slice(i, i + CHUNK);
    await tx.execute(sql`INSERT INTO contact_persons (id, municipality_id, name, role, email, phone, languages, created_at, updated_at)
      VALUES ${sql.join(
        chunk.map(
          ({ municipalityId, index, contact: c }) =>
            sql`(${c.id ?? `${municipalityId}-contact-${index + 1}`}, ${municipalityId}, ${c.name}, ${c.role ?? null},
              ${c.email ?? null}, ${c.phone ?? null}, ${sql.param(c.languages)}::text[], ${now}::timestamptz, ${now}::timestamptz)`,
        ),
        sql`, `,
      )}
      ON CONFLICT (id) DO NOTHING`);
  }
}
