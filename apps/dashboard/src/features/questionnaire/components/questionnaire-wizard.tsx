import {
  COOPERATION_AREAS,
  type CooperationAreaCode,
  cooperationAreaLabel,
  ExperienceLevel,
  Questionnaire,
  type QuestionnaireSubmission,
} from "@pobratym/core";
import { useEffect, useRef, useState } from "react";
import { ErrorView } from "../../../components/ui/error-view";
import { PageHeading } from "../../../components/ui/page-heading";
import { type MessageKey, useI18n } from "../../../i18n";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { useSubmitQuestionnaire } from "../api/questionnaires";
import {
  clearDraft,
  type Draft,
  type FieldProblem,
  loadDraft,
  STEPS,
  saveDraft,
  toQuestionnaireInput,
  validateStep,
} from "../hooks/draft";
import { ErrorSummary, RadioGroup, TextField } from "./fields";
import { Summary } from "./questionnaire-summary";
import "./questionnaire.css";

/** Countries whose municipalities take part (KS, SKR, ICLD, Cities4Cities members and more). */
export const QUESTIONNAIRE_COUNTRIES = [
  "SE",
  "NO",
  "DK",
  "FI",
  "IS",
  "DE",
  "PL",
  "NL",
  "FR",
  "EE",
  "LV",
  "LT",
  "CZ",
  "AT",
  "CH",
] as const;
/** Working languages offered as checkboxes. */
export const WORKING_LANGUAGES = [
  "en",
  "uk",
  "sv",
  "nb",
  "da",
  "fi",
  "de",
  "pl",
  "fr",
  "nl",
  "et",
  "lv",
  "lt",
] as const;

// In the order the fields appear, so the error summary lists problems top to bottom.
const FIELD_LABELS: Readonly<Record<string, MessageKey>> = {
  "municipality.country": "questionnaire.field.country",
  "municipality.name": "questionnaire.field.name",
  "municipality.nameEn": "questionnaire.field.nameEn",
  "municipality.officialCode": "questionnaire.field.officialCode",
  "municipality.region": "questionnaire.field.region",
  "municipality.population": "questionnaire.field.population",
  "contact.name": "questionnaire.field.contactName",
  "contact.role": "questionnaire.field.contactRole",
  "contact.email": "questionnaire.field.contactEmail",
  "contact.phone": "questionnaire.field.contactPhone",
  motivation: "questionnaire.field.motivation",
  expertise: "questionnaire.step.expertise",
  "capacity.partnerships": "questionnaire.field.partnerships",
  "capacity.staffHoursPerMonth": "questionnaire.field.staffHours",
  "capacity.annualBudgetEur": "questionnaire.field.budget",
  "preferences.regions": "questionnaire.field.regions",
  languages: "questionnaire.step.languages",
  "politicalDecision.taken": "questionnaire.field.decisionTaken",
  "politicalDecision.date": "questionnaire.field.decisionDate",
  "politicalDecision.body": "questionnaire.field.decisionBody",
};

const FIELD_ORDER = Object.keys(FIELD_LABELS);
const inFieldOrder = (problems: FieldProblem[]) =>
  [...problems].sort((a, b) => rank(a.path) - rank(b.path));
const rank = (path: string) => {
  const i = FIELD_ORDER.indexOf(path);
  return i === -1 ? FIELD_ORDER.length : i;
};

/**
 * The KS-style intake for a European municipality that wants a Ukrainian partner. Answers are
 * checked step by step with the core `Questionnaire` schema (messages in the interface language)
 * and kept in localStorage, so a reload or a lost connection does not lose them.
 */
