/**
 * Performance figures for the dashboard, printed as a table (never asserted by tests):
 *   - initial JS, gzipped: the entry script plus its modulepreload links in dist/index.html;
 *   - catalogue interactive: navigation start → search box enabled and first result rows rendered;
 *   - map drawn: hromada GeoJSON response received → every hromada dot in the SVG.
 * Needs the built dashboard (dist/) and, for the browser figures, the built API and the reference
 * data (~2,100 municipalities); run `pnpm build` first. Usage: `pnpm --filter @pobratym/dashboard bench`.
 */
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { type Browser, chromium } from "playwright-core";
import {
  API_ENTRY,
  CHROMIUM,
  DIST_DIR,
  hasReferenceData,
  REFERENCE_DIR,
  startServer,
} from "../e2e/server";

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const INITIAL_JS_TARGET_KB = 250;
const CATALOGUE_TARGET_MS = 1500;
const MAP_TARGET_MS = 300;

interface Row {
  metric: string;
  value: string;
  target: string;
  pass: boolean | null;
}
const rows: Row[] = [];

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? Number.NaN) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};
const spread = (xs: readonly number[]) =>
  `min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)}, n=${xs.length}`;

/** Entry script and modulepreload links of dist/index.html, gzipped one by one. */
async function measureBundle(): Promise<void> {
  const html = await readFile(join(DIST_DIR, "index.html"), "utf8");
  const initial = new Set<string>();
  for (const tag of html.match(/<(script|link)\b[^>]*>/g) ?? []) {
    const isEntry = tag.startsWith("<script") && /type="module"/.test(tag);
    const isPreload = tag.startsWith("<link") && /rel="modulepreload"/.test(tag);
    const src = /(?:src|href)="([^"]+)"/.exec(tag)?.[1];
    if ((isEntry || isPreload) && src) initial.add(src.replace(/^\//, ""));
  }
  console.info("Initial JS (dist/index.html: entry + modulepreload):");
  let total = 0;
  for (const file of initial) {
    const size = gzipSync(await readFile(join(DIST_DIR, file))).length;
    total += size;
    console.info(`  ${file.padEnd(40)} ${kb(size).padStart(10)}`);
  }
  console.info(`  ${"total".padEnd(40)} ${kb(total).padStart(10)}`);

  let all = 0;
  let count = 0;
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.name.endsWith(".js")) {
        all += gzipSync(await readFile(path)).length;
        count += 1;
      }
    }
  };
  await walk(DIST_DIR);
  console.info(`All JS chunks: ${count} files, ${kb(all)} gzipped\n`);

  rows.push({
    metric: `initial JS, gzipped (${initial.size} files)`,
    value: kb(total),
    target: `≤ ${INITIAL_JS_TARGET_KB} kB`,
    pass: total <= INITIAL_JS_TARGET_KB * 1000,
  });
  rows.push({
    metric: `all JS chunks, gzipped (${count})`,
    value: kb(all),
    target: "—",
    pass: null,
  });
}

/** Cold loads of `/` in fresh contexts: ms from navigation start to search box + rows ready. */
async function measureCatalogue(browser: Browser, url: string): Promise<void> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const context = await browser.newContext({
      locale: "en-GB",
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    await page.goto(`${url}/`, { waitUntil: "commit" });
    // Polled every animation frame; performance.now() counts from the navigation's time origin.
    const ready = await page.waitForFunction(
      () => {
        const box = document.querySelector<HTMLInputElement>('input[type="search"]');
        const row = document.querySelector("tbody tr");
        return box && !box.disabled && row ? performance.now() : false;
      },
      undefined,
      { polling: "raf", timeout: 30_000 },
    );
    times.push(Number(await ready.jsonValue()));
    const rowCount = await page.locator("tbody tr").count();
    if (i === 0) console.info(`Catalogue: ${rowCount} rows on the first page`);
    await context.close();
  }
  console.info(`Catalogue interactive (ms): ${times.map((t) => t.toFixed(0)).join(", ")}`);
  rows.push({
    metric: "catalogue interactive, cold (median)",
    value: `${median(times).toFixed(0)} ms`,
    target: `< ${CATALOGUE_TARGET_MS} ms`,
    pass: median(times) < CATALOGUE_TARGET_MS,
  });
  rows.push({ metric: "  spread", value: spread(times), target: "", pass: null });
}

interface MapTiming {
  responseEnd: number;
  data: number;
  drawn: number;
  dots: number;
  marked: number;
  /** When the oblast outlines arrived (the map waits for both). */
  shapesEnd: number;
}

