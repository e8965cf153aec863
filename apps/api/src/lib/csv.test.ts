import { readFileSync } from "node:fs";
import { ATTRIBUTION_ROW, importSwedishMunicipalities, parseCsv } from "@pobratym/core";
import { referenceFileUrl } from "@pobratym/reference-data";
import { describe, expect, it } from "vitest";
import { csvLines } from "../test/csv";
import { toCsv } from "./csv";

describe("toCsv", () => {
  it("ends every export with one row holding the attribution line", () => {
    const text = toCsv(["id", "name"], [["se-0780", "Växjö"]]);
    expect(csvLines(text)).toEqual(["id,name", "se-0780,Växjö"]);
    const rows = parseCsv(text).rows;
    expect(rows.at(-1)?.fields).toEqual([ATTRIBUTION_ROW]);
    expect(ATTRIBUTION_ROW).toMatch(/^Source: Ukraine: KSE Institute.*Wikipedia contributors/);
  });

  it("writes files that core's importer reads back, skipping the attribution row", () => {
    const original = parseCsv(readFileSync(referenceFileUrl("se-kommuner.csv"), "utf8"));
    const exported = `\uFEFF${toCsv(
      original.header,
      original.rows.map((r) => r.fields),
    )}`;
    const back = importSwedishMunicipalities(exported);
    expect(back.errors).toEqual([]);
    expect(back.rows).toBe(290);
    expect(back.items.reduce((s, m) => s + (m.population ?? 0), 0)).toBe(10_587_710);
  });
});
