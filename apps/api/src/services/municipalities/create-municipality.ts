import {
  type CreateMunicipalityInput,
  Municipality,
  municipalityId,
  type PublicMunicipality,
} from "@pobratym/core";
import { type SQL, sql } from "drizzle-orm";
import { type Executor, type Orm, rows } from "../../db/db";
import { ConflictError, ValidationError } from "../../errors";
import { municipalitySearchKeys, municipalitySortName } from "../catalogue/search-keys";
import { writeAudit } from "../catalogue/write-audit";

/** A municipality as stored in `data`: the entity without its contacts (personal data lives apart). */
export type StoredMunicipality = PublicMunicipality;

/** The filterable columns derived from a municipality, in the order `MUNICIPALITY_COLUMNS` lists them. */
export function municipalityColumnValues(m: StoredMunicipality): SQL {
  return sql`${m.kind}, ${m.country}, ${m.officialCode}, ${JSON.stringify(m.names)}::jsonb,
    ${municipalitySortName(m)}, ${municipalitySearchKeys(m)}, ${m.region.code}, ${m.region.name},
    ${m.region.iso ?? null}, ${m.kind === "hromada" ? (m.raion?.code ?? null) : null},
    ${m.population ?? null}::int, ${m.populationYear ?? null}::int, ${m.areaKm2 ?? null}::float8,
    ${m.centre?.lat ?? null}::float8, ${m.centre?.lon ?? null}::float8,
    ${m.kind === "hromada" ? m.situation.category : null}, ${m.kind === "partner" ? m.capacity : null}::int,
    ${m.status}, ${m.optOut}, ${JSON.stringify(m)}::jsonb`;
}

/** The column list matching `municipalityColumnValues`. */
export const MUNICIPALITY_COLUMNS =
  sql.raw(`kind, country, official_code, names, sort_name, search_keys,
  region_code, region_name, region_iso, raion_code, population, population_year, area_km2,
  centre_lat, centre_lon, situation, capacity, status, opt_out, data`);

/** Validates a full municipality; failures become a 400 listing the fields. */
export function parseMunicipality(value: unknown): StoredMunicipality {
  const parsed = Municipality.safeParse(value);
  if (!parsed.success) throw ValidationError.fromZod(parsed.error);
  const { contacts: _contacts, ...stored } = parsed.data;
  return stored;
}

/** Inserts a municipality row inside the caller's transaction; 409 when its id exists. */
export async function insertMunicipality({
  tx,
  municipality,
  source,
  now,
}: {
  tx: Executor;
  municipality: StoredMunicipality;
  source: "manual" | "questionnaire";
  now: string;
}): Promise<{ version: number }> {
  const [row] = await rows<{ version: number }>(
    tx,
    sql`INSERT INTO municipalities (id, ${MUNICIPALITY_COLUMNS}, source, created_at, updated_at)
        VALUES (${municipality.id}, ${municipalityColumnValues(municipality)}, ${source}, ${now}::timestamptz, ${now}::timestamptz)
        ON CONFLICT DO NOTHING
        RETURNING version`,
  );
  if (!row) throw new ConflictError(`Municipality "${municipality.id}" already exists.`);
  return row;
}

/**
 * Creates a municipality (coordinators). The id follows from country and official code, as for
 * imported rows, so a later reference import updates it instead of duplicating it.
 */
export async function createMunicipality({
  db,
  input,
  actor,
  now,
  requestId,
}: {
  db: Orm;
  input: CreateMunicipalityInput;
  actor: { id: string | null; label: string };
  now: string;
  requestId: string;
}): Promise<{ municipality: StoredMunicipality; version: number }> {
  const municipality = parseMunicipality({
    ...input,
    id: municipalityId(input.country, input.officialCode),
  });
  return db.transaction(async (tx) => {
    const { version } = await insertMunicipality({ tx, municipality, source: "manual", now });
    await writeAudit({
      tx,
      at: now,
      actor,
      entityType: "municipality",
      entityId: municipality.id,
      action: "create",
      after: municipality,
      requestId,
    });
    return { municipality, version };
  });
}
