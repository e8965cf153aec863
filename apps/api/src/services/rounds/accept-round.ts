import type {
  AcceptRoundInput,
  AcceptRoundResult,
  CooperationAreaCode,
  ExplainedComponent,
  Partnership,
} from "@pobratym/core";
import { sql } from "drizzle-orm";
import { rows } from "../../db/db";
import { NotFoundError, UnprocessableError } from "../../errors";
import { writeAudit } from "../audit/write-audit";
import { requireActor, type ServiceContext, withTransaction } from "../context";
import {
  insertOrFindPartnership,
  lockPairs,
  openPartnershipBetween,
} from "../partnerships/insert-partnership";

/** The cooperation areas a pair matched on: the need areas the partner offers. */
export function matchedAreas(
  components: readonly Pick<ExplainedComponent, "code" | "contribution" | "data">[],
): CooperationAreaCode[] {
  const thematic = components.find((c) => c.code === "thematic-fit");
  const matched = thematic?.data.matched;
  if (!Array.isArray(matched)) return [];
  return matched.map((m) => (m as { area: CooperationAreaCode }).area);
}

/**
 * Turns proposed pairs of a round into partnerships at stage `contact` (municipal partnership,
 * areas from the matched needs and offers, a history entry by the coordinator, an audit entry), all
 * in one transaction. Idempotent: a pair accepted before is reported under `alreadyAccepted` and
 * left as it is; so is a pair that meanwhile got an open partnership elsewhere (it is linked to
 * that one, not duplicated). A pair that is not a proposal of the round is a 422 and nothing is
 * written.
 */
export async function acceptRound({
  ctx,
  id,
  input,
}: {
  ctx: ServiceContext;
  id: string;
  input: AcceptRoundInput;
}): Promise<AcceptRoundResult> {
  const actor = requireActor(ctx, "coordinator");
  const at = ctx.now.toISOString();
  return withTransaction(ctx, async (tx) => {
    // Locking the round serialises concurrent accepts of it, so a pair never becomes two partnerships.
    const [round] = await rows<{ id: string; status: string }>(
      tx,
      sql`SELECT id, status FROM rounds WHERE id = ${id} FOR UPDATE`,
    );
    if (!round) throw new NotFoundError("round", id);
    const proposals = await rows<{
      hromada_id: string;
      partner_id: string;
      status: "proposed" | "accepted" | "rejected";
      explanation: { components?: ExplainedComponent[] };
      partnership_id: string | null;
    }>(
      tx,
      sql`SELECT hromada_id, partner_id, status, explanation, partnership_id FROM round_proposals
          WHERE round_id = ${id} ORDER BY rank NULLS LAST, hromada_id, partner_id`,
    );
    const key = (h: string, p: string) => `${h}\u0000${p}`;
    const byPair = new Map(proposals.map((p) => [key(p.hromada_id, p.partner_id), p]));
    let targets = proposals;
    if ("pairs" in input) {
      const errors: { path: string; message: string; code: string }[] = [];
      const seen = new Set<string>();
      targets = [];
      input.pairs.forEach((pair, i) => {
        const k = key(pair.hromadaId, pair.partnerId);
        const proposal = byPair.get(k);
        if (!proposal) {
          errors.push({
            path: `pairs.${i}`,
            message: `${pair.hromadaId} – ${pair.partnerId} is not a pair this round proposed`,
            code: "not-in-round",
          });
        } else if (!seen.has(k)) {
          seen.add(k);
          targets.push(proposal);
        }
      });
      if (errors.length)
        throw new UnprocessableError("Only pairs the round proposed can be accepted.", errors);
    }

    // Every pair this accept may record, locked up front in one order (see lockPairs).
    await lockPairs(
      tx,
      targets
        .filter((p) => p.status !== "accepted")
        .map((p) => ({
          hromadaId: p.hromada_id,
          partnerId: p.partner_id,
          agreementType: "municipal-partnership",
        })),
    );
    const result: AcceptRoundResult = { roundId: id, accepted: [], alreadyAccepted: [] };
    for (const p of targets) {
      const pair = { hromadaId: p.hromada_id, partnerId: p.partner_id };
      if (p.status === "accepted") {
        result.alreadyAccepted.push({ ...pair, partnershipId: p.partnership_id });
        continue;
      }
      let partnershipId = await openPartnershipBetween(tx, p.hromada_id, p.partner_id);
      let existing = partnershipId !== null;
      if (partnershipId === null) {
        const partnership: Partnership = {
          id: crypto.randomUUID(),
          hromadaId: p.hromada_id,
          partnerIds: [p.partner_id],
          agreementType: "municipal-partnership",
          areas: matchedAreas(p.explanation.components ?? []),
          funding: [],
          stage: "contact",
          history: [
            {
              from: null,
              to: "contact",
              at,
              by: actor.label,
              note: `Proposed by matching round ${id}`,
            },
          ],
        };
        // A concurrent accept of another round may have recorded the pair meanwhile.
        const recorded = await insertOrFindPartnership({ tx, ctx, input: partnership });
        partnershipId = recorded.id;
        existing = !recorded.created;
      }
      await tx.execute(sql`UPDATE round_proposals SET status = 'accepted', partnership_id = ${partnershipId}
        WHERE round_id = ${id} AND hromada_id = ${p.hromada_id} AND partner_id = ${p.partner_id}`);
      if (existing) result.alreadyAccepted.push({ ...pair, partnershipId });
      else result.accepted.push({ ...pair, partnershipId });
    }
    if (result.accepted.length > 0 || result.alreadyAccepted.length > 0) {
      await tx.execute(sql`UPDATE rounds SET status = 'accepted', version = version + 1, updated_at = ${at}::timestamptz
        WHERE id = ${id}`);
    }
    if (result.accepted.length > 0) {
      await writeAudit({
        tx,
        ctx,
        entityType: "round",
        entityId: id,
        action: "accept",
        before: { status: round.status },
        after: { accepted: result.accepted },
      });
    }
    return result;
  });
}
