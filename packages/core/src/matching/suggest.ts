import { InvalidInputError } from "../errors";
import { type DecisiveComponent, markDecisive } from "./decisive";
import type { HromadaProfile, MatchingProfile, PartnerProfile } from "./profiles";
import {
  compileScorer,
  type PairFlag,
  type PairScore,
  type PreparedHromada,
  type PreparedPartner,
  type ScoreOptions,
} from "./score";

/**
 * A fixed-size selection of the k best (score, index) entries, keeping memory flat however many
 * candidates stream past; ties go to the smaller index.
 * @example
 * const top = new TopK(50);
 * for (let i = 0; i < n; i++) top.push(scoreOf(i), i);
 * const best = top.sorted(); // [{ score, index }], best first
 */
export class TopK {
  readonly k: number;
  #size = 0;
  readonly #score: Float64Array;
  readonly #index: Int32Array;

  constructor(k: number) {
    if (!Number.isInteger(k) || k < 0)
      throw new InvalidInputError("k", "expected a non-negative integer");
    this.k = k;
    this.#score = new Float64Array(k);
    this.#index = new Int32Array(k);
  }

  /** Number of entries held (at most k). */
  get size(): number {
    return this.#size;
  }

  /** The weakest score held once the selection is full, else -Infinity; anything not above it is skipped. */
  get threshold(): number {
    return this.#size < this.k ? Number.NEGATIVE_INFINITY : (this.#score[0] as number);
  }

