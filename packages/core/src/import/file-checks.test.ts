import { describe, expect, it } from "vitest";
import { checkReferenceFiles } from "./file-checks";
import { importReferenceFiles, REFERENCE_FILE_NAMES } from "./reference";
import { readReference } from "./reference-dir.test-helpers";

const WAR = "ua-hromadas-war-status-2022.csv";

/** Encodes text as Windows-1252 would store it: Latin-1 letters as one byte, Cyrillic as "?". */
function windows1252(text: string): Uint8Array {
  return Uint8Array.from([...text].map((ch) => (ch.charCodeAt(0) < 256 ? ch.charCodeAt(0) : 63)));
}

const real: Record<string, string> = Object.fromEntries(
  REFERENCE_FILE_NAMES.map((n) => [n, readReference(n)] as const),
);
const file = (name: string): string => real[name] ?? "";
const check = (files: Record<string, string | Uint8Array>) =>
  checkReferenceFiles(files, importReferenceFiles(files));
const codes = (files: Record<string, string | Uint8Array>) =>
  check(files).map((i) => [i.file, i.code]);

describe("checkReferenceFiles", () => {
  it("finds nothing wrong with the shipped catalogue", () => {
    expect(check(real)).toEqual([]);
  });

  it("refuses a war-status list saved by a Swedish spreadsheet: ;-separated, Windows-1252, truncated", () => {
    const lines = file(WAR).trimEnd().split("\n");
    const broken = windows1252(
      lines
        .slice(0, 400)
        .map((l) => l.replaceAll(",", ";"))
        .join("\r\n"),
    );
    const issues = check({ ...real, [WAR]: broken });
    expect(issues.map((i) => i.code)).toEqual(["wrong-encoding", "wrong-delimiter"]);
    expect(issues.every((i) => i.file === WAR)).toBe(true);
    expect(issues.find((i) => i.code === "wrong-delimiter")?.message).toMatch(/semicolons/);
  });

  it("refuses a truncated war-status list, which would make the rest of the hromadas rear", () => {
    const truncated = file(WAR).split("\n").slice(0, 400).join("\n");
    const issues = check({ ...real, [WAR]: truncated });
    expect(issues.map((i) => i.code)).toEqual(["truncated-file"]);
    expect(issues[0]?.message).toMatch(
      /^1070 of 1469 hromadas .* missing from the war-status list/,
    );
  });

  it("reports bytes that are not UTF-8", () => {
    const se = windows1252(file("se-kommuner.csv"));
    expect(codes({ "se-kommuner.csv": se })).toEqual([["se-kommuner.csv", "wrong-encoding"]]);
  });

  it("reports a war-status code that is not in the hromada file, at its row", () => {
    const war = `${file(WAR).trimEnd()}\nUA99999999999999999,Вигадана,сільська,Х,Х,0,0,0,0,1,not occupied,,\n`;
    const issues = check({ ...real, [WAR]: war });
    expect(issues).toEqual([
      expect.objectContaining({ code: "unknown-code", row: 1470, field: "katottg" }),
    ]);
  });

  it.each([
    ["a population of 0", (l: string) => l.replace(/^(0780,Växjö,[^,]*,[^,]*,[^,]*),\d+/m, "$1,0")],
    [
      "a centre in the sea",
      (l: string) =>
        l.replace(/^(0780,Växjö,[^,]*,[^,]*,[^,]*,\d+),[\d.]+,[\d.]+/m, "$1,14.8,56.9"),
    ],
  ])("reports %s as an impossible value", (_label, edit) => {
    const se = edit(file("se-kommuner.csv"));
    expect(se).not.toBe(file("se-kommuner.csv"));
    const issues = check({ "se-kommuner.csv": se });
    expect(issues).toEqual([
      expect.objectContaining({
        file: "se-kommuner.csv",
        code: "impossible-value",
        row: expect.any(Number),
      }),
    ]);
    expect(issues[0]?.row).toBeGreaterThan(0);
  });
});
