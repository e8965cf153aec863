import { useId } from "react";
import { PageHeading } from "../../../components/ui/page-heading";
import { useI18n } from "../../../i18n";
import { useDocumentTitle } from "../../../lib/use-document-title";
import type { MapView } from "../hooks/map-options";
import { useMapOptions } from "../hooks/use-map-options";
import { EuropeView } from "./europe-view";
import { MAP_VIEWS, MapViewTabs } from "./map-view-tabs";
import { UkraineView } from "./ukraine-view";
import "./map.css";

interface Props {
  profilePath: (id: string) => string;
  /** The catalogue filtered to one region's hromadas (the oblast counts table links there). */
  regionPath: (regionCode: string) => string;
}

/**
 * The map page: Ukraine's hromadas, or Europe's partner municipalities, as two tabs whose choice
 * (with the colouring and the region listed) lives in the URL.
 */
export function MapPage({ profilePath, regionPath }: Props) {
  const { t } = useI18n();
  const [options, setOptions] = useMapOptions();
  // The heading and the tab's title name what the chosen view shows.
  const title = t(options.view === "europe" ? "map.europe.title" : "map.title");
  useDocumentTitle(title);
  const id = useId();
  const tabId = (v: MapView) => `${id}-tab-${v}`;
  const panelId = (v: MapView) => `${id}-panel-${v}`;

  return (
    <>
      <PageHeading>{title}</PageHeading>
      {/* A region key belongs to one view's data, so switching views clears it. */}
      <MapViewTabs
        view={options.view}
        onChange={(view) => setOptions({ view, region: undefined })}
        tabId={tabId}
        panelId={panelId}
      />
      {MAP_VIEWS.map((v) => (
        // Both panels exist so each tab's aria-controls points somewhere; only the chosen one is drawn.
        // tabIndex: an APG tab panel takes focus when its first content (the map) cannot.
        <div
          key={v}
          role="tabpanel"
          id={panelId(v)}
          aria-labelledby={tabId(v)}
          hidden={v !== options.view}
          tabIndex={v === options.view ? 0 : -1}
          className="map-panel"
        >
          {v !== options.view ? null : v === "europe" ? (
            <EuropeView profilePath={profilePath} region={options.region} onChange={setOptions} />
          ) : (
            <UkraineView
              profilePath={profilePath}
              regionPath={regionPath}
              colour={options.colour}
              region={options.region}
              onChange={setOptions}
            />
          )}
        </div>
      ))}
    </>
  );
}
