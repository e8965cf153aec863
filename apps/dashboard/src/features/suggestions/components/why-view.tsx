import {
  type CooperationAreaCode,
  cooperationAreaLabel,
  DEFAULT_WEIGHTS,
  isCooperationAreaCode,
  type SituationCategory,
  situationLabel,
} from "@pobratym/core";
import { useI18n } from "../../../i18n";
import type { ReasonCode, ReasonComponent } from "../api/suggestions";

const WEIGHT_OF: Readonly<Record<ReasonCode, number>> = {
  "thematic-fit": DEFAULT_WEIGHTS.thematicFit,
  "situation-fit": DEFAULT_WEIGHTS.situationFit,
  size: DEFAULT_WEIGHTS.size,
  language: DEFAULT_WEIGHTS.language,
  preference: DEFAULT_WEIGHTS.preference,
  fairness: DEFAULT_WEIGHTS.fairness,
  "learn-from": DEFAULT_WEIGHTS.learnFrom,
};

const str = (v: unknown) => (typeof v === "string" ? v : undefined);
const num = (v: unknown) => (typeof v === "number" ? v : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const areas = (v: unknown): CooperationAreaCode[] =>
  list(v).filter(
    (a): a is CooperationAreaCode => typeof a === "string" && isCooperationAreaCode(a),
  );

/** The sentence explaining one component, in the interface language. */
function useReasonText() {
  const { t, locale, formatNumber, languageName } = useI18n();
  return (c: ReasonComponent): string => {
    const d = c.data;
    switch (c.code) {
      case "thematic-fit": {
        const matched = list(d.matched).flatMap((m) => {
          if (!m || typeof m !== "object") return [];
          const r = m as Record<string, unknown>;
          const area = str(r.area);
          if (!area || !isCooperationAreaCode(area)) return [];
          const level = str(r.offerExperience);
          const label = cooperationAreaLabel(area, locale);
          return [
            level === "basic" || level === "experienced" || level === "expert"
              ? `${label} (${t(`experience.${level}`)})`
              : label,
          ];
        });
        const missing = areas(d.unmatched).map((a) => cooperationAreaLabel(a, locale));
        const first =
          matched.length > 0
            ? t("why.thematic.shared", { areas: matched.join(", ") })
            : t("why.thematic.none");
        return missing.length > 0
          ? `${first} ${t("why.thematic.missing", { areas: missing.join(", ") })}`
          : first;
      }
      case "situation-fit": {
        const category = str(d.category);
        const situation =
          category === "occupied" ||
          category === "frontline" ||
          category === "deoccupied" ||
          category === "rear"
            ? situationLabel(category as SituationCategory, locale)
            : t("common.notRecorded");
        const offered = areas(d.areas)
          .map((a) => cooperationAreaLabel(a, locale))
          .join(", ");
        if (d.basis === "rebuilding")
          return t("why.situation.rebuilding", { situation, areas: offered });
        if (d.basis === "reception") {
          const hosted = num(d.displacedHosted);
          return t("why.situation.reception", {
            situation,
            displaced: hosted === undefined ? t("common.notRecorded") : formatNumber(hosted),
            areas: offered,
          });
        }
        return t("why.situation.none", { situation });
      }
      case "size": {
        const h = num(d.hromadaPopulation);
        const p = num(d.partnerPopulation);
        if (h === undefined || p === undefined) return t("why.size.unknown");
        const hy = num(d.hromadaPopulationYear);
        const py = num(d.partnerPopulationYear);
        // Years as plain digits: a grouped "2,022" would read as a number.
        if (hy !== undefined && py !== undefined)
          return t("why.size.compareDated", {
            hromada: formatNumber(h),
            partner: formatNumber(p),
            hromadaYear: String(hy),
            partnerYear: String(py),
          });
        return t("why.size.compare", { hromada: formatNumber(h), partner: formatNumber(p) });
      }
      case "language": {
        const shared = list(d.shared).filter((l): l is string => typeof l === "string");
        return shared.length > 0
          ? t("why.language.shared", { languages: shared.map(languageName).join(", ") })
          : t("why.language.none");
      }
      case "preference": {
        const outcomes = [
          "partnerRegions",
          "partnerSituations",
          "partnerSize",
          "hromadaCountries",
        ].map((k) => d[k]);
        const stated = outcomes.filter((o) => o === "met" || o === "unmet").length;
        const met = outcomes.filter((o) => o === "met").length;
        return stated === 0 ? t("why.preference.none") : t("why.preference.met", { met, stated });
      }
      case "fairness": {
        const parts: string[] = [];
        if (d.noPartnerYet === true) parts.push(t("why.fairness.noPartner"));
        if (d.smallWithoutExperience === true) parts.push(t("why.fairness.small"));
        return parts.length > 0 ? parts.join(" ") : t("why.fairness.none");
      }
      case "learn-from":
        return t("why.learnFrom.areas", {
          areas: areas(d.areas)
            .map((a) => cooperationAreaLabel(a, locale))
            .join(", "),
        });
    }
  };
}

/**
 * Why a pair scored what it did: each reason as text, with a small bar showing how much of that
 * reason's share of the score it earned. The numbers are in the text too, so the bars are decorative.
 * With `fold`, only the decisive reasons (those that set the candidate's place) are shown, and the
 * others sit in a disclosure.
 */
export function WhyView({
  components,
  headingId,
  compact = false,
  fold = false,
}: {
  components: readonly ReasonComponent[];
  headingId?: string;
  /** Stacks each reason's sentence under its bar, for narrow places such as a table cell. */
  compact?: boolean;
  /** Shows the decisive reasons and folds the rest. */
  fold?: boolean;
}) {
  const { t } = useI18n();
  const className = compact ? "why why--compact" : "why";
  if (!fold) {
    return (
      <ul className={className} aria-labelledby={headingId}>
        {components.map((c) => (
          <Reason key={c.code} component={c} />
        ))}
      </ul>
    );
  }
  const decisive = components.filter((c) => c.decisive === true);
  const rest = components.filter((c) => c.decisive !== true);
  return (
    <>
      {decisive.length > 0 ? (
        <ul className={className} aria-labelledby={headingId}>
          {decisive.map((c) => (
            <Reason key={c.code} component={c} />
          ))}
        </ul>
      ) : null}
      {rest.length > 0 ? (
        <details className="why__more">
          <summary>{t("why.more", { count: rest.length })}</summary>
          <ul className={className}>
            {rest.map((c) => (
              <Reason key={c.code} component={c} />
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}

function Reason({ component: c }: { component: ReasonComponent }) {
  const { t, formatNumber } = useI18n();
  const reason = useReasonText();
  const max = WEIGHT_OF[c.code];
  const share = max > 0 ? Math.max(0, Math.min(1, c.contribution / max)) : 0;
  return (
    <li className="why__item">
      <span className="why__label">{t(`why.${c.code}`)}</span>
      <span className="bar-track" aria-hidden="true">
        <span className="bar-fill" style={{ width: `${share * 100}%` }} />
      </span>
      <span className="why__points">
        {t("why.points", {
          points: formatNumber(c.contribution, { maximumFractionDigits: 1 }),
          max: formatNumber(max),
        })}
      </span>
      <span className="why__text">{reason(c)}</span>
    </li>
  );
}
