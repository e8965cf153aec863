import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCsv } from "./csv";

describe("parseCsv", () => {
  it.each([
    ["LF line ends", "a,b\n1,2\n3,4\n"],
    ["CRLF line ends", "a,b\r\n1,2\r\n3,4\r\n"],
    ["no final line end", "a,b\n1,2\n3,4"],
    ["a byte-order mark", "\uFEFFa,b\n1,2\n3,4\n"],
    ["blank lines", "a,b\n\n1,2\n\r\n3,4\n\n"],
  ])("reads a header and rows with %s", (_, text) => {
    const table = parseCsv(text);
    expect(table.header).toEqual(["a", "b"]);
    expect(table.rows.map((r) => r.fields)).toEqual([
      ["1", "2"],
      ["3", "4"],
    ]);
    expect(table.errors).toEqual([]);
  });

  it("reads quoted fields with commas, escaped quotes and line breaks", () => {
    const table = parseCsv('name,note\r\n"Lviv, city","say ""hi"""\r\n"two\r\nlines",x\r\n');
    expect(table.rows.map((r) => r.fields)).toEqual([
      ["Lviv, city", 'say "hi"'],
      ["two\r\nlines", "x"],
    ]);
    expect(table.errors).toEqual([]);
  });

  it("numbers rows from 1 after the header and keeps the line each record starts on", () => {
    const table = parseCsv('h\n"a\nb"\n\nc\n');
    expect(table.rows.map(({ row, line }) => ({ row, line }))).toEqual([
      { row: 1, line: 2 },
      { row: 2, line: 5 },
    ]);
  });

  it("keeps empty fields, including a trailing one", () => {
    expect(parseCsv("a,b,c\n,,\n1,,").rows.map((r) => r.fields)).toEqual([
      ["", "", ""],
      ["1", "", ""],
    ]);
  });

  it("reports an unterminated quote instead of throwing", () => {
    const table = parseCsv('a,b\n1,2\n3,"open\n4,5\n');
    expect(table.rows[0]?.fields).toEqual(["1", "2"]);
    expect(table.errors).toContainEqual(
      expect.objectContaining({ code: "unterminated-quote", line: 3, row: 2 }),
    );
  });

  it.each([
    ['a,b\n1,x"y\n', 2],
    ['a,b\n1,"x"y\n', 2],
  ])("reports a stray quote in %j", (text, line) => {
    const table = parseCsv(text);
    expect(table.errors).toEqual([expect.objectContaining({ code: "stray-quote", line, row: 1 })]);
    expect(table.rows).toHaveLength(1);
  });

  it("reports a record whose field count differs from the header's", () => {
    const table = parseCsv("a,b\n1,2,3\n4\n5,6\n");
    expect(table.errors.map((e) => [e.code, e.row])).toEqual([
      ["field-count", 1],
      ["field-count", 2],
    ]);
    expect(table.rows).toHaveLength(3);
  });

  it("returns an empty table for empty input", () => {
    expect(parseCsv("")).toEqual({ header: [], rows: [], errors: [] });
  });

  it("never throws and round-trips fields it quoted itself", () => {
    const field = fc.string({ maxLength: 12 });
    fc.assert(
      fc.property(
        fc.array(fc.array(field, { minLength: 2, maxLength: 2 }), { maxLength: 6 }),
        (rows) => {
          const quote = (s: string) => `"${s.replaceAll('"', '""')}"`;
          const text = ["h1,h2", ...rows.map((r) => r.map(quote).join(","))].join("\r\n");
          const table = parseCsv(text);
          expect(table.errors).toEqual([]);
          expect(table.rows.map((r) => r.fields)).toEqual(rows);
        },
      ),
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        expect(() => parseCsv(text)).not.toThrow();
      }),
    );
  });
});
