import { InvalidInputError } from "../errors";
import { TopK } from "./suggest";

/**
 * Where lazy deferred acceptance gets its preferences: each proposer's admissible candidates
 * with its preference for them, computed on demand, and each acceptor's preference for any
 * proposer. Higher preference first; ties go to the smaller index of the other side.
 */
export interface LazyStableSource {
  proposerCount: number;
  acceptorCount: number;
  proposerQuota: ArrayLike<number>;
  acceptorQuota: ArrayLike<number>;
  /**
   * Calls `visit(acceptor, preference)` for every admissible candidate of the proposer, in any
   * order. It may be called again for the same proposer when its list runs out.
   */
  candidates(proposer: number, visit: (acceptor: number, preference: number) => void): void;
  /** The acceptor's preference for an admissible proposer. */
  acceptorPreference(acceptor: number, proposer: number): number;
}

/** Options of `lazyDeferredAcceptance`. */
export interface LazyStableOptions {
  /**
   * How many candidates a proposer's list starts with (its best, e.g. `candidatesPerSide`); the
   * list doubles each time it runs out. Absent: each list holds every admissible candidate.
   */
  initial?: number;
}

/** A proposer-optimal stable matching found with lists grown on demand. */
export interface LazyStableMatching {
  /** Matched pairs as [proposer, acceptor], sorted by proposer then acceptor. */
  pairs: [number, number][];
  /** Candidate entries ever put on a list (the work pruning saves). */
  listed: number;
  /** Times a list ran out and was extended. */
  extensions: number;
}

/**
 * Deferred acceptance (hospitals/residents, quotas on both sides) over candidate lists that start
 * with each proposer's best `initial` candidates and grow when they run out. A proposer always
 * proposes in the order of its full preference list, and an acceptor compares any proposer, so
 * the result is the proposer-optimal stable matching over all admissible pairs, whatever
 * `initial` is: pruning changes the work, never the matching.
 * @example
 * const { pairs } = lazyDeferredAcceptance(source, { initial: 30 });
 */
export function lazyDeferredAcceptance(
  source: LazyStableSource,
  options: LazyStableOptions = {},
): LazyStableMatching {
  const nP = source.proposerCount;
  const nA = source.acceptorCount;
  const initial = options.initial;
  if (initial !== undefined && (!Number.isInteger(initial) || initial < 1)) {
    throw new InvalidInputError("initial", "expected a positive integer");
  }
  // Each proposer's current list (acceptor, preference), best first, and how far it has gone.
  const lists: { acceptor: Int32Array; preference: Float64Array }[] = new Array(nP);
  const at = new Int32Array(nP);
  const exhausted = new Uint8Array(nP);
  const chunk = new Int32Array(nP).fill(initial ?? 0);
  let listed = 0;
  let extensions = 0;

  // Fills the proposer's next chunk: the best candidates strictly after its last listed one.
  const grow = (x: number): boolean => {
    const prev = lists[x];
    const n = prev?.acceptor.length ?? 0;
    const lastA = n > 0 ? (prev?.acceptor[n - 1] as number) : -1;
    const lastP = n > 0 ? (prev?.preference[n - 1] as number) : Number.POSITIVE_INFINITY;
    const size = chunk[x] as number;
    const after = (a: number, p: number) => p < lastP || (p === lastP && a > lastA);
    let acceptor: Int32Array;
    let preference: Float64Array;
    if (size === 0) {
      const entries: { a: number; p: number }[] = [];
      source.candidates(x, (a, p) => {
        if (after(a, p)) entries.push({ a, p });
      });
      entries.sort((u, v) => v.p - u.p || u.a - v.a);
      acceptor = Int32Array.from(entries, (e) => e.a);
      preference = Float64Array.from(entries, (e) => e.p);
      exhausted[x] = 1;
    } else {
      const top = new TopK(size);
      let more = 0;
      source.candidates(x, (a, p) => {
        if (!after(a, p)) return;
        more++;
        top.push(p, a);
      });
      const best = top.sorted();
      acceptor = Int32Array.from(best, (e) => e.index);
      preference = Float64Array.from(best, (e) => e.score);
      if (more <= size) exhausted[x] = 1;
      chunk[x] = size * 2;
    }
    if (prev !== undefined) extensions++;
    lists[x] = { acceptor, preference };
    at[x] = 0;
    listed += acceptor.length;
    return acceptor.length > 0;
  };

  // Each acceptor's held proposers in a min-heap (root = the one it likes least).
  const heldBy: { proposer: number; pref: number }[][] = Array.from({ length: nA }, () => []);
  const worse = (a: { proposer: number; pref: number }, b: { proposer: number; pref: number }) =>
    a.pref < b.pref || (a.pref === b.pref && a.proposer > b.proposer);
  const siftUp = (h: { proposer: number; pref: number }[], i0: number) => {
    let i = i0;
    const x = h[i] as { proposer: number; pref: number };
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const y = h[parent] as { proposer: number; pref: number };
      if (!worse(x, y)) break;
      h[i] = y;
      i = parent;
    }
    h[i] = x;
  };
  const siftDown = (h: { proposer: number; pref: number }[]) => {
    const n = h.length;
    let i = 0;
    const x = h[0] as { proposer: number; pref: number };
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && worse(h[c + 1] as typeof x, h[c] as typeof x)) c++;
      const y = h[c] as typeof x;
      if (!worse(y, x)) break;
      h[i] = y;
      i = c;
    }
    h[i] = x;
  };

  const held = new Int32Array(nP);
  const queue: number[] = [];
  for (let x = 0; x < nP; x++) if ((source.proposerQuota[x] as number) > 0) queue.push(x);
  for (let q = 0; q < queue.length; q++) {
    const x = queue[q] as number;
    const quota = source.proposerQuota[x] as number;
    while ((held[x] as number) < quota) {
      let list = lists[x];
      if (list === undefined || (at[x] as number) >= list.acceptor.length) {
        if ((exhausted[x] as number) === 1 || !grow(x)) break;
        list = lists[x] as { acceptor: Int32Array; preference: Float64Array };
      }
      const y = list.acceptor[at[x] as number] as number;
      at[x] = (at[x] as number) + 1;
      const cap = source.acceptorQuota[y] as number;
      if (cap <= 0) continue;
      const h = heldBy[y] as { proposer: number; pref: number }[];
      const entry = { proposer: x, pref: source.acceptorPreference(y, x) };
      if (h.length < cap) {
        h.push(entry);
        siftUp(h, h.length - 1);
        held[x] = (held[x] as number) + 1;
      } else if (worse(h[0] as typeof entry, entry)) {
        const w = (h[0] as typeof entry).proposer;
        h[0] = entry;
        siftDown(h);
        held[x] = (held[x] as number) + 1;
        held[w] = (held[w] as number) - 1;
        queue.push(w);
      }
    }
  }

  const pairs: [number, number][] = [];
  heldBy.forEach((h, y) => {
    for (const { proposer } of h) pairs.push([proposer, y]);
  });
  pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return { pairs, listed, extensions };
}
