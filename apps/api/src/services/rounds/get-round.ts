import type {
  CreateRoundInput,
  ExplainedComponent,
  MatchParty,
  ProposalStatus,
  RoundDetail,
  RoundProposal,
  RoundResultSummary,
  RoundSummary,
} from "@pobratym/core";
import { type SQL, sql } from "drizzle-orm";
import { rows } from "../../db/db";
import { toCsv } from "../../lib/csv";
import type { ServiceContext } from "../context";

/** Timestamps as ISO text with milliseconds, as the contract's date-times. */
const ISO_MS = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

interface RoundRow {
  id: string;
  method: "optimal" | "stable";
  status: RoundSummary["status"];
  params: CreateRoundInput;
  result: RoundResultSummary;
  created_at: string;
  created_by: string | null;
  accepted: number;
}

const roundColumns = sql.raw(`r.id, r.method, r.status, r.params, r.result, r.created_by,
  to_char(r.created_at AT TIME ZONE 'UTC', ${ISO_MS}) AS created_at,
  (SELECT count(*)::int FROM round_proposals rp WHERE rp.round_id = r.id AND rp.status = 'accepted') AS accepted`);

function summaryOf(r: RoundRow): RoundSummary {
  return {
    id: r.id,
    title: r.params.title ?? null,
    status: r.status,
    mode: r.method,
    createdAt: r.created_at,
    createdBy: r.created_by,
    result: { ...r.result, leftOut: r.result.leftOut ?? [] },
    acceptedPairs: r.accepted,
  };
}

/** A municipality row (aliased `m`, or another alias) as a MatchParty JSON object. */
export function sqlParty(m: string): SQL {
  return sql.raw(`json_build_object('id', ${m}.id, 'kind', ${m}.kind,
    'name', coalesce(${m}.names->>'latin', ${m}.names->>'en', ${m}.names->>'local'), 'country', ${m}.country,
    'region', ${m}.region_name, 'population', ${m}.population, 'situation', ${m}.situation)`);
}

/** Drops the nulls SQL returns for unknown population and situation. */
export function cleanParty(
  p: MatchParty & { population?: number | null; situation?: string | null },
): MatchParty {
  const { population, situation, ...rest } = p;
  return {
    ...rest,
    ...(population === null || population === undefined ? {} : { population }),
    ...(situation === null || situation === undefined
      ? {}
      : { situation: situation as NonNullable<MatchParty["situation"]> }),
  };
}

/** The most rounds a CSV export holds (the JSON list shows the newest 500). */
export const ROUND_EXPORT_LIMIT = 10_000;

/** Stored rounds, newest first (summaries only). */
export async function listRounds({
  ctx,
  limit = 500,
}: {
  ctx: ServiceContext;
  limit?: number;
}): Promise<RoundSummary[]> {
  const list = await rows<RoundRow>(
    ctx.db.orm,
    sql`SELECT ${roundColumns} FROM rounds r ORDER BY r.created_at DESC, r.id DESC LIMIT ${limit}`,
  );
  return list.map(summaryOf);
}

/** Stored rounds as CSV: one row each, with what the round achieved and how much was accepted. */
export function roundsCsv(items: readonly RoundSummary[]): string {
  return toCsv(
    [
      "id",
      "title",
      "status",
      "mode",
      "created_at",
      "created_by",
      "hromadas",
      "partners",
      "pairs",
      "matched_hromadas",
      "unmatched_hromadas",
      "total_score",
      "accepted_pairs",
    ],
    items.map((r) => [
      r.id,
      r.title,
      r.status,
      r.mode,
      r.createdAt,
      r.createdBy,
      r.result.hromadas,
      r.result.partners,
      r.result.pairs,
      r.result.matchedHromadas,
      r.result.unmatchedHromadas,
      Math.round(r.result.totalScore * 100) / 100,
      r.acceptedPairs,
    ]),
  );
}

/** One stored round with its parameters and proposals (ordered as proposed), or null. */
export async function getRound({
  ctx,
  id,
}: {
  ctx: ServiceContext;
  id: string;
}): Promise<RoundDetail | null> {
  const db = ctx.db.orm;
  const [r] = await rows<RoundRow>(
    db,
    sql`SELECT ${roundColumns} FROM rounds r WHERE r.id = ${id}`,
  );
  if (!r) return null;
  const proposals = await rows<{
    hromada: MatchParty;
    partner: MatchParty;
    score: number;
    status: ProposalStatus;
    explanation: {
      pinned?: boolean;
      components?: ExplainedComponent[];
      exploratory?: boolean;
      flags?: RoundProposal["flags"];
    };
    partnership_id: string | null;
  }>(
    db,
    sql`SELECT ${sqlParty("h")} AS hromada, ${sqlParty("p")} AS partner, rp.score, rp.status,
          rp.explanation, rp.partnership_id
        FROM round_proposals rp
        JOIN municipalities h ON h.id = rp.hromada_id
        JOIN municipalities p ON p.id = rp.partner_id
        WHERE rp.round_id = ${id}
        ORDER BY rp.rank NULLS LAST, rp.hromada_id, rp.partner_id`,
  );
  return {
    ...summaryOf(r),
    params: r.params,
    proposals: proposals.map((p) => ({
      hromada: cleanParty(p.hromada),
      partner: cleanParty(p.partner),
      score: p.score,
      pinned: p.explanation.pinned ?? false,
      // Rounds stored before components carried `decisive` read as not decisive.
      components: (p.explanation.components ?? []).map((c) => ({
        ...c,
        decisive: c.decisive ?? false,
      })),
      exploratory: p.explanation.exploratory ?? false,
      flags: p.explanation.flags ?? [],
      status: p.status,
      partnershipId: p.partnership_id,
    })),
  };
}

/** A round's proposals as CSV: one row per pair, with the score and each component's contribution. */
export function roundCsv(round: RoundDetail): string {
  const codes = [
    "thematic-fit",
    "situation-fit",
    "size",
    "language",
    "preference",
    "fairness",
  ] as const;
  return toCsv(
    [
      "hromada_id",
      "hromada",
      "partner_id",
      "partner",
      "partner_country",
      "score",
      ...codes,
      "pinned",
      "status",
      "partnership_id",
    ],
    round.proposals.map((p) => [
      p.hromada.id,
      p.hromada.name,
      p.partner.id,
      p.partner.name,
      p.partner.country,
      Math.round(p.score * 100) / 100,
      ...codes.map((code) => {
        const c = p.components.find((x) => x.code === code);
        return c ? Math.round(c.contribution * 100) / 100 : null;
      }),
      p.pinned,
      p.status,
      p.partnershipId,
    ]),
  );
}
