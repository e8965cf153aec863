// Benchmark of the exact assignment solver against LEMON NetworkSimplex, in one run, on the same
// files. Generates the three reference instances with the anchors' generator into a cache under
// os.tmpdir() (never into the repo), compiles the LEMON driver there when liblemon is installed,
// then prints two tables. Our figures come from bench/solve.ts, the same entry point outside
// scripts call, so every column is "solve time only, median of 5". The first table is the exact
// optimum against LEMON NetworkSimplex; the second is stable mode (deferred acceptance, Ukrainian
// side proposing) against the anchors' gs_hr.py, with and without pruned lists.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, statSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

interface Instance {
  name: string;
  args: [number, number, number];
  /** Welfare of deferred acceptance (UA proposing) from the anchors' README. */
  stableReference: number;
}

const INSTANCES: Instance[] = [
  { name: "dense", args: [1469, 647, 0], stableReference: 433_520 },
  { name: "s10k", args: [1469, 10_000, 50], stableReference: 858_025 },
  { name: "s90k", args: [1469, 90_000, 50], stableReference: 924_941 },
];

interface SolveLine {
  objective: number;
  pairs: number;
  median_ms: number;
  digest?: number;
  listed?: number;
}

interface GsLine {
  median_da_s: number;
  welfare: number;
  pairs: number;
  blocking_pairs: number;
}

/** The initial list length of the pruned stable run (as `candidatesPerSide` would set it). */
const STABLE_K = 30;

const here = dirname(fileURLToPath(import.meta.url));
const coreDir = resolve(here, "..");
const repoRoot = resolve(coreDir, "..", "..");
const anchors = process.env.POBRATYM_ANCHORS_DIR ?? join(repoRoot, "..", "shared", "anchors");
const python = "/usr/bin/python3";
const cache = join(tmpdir(), "pobratym-bench");
const tsx = join(coreDir, "node_modules", ".bin", "tsx");

