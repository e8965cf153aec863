/** The four interface languages Pobratym ships labels for. */
export const LOCALES = ["en", "sv", "nb", "uk"] as const;

/** An interface language code: English, Swedish, Norwegian Bokmål or Ukrainian. */
export type Locale = (typeof LOCALES)[number];

/** A label in every interface language. */
export type Labels = Readonly<Record<Locale, string>>;
