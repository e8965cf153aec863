import { LOCALES, type Locale } from "@pobratym/core";
import { useId } from "react";
import { LANGUAGE_NAMES } from "./catalogues";
import { useI18n } from "./i18n-context";

/** A labelled select listing each language in its own name; the choice is remembered. */
export function LanguageSwitcher() {
  const { locale, setLocale, t } = useI18n();
  const id = useId();
  return (
    <div className="language-switcher">
      <label htmlFor={id}>{t("language.label")}</label>
      <select
        id={id}
        value={locale}
        onChange={(event) => setLocale(event.currentTarget.value as Locale)}
      >
        {LOCALES.map((code) => (
          <option key={code} value={code} lang={code}>
            {LANGUAGE_NAMES[code]}
          </option>
        ))}
      </select>
    </div>
  );
}
