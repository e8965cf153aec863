import type { ColourMode } from "../components/colour-scheme";

/** Which map the page shows: Ukraine's hromadas, or Europe's partner municipalities. */
export type MapView = "ukraine" | "europe";

/** The map page's options, held in the URL so a view can be bookmarked and shared. */
export interface MapOptions {
  view: MapView;
  /** What the hromada dots are coloured by (the Europe view always shows partnership status). */
  colour: ColourMode;
  /** The region whose municipalities the keyboard list shows (see `regionKey`), if any. */
  region: string | undefined;
}

export const DEFAULT_MAP_OPTIONS: MapOptions = {
  view: "ukraine",
  colour: "situation",
  region: undefined,
};

// A region key is an ISO 3166-2 code or country + official region code: short, letters, digits, '-'.
const REGION_KEY = /^[A-Za-z0-9-]{1,40}$/;

/** Reads the options from the query string; anything unknown falls back to the default. */
export function mapOptionsFromSearchParams(params: URLSearchParams): MapOptions {
  const region = params.get("region")?.trim();
  return {
    view: params.get("view") === "europe" ? "europe" : "ukraine",
    colour: params.get("colour") === "partnership" ? "partnership" : "situation",
    region: region && REGION_KEY.test(region) ? region : undefined,
  };
}

/** Writes the options to a query string, leaving defaults out so plain `/map` stays plain. */
export function mapOptionsToSearchParams(options: MapOptions): URLSearchParams {
  const params = new URLSearchParams();
  if (options.view !== DEFAULT_MAP_OPTIONS.view) params.set("view", options.view);
  if (options.colour !== DEFAULT_MAP_OPTIONS.colour) params.set("colour", options.colour);
  if (options.region) params.set("region", options.region);
  return params;
}

/** The key a municipality's region goes by in the URL: its ISO 3166-2 code (UA-65, SE-AC, NO-03). */
export function regionKey(m: {
  country: string;
  region: { code: string; iso?: string | undefined };
}): string {
  return m.region.iso ?? `${m.country}-${m.region.code}`;
}
