import {
  allowedMoves,
  COOPERATION_AREAS,
  CooperationAreaCode,
  CountryCode,
  cooperationAreaLabel,
  FundingSource,
  type PartnershipSummary,
  STAGES,
  type Stage,
  stageLabel,
} from "@pobratym/core";
import { type DragEvent, useEffect, useMemo, useState } from "react";
import { useSearchParams } from "react-router";
import { ErrorView } from "../../../components/ui/error-view";
import { Loading } from "../../../components/ui/loading";
import { PageHeading } from "../../../components/ui/page-heading";
import { useI18n } from "../../../i18n";
import { ApiError } from "../../../lib/api-client";
import { useDocumentTitle } from "../../../lib/use-document-title";
import {
  type MoveInput,
  type PipelineFilters,
  useMovePartnership,
  usePartnerships,
} from "../api/partnerships";
import { PartnershipCard } from "./partnership-card";
import "./pipeline.css";

const COUNTRIES = ["SE", "NO", "DK", "FI", "DE", "PL", "NL", "FR", "LT", "LV", "EE", "CH"] as const;

function useFilters(): [PipelineFilters, (next: PipelineFilters) => void] {
  const [params, setParams] = useSearchParams();
  const filters: PipelineFilters = {
    country: CountryCode.safeParse(params.get("country")).data ?? "",
    area: CooperationAreaCode.safeParse(params.get("area")).data ?? "",
    funding: FundingSource.safeParse(params.get("funding")).data ?? "",
  };
  const set = (next: PipelineFilters) => {
    const search = new URLSearchParams();
    for (const [k, v] of Object.entries(next)) if (v) search.set(k, v);
    setParams(search, { replace: true });
  };
  return [filters, set];
}

/** What happened to the last move, for the live region and the alert. */
type Outcome =
  | { kind: "moved"; title: string; to: Stage }
  | { kind: "illegal"; card: PartnershipSummary; to: Stage; allowed: Stage[] }
  | { kind: "stale"; title: string }
  | { kind: "error"; error: unknown };

