import type { LeftOutCountSchema, SuggestionItem } from "@pobratym/core";
import { useState } from "react";
import { Link } from "react-router";
import { ErrorView } from "../../../components/ui/error-view";
import { Loading } from "../../../components/ui/loading";
import { PageHeading } from "../../../components/ui/page-heading";
import { useI18n } from "../../../i18n";
import { displayName } from "../../../lib/municipality-name";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { useCreatePartnership, useMunicipalitySearch, useSuggestions } from "../api/suggestions";
import { WhyView } from "./why-view";
import "./suggestions.css";

/** Picks a municipality by name when the page is opened without one. */
export function SuggestionsPicker({
  suggestionsPath,
}: {
  suggestionsPath: (id: string) => string;
}) {
  const { t, locale } = useI18n();
  useDocumentTitle(t("suggestions.title"));
  const [q, setQ] = useState("");
  const found = useMunicipalitySearch(q);
  return (
    <>
      <PageHeading>{t("suggestions.title")}</PageHeading>
      <p>{t("suggestions.pick")}</p>
      <search>
        <form className="form-panel" onSubmit={(e) => e.preventDefault()}>
          <div className="field">
            <label htmlFor="suggestions-q">{t("catalogue.search.label")}</label>
            <input
              id="suggestions-q"
              type="search"
              value={q}
              onChange={(e) => setQ(e.target.value)}
            />
          </div>
        </form>
      </search>
      {found.isError ? <ErrorView error={found.error} /> : null}
      {found.data ? (
        found.data.items.length === 0 ? (
          <p role="status">{t("catalogue.results.empty")}</p>
        ) : (
          <ul>
            {found.data.items.map((m) => (
              <li key={m.id}>
                <Link to={suggestionsPath(m.id)}>{displayName(m.names, m.kind, locale)}</Link>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </>
  );
}

/** A municipality's top counterparts, each with the reasons behind its score and actions to start a partnership. */
export function SuggestionsPage({
  municipalityId,
  profilePath,
}: {
  municipalityId: string;
  profilePath: (id: string) => string;
}) {
  const { t } = useI18n();
  const suggestions = useSuggestions(municipalityId);
  const name = suggestions.data?.subject.name ?? municipalityId;
  useDocumentTitle(t("suggestions.titleFor", { name }));

  return (
    <>
      <PageHeading>{t("suggestions.titleFor", { name })}</PageHeading>
      <p>{t("suggestions.intro")}</p>
      {suggestions.isPending ? (
        <Loading />
      ) : suggestions.isError ? (
        <ErrorView error={suggestions.error} onRetry={() => void suggestions.refetch()} />
      ) : suggestions.data.status === "complete-profile" ? (
        <div className="notice" role="status">
          <p className="notice__title">{t("suggestions.completeProfile")}</p>
          <p>{t("suggestions.completeProfileHint")}</p>
          <p>
            <Link to={profilePath(municipalityId)}>{t("suggestions.completeProfileLink")}</Link>
          </p>
        </div>
      ) : suggestions.data.items.length === 0 ? (
        <>
          <div className="notice">
            <p className="notice__title">{t("suggestions.empty")}</p>
            <p>{t("suggestions.emptyHint")}</p>
          </div>
          <LeftOut leftOut={suggestions.data.leftOut} />
        </>
      ) : (
        <>
          <ol className="suggestions">
            {suggestions.data.items.map((s, i) => (
              <li key={s.municipality.id}>
                <Suggestion
                  rank={i + 1}
                  suggestion={s}
                  subjectId={municipalityId}
                  profilePath={profilePath}
                />
              </li>
            ))}
          </ol>
          <LeftOut leftOut={suggestions.data.leftOut} />
        </>
      )}
    </>
  );
}

/** Who was left out of a list and why, as translated reason codes with counts. */
export function LeftOut({ leftOut }: { leftOut: readonly LeftOutCountSchema[] }) {
  const { t } = useI18n();
  if (leftOut.length === 0) return null;
  return (
    <section aria-labelledby="left-out-heading" className="left-out">
      <h2 id="left-out-heading">{t("suggestions.leftOut")}</h2>
      <ul>
        {leftOut.map((l) => (
          <li key={`${l.side}-${l.code}`}>{t(`leftOut.${l.code}`, { count: l.count })}</li>
        ))}
      </ul>
    </section>
  );
}

function tieTowns(data: Record<string, unknown>): string {
  const ties = Array.isArray(data.ties) ? data.ties : [];
  return ties
    .map((x) => (x && typeof x === "object" ? (x as { foreignTown?: unknown }).foreignTown : null))
    .filter((x): x is string => typeof x === "string")
    .join(", ");
}

function Suggestion({
  rank,
  suggestion,
  subjectId,
  profilePath,
}: {
  rank: number;
  suggestion: SuggestionItem;
  subjectId: string;
  profilePath: (id: string) => string;
}) {
  const { t, formatNumber, countryName } = useI18n();
  const create = useCreatePartnership();
  const [done, setDone] = useState<"contact" | "letter-of-intent" | null>(null);
  const headingId = `suggestion-${rank}`;
  const candidate = suggestion.municipality;
  const candidateId = candidate.id;
  const name = candidate.name;
  const subjectIsHromada = candidate.kind === "partner";
  const hromadaId = subjectIsHromada ? subjectId : candidateId;
  const partnerId = subjectIsHromada ? candidateId : subjectId;

  const record = (stage: "contact" | "letter-of-intent") => {
    if (create.isPending) return;
    create.mutate(
      {
        hromadaId,
        partnerIds: [partnerId],
        agreementType: stage === "letter-of-intent" ? "letter-of-intent" : "municipal-partnership",
        areas: [],
        funding: [],
        stage,
      },
      { onSuccess: () => setDone(stage) },
    );
  };

  return (
    <article className="suggestion" aria-labelledby={headingId}>
      <div className="suggestion__head">
        <h2 id={headingId} className="suggestion__title">
          {rank}. <Link to={profilePath(candidateId)}>{name}</Link>
          <span className="suggestion__where">
            {candidate.region}, {countryName(candidate.country)}
          </span>
        </h2>
        <span className="suggestion__score">
          {t("suggestions.score", {
            score: formatNumber(suggestion.score, { maximumFractionDigits: 1 }),
          })}
        </span>
      </div>
      <h3 className="visually-hidden" id={`${headingId}-why`}>
        {t("suggestions.why", { name })}
      </h3>
      {suggestion.exploratory ? (
        <p className="suggestion__mark">{t("suggestions.exploratory")}</p>
      ) : null}
      {suggestion.flags.map((f) => (
        <p key={f.code} className="suggestion__flag" role="note">
          {t(`suggestions.flag.${f.code}`, { towns: tieTowns(f.data) })}
        </p>
      ))}
      <WhyView components={suggestion.components} headingId={`${headingId}-why`} fold />
      <div className="data-actions">
        {done ? (
          <p role="status">
            {t(done === "contact" ? "suggestions.contacted" : "suggestions.letterRecorded", {
              name,
            })}
          </p>
        ) : (
          <>
            <button
              type="button"
              className="button button--small"
              aria-disabled={create.isPending}
              onClick={() => record("contact")}
            >
              {t("suggestions.contact")}
              <span className="visually-hidden">: {name}</span>
            </button>
            <button
              type="button"
              className="button button--small button--secondary"
              aria-disabled={create.isPending}
              onClick={() => record("letter-of-intent")}
            >
              {t("suggestions.letter")}
              <span className="visually-hidden">: {name}</span>
            </button>
          </>
        )}
      </div>
      {create.isError ? <ErrorView error={create.error} /> : null}
    </article>
  );
}
