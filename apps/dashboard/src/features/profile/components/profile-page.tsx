import {
  type PublicMunicipality as Municipality,
  type MunicipalityProfile,
  situationLabel,
} from "@pobratym/core";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { Link } from "react-router";
import { ErrorView } from "../../../components/ui/error-view";
import { Loading } from "../../../components/ui/loading";
import { PageHeading } from "../../../components/ui/page-heading";
import { SituationSwatch } from "../../../components/ui/situation-swatch";
import { useI18n } from "../../../i18n";
import { ApiError } from "../../../lib/api-client";
import { alternateName, displayName, regionName } from "../../../lib/municipality-name";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { useMunicipalityProfile } from "../api/get-municipality-profile";
import { ContactsEditor } from "./contacts-editor";
import { NeedsEditor } from "./needs-editor";
import { OffersEditor } from "./offers-editor";
import { ProfileEditor } from "./profile-editor";
import { NeedsSection, OffersSection, PartnershipsSection, TiesSection } from "./profile-sections";

interface Props {
  id: string;
  cataloguePath: string;
  profilePath: (id: string) => string;
  /** True for a coordinator or this municipality's editor: the page shows its editing controls. */
  canEdit?: boolean;
}

/**
 * A municipality's public profile: facts, situation, needs, offers, partnerships and ties. Its
 * owners (`canEdit`) edit the facts and contact persons inline; everyone else reads.
 */
export function ProfilePage({ id, cataloguePath, profilePath, canEdit = false }: Props) {
  const { t, locale } = useI18n();
  const profile = useMunicipalityProfile(id);
  const m = profile.data?.municipality;
  const name = m ? displayName(m.names, m.kind, locale) : undefined;
  useDocumentTitle(name ?? (profile.isError ? t("error.title") : t("common.loading")));

  const back = (
    <p>
      <Link to={cataloguePath}>← {t("profile.back")}</Link>
    </p>
  );
  if (profile.isPending) {
    return (
      <>
        {back}
        <Loading />
      </>
    );
  }
  if (profile.isError) {
    const notFound = profile.error instanceof ApiError && profile.error.status === 404;
    return (
      <>
        {back}
        <PageHeading>{notFound ? t("profile.notFound") : t("error.title")}</PageHeading>
        {notFound ? null : (
          <ErrorView error={profile.error} onRetry={() => void profile.refetch()} />
        )}
      </>
    );
  }
  return (
    <>
      {back}
      <Profile data={profile.data} profilePath={profilePath} canEdit={canEdit} />
    </>
  );
}

function Profile({
  data,
  profilePath,
  canEdit,
}: {
  data: MunicipalityProfile;
  profilePath: (id: string) => string;
  canEdit: boolean;
}) {
  const { t, locale, countryName } = useI18n();
  const m = data.municipality;
  const alt = alternateName(m.names, m.kind, locale);
  const [editing, setEditing] = useState(false);
  const [message, setMessage] = useState("");
  const [returnFocus, setReturnFocus] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  // Closing the editor gives focus back to the button that opened it.
  useEffect(() => {
    if (!editing && returnFocus) {
      editButton.current?.focus();
      setReturnFocus(false);
    }
  }, [editing, returnFocus]);
  return (
    <article className="profile">
      <PageHeading>{displayName(m.names, m.kind, locale)}</PageHeading>
      <p className="muted">
        {alt ? <span lang={/[А-яІіЇїЄєҐґ]/.test(alt) ? "uk" : undefined}>{alt} · </span> : null}
        {t(m.kind === "hromada" ? "kind.hromada" : "kind.partner")} · {regionName(m.region, locale)}
        , {countryName(m.country)}
      </p>
      <p role="status">{message}</p>
      {canEdit && !editing ? (
        <p>
          <button
            ref={editButton}
            type="button"
            className="button"
            onClick={() => {
              setMessage("");
              setEditing(true);
            }}
          >
            {t("edit.open")}
          </button>
        </p>
      ) : null}
      {canEdit && editing ? (
        <ProfileEditor
          profile={data}
          onDone={(saved) => {
            setEditing(false);
            setReturnFocus(true);
            setMessage(saved ? t("edit.saved") : "");
          }}
        />
      ) : null}
      <div className="profile__grid">
        <FactsSection m={m} />
        {m.kind === "hromada" ? <SituationSection m={m} /> : null}
        {m.description ? (
          <section className="card" aria-labelledby="about-heading">
            <h2 id="about-heading">{t("profile.about")}</h2>
            <p>{m.description}</p>
          </section>
        ) : null}
        {canEdit && m.kind === "hromada" ? (
          <NeedsEditor municipalityId={m.id} name={displayName(m.names, m.kind, locale)} />
        ) : m.kind === "hromada" || data.needs.length > 0 ? (
          <NeedsSection needs={data.needs} />
        ) : null}
        {canEdit ? (
          <OffersEditor
            municipalityId={m.id}
            name={displayName(m.names, m.kind, locale)}
            kind={m.kind}
          />
        ) : m.kind === "partner" || data.offers.length > 0 ? (
          <OffersSection offers={data.offers} />
        ) : null}
        <PartnershipsSection
          partnerships={data.partnerships}
          selfId={m.id}
          profilePath={profilePath}
        />
        <TiesSection ties={data.ties} />
        {canEdit && data.contacts ? (
          <ContactsEditor municipalityId={m.id} contacts={data.contacts} onMessage={setMessage} />
        ) : null}
      </div>
    </article>
  );
}

