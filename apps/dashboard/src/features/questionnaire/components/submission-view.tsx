import { cooperationAreaLabel, type Questionnaire } from "@pobratym/core";
import { useI18n } from "../../../i18n";

/** Every answer of a submitted questionnaire, read-only, in the order the wizard asks them. */
export function SubmissionView({ answers }: { answers: Questionnaire }) {
  const { t, countryName, languageName, locale, formatNumber, formatDate } = useI18n();
  const none = t("common.notRecorded");
  const m = answers.municipality;
  const c = answers.contact;
  const sections: { title: string; rows: [string, string][] }[] = [
    {
      title: t("questionnaire.step.municipality"),
      rows: [
        [t("questionnaire.field.country"), countryName(m.country)],
        [t("questionnaire.field.name"), m.name],
        [t("questionnaire.field.nameEn"), m.nameEn ?? none],
        [t("questionnaire.field.officialCode"), m.officialCode],
        [t("questionnaire.field.region"), m.region.name],
        [
          t("questionnaire.field.population"),
          m.population === undefined ? none : formatNumber(m.population),
        ],
      ],
    },
    {
      title: t("questionnaire.step.contact"),
      rows: [
        [t("questionnaire.field.contactName"), c.name],
        [t("questionnaire.field.contactRole"), c.role ?? none],
        [t("questionnaire.field.contactEmail"), c.email ?? none],
        [t("questionnaire.field.contactPhone"), c.phone ?? none],
      ],
    },
    {
      title: t("questionnaire.step.motivation"),
      rows: [[t("questionnaire.field.motivation"), answers.motivation]],
    },
    {
      title: t("questionnaire.step.expertise"),
      rows: answers.expertise.map((e) => [
        cooperationAreaLabel(e.area, locale),
        [t(`experience.${e.experience}`), e.description].filter(Boolean).join(" — "),
      ]),
    },
    {
      title: t("questionnaire.step.capacity"),
      rows: [
        [t("questionnaire.field.partnerships"), formatNumber(answers.capacity.partnerships)],
        [t("questionnaire.field.staffHours"), formatNumber(answers.capacity.staffHoursPerMonth)],
        [t("questionnaire.field.budget"), formatNumber(answers.capacity.annualBudgetEur)],
      ],
    },
    {
      title: t("questionnaire.step.preferences"),
      rows: [
        [t("questionnaire.field.zone"), t(`questionnaire.zone.${answers.preferences.zone}`)],
        [t("questionnaire.field.size"), t(`questionnaire.size.${answers.preferences.size}`)],
        [t("questionnaire.field.regions"), answers.preferences.regions.join(", ") || none],
      ],
    },
    {
      title: t("questionnaire.step.languages"),
      rows: [[t("questionnaire.step.languages"), answers.languages.map(languageName).join(", ")]],
    },
    {
      title: t("questionnaire.step.politicalDecision"),
      rows: [
        [
          t("questionnaire.field.decisionTaken"),
          answers.politicalDecision.taken ? t("common.yes") : t("questionnaire.decision.notYet"),
        ],
        [
          t("questionnaire.field.decisionDate"),
          answers.politicalDecision.date ? formatDate(answers.politicalDecision.date) : none,
        ],
        [t("questionnaire.field.decisionBody"), answers.politicalDecision.body || none],
      ],
    },
  ];
  return (
    <div className="summary">
      {sections.map((s, i) => (
        <section key={s.title} aria-labelledby={`submission-${i}`}>
          <h3 id={`submission-${i}`}>{s.title}</h3>
          <dl className="facts">
            {s.rows.map(([k, v]) => (
              <div key={k}>
                <dt>{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </div>
  );
}
