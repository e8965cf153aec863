import { ATTRIBUTION_ROW } from "@pobratym/core";

/**
 * One CSV cell (RFC 4180). Text that a spreadsheet would run as a formula gets a leading
 * apostrophe (OWASP's advice against CSV injection); numbers are left alone.
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value !== "string") return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * Rows of cells to CSV text with CRLF line ends, a header row and, last, one row of one cell
 * `Source: …` with the attribution line: every export carries the attribution the data's licences
 * require, and core's importers skip that row when the file is read back.
 */
export function toCsv(
  header: readonly string[],
  rows: Iterable<readonly (string | number | boolean | null | undefined)[]>,
): string {
  const lines = [header.map(csvCell).join(",")];
  for (const row of rows) lines.push(row.map(csvCell).join(","));
  lines.push(csvCell(ATTRIBUTION_ROW));
  return `${lines.join("\r\n")}\r\n`;
}

/**
 * A CSV download for spreadsheets: UTF-8 with a byte-order mark (so Excel reads Cyrillic and
 * Nordic letters right) and `Content-Disposition: attachment`.
 */
export function csvDownload(
  text: string,
  filename: string,
): { body: string; headers: Record<string, string> } {
  return {
    body: `\uFEFF${text}`,
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, "_")}"`,
    },
  };
}
