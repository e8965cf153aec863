import { LOCALES, type Locale } from "@pobratym/core";

/** The localStorage key holding the chosen interface language (also read by index.html). */
export const LOCALE_STORAGE_KEY = "pobratym.locale";

function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** The remembered language, else the browser's first supported one (Norwegian `no`/`nn` → `nb`), else English. */
export function initialLocale(): Locale {
  try {
    const stored = globalThis.localStorage?.getItem(LOCALE_STORAGE_KEY);
    if (isLocale(stored)) return stored;
  } catch {
    // Storage can be blocked (private mode, policies); fall through to the browser languages.
  }
  for (const tag of globalThis.navigator?.languages ?? []) {
    const base = tag.toLowerCase().split("-")[0] ?? "";
    const mapped = base === "no" || base === "nn" ? "nb" : base;
    if (isLocale(mapped)) return mapped;
  }
  return "en";
}

/** Remembers the chosen language; a blocked storage only means it is not remembered. */
export function rememberLocale(locale: Locale): void {
  try {
    globalThis.localStorage?.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Not remembering is acceptable; the page still switches.
  }
}
