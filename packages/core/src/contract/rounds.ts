import { z } from "zod";
import { CountryCode, Id, IsoDateTime, text } from "../model/common";
import { SituationCategory } from "../taxonomy/situations";
import { ExplainedComponent, LeftOutCountSchema, MatchParty, PairFlagSchema } from "./suggestions";

/** A hromada–partner pair named by ids. */
export const PairInput = z.strictObject({ hromadaId: Id, partnerId: Id });
/** A hromada–partner pair named by ids. */
export type PairInput = z.infer<typeof PairInput>;

const weight = z.number().min(0).max(1000);

/** Which hromadas take part in a round; every filter given must hold (empty = all published). */
export const RoundHromadaFilter = z.strictObject({
  ids: z.array(Id).max(5000).optional(),
  /** Oblasts by ISO 3166-2 code, e.g. `UA-65`. */
  oblasts: z
    .array(z.string().regex(/^UA-\d{2}$/))
    .max(30)
    .optional(),
  situations: z.array(SituationCategory).max(4).optional(),
});
/** Which hromadas take part in a round. */
export type RoundHromadaFilter = z.infer<typeof RoundHromadaFilter>;

/** Which partner municipalities take part in a round; every filter given must hold. */
export const RoundPartnerFilter = z.strictObject({
  ids: z.array(Id).max(5000).optional(),
  countries: z.array(CountryCode).max(50).optional(),
  /** Regions by code or ISO code, e.g. `SE-AB` or `46`. */
  regions: z.array(z.string().max(32)).max(100).optional(),
});
/** Which partner municipalities take part in a round. */
export type RoundPartnerFilter = z.infer<typeof RoundPartnerFilter>;

/** The body of `POST /api/v1/rounds`: who takes part and how the round is planned. */
export const CreateRoundInput = z.strictObject({
  title: text(200).optional(),
  hromadas: RoundHromadaFilter.default({}),
  partners: RoundPartnerFilter.default({}),
  /** Partners wanted per hromada: one number for all, or per hromada id (missing ids get 1). */
  demand: z
    .union([z.number().int().min(0).max(20), z.record(Id, z.number().int().min(0).max(20))])
    .default(1),
  pinned: z.array(PairInput).max(1000).default([]),
  forbidden: z.array(PairInput).max(10_000).default([]),
  /** Pairs scoring below this (0–100 with default weights) are never proposed. */
  minScore: z.number().min(0).max(1000).optional(),
  /** First as many hromadas matched as possible, then the highest total score. */
  maximiseMatched: z.boolean().default(true),
  /** Candidate pruning: each side's k best counterparts (certified against all pairs). */
  candidatesPerSide: z.number().int().min(1).max(500).optional(),
  mode: z.enum(["optimal", "stable"]).default("optimal"),
  /** In stable mode, which side proposes. */
  proposing: z.enum(["hromadas", "partners"]).default("hromadas"),
  /**
   * In optimal mode, also run deferred acceptance to show the stable matching's welfare beside the
   * optimum (roughly doubles the planning time on a full catalogue).
   */
  compareStable: z.boolean().default(true),
  weights: z
    .strictObject({
      thematicFit: weight.optional(),
      situationFit: weight.optional(),
      size: weight.optional(),
      language: weight.optional(),
      preference: weight.optional(),
      fairness: weight.optional(),
      learnFrom: weight.optional(),
    })
    .optional(),
  policy: z
    .strictObject({
      excludeReviewCountryTies: z.boolean().default(true),
      /** Overrides the coordinators' setting on unverified ties for this round. */
      excludeFlaggedTies: z.boolean().optional(),
    })
    .default({ excludeReviewCountryTies: true }),
  /** Also propose pairs without thematic fit, marked exploratory (default false). */
  exploratory: z.boolean().default(false),
  /** Put hromadas occupied before 2022 in the round (left out by default). */
  includeOccupiedBefore2022: z.boolean().default(false),
});
/** The body of `POST /api/v1/rounds`. */
export type CreateRoundInput = z.infer<typeof CreateRoundInput>;

/** A proposed pair's state: proposed, or accepted (then it names its partnership). */
export const ProposalStatus = z.enum(["proposed", "accepted", "rejected"]);
/** A proposed pair's state. */
export type ProposalStatus = z.infer<typeof ProposalStatus>;

