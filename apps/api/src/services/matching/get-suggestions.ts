import {
  countLeftOut,
  type ExplainedComponent,
  type LeftOutCode,
  type MatchingPolicy,
  type MatchParty,
  markDecisive,
  type PreparedHromada,
  type PreparedPartner,
  type ScoreComponent,
  type Scorer,
  type SuggestionList,
  TopK,
} from "@pobratym/core";
import { NotFoundError } from "../../errors";
import type { ServiceContext } from "../context";
import { getMatchingSettings } from "../settings/matching-settings";
import type { MatchingCatalogue } from "./load-profiles";
import { getMatchingCatalogue, type PreparedCatalogue } from "./matching-cache";

/** Core's typed components as the contract's explained components. */
export function explainedComponents(
  components: readonly (ScoreComponent & { decisive?: boolean })[],
): ExplainedComponent[] {
  return components.map((c) => ({
    code: c.code,
    contribution: c.contribution,
    data: c.data as unknown as Record<string, unknown>,
    decisive: c.decisive ?? false,
  }));
}

/** A display party, falling back to the id when the municipality has gone. */
export function partyOf(
  parties: ReadonlyMap<string, MatchParty>,
  id: string,
  kind: MatchParty["kind"],
): MatchParty {
  return (
    parties.get(id) ?? { id, kind, name: id, country: kind === "hromada" ? "UA" : "XX", region: "" }
  );
}

const utf8 = new TextEncoder();

/**
 * The k best counterparts of a municipality, best first, with the components that explain each
 * score (partners for a hromada, hromadas for a partner), as UTF-8 JSON bytes. Only published
 * candidates are offered; pairs with a partnership that has not ended are excluded, and so (by
 * default) are partners with a verified tie to a Russian or Belarusian town, and pairs without
 * thematic fit (unless exploratory pairs are asked for). Who was left out is counted by reason.
 * A subject with no open need (or no offer) gets `complete-profile` instead of a list ranked by
 * size. Computed once per loaded catalogue and question: officials reopen the same suggestions,
 * and scoring, serialising and encoding were most of the request's cost.
 */
export async function getSuggestionsJson(args: SuggestionsArgs): Promise<Uint8Array<ArrayBuffer>> {
  const { catalogue, prepare, remember } = await getMatchingCatalogue(args.ctx.db);
  const excludeFlaggedTies =
    args.excludeFlaggedTies ?? (await getMatchingSettings({ ctx: args.ctx })).excludeFlaggedTies;
  const key = JSON.stringify([
    "suggestions",
    args.id,
    args.k,
    args.minScore ?? null,
    args.excludeReviewCountryTies,
    excludeFlaggedTies,
    args.exploratory,
  ]);
  return remember(key, () =>
    utf8.encode(
      JSON.stringify(computeSuggestions({ ...args, excludeFlaggedTies }, catalogue, prepare)),
    ),
  );
}

interface SuggestionsArgs {
  ctx: ServiceContext;
  id: string;
  k: number;
  minScore?: number;
  excludeReviewCountryTies: boolean;
  /** Absent: the coordinators' setting decides. */
  excludeFlaggedTies?: boolean;
  exploratory: boolean;
}

function computeSuggestions(
  { id, k, minScore, excludeReviewCountryTies, excludeFlaggedTies, exploratory }: SuggestionsArgs,
  catalogue: MatchingCatalogue,
  prepare: (policy: MatchingPolicy) => PreparedCatalogue,
): SuggestionList {
  const subjectParty = catalogue.parties.get(id);
  if (!subjectParty) throw new NotFoundError("municipality", id);
  const policy = {
    excludeReviewCountryTies,
    excludeFlaggedTies: excludeFlaggedTies === true,
    requireThematicFit: !exploratory,
  };
  const set = prepare(policy);
  const subject = set.byId.get(id);
  const floor = minScore ?? 0;
  // One more than asked, so the last suggestion knows who comes after it (for `decisive`).
  const top = new TopK(k + 1);
  const profileLink = `/municipalities/${encodeURIComponent(id)}/profile`;
  const base = { subject: subjectParty, policy, profileLink };
  if (!subject) {
    // A stored profile core rejects cannot be scored: nothing to suggest.
    return { ...base, items: [], candidates: 0, status: "ok", leftOut: [] };
  }
  const incomplete =
    subject.kind === "hromada"
      ? (subject as PreparedHromada).needArea.length === 0
      : !(subject as PreparedPartner).offerLevel.some((v) => v > 0);
  const { scorer } = set;
  if (incomplete && !exploratory) {
    return { ...base, items: [], candidates: 0, status: "complete-profile", leftOut: [] };
  }
  const leftOut: { side: "hromada" | "partner"; code: LeftOutCode }[] = [];
  const note = (h: PreparedHromada, p: PreparedPartner, side: "hromada" | "partner") => {
    const result = scorer.explain(h, p);
    if (result.excluded) leftOut.push({ side, code: result.exclusions[0]?.code ?? "opt-out" });
  };
  const finish = (
    explainAt: (index: number) => { party: MatchParty; result: ReturnType<Scorer["explain"]> },
    candidates: number,
  ): SuggestionList => {
    const ranked = top.sorted();
    const items = ranked.slice(0, k).flatMap(({ index }, rank) => {
      const { party, result } = explainAt(index);
      if (result.excluded) return [];
      return [
        {
          municipality: party,
          score: result.score,
          components: explainedComponents(
            markDecisive(result.score, result.components, ranked[rank + 1]?.score ?? null),
          ),
          exploratory: result.exploratory,
          flags: result.flags.map((f) => ({
            code: f.code,
            data: f.data as unknown as Record<string, unknown>,
          })),
        },
      ];
    });
    return { ...base, items, candidates, status: "ok", leftOut: countLeftOut(leftOut) };
  };
  if (subject.kind === "hromada") {
    const h = subject as PreparedHromada;
    const { batch, partners } = set;
    const out = new Float64Array(batch.size);
    scorer.scoreBatch(h, batch, out);
    for (let j = 0; j < batch.size; j++) {
      const s = out[j] as number;
      if (s >= 0 && s >= floor) top.push(s, batch.source[j] as number);
      else if (s < 0) note(h, batch.partners[j] as PreparedPartner, "partner");
    }
    return finish((index) => {
      const p = partners[index] as PreparedPartner;
      return { party: partyOf(catalogue.parties, p.id, "partner"), result: scorer.explain(h, p) };
    }, partners.length);
  }
  const p = subject as PreparedPartner;
  const { hromadas } = set;
  for (let i = 0; i < hromadas.length; i++) {
    const h = hromadas[i] as PreparedHromada;
    const s = scorer.score(h, p);
    if (s >= 0 && s >= floor) top.push(s, i);
    else if (s < 0) note(h, p, "hromada");
  }
  return finish((index) => {
    const h = hromadas[index] as PreparedHromada;
    return { party: partyOf(catalogue.parties, h.id, "hromada"), result: scorer.explain(h, p) };
  }, hromadas.length);
}
