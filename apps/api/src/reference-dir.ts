import { existsSync } from "node:fs";
import { join, resolve } from "node:path";

/** Set POBRATYM_REFERENCE_DIR to this to start without importing any reference folder. */
export const NO_REFERENCE = "off";

/**
 * The reference folder a Node process imports at start-up: POBRATYM_REFERENCE_DIR when set (`off`
 * for none), else `shared/data` beside the checkout when it holds the reference files — the layout
 * this project is developed in, so `pnpm start` comes up with the real catalogue. A deployment
 * without that folder gets the demo dataset only, as before.
 */
export function referenceDirFor(
  configured: string | undefined,
  checkoutRoot: string,
  exists: (path: string) => boolean = existsSync,
): string | undefined {
  if (configured === NO_REFERENCE) return undefined;
  if (configured) return configured;
  const sibling = resolve(checkoutRoot, "..", "shared", "data");
  return exists(join(sibling, "ua-hromadas.csv")) ? sibling : undefined;
}
