import { ATTRIBUTION_ROW } from "@pobratym/core";
import { expect } from "vitest";

/**
 * The lines of a CSV export (CRLF-separated, header first) after checking that the last one is
 * the attribution row, `"Source: …"`, which every export ends with; that row is left out.
 */
export function csvLines(text: string): string[] {
  const lines = text
    .replace(/^\uFEFF/, "")
    .trimEnd()
    .split("\r\n");
  expect(lines.at(-1), "the last row of a CSV export").toBe(
    `"${ATTRIBUTION_ROW.replaceAll('"', '""')}"`,
  );
  return lines.slice(0, -1);
}
