import type { Db } from "../../db/db";
import { catalogueVersion } from "./load-profiles";
import { RECHECK_MS, sharedWithOtherWriters, writeGeneration } from "./matching-cache";

/** What an in-memory read model loads: its data and the fingerprint it was loaded at. */
export interface Loaded {
  version: string;
}

interface State<E> {
  entry: Promise<E> | null;
  /** When the fingerprint was last compared (monotonic ms). */
  checkedAt: number;
  /** The write generation the entry was built at. */
  entryGeneration: number;
}

/**
 * The loader of an in-memory read model over catalogue data (the catalogue list, the partnership
 * list): one entry per database handle, built by `build` and shared by concurrent requests.
 * It is rebuilt after any write through this process (`writeGeneration`) and, when the database
 * can have other writers (PostgreSQL), when the fingerprint differs at a check at most every
 * `RECHECK_MS`. A failed build is forgotten, so the next request tries again.
 * `build` must read the fingerprint (`catalogueVersion`) before the data, so a write landing
 * during the load makes the next check reload.
 */
export function readModelEntry<E extends Loaded>(
  build: (db: Db) => Promise<E>,
): (db: Db) => Promise<E> {
  const states = new WeakMap<Db, State<E>>();
  return async (db) => {
    let state = states.get(db);
    if (!state) {
      state = { entry: null, checkedAt: 0, entryGeneration: -1 };
      states.set(db, state);
    }
    const now = performance.now();
    const generation = writeGeneration(db);
    if (state.entry === null || state.entryGeneration !== generation) {
      state.entryGeneration = generation;
      state.checkedAt = now;
      state.entry = build(db);
    } else if (sharedWithOtherWriters(db) && now - state.checkedAt > RECHECK_MS) {
      state.checkedAt = now;
      const current = state.entry;
      const [version, entry] = await Promise.all([catalogueVersion(db.orm), current]);
      if (version !== entry.version && state.entry === current) state.entry = build(db);
    }
    const pending = state.entry;
    try {
      return await pending;
    } catch (error) {
      if (state.entry === pending) state.entry = null;
      throw error;
    }
  };
}
