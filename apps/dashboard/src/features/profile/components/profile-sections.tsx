import {
  cooperationAreaLabel,
  isReviewCountryTie,
  type Need,
  needsReview,
  type Offer,
  type Partnership,
  stageLabel,
  type Tie,
} from "@pobratym/core";
import { Link } from "react-router";
import { useI18n } from "../../../i18n";
import { displayName } from "../../../lib/municipality-name";
import { useMunicipalityProfile } from "../api/get-municipality-profile";

/** Needs, split into short-term (acute) and long-term (rebuilding) lists. */
export function NeedsSection({ needs }: { needs: readonly Need[] }) {
  const { t } = useI18n();
  const shortTerm = needs.filter((n) => n.horizon === "short-term");
  const longTerm = needs.filter((n) => n.horizon === "long-term");
  return (
    <section className="card" aria-labelledby="needs-heading">
      <h2 id="needs-heading">{t("profile.needs")}</h2>
      {needs.length === 0 ? (
        <p>{t("profile.needs.none")}</p>
      ) : (
        <>
          <NeedList
            headingId="needs-short"
            heading={t("profile.needs.shortTerm")}
            needs={shortTerm}
          />
          <NeedList headingId="needs-long" heading={t("profile.needs.longTerm")} needs={longTerm} />
        </>
      )}
    </section>
  );
}

function NeedList({
  heading,
  headingId,
  needs,
}: {
  heading: string;
  headingId: string;
  needs: readonly Need[];
}) {
  const { t, locale, formatNumber } = useI18n();
  return (
    <>
      <h3 id={headingId}>{heading}</h3>
      {needs.length === 0 ? (
        <p className="muted">{t("profile.needs.none")}</p>
      ) : (
        <ul className="item-list" aria-labelledby={headingId}>
          {needs.map((need) => (
            <li key={need.id}>
              <div className="item__title">{cooperationAreaLabel(need.area, locale)}</div>
              {need.description ? <p>{need.description}</p> : null}
              <span className="tag">
                {t("need.priority")}: {t(`need.priority.${need.priority}`)}
              </span>
              <span className="tag">{t(`need.status.${need.status}`)}</span>
              {need.quantity ? (
                <span className="tag">
                  {t("need.quantity")}: {formatNumber(need.quantity.amount)} {need.quantity.unit}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** What a partner municipality offers, area by area. */
export function OffersSection({ offers }: { offers: readonly Offer[] }) {
  const { t, locale } = useI18n();
  return (
    <section className="card" aria-labelledby="offers-heading">
      <h2 id="offers-heading">{t("profile.offers")}</h2>
      {offers.length === 0 ? (
        <p>{t("profile.offers.none")}</p>
      ) : (
        <ul className="item-list">
          {offers.map((offer) => (
            <li key={offer.id}>
              <div className="item__title">{cooperationAreaLabel(offer.area, locale)}</div>
              {offer.description ? <p>{offer.description}</p> : null}
              <span className="tag">
                {t("offer.experience")}: {t(`experience.${offer.experience}`)}
              </span>
              {offer.resources.map((r) => (
                <span key={r} className="tag">
                  {t(`resource.${r}`)}
                </span>
              ))}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Partnerships this municipality takes part in, with their stage. */
export function PartnershipsSection({
  partnerships,
  selfId,
  profilePath,
}: {
  partnerships: readonly Partnership[];
  selfId: string;
  profilePath: (id: string) => string;
}) {
  const { t, locale, formatDate } = useI18n();
  return (
    <section className="card" aria-labelledby="partnerships-heading">
      <h2 id="partnerships-heading">{t("profile.partnerships")}</h2>
      {partnerships.length === 0 ? (
        <p>{t("profile.partnerships.none")}</p>
      ) : (
        <ul className="item-list">
          {partnerships.map((p) => {
            const others = [p.hromadaId, ...p.partnerIds].filter((id) => id !== selfId);
            return (
              <li key={p.id}>
                <div className="item__title">{t(`agreement.${p.agreementType}`)}</div>
                <dl className="facts">
                  <dt>{t("profile.partnerships.stage")}</dt>
                  <dd>{stageLabel(p.stage, locale)}</dd>
                  <dt>{t("profile.partnerships.partners")}</dt>
                  <dd>
                    {others.map((id, i) => (
                      <span key={id}>
                        {i > 0 ? ", " : null}
                        <MunicipalityLink id={id} profilePath={profilePath} />
                      </span>
                    ))}
                  </dd>
                  {p.signedOn ? (
                    <>
                      <dt>{t("profile.partnerships.signedOn")}</dt>
                      <dd>{formatDate(p.signedOn)}</dd>
                    </>
                  ) : null}
                  {p.areas.length > 0 ? (
                    <>
                      <dt>{t("profile.partnerships.areas")}</dt>
                      <dd>{p.areas.map((a) => cooperationAreaLabel(a, locale)).join(", ")}</dd>
                    </>
                  ) : null}
                  {p.funding.length > 0 ? (
                    <>
                      <dt>{t("profile.partnerships.funding")}</dt>
                      <dd>{p.funding.map((f) => t(`funding.${f}`)).join(", ")}</dd>
                    </>
                  ) : null}
                </dl>
                {p.description ? <p>{p.description}</p> : null}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/** Existing ties with foreign towns; Russian and Belarusian ones are flagged, in text as well as colour. */
export function TiesSection({ ties }: { ties: readonly Tie[] }) {
  const { t, countryName } = useI18n();
  const review = ties.filter(needsReview).length;
  // Flagged ties first: they are what a coordinator must act on.
  const sorted = [...ties].sort(
    (a, b) => Number(isReviewCountryTie(b)) - Number(isReviewCountryTie(a)),
  );
  return (
    <section className="card" aria-labelledby="ties-heading">
      <h2 id="ties-heading">{t("profile.ties")}</h2>
      {review > 0 ? (
        <p className="notice notice--error">{t("profile.ties.reviewSummary", { count: review })}</p>
      ) : null}
      {ties.length === 0 ? (
        <p>{t("profile.ties.none")}</p>
      ) : (
        <ul className="item-list">
          {sorted.map((tie) => {
            const flagged = isReviewCountryTie(tie);
            return (
              <li key={tie.id} className={flagged ? "tie--review" : undefined}>
                <div className="item__title">
                  {tie.foreignTown} ({countryName(tie.foreignCountry)})
                </div>
                {flagged ? (
                  <p className="tie__flag">
                    {needsReview(tie) ? t("profile.ties.review") : t("profile.ties.reviewed")}
                  </p>
                ) : null}
                <span className="tag">{t(`tieType.${tie.type}`)}</span>
                <span className="tag">{t(`tieStatus.${tie.status}`)}</span>
                {tie.since ? (
                  <span className="tag">
                    {t("profile.ties.since")} {tie.since}
                  </span>
                ) : null}
                {tie.decision ? <p>{tie.decision}</p> : null}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/** A link to another municipality, named once its profile has loaded (the id until then). */
function MunicipalityLink({
  id,
  profilePath,
}: {
  id: string;
  profilePath: (id: string) => string;
}) {
  const { locale } = useI18n();
  // Partnerships have one to a few partners, and their profiles are cached for the next click.
  const other = useMunicipalityProfile(id);
  const m = other.data?.municipality;
  return <Link to={profilePath(id)}>{m ? displayName(m.names, m.kind, locale) : id}</Link>;
}
