// Scoring benchmark (Node). Run: pnpm --filter @pobratym/core exec tsx bench/scoring.ts
//   (node flags: `tsx --expose-gc …` for live-memory checkpoints; env BENCH_ONLY=real|streamed,
//   BENCH_PARTNERS=90000, BENCH_CHUNK=4096, POBRATYM_REFERENCE_DIR=<folder of reference CSVs>)
//   1. every pair of the real catalogue (1,470 hromadas × 647 SE+NO partners from the reference
//      CSVs, with seeded random needs and offers), when the reference folder is present;
//   2. 1,469 hromadas × 90,000 synthetic partners, streamed in chunks, keeping the top 50
//      partners per hromada in fixed-size heaps, so memory stays flat in the number of partners.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { importReferenceFiles } from "../src/import/reference";
import {
  COOPERATION_AREAS,
  type CooperationAreaCode,
  compileScorer,
  type Hromada,
  type HromadaProfile,
  type Need,
  type Offer,
  type Partner,
  type PartnerProfile,
  type PlanRoundOptions,
  type PreparedHromada,
  planRound,
  type SituationCategory,
  type Tie,
  TopK,
} from "../src/index";

const here = dirname(fileURLToPath(import.meta.url));
const referenceDir =
  process.env.POBRATYM_REFERENCE_DIR ?? resolve(here, "../../reference-data/data");
const PARTNERS = Number(process.env.BENCH_PARTNERS ?? 90_000);
const TOP = 50;
const CHUNK = Number(process.env.BENCH_CHUNK ?? 4096);

// mulberry32: small, seeded, deterministic.
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const AREAS = COOPERATION_AREAS.map((a) => a.code) as CooperationAreaCode[];
const PRIORITIES = ["low", "medium", "high", "critical"] as const;
const EXPERIENCE = ["basic", "experienced", "expert"] as const;
const SITUATIONS: SituationCategory[] = [
  "occupied",
  "frontline",
  "deoccupied",
  "rear",
  "rear",
  "rear",
];
const OBLASTS =
  "UA-05 UA-07 UA-12 UA-14 UA-18 UA-21 UA-23 UA-26 UA-32 UA-35 UA-46 UA-48 UA-51 UA-53 UA-56 UA-59 UA-61 UA-63 UA-65 UA-68 UA-71 UA-74 UA-77".split(
    " ",
  );
const pick = <T>(r: () => number, list: readonly T[]): T =>
  list[Math.floor(r() * list.length)] as T;

function randomNeeds(r: () => number, id: string): Need[] {
  const n = 1 + Math.floor(r() * 5);
  return Array.from({ length: n }, (_, i) => ({
    id: `${id}-n${i}`,
    area: pick(r, AREAS),
    horizon: "long-term" as const,
    priority: pick(r, PRIORITIES),
    description: "",
    status: "open" as const,
  }));
}
function randomOffers(r: () => number, id: string): Offer[] {
  const n = 1 + Math.floor(r() * 4);
  return Array.from({ length: n }, (_, i) => ({
    id: `${id}-o${i}`,
    area: pick(r, AREAS),
    experience: pick(r, EXPERIENCE),
    resources: ["expertise" as const],
    description: "",
  }));
}

function syntheticHromada(r: () => number, i: number): HromadaProfile {
  const category = pick(r, SITUATIONS);
  const population = Math.round(10 ** (3.3 + r() * 2));
  const id = `ua-${i}`;
  return {
    municipality: {
      id,
      kind: "hromada",
      country: "UA",
      officialCode: `UA${String(10_000_000_000_000_000 + i).slice(1)}`,
      names: { local: id },
      region: { code: "x", name: "x", iso: pick(r, OBLASTS) },
      population,
      status: "published",
      workingLanguages: r() < 0.3 ? ["uk", "en"] : ["uk"],
      contacts: [],
      optOut: false,
      excludedIds: [],
      internationalExperience: r() < 0.2,
      preferences: { countries: r() < 0.1 ? ["SE"] : [] },
      situation: {
        category,
        occupiedBefore2022: false,
        ...(category === "rear" ? { displacedHosted: Math.round(r() * population * 0.3) } : {}),
      },
    },
    needs: randomNeeds(r, id),
    partnershipCount: r() < 0.3 ? 1 : 0,
  };
}

function syntheticPartner(r: () => number, i: number): PartnerProfile {
  const id = `eu-${i}`;
  return {
    municipality: {
      id,
      kind: "partner",
      country: pick(r, ["SE", "NO", "DE", "PL", "FI", "DK"]),
      officialCode: String(i),
      names: { local: id },
      region: { code: "x", name: "x" },
      population: Math.round(10 ** (3 + r() * 2.5)),
      status: "published",
      workingLanguages: r() < 0.7 ? ["en"] : [],
      contacts: [],
      optOut: false,
      excludedIds: [],
      capacity: 1 + Math.floor(r() * 3),
      politicalDecision: true,
      preferences: {
        regions: r() < 0.2 ? [pick(r, OBLASTS)] : [],
        situations: r() < 0.2 ? [pick(r, SITUATIONS)] : [],
      },
    },
    offers: randomOffers(r, id),
    ties: [],
    partnershipCount: 0,
  };
}