function run(cmd: string, args: string[]): { ok: boolean; out: string; err: string } {
  const r = spawnSync(cmd, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return { ok: r.status === 0, out: r.stdout ?? "", err: r.stderr ?? String(r.error ?? "") };
}

function lastJson(text: string): Record<string, unknown> | null {
  const lines = text.trim().split("\n").reverse();
  for (const line of lines) {
    if (!line.startsWith("{")) continue;
    try {
      return JSON.parse(line) as Record<string, unknown>;
    } catch {
      // not a JSON line
    }
  }
  return null;
}

function ensureInstances(notes: string[]): boolean {
  const gen = join(anchors, "gen.py");
  let ready = true;
  for (const inst of INSTANCES) {
    const dir = join(cache, inst.name);
    if (existsSync(join(dir, "meta.txt"))) continue;
    if (!existsSync(gen)) {
      notes.push(`anchors not found at ${anchors}: cannot generate the instances`);
      return false;
    }
    if (!existsSync(python)) {
      notes.push(`${python} not found: cannot generate the instances`);
      return false;
    }
    const r = run(python, [gen, dir, ...inst.args.map(String)]);
    if (!r.ok) {
      notes.push(
        `gen.py failed for ${inst.name} (numpy missing?): ${r.err.trim().split("\n").pop()}`,
      );
      ready = false;
    }
  }
  return ready;
}

function ensureLemon(notes: string[]): string | null {
  const src = join(anchors, "lemon_mcf.cpp");
  const bin = join(cache, "lemon_mcf");
  if (!existsSync(src)) {
    notes.push("lemon_mcf.cpp not found: LEMON column skipped");
    return null;
  }
  if (!existsSync("/usr/include/lemon/network_simplex.h")) {
    notes.push(
      "liblemon headers not installed (apt-get install liblemon-dev): LEMON column skipped",
    );
    return null;
  }
  if (existsSync(bin) && statSync(bin).mtimeMs > statSync(src).mtimeMs) return bin;
  const r = run("g++", ["-O2", "-std=c++17", "-o", bin, src]);
  if (!r.ok) {
    notes.push(`g++ failed, LEMON column skipped: ${r.err.trim().split("\n")[0]}`);
    return null;
  }
  return bin;
}

function solveOurs(dir: string, flag?: string): SolveLine | null {
  const r = run(tsx, [join(here, "solve.ts"), dir, ...(flag ? [flag] : [])]);
  const j = lastJson(r.out);
  if (!r.ok || j === null) {
    process.stderr.write(`solve.ts failed on ${dir}: ${r.err}\n`);
    return null;
  }
  return j as unknown as SolveLine;
}

function fmt(n: number | undefined, digits = 1): string {
  return n === undefined || Number.isNaN(n) ? "–" : n.toFixed(digits);
}

function main(): void {
  mkdirSync(cache, { recursive: true });
  const notes: string[] = [];
  if (!ensureInstances(notes)) {
    for (const n of notes) process.stdout.write(`note: ${n}\n`);
    process.stdout.write("no instances: nothing to measure\n");
    return;
  }
  const lemon = ensureLemon(notes);
  const stableAvailable = existsSync(join(coreDir, "src", "matching", "stable.ts"));
  const rows: string[][] = [];
  const stableRows: string[][] = [];
  const gs = join(anchors, "gs_hr.py");
  const gsAvailable = existsSync(gs) && existsSync(python);
  if (!gsAvailable) notes.push("gs_hr.py not found: the deferred-acceptance reference is skipped");
  for (const inst of INSTANCES) {
    const dir = join(cache, inst.name);
    let ref: SolveLine | null = null;
    if (lemon !== null) {
      const r = run(lemon, [dir, "ns", "1", "5", "1"]);
      const j = lastJson(r.out);
      if (r.ok && j !== null) ref = j as unknown as SolveLine;
      else notes.push(`lemon_mcf failed on ${inst.name}: ${r.err.trim()}`);
    }
    const ours = solveOurs(dir);
    const cold = solveOurs(dir, "--cold");
    const stable = stableAvailable ? solveOurs(dir, "--stable") : null;
    const lazy = stableAvailable ? solveOurs(dir, `--lazy=${STABLE_K}`) : null;
    let reference: GsLine | null = null;
    if (gsAvailable) {
      const r = run(python, [gs, dir, "ua", "5"]);
      const j = lastJson(r.out);
      if (r.ok && j !== null) reference = j as unknown as GsLine;
      else notes.push(`gs_hr.py failed on ${inst.name}: ${r.err.trim().split("\n").pop()}`);
    }
    const same =
      stable && lazy && reference
        ? stable.objective === reference.welfare &&
          stable.pairs === reference.pairs &&
          lazy.objective === reference.welfare &&
          lazy.pairs === reference.pairs &&
          lazy.digest === stable.digest &&
          reference.blocking_pairs === 0
        : null;
    stableRows.push([
      inst.name,
      fmt(stable?.median_ms),
      fmt(lazy?.median_ms),
      reference ? fmt(reference.median_da_s * 1000) : "–",
      stable && reference ? fmt(stable.median_ms / (reference.median_da_s * 1000), 3) : "–",
      String(stable?.objective ?? "–"),
      String(lazy?.objective ?? "–"),
      String(reference?.welfare ?? "–"),
      `${lazy?.listed ?? "–"}`,
      same === null ? "–" : same ? "yes" : "NO",
    ]);
    rows.push([
      inst.name,
      fmt(ours?.median_ms),
      fmt(cold?.median_ms),
      fmt(ref?.median_ms),
      ours && ref ? fmt(ours.median_ms / ref.median_ms, 2) : "–",
      String(ours?.objective ?? "–"),
      String(ref?.objective ?? "–"),
      ours && ref ? (ours.objective === ref.objective ? "yes" : "NO") : "–",
      stable ? String(stable.objective) : "–",
      String(inst.stableReference),
      stable ? (stable.objective === inst.stableReference ? "yes" : "NO") : "–",
    ]);
  }
  const header = [
    "instance",
    "ours ms",
    "cold ms",
    "LEMON ms",
    "ratio",
    "ours objective",
    "LEMON objective",
    "match",
    "stable welfare",
    "README welfare",
    "match",
  ];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i] ?? 0)).join("  ");
  process.stdout.write(`${line(header)}\n`);
  for (const r of rows) process.stdout.write(`${line(r)}\n`);
  process.stdout.write(
    "ms = solve time only, median of 5 runs in one process (ours: bench/solve.ts after a JIT warm-up on synthetic instances; cold: --cold, no warm-up; LEMON: lemon_mcf ns, nodes without candidates dropped); ratio = ours / LEMON\n",
  );
  const stableHeader = [
    "instance",
    "stable ms (all pairs)",
    `stable ms (lists from k=${STABLE_K})`,
    "gs_hr.py ms",
    "ratio",
    "welfare (all)",
    `welfare (k=${STABLE_K})`,
    "gs_hr.py welfare",
    "listed",
    "same matching",
  ];
  const sw = stableHeader.map((h, i) =>
    Math.max(h.length, ...stableRows.map((r) => (r[i] ?? "").length)),
  );
  const sline = (cells: string[]) => cells.map((c, i) => c.padStart(sw[i] ?? 0)).join("  ");
  process.stdout.write(`\n${sline(stableHeader)}\n`);
  for (const r of stableRows) process.stdout.write(`${sline(r)}\n`);
  process.stdout.write(
    `stable = deferred acceptance, Ukrainian side proposing, median of 5 runs; all pairs: deferredAcceptance over every candidate pair; k=${STABLE_K}: lazy lists that start at each proposer's ${STABLE_K} best and double when they run out; gs_hr.py: the anchors' reference (median_da_s of 5 runs, blocking pairs checked); same matching = equal welfare and pair counts with gs_hr.py, no blocking pair, and the same pairs (checksum) with and without pruning; listed = candidate entries the lazy run put on lists\n`,
  );
  process.stdout.write(
    `load average during the run: ${loadavg()
      .map((x) => x.toFixed(1))
      .join(" ")} on ${cpus().length} cores\n`,
  );
  if (!stableAvailable) notes.push("src/matching/stable.ts not found: stable column skipped");
  for (const n of notes) process.stdout.write(`note: ${n}\n`);
}

main();
