import { useId } from "react";
import { ScrollRegion } from "../../../components/ui/scroll-region";
import { useI18n } from "../../../i18n";

/** One bar: a label and one or two values (the second drawn hatched, for "without"). */
export interface Bar {
  key: string;
  label: string;
  value: number;
  second?: number;
}

const ROW = 22;
const LABEL_WIDTH = 210;
const CHART_WIDTH = 360;

/**
 * A horizontal SVG bar chart with its data table right below, so the numbers are available as text
 * to screen readers and when printed. The SVG itself is hidden from assistive technology.
 */
export function BarChart({
  title,
  bars,
  valueLabel,
  secondLabel,
  csvHref,
}: {
  title: string;
  bars: readonly Bar[];
  valueLabel: string;
  secondLabel?: string;
  csvHref?: string;
}) {
  const { t, formatNumber } = useI18n();
  const id = useId();
  const max = Math.max(1, ...bars.map((b) => b.value + (b.second ?? 0)));
  const height = bars.length * ROW + 4;
  const scale = (v: number) => (v / max) * (CHART_WIDTH - 50);
  return (
    // A plain div: the table's scroll region already carries the title as a landmark name.
    <div className="chart">
      <h2 id={`${id}-h`}>{title}</h2>
      {bars.length === 0 ? (
        <p className="muted">{t("statistics.none")}</p>
      ) : (
        <>
          <svg
            className="chart__svg"
            viewBox={`0 0 ${LABEL_WIDTH + CHART_WIDTH} ${height}`}
            width="100%"
            style={{ maxWidth: `${LABEL_WIDTH + CHART_WIDTH}px` }}
            aria-hidden="true"
            focusable="false"
          >
            <defs>
              <pattern
                id={`${id}-hatch`}
                width="6"
                height="6"
                patternUnits="userSpaceOnUse"
                patternTransform="rotate(45)"
              >
                <rect width="6" height="6" fill="#ffffff" />
                <line x1="0" y1="0" x2="0" y2="6" stroke="#4d4d4d" strokeWidth="3" />
              </pattern>
            </defs>
            {bars.map((b, i) => {
              const y = i * ROW + 2;
              const w1 = scale(b.value);
              const w2 = b.second !== undefined ? scale(b.second) : 0;
              return (
                <g key={b.key}>
                  <text
                    x={LABEL_WIDTH - 6}
                    y={y + 14}
                    textAnchor="end"
                    fontSize="12"
                    fill="#1a1a1a"
                  >
                    {b.label.length > 30 ? `${b.label.slice(0, 29)}…` : b.label}
                  </text>
                  <rect x={LABEL_WIDTH} y={y + 2} width={w1} height={ROW - 6} fill="#0b4f8a" />
                  {w2 > 0 ? (
                    <rect
                      x={LABEL_WIDTH + w1}
                      y={y + 2}
                      width={w2}
                      height={ROW - 6}
                      fill={`url(#${id}-hatch)`}
                      stroke="#4d4d4d"
                    />
                  ) : null}
                  <text x={LABEL_WIDTH + w1 + w2 + 4} y={y + 14} fontSize="12" fill="#1a1a1a">
                    {b.second !== undefined
                      ? `${formatNumber(b.value)} / ${formatNumber(b.second)}`
                      : formatNumber(b.value)}
                  </text>
                </g>
              );
            })}
          </svg>
          {secondLabel ? (
            <p className="chart__legend" aria-hidden="true">
              <span className="chart__key chart__key--solid" /> {valueLabel}
              <span className="chart__key chart__key--hatch" /> {secondLabel}
            </p>
          ) : null}
          <details className="chart__table">
            <summary>{t("statistics.showTable", { title })}</summary>
            <ScrollRegion labelledBy={`${id}-c`}>
              <table>
                <caption id={`${id}-c`}>{title}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("statistics.category")}</th>
                    <th scope="col" className="num">
                      {valueLabel}
                    </th>
                    {secondLabel ? (
                      <th scope="col" className="num">
                        {secondLabel}
                      </th>
                    ) : null}
                  </tr>
                </thead>
                <tbody>
                  {bars.map((b) => (
                    <tr key={b.key}>
                      <th scope="row">{b.label}</th>
                      <td className="num">{formatNumber(b.value)}</td>
                      {secondLabel ? <td className="num">{formatNumber(b.second ?? 0)}</td> : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          </details>
          {csvHref ? (
            <p>
              <a href={csvHref} download>
                {t("statistics.csv", { title })}
              </a>
            </p>
          ) : null}
        </>
      )}
    </div>
  );
}