function mb(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(0)} MB`;
}

function rate(pairs: number, ms: number): string {
  return `${(((pairs / ms) * 1000) / 1e6).toFixed(1)} M pairs/s`;
}

let peakRss = 0;
let peakHeap = 0;
function sample(): void {
  const m = process.memoryUsage();
  if (m.rss > peakRss) peakRss = m.rss;
  if (m.heapUsed > peakHeap) peakHeap = m.heapUsed;
}

async function realCatalogue(): Promise<void> {
  if (!existsSync(resolve(referenceDir, "ua-hromadas.csv"))) {
    console.log(`real catalogue: skipped (${referenceDir} not found)`);
    return;
  }
  const files: Record<string, Uint8Array> = {};
  for (const name of readdirSync(referenceDir)) {
    if (name.endsWith(".csv")) files[name] = readFileSync(resolve(referenceDir, name));
  }
  const t00 = performance.now();
  const imported = importReferenceFiles(files);
  const importMs = performance.now() - t00;
  const hromadas = imported.municipalities.filter((m): m is Hromada => m.kind === "hromada");
  const partners = imported.municipalities.filter(
    (m): m is Partner => m.kind === "partner" && (m.country === "SE" || m.country === "NO"),
  );
  const tiesOf = new Map<string, Tie[]>();
  for (const t of imported.ties)
    tiesOf.set(t.municipalityId, [...(tiesOf.get(t.municipalityId) ?? []), t]);
  console.log(
    `real catalogue: imported ${hromadas.length} hromadas, ${partners.length} SE+NO partners, ${imported.ties.length} ties in ${importMs.toFixed(0)} ms`,
  );
  const r = rng(20240611);
  const hp: HromadaProfile[] = hromadas.map((m) => ({
    municipality: m,
    needs: randomNeeds(r, m.id),
    partnershipCount: 0,
  }));
  const pp: PartnerProfile[] = partners.map((m) => ({
    municipality: m,
    offers: randomOffers(r, m.id),
    ties: tiesOf.get(m.id) ?? [],
    partnershipCount: 0,
  }));
  const scorer = compileScorer({ policy: { excludeReviewCountryTies: true } });
  const t0 = performance.now();
  const ph = hp.map((h) => scorer.prepareHromada(h));
  const pq = pp.map((p) => scorer.preparePartner(p));
  const t1 = performance.now();
  let sum = 0;
  let kept = 0;
  for (const h of ph) {
    for (const p of pq) {
      const s = scorer.score(h, p);
      if (s >= 0) {
        sum += s;
        kept++;
      }
    }
  }
  const t2 = performance.now();
  sample();
  const pairs = ph.length * pq.length;
  console.log(
    `real catalogue: ${ph.length} hromadas × ${pq.length} partners = ${pairs.toLocaleString("en")} pairs; ` +
      `prepare ${(t1 - t0).toFixed(0)} ms, score ${(t2 - t1).toFixed(0)} ms (${rate(pairs, t2 - t1)}); ` +
      `${kept.toLocaleString("en")} not excluded, mean score ${(sum / kept).toFixed(2)}`,
  );
  const batch = scorer.batchPartners(pq);
  const out = new Float64Array(pq.length);
  const t3 = performance.now();
  for (const h of ph) scorer.scoreBatch(h, batch, out);
  const t4 = performance.now();
  console.log(`  column-wise batch scorer: ${(t4 - t3).toFixed(0)} ms (${rate(pairs, t4 - t3)})`);

  const runs: [string, PlanRoundOptions][] = [
    ["optimal, all pairs", {}],
    ["optimal, top-20 pruning", { candidatesPerSide: 20 }],
    ["max matched, top-20 pruning", { candidatesPerSide: 20, maximiseMatched: true }],
    ["stable, hromadas propose", { mode: "stable" }],
    ["stable, partners propose", { mode: "stable", proposing: "partners" }],
  ];
  for (const [name, opts] of runs) {
    const t = performance.now();
    const plan = planRound(hp, pp, { ...opts, policy: { excludeReviewCountryTies: true } });
    const ms = performance.now() - t;
    sample();
    const extra = plan.stable
      ? `; optimum ${plan.stable.optimum}, stability costs ${plan.stable.cost} (${((100 * plan.stable.cost) / plan.stable.optimum).toFixed(2)} %)`
      : "";
    console.log(
      `  planRound ${name}: ${ms.toFixed(0)} ms, ${plan.pairs.length} pairs, objective ${plan.objective}, ` +
        `${plan.matchedHromadas} hromadas matched; candidates ${plan.pruning.candidateEdges.toLocaleString("en")}, ` +
        `${plan.pruning.method}, ${plan.pruning.solves} solve(s)${extra}`,
    );
  }
}

function streamed(): void {
  const scorer = compileScorer();
  const rh = rng(1);
  const hromadas = Array.from({ length: 1469 }, (_, i) =>
    scorer.prepareHromada(syntheticHromada(rh, i)),
  );
  const tops = hromadas.map(() => new TopK(TOP));
  const thresholds = new Float64Array(hromadas.length).fill(Number.NEGATIVE_INFINITY);
  const scores = new Float64Array(CHUNK);
  const rp = rng(2);
  sample();
  const rssBefore = process.memoryUsage().rss;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  let scoreMs = 0;
  let scoreCpuMs = 0;
  let generateMs = 0;
  let prepareMs = 0;
  let nextCheckpoint = 0.25;
  const checkpoints: string[] = [];
  // Partners arrive in chunks of CHUNK; each chunk is scored against every hromada and dropped.
  for (let start = 0; start < PARTNERS; start += CHUNK) {
    const n = Math.min(CHUNK, PARTNERS - start);
    const g0 = performance.now();
    const raw = Array.from({ length: n }, (_, j) => syntheticPartner(rp, start + j));
    const g1 = performance.now();
    const chunk = raw.map((p) => scorer.preparePartner(p));
    const s0 = performance.now();
    generateMs += g1 - g0;
    prepareMs += s0 - g1;
    const c0 = process.cpuUsage();
    const batch = scorer.batchPartners(chunk);
    for (let i = 0; i < hromadas.length; i++) {
      scorer.scoreBatch(hromadas[i] as PreparedHromada, batch, scores);
      let threshold = thresholds[i] as number;
      for (let j = 0; j < n; j++) {
        const s = scores[j] as number;
        if (s > threshold) {
          const top = tops[i] as TopK;
          top.push(s, start + (batch.source[j] as number));
          threshold = top.threshold;
        }
      }
      thresholds[i] = threshold;
    }
    scoreMs += performance.now() - s0;
    const c1 = process.cpuUsage(c0);
    scoreCpuMs += (c1.user + c1.system) / 1000;
    sample();
    const done = start + n;
    if (done >= nextCheckpoint * PARTNERS || done === PARTNERS) {
      // With --expose-gc, collect first so the figure is live memory, not garbage not yet swept.
      (globalThis as { gc?: () => void }).gc?.();
      checkpoints.push(`${done.toLocaleString("en")}: ${mb(process.memoryUsage().heapUsed)}`);
      nextCheckpoint += 0.25;
    }
  }
  const t1 = performance.now();
  const cpu = process.cpuUsage(cpu0);
  sample();
  const pairs = hromadas.length * PARTNERS;
  const best = tops[0]?.sorted()[0];
  console.log(
    `streamed: ${hromadas.length} hromadas × ${PARTNERS.toLocaleString("en")} synthetic partners = ${pairs.toLocaleString("en")} pairs, top-${TOP} per hromada, chunks of ${CHUNK}`,
  );
  console.log(
    `  total ${(t1 - t0).toFixed(0)} ms (${rate(pairs, t1 - t0)}), of which scoring+selection ${scoreMs.toFixed(0)} ms (${rate(pairs, scoreMs)}); ` +
      `generating partners ${generateMs.toFixed(0)} ms (bench only), preparing them ${prepareMs.toFixed(0)} ms`,
  );
  console.log(
    `  CPU time ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms (${rate(pairs, (cpu.user + cpu.system) / 1000)}), of which scoring+selection ${scoreCpuMs.toFixed(0)} ms (${rate(pairs, scoreCpuMs)}); load average ${loadavg()[0]?.toFixed(2)} on ${availableParallelism()} cores`,
  );
  console.log(`  heap used after partners ${checkpoints.join(", ")}`);
  console.log(`  machine after: ${calibrate()}`);
  console.log(
    `  rss before ${mb(rssBefore)}, peak rss ${mb(peakRss)}, peak heap used ${mb(peakHeap)}; best of ua-0: ${best ? `eu-${best.index} ${best.score.toFixed(2)}` : "none"}`,
  );
  return;
}

// A trivial loop, to tell how busy the machine is while the figures above were taken.
function calibrate(): string {
  const n = 1469;
  const a = Float64Array.from({ length: n }, (_, i) => (i % 97) / 97);
  const b = new Float64Array(n);
  let best = Number.POSITIVE_INFINITY;
  for (let rep = 0; rep < 5; rep++) {
    const t = performance.now();
    for (let j = 0; j < 4000; j++) {
      const x = j * 1e-4;
      for (let i = 0; i < n; i++) {
        const d = Math.abs((a[i] as number) - x);
        b[i] = d >= 1 ? 0 : 1 - d;
      }
    }
    best = Math.min(best, performance.now() - t);
  }
  return `calibration loop ${((n * 4000) / best / 1000).toFixed(0)} M elements/s (best of 5)`;
}

console.log(
  `machine: ${calibrate()}, load average ${loadavg()[0]?.toFixed(2)} on ${availableParallelism()} cores`,
);
const only = process.env.BENCH_ONLY; // "real" or "streamed"
if (only !== "streamed") await realCatalogue();
if (only !== "real") streamed();
