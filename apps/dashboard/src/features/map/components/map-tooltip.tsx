import type { PointerEventHandler } from "react";

interface Props {
  /** The dot's position, in percent of the map's width and height. */
  left: number;
  top: number;
  text: string;
  onPointerEnter: PointerEventHandler<HTMLDivElement>;
  onPointerLeave: PointerEventHandler<HTMLDivElement>;
}

/**
 * The map's one tooltip: a dot's name and what its colour means, next to the dot. Hidden from
 * assistive technology, which reaches the same words through the municipality list beside the map
 * (the map itself is one labelled image). It flips below the dot near the top edge and hugs the
 * side near the left and right edges, so it stays inside the map.
 */
export function MapTooltip({ left, top, text, onPointerEnter, onPointerLeave }: Props) {
  const vertical = top < 15 ? "below" : "above";
  const horizontal = left < 20 ? "start" : left > 80 ? "end" : "centre";
  return (
    <div
      className={`map-tooltip map-tooltip--${vertical} map-tooltip--${horizontal}`}
      style={{ left: `${left}%`, top: `${top}%` }}
      aria-hidden="true"
      onPointerEnter={onPointerEnter}
      onPointerLeave={onPointerLeave}
    >
      {text}
    </div>
  );
}
