import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../bootstrap";
import { rows } from "../../db/db";
import type { Logger } from "../../logger";
import { PACKAGED_REFERENCE_DIR } from "../../reference-dir";
import { testContext } from "../../test/test-app";
import { createTestDatabase, ENGINES, type TestDatabase } from "../../test/test-db";
import { importReference, readReferenceFolder } from "./import-reference";
import { IMPORTER_VERSION, ImportRefusedError } from "./safe-import";

// Whole-catalogue imports and CLI runs: slow on a loaded machine, so generous limits.
const SLOW = { timeout: 300_000 };
const WAR = "ua-hromadas-war-status-2022.csv";
const REAR = /,0,not occupied,not occupied,$/;

/** The war-status list with the first `n` rear hromadas turned occupied. */
function flipRear(text: string, n: number): string {
  let left = n;
  return text
    .split("\n")
    .map((line) => {
      if (left === 0 || !REAR.test(line)) return line;
      left--;
      return line.replace(REAR, ",0,occupied,occupied,");
    })
    .join("\n");
}

/** The war-status list as a Swedish spreadsheet saves it: `;`, Windows-1252 ("?" for Cyrillic), cut short. */
function brokenWarStatus(text: string): Uint8Array {
  const cut = text.split("\n").slice(0, 600).join("\r\n").replaceAll(",", ";");
  return Uint8Array.from([...cut].map((ch) => (ch.charCodeAt(0) < 256 ? ch.charCodeAt(0) : 63)));
}

/** A reference folder on disk: the packaged files with some replaced. */
function folderWith(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), "pobratym-ref-"));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

