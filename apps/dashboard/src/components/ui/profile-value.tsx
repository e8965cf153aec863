import { type SituationCategory, situationLabel } from "@pobratym/core";
import { type MessageKey, useI18n } from "../../i18n";

/** The label of a profile field, as the profile page names it. */
export const PROFILE_FIELD_LABELS: Readonly<Record<string, MessageKey>> = {
  status: "questionnaires.status",
  description: "profile.about",
  website: "profile.website",
  workingLanguages: "profile.languages",
  capacity: "profile.capacity",
  politicalDecision: "profile.politicalDecision",
  internationalExperience: "profile.internationalExperience",
  displacedHosted: "profile.displacedHosted",
  preferences: "field.preferences",
  learningInterests: "edit.field.learningInterests",
};

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];

/**
 * One profile field's value in words, for a comparison (approval diff, edit conflict): languages
 * by name, booleans as yes/no, preferences as lists; anything unknown as its text.
 */
export function useProfileValue(): (field: string, value: unknown) => string {
  const { t, languageName, countryName, locale, formatNumber } = useI18n();
  return (field, value) => {
    if (value === null || value === undefined || value === "") return t("common.notRecorded");
    if (field === "status" && (value === "draft" || value === "published"))
      return t(`review.value.${value}`);
    if (typeof value === "boolean") return value ? t("common.yes") : t("common.no");
    if (typeof value === "number") return formatNumber(value);
    if (field === "workingLanguages") return strings(value).map(languageName).join(", ");
    if (field === "preferences" && isRecord(value)) {
      const parts: string[] = [];
      const regions = strings(value.regions);
      const situations = strings(value.situations) as SituationCategory[];
      const countries = strings(value.countries);
      if (regions.length) parts.push(t("review.value.regions", { list: regions.join(", ") }));
      if (situations.length)
        parts.push(
          t("review.value.situations", {
            list: situations.map((s) => situationLabel(s, locale)).join(", "),
          }),
        );
      if (countries.length)
        parts.push(
          t("review.value.countries", {
            list: countries
              .map((c) => countryName(c as Parameters<typeof countryName>[0]))
              .join(", "),
          }),
        );
      if (isRecord(value.size))
        parts.push(
          t("review.value.size", {
            min: typeof value.size.min === "number" ? formatNumber(value.size.min) : "0",
            max: typeof value.size.max === "number" ? formatNumber(value.size.max) : "∞",
          }),
        );
      return parts.join("; ") || t("common.notRecorded");
    }
    if (Array.isArray(value)) return strings(value).join(", ");
    return typeof value === "string" ? value : JSON.stringify(value);
  };
}
