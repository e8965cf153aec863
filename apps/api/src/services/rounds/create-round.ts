import {
  type CreateRoundInput,
  type HromadaProfile,
  InvalidInputError,
  type PartnerProfile,
  type PlanRoundOptions,
  planRound,
  type RoundDetail,
  type RoundPlan,
  type RoundResultSummary,
} from "@pobratym/core";
import { sql } from "drizzle-orm";
import { UnprocessableError } from "../../errors";
import { writeAudit } from "../audit/write-audit";
import { requireActor, type ServiceContext, withTransaction } from "../context";
import { explainedComponents } from "../matching/get-suggestions";
import { getMatchingCatalogue } from "../matching/matching-cache";
import { getMatchingSettings } from "../settings/matching-settings";
import { getRound } from "./get-round";

type FieldError = { path: string; message: string; code: string };

function selectHromadas(
  all: readonly HromadaProfile[],
  published: ReadonlySet<string>,
  f: CreateRoundInput["hromadas"],
) {
  const ids = f.ids ? new Set(f.ids) : null;
  const oblasts = f.oblasts ? new Set(f.oblasts) : null;
  const situations = f.situations ? new Set<string>(f.situations) : null;
  return all.filter(({ municipality: m }) => {
    if (!published.has(m.id)) return false;
    if (ids && !ids.has(m.id)) return false;
    if (oblasts && !oblasts.has(m.region.iso ?? "")) return false;
    if (situations && !situations.has(m.situation.category)) return false;
    return true;
  });
}

function selectPartners(
  all: readonly PartnerProfile[],
  published: ReadonlySet<string>,
  f: CreateRoundInput["partners"],
) {
  const ids = f.ids ? new Set(f.ids) : null;
  const countries = f.countries ? new Set<string>(f.countries) : null;
  const regions = f.regions ? new Set(f.regions) : null;
  return all.filter(({ municipality: m }) => {
    if (!published.has(m.id)) return false;
    if (ids && !ids.has(m.id)) return false;
    if (countries && !countries.has(m.country)) return false;
    if (regions && !regions.has(m.region.code) && !regions.has(m.region.iso ?? "")) return false;
    return true;
  });
}

/** The stored summary of a plan; `stable` comes from the plan itself or from the comparison run. */
export function summarise(
  plan: RoundPlan,
  hromadas: number,
  partners: number,
  stable: RoundPlan["stable"],
): RoundResultSummary {
  return {
    mode: plan.mode,
    objective: plan.objective,
    totalScore: plan.totalScore,
    hromadas,
    partners,
    pairs: plan.pairs.length,
    matchedHromadas: plan.matchedHromadas,
    unmatchedHromadas: plan.unmatched.length,
    unmatched: plan.unmatched,
    scoredPairs: plan.scoredPairs,
    excludedPairs: plan.excludedPairs,
    pruning: plan.pruning,
    stable: stable ?? null,
    leftOut: plan.leftOut,
  };
}

const CHUNK = 500;

/**
 * planRound, with a pin that core cannot honour (excluded pair, no capacity) reported as a 422 on
 * that pin: the request is well-formed, the pair just does not fit.
 */
function runPlan(
  hromadas: readonly HromadaProfile[],
  partners: readonly PartnerProfile[],
  options: PlanRoundOptions,
): RoundPlan {
  try {
    return planRound(hromadas, partners, options);
  } catch (error) {
    if (error instanceof InvalidInputError && /^(pinned|forbidden)\[\d+\]/.test(error.field)) {
      const path = error.field.replace(/\[(\d+)\]/g, ".$1");
      const message = error.message.slice(error.field.length + 2);
      throw new UnprocessableError("A pinned or forbidden pair does not fit.", [
        { path, message, code: "pair-not-allowed" },
      ]);
    }
    throw error;
  }
}

/**
 * Plans a national round with core's `planRound` over the selected published profiles (and, in
 * optimal mode, the stable alternative for comparison), then stores the round, its parameters,
 * its summary and every proposed pair with its explanation in one transaction. Pinned, forbidden
 * and demand ids outside the selection are a 422.
 */