function recordingLogger(): Logger & {
  lines: { level: string; message: string; fields: unknown }[];
} {
  const lines: { level: string; message: string; fields: unknown }[] = [];
  const at = (level: string) => (message: string, fields?: Record<string, unknown>) => {
    lines.push({ level, message, fields });
  };
  return { lines, debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}

describe.each(ENGINES)("the safe reference import on %s", SLOW, (engine) => {
  let t: TestDatabase;
  let files: Record<string, Uint8Array>;
  let war: string;

  /** Everything an import could change, to compare before and after a refusal. */
  const snapshot = async () =>
    rows<{ n: number; situations: string; versions: number; ties: number }>(
      t.db.orm,
      sql`SELECT count(*)::int AS n,
            string_agg(id || '=' || coalesce(situation, '') || ':' || version, ',' ORDER BY id) AS situations,
            sum(version)::int AS versions, (SELECT count(*)::int FROM ties) AS ties
          FROM municipalities`,
    );
  const records = async () =>
    rows<{ outcome: string; message: string; importerVersion: string }>(
      t.db.orm,
      sql`SELECT outcome, message, importer_version AS "importerVersion" FROM reference_imports ORDER BY id`,
    );
  const situationOf = async (id: string) =>
    (
      await rows<{ situation: string }>(
        t.db.orm,
        sql`SELECT situation FROM municipalities WHERE id = ${id}`,
      )
    )[0]?.situation;

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    files = await readReferenceFolder(PACKAGED_REFERENCE_DIR);
    war = new TextDecoder().decode(files[WAR]);
    const first = await importReference({
      ctx: testContext(t.db, { now: new Date("2026-11-23T12:00:00.000Z") }),
      files,
    });
    expect(first.status).toBe("applied");
  }, SLOW.timeout);
  afterAll(async () => {
    await t?.dispose();
  });

  it("records the applied import with the fingerprint of the files and the importer", async () => {
    expect(await records()).toEqual([
      expect.objectContaining({ outcome: "applied", importerVersion: IMPORTER_VERSION }),
    ]);
  });

  it("refuses a ;-separated, Windows-1252, truncated war-status file and changes nothing", async () => {
    const before = await snapshot();
    const attempt = importReference({
      ctx: testContext(t.db, { now: new Date("2026-11-24T12:00:00.000Z") }),
      files: { ...files, [WAR]: brokenWarStatus(war) },
    });
    await expect(attempt).rejects.toBeInstanceOf(ImportRefusedError);
    const error = await attempt.then(
      () =>
        new ImportRefusedError("not refused", { errors: [], warnings: [], situationChanges: [] }),
      (e: unknown) => e as ImportRefusedError,
    );
    expect(error.message).toMatch(/^refused the reference import: .* nothing was changed/);
    expect(error.message).toMatch(/not UTF-8|Windows-1252/);
    expect(error.message).toMatch(/semicolons/);
    expect(error.report.errors.map((e) => e.code)).toEqual(
      expect.arrayContaining(["wrong-encoding", "wrong-delimiter", "missing-column"]),
    );
    expect(await snapshot()).toEqual(before);
    // Kherson stays deoccupied, Lviv stays rear: no hromada turned "rear".
    expect(await situationOf("ua-UA65100150000057191")).toBe("deoccupied");
    expect((await records()).at(-1)).toMatchObject({ outcome: "refused" });
  });

  it("refuses a war-status list that only lacks its last rows (truncated at a line end)", async () => {
    const before = await snapshot();
    const cut = war.split("\n").slice(0, 1200).join("\n");
    const attempt = importReference({
      ctx: testContext(t.db, { now: new Date("2026-11-24T13:00:00.000Z") }),
      files: { ...files, [WAR]: cut },
    });
    await expect(attempt).rejects.toThrow(
      /270 of 1469 hromadas .* missing from the war-status list/,
    );
    expect(await snapshot()).toEqual(before);
  });

  it("refuses an import that would change the situation of more than 10 % of hromadas", async () => {
    const before = await snapshot();
    const flipped = { ...files, [WAR]: flipRear(war, 200) };
    const attempt = importReference({
      ctx: testContext(t.db, { now: new Date("2026-11-25T12:00:00.000Z") }),
      files: flipped,
    });
    await expect(attempt).rejects.toThrow(
      /change the situation of 200 of 1470 hromadas \(13\.6 %\), more than the limit of 10\.0 %/,
    );
    expect(await snapshot()).toEqual(before);
    // A higher limit lets the same files through.
    const allowed = await importReference({
      ctx: testContext(t.db, { now: new Date("2026-11-25T13:00:00.000Z") }),
      files: flipped,

      maxChange: 0.2,
    });
    expect(allowed.situationChanges).toHaveLength(200);
    expect(allowed.situationChanges[0]).toMatchObject({ from: "rear", to: "occupied" });
    // And back, for the tests below.
    await importReference({
      ctx: testContext(t.db, { now: new Date("2026-11-25T14:00:00.000Z") }),
      files,
      maxChange: 0.2,
    });
  });

  it("shows what a dry run would change and writes nothing", async () => {
    const before = await snapshot();
    const count = (await records()).length;
    const plan = await importReference({
      ctx: testContext(t.db, { now: new Date("2026-11-26T12:00:00.000Z") }),
      files: { ...files, [WAR]: flipRear(war, 3) },

      dryRun: true,
    });
    expect(plan.status).toBe("dry-run");
    expect(plan.municipalities.updated).toBe(3);
    expect(plan.situationChanges.map((c) => [c.from, c.to])).toEqual([
      ["rear", "occupied"],
      ["rear", "occupied"],
      ["rear", "occupied"],
    ]);
    expect(await snapshot()).toEqual(before);
    expect(await records()).toHaveLength(count);
  });

  it("skips files it has already applied with the same importer, unless forced", async () => {
    const same = await importReference({
      ctx: testContext(t.db, { now: new Date("2026-11-27T12:00:00.000Z") }),
      files,

      skipUnchanged: true,
    });
    expect(same.status, JSON.stringify(await records())).toBe("unchanged");
    const forced = await importReference({
      ctx: testContext(t.db, { now: new Date("2026-11-27T12:01:00.000Z") }),
      files,
    });
    expect(forced.status).toBe("applied");
    const changed = await importReference({
      ctx: testContext(t.db, { now: new Date("2026-11-27T12:02:00.000Z") }),
      files: { ...files, [WAR]: flipRear(war, 1) },

      skipUnchanged: true,
    });
    expect(changed).toMatchObject({ status: "applied", municipalities: { updated: 1 } });
    await importReference({
      ctx: testContext(t.db, { now: new Date("2026-11-27T12:03:00.000Z") }),
      files,
    });
    // A new importer re-imports the same files.
    await t.db.orm.execute(sql`UPDATE reference_imports SET importer_version = 'older'`);
    const newer = await importReference({
      ctx: testContext(t.db, { now: new Date("2026-11-27T12:04:00.000Z") }),
      files,

      skipUnchanged: true,
    });
    expect(newer.status).toBe("applied");
  });
});