  // a is worse than b: lower score, or equal score and larger index.
  #worse(sa: number, ia: number, sb: number, ib: number): boolean {
    return sa < sb || (sa === sb && ia > ib);
  }

  /** Offers one entry; returns true when it was kept. */
  push(score: number, index: number): boolean {
    const s = this.#score;
    const ix = this.#index;
    if (this.#size < this.k) {
      // sift up
      let i = this.#size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!this.#worse(score, index, s[parent] as number, ix[parent] as number)) break;
        s[i] = s[parent] as number;
        ix[i] = ix[parent] as number;
        i = parent;
      }
      s[i] = score;
      ix[i] = index;
      return true;
    }
    if (this.k === 0 || !this.#worse(s[0] as number, ix[0] as number, score, index)) return false;
    // replace the root and sift down
    const n = this.#size;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      let c = l;
      if (r < n && this.#worse(s[r] as number, ix[r] as number, s[l] as number, ix[l] as number))
        c = r;
      if (!this.#worse(s[c] as number, ix[c] as number, score, index)) break;
      s[i] = s[c] as number;
      ix[i] = ix[c] as number;
      i = c;
    }
    s[i] = score;
    ix[i] = index;
    return true;
  }

  /** The entries held, best first (score descending, then index ascending). */
  sorted(): { score: number; index: number }[] {
    const out: { score: number; index: number }[] = [];
    for (let i = 0; i < this.#size; i++)
      out.push({ score: this.#score[i] as number, index: this.#index[i] as number });
    return out.sort((a, b) => b.score - a.score || a.index - b.index);
  }

  /** Empties the selection so it can be reused. */
  clear(): void {
    this.#size = 0;
  }
}

/** One suggested counterpart with its score and the components that explain it. */
export interface Suggestion<P extends MatchingProfile> {
  candidate: P;
  score: number;
  /** Every component (they sum to the score), each marked decisive or not for its place. */
  components: DecisiveComponent[];
  /** True when the pair has no thematic fit (only with `policy.requireThematicFit: false`). */
  exploratory: boolean;
  /** Flags to check before accepting (an unverified tie, …); they do not exclude. */
  flags: PairFlag[];
}

/** Options of `suggestPartners`: scoring options plus a score floor. */
export interface SuggestOptions extends ScoreOptions {
  /** Candidates scoring below this are left out. */
  minScore?: number;
}

/**
 * Returns the k best counterparts for a hromada (partners) or a partner (hromadas), best first,
 * each with its explained components; excluded pairs are left out and ties go to the smaller id.
 * @example
 * const top = suggestPartners(hromadaProfile, partnerProfiles, 10);
 * top[0]?.components.find((c) => c.code === "thematic-fit")?.data.matched;
 */
export function suggestPartners(
  subject: HromadaProfile,
  candidates: readonly PartnerProfile[],
  k: number,
  options?: SuggestOptions,
): Suggestion<PartnerProfile>[];
export function suggestPartners(
  subject: PartnerProfile,
  candidates: readonly HromadaProfile[],
  k: number,
  options?: SuggestOptions,
): Suggestion<HromadaProfile>[];
export function suggestPartners(
  subject: MatchingProfile,
  candidates: readonly MatchingProfile[],
  k: number,
  options: SuggestOptions = {},
): Suggestion<MatchingProfile>[] {
  if (!Number.isInteger(k) || k < 0)
    throw new InvalidInputError("k", "expected a non-negative integer");
  if (!Array.isArray(candidates)) throw new InvalidInputError("candidates", "expected an array");
  const minScore = options.minScore ?? Number.NEGATIVE_INFINITY;
  if (typeof minScore !== "number" || Number.isNaN(minScore)) {
    throw new InvalidInputError("minScore", "expected a number");
  }
  // The thematic floor is on unless the caller asks for exploratory pairs.
  const scorer = compileScorer({
    ...options,
    policy: { requireThematicFit: true, ...options.policy },
  });
  const subjectIsHromada = subject?.municipality?.kind === "hromada";

  // Rank candidates by id so that equal scores resolve the same way whatever the input order.
  const order = candidates.map((_, i) => i);
  const idOf = (i: number) => String(candidates[i]?.municipality?.id ?? "");
  order.sort((a, b) => {
    const x = idOf(a);
    const y = idOf(b);
    return x < y ? -1 : x > y ? 1 : a - b;
  });

  const top = new TopK(k + 1);
  const prepared: (PreparedHromada | PreparedPartner)[] = new Array(candidates.length);
  if (subjectIsHromada) {
    const h = scorer.prepareHromada(subject as HromadaProfile, "subject");
    order.forEach((i, rank) => {
      const p = scorer.preparePartner(candidates[i] as PartnerProfile, `candidates[${i}]`);
      prepared[i] = p;
      const s = scorer.score(h, p);
      if (s >= 0 && s >= minScore) top.push(s, rank);
    });
    return finish(top, (index) => {
      const i = order[index] as number;
      return {
        candidate: candidates[i] as PartnerProfile,
        result: scorer.explain(h, prepared[i] as PreparedPartner),
      };
    });
  }
  const p = scorer.preparePartner(subject as PartnerProfile, "subject");
  order.forEach((i, rank) => {
    const h = scorer.prepareHromada(candidates[i] as HromadaProfile, `candidates[${i}]`);
    prepared[i] = h;
    const s = scorer.score(h, p);
    if (s >= 0 && s >= minScore) top.push(s, rank);
  });
  return finish(top, (index) => {
    const i = order[index] as number;
    return {
      candidate: candidates[i] as HromadaProfile,
      result: scorer.explain(prepared[i] as PreparedHromada, p),
    };
  });
}

// The selection holds k + 1 entries so the last suggestion knows who comes after it.
function finish<P extends MatchingProfile>(
  top: TopK,
  explainAt: (index: number) => { candidate: P; result: PairScore },
): Suggestion<P>[] {
  const ranked = top.sorted();
  const shown = ranked.slice(0, top.k - 1);
  return shown.map(({ index }, rank) => {
    const { candidate, result } = explainAt(index);
    if (result.excluded) throw new Error("unreachable: an excluded pair was selected");
    return {
      candidate,
      score: result.score,
      components: markDecisive(result.score, result.components, ranked[rank + 1]?.score ?? null),
      exploratory: result.exploratory,
      flags: result.flags,
    };
  });
}
