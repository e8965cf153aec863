import {
  type CooperationAreaCode,
  cooperationAreaLabel,
  type PublicMunicipality,
  type QuestionnaireReview,
} from "@pobratym/core";
import { type KeyboardEvent, useEffect, useId, useRef, useState } from "react";
import { Link, useNavigate } from "react-router";
import { ErrorView } from "../../../components/ui/error-view";
import { Loading } from "../../../components/ui/loading";
import { PageHeading } from "../../../components/ui/page-heading";
import { PROFILE_FIELD_LABELS, useProfileValue } from "../../../components/ui/profile-value";
import { ScrollRegion } from "../../../components/ui/scroll-region";
import { useI18n } from "../../../i18n";
import { ApiError } from "../../../lib/api-client";
import { displayName, regionName } from "../../../lib/municipality-name";
import { useDocumentTitle } from "../../../lib/use-document-title";
import {
  useApproveQuestionnaire,
  usePartnerSearch,
  useQuestionnaireReview,
} from "../api/questionnaires";
import { SubmissionView } from "./submission-view";

/** What the list shows once the review page has approved a questionnaire (router state). */
export interface ApprovedState {
  approved: string;
}

/**
 * Coordinators: one submission in full, how it compares with the catalogue row it names, and what
 * approval changes there, field by field. Approval asks for confirmation. A mismatch (another
 * municipality's number, a name that is none of its names) is flagged; the API refuses it until
 * the coordinator picks the municipality here.
 */
export function QuestionnaireReviewPage({ id, listPath }: { id: string; listPath: string }) {
  const { t } = useI18n();
  const [chosen, setChosen] = useState<string | undefined>();
  const review = useQuestionnaireReview(id, chosen);
  const name = review.data?.submission.answers.municipality.name ?? "";
  useDocumentTitle(t("review.title", { name }));

  return (
    <>
      <p>
        <Link to={listPath}>{t("review.back")}</Link>
      </p>
      <PageHeading>{t("review.title", { name })}</PageHeading>
      {review.isPending ? (
        <Loading />
      ) : review.isError ? (
        <ErrorView error={review.error} onRetry={() => void review.refetch()} />
      ) : (
        <>
          <MatchSection review={review.data} onChoose={setChosen} />
          <ChangesSection review={review.data} />
          {review.data.submission.status === "submitted" ? (
            <ApproveControl review={review.data} chosen={chosen} listPath={listPath} />
          ) : null}
          <section aria-labelledby="review-submission">
            <h2 id="review-submission">{t("review.submission")}</h2>
            <SubmissionView answers={review.data.submission.answers} />
          </section>
        </>
      )}
    </>
  );
}

function targetName(target: PublicMunicipality | null, locale: Parameters<typeof displayName>[2]) {
  return target ? displayName(target.names, target.kind, locale) : "";
}

function MatchSection({
  review,
  onChoose,
}: {
  review: QuestionnaireReview;
  onChoose: (id: string | undefined) => void;
}) {
  const { t, locale } = useI18n();
  const typed = review.submission.answers.municipality;
  const target = targetName(review.target, locale);
  const mismatched = review.mismatches.length > 0 || !review.target;
  return (
    <section aria-labelledby="review-match">
      <h2 id="review-match">{t("review.match")}</h2>
      {!review.target ? (
        <div className="notice notice--warn">
          <p className="notice__title">{t("review.match.missing")}</p>
        </div>
      ) : review.mismatches.length > 0 ? (
        <div className="notice notice--warn">
          <p className="notice__title">
            {t("review.match.mismatch", { code: review.target.officialCode, target })}
          </p>
          <ul>
            {review.mismatches.map((m) => (
              <li key={m}>{t(`review.mismatch.${m}`, { name: typed.name, target })}</li>
            ))}
          </ul>
        </div>
      ) : review.chosen ? (
        <p>{t("review.match.chosen", { target })}</p>
      ) : review.target.status === "draft" ? (
        <p>{t("review.match.new", { target })}</p>
      ) : (
        <p>{t("review.match.ok", { target })}</p>
      )}
      {mismatched || review.chosen ? (
        <PickMunicipality
          review={review}
          onChoose={onChoose}
          initialQuery={review.chosen ? "" : typed.name}
        />
      ) : null}
    </section>
  );
}

