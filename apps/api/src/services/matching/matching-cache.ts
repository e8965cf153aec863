import {
  compileScorer,
  type MatchingPolicy,
  type PartnerBatch,
  type PreparedHromada,
  type PreparedPartner,
  type Scorer,
} from "@pobratym/core";
import type { Db } from "../../db/db";
import { catalogueVersion, loadProfiles, type MatchingCatalogue } from "./load-profiles";

/**
 * Profiles prepared for scoring under one policy. Candidates are the published profiles, sorted by
 * id, so a candidate's index is its tie-break rank (equal scores go to the smaller id).
 */
export interface PreparedCatalogue {
  scorer: Scorer;
  hromadas: PreparedHromada[];
  partners: PreparedPartner[];
  /** `partners` packed for `scorer.scoreBatch`; `batch.source[j]` indexes `partners`. */
  batch: PartnerBatch;
  /** Every profile that prepared cleanly, drafts included (a draft may ask for suggestions). */
  byId: Map<string, PreparedHromada | PreparedPartner>;
  /** Stored profiles that core rejected; they are left out rather than failing every request. */
  skipped: string[];
}

interface Entry {
  version: string;
  catalogue: MatchingCatalogue;
  prepared: Map<string, PreparedCatalogue>;
  /** Answers computed from this entry (see `remember`); they go when the entry goes. */
  memo: Map<string, unknown>;
}

/** Answers remembered per loaded catalogue; past this many the memo starts again. */
export const MEMO_LIMIT = 4_096;

interface CacheState {
  entry: Promise<Entry> | null;
  /** When the fingerprint was last compared (monotonic ms). */
  checkedAt: number;
  /** Bumped on every write through this app; an entry built before a bump is discarded. */
  generation: number;
  entryGeneration: number;
}

/**
 * How long a loaded catalogue is trusted before its fingerprint is compared again. Writes through
 * this process invalidate at once (see `invalidateMatchingOnWrite`); the check only catches
 * writers elsewhere (imports from the CLI, other instances on the same PostgreSQL).
 */
export const RECHECK_MS = 2_000;

/**
 * Whether a cached read model over `db` must still compare the fingerprint every `RECHECK_MS`.
 * Not on PGlite: its folder is locked to one process (see pglite.ts), so every write to it goes
 * through this process and bumps `writeGeneration`. There the comparison only cost time, and
 * because PGlite runs on the event loop, it stalled every request in flight while it ran.
 */
export function sharedWithOtherWriters(db: Db): boolean {
  return db.kind !== "pglite";
}

// Keyed by the database handle: every app over the same database shares one cache.
const caches = new WeakMap<Db, CacheState>();

function stateOf(db: Db): CacheState {
  let state = caches.get(db);
  if (!state) {
    state = { entry: null, checkedAt: 0, generation: 0, entryGeneration: -1 };
    caches.set(db, state);
  }
  return state;
}

/**
 * How many writes through this process may have changed catalogue data of `db`. Other in-memory
 * read models over the same data (the catalogue list) compare it with the value they were built at.
 */
export function writeGeneration(db: Db): number {
  return stateOf(db).generation;
}

/** Drops the cached profiles of `db`; the next read reloads them. */
export function invalidateMatching(db: Db): void {
  const state = stateOf(db);
  state.generation += 1;
}

async function build(db: Db): Promise<Entry> {
  // The fingerprint is read first: a write landing during the load makes the next check reload.
  const version = await catalogueVersion(db.orm);
  const catalogue = await loadProfiles(db.orm);
  return { version, catalogue, prepared: new Map(), memo: new Map() };
}

/**
 * The catalogue's profiles, loaded once and shared by concurrent requests. `fresh` compares the
 * fingerprint now instead of trusting a recent check (rounds and conferences want that; a
 * suggestion may be up to `RECHECK_MS` behind a write made by another process).
 */
export async function getMatchingCatalogue(
  db: Db,
  opts: { fresh?: boolean } = {},
): Promise<{
  catalogue: MatchingCatalogue;
  prepare: (policy: MatchingPolicy) => PreparedCatalogue;
  /**
   * The value for `key` computed from this very catalogue: computed once, then served until the
   * catalogue reloads (after any write). `key` must name every input besides the catalogue.
   */
  remember: <T>(key: string, compute: () => T) => T;
}> {
  const state = stateOf(db);
  const now = performance.now();
  if (state.entry === null || state.entryGeneration !== state.generation) {
    state.entryGeneration = state.generation;
    state.checkedAt = now;
    state.entry = build(db);
  } else if (opts.fresh || (sharedWithOtherWriters(db) && now - state.checkedAt > RECHECK_MS)) {
    state.checkedAt = now;
    const current = state.entry;
    const [version, entry] = await Promise.all([catalogueVersion(db.orm), current]);
    if (version !== entry.version && state.entry === current) state.entry = build(db);
  }
  const pending = state.entry;
  let entry: Entry;
  try {
    entry = await pending;
  } catch (error) {
    if (state.entry === pending) state.entry = null;
    throw error;
  }
  return {
    catalogue: entry.catalogue,
    prepare: (policy) => prepared(entry, policy),
    remember: (key, compute) => remembered(entry, key, compute),
  };
}

function remembered<T>(entry: Entry, key: string, compute: () => T): T {
  if (entry.memo.has(key)) return entry.memo.get(key) as T;
  const value = compute();
  if (entry.memo.size >= MEMO_LIMIT) entry.memo.clear();
  entry.memo.set(key, value);
  return value;
}

function prepared(entry: Entry, policy: MatchingPolicy): PreparedCatalogue {
  const key = JSON.stringify([
    policy.excludeReviewCountryTies ?? false,
    policy.excludeFlaggedTies ?? false,
    policy.requireThematicFit ?? false,
  ]);
  let out = entry.prepared.get(key);
  if (!out) {
    out = prepareCatalogue(entry.catalogue, policy);
    entry.prepared.set(key, out);
  }
  return out;
}

function prepareCatalogue(catalogue: MatchingCatalogue, policy: MatchingPolicy): PreparedCatalogue {
  const scorer = compileScorer({ existingPairs: catalogue.existingPairs, policy });
  const byId = new Map<string, PreparedHromada | PreparedPartner>();
  const hromadas: PreparedHromada[] = [];
  const partners: PreparedPartner[] = [];
  const skipped: string[] = [];
  for (const profile of catalogue.hromadas) {
    const id = profile.municipality.id;
    try {
      const h = scorer.prepareHromada(profile, id);
      byId.set(id, h);
      if (catalogue.published.has(id)) hromadas.push(h);
    } catch {
      skipped.push(id);
    }
  }
  for (const profile of catalogue.partners) {
    const id = profile.municipality.id;
    try {
      const p = scorer.preparePartner(profile, id);
      byId.set(id, p);
      if (catalogue.published.has(id)) partners.push(p);
    } catch {
      skipped.push(id);
    }
  }
  return { scorer, hromadas, partners, batch: scorer.batchPartners(partners), byId, skipped };
}
