import type { MunicipalitySummary } from "@pobratym/core";
import { SITUATION_COLOURS } from "../../../components/ui/situation-swatch";

/** What the dots are coloured by. */
export type ColourMode = "situation" | "partnership";

/** Colours for partnership status (Okabe–Ito bluish green and reddish purple). */
export const PARTNERSHIP_COLOURS = { partnered: "#009e73", unpartnered: "#cc79a7" } as const;

/** The fill colour of one hromada's dot. */
export function pointColour(m: MunicipalitySummary, mode: ColourMode): string {
  if (mode === "partnership") {
    return m.partnershipCount > 0 ? PARTNERSHIP_COLOURS.partnered : PARTNERSHIP_COLOURS.unpartnered;
  }
  return SITUATION_COLOURS[m.situation ?? "unknown"];
}