export function QuestionnaireWizard({
  onSubmitted,
}: {
  onSubmitted?: (s: QuestionnaireSubmission) => void;
}) {
  const { t, countryName, languageName, locale } = useI18n();
  useDocumentTitle(t("questionnaire.title"));
  const [draft, setDraft] = useState<Draft>(() => loadDraft());
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [submitted, setSubmitted] = useState<QuestionnaireSubmission | null>(null);
  const submit = useSubmitQuestionnaire();
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  const step = STEPS[draft.step] ?? "municipality";

  useEffect(() => {
    if (!submitted) saveDraft(draft);
  }, [draft, submitted]);

  // Announce each new step by moving focus to its heading (not on the first render).
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    stepHeading.current?.focus();
  }, [draft.step]);

  const update = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const problem = (path: string) => problems.find((p) => p.path === path);
  const labelOf = (path: string) => {
    const key = FIELD_LABELS[path];
    return key ? t(key) : path;
  };

  const go = (delta: number) => {
    if (delta > 0) {
      const found = inFieldOrder(validateStep(Questionnaire, draft, step));
      setProblems(found);
      if (found.length > 0) return;
    } else {
      setProblems([]);
    }
    setDraft((d) => ({ ...d, step: Math.min(Math.max(d.step + delta, 0), STEPS.length - 1) }));
  };

  const send = () => {
    // The button is only aria-disabled while sending (it stays focusable): a second click or
    // Enter must not submit the same questionnaire twice.
    if (submit.isPending) return;
    const found = inFieldOrder(validateStep(Questionnaire, draft, "summary"));
    setProblems(found);
    if (found.length > 0) return;
    const parsed = Questionnaire.safeParse(toQuestionnaireInput(draft));
    if (!parsed.success) return;
    submit.mutate(parsed.data, {
      onSuccess: (s) => {
        clearDraft();
        setSubmitted(s);
        onSubmitted?.(s);
      },
    });
  };

  if (submitted) {
    return (
      <>
        <PageHeading>{t("questionnaire.title")}</PageHeading>
        <div className="notice" role="status">
          <p className="notice__title">{t("questionnaire.done.title")}</p>
          <p>{t("questionnaire.done.body", { name: submitted.answers.municipality.name })}</p>
        </div>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            setSubmitted(null);
            setDraft(loadDraft());
          }}
        >
          {t("questionnaire.done.another")}
        </button>
      </>
    );
  }

  const m = draft.municipality;
  const setM = (patch: Partial<Draft["municipality"]>) =>
    update("municipality", { ...m, ...patch });
  const c = draft.contact;
  const setC = (patch: Partial<Draft["contact"]>) => update("contact", { ...c, ...patch });
  const cap = draft.capacity;
  const setCap = (patch: Partial<Draft["capacity"]>) => update("capacity", { ...cap, ...patch });
  const pref = draft.preferences;
  const pd = draft.politicalDecision;

  return (
    <>
      <PageHeading>{t("questionnaire.title")}</PageHeading>
      <p>{t("questionnaire.intro")}</p>
      <nav aria-label={t("questionnaire.progress")} className="steps">
        <ol>
          {STEPS.map((s, i) => (
            <li
              key={s}
              aria-current={i === draft.step ? "step" : undefined}
              className={i < draft.step ? "steps__done" : ""}
            >
              <span className="visually-hidden">
                {i < draft.step ? `${t("questionnaire.stepDone")}: ` : ""}
              </span>
              {t(`questionnaire.step.${s}`)}
            </li>
          ))}
        </ol>
      </nav>
      <p className="muted">
        {t("questionnaire.stepOf", { step: draft.step + 1, total: STEPS.length })}
      </p>

      <form
        className="form-panel"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (step === "summary") send();
          else go(1);
        }}
      >
        <h2 ref={stepHeading} tabIndex={-1} className="step__heading">
          {t(`questionnaire.step.${step}`)}
        </h2>
        <ErrorSummary problems={problems} labelOf={labelOf} />

        {step === "municipality" ? (
          <>
            <div className="field">
              <label htmlFor="q-municipality-country">{t("questionnaire.field.country")}</label>
              <select
                id="q-municipality-country"
                value={m.country}
                onChange={(e) => setM({ country: e.target.value })}
              >
                {QUESTIONNAIRE_COUNTRIES.map((code) => (
                  <option key={code} value={code}>
                    {countryName(code)}
                  </option>
                ))}
              </select>
            </div>
            <TextField
              path="municipality.name"
              label={t("questionnaire.field.name")}
              value={m.name}
              onChange={(v) => setM({ name: v })}
              problem={problem("municipality.name")}
              autoComplete="organization"
            />
            <TextField
              path="municipality.nameEn"
              label={t("questionnaire.field.nameEn")}
              hint={t("questionnaire.optional")}
              value={m.nameEn}
              onChange={(v) => setM({ nameEn: v })}
              problem={problem("municipality.nameEn")}
            />
            <TextField
              path="municipality.officialCode"
              label={t("questionnaire.field.officialCode")}
              hint={t("questionnaire.hint.officialCode")}
              value={m.officialCode}
              onChange={(v) => setM({ officialCode: v })}
              problem={problem("municipality.officialCode")}
            />
            <TextField
              path="municipality.region"
              label={t("questionnaire.field.region")}
              value={m.region}
              onChange={(v) => setM({ region: v })}
              problem={problem("municipality.region")}
            />
            <TextField
              path="municipality.population"
              label={t("questionnaire.field.population")}
              hint={t("questionnaire.optional")}
              inputMode="numeric"
              value={m.population}
              onChange={(v) => setM({ population: v })}
              problem={problem("municipality.population")}
            />
          </>
        ) : null}

        {step === "contact" ? (
          <>
            <p className="muted">{t("questionnaire.hint.contact")}</p>
            <TextField
              path="contact.name"
              label={t("questionnaire.field.contactName")}
              value={c.name}
              onChange={(v) => setC({ name: v })}
              problem={problem("contact.name")}
              autoComplete="name"
            />
            <TextField
              path="contact.role"
              label={t("questionnaire.field.contactRole")}
              hint={t("questionnaire.optional")}
              value={c.role}
              onChange={(v) => setC({ role: v })}
              problem={problem("contact.role")}
              autoComplete="organization-title"
            />
            <TextField
              path="contact.email"
              type="email"
              label={t("questionnaire.field.contactEmail")}
              value={c.email}
              onChange={(v) => setC({ email: v })}
              problem={problem("contact.email")}
              autoComplete="email"
            />
            <TextField
              path="contact.phone"
              type="tel"
              label={t("questionnaire.field.contactPhone")}
              hint={t("questionnaire.optional")}
              value={c.phone}
              onChange={(v) => setC({ phone: v })}
              problem={problem("contact.phone")}
              autoComplete="tel"
            />
          </>
        ) : null}

        {step === "motivation" ? (
          <TextField
            path="motivation"
            multiline
            label={t("questionnaire.field.motivation")}
            hint={t("questionnaire.hint.motivation")}
            value={draft.motivation}
            onChange={(v) => update("motivation", v)}
            problem={problem("motivation")}
          />
        ) : null}

        {step === "expertise" ? (
          <fieldset
            className="fieldset"
            aria-describedby={problem("expertise") ? "q-expertise-error" : undefined}
          >
            <legend>{t("questionnaire.hint.expertise")}</legend>
            <div className="choice-grid" id="q-expertise">
              {COOPERATION_AREAS.map(({ code }) => (
                <ExpertiseChoice
                  key={code}
                  area={code}
                  label={cooperationAreaLabel(code, locale)}
                  level={draft.expertise[code]}
                  onChange={(level) => {
                    const next = { ...draft.expertise };
                    if (level) next[code] = level;
                    else delete next[code];
                    update("expertise", next);
                  }}
                />
              ))}
            </div>
            {problem("expertise") ? (
              <p id="q-expertise-error" className="field__error">
                {t(problem("expertise")?.key ?? "validation.expertise")}
              </p>
            ) : null}
          </fieldset>
        ) : null}

        {step === "capacity" ? (
          <>
            <TextField
              path="capacity.partnerships"
              label={t("questionnaire.field.partnerships")}
              hint={t("questionnaire.hint.partnerships")}
              inputMode="numeric"
              value={cap.partnerships}
              onChange={(v) => setCap({ partnerships: v })}
              problem={problem("capacity.partnerships")}
            />
            <TextField
              path="capacity.staffHoursPerMonth"
              label={t("questionnaire.field.staffHours")}
              inputMode="decimal"
              value={cap.staffHoursPerMonth}
              onChange={(v) => setCap({ staffHoursPerMonth: v })}
              problem={problem("capacity.staffHoursPerMonth")}
            />
            <TextField
              path="capacity.annualBudgetEur"
              label={t("questionnaire.field.budget")}
              inputMode="decimal"
              value={cap.annualBudgetEur}
              onChange={(v) => setCap({ annualBudgetEur: v })}
              problem={problem("capacity.annualBudgetEur")}
            />
          </>
        ) : null}

        {step === "preferences" ? (
          <>
            <RadioGroup
              path="preferences.zone"
              legend={t("questionnaire.field.zone")}
              value={pref.zone}
              onChange={(zone) => update("preferences", { ...pref, zone })}
              problem={problem("preferences.zone")}
              options={[
                { value: "any", label: "questionnaire.zone.any" },
                { value: "war-zone", label: "questionnaire.zone.war-zone" },
                { value: "outside", label: "questionnaire.zone.outside" },
              ]}
            />
            <RadioGroup
              path="preferences.size"
              legend={t("questionnaire.field.size")}
              value={pref.size}
              onChange={(size) => update("preferences", { ...pref, size })}
              problem={problem("preferences.size")}
              options={[
                { value: "any", label: "questionnaire.size.any" },
                { value: "small", label: "questionnaire.size.small" },
                { value: "medium", label: "questionnaire.size.medium" },
                { value: "large", label: "questionnaire.size.large" },
              ]}
            />
            <TextField
              path="preferences.regions"
              label={t("questionnaire.field.regions")}
              hint={t("questionnaire.hint.regions")}
              value={pref.regions}
              onChange={(regions) => update("preferences", { ...pref, regions })}
              problem={problem("preferences.regions")}
            />
          </>
        ) : null}

        {step === "languages" ? (
          <fieldset
            className="fieldset"
            aria-describedby={problem("languages") ? "q-languages-error" : undefined}
          >
            <legend>{t("questionnaire.hint.languages")}</legend>
            <div className="choice-grid" id="q-languages">
              {WORKING_LANGUAGES.map((code) => (
                <label key={code} className="choice">
                  <input
                    type="checkbox"
                    checked={draft.languages.includes(code)}
                    onChange={(e) =>
                      update(
                        "languages",
                        e.target.checked
                          ? [...draft.languages, code]
                          : draft.languages.filter((l) => l !== code),
                      )
                    }
                  />{" "}
                  {languageName(code)}
                </label>
              ))}
            </div>
            {problem("languages") ? (
              <p id="q-languages-error" className="field__error">
                {t("validation.languages")}
              </p>
            ) : null}
          </fieldset>
        ) : null}

        {step === "politicalDecision" ? (
          <>
            <RadioGroup
              path="politicalDecision.taken"
              legend={t("questionnaire.field.decisionTaken")}
              value={pd.taken}
              onChange={(taken) => update("politicalDecision", { ...pd, taken })}
              problem={problem("politicalDecision.taken")}
              options={[
                { value: "yes", label: "common.yes" },
                { value: "no", label: "questionnaire.decision.notYet" },
              ]}
            />
            <TextField
              path="politicalDecision.date"
              type="date"
              label={t("questionnaire.field.decisionDate")}
              hint={t("questionnaire.optional")}
              value={pd.date}
              onChange={(date) => update("politicalDecision", { ...pd, date })}
              problem={problem("politicalDecision.date")}
            />
            <TextField
              path="politicalDecision.body"
              label={t("questionnaire.field.decisionBody")}
              hint={t("questionnaire.hint.decisionBody")}
              value={pd.body}
              onChange={(body) => update("politicalDecision", { ...pd, body })}
              problem={problem("politicalDecision.body")}
            />
          </>
        ) : null}

        {step === "summary" ? (
          <Summary draft={draft} onEdit={(i) => setDraft((d) => ({ ...d, step: i }))} />
        ) : null}

        {submit.isError ? <ErrorView error={submit.error} /> : null}
        <div className="wizard__nav">
          {draft.step > 0 ? (
            <button type="button" className="button button--secondary" onClick={() => go(-1)}>
              {t("questionnaire.back")}
            </button>
          ) : null}
          <button type="submit" className="button" aria-disabled={submit.isPending}>
            {step === "summary"
              ? submit.isPending
                ? t("questionnaire.submitting")
                : t("questionnaire.submit")
              : t("questionnaire.next")}
          </button>
        </div>
        <p className="muted">{t("questionnaire.saved")}</p>
      </form>
    </>
  );
}

function ExpertiseChoice({
  area,
  label,
  level,
  onChange,
}: {
  area: CooperationAreaCode;
  label: string;
  level: ExperienceLevel | undefined;
  onChange: (level: ExperienceLevel | undefined) => void;
}) {
  const { t } = useI18n();
  const id = `q-area-${area}`;
  return (
    <div className="expertise">
      <label className="choice">
        <input
          type="checkbox"
          id={id}
          checked={level !== undefined}
          onChange={(e) => onChange(e.target.checked ? "experienced" : undefined)}
        />{" "}
        {label}
      </label>
      {level ? (
        <label className="expertise__level">
          <span className="visually-hidden">
            {t("questionnaire.field.experienceIn", { area: label })}
          </span>
          <span aria-hidden="true">{t("questionnaire.field.experience")} </span>
          <select value={level} onChange={(e) => onChange(ExperienceLevel.parse(e.target.value))}>
            {ExperienceLevel.options.map((l) => (
              <option key={l} value={l}>
                {t(`experience.${l}`)}
              </option>
            ))}
          </select>
        </label>
      ) : null}
    </div>
  );
}
