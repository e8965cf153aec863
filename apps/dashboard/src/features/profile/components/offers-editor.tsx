import {
  COOPERATION_AREAS,
  type CooperationAreaCode,
  CreateOfferInput,
  cooperationAreaLabel,
  type ExperienceLevel,
  type OfferResource,
} from "@pobratym/core";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { ErrorView } from "../../../components/ui/error-view";
import { CheckboxGroup, SelectInput, TextInput } from "../../../components/ui/form-fields";
import { Loading } from "../../../components/ui/loading";
import { useI18n } from "../../../i18n";
import { type Issue, issuesByPath, useIssueText } from "../../../lib/issue-text";
import { useChangeOffer, useOffers } from "../api/offers";

const LEVELS: readonly ExperienceLevel[] = ["basic", "experienced", "expert"];
const RESOURCES: readonly OfferResource[] = [
  "expertise",
  "staff-exchange",
  "study-visits",
  "training",
  "equipment",
  "funding",
  "volunteers",
];

/**
 * A municipality's offers for its editors, both ways: partners offer support, hromadas offer what
 * they learned under war. Add (checked with core's `CreateOfferInput`) and remove (with the
 * offer's version).
 */
export function OffersEditor({
  municipalityId,
  name,
  kind,
}: {
  municipalityId: string;
  name: string;
  kind: "hromada" | "partner";
}) {
  const { t, locale } = useI18n();
  const offers = useOffers(municipalityId);
  const change = useChangeOffer(municipalityId);
  const [adding, setAdding] = useState(false);
  const [message, setMessage] = useState("");
  const area = (a: CooperationAreaCode) => cooperationAreaLabel(a, locale);
  return (
    <section className="card" aria-labelledby="offers-heading">
      <h2 id="offers-heading">{t("profile.offers")}</h2>
      {kind === "hromada" ? <p className="muted">{t("offers.hromadaHint")}</p> : null}
      <p role="status">{message}</p>
      {change.isError ? <ErrorView error={change.error} /> : null}
      {offers.isPending ? (
        <Loading />
      ) : offers.isError ? (
        <ErrorView error={offers.error} onRetry={() => void offers.refetch()} />
      ) : offers.data.length === 0 ? (
        <p>{t("profile.offers.none")}</p>
      ) : (
        <ul className="item-list">
          {offers.data.map((offer) => (
            <li key={offer.id}>
              <div className="item__title">{area(offer.area)}</div>
              {offer.description ? <p>{offer.description}</p> : null}
              <span className="tag">
                {t("offer.experience")}: {t(`experience.${offer.experience}`)}
              </span>
              {offer.resources.map((r) => (
                <span key={r} className="tag">
                  {t(`resource.${r}`)}
                </span>
              ))}{" "}
              <button
                type="button"
                className="button button--small button--secondary"
                onClick={() =>
                  change.mutate(
                    { kind: "delete", offer },
                    {
                      onSuccess: () => setMessage(t("offers.removed", { area: area(offer.area) })),
                    },
                  )
                }
              >
                {t("offers.remove")}
                <span className="visually-hidden">: {area(offer.area)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {adding ? (
        <OfferForm
          title={t("offers.formTitle", { name })}
          initialArea={kind === "hromada" ? "crisis-preparedness" : "energy-heating"}
          onCancel={() => setAdding(false)}
          onSave={(input) =>
            change.mutate(
              { kind: "create", input },
              {
                onSuccess: () => {
                  setAdding(false);
                  setMessage(t("offers.saved", { area: area(input.area) }));
                },
              },
            )
          }
        />
      ) : (
        <button type="button" className="button" onClick={() => setAdding(true)}>
          {t("offers.add")}
        </button>
      )}
    </section>
  );
}

function OfferForm({
  title,
  initialArea,
  onSave,
  onCancel,
}: {
  title: string;
  initialArea: CooperationAreaCode;
  onSave: (input: CreateOfferInput) => void;
  onCancel: () => void;
}) {
  const { t, locale } = useI18n();
  const issueText = useIssueText();
  const id = useId();
  const [areaCode, setArea] = useState<CooperationAreaCode>(initialArea);
  const [experience, setExperience] = useState<ExperienceLevel>("experienced");
  const [resources, setResources] = useState<OfferResource[]>(["expertise"]);
  const [description, setDescription] = useState("");
  const [issues, setIssues] = useState<Map<string, Issue>>(new Map());
  const first = useRef<HTMLDivElement>(null);
  useEffect(() => {
    first.current?.querySelector<HTMLElement>("select")?.focus();
  }, []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = CreateOfferInput.safeParse({
      area: areaCode,
      experience,
      resources,
      description,
    });
    if (!parsed.success) {
      setIssues(issuesByPath(parsed.error));
      return;
    }
    onSave(parsed.data);
  };
  return (
    <form
      className="form-panel"
      aria-label={title}
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.preventDefault();
          onCancel();
        }
      }}
      noValidate
    >
      <div ref={first}>
        <SelectInput
          id={`${id}-area`}
          label={t("needs.area")}
          value={areaCode}
          options={COOPERATION_AREAS.map((a) => ({
            value: a.code,
            label: cooperationAreaLabel(a.code, locale),
          }))}
          onChange={setArea}
        />
      </div>
      <SelectInput
        id={`${id}-experience`}
        label={t("offer.experience")}
        value={experience}
        options={LEVELS.map((l) => ({ value: l, label: t(`experience.${l}`) }))}
        onChange={setExperience}
      />
      <CheckboxGroup
        id={`${id}-resources`}
        legend={t("offer.resources")}
        error={issueText(issues.get("resources"))}
        options={RESOURCES.map((r) => ({ value: r, label: t(`resource.${r}`) }))}
        value={resources}
        onChange={setResources}
      />
      <TextInput
        id={`${id}-description`}
        label={t("needs.description")}
        multiline
        value={description}
        error={issueText(issues.get("description"))}
        onChange={setDescription}
      />
      <div className="data-actions">
        <button type="submit" className="button">
          {t("offers.save")}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t("edit.cancel")}
        </button>
      </div>
    </form>
  );
}
