import {
  type ExplainedComponent,
  type MatchingPolicy,
  type MatchParty,
  type PreparedHromada,
  type PreparedPartner,
  type ScoreComponent,
  type SuggestionList,
  TopK,
} from "@pobratym/core";
import { NotFoundError } from "../../errors";
import type { ServiceContext } from "../context";
import type { MatchingCatalogue } from "./load-profiles";
import { getMatchingCatalogue, type PreparedCatalogue } from "./matching-cache";

/** Core's typed components as the contract's explained components. */
export function explainedComponents(components: readonly ScoreComponent[]): ExplainedComponent[] {
  return components.map((c) => ({
    code: c.code,
    contribution: c.contribution,
    data: c.data as unknown as Record<string, unknown>,
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
 * default) are partners with an active tie to a Russian or Belarusian town. Computed once per
 * loaded catalogue and question: officials reopen the same suggestions, and scoring, serialising
 * and encoding were most of the request's cost.
 */
export async function getSuggestionsJson(args: SuggestionsArgs): Promise<Uint8Array<ArrayBuffer>> {
  const { catalogue, prepare, remember } = await getMatchingCatalogue(args.ctx.db);
  const key = JSON.stringify([
    "suggestions",
    args.id,
    args.k,
    args.minScore ?? null,
    args.excludeReviewCountryTies,
  ]);
  return remember(key, () =>
    utf8.encode(JSON.stringify(computeSuggestions(args, catalogue, prepare))),
  );
}

interface SuggestionsArgs {
  ctx: ServiceContext;
  id: string;
  k: number;
  minScore?: number;
  excludeReviewCountryTies: boolean;
}

function computeSuggestions(
  { id, k, minScore, excludeReviewCountryTies }: SuggestionsArgs,
  catalogue: MatchingCatalogue,
  prepare: (policy: MatchingPolicy) => PreparedCatalogue,
): SuggestionList {
  const subjectParty = catalogue.parties.get(id);
  if (!subjectParty) throw new NotFoundError("municipality", id);
  const set = prepare({ excludeReviewCountryTies });
  const subject = set.byId.get(id);
  const floor = minScore ?? 0;
  const top = new TopK(k);
  const policy = { excludeReviewCountryTies };
  if (!subject) {
    // A stored profile core rejects cannot be scored: nothing to suggest.
    return { subject: subjectParty, items: [], candidates: 0, policy };
  }
  if (subject.kind === "hromada") {
    const h = subject as PreparedHromada;
    const { batch, partners } = set;
    const out = new Float64Array(batch.size);
    set.scorer.scoreBatch(h, batch, out);
    for (let j = 0; j < batch.size; j++) {
      const s = out[j] as number;
      if (s >= 0 && s >= floor) top.push(s, batch.source[j] as number);
    }
    const items = top.sorted().flatMap(({ index }) => {
      const p = partners[index] as PreparedPartner;
      const result = set.scorer.explain(h, p);
      if (result.excluded) return [];
      return [
        {
          municipality: partyOf(catalogue.parties, p.id, "partner"),
          score: result.score,
          components: explainedComponents(result.components),
        },
      ];
    });
    return { subject: subjectParty, items, candidates: partners.length, policy };
  }
  const p = subject as PreparedPartner;
  const { hromadas } = set;
  for (let i = 0; i < hromadas.length; i++) {
    const s = set.scorer.score(hromadas[i] as PreparedHromada, p);
    if (s >= 0 && s >= floor) top.push(s, i);
  }
  const items = top.sorted().flatMap(({ index }) => {
    const h = hromadas[index] as PreparedHromada;
    const result = set.scorer.explain(h, p);
    if (result.excluded) return [];
    return [
      {
        municipality: partyOf(catalogue.parties, h.id, "hromada"),
        score: result.score,
        components: explainedComponents(result.components),
      },
    ];
  });
  return { subject: subjectParty, items, candidates: hromadas.length, policy };
}