describe("start-up with a broken reference folder", SLOW, () => {
  it("logs why the import was refused and starts on the data it had", async () => {
    const files = await readReferenceFolder(PACKAGED_REFERENCE_DIR);
    const war = new TextDecoder().decode(files[WAR]);
    const ref = folderWith({ ...files, [WAR]: brokenWarStatus(war) });
    const data = mkdtempSync(join(tmpdir(), "pobratym-boot-"));
    const logger = recordingLogger();
    try {
      const db = await openDatabase(
        { POBRATYM_DATA_DIR: data, POBRATYM_REFERENCE_DIR: ref, POBRATYM_IMPORT_MAX_CHANGE: 0.1 },
        logger,
        () => new Date("2026-11-28T12:00:00.000Z"),
      );
      try {
        const [row] = await rows<{ n: number; reference: number }>(
          db.orm,
          sql`SELECT count(*)::int AS n, count(*) FILTER (WHERE source = 'reference')::int AS reference FROM municipalities`,
        );
        expect(row?.reference).toBe(0);
        const refused = logger.lines.find((l) => l.level === "error");
        expect(refused?.message).toMatch(/reference import refused; starting on the data already/);
        expect(JSON.stringify(refused?.fields)).toMatch(/semicolons/);
        const [record] = await rows<{ outcome: string }>(
          db.orm,
          sql`SELECT outcome FROM reference_imports`,
        );
        expect(record?.outcome).toBe("refused");
      } finally {
        await db.close();
      }
    } finally {
      rmSync(data, { recursive: true, force: true });
      rmSync(ref, { recursive: true, force: true });
    }
  });
});

describe("the import command", SLOW, () => {
  it("exits 1 with the reason when the import is refused, 0 for a dry run", () => {
    const data = mkdtempSync(join(tmpdir(), "pobratym-cli-"));
    const ref = folderWith({ "se-kommuner.csv": "kommunkod;name\n0780;Växjö\n" });
    const good = folderWith({
      "se-kommuner.csv": readFileSync(join(PACKAGED_REFERENCE_DIR, "se-kommuner.csv")),
    });
    try {
      const cli = resolve(import.meta.dirname, "../../cli/import.ts");
      const run = (...args: string[]) =>
        spawnSync(process.execPath, ["--import", "tsx", cli, ...args], {
          encoding: "utf8",
          env: { ...process.env, DATABASE_URL: "", POBRATYM_DATA_DIR: data, INIT_CWD: "" },
          timeout: 240_000,
        });
      const refused = run(ref);
      expect(refused.status, refused.stderr).toBe(1);
      expect(refused.stderr).toMatch(/refused the reference import: .*semicolons/);
      const dry = run("--dry-run", good);
      expect(dry.status, dry.stderr).toBe(0);
      expect(dry.stdout).toMatch(/^Dry run of .*nothing was written/m);
      expect(dry.stdout).toMatch(/municipalities: 290 new/);
      expect(run("--bogus").status).toBe(2);
    } finally {
      rmSync(data, { recursive: true, force: true });
      rmSync(ref, { recursive: true, force: true });
      rmSync(good, { recursive: true, force: true });
    }
  });
});
