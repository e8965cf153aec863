import { z } from "zod";

// ISO 3166-1 alpha-2, officially assigned codes (249). Kept inline: it is a standard, not data.
const ISO_3166_1 =
  "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW".split(
    " ",
  );
const COUNTRIES = new Set(ISO_3166_1);

/** Countries whose towns' ties Pobratym flags for review: Russia and Belarus. */
export const REVIEW_COUNTRIES: readonly CountryCode[] = ["RU", "BY"];

/** An ISO 3166-1 alpha-2 country code in upper case, such as `UA`, `SE` or `NO`. */
export const CountryCode = z
  .string()
  .regex(/^[A-Z]{2}$/, { error: "expected an ISO 3166-1 alpha-2 code in upper case", abort: true })
  .refine((c) => COUNTRIES.has(c), "unknown ISO 3166-1 country code");
/** An ISO 3166-1 alpha-2 country code in upper case, such as `UA`, `SE` or `NO`. */
export type CountryCode = z.infer<typeof CountryCode>;

/** True when the string is an assigned ISO 3166-1 alpha-2 code. */
export function isCountryCode(value: string): boolean {
  return COUNTRIES.has(value);
}

/** An ISO 639-1 language code in lower case, such as `uk`, `en`, `sv` or `nb`. */
export const LanguageCode = z.string().regex(/^[a-z]{2}$/, "expected an ISO 639-1 language code");
/** An ISO 639-1 language code in lower case, such as `uk`, `en`, `sv` or `nb`. */
export type LanguageCode = z.infer<typeof LanguageCode>;

/** An entity identifier: letters, digits, `-` and `_`, at most 64 characters. */
export const Id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, "expected letters, digits, '-' or '_'");
/** An entity identifier. */
export type Id = z.infer<typeof Id>;

/** A calendar date as `YYYY-MM-DD`. */
export const IsoDate = z.iso.date();
/** A calendar date as `YYYY-MM-DD`. */
export type IsoDate = z.infer<typeof IsoDate>;

/** An instant as an ISO 8601 date-time with offset. */
export const IsoDateTime = z.iso.datetime({ offset: true });
/** An instant as an ISO 8601 date-time with offset. */
export type IsoDateTime = z.infer<typeof IsoDateTime>;

/** WGS 84 coordinates of a municipality's administrative centre (never finer, for safety). */
export const Coordinates = z.strictObject({
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
});
/** WGS 84 coordinates of a municipality's administrative centre. */
export type Coordinates = z.infer<typeof Coordinates>;

/** True when the text holds a C0 control character other than tab, LF or CR, or DEL. */
export function hasControlCharacters(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) return true;
  }
  return false;
}

/**
 * Bidirectional formatting characters (embeddings, overrides, isolates and the invisible marks)
 * make a name render in an order other than the one stored, so "Київ" can show as another town
 * in a list or a CSV. Plain right-to-left letters are not affected.
 */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

/** True when the text holds a bidirectional formatting character (U+202A–U+202E, U+2066–U+2069, U+200E/F, U+061C). */
export function hasBidiControls(value: string): boolean {
  return BIDI_CONTROLS.test(value);
}

/** A trimmed text of bounded length, free of control and bidirectional formatting characters. */
export function text(max: number) {
  return z
    .string()
    .trim()
    .max(max)
    .refine((s) => !hasControlCharacters(s), {
      message: "contains control characters",
      params: { code: "control-characters" },
    })
    .refine((s) => !hasBidiControls(s), {
      message: "contains bidirectional formatting characters",
      params: { code: "bidi-controls" },
    });
}

/** A required trimmed text of bounded length. */
export function requiredText(max: number) {
  return text(max).pipe(z.string().min(1, "must not be empty"));
}
