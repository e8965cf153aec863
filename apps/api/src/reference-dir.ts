import { fileURLToPath } from "node:url";
import { referenceDataUrl } from "@pobratym/reference-data";

/** Set POBRATYM_REFERENCE_DIR to this to start without importing any reference folder. */
export const NO_REFERENCE = "off";

/** The data folder of @pobratym/reference-data, which ships with the product. */
export const PACKAGED_REFERENCE_DIR = fileURLToPath(referenceDataUrl);

/**
 * The reference folder a Node process imports: POBRATYM_REFERENCE_DIR when set (`off` for none),
 * else the catalogue shipped in @pobratym/reference-data, so a fresh clone's `pnpm start` serves
 * the whole catalogue with nothing beside the checkout and nothing to set.
 */
export function referenceDirFor(
  configured: string | undefined,
  packaged: string = PACKAGED_REFERENCE_DIR,
): string | undefined {
  if (configured === NO_REFERENCE) return undefined;
  return configured ?? packaged;
}
