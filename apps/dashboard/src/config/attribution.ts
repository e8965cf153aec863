// The one place the dashboard takes the data attribution from; core owns the wording.
export { REFERENCE_ATTRIBUTION } from "@pobratym/core";

/** The map's Europe view draws country outlines that the `world-atlas` package ships. */
export const OUTLINES_ATTRIBUTION =
  "Country outlines: Natural Earth (public domain) via world-atlas (ISC).";
