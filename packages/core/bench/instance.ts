// Reads a benchmark instance folder (the anchors' format: ua.csv, eu.csv, edges.csv) into a
// StableProblem. Ukrainian municipalities are the left side, European ones the right side; ids
// become 0-based indices in ascending id order on each side.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { StableProblem } from "../src/matching/types";

/** Parses a CSV of integers with a header line into one flat array, `cols` values a row. */
export function readIntCsv(path: string, cols: number): Float64Array {
  const buf = readFileSync(path);
  let i = buf.indexOf(10) + 1;
  if (i === 0) return new Float64Array(0);
  const out = new Float64Array(Math.ceil((buf.length - i) / 2) + 1);
  let n = 0;
  let v = 0;
  let inNum = false;
  let neg = false;
  for (; i < buf.length; i++) {
    const c = buf[i] as number;
    if (c >= 48 && c <= 57) {
      v = v * 10 + (c - 48);
      inNum = true;
    } else if (c === 45) {
      neg = true;
    } else {
      if (inNum) out[n++] = neg ? -v : v;
      v = 0;
      inNum = false;
      neg = false;
    }
  }
  if (inNum) out[n++] = neg ? -v : v;
  if (n % cols !== 0) throw new Error(`${path}: expected ${cols} integers a row`);
  return out.subarray(0, n);
}

function indexIds(rows: Float64Array, cols: number): { ids: number[]; index: Map<number, number> } {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += cols) ids.push(rows[i] as number);
  ids.sort((x, y) => x - y);
  const index = new Map<number, number>();
  for (let k = 0; k < ids.length; k++) index.set(ids[k] as number, k);
  return { ids, index };
}

/** Reads DIR/{ua,eu,edges}.csv into a StableProblem (left = ua, right = eu). */
export function readInstance(
  dir: string,
): StableProblem & { leftIds: number[]; rightIds: number[] } {
  const ua = readIntCsv(join(dir, "ua.csv"), 2);
  const eu = readIntCsv(join(dir, "eu.csv"), 2);
  const ed = readIntCsv(join(dir, "edges.csv"), 5);
  const left = indexIds(ua, 2);
  const right = indexIds(eu, 2);
  const leftQuota = new Int32Array(left.ids.length);
  for (let i = 0; i < ua.length; i += 2)
    leftQuota[left.index.get(ua[i] as number) as number] = ua[i + 1] as number;
  const rightQuota = new Int32Array(right.ids.length);
  for (let i = 0; i < eu.length; i += 2)
    rightQuota[right.index.get(eu[i] as number) as number] = eu[i + 1] as number;
  const m = ed.length / 5;
  const edgeLeft = new Int32Array(m);
  const edgeRight = new Int32Array(m);
  const edgeScore = new Float64Array(m);
  const edgeLeftPref = new Float64Array(m);
  const edgeRightPref = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    const o = 5 * k;
    const u = left.index.get(ed[o] as number);
    const e = right.index.get(ed[o + 1] as number);
    if (u === undefined || e === undefined)
      throw new Error(`${dir}/edges.csv row ${k + 2}: unknown id`);
    edgeLeft[k] = u;
    edgeRight[k] = e;
    edgeScore[k] = ed[o + 2] as number;
    edgeLeftPref[k] = ed[o + 3] as number;
    edgeRightPref[k] = ed[o + 4] as number;
  }
  return {
    leftCount: left.ids.length,
    rightCount: right.ids.length,
    leftQuota,
    rightQuota,
    edgeLeft,
    edgeRight,
    edgeScore,
    edgeLeftPref,
    edgeRightPref,
    leftIds: left.ids,
    rightIds: right.ids,
  };
}
