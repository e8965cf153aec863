import type { MunicipalitySummary } from "@pobratym/core";
import { useMemo } from "react";
import { useMapTooltip } from "../hooks/use-map-tooltip";
import { MapTooltip } from "./map-tooltip";

export const MAP_WIDTH = 960;
export const MAP_HEIGHT = 640;

/** One municipality's dot, already projected into the SVG's coordinates. */
export interface PlacedDot {
  m: MunicipalitySummary;
  x: number;
  y: number;
}

/** A projected outline (oblast, country, graticule) with the class that styles it. */
export interface MapShape {
  key: string;
  d: string;
  className: string;
}

interface Props {
  label: string;
  shapes: readonly MapShape[];
  dots: readonly PlacedDot[];
  colour: (m: MunicipalitySummary) => string;
  /** A dot's name and status in words, for the tooltip (asked only for the dot it names). */
  pointTitle: (m: MunicipalitySummary) => string;
  onSelect: (id: string) => void;
  /** The municipality to ring, e.g. the one focused in the list beside the map. */
  highlightId?: string | null | undefined;
}

/**
 * Outlines and dots as plain SVG (no tiles, works offline). The SVG is one labelled image for
 * assistive technology; the keyboard and screen-reader route to every dot is the municipality list
 * beside it (`MunicipalityFinder`), whose focused entry this component rings on the map.
 *
 * A dot is a bare `<circle>` with its id: no `<title>`, handler or style of its own. Clicks and
 * hovers are delegated to the SVG, and one tooltip names the dot under the pointer (or the ringed
 * one), looked up by id. With ~1,470 dots, per-dot titles doubled the elements to create.
 */
export function MapCanvas({
  label,
  shapes,
  dots,
  colour,
  pointTitle,
  onSelect,
  highlightId,
}: Props) {
  // Memoised layers: ringing a dot as focus moves through the list must not re-render 1,470 circles.
  const shapeLayer = useMemo(
    () => shapes.map((s) => <path key={s.key} className={s.className} d={s.d} />),
    [shapes],
  );
  const dotLayer = useMemo(
    () => (
      <g>
        {dots.map(({ m, x, y }) => (
          <circle
            key={m.id}
            className="map-point"
            data-id={m.id}
            cx={x.toFixed(1)}
            cy={y.toFixed(1)}
            r={m.population !== undefined && m.population > 100_000 ? 5 : 3.2}
            fill={colour(m)}
          />
        ))}
      </g>
    ),
    [dots, colour],
  );
  const byId = useMemo(() => new Map(dots.map((d) => [d.m.id, d])), [dots]);
  const ringed = highlightId ? byId.get(highlightId) : undefined;
  const { tooltipId, layerProps, tooltipProps } = useMapTooltip(highlightId);
  const tipped = tooltipId ? byId.get(tooltipId) : undefined;

  return (
    <div className="map-canvas">
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: pointer shortcut only; the municipality list beside the map gives keyboard access to every dot. */}
      <svg
        viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`}
        role="img"
        aria-label={label}
        onClick={(event) => {
          const id = (event.target as Element).getAttribute("data-id");
          if (id) onSelect(id);
        }}
        {...layerProps}
      >
        {shapeLayer}
        {dotLayer}
        {ringed ? (
          <g className="map-highlight" data-highlight={ringed.m.id}>
            <circle cx={ringed.x.toFixed(1)} cy={ringed.y.toFixed(1)} r={10} />
            <circle cx={ringed.x.toFixed(1)} cy={ringed.y.toFixed(1)} r={10} />
          </g>
        ) : null}
      </svg>
      {tipped ? (
        <MapTooltip
          left={(tipped.x / MAP_WIDTH) * 100}
          top={(tipped.y / MAP_HEIGHT) * 100}
          text={pointTitle(tipped.m)}
          {...tooltipProps}
        />
      ) : null}
    </div>
  );
}
