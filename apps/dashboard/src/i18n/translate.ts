import type { Locale } from "@pobratym/core";
import { CATALOGUES, INTL_LOCALE, type MessageKey } from "./catalogues";

/** Values substituted for `{name}` placeholders; numbers are formatted for the language. */
export type MessageParams = Readonly<Record<string, string | number>>;

/** Translates `key` into `locale`; a `count` param picks the plural form with `Intl.PluralRules`. */
export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const message = CATALOGUES[locale][key] ?? CATALOGUES.en[key];
  let text: string;
  if (typeof message === "string") {
    text = message;
  } else {
    const count = typeof params?.count === "number" ? params.count : 0;
    const category = new Intl.PluralRules(INTL_LOCALE[locale]).select(count);
    text = message[category] ?? message.other;
  }
  if (!params) return text;
  const numbers = new Intl.NumberFormat(INTL_LOCALE[locale]);
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === "number" ? numbers.format(value) : value;
  });
}
