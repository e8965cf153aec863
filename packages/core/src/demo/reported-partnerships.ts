import { Partnership } from "../model/partnership";
import { DEMO_DATASET } from "./demo-dataset";

const ICLD_SOURCE =
  "ICLD (Swedish International Centre for Local Democracy): municipal partnerships for democratic resilience, public reporting";

/**
 * The demo's partnerships that public reporting names, by demo id, with their source. The demo's
 * Chortkiv–Karlskrona twin-town aim is left out: the reporting gives an approach, not a partnership.
 */
const REPORTED: Readonly<Record<string, string>> = {
  "demo-2080-kolomyia": ICLD_SOURCE,
  "demo-1080-chortkiv": ICLD_SOURCE,
  "demo-0186-slavuta": ICLD_SOURCE,
  "demo-1081-ternopil": ICLD_SOURCE,
  "demo-2480-kherson": ICLD_SOURCE,
  "demo-0780-kalush": ICLD_SOURCE,
  "demo-2460-slobozhanske":
    "Letter of intent signed on 20 June 2023 at a Swedish–Ukrainian partnership conference in Stockholm (11 + 11 municipalities), public reporting",
  "demo-4225-kryvyi-rih":
    "Solidarity and partnership agreement between Lyngdal and Kryvyi Rih, public reporting",
};

/**
 * The partnerships named in public reporting (the six ICLD democratic-resilience pairs,
 * Vännäs–Slobozhanske and Lyngdal–Kryvyi Rih), as facts to load with the real catalogue: each
 * with its `source`, its reported stage, areas and agreement, and only the dates the reporting
 * gives (Vännäs–Slobozhanske's `signedOn`). No stage history: the demo's stage dates are
 * illustrative. Ids start with `reported-`.
 * @example
 * REPORTED_PARTNERSHIPS.length; // 8
 */
export const REPORTED_PARTNERSHIPS: readonly Partnership[] = DEMO_DATASET.partnerships
  .filter((p) => p.id in REPORTED)
  .map((p) => {
    const { history: _illustrative, ...facts } = p;
    return Partnership.parse({
      ...facts,
      id: p.id.replace(/^demo-/, "reported-"),
      history: [],
      source: REPORTED[p.id],
    });
  });
