import { type PointerEvent, useCallback, useEffect, useRef, useState } from "react";

/** How long a tooltip stays after the pointer leaves its dot, so the pointer can move onto it. */
export const TOOLTIP_HIDE_DELAY_MS = 300;

const dotId = (target: EventTarget | null) =>
  target instanceof Element ? target.closest("[data-id]")?.getAttribute("data-id") : undefined;

/**
 * Which dot the map's one tooltip names. The map listens once for the whole dot layer (delegation)
 * instead of giving each of ~1,470 dots a `<title>` or handlers of its own.
 *
 * The tooltip follows the pointer from dot to dot, or else names the dot ringed from the list
 * beside the map (`highlightId`). It meets WCAG 2.1 SC 1.4.13 (content on hover or focus): it stays
 * while the pointer is on its dot or on the tooltip itself (a short delay lets the pointer cross
 * the gap), until the pointer goes elsewhere or Escape dismisses it.
 */
export function useMapTooltip(highlightId: string | null | undefined) {
  const [hovered, setHovered] = useState<string | null>(null);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const keep = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = undefined;
  }, []);
  const hideSoon = useCallback(() => {
    keep();
    timer.current = setTimeout(() => setHovered(null), TOOLTIP_HIDE_DELAY_MS);
  }, [keep]);
  useEffect(() => keep, [keep]);

  const onPointerOver = useCallback(
    (event: PointerEvent<Element>) => {
      const id = dotId(event.target);
      if (!id) {
        hideSoon();
        return;
      }
      keep();
      setHovered(id);
      setDismissed(null);
    },
    [hideSoon, keep],
  );

  const shown = hovered ?? highlightId ?? null;
  const visible = shown !== null && shown !== dismissed ? shown : null;

  useEffect(() => {
    if (!visible) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      keep();
      setDismissed(visible);
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [visible, keep]);

  return {
    /** The id of the dot the tooltip names, or null when it is hidden. */
    tooltipId: visible,
    /** For the SVG: one delegated listener for every dot. */
    layerProps: { onPointerOver, onPointerLeave: hideSoon },
    /** For the tooltip: the pointer may rest on it. */
    tooltipProps: { onPointerEnter: keep, onPointerLeave: hideSoon },
  };
}
