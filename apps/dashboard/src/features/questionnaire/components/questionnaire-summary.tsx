import { type CooperationAreaCode, cooperationAreaLabel } from "@pobratym/core";
import { useI18n } from "../../../i18n";
import type { Draft } from "../hooks/draft";

/** Every answer on one page before submitting, with a way back to each step. */
export function Summary({ draft, onEdit }: { draft: Draft; onEdit: (step: number) => void }) {
  const { t, countryName, languageName, locale } = useI18n();
  const none = t("common.notRecorded");
  const m = draft.municipality;
  const sections: { step: number; title: string; rows: [string, string][] }[] = [
    {
      step: 0,
      title: t("questionnaire.step.municipality"),
      rows: [
        [t("questionnaire.field.country"), countryName(m.country)],
        [t("questionnaire.field.name"), m.name || none],
        [t("questionnaire.field.nameEn"), m.nameEn || none],
        [t("questionnaire.field.officialCode"), m.officialCode || none],
        [t("questionnaire.field.region"), m.region || none],
        [t("questionnaire.field.population"), m.population || none],
      ],
    },
    {
      step: 1,
      title: t("questionnaire.step.contact"),
      rows: [
        [t("questionnaire.field.contactName"), draft.contact.name || none],
        [t("questionnaire.field.contactRole"), draft.contact.role || none],
        [t("questionnaire.field.contactEmail"), draft.contact.email || none],
        [t("questionnaire.field.contactPhone"), draft.contact.phone || none],
      ],
    },
    {
      step: 2,
      title: t("questionnaire.step.motivation"),
      rows: [[t("questionnaire.field.motivation"), draft.motivation || none]],
    },
    {
      step: 3,
      title: t("questionnaire.step.expertise"),
      rows: Object.entries(draft.expertise).map(([area, level]) => [
        cooperationAreaLabel(area as CooperationAreaCode, locale),
        t(`experience.${level}`),
      ]),
    },
    {
      step: 4,
      title: t("questionnaire.step.capacity"),
      rows: [
        [t("questionnaire.field.partnerships"), draft.capacity.partnerships || none],
        [t("questionnaire.field.staffHours"), draft.capacity.staffHoursPerMonth || none],
        [t("questionnaire.field.budget"), draft.capacity.annualBudgetEur || none],
      ],
    },
    {
      step: 5,
      title: t("questionnaire.step.preferences"),
      rows: [
        [t("questionnaire.field.zone"), t(`questionnaire.zone.${draft.preferences.zone}`)],
        [t("questionnaire.field.size"), t(`questionnaire.size.${draft.preferences.size}`)],
        [t("questionnaire.field.regions"), draft.preferences.regions || none],
      ],
    },
    {
      step: 6,
      title: t("questionnaire.step.languages"),
      rows: [
        [t("questionnaire.step.languages"), draft.languages.map(languageName).join(", ") || none],
      ],
    },
    {
      step: 7,
      title: t("questionnaire.step.politicalDecision"),
      rows: [
        [
          t("questionnaire.field.decisionTaken"),
          draft.politicalDecision.taken === "yes"
            ? t("common.yes")
            : draft.politicalDecision.taken === "no"
              ? t("questionnaire.decision.notYet")
              : none,
        ],
        [t("questionnaire.field.decisionDate"), draft.politicalDecision.date || none],
        [t("questionnaire.field.decisionBody"), draft.politicalDecision.body || none],
      ],
    },
  ];
  return (
    <div className="summary">
      <p>{t("questionnaire.summary.intro")}</p>
      {sections.map((s) => (
        <section key={s.step} aria-labelledby={`summary-${s.step}`}>
          <h3 id={`summary-${s.step}`}>{s.title}</h3>
          <dl className="facts">
            {s.rows.map(([k, v]) => (
              <div key={k}>
                <dt>{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
          <button
            type="button"
            className="button button--small button--secondary"
            onClick={() => onEdit(s.step)}
          >
            {t("questionnaire.summary.edit")}
            <span className="visually-hidden">: {s.title}</span>
          </button>
        </section>
      ))}
    </div>
  );
}