/** Fresh loads of /map: GeoJSON response end → "map:drawn", checked against the circles drawn. */
async function measureMap(browser: Browser, url: string): Promise<void> {
  const runs: MapTiming[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const context = await browser.newContext({
      locale: "en-GB",
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    await page.goto(`${url}/map`, { waitUntil: "commit" });
    const handle = await page.waitForFunction(
      () => {
        const drawn = performance.getEntriesByName("map:drawn", "mark")[0] as
          | PerformanceMark
          | undefined;
        const data = performance.getEntriesByName("map:data", "mark")[0];
        const response = performance
          .getEntriesByType("resource")
          .find((e) => e.name.includes("format=geojson")) as PerformanceResourceTiming | undefined;
        const shapes = performance
          .getEntriesByType("resource")
          .find((e) => e.name.includes("oblasts.topo.json")) as
          | PerformanceResourceTiming
          | undefined;
        if (!drawn || !data || !response) return false;
        return {
          responseEnd: response.responseEnd,
          data: data.startTime,
          drawn: drawn.startTime,
          dots: document.querySelectorAll("svg circle.map-point").length,
          marked: Number(drawn.detail),
          shapesEnd: shapes?.responseEnd ?? 0,
        };
      },
      undefined,
      { polling: 50, timeout: 30_000 },
    );
    runs.push((await handle.jsonValue()) as MapTiming);
    await context.close();
  }
  const total = runs.map((r) => r.drawn - r.responseEnd);
  const render = runs.map((r) => r.drawn - r.data);
  const parse = runs.map((r) => r.data - r.responseEnd);
  const shapesWait = runs.map((r) => Math.max(0, r.shapesEnd - r.data));
  const first = runs[0];
  const expected = await fetch(`${url}/api/v1/municipalities?kind=hromada&format=geojson`)
    .then((r) => r.json() as Promise<{ features: unknown[] }>)
    .then((c) => c.features.length);
  console.info(
    `Map: ${first?.dots} circles in the SVG (mark says ${first?.marked}; the GeoJSON has ${expected} features)`,
  );
  console.info(`Map response → drawn (ms): ${total.map((t) => t.toFixed(0)).join(", ")}`);
  console.info(`Map response → parsed (ms): ${parse.map((t) => t.toFixed(0)).join(", ")}`);
  console.info(`Map parsed → drawn (ms):   ${render.map((t) => t.toFixed(0)).join(", ")}`);
  console.info(
    `  of which waiting for the oblast outlines after the points (ms): ${shapesWait.map((t) => t.toFixed(0)).join(", ")}\n`,
  );
  rows.push({
    metric: `map drawn, response → ${first?.dots} dots (median)`,
    value: `${median(total).toFixed(0)} ms`,
    target: `< ${MAP_TARGET_MS} ms`,
    pass: median(total) < MAP_TARGET_MS && first?.dots === expected,
  });
  rows.push({ metric: "  spread", value: spread(total), target: "", pass: null });
  rows.push({
    metric: "  of which JSON + schema check (response → parsed)",
    value: `${median(parse).toFixed(0)} ms`,
    target: "",
    pass: null,
  });
  rows.push({
    metric: "  of which projection + render (parsed → drawn)",
    value: `${median(render).toFixed(0)} ms`,
    target: "",
    pass: null,
  });
}

function printTable(): void {
  const widths = [
    Math.max(6, ...rows.map((r) => r.metric.length)),
    Math.max(5, ...rows.map((r) => r.value.length)),
    Math.max(6, ...rows.map((r) => r.target.length)),
  ] as const;
  const line = (a: string, b: string, c: string, d: string) =>
    `${a.padEnd(widths[0])}  ${b.padStart(widths[1])}  ${c.padEnd(widths[2])}  ${d}`;
  console.info(line("metric", "value", "target", "result"));
  console.info(line("-".repeat(widths[0]), "-".repeat(widths[1]), "-".repeat(widths[2]), "------"));
  for (const r of rows) {
    console.info(
      line(r.metric, r.value, r.target, r.pass === null ? "" : r.pass ? "pass" : "FAIL"),
    );
  }
}

async function main(): Promise<void> {
  if (!existsSync(join(DIST_DIR, "index.html"))) {
    console.error(
      `dist/ is missing: run \`pnpm --filter @pobratym/dashboard build\` (and the API's build) first.`,
    );
    process.exitCode = 1;
    return;
  }
  await measureBundle();

  const skip = !existsSync(API_ENTRY)
    ? `the API is not built (${API_ENTRY}): run \`pnpm --filter @pobratym/api build\``
    : !hasReferenceData
      ? `no reference data in ${REFERENCE_DIR} (set POBRATYM_REFERENCE_DIR)`
      : !existsSync(CHROMIUM)
        ? `${CHROMIUM} is not installed`
        : null;
  if (skip) {
    console.warn(`Skipping the catalogue and map figures: ${skip}.\n`);
  } else {
    const server = await startServer();
    if (server.mode === "stub") throw new Error("the bench needs the real API, not the stub");
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync"],
    });
    try {
      console.info(`Serving ${server.url} (${server.mode}); ${RUNS} runs each\n`);
      // One throwaway load so the API's first-query costs are not in the figures.
      await fetch(`${server.url}/api/v1/municipalities?kind=hromada&format=geojson`);
      await fetch(`${server.url}/api/v1/municipalities`);
      await measureCatalogue(browser, server.url);
      await measureMap(browser, server.url);
    } finally {
      await browser.close();
      await server.stop();
    }
  }
  printTable();
}

await main();