export async function createRound({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: CreateRoundInput;
}): Promise<RoundDetail> {
  const actor = requireActor(ctx, "coordinator");
  const { catalogue } = await getMatchingCatalogue(ctx.db, { fresh: true });
  const hromadas = selectHromadas(catalogue.hromadas, catalogue.published, input.hromadas);
  const partners = selectPartners(catalogue.partners, catalogue.published, input.partners);
  const hIds = new Set(hromadas.map((h) => h.municipality.id));
  const pIds = new Set(partners.map((p) => p.municipality.id));
  const errors: FieldError[] = [];
  const checkPair = (field: string, list: CreateRoundInput["pinned"]) =>
    list.forEach((pair, i) => {
      if (!hIds.has(pair.hromadaId))
        errors.push({
          path: `${field}.${i}.hromadaId`,
          message: `"${pair.hromadaId}" is not a hromada of this round`,
          code: "not-in-round",
        });
      if (!pIds.has(pair.partnerId))
        errors.push({
          path: `${field}.${i}.partnerId`,
          message: `"${pair.partnerId}" is not a partner of this round`,
          code: "not-in-round",
        });
    });
  checkPair("pinned", input.pinned);
  checkPair("forbidden", input.forbidden);
  if (typeof input.demand === "object") {
    for (const id of Object.keys(input.demand)) {
      if (!hIds.has(id))
        errors.push({
          path: `demand.${id}`,
          message: `"${id}" is not a hromada of this round`,
          code: "not-in-round",
        });
    }
  }
  if (errors.length)
    throw new UnprocessableError(
      "The round refers to municipalities outside its selection.",
      errors,
    );

  // The round's own choice on unverified ties wins; otherwise the coordinators' setting.
  const excludeFlaggedTies =
    input.policy.excludeFlaggedTies ?? (await getMatchingSettings({ ctx })).excludeFlaggedTies;
  const options: PlanRoundOptions = {
    existingPairs: catalogue.existingPairs,
    policy: {
      excludeReviewCountryTies: input.policy.excludeReviewCountryTies,
      excludeFlaggedTies,
      requireThematicFit: !input.exploratory,
    },
    includeOccupiedBefore2022: input.includeOccupiedBefore2022,
    demand: input.demand,
    pinned: input.pinned,
    forbidden: input.forbidden,
    maximiseMatched: input.maximiseMatched,
    mode: input.mode,
    proposing: input.proposing,
    ...(input.weights ? { weights: input.weights } : {}),
    ...(input.minScore === undefined ? {} : { minScore: input.minScore }),
    ...(input.candidatesPerSide === undefined
      ? {}
      : { candidatesPerSide: input.candidatesPerSide }),
  };
  const plan = runPlan(hromadas, partners, options);
  // The price of stability: an optimal round is shown next to what deferred acceptance would give.
  const stable =
    plan.stable ??
    (input.compareStable
      ? runPlan(hromadas, partners, { ...options, mode: "stable" }).stable
      : undefined);
  const summary = summarise(plan, hromadas.length, partners.length, stable);

  const id = crypto.randomUUID();
  const at = ctx.now.toISOString();
  await withTransaction(ctx, async (tx) => {
    await tx.execute(sql`INSERT INTO rounds (id, method, status, params, problem, result, created_by, version, created_at, updated_at)
      VALUES (${id}, ${input.mode}, 'proposed', ${JSON.stringify(input)}::jsonb,
        ${JSON.stringify({ hromadaIds: [...hIds], partnerIds: [...pIds], createdByLabel: actor.label })}::jsonb,
        ${JSON.stringify(summary)}::jsonb, ${actor.userId}, 1, ${at}::timestamptz, ${at}::timestamptz)`);
    for (let start = 0; start < plan.pairs.length; start += CHUNK) {
      const chunk = plan.pairs.slice(start, start + CHUNK);
      await tx.execute(sql`INSERT INTO round_proposals (round_id, hromada_id, partner_id, score, rank, status, explanation)
        VALUES ${sql.join(
          chunk.map(
            (p, i) =>
              sql`(${id}, ${p.hromadaId}, ${p.partnerId}, ${p.score}, ${start + i + 1}, 'proposed',
                ${JSON.stringify({ pinned: p.pinned, integerScore: p.integerScore, components: explainedComponents(p.components), exploratory: p.exploratory, flags: p.flags })}::jsonb)`,
          ),
          sql`, `,
        )}`);
    }
    await writeAudit({
      tx,
      ctx,
      entityType: "round",
      entityId: id,
      action: "create",
      after: { params: input, result: { ...summary, unmatched: summary.unmatched.length } },
    });
  });
  const detail = await getRound({ ctx, id });
  if (!detail) throw new Error("the round just written is missing");
  return detail;
}
