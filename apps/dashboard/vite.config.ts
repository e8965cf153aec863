import react from "@vitejs/plugin-react";
import { defaultClientConditions, defineConfig, type Plugin } from "vite";

/** Vite's default: a chunk past this many kB (minified) is worth splitting. */
const CHUNK_WARNING_KB = 500;
/**
 * Chunks allowed past it, by name, as long as they are loaded lazily: `countries-50m` is
 * world-atlas's 1:50m country outlines (Natural Earth, ~750 kB of JSON as one module), which only
 * the map's Europe tab imports, on demand (src/features/map/api/get-country-shapes.ts). It cannot
 * be split smaller, and it never weighs on the first load.
 */
const LARGE_LAZY_CHUNKS = new Set(["countries-50m"]);

/**
 * Vite's chunk size warning takes one limit for every chunk; raising it for the outlines would
 * hide any other chunk that grows past 500 kB. So the built-in warning is off (below) and this
 * gives the same warning for every chunk but the lazy outlines, or for them too once imported eagerly.
 */
function chunkSizeWarning(): Plugin {
  return {
    name: "pobratym:chunk-size-warning",
    apply: "build",
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type !== "chunk") continue;
        if (file.isDynamicEntry && LARGE_LAZY_CHUNKS.has(file.name)) continue;
        const kb = file.code.length / 1000;
        if (kb > CHUNK_WARNING_KB) {
          this.warn(
            `${file.fileName} is ${kb.toFixed(0)} kB after minification (over ${CHUNK_WARNING_KB} kB): split it with a dynamic import(), or list it in LARGE_LAZY_CHUNKS if it is already lazy and cannot be split.`,
          );
        }
      }
    },
  };
}

const API_TARGET = process.env.POBRATYM_API_URL ?? "http://localhost:8787";

// Same origin in production (the API serves dist/); in dev, Vite forwards /api to the local API.
export default defineConfig({
  plugins: [react(), chunkSizeWarning()],
  // The workspace core is read from its source through its custom export condition.
  resolve: { conditions: ["@pobratym/source", ...defaultClientConditions] },
  build: {
    outDir: "dist",
    sourcemap: true,
    target: "es2022",
    // Off: chunkSizeWarning() above warns per chunk instead, with the lazy outlines exempt.
    chunkSizeWarningLimit: Number.POSITIVE_INFINITY,
    rollupOptions: {
      output: {
        // zod and src/lib/zod-config.ts in one chunk of their own, so jitless is set as zod loads:
        // zod probes for eval when a schema is built, and the shared chunks build core's schemas
        // before the entry's own body (where main.tsx imports zod-config) would run.
        manualChunks: (id) =>
          /[\\/]node_modules[\\/]zod[\\/]|[\\/]src[\\/]lib[\\/]zod-config\.ts$/.test(id)
            ? "zod"
            : undefined,
      },
    },
  },
  server: {
    proxy: {
      "/api": {
        target: API_TARGET,
        changeOrigin: true,
        // The API refuses cookie writes whose Origin is not its own (CSRF). The dashboard's own
        // origin here is Vite's, so the proxy, which is the dev-time stand-in for serving both
        // from one origin, presents the API's origin instead. Dev only: the build has no proxy.
        headers: { origin: new URL(API_TARGET).origin },
      },
    },
  },
});