function FactsSection({ m }: { m: Municipality }) {
  const { t, formatNumber, countryName, languageName } = useI18n();
  const rows: [string, ReactNode][] = [];
  rows.push([
    t("profile.kind"),
    m.kind === "hromada" && m.hromadaType ? t(`hromadaType.${m.hromadaType}`) : t(`kind.${m.kind}`),
  ]);
  rows.push([t("profile.country"), countryName(m.country)]);
  rows.push([t("profile.region"), <RegionText key="r" region={m.region} />]);
  if (m.kind === "hromada" && m.raion) rows.push([t("profile.raion"), m.raion.name]);
  if (m.population !== undefined) {
    rows.push([
      t("profile.population"),
      m.populationYear
        ? t("profile.populationIn", {
            population: formatNumber(m.population),
            year: String(m.populationYear),
          })
        : formatNumber(m.population),
    ]);
  }
  if (m.areaKm2 !== undefined) {
    rows.push([
      t("profile.area"),
      t("common.areaValue", { area: formatNumber(m.areaKm2, { maximumFractionDigits: 1 }) }),
    ]);
  }
  rows.push([t("profile.officialCode"), <code key="c">{m.officialCode}</code>]);
  if (m.kind === "partner") {
    rows.push([t("profile.capacity"), formatNumber(m.capacity)]);
    rows.push([
      t("profile.politicalDecision"),
      m.politicalDecision ? t("common.yes") : t("common.no"),
    ]);
  } else {
    rows.push([
      t("profile.internationalExperience"),
      m.internationalExperience ? t("common.yes") : t("common.no"),
    ]);
  }
  if (m.workingLanguages.length > 0) {
    rows.push([t("profile.languages"), m.workingLanguages.map(languageName).join(", ")]);
  }
  if (m.website) {
    rows.push([
      t("profile.website"),
      <a key="w" href={m.website} rel="noopener noreferrer">
        {m.website.replace(/^https?:\/\//, "")}
      </a>,
    ]);
  }
  return (
    <section className="card" aria-labelledby="facts-heading">
      <h2 id="facts-heading">{t("profile.facts")}</h2>
      <dl className="facts">
        {rows.map(([label, value]) => (
          <div key={label} style={{ display: "contents" }}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function RegionText({ region }: { region: Municipality["region"] }) {
  const { locale } = useI18n();
  return <>{regionName(region, locale)}</>;
}

function SituationSection({ m }: { m: Extract<Municipality, { kind: "hromada" }> }) {
  const { t, locale, formatNumber, formatDate } = useI18n();
  const s = m.situation;
  const edits = m.handEdits;
  const ref = m.referenceSituation;
  const entered = (e: { by: string; at: string }) =>
    t("profile.handEntered", {
      by: t(e.by === "coordinator" ? "profile.byCoordinator" : "profile.byEditor"),
      date: formatDate(e.at),
    });
  return (
    <section className="card" aria-labelledby="situation-heading">
      <h2 id="situation-heading">{t("profile.situation")}</h2>
      <p>
        <SituationSwatch situation={s.category} />
        <strong>{situationLabel(s.category, locale)}</strong>
      </p>
      <dl className="facts">
        {s.occupiedBefore2022 ? (
          <>
            <dt>{t("profile.occupiedBefore2022")}</dt>
            <dd>{t("common.yes")}</dd>
          </>
        ) : null}
        {s.displacedHosted !== undefined ? (
          <>
            <dt>{t("profile.displacedHosted")}</dt>
            <dd>
              {formatNumber(s.displacedHosted)}
              {edits?.displacedHosted ? (
                <span className="muted"> ({entered(edits.displacedHosted)})</span>
              ) : null}
            </dd>
          </>
        ) : null}
      </dl>
      {s.asOf ? (
        <p className="muted">{t("profile.situationAsOf", { date: formatDate(s.asOf) })}</p>
      ) : null}
      {s.source ? (
        <p className="muted">{t("profile.situationSource", { source: s.source })}</p>
      ) : null}
      {edits?.situation ? <p className="muted">{entered(edits.situation)}</p> : null}
      {ref ? (
        <p className="muted">
          {t("profile.referenceSituation", {
            situation: situationLabel(ref.category, locale),
            date: ref.asOf ? formatDate(ref.asOf) : t("profile.dateNotRecorded"),
          })}
        </p>
      ) : null}
    </section>
  );
}
