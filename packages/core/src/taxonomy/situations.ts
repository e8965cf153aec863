import { z } from "zod";
import { ownValue } from "../lookup";
import type { Labels, Locale } from "./labels";

/**
 * KS sorts hromadas into two groups. In the war zone: occupied, hostilities/frontline,
 * de-occupied. Outside it: rear, hosting displaced people.
 */
export const SITUATION_CATEGORIES = [
  {
    code: "occupied",
    zone: "war-zone",
    labels: { en: "Occupied", sv: "Ockuperad", nb: "Okkupert", uk: "Окупована" },
  },
  {
    code: "frontline",
    zone: "war-zone",
    labels: {
      en: "Hostilities or frontline",
      sv: "Strider eller frontlinje",
      nb: "Kamphandlinger eller frontlinje",
      uk: "Бойові дії або лінія фронту",
    },
  },
  {
    code: "deoccupied",
    zone: "war-zone",
    labels: { en: "De-occupied", sv: "Befriad", nb: "Frigjort", uk: "Деокупована" },
  },
  {
    code: "rear",
    zone: "outside",
    labels: {
      en: "Rear, hosting displaced people",
      sv: "Bakre område, tar emot fördrivna",
      nb: "Bakre område, tar imot fordrevne",
      uk: "Тилова, приймає ВПО",
    },
  },
] as const satisfies readonly { code: string; zone: string; labels: Labels }[];

/** A hromada's situation category. */
export const SituationCategory = z.enum(["occupied", "frontline", "deoccupied", "rear"]);
/** A hromada's situation category. */
export type SituationCategory = z.infer<typeof SituationCategory>;

/** KS's two groups: inside the war zone or outside it. */
export const SituationZone = z.enum(["war-zone", "outside"]);
/** KS's two groups: inside the war zone or outside it. */
export type SituationZone = z.infer<typeof SituationZone>;

/** Returns the KS group (war zone or outside) of a situation category. */
export function situationZone(category: SituationCategory): SituationZone {
  return category === "rear" ? "outside" : "war-zone";
}

/** Returns the label of a situation category in the given language. */
export function situationLabel(category: SituationCategory, locale: Locale): string {
  const labels = SITUATION_CATEGORIES.find((s) => s.code === category)?.labels;
  return (labels && ownValue(labels, locale)) ?? category;
}
