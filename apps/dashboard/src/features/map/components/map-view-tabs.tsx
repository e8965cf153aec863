import { type KeyboardEvent, useRef } from "react";
import { useI18n } from "../../../i18n";
import type { MapView } from "../hooks/map-options";

export const MAP_VIEWS: readonly MapView[] = ["ukraine", "europe"];

interface Props {
  view: MapView;
  onChange: (view: MapView) => void;
  tabId: (view: MapView) => string;
  panelId: (view: MapView) => string;
}

/**
 * The map page's two views as an ARIA tab list (WAI-ARIA APG "Tabs"): one Tab stop, the arrow
 * keys, Home and End move between tabs and show the one reached (the panels draw quickly).
 */
export function MapViewTabs({ view, onChange, tabId, panelId }: Props) {
  const { t } = useI18n();
  const buttons = useRef(new Map<MapView, HTMLButtonElement>());

  const onKeyDown = (event: KeyboardEvent) => {
    const at = MAP_VIEWS.indexOf(view);
    const last = MAP_VIEWS.length - 1;
    const to =
      event.key === "ArrowRight"
        ? at === last
          ? 0
          : at + 1
        : event.key === "ArrowLeft"
          ? at === 0
            ? last
            : at - 1
          : event.key === "Home"
            ? 0
            : event.key === "End"
              ? last
              : null;
    const next = to === null ? undefined : MAP_VIEWS[to];
    if (!next) return;
    event.preventDefault();
    onChange(next);
    buttons.current.get(next)?.focus();
  };

  return (
    <div role="tablist" aria-label={t("map.views")} className="map-tabs">
      {MAP_VIEWS.map((v) => (
        <button
          key={v}
          ref={(el) => {
            if (el) buttons.current.set(v, el);
            else buttons.current.delete(v);
          }}
          type="button"
          role="tab"
          id={tabId(v)}
          aria-selected={v === view}
          aria-controls={panelId(v)}
          tabIndex={v === view ? 0 : -1}
          className="map-tabs__tab"
          onClick={() => onChange(v)}
          onKeyDown={onKeyDown}
        >
          {t(v === "ukraine" ? "map.view.ukraine" : "map.view.europe")}
        </button>
      ))}
    </div>
  );
}
