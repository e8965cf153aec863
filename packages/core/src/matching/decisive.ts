import type { ScoreComponent } from "./score";

/** A score component with whether it decides the candidate's place in its list. */
export type DecisiveComponent = ScoreComponent & {
  /** True when taking this component away would move the candidate down its list. */
  decisive: boolean;
};

/**
 * Marks each component of a ranked candidate as decisive when removing it would change the
 * candidate's place: its score minus the contribution falls below the score of the candidate
 * ranked right after it (`nextScore`, null when none is). Components are returned in order.
 * @example
 * const marked = markDecisive(item.score, item.components, next?.score ?? null);
 * const shown = marked.filter((c) => c.decisive);
 */
export function markDecisive(
  score: number,
  components: readonly ScoreComponent[],
  nextScore: number | null,
): DecisiveComponent[] {
  return components.map((c) => ({
    ...c,
    // Contributions are never negative, so removing one can only move the candidate down.
    decisive: nextScore !== null && c.contribution > 0 && score - c.contribution < nextScore,
  }));
}
