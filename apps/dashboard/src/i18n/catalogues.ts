import type { Locale } from "@pobratym/core";
import { type Catalogue, en } from "./messages/en";
import { nb } from "./messages/nb";
import { sv } from "./messages/sv";
import { uk } from "./messages/uk";

export type { Catalogue, MessageKey } from "./messages/en";

/** Every interface language's catalogue. All are bundled: together they are a few kB gzipped. */
export const CATALOGUES: Readonly<Record<Locale, Catalogue>> = { en, sv, nb, uk };

/** The BCP 47 tag handed to `Intl` for each interface language (regional formats). */
export const INTL_LOCALE: Readonly<Record<Locale, string>> = {
  en: "en-GB",
  sv: "sv-SE",
  nb: "nb-NO",
  uk: "uk-UA",
};

/** Each language's name in that language, for the switcher. */
export const LANGUAGE_NAMES: Readonly<Record<Locale, string>> = {
  en: "English",
  sv: "Svenska",
  nb: "Norsk bokmål",
  uk: "Українська",
};
