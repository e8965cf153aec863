import {
  CountryCode,
  type RoundDetail,
  type RoundProposal,
  SITUATION_CATEGORIES,
  type SituationCategory,
  situationLabel,
} from "@pobratym/core";
import { type ReactNode, useEffect, useState } from "react";
import { ErrorView } from "../../../components/ui/error-view";
import { PageHeading } from "../../../components/ui/page-heading";
import { ScrollRegion } from "../../../components/ui/scroll-region";
import { useI18n } from "../../../i18n";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { roundCsvUrl, useAcceptPairs, useRunRound } from "../api/rounds";

const ROUND_COUNTRIES = ["SE", "NO", "DK", "FI", "DE", "PL"] as const;
const pairKey = (p: RoundProposal) => `${p.hromada.id}|${p.partner.id}`;

/** The round form's state. */
interface Form {
  countries: CountryCode[];
  oblasts: string;
  situations: SituationCategory[];
  minScore: number;
  maximiseMatched: boolean;
  mode: "optimal" | "stable";
}

/** National round (coordinators): choose options, run, review the proposed pairs with reasons, accept some or all. */
export function RoundsPage({
  renderReasons,
  pipelinePath,
}: {
  /** Renders a pair's score reasons (the app passes the suggestions' "why" view). */
  renderReasons: (pair: RoundProposal) => ReactNode;
  pipelinePath: string;
}) {
  const { t, countryName, locale, formatNumber } = useI18n();
  useDocumentTitle(t("rounds.title"));
  const [form, setForm] = useState<Form>({
    countries: [],
    oblasts: "",
    situations: [],
    minScore: 20,
    maximiseMatched: true,
    mode: "optimal",
  });
  const run = useRunRound();
  const accept = useAcceptPairs();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [accepted, setAccepted] = useState<number | null>(null);
  const round: RoundDetail | undefined = run.data;
  const proposals = round?.proposals ?? [];
  const open = proposals.filter((p) => p.status === "proposed");

  useEffect(() => {
    setSelected(
      new Set((round?.proposals ?? []).filter((p) => p.status === "proposed").map(pairKey)),
    );
    setAccepted(null);
  }, [round]);

  const toggle = <T,>(list: readonly T[], v: T, on: boolean) =>
    on ? [...list, v] : list.filter((x) => x !== v);

  const submit = () => {
    const oblasts = form.oblasts
      .split(/[,;\s]+/)
      .map((s) => s.trim().toUpperCase())
      .filter(Boolean);
    run.mutate({
      hromadas: {
        ...(oblasts.length > 0 ? { oblasts } : {}),
        ...(form.situations.length > 0 ? { situations: form.situations } : {}),
      },
      partners: form.countries.length > 0 ? { countries: form.countries } : {},
      minScore: form.minScore,
      maximiseMatched: form.maximiseMatched,
      mode: form.mode,
    });
  };

  const doAccept = (pairs: RoundProposal[] | "all", count: number) => {
    if (!round || count === 0 || accept.isPending) return;
    accept.mutate(
      {
        id: round.id,
        pairs:
          pairs === "all"
            ? "all"
            : pairs.map((p) => ({ hromadaId: p.hromada.id, partnerId: p.partner.id })),
      },
      {
        onSuccess: (result) => {
          setAccepted(result.accepted.length);
          const done = new Set(result.accepted.map((a) => `${a.hromadaId}|${a.partnerId}`));
          setSelected((s) => new Set([...s].filter((k) => !done.has(k))));
        },
      },
    );
  };

  return (
    <>
      <PageHeading>{t("rounds.title")}</PageHeading>
      <p>{t("rounds.intro")}</p>
      <form
        className="form-panel"
        onSubmit={(e) => {
          e.preventDefault();
          if (!run.isPending) submit();
        }}
      >
        <fieldset className="fieldset">
          <legend>{t("rounds.countries")}</legend>
          <p className="field__hint">{t("rounds.allIfNone")}</p>
          {ROUND_COUNTRIES.map((c) => (
            <label key={c} className="choice choice--inline">
              <input
                type="checkbox"
                checked={form.countries.includes(c)}
                onChange={(e) =>
                  setForm({
                    ...form,
                    countries: toggle(form.countries, CountryCode.parse(c), e.target.checked),
                  })
                }
              />{" "}
              {countryName(c)}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor="round-oblasts">{t("rounds.oblasts")}</label>
          <p id="round-oblasts-hint" className="field__hint">
            {t("questionnaire.hint.regions")}
          </p>
          <input
            id="round-oblasts"
            aria-describedby="round-oblasts-hint"
            value={form.oblasts}
            onChange={(e) => setForm({ ...form, oblasts: e.target.value })}
          />
        </div>
        <fieldset className="fieldset">
          <legend>{t("rounds.situations")}</legend>
          <p className="field__hint">{t("rounds.allIfNone")}</p>
          {SITUATION_CATEGORIES.map(({ code }) => (
            <label key={code} className="choice choice--inline">
              <input
                type="checkbox"
                checked={form.situations.includes(code)}
                onChange={(e) =>
                  setForm({
                    ...form,
                    situations: toggle<SituationCategory>(form.situations, code, e.target.checked),
                  })
                }
              />{" "}
              {situationLabel(code, locale)}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor="round-min-score">{t("rounds.minScore")}</label>
          <input
            id="round-min-score"
            type="number"
            min={0}
            max={100}
            step={1}
            value={form.minScore}
            onChange={(e) =>
              setForm({
                ...form,
                minScore: Math.max(0, Math.min(100, Number(e.target.value) || 0)),
              })
            }
          />
        </div>
        <label className="choice">
          <input
            type="checkbox"
            checked={form.maximiseMatched}
            onChange={(e) => setForm({ ...form, maximiseMatched: e.target.checked })}
          />{" "}
          {t("rounds.maximiseMatched")}
        </label>
        <fieldset className="fieldset">
          <legend>{t("rounds.mode")}</legend>
          {(["optimal", "stable"] as const).map((mode) => (
            <label key={mode} className="choice">
              <input
                type="radio"
                name="round-mode"
                checked={form.mode === mode}
                onChange={() => setForm({ ...form, mode })}
              />{" "}
              {t(`rounds.mode.${mode}`)}
            </label>
          ))}
        </fieldset>
        <div>
          <button type="submit" className="button" aria-disabled={run.isPending}>
            {run.isPending ? t("rounds.running") : t("rounds.run")}
          </button>
        </div>
      </form>

      {run.isError ? <ErrorView error={run.error} /> : null}
      <div role="status">
        {round ? (
          <p className="results__summary">
            {t("rounds.summary", {
              count: proposals.length,
              total: formatNumber(round.result.totalScore, { maximumFractionDigits: 1 }),
              unmatched: round.result.unmatchedHromadas,
            })}
          </p>
        ) : null}
        {accepted !== null ? (
          <p className="results__summary">{t("rounds.accepted", { count: accepted })}</p>
        ) : null}
      </div>

      {round ? (
        <section aria-labelledby="round-result-h">
          <h2 id="round-result-h">{t("rounds.result")}</h2>
          {round.result.stable && round.result.stable.optimum > 0 ? (
            <p>
              {t("rounds.stableCompare", {
                percent: formatNumber(round.result.stable.welfare / round.result.stable.optimum, {
                  style: "percent",
                  maximumFractionDigits: 1,
                }),
              })}
            </p>
          ) : null}
          {proposals.length === 0 ? (
            <div className="notice">
              <p className="notice__title">{t("rounds.empty")}</p>
            </div>
          ) : (
            <>
              <div className="data-actions">
                <button
                  type="button"
                  className="button"
                  aria-disabled={accept.isPending || selected.size === 0}
                  onClick={() =>
                    doAccept(
                      open.filter((p) => selected.has(pairKey(p))),
                      selected.size,
                    )
                  }
                >
                  {t("rounds.acceptSelected", { count: selected.size })}
                </button>
                <button
                  type="button"
                  className="button button--secondary"
                  aria-disabled={accept.isPending || open.length === 0}
                  onClick={() => doAccept("all", open.length)}
                >
                  {t("rounds.acceptAll")}
                </button>
                <a href={roundCsvUrl(round.id)} download>
                  {t("rounds.csv")}
                </a>
                {accepted !== null ? <a href={pipelinePath}>{t("rounds.toPipeline")}</a> : null}
              </div>
              {accept.isError ? <ErrorView error={accept.error} /> : null}
              <ScrollRegion labelledBy="round-caption">
                <table>
                  <caption id="round-caption">{t("rounds.caption")}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("rounds.select")}</th>
                      <th scope="col">{t("kind.hromada")}</th>
                      <th scope="col">{t("kind.partner")}</th>
                      <th scope="col" className="num">
                        {t("rounds.score")}
                      </th>
                      <th scope="col">{t("rounds.reasons")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {proposals.map((p) => {
                      const key = pairKey(p);
                      return (
                        <tr key={key}>
                          <td>
                            {p.status === "proposed" ? (
                              <input
                                type="checkbox"
                                aria-label={t("rounds.selectPair", {
                                  hromada: p.hromada.name,
                                  partner: p.partner.name,
                                })}
                                checked={selected.has(key)}
                                onChange={(e) => {
                                  const next = new Set(selected);
                                  if (e.target.checked) next.add(key);
                                  else next.delete(key);
                                  setSelected(next);
                                }}
                              />
                            ) : (
                              t(`rounds.status.${p.status}`)
                            )}
                          </td>
                          <th scope="row">
                            {p.hromada.name}
                            <span className="name__alt">{p.hromada.region}</span>
                          </th>
                          <td>
                            {p.partner.name}
                            <span className="name__alt">{countryName(p.partner.country)}</span>
                          </td>
                          <td className="num">
                            {formatNumber(p.score, { maximumFractionDigits: 1 })}
                          </td>
                          <td>
                            <details>
                              <summary>
                                {t("rounds.why")}
                                <span className="visually-hidden">
                                  : {p.hromada.name} – {p.partner.name}
                                </span>
                              </summary>
                              {renderReasons(p)}
                            </details>
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </ScrollRegion>
            </>
          )}
        </section>
      ) : null}
    </>
  );
}
