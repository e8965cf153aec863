import { useId } from "react";
import { useI18n } from "../../../i18n";

/** One colour the map uses, what it means, and how many dots have it. */
export interface LegendEntry {
  key: string;
  colour: string;
  label: string;
  count: number;
}

/** The map's key: each colour with its meaning and count, so colour never carries meaning alone. */
export function MapLegend({ entries }: { entries: readonly LegendEntry[] }) {
  const { t, formatNumber } = useI18n();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId} className="legend__heading">
        {t("map.legend")}
      </h2>
      <ul className="legend">
        {entries.map((e) => (
          <li key={e.key}>
            <span className="swatch" aria-hidden="true" style={{ background: e.colour }} />
            {e.label} ({formatNumber(e.count)})
          </li>
        ))}
      </ul>
    </section>
  );
}
