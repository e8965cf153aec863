import type { ExclusionCode, PreparedHromada, PreparedPartner, Scorer } from "./score";

/** Why a municipality takes no part in any pair of a round or a suggestion list. */
export type LeftOutCode =
  | ExclusionCode
  | "occupied-before-2022"
  | "no-open-needs"
  | "no-offers"
  | "invalid-profile";

/** How many municipalities on one side were left out for one reason. */
export interface LeftOutCount {
  side: "hromada" | "partner";
  code: LeftOutCode;
  count: number;
}

/**
 * The reason a prepared municipality can take part in no pair at all under the scorer's policy,
 * or null when it can: opt-out, no capacity, a tie under the policy, and, with the thematic
 * floor, a hromada with no open need or a partner with no offer.
 */
export function municipalityLeftOut(
  scorer: Scorer,
  m: PreparedHromada | PreparedPartner,
): LeftOutCode | null {
  if (m.kind === "hromada") {
    if (m.optOut) return "opt-out";
    if (scorer.policy.requireThematicFit && m.needArea.length === 0) return "no-open-needs";
    return null;
  }
  if (m.profile.municipality.optOut === true) return "opt-out";
  if (m.remainingCapacity === 0) return "no-capacity";
  if (scorer.policy.excludeFlaggedTies && m.flaggedTie) return "flagged-tie";
  if (m.unavailable) return "review-country-tie";
  if (scorer.policy.requireThematicFit && !m.offerLevel.some((v) => v > 0)) return "no-offers";
  return null;
}

/** Tallies reason codes into counts, in a stable order (side, then code). */
export function countLeftOut(
  entries: Iterable<{ side: "hromada" | "partner"; code: LeftOutCode }>,
): LeftOutCount[] {
  const counts = new Map<string, LeftOutCount>();
  for (const { side, code } of entries) {
    const key = `${side} ${code}`;
    const c = counts.get(key);
    if (c) c.count++;
    else counts.set(key, { side, code, count: 1 });
  }
  return [...counts.values()].sort((a, b) =>
    a.side !== b.side ? (a.side < b.side ? -1 : 1) : a.code < b.code ? -1 : a.code > b.code ? 1 : 0,
  );
}
