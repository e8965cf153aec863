import type { Locale } from "@pobratym/core";
import { type ReactNode, useCallback, useEffect, useMemo, useState } from "react";
import { INTL_LOCALE } from "./catalogues";
import { type I18n, I18nContext } from "./i18n-context";
import { initialLocale, rememberLocale } from "./locale-storage";
import { translate } from "./translate";

/** Holds the interface language, keeps `<html lang>` in sync and remembers the choice. */
export function I18nProvider({
  children,
  locale: fixed,
}: {
  children: ReactNode;
  locale?: Locale;
}) {
  const [locale, setLocaleState] = useState<Locale>(() => fixed ?? initialLocale());

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    rememberLocale(next);
    setLocaleState(next);
  }, []);

  const value = useMemo<I18n>(() => {
    const tag = INTL_LOCALE[locale];
    const numbers = new Intl.NumberFormat(tag);
    const dates = new Intl.DateTimeFormat(tag, { dateStyle: "long", timeZone: "UTC" });
    const regions = new Intl.DisplayNames([tag], { type: "region", fallback: "code" });
    const languages = new Intl.DisplayNames([tag], { type: "language", fallback: "code" });
    return {
      locale,
      setLocale,
      t: (key, params) => translate(locale, key, params),
      formatNumber: (n, options) =>
        (options ? new Intl.NumberFormat(tag, options) : numbers).format(n),
      formatDate: (iso) => {
        const time = Date.parse(iso);
        return Number.isNaN(time) ? iso : dates.format(time);
      },
      countryName: (code) => regions.of(code) ?? code,
      languageName: (code) => languages.of(code) ?? code,
    };
  }, [locale, setLocale]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