/** One proposed pair of a round, with its reasons. */
export const RoundProposal = z.object({
  hromada: MatchParty,
  partner: MatchParty,
  score: z.number(),
  pinned: z.boolean(),
  components: z.array(ExplainedComponent),
  exploratory: z.boolean().default(false),
  flags: z.array(PairFlagSchema).default([]),
  status: ProposalStatus,
  partnershipId: Id.nullable(),
});
/** One proposed pair of a round. */
export type RoundProposal = z.infer<typeof RoundProposal>;

/** What a round achieved: objective, counts, the stable alternative and the pruning check. */
export const RoundResultSummary = z.object({
  mode: z.enum(["optimal", "stable"]),
  /** Sum of the pairs' integer scores (score × 100, rounded). */
  objective: z.number(),
  totalScore: z.number(),
  hromadas: z.number().int().nonnegative(),
  partners: z.number().int().nonnegative(),
  pairs: z.number().int().nonnegative(),
  matchedHromadas: z.number().int().nonnegative(),
  unmatchedHromadas: z.number().int().nonnegative(),
  /** Ids of the hromadas that got no partner. */
  unmatched: z.array(Id),
  scoredPairs: z.number().int().nonnegative(),
  excludedPairs: z.number().int().nonnegative(),
  pruning: z.object({
    k: z.number().int().nullable(),
    candidateEdges: z.number().int(),
    certified: z.boolean(),
    method: z.enum(["complete", "dual-certificate", "full-solve", "unverified", "lazy-lists"]),
    solves: z.number().int(),
    addedEdges: z.number().int(),
  }),
  /** The stable matching's welfare next to the optimum on the same candidates (null when not computed). */
  stable: z
    .object({
      proposing: z.enum(["hromadas", "partners"]),
      welfare: z.number(),
      optimum: z.number(),
      cost: z.number(),
      matchedHromadasAtOptimum: z.number().int(),
      /** True when the optimum is proven over all admissible pairs. */
      optimumCertified: z.boolean().default(true),
    })
    .nullable(),
  /** Municipalities that could take part in no pair, by reason, with counts. */
  leftOut: z.array(LeftOutCountSchema).default([]),
});
/** What a round achieved. */
export type RoundResultSummary = z.infer<typeof RoundResultSummary>;

/** A stored round as lists show it. */
export const RoundSummary = z.object({
  id: Id,
  title: z.string().nullable(),
  status: z.enum(["draft", "proposed", "accepted", "discarded"]),
  mode: z.enum(["optimal", "stable"]),
  createdAt: IsoDateTime,
  createdBy: z.string().nullable(),
  result: RoundResultSummary,
  acceptedPairs: z.number().int().nonnegative(),
});
/** A stored round as lists show it. */
export type RoundSummary = z.infer<typeof RoundSummary>;

/** A stored round with its parameters and every proposed pair. */
export const RoundDetail = RoundSummary.extend({
  params: CreateRoundInput,
  proposals: z.array(RoundProposal),
});
/** A stored round with its parameters and every proposed pair. */
export type RoundDetail = z.infer<typeof RoundDetail>;

/** The body of `GET /api/v1/rounds`. */
export const RoundList = z.object({ items: z.array(RoundSummary) });
/** The body of `GET /api/v1/rounds`. */
export type RoundList = z.infer<typeof RoundList>;

/** The body of `POST /api/v1/rounds/{id}/accept`: some proposed pairs, or all of them. */
export const AcceptRoundInput = z.union([
  z.strictObject({ pairs: z.array(PairInput).min(1).max(5000) }),
  z.strictObject({ all: z.literal(true) }),
]);
/** The body of `POST /api/v1/rounds/{id}/accept`. */
export type AcceptRoundInput = z.infer<typeof AcceptRoundInput>;

/** What accepting did: new partnerships, and pairs accepted earlier (left as they were). */
export const AcceptRoundResult = z.object({
  roundId: Id,
  accepted: z.array(z.object({ hromadaId: Id, partnerId: Id, partnershipId: Id })),
  alreadyAccepted: z.array(
    z.object({ hromadaId: Id, partnerId: Id, partnershipId: Id.nullable() }),
  ),
});
/** What accepting did. */
export type AcceptRoundResult = z.infer<typeof AcceptRoundResult>;
