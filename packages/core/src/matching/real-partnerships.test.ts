import { beforeAll, describe, expect, it } from "vitest";
import { importReferenceFiles } from "../import/reference";
import { readReferenceFolder } from "../import/reference-dir.test-helpers";
import type { Hromada, Partner } from "../model/municipality";
import type { CooperationAreaCode } from "../taxonomy/cooperation-areas";
import { need, offer } from "./fixtures.test-helpers";
import type { HromadaProfile, PartnerProfile } from "./profiles";
import { suggestPartners } from "./suggest";

/**
 * Real partnerships from public reporting, with the areas the reporting names, written down once
 * and never tuned: each side gets those areas as its needs (priority high) and offers (experienced),
 * nothing else. Every other municipality of the catalogue keeps no needs or offers.
 */
const REAL_PAIRS: readonly {
  hromada: string;
  partner: string;
  areas: readonly CooperationAreaCode[];
  source: string;
}[] = [
  {
    hromada: "UA26080070000092582", // Kolomyia
    partner: "2080", // Falun
    areas: ["water-sanitation", "waste"],
    source: "ICLD municipal partnerships with Ukraine: technical services, water supply and waste",
  },
  {
    hromada: "UA61060430000094264", // Chortkiv
    partner: "1080", // Karlskrona
    areas: ["education"],
    source: "ICLD municipal partnerships with Ukraine: education",
  },
  {
    hromada: "UA68060270000042174", // Slavuta
    partner: "0186", // Lidingö
    areas: ["education"],
    source: "ICLD municipal partnerships with Ukraine: education",
  },
  {
    hromada: "UA61040490000035010", // Ternopil
    partner: "1081", // Ronneby
    areas: ["water-sanitation", "crisis-preparedness"],
    source: "ICLD municipal partnerships with Ukraine: water management and crisis preparedness",
  },
  {
    hromada: "UA65100150000057191", // Kherson
    partner: "2480", // Umeå
    areas: ["urban-planning", "gender-equality", "local-democracy"],
    source: "ICLD: gender-equal urban planning and digital citizen participation",
  },
  {
    hromada: "UA26060170000091466", // Kalush
    partner: "0780", // Växjö
    areas: [
      "inclusive-leadership",
      "crisis-preparedness",
      "youth-culture",
      "public-administration",
    ],
    source:
      "ICLD: inclusive leadership, crisis preparedness, youth engagement, digital communication",
  },
  {
    hromada: "UA63140110000087562", // Slobozhanska (Kharkiv oblast)
    partner: "2460", // Vännäs
    areas: ["energy-heating"],
    source: "Vännäs–Slobozhanske letter of intent, 20 June 2023: equipment for the heating season",
  },
  {
    hromada: "UA12060170000091033", // Kryvyi Rih
    partner: "4225", // Lyngdal
    areas: ["health"],
    source: "Lyngdal–Kryvyi Rih agreement: health care equipment",
  },
];

/** The real partner's place in each side's suggestions (1 = first), as measured below. */
interface Ranks {
  pair: string;
  partnerRankForHromada: number | null;
  hromadaRankForPartner: number | null;
}

describe("real partnerships rank near the top", () => {
  const ranks: Ranks[] = [];
  beforeAll(() => {
    const muni = importReferenceFiles(readReferenceFolder()).municipalities;
    const hromadaAreas = new Map<string, readonly CooperationAreaCode[]>();
    const partnerAreas = new Map<string, readonly CooperationAreaCode[]>();
    for (const p of REAL_PAIRS) {
      hromadaAreas.set(`ua-${p.hromada}`, p.areas);
      partnerAreas.set(p.partner, p.areas);
    }
    const hromadas: HromadaProfile[] = muni
      .filter((m): m is Hromada => m.kind === "hromada")
      .map((m) => ({
        municipality: m,
        needs: (hromadaAreas.get(m.id) ?? []).map((a) => need(a, "high")),
        partnershipCount: 0,
      }));
    const partners: PartnerProfile[] = muni
      .filter((m): m is Partner => m.kind === "partner")
      .map((m) => ({
        municipality: m,
        offers: (m.country === "SE" || m.country === "NO"
          ? (partnerAreas.get(m.officialCode) ?? [])
          : []
        ).map((a) => offer(a, "experienced")),
        ties: [],
        partnershipCount: 0,
      }));
    for (const pair of REAL_PAIRS) {
      const h = hromadas.find((x) => x.municipality.officialCode === pair.hromada);
      const p = partners.find(
        (x) =>
          x.municipality.officialCode === pair.partner &&
          x.municipality.country === (pair.partner === "4225" ? "NO" : "SE"),
      );
      if (!h || !p) throw new Error(`not in the catalogue: ${pair.hromada} / ${pair.partner}`);
      const forH = suggestPartners(h, partners, 100).findIndex(
        (s) => s.candidate.municipality.id === p.municipality.id,
      );
      const forP = suggestPartners(p, hromadas, 100).findIndex(
        (s) => s.candidate.municipality.id === h.municipality.id,
      );
      ranks.push({
        pair: `${h.municipality.names.latin} – ${p.municipality.names.local}`,
        partnerRankForHromada: forH < 0 ? null : forH + 1,
        hromadaRankForPartner: forP < 0 ? null : forP + 1,
      });
    }
  }, 60_000);

  it("finds every real partner in both sides' suggestions", () => {
    for (const r of ranks) {
      expect(r.partnerRankForHromada, r.pair).not.toBeNull();
      expect(r.hromadaRankForPartner, r.pair).not.toBeNull();
    }
  });

  it("puts at least two thirds of the real partners in the top 3, both ways", () => {
    const top3 = (k: keyof Omit<Ranks, "pair">) =>
      ranks.filter((r) => r[k] !== null && (r[k] as number) <= 3).length;
    expect(top3("partnerRankForHromada") * 3).toBeGreaterThanOrEqual(ranks.length * 2);
    expect(top3("hromadaRankForPartner") * 3).toBeGreaterThanOrEqual(ranks.length * 2);
    // The measured ranks, for the record (the README quotes them).
    expect(ranks).toMatchSnapshot();
  });
});
