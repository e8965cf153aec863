import type { CountryCode, Locale } from "@pobratym/core";
import { createContext, useContext } from "react";
import type { MessageKey } from "./catalogues";
import type { MessageParams } from "./translate";

/** What components get from `useI18n()`: the language, a translator and `Intl` formatters. */
export interface I18n {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: (key: MessageKey, params?: MessageParams) => string;
  formatNumber: (value: number, options?: Intl.NumberFormatOptions) => string;
  formatDate: (isoDate: string) => string;
  countryName: (code: CountryCode) => string;
  languageName: (code: string) => string;
}

export const I18nContext = createContext<I18n | null>(null);

/** The current language and its helpers; must be called under `<I18nProvider>`. */
export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useI18n must be used inside <I18nProvider>");
  return value;
}
