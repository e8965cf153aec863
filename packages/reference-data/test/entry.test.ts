import { readdirSync, readFileSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { REFERENCE_FILE_NAMES, referenceDataUrl, referenceFileUrl } from "../index.js";

const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
  exports: Record<string, unknown>;
  files: string[];
};

/** Rows and the sum of one numeric column, read with a plain split (no quoted commas before it). */
function rowsAndSum(file: (typeof REFERENCE_FILE_NAMES)[number], column: string) {
  const [header, ...lines] = readFileSync(referenceFileUrl(file), "utf8").trimEnd().split("\n");
  const index = (header ?? "").split(",").indexOf(column);
  expect(index, column).toBeGreaterThanOrEqual(0);
  return {
    rows: lines.length,
    sum: lines.reduce((s, line) => s + Number(line.split(",")[index] || 0), 0),
  };
}

describe("@pobratym/reference-data", () => {
  it("names exactly the files of its data folder", () => {
    const onDisk = readdirSync(fileURLToPath(referenceDataUrl)).sort();
    expect([...REFERENCE_FILE_NAMES].sort()).toEqual(onDisk);
  });

  it("gives a URL of an existing file for every name", () => {
    for (const name of REFERENCE_FILE_NAMES) {
      expect(statSync(referenceFileUrl(name)).size, name).toBeGreaterThan(1000);
    }
  });

  it("refuses a name it does not ship", () => {
    expect(() => referenceFileUrl("../package.json" as "SOURCES.md")).toThrow(TypeError);
  });

  it("exports every data file by name and publishes the data folder", () => {
    for (const name of REFERENCE_FILE_NAMES) {
      expect(pkg.exports[`./${name}`], name).toBe(`./data/${name}`);
    }
    expect(pkg.files).toEqual(
      expect.arrayContaining(["data", "index.js", "index.d.ts", "LICENSE"]),
    );
  });

  it.each([
    ["ua-hromadas.csv", "population_2022", 1470, 41_167_335],
    ["se-kommuner.csv", "population_2024", 290, 10_587_710],
    ["no-kommuner.csv", "population", 357, 5_627_400],
  ] as const)("%s holds %s for %i municipalities, %i people", (file, column, rows, sum) => {
    expect(rowsAndSum(file, column)).toEqual({ rows, sum });
  });

  it("keeps the whole package small enough for git and npm", () => {
    const bytes = REFERENCE_FILE_NAMES.reduce((s, n) => s + statSync(referenceFileUrl(n)).size, 0);
    expect(bytes).toBeLessThan(2 * 1024 * 1024);
  });
});

describe("LICENSE", () => {
  const licence = readFileSync(new URL("../LICENSE", import.meta.url), "utf8");
  const squash = (s: string) => s.replace(/\s+/g, " ").trim();

  it("carries the attribution line of SOURCES.md word for word", () => {
    const quoted = readFileSync(referenceFileUrl("SOURCES.md"), "utf8")
      .split("\n")
      .filter((l) => l.startsWith("> "))
      .map((l) => l.slice(2))
      .join(" ");
    expect(squash(licence)).toContain(squash(quoted));
  });

  it("names each file with its licence and the caveats SOURCES.md gives", () => {
    const sections = squash(licence).split(/ data\/(?=[\w.-]+ -{3,})/);
    const section = (file: string) => sections.find((s) => s.startsWith(`${file} `)) ?? "";
    expect(section("ua-hromadas.csv")).toMatch(/MIT.*Andriy V\. Koval.*ODbL 1\.0.*OpenStreetMap/);
    expect(section("ua-hromadas-war-status-2022.csv")).toContain("NOT Order No. 309");
    expect(section("ua-oblasts.topo.json")).toMatch(/MIT.*Mark DiMarco.*public domain.*inference/);
    expect(section("ua-oblasts.csv")).toContain("Derived from");
    expect(section("se-kommuner.csv")).toMatch(/CC0 1\.0.*no licence file.*LICENCE UNCLEAR/);
    expect(section("no-kommuner.csv")).toMatch(/NLOD 2\.0.*no licence file.*CC0.*CC BY 4\.0/);
    expect(section("twinnings-wikipedia-ua-se-no.csv")).toContain("CC BY-SA 4.0");
    for (const name of REFERENCE_FILE_NAMES) expect(section(name), name).not.toBe("");
  });
});
