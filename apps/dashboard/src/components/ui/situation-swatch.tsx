import type { SituationCategory } from "@pobratym/core";

/** Okabe–Ito colours per situation; shared by the catalogue, the profile and the map legend. */
export const SITUATION_COLOURS: Readonly<Record<SituationCategory | "unknown", string>> = {
  occupied: "#3d3d3d",
  frontline: "#d55e00",
  deoccupied: "#e69f00",
  rear: "#0072b2",
  unknown: "#bbbbbb",
};

/** A small decorative dot in the situation's colour; the text beside it carries the meaning. */
export function SituationSwatch({ situation }: { situation: SituationCategory | undefined }) {
  return (
    <span
      className="swatch"
      aria-hidden="true"
      style={{ background: SITUATION_COLOURS[situation ?? "unknown"] }}
    />
  );
}
