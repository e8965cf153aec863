import type { MunicipalitySummary } from "@pobratym/core";
import { useEffect, useMemo } from "react";
import { type ColourMode, pointColour } from "./colour-scheme";
import { partneredOnTop } from "./draw-order";
import { MapCanvas, type MapShape, type PlacedDot } from "./map-canvas";
import type { UkraineFrame } from "./ukraine-frame";

interface Props {
  points: readonly MunicipalitySummary[];
  /** The projection and outlines (see `ukraineFrame`), drawn before the points arrive. */
  frame: UkraineFrame;
  mode: ColourMode;
  label: string;
  onSelect: (id: string) => void;
  pointTitle: (m: MunicipalitySummary) => string;
  /** The ISO code of the oblast chosen in the list, drawn with a heavier outline. */
  selectedIso?: string | undefined;
  highlightId?: string | null | undefined;
}

/**
 * Ukraine drawn with d3-geo: oblast outlines when available, else a graticule, and one dot per
 * hromada centre. Coloured by partnership status, the partnered dots are painted on top.
 */
export function HromadaMap({
  points,
  frame,
  mode,
  label,
  onSelect,
  pointTitle,
  selectedIso,
  highlightId,
}: Props) {
  const dots = useMemo(
    (): PlacedDot[] =>
      points.flatMap((m) => {
        if (!m.centre) return [];
        const xy = frame.projection([m.centre.lon, m.centre.lat]);
        return xy ? [{ m, x: xy[0], y: xy[1] }] : [];
      }),
    [points, frame],
  );
  const ordered = useMemo(
    () => (mode === "partnership" ? partneredOnTop(dots) : dots),
    [dots, mode],
  );

  const outlines = useMemo((): MapShape[] => {
    if (!frame.oblasts) {
      return [
        { key: "graticule", className: "map-graticule", d: frame.graticule ?? "" },
        { key: "outline", className: "map-outline", d: frame.outline ?? "" },
      ];
    }
    const oblasts = frame.oblasts.map((o) => ({ key: o.key, d: o.d, className: "map-oblast" }));
    // The chosen oblast goes last, so its heavier outline is not painted over by its neighbours'.
    const chosen = frame.oblasts.find((o) => selectedIso && o.iso === selectedIso);
    return chosen
      ? [
          ...oblasts.filter((o) => o.key !== chosen.key),
          { key: chosen.key, d: chosen.d, className: "map-oblast map-oblast--selected" },
        ]
      : oblasts;
  }, [frame, selectedIso]);

  const colour = useMemo(() => (m: MunicipalitySummary) => pointColour(m, mode), [mode]);

  // For bench/perf.ts: the moment every dot is in the DOM.
  useEffect(() => {
    if (dots.length > 0) performance.mark("map:drawn", { detail: dots.length });
  }, [dots]);

  return (
    <MapCanvas
      label={label}
      shapes={outlines}
      dots={ordered}
      colour={colour}
      pointTitle={pointTitle}
      onSelect={onSelect}
      highlightId={highlightId}
    />
  );
}
