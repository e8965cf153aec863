import { z } from "zod";
import { IllegalTransitionError, type Result } from "../errors";
import { ownValue } from "../lookup";
import type { Labels, Locale } from "./labels";

/** Partnership stages, in the order a partnership normally moves through them. */
export const STAGES = [
  {
    code: "interest",
    labels: { en: "Interest", sv: "Intresse", nb: "Interesse", uk: "Зацікавленість" },
  },
  { code: "contact", labels: { en: "Contact", sv: "Kontakt", nb: "Kontakt", uk: "Контакт" } },
  {
    code: "letter-of-intent",
    labels: {
      en: "Letter of intent",
      sv: "Avsiktsförklaring",
      nb: "Intensjonsavtale",
      uk: "Лист про наміри",
    },
  },
  {
    code: "council-decision",
    labels: {
      en: "Council decision",
      sv: "Fullmäktigebeslut",
      nb: "Kommunestyrevedtak",
      uk: "Рішення ради",
    },
  },
  {
    code: "agreement-signed",
    labels: {
      en: "Agreement signed",
      sv: "Avtal undertecknat",
      nb: "Avtale signert",
      uk: "Угоду підписано",
    },
  },
  {
    code: "funded-project",
    labels: {
      en: "Funded project",
      sv: "Finansierat projekt",
      nb: "Finansiert prosjekt",
      uk: "Профінансований проєкт",
    },
  },
  { code: "active", labels: { en: "Active", sv: "Aktiv", nb: "Aktiv", uk: "Активне" } },
  {
    code: "paused",
    labels: { en: "Paused", sv: "Pausad", nb: "Satt på pause", uk: "Призупинене" },
  },
  { code: "ended", labels: { en: "Ended", sv: "Avslutad", nb: "Avsluttet", uk: "Завершене" } },
] as const satisfies readonly { code: string; labels: Labels }[];

/** A partnership stage. */
export const Stage = z.enum([
  "interest",
  "contact",
  "letter-of-intent",
  "council-decision",
  "agreement-signed",
  "funded-project",
  "active",
  "paused",
  "ended",
]);
/** A partnership stage. */
export type Stage = z.infer<typeof Stage>;

/** The main line a partnership advances along, one step at a time. */
const MAIN_LINE: readonly Stage[] = [
  "interest",
  "contact",
  "letter-of-intent",
  "council-decision",
  "agreement-signed",
  "funded-project",
  "active",
];

/**
 * The moves allowed from each stage: one step forward, one step back (to correct a mistake),
 * active ↔ paused, and ending from any open stage. `ended` is terminal.
 */
const MOVES: Readonly<Record<Stage, readonly Stage[]>> = (() => {
  const moves = {} as Record<Stage, Stage[]>;
  MAIN_LINE.forEach((stage, i) => {
    const list: Stage[] = [];
    const next = MAIN_LINE[i + 1];
    const prev = MAIN_LINE[i - 1];
    if (next) list.push(next);
    if (prev) list.push(prev);
    if (stage === "active") list.push("paused");
    list.push("ended");
    moves[stage] = list;
  });
  moves.paused = ["active", "ended"];
  moves.ended = [];
  return moves;
})();

/** Lists the stages a partnership at `from` may move to. */
export function allowedMoves(from: Stage): readonly Stage[] {
  return MOVES[from];
}

/** True when the state machine allows moving from `from` to `to`. */
export function canMove(from: Stage, to: Stage): boolean {
  return MOVES[from].includes(to);
}

/**
 * Checks one stage change; an illegal move returns an `IllegalTransitionError` listing the allowed moves.
 * @example
 * const r = moveStage("contact", "letter-of-intent"); // { ok: true, value: "letter-of-intent" }
 */
export function moveStage(from: Stage, to: Stage): Result<Stage, IllegalTransitionError> {
  if (canMove(from, to)) return { ok: true, value: to };
  return { ok: false, error: new IllegalTransitionError(from, to, MOVES[from]) };
}

/** True when the move goes forward along the main line (or resumes a paused partnership). */
export function isForwardMove(from: Stage, to: Stage): boolean {
  if (from === "paused") return to === "active";
  if (to === "ended" || to === "paused") return false;
  return MAIN_LINE.indexOf(to) > MAIN_LINE.indexOf(from);
}

/** Returns the label of a stage in the given language. */
export function stageLabel(stage: Stage, locale: Locale): string {
  const labels = STAGES.find((s) => s.code === stage)?.labels;
  return (labels && ownValue(labels, locale)) ?? stage;
}
