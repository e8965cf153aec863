// Needs and offers are the same kind of thing to store: small versioned items under one
// municipality, of one municipality kind. This module holds the shared reads and writes;
// needs/*.ts and offers/*.ts bind it to their table.
import { Need, Offer } from "@pobratym/core";
import { type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import { type Executor, rows } from "../../db/db";
import { ConflictError, NotFoundError, ValidationError } from "../../errors";
import { StaleVersionError } from "../../lib/if-match";
import { writeAudit } from "../audit/write-audit";
import { assertCanEditMunicipality } from "../auth/actor";
import { type ServiceContext, withTransaction } from "../context";

/** How one item type is stored. */
export interface ItemKind<T extends { id: string }> {
  table: "needs" | "offers";
  entity: "need" | "offer";
  /** The municipality kinds that may have these items. */
  owners: readonly ("hromada" | "partner")[];
  schema: z.ZodType<T>;
  /** The filter columns besides id, municipality_id, data and version. */
  columns: SQL;
  values(item: T): SQL;
}

export const NEED_KIND: ItemKind<Need> = {
  table: "needs",
  entity: "need",
  owners: ["hromada"],
  schema: Need,
  columns: sql.raw("area, horizon, priority, status"),
  values: (n) => sql`${n.area}, ${n.horizon}, ${n.priority}, ${n.status}`,
};

export const OFFER_KIND: ItemKind<Offer> = {
  table: "offers",
  entity: "offer",
  // Both ways: partners offer support, and hromadas offer what they learned under war (crisis
  // management, civil defence, services through blackouts). A hromada's offers only inform its
  // partners ("what you can learn from them"); they never make it a partner in a round.
  owners: ["hromada", "partner"],
  schema: Offer,
  columns: sql.raw("area, experience"),
  values: (o) => sql`${o.area}, ${o.experience}`,
};

/** At most this many needs (or offers) per municipality, so one account cannot flood the catalogue. */
export const MAX_ITEMS = 200;

export type Versioned<T> = T & { version: number };

function parseItem<T extends { id: string }>(kind: ItemKind<T>, value: unknown): T {
  const parsed = kind.schema.safeParse(value);
  if (!parsed.success) throw ValidationError.fromZod(parsed.error);
  return parsed.data;
}

// With `lock`, creates for one municipality queue on its row (FOR NO KEY UPDATE conflicts with
// itself, unlike FOR SHARE), so each one counts the items the one before it committed and the
// MAX_ITEMS check cannot be passed by creates running side by side.
async function ownerOf(tx: Executor, municipalityId: string, lock: boolean) {
  const [m] = await rows<{ kind: "hromada" | "partner"; status: string }>(
    tx,
    lock
      ? sql`SELECT kind, status FROM municipalities WHERE id = ${municipalityId} FOR NO KEY UPDATE`
      : sql`SELECT kind, status FROM municipalities WHERE id = ${municipalityId}`,
  );
  return m;
}

/** The items of a municipality, oldest first. Drafts are visible only to those who may edit them. */
export async function listItems<T extends { id: string }>({
  ctx,
  kind,
  municipalityId,
  canSeeDrafts,
}: {
  ctx: ServiceContext;
  kind: ItemKind<T>;
  municipalityId: string;
  canSeeDrafts: boolean;
}): Promise<Versioned<T>[]> {
  const db = ctx.db.orm;
  const owner = await ownerOf(db, municipalityId, false);
  if (!owner || (owner.status !== "published" && !canSeeDrafts))
    throw new NotFoundError("municipality", municipalityId);
  const found = await rows<{ data: T; version: number }>(
    db,
    sql`SELECT data, version FROM ${sql.raw(kind.table)} WHERE municipality_id = ${municipalityId} ORDER BY created_at, id`,
  );
  return found.map((r) => ({ ...r.data, version: r.version }));
}

/** Adds an item; 409 when the municipality may not have this kind of item or already has MAX_ITEMS. */
export async function createItem<T extends { id: string }>({
  ctx,
  kind,
  municipalityId,
  input,
}: {
  ctx: ServiceContext;
  kind: ItemKind<T>;
  municipalityId: string;
  input: Omit<T, "id">;
}): Promise<Versioned<T>> {
  assertCanEditMunicipality(ctx.actor, municipalityId);
  const at = ctx.now.toISOString();
  const item = parseItem(kind, { ...input, id: `${kind.entity}-${crypto.randomUUID()}` });
  return withTransaction(ctx, async (tx) => {
    const owner = await ownerOf(tx, municipalityId, true);
    if (!owner) throw new NotFoundError("municipality", municipalityId);
    if (!kind.owners.includes(owner.kind))
      throw new ConflictError(`A ${owner.kind} has offers, not ${kind.table}.`);
    const [count] = await rows<{ n: number }>(
      tx,
      sql`SELECT count(*)::int AS n FROM ${sql.raw(kind.table)} WHERE municipality_id = ${municipalityId}`,
    );
    if ((count?.n ?? 0) >= MAX_ITEMS)
      throw new ConflictError(`A municipality can have at most ${MAX_ITEMS} ${kind.table}.`);
    await tx.execute(sql`INSERT INTO ${sql.raw(kind.table)} (id, municipality_id, ${kind.columns}, data, version, created_at, updated_at)
      VALUES (${item.id}, ${municipalityId}, ${kind.values(item)}, ${JSON.stringify(item)}::jsonb, 1, ${at}::timestamptz, ${at}::timestamptz)`);
    await writeAudit({
      tx,
      ctx,
      entityType: kind.entity,
      entityId: item.id,
      action: "create",
      after: { municipalityId, ...item },
    });
    return { ...item, version: 1 };
  });
}

async function lockItem<T extends { id: string }>(
  tx: Executor,
  kind: ItemKind<T>,
  municipalityId: string,
  itemId: string,
  expectedVersion: number,
): Promise<{ data: T; version: number }> {
  const [current] = await rows<{ data: T; version: number }>(
    tx,
    sql`SELECT data, version FROM ${sql.raw(kind.table)} WHERE id = ${itemId} AND municipality_id = ${municipalityId} FOR UPDATE`,
  );
  if (!current) throw new NotFoundError(kind.entity, itemId);
  if (current.version !== expectedVersion) throw new StaleVersionError(current.version);
  return current;
}

/** Changes an item at `expectedVersion` (412 otherwise); `null` in the patch removes a field. */
export async function updateItem<T extends { id: string }>({
  ctx,
  kind,
  municipalityId,
  itemId,
  patch,
  expectedVersion,
}: {
  ctx: ServiceContext;
  kind: ItemKind<T>;
  municipalityId: string;
  itemId: string;
  patch: Record<string, unknown>;
  expectedVersion: number;
}): Promise<Versioned<T>> {
  assertCanEditMunicipality(ctx.actor, municipalityId);
  return withTransaction(ctx, async (tx) => {
    const current = await lockItem(tx, kind, municipalityId, itemId, expectedVersion);
    const merged: Record<string, unknown> = { ...current.data };
    for (const [key, value] of Object.entries(patch)) {
      if (value === null) delete merged[key];
      else if (value !== undefined) merged[key] = value;
    }
    const next = parseItem(kind, { ...merged, id: itemId });
    const version = current.version + 1;
    await tx.execute(sql`UPDATE ${sql.raw(kind.table)} SET (${kind.columns}, data) = (${kind.values(next)}, ${JSON.stringify(next)}::jsonb),
        version = ${version}, updated_at = ${ctx.now.toISOString()}::timestamptz
      WHERE id = ${itemId}`);
    await writeAudit({
      tx,
      ctx,
      entityType: kind.entity,
      entityId: itemId,
      action: "update",
      before: current.data,
      after: next,
    });
    return { ...next, version };
  });
}

/** Deletes an item at `expectedVersion` (412 otherwise). */
export async function deleteItem<T extends { id: string }>({
  ctx,
  kind,
  municipalityId,
  itemId,
  expectedVersion,
}: {
  ctx: ServiceContext;
  kind: ItemKind<T>;
  municipalityId: string;
  itemId: string;
  expectedVersion: number;
}): Promise<void> {
  assertCanEditMunicipality(ctx.actor, municipalityId);
  await withTransaction(ctx, async (tx) => {
    const current = await lockItem(tx, kind, municipalityId, itemId, expectedVersion);
    await tx.execute(sql`DELETE FROM ${sql.raw(kind.table)} WHERE id = ${itemId}`);
    await writeAudit({
      tx,
      ctx,
      entityType: kind.entity,
      entityId: itemId,
      action: "delete",
      before: current.data,
    });
  });
}
