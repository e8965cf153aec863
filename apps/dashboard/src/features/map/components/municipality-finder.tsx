import type { MunicipalitySummary } from "@pobratym/core";
import { type SyntheticEvent, useId, useMemo } from "react";
import { Link } from "react-router";
import { useI18n } from "../../../i18n";
import { displayName, regionName } from "../../../lib/municipality-name";
import { regionKey } from "../hooks/map-options";

/** What a dot's colour means, in words, for the list entry that stands for it. */
export interface PointStatus {
  colour: string;
  label: string;
}

interface Props {
  points: readonly MunicipalitySummary[];
  /** The label of the region picker ("Oblast", "Region"). */
  regionLabel: string;
  /** The chosen region's key (see `regionKey`), if any. */
  region: string | undefined;
  onRegionChange: (key: string | undefined) => void;
  profilePath: (id: string) => string;
  status: (m: MunicipalitySummary) => PointStatus;
  /** Called with the municipality whose entry has focus or the pointer, so the map can ring its dot. */
  onHighlight: (id: string | null) => void;
}

interface Region {
  key: string;
  name: string;
  country: MunicipalitySummary["country"];
  members: MunicipalitySummary[];
}

const idOf = (event: SyntheticEvent) =>
  (event.target as Element).closest("[data-id]")?.getAttribute("data-id") ?? null;

/**
 * The keyboard and screen-reader route to every dot on the map: pick a region, and its
 * municipalities are listed as links to their profiles, with what the dot's colour means in words.
 * A region at a time keeps the page light with ~1,470 dots (a long list would also be a long
 * Tab trail). The entry with focus or the pointer rings its dot on the map.
 */
export function MunicipalityFinder({
  points,
  regionLabel,
  region,
  onRegionChange,
  profilePath,
  status,
  onHighlight,
}: Props) {
  const { t, locale, formatNumber, countryName } = useI18n();
  const headingId = useId();
  const hintId = useId();
  const selectId = useId();

  const countries = useMemo(() => {
    const byKey = new Map<string, Region>();
    for (const m of points) {
      const key = regionKey(m);
      let r = byKey.get(key);
      if (!r) {
        r = { key, name: regionName(m.region, locale), country: m.country, members: [] };
        byKey.set(key, r);
      }
      r.members.push(m);
    }
    const byCountry = new Map<string, Region[]>();
    for (const r of byKey.values()) {
      const list = byCountry.get(r.country) ?? [];
      list.push(r);
      byCountry.set(r.country, list);
    }
    return [...byCountry.entries()]
      .map(([code, regions]) => ({
        code,
        name: countryName(code),
        regions: regions.sort((a, b) => a.name.localeCompare(b.name, locale)),
      }))
      .sort((a, b) => a.name.localeCompare(b.name, locale));
  }, [points, locale, countryName]);

  const chosen = region
    ? countries.flatMap((c) => c.regions).find((r) => r.key === region)
    : undefined;
  const members = useMemo(
    () =>
      (chosen?.members ?? [])
        .map((m) => ({ m, name: displayName(m.names, m.kind, locale) }))
        .sort((a, b) => a.name.localeCompare(b.name, locale)),
    [chosen, locale],
  );

  const option = (r: Region) => (
    <option key={r.key} value={r.key}>
      {r.name} ({formatNumber(r.members.length)})
    </option>
  );

  return (
    <section className="map-finder" aria-labelledby={headingId}>
      <h2 id={headingId} className="legend__heading">
        {t("map.finder.heading")}
      </h2>
      <p id={hintId} className="map-finder__hint">
        {t("map.finder.hint")}
      </p>
      <div className="field">
        <label htmlFor={selectId}>{regionLabel}</label>
        <select
          id={selectId}
          value={chosen?.key ?? ""}
          aria-describedby={hintId}
          onChange={(event) => {
            onHighlight(null);
            onRegionChange(event.target.value || undefined);
          }}
        >
          <option value="">{t("map.finder.choose")}</option>
          {countries.length > 1
            ? countries.map((c) => (
                <optgroup key={c.code} label={c.name}>
                  {c.regions.map(option)}
                </optgroup>
              ))
            : countries.flatMap((c) => c.regions.map(option))}
        </select>
      </div>
      <p role="status" className="map-finder__count">
        {chosen ? t("map.finder.count", { count: members.length, region: chosen.name }) : ""}
      </p>
      {chosen ? (
        <ul
          className="map-finder__list"
          aria-label={chosen.name}
          onFocus={(event) => onHighlight(idOf(event))}
          onBlur={() => onHighlight(null)}
          onMouseOver={(event) => onHighlight(idOf(event))}
          onMouseLeave={() => onHighlight(null)}
        >
          {members.map(({ m, name }) => {
            const s = status(m);
            return (
              <li key={m.id} data-id={m.id}>
                <span className="swatch" aria-hidden="true" style={{ background: s.colour }} />
                <Link to={profilePath(m.id)}>{name}</Link>
                <span className="map-finder__status">{s.label}</span>
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}
