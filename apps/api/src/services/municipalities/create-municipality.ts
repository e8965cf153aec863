import {
  type CreateMunicipalityInput,
  Municipality,
  municipalityId,
  type PublicMunicipality,
} from "@pobratym/core";
import { type SQL, sql } from "drizzle-orm";
import { rows } from "../../db/db";
import { ConflictError, ValidationError } from "../../errors";
import { writeAudit } from "../audit/write-audit";
import { municipalitySearchKeys, municipalitySortName } from "../catalogue/search-keys";
import { requireActor, type ServiceContext, type Tx, withTransaction } from "../context";

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
  ctx,
  municipality,
  source,
}: {
  tx: Tx;
  ctx: ServiceContext;
  municipality: StoredMunicipality;
  source: "manual" | "questionnaire";
}): Promise<{ version: number }> {
  const at = ctx.now.toISOString();
  const [row] = await rows<{ version: number }>(
    tx,
    sql`INSERT INTO municipalities (id, ${MUNICIPALITY_COLUMNS}, source, created_at, updated_at)
        VALUES (${municipality.id}, ${municipalityColumnValues(municipality)}, ${source}, ${at}::timestamptz, ${at}::timestamptz)
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
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: CreateMunicipalityInput;
}): Promise<{ municipality: StoredMunicipality; version: number }> {
  requireActor(ctx, "coordinator");
  const municipality = parseMunicipality({
    ...input,
    id: municipalityId(input.country, input.officialCode),
  });
  return withTransaction(ctx, async (tx) => {
    const { version } = await insertMunicipality({ tx, ctx, municipality, source: "manual" });
    await writeAudit({
      tx,
      ctx,
      entityType: "municipality",
      entityId: municipality.id,
      action: "create",
      after: municipality,
    });
    return { municipality, version };
  });
}
