/** A message with one text per plural category; `other` is always required. */
export type PluralMessage = Readonly<
  Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }
>;

/** A catalogue entry: plain text, or plural forms picked by `Intl.PluralRules`. */
export type Message = string | PluralMessage;
