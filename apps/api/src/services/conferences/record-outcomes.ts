import type {
  ConferenceOutcomes,
  ConferenceOutcomesInput,
  ExplainedComponent,
  PreparedHromada,
  PreparedPartner,
} from "@pobratym/core";
import { sql } from "drizzle-orm";
import { type Db, type Executor, rows } from "../../db/db";
import { UnprocessableError } from "../../errors";
import { writeAudit } from "../catalogue/write-audit";
import { explainedComponents } from "../matching/get-suggestions";
import { getMatchingCatalogue } from "../matching/matching-cache";
import { openPartnershipBetween, recordPartnership } from "../matching/record-partnership";
import { matchedAreas } from "../rounds/accept-round";
import type { ConferenceContext } from "./create-conference";
import { requireConference } from "./get-conference";

/** The outcomes recorded for a conference. */
export async function listOutcomes(db: Executor, id: string): Promise<ConferenceOutcomes> {
  const list = await rows<{
    hromada_id: string;
    partner_id: string;
    outcome: ConferenceOutcomes["outcomes"][number]["outcome"];
    note: string | null;
    recorded_at: string;
    partnership_id: string | null;
  }>(
    db,
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
  db,
  id,
  input,
  ctx,
}: {
  db: Db;
  id: string;
  input: ConferenceOutcomesInput;
  ctx: ConferenceContext;
}): Promise<ConferenceOutcomes> {
  const at = ctx.now.toISOString();
  const { prepare } = await getMatchingCatalogue(db);
  const prepared = prepare({ excludeReviewCountryTies: false });
  await db.orm.transaction(async (tx) => {
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
          partnershipId = await recordPartnership({
            tx,
            hromadaId: o.hromadaId,
            partnerId: o.partnerId,
            stage: "letter-of-intent",
            agreementType: "letter-of-intent",
            areas: matchedAreas(components),
            note: `Letter of intent signed at ${conference.title}`.slice(0, 1000),
            signedOn: conference.starts_on,
            ctx: { actor: ctx.actor, at, requestId: ctx.requestId ?? null },
          });
          created.push(partnershipId);
        }
      }
      await tx.execute(sql`INSERT INTO conference_outcomes (conference_id, hromada_id, partner_id, outcome, note, recorded_by, recorded_at, partnership_id)
        VALUES (${id}, ${o.hromadaId}, ${o.partnerId}, ${o.outcome}, ${o.note ?? null}, ${ctx.actor.id}, ${at}::timestamptz, ${partnershipId})
        ON CONFLICT (conference_id, hromada_id, partner_id) DO UPDATE SET outcome = EXCLUDED.outcome,
          note = EXCLUDED.note, recorded_by = EXCLUDED.recorded_by, recorded_at = EXCLUDED.recorded_at,
          partnership_id = EXCLUDED.partnership_id`);
    }
    await tx.execute(sql`UPDATE conferences SET status = CASE WHEN status IN ('planned', 'open', 'scheduled') THEN 'held' ELSE status END,
      version = version + 1, updated_at = ${at}::timestamptz WHERE id = ${id}`);
    await writeAudit({
      tx,
      at,
      actor: ctx.actor,
      entityType: "conference",
      entityId: id,
      action: "record-outcomes",
      after: { outcomes: input.outcomes, partnershipsCreated: created },
      requestId: ctx.requestId ?? null,
    });
  });
  return listOutcomes(db.orm, id);
}
