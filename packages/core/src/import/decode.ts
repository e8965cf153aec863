// Core compiles without DOM or Node types; TextDecoder is a global in every runtime core supports.
declare const TextDecoder: new (
  label?: string,
  options?: { fatal?: boolean; ignoreBOM?: boolean },
) => { decode(input: Uint8Array): string };

/** CSV input as text, or as the raw bytes of a UTF-8 file. */
export type CsvInput = string | Uint8Array;

/**
 * Decodes UTF-8 bytes with the global `TextDecoder` (a leading BOM is dropped); strings pass
 * through. Invalid byte sequences become U+FFFD, which the importers report per row.
 */
export function decodeText(input: CsvInput): string {
  if (typeof input === "string") return input;
  return new TextDecoder("utf-8", { fatal: false }).decode(input);
}
