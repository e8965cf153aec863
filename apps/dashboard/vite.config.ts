import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// Same origin in production (the API serves dist/); in dev, Vite forwards /api to the local API.
export default defineConfig({
  plugins: [react()],
  build: { outDir: "dist", sourcemap: true, target: "es2022" },
  server: {
    proxy: {
      "/api": {
        target: process.env.POBRATYM_API_URL ?? "http://localhost:8787",
        changeOrigin: true,
      },
    },
  },
});
