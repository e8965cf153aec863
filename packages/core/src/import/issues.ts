/** Stable codes of the problems an import reports. */
export type ImportIssueCode =
  | "unterminated-quote"
  | "stray-quote"
  | "field-count"
  | "missing-column"
  | "missing-value"
  | "invalid-utf8"
  | "invalid-code"
  | "invalid-number"
  | "invalid-value"
  | "duplicate-code"
  | "unknown-country"
  | "unresolved-town"
  | "ambiguous-town"
  | "missing-status"
  | "missing-file"
  | "ignored-file"
  | "wrong-delimiter"
  | "wrong-encoding"
  | "impossible-value"
  | "unknown-code"
  | "truncated-file";

/**
 * One problem found while importing a reference file. `row` is the 1-based data row (the first
 * record after the header is row 1) and 0 for a problem with the file as a whole; `line` is the
 * 1-based physical line, as a text editor or spreadsheet counts it; `field` names the column.
 */
export interface ImportIssue {
  file: string;
  row: number;
  line?: number;
  field?: string;
  code: ImportIssueCode;
  message: string;
}

/** What one importer returns: the valid entities, the rows it rejected and what it noticed. */
export interface ImportResult<T> {
  items: T[];
  /** Rows (or whole files) that could not be loaded. */
  errors: ImportIssue[];
  /** Things that were loaded with a fallback, or skipped on purpose (for example unresolved names). */
  warnings: ImportIssue[];
  /** Data rows read from the file. */
  rows: number;
}
