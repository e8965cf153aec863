import { describe, expect, it } from "vitest";
import { Municipality, municipalityId } from "../model/municipality";
import { Need } from "../model/need";
import { Offer } from "../model/offer";
import { Partnership } from "../model/partnership";
import { Tie } from "../model/tie";
import { searchNames } from "../search/names";
import { matchesSearch } from "../search/normalise";
import { canMove } from "../taxonomy/stages";
import { DEMO_DATASET } from "./demo-dataset";

const { municipalities, needs, offers, partnerships, ties } = DEMO_DATASET;
const byId = new Map(municipalities.map((m) => [m.id, m]));
const find = (name: string) =>
  municipalities.find((m) => matchesSearch(name, searchNames(m.names)));

describe("DEMO_DATASET", () => {
  it("parses with the model schemas", () => {
    for (const m of municipalities) expect(Municipality.parse(m)).toEqual(m);
    for (const list of Object.values(needs)) for (const n of list) expect(Need.parse(n)).toEqual(n);
    for (const list of Object.values(offers))
      for (const o of list) expect(Offer.parse(o)).toEqual(o);
    for (const p of partnerships) expect(Partnership.parse(p)).toEqual(p);
    for (const t of ties) expect(Tie.parse(t)).toEqual(t);
  });

  it("uses unique ids built from official codes", () => {
    for (const m of municipalities) expect(m.id).toBe(municipalityId(m.country, m.officialCode));
    const ids = [
      ...municipalities.map((m) => m.id),
      ...Object.values(needs)
        .flat()
        .map((n) => n.id),
      ...Object.values(offers)
        .flat()
        .map((o) => o.id),
      ...partnerships.map((p) => p.id),
      ...ties.map((t) => t.id),
    ];
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("refers only to its own municipalities, of the right kind", () => {
    for (const id of Object.keys(needs)) expect(byId.get(id)?.kind).toBe("hromada");
    for (const id of Object.keys(offers)) expect(byId.get(id)?.kind).toBe("partner");
    for (const p of partnerships) {
      expect(byId.get(p.hromadaId)?.kind).toBe("hromada");
      for (const id of p.partnerIds) expect(byId.get(id)?.kind).toBe("partner");
    }
    for (const t of ties) expect(byId.has(t.municipalityId)).toBe(true);
  });

  it("gives every partnership a legal, dated stage history ending at its stage", () => {
    for (const p of partnerships) {
      expect(p.history.length).toBeGreaterThan(0);
      expect(p.history[0]?.from).toBeNull();
      p.history.forEach((event, i) => {
        expect(event.by).toBe("demo");
        const prev = p.history[i - 1];
        if (!prev) return;
        expect(event.from).toBe(prev.to);
        expect(canMove(prev.to, event.to)).toBe(true);
        expect(Date.parse(event.at)).toBeGreaterThan(Date.parse(prev.at));
      });
      expect(p.history.at(-1)?.to).toBe(p.stage);
    }
  });

  it.each([
    ["Falun", "Kolomyia", ["water-sanitation", "waste"]],
    ["Karlskrona", "Chortkiv", ["education"]],
    ["Lidingö", "Slavuta", ["education"]],
    ["Ronneby", "Ternopil", ["water-sanitation", "crisis-preparedness"]],
    ["Umeå", "Kherson", ["urban-planning", "gender-equality", "local-democracy"]],
    [
      "Växjö",
      "Kalush",
      ["inclusive-leadership", "crisis-preparedness", "youth-culture", "public-administration"],
    ],
  ])(
    "has the ICLD pair %s–%s with its reported areas and ICLD funding",
    (partner, hromada, areas) => {
      const p = partnerships.find(
        (x) =>
          x.hromadaId === find(hromada)?.id &&
          x.partnerIds.includes(find(partner)?.id ?? "") &&
          x.funding.includes("icld"),
      );
      expect(p?.areas).toEqual(areas);
      // Each hromada has an open or in-progress need and each partner an offer in every area.
      for (const area of areas) {
        expect(needs[p?.hromadaId ?? ""]?.some((n) => n.area === area)).toBe(true);
        expect(offers[p?.partnerIds[0] ?? ""]?.some((o) => o.area === area)).toBe(true);
      }
    },
  );

  it("records the Vännäs–Slobozhanske letter of intent of 20 June 2023", () => {
    const slobozhanske = find("Слобожанське");
    expect(slobozhanske?.region.iso).toBe("UA-63");
    const p = partnerships.find((x) => x.hromadaId === slobozhanske?.id);
    expect(p).toMatchObject({
      agreementType: "letter-of-intent",
      stage: "letter-of-intent",
      signedOn: "2023-06-20",
    });
    expect(p?.partnerIds).toEqual([find("Vannas")?.id]);
  });

  it("records Lyngdal's solidarity agreement with Kryvyi Rih and Karlskrona's twin-town aim", () => {
    const kryvyiRih = find("Kryvyi Rih");
    expect(partnerships.find((x) => x.hromadaId === kryvyiRih?.id)?.agreementType).toBe(
      "solidarity-partnership",
    );
    expect(
      ties.filter((t) => t.municipalityId === kryvyiRih?.id).map((t) => t.foreignCountry),
    ).toEqual(["NO"]);
    const twin = partnerships.find((x) => x.agreementType === "twin-town");
    expect(twin?.hromadaId).toBe(find("Chortkiv")?.id);
    expect(twin?.history[0]?.at.startsWith("2022")).toBe(true);
  });

  it("gives hromadas the situations the reporting implies", () => {
    const situation = (name: string) => {
      const m = find(name);
      return m?.kind === "hromada" ? m.situation.category : undefined;
    };
    expect(situation("Kherson")).toBe("deoccupied");
    expect(situation("Slobozhanske")).toBe("frontline");
    expect(["Kolomyia", "Kalush", "Ternopil", "Chortkiv", "Slavuta"].map(situation)).toEqual(
      Array(5).fill("rear"),
    );
  });
});
