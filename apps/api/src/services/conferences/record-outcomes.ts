import type {
  ConferenceOutcomes,
  ConferenceOutcomesInput,
  ExplainedComponent,
  Partnership,
  PreparedHromada,
  PreparedPartner,
} from "@pobratym/core";
import { sql } from "drizzle-orm";
import { rows } from "../../db/db";
import { UnprocessableError } from "../../errors";
import { writeAudit } from "../audit/write-audit";
import { requireActor, type ServiceContext, withTransaction } from "../context";
import { explainedComponents } from "../matching/get-suggestions";
import { getMatchingCatalogue } from "../matching/matching-cache";
import {
  insertOrFindPartnership,
  lockPairs,
  openPartnershipBetween,
} from "../partnerships/insert-partnership";
import { matchedAreas } from "../rounds/accept-round";
import { requireConference } from "./get-conference";

/** The outcomes recorded for a conference. */
export async function listOutcomes({
  ctx,
  id,
}: {
  ctx: ServiceContext;
  id: string;
}): Promise<ConferenceOutcomes> {
  const list = await rows<{
    hromada_id: string;
    partner_id: string;
    outcome: ConferenceOutcomes["outcomes"][number]["outcome"];
    note: string | null;
    recorded_at: string;
    partnership_id: string | null;
  }>(
    ctx.db.orm,
    sql`SELECT hromada_id, partner_id, outcome, note, partnership_id,
          to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS recorded_at
        FROM conference_outcomes WHERE conference_id = ${id} ORDER BY hromada_id, partner_id`,
  );
  return {
    conferenceId: id,
    outcomes: list.map((r) => ({
      hromadaId: r.hromada_id,
      partnerId: r.partner_id,
      outcome: r.outcome,
      note: r.note,
      recordedAt: r.recorded_at,
      partnershipId: r.partnership_id,
    })),
  };
}

/**
 * Records meeting outcomes (each pair must have met in the current schedule, else 422). A letter
 * of intent becomes a partnership at stage `letter-of-intent` (agreement type letter of intent,
 * signed on the conference's first day) in the same transaction, unless the pair already has an
 * open partnership, which is then linked instead. Recording the same outcome again changes nothing.
 */
export async function recordOutcomes({
  ctx,
  id,
  input,
}: {
  ctx: ServiceContext;
  id: string;
  input: ConferenceOutcomesInput;
}): Promise<ConferenceOutcomes> {
  const actor = requireActor(ctx, "coordinator");
  const at = ctx.now.toISOString();
  const { prepare } = await getMatchingCatalogue(ctx.db);
  const prepared = prepare({ excludeReviewCountryTies: false });
  await withTransaction(ctx, async (tx) => {
    const conference = await requireConference(tx, id, true);
    const met = await rows<{ hromada_id: string; partner_id: string }>(
      tx,
      sql`SELECT hromada_id, partner_id FROM conference_meetings WHERE conference_id = ${id}`,
    );
    const metKeys = new Set(met.map((m) => `${m.hromada_id}\u0000${m.partner_id}`));
    const errors = input.outcomes.flatMap((o, i) =>
      metKeys.has(`${o.hromadaId}\u0000${o.partnerId}`)
        ? []
        : [
            {
              path: `outcomes.${i}`,
              message: `${o.hromadaId} and ${o.partnerId} have no meeting in the schedule`,
              code: "no-meeting",
            },
          ],
    );
    if (errors.length)
      throw new UnprocessableError("Outcomes can be recorded only for scheduled meetings.", errors);
    const previous = await rows<{
      hromada_id: string;
      partner_id: string;
      partnership_id: string | null;
    }>(
      tx,
      sql`SELECT hromada_id, partner_id, partnership_id FROM conference_outcomes WHERE conference_id = ${id}`,
    );
    const linked = new Map(
      previous.map((p) => [`${p.hromada_id}\u0000${p.partner_id}`, p.partnership_id]),
    );
    const created: string[] = [];
    // Every pair these outcomes may record, locked up front in one order (see lockPairs).
    await lockPairs(
      tx,
      input.outcomes
        .filter((o) => o.outcome === "letter-of-intent")
        .map((o) => ({ ...o, agreementType: "letter-of-intent" })),
    );
    for (const o of input.outcomes) {
      let partnershipId = linked.get(`${o.hromadaId}\u0000${o.partnerId}`) ?? null;
      if (o.outcome === "letter-of-intent" && partnershipId === null) {
        partnershipId = await openPartnershipBetween(tx, o.hromadaId, o.partnerId);
        if (partnershipId === null) {
          const h = prepared.byId.get(o.hromadaId);
          const p = prepared.byId.get(o.partnerId);
          let components: ExplainedComponent[] = [];
          if (h?.kind === "hromada" && p?.kind === "partner") {
            const explained = prepared.scorer.explain(h as PreparedHromada, p as PreparedPartner);
            if (!explained.excluded) components = explainedComponents(explained.components);
          }
          const partnership: Partnership = {
            id: crypto.randomUUID(),
            hromadaId: o.hromadaId,
            partnerIds: [o.partnerId],
            agreementType: "letter-of-intent",
            areas: matchedAreas(components),
            funding: [],
            stage: "letter-of-intent",
            history: [
              {
                from: null,
                to: "letter-of-intent",
                at,
                by: actor.label,
                note: `Letter of intent signed at ${conference.title}`.slice(0, 1000),
              },
            ],
            ...(conference.starts_on ? { signedOn: conference.starts_on } : {}),
          };
          // A concurrent request may have recorded the pair meanwhile; then it is linked.
          const recorded = await insertOrFindPartnership({ tx, ctx, input: partnership });
          partnershipId = recorded.id;
          if (recorded.created) created.push(partnershipId);
        }
      }
      await tx.execute(sql`INSERT INTO conference_outcomes (conference_id, hromada_id, partner_id, outcome, note, recorded_by, recorded_at, partnership_id)
        VALUES (${id}, ${o.hromadaId}, ${o.partnerId}, ${o.outcome}, ${o.note ?? null}, ${actor.userId}, ${at}::timestamptz, ${partnershipId})
        ON CONFLICT (conference_id, hromada_id, partner_id) DO UPDATE SET outcome = EXCLUDED.outcome,
          note = EXCLUDED.note, recorded_by = EXCLUDED.recorded_by, recorded_at = EXCLUDED.recorded_at,
          partnership_id = EXCLUDED.partnership_id`);
    }
    await tx.execute(sql`UPDATE conferences SET status = CASE WHEN status IN ('planned', 'open', 'scheduled') THEN 'held' ELSE status END,
      version = version + 1, updated_at = ${at}::timestamptz WHERE id = ${id}`);
    await writeAudit({
      tx,
      ctx,
      entityType: "conference",
      entityId: id,
      action: "record-outcomes",
      after: { outcomes: input.outcomes, partnershipsCreated: created },
    });
  });
  return listOutcomes({ ctx, id });
}
