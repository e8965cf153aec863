import { describe, expect, it } from "vitest";
import { ATTRIBUTION_ROW, isAttributionRow, REFERENCE_ATTRIBUTION } from "./attribution";
import { importReferenceFiles, REFERENCE_FILE_NAMES } from "./reference";
import { readReference } from "./reference-dir.test-helpers";

/** A file as the API's CSV exports write it: BOM, CRLF, and the attribution row last (quoted). */
function asExport(text: string, padding = 0): string {
  const cell = `"${ATTRIBUTION_ROW.replaceAll('"', '""')}"`;
  return `\uFEFF${text.trimEnd().replaceAll("\n", "\r\n")}\r\n${cell}${",".repeat(padding)}\r\n`;
}

describe("isAttributionRow", () => {
  it.each([
    [[ATTRIBUTION_ROW], true],
    [[ATTRIBUTION_ROW, "", " "], true],
    [[`  ${ATTRIBUTION_ROW}`], true],
    [["Source: anything"], true],
    [[REFERENCE_ATTRIBUTION], false],
    [[ATTRIBUTION_ROW, "0780"], false],
    [["0780", ATTRIBUTION_ROW], false],
    [["source: lower case"], false],
    [[], false],
  ])("%j → %s", (fields, expected) => {
    expect(isAttributionRow(fields)).toBe(expected);
  });
});

describe("the importers read the app's CSV exports back", () => {
  const files = Object.fromEntries(
    REFERENCE_FILE_NAMES.map((name) => [name, readReference(name)] as const),
  );
  const plain = importReferenceFiles(files);

  it.each([0, 5])("skips the attribution row (padded with %i commas) in every file", (padding) => {
    const exported = Object.fromEntries(
      Object.entries(files).map(([name, text]) => [name, asExport(text, padding)]),
    );
    const back = importReferenceFiles(exported);
    expect(back.errors).toEqual([]);
    expect(back.counts.files).toEqual(plain.counts.files);
    expect(back.municipalities).toEqual(plain.municipalities);
    expect(back.ties).toEqual(plain.ties);
    expect(back.warnings).toEqual(plain.warnings);
  });

  it("still reports a Source row that is not the last row", () => {
    const se = readReference("se-kommuner.csv").trimEnd().split("\n");
    const moved = [se[0], ATTRIBUTION_ROW.replaceAll(",", ""), ...se.slice(1)].join("\n");
    const result = importReferenceFiles({ "se-kommuner.csv": moved });
    expect(result.errors.map((e) => [e.row, e.code])).toContainEqual([1, "field-count"]);
    expect(result.counts.byCountry.SE).toBe(290);
  });
});
