// An RFC 4180 CSV reader that never throws: malformed input yields structural errors, and every
// record keeps the line it starts on, so an importer can report problems row by row.

/** A structural problem found while reading CSV text. */
export type CsvErrorCode = "unterminated-quote" | "stray-quote" | "field-count";

/** A structural problem in CSV text: where it is (1-based line, and data row if any) and what. */
export interface CsvError {
  code: CsvErrorCode;
  /** The 1-based physical line the problem is on (the header is line 1). */
  line: number;
  /** The 1-based data row (the first record after the header is row 1); 0 for the header. */
  row: number;
  message: string;
}

/** One data record: its fields, the line it starts on and its 1-based position after the header. */
export interface CsvRecord {
  /** The 1-based physical line the record starts on (the header is line 1). */
  line: number;
  /** The 1-based data row: the first record after the header is row 1. */
  row: number;
  fields: string[];
}

/** The result of reading CSV text: the header's field names, the data records and any problems. */
export interface CsvTable {
  header: string[];
  rows: CsvRecord[];
  errors: CsvError[];
}

/**
 * Reads CSV text as RFC 4180 describes it: fields separated by commas, records by CRLF or LF,
 * fields optionally in double quotes with `""` for a quote inside. A leading byte-order mark is
 * dropped and blank lines are skipped. It never throws: an unterminated quote, a quote inside an
 * unquoted field or text after a closing quote, and a record whose field count differs from the
 * header's are reported in `errors` (the record is still returned, so the caller decides).
 * @example
 * const { header, rows } = parseCsv('name,population\r\n"Lviv, city",717273\r\n');
 * // header: ["name", "population"]; rows[0]: { line: 2, row: 1, fields: ["Lviv, city", "717273"] }
 */
export function parseCsv(text: string): CsvTable {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: { line: number; fields: string[] }[] = [];
  const errors: CsvError[] = [];
  const n = input.length;
  let i = 0;
  let line = 1;

  while (i < n) {
    const startLine = line;
    const fields: string[] = [];
    let field = "";
    let endOfRecord = false;
    // Each iteration reads one field.
    while (!endOfRecord) {
      field = "";
      if (input[i] === '"') {
        i++;
        let closed = false;
        while (i < n) {
          const ch = input[i];
          if (ch === '"') {
            if (input[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            closed = true;
            break;
          }
          if (ch === "\n") line++;
          field += ch;
          i++;
        }
        if (!closed) {
          errors.push({
            code: "unterminated-quote",
            line: startLine,
            row: -1,
            message: `a quoted field opened on line ${startLine} is never closed`,
          });
        } else {
          // Anything between the closing quote and the next separator is malformed; keep it.
          let trailing = "";
          while (i < n && input[i] !== "," && input[i] !== "\n" && input[i] !== "\r") {
            trailing += input[i];
            i++;
          }
          if (trailing !== "") {
            errors.push({
              code: "stray-quote",
              line,
              row: -1,
              message: `text after a closing quote: ${JSON.stringify(trailing.slice(0, 20))}`,
            });
            field += trailing;
          }
        }
      } else {
        let stray = false;
        while (i < n && input[i] !== "," && input[i] !== "\n" && input[i] !== "\r") {
          if (input[i] === '"') stray = true;
          field += input[i];
          i++;
        }
        if (stray) {
          errors.push({
            code: "stray-quote",
            line,
            row: -1,
            message: `a double quote inside an unquoted field: ${JSON.stringify(field.slice(0, 20))}`,
          });
        }
      }
      fields.push(field);
      if (i >= n) {
        endOfRecord = true;
      } else if (input[i] === ",") {
        i++;
        // A trailing comma at the end of the input still ends with one empty field.
        if (i >= n) {
          fields.push("");
          endOfRecord = true;
        }
      } else {
        // CRLF, LF, or a lone CR (accepted as a line end).
        if (input[i] === "\r" && input[i + 1] === "\n") i += 2;
        else i++;
        line++;
        endOfRecord = true;
      }
    }
    const blank = fields.length === 1 && fields[0] === "";
    if (!blank) records.push({ line: startLine, fields });
  }

  const [head, ...body] = records;
  const header = head ? head.fields.map((h) => h.trim()) : [];
  const rows: CsvRecord[] = body.map((r, index) => ({
    line: r.line,
    row: index + 1,
    fields: r.fields,
  }));
  // Give each structural error the data row whose record contains its line.
  const rowOfLine = (l: number): number => {
    let row = 0;
    for (const r of rows) {
      if (r.line <= l) row = r.row;
      else break;
    }
    return row;
  };
  for (const e of errors) e.row = rowOfLine(e.line);
  for (const r of rows) {
    if (head && r.fields.length !== header.length) {
      errors.push({
        code: "field-count",
        line: r.line,
        row: r.row,
        message: `expected ${header.length} fields as in the header, found ${r.fields.length}`,
      });
    }
  }
  errors.sort((a, b) => a.line - b.line);
  return { header, rows, errors };
}