function PickMunicipality({
  review,
  onChoose,
  initialQuery,
}: {
  review: QuestionnaireReview;
  onChoose: (id: string | undefined) => void;
  initialQuery: string;
}) {
  const { t, locale } = useI18n();
  const id = useId();
  const [query, setQuery] = useState(initialQuery);
  const found = usePartnerSearch(query);
  const chosenId = review.chosen ? review.target?.id : undefined;
  return (
    <div className="form-panel">
      <h3>{t("review.pick.title")}</h3>
      <div className="field">
        <label htmlFor={`${id}-q`}>{t("review.pick.search")}</label>
        <p id={`${id}-hint`} className="field__hint">
          {t("review.pick.hint")}
        </p>
        <input
          id={`${id}-q`}
          type="search"
          value={query}
          aria-describedby={`${id}-hint`}
          onChange={(e) => setQuery(e.target.value)}
        />
      </div>
      {found.isError ? <ErrorView error={found.error} /> : null}
      {found.data ? (
        found.data.items.length === 0 ? (
          <p role="status">{t("review.pick.none")}</p>
        ) : (
          <fieldset>
            <legend>{t("review.pick.legend")}</legend>
            {found.data.items.map((m) => (
              <div key={m.id}>
                <label>
                  <input
                    type="radio"
                    name={`${id}-pick`}
                    value={m.id}
                    checked={chosenId === m.id}
                    onChange={() => onChoose(m.id)}
                  />{" "}
                  {t("review.pick.option", {
                    name: displayName(m.names, m.kind, locale),
                    region: regionName(m.region, locale),
                    code: m.officialCode,
                  })}
                </label>
              </div>
            ))}
          </fieldset>
        )
      ) : null}
      {review.chosen ? (
        <button
          type="button"
          className="button button--small button--secondary"
          onClick={() => onChoose(undefined)}
        >
          {t("review.pick.clear")}
        </button>
      ) : null}
    </div>
  );
}

function ChangesSection({ review }: { review: QuestionnaireReview }) {
  const { t, locale } = useI18n();
  const value = useProfileValue();
  if (!review.target) return null;
  const target = targetName(review.target, locale);
  return (
    <section>
      <h2 id="review-changes">{t("review.changes", { target })}</h2>
      {review.changes.length === 0 ? (
        <p>{t("review.changes.none")}</p>
      ) : (
        <ScrollRegion labelledBy="review-changes-caption">
          <table>
            <caption id="review-changes-caption">{t("review.changes", { target })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("review.changes.field")}</th>
                <th scope="col">{t("review.changes.before")}</th>
                <th scope="col">{t("review.changes.after")}</th>
              </tr>
            </thead>
            <tbody>
              {review.changes.map((c) => {
                const label = PROFILE_FIELD_LABELS[c.field];
                return (
                  <tr key={c.field}>
                    <th scope="row">{label ? t(label) : c.field}</th>
                    <td>{value(c.field, c.before)}</td>
                    <td>{value(c.field, c.after)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {review.offerAreas.length > 0 ? (
        <p>
          {t("review.offers", {
            areas: review.offerAreas
              .map((a) => cooperationAreaLabel(a as CooperationAreaCode, locale))
              .join(", "),
          })}
        </p>
      ) : null}
    </section>
  );
}

function ApproveControl({
  review,
  chosen,
  listPath,
}: {
  review: QuestionnaireReview;
  chosen: string | undefined;
  listPath: string;
}) {
  const { t, locale } = useI18n();
  const id = useId();
  const navigate = useNavigate();
  const approve = useApproveQuestionnaire();
  const [confirming, setConfirming] = useState(false);
  const [returnFocus, setReturnFocus] = useState(false);
  const openRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const target = targetName(review.target, locale);
  const name = review.submission.answers.municipality.name;

  // Focus moves into the confirmation when it opens and back to its button when it closes.
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
    else if (returnFocus) {
      openRef.current?.focus();
      setReturnFocus(false);
    }
  }, [confirming, returnFocus]);

  const close = () => {
    setConfirming(false);
    setReturnFocus(true);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    }
  };
  const refused =
    approve.error instanceof ApiError && approve.error.code === "questionnaire-mismatch";

  return (
    <section aria-label={t("review.approve")}>
      {refused ? (
        <div className="notice notice--error" role="alert">
          <p className="notice__title">{t("review.refused", { target })}</p>
        </div>
      ) : approve.isError ? (
        <ErrorView error={approve.error} />
      ) : null}
      {confirming ? (
        <form
          className="form-panel"
          aria-labelledby={`${id}-title`}
          aria-describedby={`${id}-body`}
          onKeyDown={onKeyDown}
          onSubmit={(event) => {
            event.preventDefault();
            if (approve.isPending) return;
            approve.mutate(
              {
                id: review.submission.id,
                ...(chosen ? { body: { municipalityId: chosen } } : {}),
              },
              {
                onSuccess: () =>
                  void navigate(listPath, {
                    state: { approved: name } satisfies ApprovedState,
                  }),
                onError: close,
              },
            );
          }}
        >
          <p id={`${id}-title`} className="notice__title">
            {t("review.confirm.title", { target })}
          </p>
          <p id={`${id}-body`}>{t("review.confirm.body", { count: review.changes.length })}</p>
          <div className="data-actions">
            <button
              ref={confirmRef}
              type="submit"
              className="button"
              aria-disabled={approve.isPending}
            >
              {approve.isPending ? t("review.confirm.pending") : t("review.confirm.submit")}
            </button>
            <button type="button" className="button button--secondary" onClick={close}>
              {t("review.confirm.cancel")}
            </button>
          </div>
        </form>
      ) : (
        <button
          ref={openRef}
          type="button"
          className="button"
          onClick={() => {
            approve.reset();
            setConfirming(true);
          }}
        >
          {t("review.approve")}
        </button>
      )}
    </section>
  );
}