/** The partnership pipeline: one column per stage; cards move by keyboard (menu) or by drag and drop. */
export function PipelineBoard({ profilePath }: { profilePath: (id: string) => string }) {
  const { t, locale, countryName } = useI18n();
  useDocumentTitle(t("pipeline.title"));
  const [filters, setFilters] = useFilters();
  const board = usePartnerships(filters);
  const move = useMovePartnership();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [focusId, setFocusId] = useState<string | null>(null);
  const [dropTarget, setDropTarget] = useState<Stage | null>(null);

  const items = board.data?.items ?? [];
  const byStage = useMemo(() => {
    const map = new Map<Stage, PartnershipSummary[]>(STAGES.map((s) => [s.code, []]));
    for (const item of items) map.get(item.stage)?.push(item);
    return map;
  }, [items]);

  // After a move the card re-renders in another column; put focus back on it so keyboard users keep their place.
  useEffect(() => {
    if (!focusId || board.isFetching) return;
    document.getElementById(`card-${focusId}`)?.focus();
    setFocusId(null);
  }, [focusId, board.isFetching]);

  const title = (p: PartnershipSummary) =>
    `${p.hromada.name} – ${p.partners.map((x) => x.name).join(", ")}`;

  const doMove = (card: PartnershipSummary, to: Stage) => {
    if (card.stage === to) return;
    const input: MoveInput = { id: card.id, to, version: card.version };
    setOutcome(null);
    move.mutate(input, {
      onSuccess: () => {
        setOutcome({ kind: "moved", title: title(card), to });
        setFocusId(card.id);
      },
      onError: (error) => {
        if (error instanceof ApiError && error.status === 409) {
          const allowed = error.allowed.length > 0 ? error.allowed : allowedMoves(card.stage);
          setOutcome({ kind: "illegal", card, to, allowed: allowed as Stage[] });
        } else if (error instanceof ApiError && error.status === 412) {
          setOutcome({ kind: "stale", title: title(card) });
        } else {
          setOutcome({ kind: "error", error });
        }
        setFocusId(card.id);
      },
    });
  };

  const onDrop = (event: DragEvent, to: Stage) => {
    event.preventDefault();
    setDropTarget(null);
    const id = event.dataTransfer.getData("text/plain");
    const card = items.find((i) => i.id === id);
    if (card) doMove(card, to);
  };

  return (
    <>
      <PageHeading>{t("pipeline.title")}</PageHeading>
      <p>{t("pipeline.intro")}</p>
      <form className="form-panel form-panel--inline" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="pipeline-country">{t("pipeline.filter.country")}</label>
          <select
            id="pipeline-country"
            value={filters.country}
            onChange={(e) =>
              setFilters({ ...filters, country: CountryCode.safeParse(e.target.value).data ?? "" })
            }
          >
            <option value="">{t("catalogue.filters.anyCountry")}</option>
            {COUNTRIES.map((c) => (
              <option key={c} value={c}>
                {countryName(c)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="pipeline-area">{t("pipeline.filter.area")}</label>
          <select
            id="pipeline-area"
            value={filters.area}
            onChange={(e) =>
              setFilters({
                ...filters,
                area: CooperationAreaCode.safeParse(e.target.value).data ?? "",
              })
            }
          >
            <option value="">{t("catalogue.filters.anyArea")}</option>
            {COOPERATION_AREAS.map((a) => (
              <option key={a.code} value={a.code}>
                {cooperationAreaLabel(a.code, locale)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="pipeline-funding">{t("pipeline.filter.funding")}</label>
          <select
            id="pipeline-funding"
            value={filters.funding}
            onChange={(e) =>
              setFilters({
                ...filters,
                funding: FundingSource.safeParse(e.target.value).data ?? "",
              })
            }
          >
            <option value="">{t("pipeline.filter.anyFunding")}</option>
            {FundingSource.options.map((f) => (
              <option key={f} value={f}>
                {t(`funding.${f}`)}
              </option>
            ))}
          </select>
        </div>
      </form>

      <p role="status" className="results__summary">
        {outcome?.kind === "moved"
          ? t("pipeline.moved", { title: outcome.title, stage: stageLabel(outcome.to, locale) })
          : board.isSuccess
            ? t("pipeline.count", { count: items.length })
            : ""}
      </p>
      {outcome?.kind === "illegal" ? (
        <div className="notice notice--error" role="alert">
          <p className="notice__title">
            {t("pipeline.illegal", {
              from: stageLabel(outcome.card.stage, locale),
              to: stageLabel(outcome.to, locale),
            })}
          </p>
          <p>{t("pipeline.allowedMoves")}</p>
          <ul className="inline-actions">
            {outcome.allowed.map((s) => (
              <li key={s}>
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => doMove(outcome.card, s)}
                >
                  {t("pipeline.moveTo", { stage: stageLabel(s, locale) })}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : outcome?.kind === "stale" ? (
        <div className="notice notice--warn" role="alert">
          <p className="notice__title">{t("pipeline.stale.title")}</p>
          <p>{t("pipeline.stale.body", { title: outcome.title })}</p>
        </div>
      ) : outcome?.kind === "error" ? (
        <ErrorView error={outcome.error} />
      ) : null}

      {board.isPending ? (
        <Loading />
      ) : board.isError ? (
        <ErrorView error={board.error} onRetry={() => void board.refetch()} />
      ) : items.length === 0 ? (
        <div className="notice">
          <p className="notice__title">{t("pipeline.empty")}</p>
        </div>
      ) : (
        <div className="board" aria-busy={board.isFetching || move.isPending}>
          {STAGES.map(({ code }) => {
            const cards = byStage.get(code) ?? [];
            return (
              <section
                key={code}
                className={`board__column${dropTarget === code ? " board__column--target" : ""}`}
                aria-labelledby={`column-${code}`}
                data-stage={code}
                onDragOver={(e) => {
                  e.preventDefault();
                  setDropTarget(code);
                }}
                onDragLeave={() => setDropTarget((s) => (s === code ? null : s))}
                onDrop={(e) => onDrop(e, code)}
              >
                <h2 id={`column-${code}`} className="board__heading">
                  {stageLabel(code, locale)} <span className="board__count">({cards.length})</span>
                </h2>
                {cards.length === 0 ? (
                  <p className="muted board__empty">{t("pipeline.column.empty")}</p>
                ) : (
                  <ul className="board__cards">
                    {cards.map((card) => (
                      <li key={card.id}>
                        <PartnershipCard
                          card={card}
                          title={title(card)}
                          onMove={(to) => doMove(card, to)}
                          busy={move.isPending}
                          profilePath={profilePath}
                        />
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            );
          })}
        </div>
      )}
    </>
  );
}
