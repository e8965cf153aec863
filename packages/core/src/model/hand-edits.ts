import type { HandEdits, HromadaSituation, Municipality } from "./municipality";

/**
 * The situation a hromada shows, from the reference situation and what people entered: a dated
 * correction outranks the reference situation when the reference has no date or an older one;
 * a displaced-people count entered by hand is kept either way. `referenceSituation` is returned
 * whenever a correction exists, so both can be shown.
 * @example
 * effectiveSituation({ category: "frontline", occupiedBefore2022: false, asOf: "2022-11-23" },
 *   { situation: { category: "occupied", asOf: "2025-02-28", by: "Olena", at: "2025-03-01T09:00:00Z" } });
 * // → { situation: { category: "occupied", asOf: "2025-02-28", … }, referenceSituation: { … } }
 */
export function effectiveSituation(
  reference: HromadaSituation,
  edits: HandEdits | undefined,
): { situation: HromadaSituation; referenceSituation?: HromadaSituation } {
  const correction = edits?.situation;
  const { displacedHosted: _fromFiles, ...ref } = reference;
  let situation: HromadaSituation = { ...reference };
  if (correction && (reference.asOf === undefined || correction.asOf > reference.asOf)) {
    situation = {
      category: correction.category,
      occupiedBefore2022: reference.occupiedBefore2022,
      asOf: correction.asOf,
    };
    if (correction.source) situation.source = correction.source;
  }
  const displaced = edits?.displacedHosted?.value ?? reference.displacedHosted;
  if (displaced !== undefined) situation.displacedHosted = displaced;
  return correction ? { situation, referenceSituation: ref } : { situation };
}

/**
 * Records what a person changed in a profile as hand edits, with who and when: the displaced
 * people hosted and a situation correction (hromadas), capacity and the political decision
 * (partners). `before` is the stored profile, `after` the merged one; returns `after` with its
 * hand edits updated and, for a hromada, its situation recomputed with `effectiveSituation`.
 */
export function recordHandEdits(
  before: Municipality,
  after: Municipality,
  who: { by: string; at: string },
): Municipality {
  const edits: HandEdits = { ...(before.handEdits ?? {}) };
  if (before.kind === "hromada" && after.kind === "hromada") {
    const reference = before.referenceSituation ?? before.situation;
    const next = after.situation;
    if (next.displacedHosted !== before.situation.displacedHosted) {
      if (next.displacedHosted === undefined) delete edits.displacedHosted;
      else edits.displacedHosted = { value: next.displacedHosted, ...who };
    }
    const corrected =
      next.category !== before.situation.category ||
      next.asOf !== before.situation.asOf ||
      next.source !== before.situation.source;
    if (corrected) {
      edits.situation = {
        category: next.category,
        asOf: next.asOf ?? who.at.slice(0, 10),
        ...(next.source ? { source: next.source } : {}),
        ...who,
      };
    }
    const withEdits = { ...after, handEdits: edits };
    const { situation, referenceSituation } = effectiveSituation(
      { ...reference, occupiedBefore2022: next.occupiedBefore2022 },
      edits,
    );
    const result = { ...withEdits, situation };
    if (referenceSituation) return { ...result, referenceSituation };
    const { referenceSituation: _none, ...rest } = result;
    return rest;
  }
  if (before.kind === "partner" && after.kind === "partner") {
    if (after.capacity !== before.capacity) edits.capacity = { value: after.capacity, ...who };
    if (after.politicalDecision !== before.politicalDecision)
      edits.politicalDecision = { value: after.politicalDecision, ...who };
  }
  return Object.keys(edits).length > 0 ? { ...after, handEdits: edits } : after;
}
