import {
  COOPERATION_AREAS,
  cooperationAreaLabel,
  SITUATION_CATEGORIES,
  situationLabel,
} from "@pobratym/core";
import { useCallback, useId, useMemo, useRef } from "react";
import { useI18n } from "../../../i18n";
import { regionName } from "../../../lib/municipality-name";
import type { FilterOptions } from "../api/get-filter-options";
import { type CatalogueFilters, EMPTY_FILTERS, hasAnyFilter } from "../hooks/catalogue-filters";
import { DebouncedInput } from "./debounced-input";

/** Countries always offered, even before the catalogue's own list has loaded. */
const DEFAULT_COUNTRIES = ["UA", "SE", "NO"] as const;

interface Props {
  value: CatalogueFilters;
  onChange: (next: CatalogueFilters) => void;
  options?: FilterOptions | undefined;
  /** How long typing must pause before the search runs. */
  debounceMs?: number;
  /** Called when the user first reaches the filters (focus or pointer), to load their options. */
  onFiltersEngaged?: () => void;
}

/** The catalogue's search box and filters; every change is reported as the full filter set. */
export function CatalogueSearchForm({
  value,
  onChange,
  options,
  debounceMs = 300,
  onFiltersEngaged,
}: Props) {
  const { t, locale, countryName } = useI18n();
  const id = useId();
  // The debounced inputs report late; read the latest filters so they never undo a newer change.
  const latest = useRef(value);
  latest.current = value;
  const set = useCallback(
    (key: keyof CatalogueFilters) => (next: string) => onChange({ ...latest.current, [key]: next }),
    [onChange],
  );
  const setQ = useMemo(() => set("q"), [set]);
  const setMin = useMemo(() => set("minPopulation"), [set]);
  const setMax = useMemo(() => set("maxPopulation"), [set]);

  const countries = useMemo(() => {
    const list = new Set<string>([...DEFAULT_COUNTRIES, ...(options?.countries ?? [])]);
    if (value.country) list.add(value.country);
    return [...list]
      .map((code) => ({ code, name: countryName(code) }))
      .sort((a, b) => a.name.localeCompare(b.name, locale));
  }, [options, value.country, countryName, locale]);

  const regions = useMemo(() => {
    const list = (options?.regions ?? [])
      .filter((r) => !value.country || r.country === value.country)
      .map((r) => ({ code: r.code, name: regionName(r, locale), country: r.country }));
    if (value.region && !list.some((r) => r.code === value.region)) {
      list.push({ code: value.region, name: value.region, country: value.country || "UA" });
    }
    return list.sort((a, b) => a.name.localeCompare(b.name, locale));
  }, [options, value.country, value.region, locale]);

  const select = (key: keyof CatalogueFilters) => ({
    id: `${id}-${key}`,
    value: value[key],
    onChange: (event: React.ChangeEvent<HTMLSelectElement>) => {
      const next = { ...latest.current, [key]: event.currentTarget.value };
      // A region belongs to one country: changing the country drops a region from another one.
      if (key === "country" && next.region) {
        const region = options?.regions.find((r) => r.code === next.region);
        if (next.country && region && region.country !== next.country) next.region = "";
      }
      onChange(next);
    },
  });

  return (
    // biome-ignore lint/a11y/useSemanticElements: <search> is too new for some screen readers in use at municipalities; role="search" is understood everywhere.
    <form role="search" className="search-form" onSubmit={(event) => event.preventDefault()}>
      <div className="field search-form__query">
        <label htmlFor={`${id}-q`}>{t("catalogue.search.label")}</label>
        <DebouncedInput
          id={`${id}-q`}
          type="search"
          name="q"
          autoComplete="off"
          spellCheck={false}
          aria-describedby={`${id}-q-hint`}
          value={value.q}
          onCommit={setQ}
          delayMs={debounceMs}
        />
        <p id={`${id}-q-hint`} className="search-form__hint">
          {t("catalogue.search.hint")}
        </p>
      </div>

      <fieldset className="filters" onFocus={onFiltersEngaged} onPointerEnter={onFiltersEngaged}>
        <legend>{t("catalogue.filters.heading")}</legend>
        <div className="filters__grid">
          <div className="field">
            <label htmlFor={`${id}-kind`}>{t("catalogue.filters.kind")}</label>
            <select {...select("kind")}>
              <option value="">{t("catalogue.filters.anyKind")}</option>
              <option value="hromada">{t("kind.hromada")}</option>
              <option value="partner">{t("kind.partner")}</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-country`}>{t("catalogue.filters.country")}</label>
            <select {...select("country")}>
              <option value="">{t("catalogue.filters.anyCountry")}</option>
              {countries.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-region`}>{t("catalogue.filters.region")}</label>
            <select {...select("region")}>
              <option value="">{t("catalogue.filters.anyRegion")}</option>
              {regions.map((r) => (
                <option key={r.code} value={r.code}>
                  {value.country ? r.name : `${r.name} (${r.country})`}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-situation`}>{t("catalogue.filters.situation")}</label>
            <select {...select("situation")}>
              <option value="">{t("catalogue.filters.anySituation")}</option>
              {SITUATION_CATEGORIES.map((s) => (
                <option key={s.code} value={s.code}>
                  {situationLabel(s.code, locale)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-area`}>{t("catalogue.filters.area")}</label>
            <select {...select("area")}>
              <option value="">{t("catalogue.filters.anyArea")}</option>
              {COOPERATION_AREAS.map((a) => (
                <option key={a.code} value={a.code}>
                  {cooperationAreaLabel(a.code, locale)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-hasPartner`}>{t("catalogue.filters.partner")}</label>
            <select {...select("hasPartner")}>
              <option value="">{t("catalogue.filters.partnerAny")}</option>
              <option value="true">{t("catalogue.filters.partnerYes")}</option>
              <option value="false">{t("catalogue.filters.partnerNo")}</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-min`}>{t("catalogue.filters.minPopulation")}</label>
            <DebouncedInput
              id={`${id}-min`}
              type="number"
              inputMode="numeric"
              min={0}
              step={1000}
              name="minPopulation"
              value={value.minPopulation}
              onCommit={setMin}
              delayMs={debounceMs}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-max`}>{t("catalogue.filters.maxPopulation")}</label>
            <DebouncedInput
              id={`${id}-max`}
              type="number"
              inputMode="numeric"
              min={0}
              step={1000}
              name="maxPopulation"
              value={value.maxPopulation}
              onCommit={setMax}
              delayMs={debounceMs}
            />
          </div>
        </div>
        <div className="filters__actions">
          <button
            type="button"
            className="button button--secondary"
            disabled={!hasAnyFilter(value)}
            onClick={() => onChange(EMPTY_FILTERS)}
          >
            {t("catalogue.filters.clear")}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
