import type { z } from "zod";
import { isAttributionRow } from "./attribution";
import { parseCsv } from "./csv";
import { type CsvInput, decodeText } from "./decode";
import type { ImportIssue, ImportIssueCode } from "./issues";

/** One data row of a reference file, read by column name; problems go to the row's issues. */
export class TableRow {
  readonly issues: ImportIssue[] = [];

  constructor(
    readonly file: string,
    readonly row: number,
    readonly line: number,
    private readonly values: ReadonlyMap<string, string>,
  ) {}

  /** Records a problem with one field of this row. */
  fail(field: string | undefined, code: ImportIssueCode, message: string): void {
    const issue: ImportIssue = { file: this.file, row: this.row, line: this.line, code, message };
    if (field !== undefined) issue.field = field;
    this.issues.push(issue);
  }

  /** True when no problem has been recorded for this row. */
  get ok(): boolean {
    return this.issues.length === 0;
  }

  /** The trimmed value of a column, or undefined when empty or absent. */
  text(column: string): string | undefined {
    const v = this.values.get(column)?.trim().replace(/\s+/g, " ");
    return v ? v : undefined;
  }

  /** The trimmed value of a column that must not be empty. */
  required(column: string): string | undefined {
    const v = this.text(column);
    if (v === undefined) this.fail(column, "missing-value", `${column} is empty`);
    return v;
  }

  /** A whole number within bounds; empty gives undefined (or an error when `required`). */
  integer(
    column: string,
    opts: { min?: number; max?: number; required?: boolean } = {},
  ): number | undefined {
    return this.number(column, { ...opts, integer: true });
  }

  /** A decimal number within bounds; empty gives undefined (or an error when `required`). */
  number(
    column: string,
    opts: { min?: number; max?: number; required?: boolean; integer?: boolean } = {},
  ): number | undefined {
    const raw = opts.required ? this.required(column) : this.text(column);
    if (raw === undefined) return undefined;
    const pattern = opts.integer ? /^[+-]?\d+$/ : /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
    const value = Number(raw);
    if (!pattern.test(raw) || !Number.isFinite(value)) {
      this.fail(
        column,
        "invalid-number",
        `${column} is not ${opts.integer ? "a whole number" : "a number"}: ${JSON.stringify(raw)}`,
      );
      return undefined;
    }
    if (opts.min !== undefined && value < opts.min) {
      this.fail(column, "invalid-number", `${column} must be at least ${opts.min}, found ${raw}`);
      return undefined;
    }
    if (opts.max !== undefined && value > opts.max) {
      this.fail(column, "invalid-number", `${column} must be at most ${opts.max}, found ${raw}`);
      return undefined;
    }
    return value;
  }

  /** A 0/1 flag; empty gives undefined. */
  flag(column: string): boolean | undefined {
    const raw = this.text(column);
    if (raw === undefined) return undefined;
    if (raw === "1" || raw === "0") return raw === "1";
    this.fail(column, "invalid-value", `${column} must be 0 or 1, found ${JSON.stringify(raw)}`);
    return undefined;
  }

  /** Reports a failed schema parse, naming the CSV column each problem comes from. */
  failSchema(
    error: z.ZodError,
    columnOf: (path: readonly PropertyKey[]) => string | undefined,
  ): void {
    for (const issue of error.issues) {
      const column = columnOf(issue.path);
      const code: ImportIssueCode = issue.path.includes("officialCode")
        ? "invalid-code"
        : "invalid-value";
      const where = issue.path.map(String).join(".");
      this.fail(column ?? (where || undefined), code, `${column ?? where}: ${issue.message}`);
    }
  }
}

/** A reference file read into rows; `errors` holds file-level and structural row problems. */
export interface Table {
  file: string;
  rows: TableRow[];
  errors: ImportIssue[];
  /** Data rows in the file, including those rejected for structural problems. */
  rowCount: number;
  /** False when the file cannot be imported at all (a required column is missing). */
  usable: boolean;
}

/**
 * Decodes and parses a CSV file and checks its header has the required columns. Rows with a
 * structural problem (wrong field count, unterminated or stray quote, invalid UTF-8) are reported
 * and left out of `rows`; every other row is returned for the importer to validate. A last row
 * that is the attribution row of the app's own exports (`Source: …`) is not data and is skipped.
 */
export function readTable(
  file: string,
  input: CsvInput,
  requiredColumns: readonly string[],
): Table {
  const parsed = parseCsv(decodeText(input));
  const { header } = parsed;
  let { rows, errors: csvErrors } = parsed;
  const last = rows.at(-1);
  if (last && isAttributionRow(last.fields)) {
    rows = rows.slice(0, -1);
    csvErrors = csvErrors.filter((e) => !(e.row === last.row && e.code === "field-count"));
  }
  const errors: ImportIssue[] = [];
  const missing = requiredColumns.filter((c) => !header.includes(c));
  for (const column of missing) {
    errors.push({
      file,
      row: 0,
      line: 1,
      field: column,
      code: "missing-column",
      message: `the header has no column "${column}"`,
    });
  }
  if (header.length === 0) {
    errors.push({ file, row: 0, line: 1, code: "missing-column", message: "the file is empty" });
  }
  const badRows = new Set<number>();
  for (const e of csvErrors) {
    errors.push({ file, row: e.row, line: e.line, code: e.code, message: e.message });
    if (e.row > 0) badRows.add(e.row);
  }
  const out: TableRow[] = [];
  if (missing.length === 0 && header.length > 0) {
    for (const r of rows) {
      if (badRows.has(r.row)) continue;
      if (r.fields.some((f) => f.includes("\uFFFD"))) {
        const column = header[r.fields.findIndex((f) => f.includes("\uFFFD"))];
        const issue: ImportIssue = {
          file,
          row: r.row,
          line: r.line,
          code: "invalid-utf8",
          message: "the row contains bytes that are not valid UTF-8 (shown as U+FFFD)",
        };
        if (column !== undefined) issue.field = column;
        errors.push(issue);
        continue;
      }
      const values = new Map<string, string>();
      header.forEach((h, index) => {
        values.set(h, r.fields[index] ?? "");
      });
      out.push(new TableRow(file, r.row, r.line, values));
    }
  }
  return {
    file,
    rows: out,
    errors,
    rowCount: rows.length,
    usable: missing.length === 0 && header.length > 0,
  };
}
